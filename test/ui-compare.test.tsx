// The Compare view as a user drives it, on the screen the real App paints (test/helpers/explorer.tsx).
// Expectations read from the yearbook text (the same readings as test/compare.test.ts):
// - 002, Fujian 2012, Poverty Alleviation by Relocation: "actually put in 7.013 billion yuan, of
//   which 1.588 billion … and 4.667 billion …" (parts), a work-for-relief subsidy of one million and
//   "a total of 100 million yuan in the whole year": 7,114.00 million in 3 figures, the largest
//   relocation total of any report.
// - Jilin's anti-poverty funds: 409.5 million in 2009 (003: 402 million put in, 7.5 million for the
//   pilot mutual funds), 743.5 million in 2012 (002: 680 million, 63.5 million): Δ +334.00, +81.56%.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openCorpus} from '../source/commands/context.ts';
import {corpusFile} from './helpers/corpus.ts';
import {KEY, mount, selectedLine} from './helpers/explorer.tsx';

const {display: model} = await openCorpus(corpusFile);

test('c opens Compare; each key typed updates the rows; Fujian leads relocation with 7,114.00 in 3 figures', async t => {
	const ui = mount(model, {columns: 120, rows: 40});
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('c');
	await ui.until(f => f.includes('What money:') && f.includes('Type what money to compare'), 'the empty query box');
	await ui.press(...'reloc');
	let screen = await ui.until(f => /› Fujian\s+2012\s+7,114\.00\s+3\s/.test(f), 'rows as the query is typed');
	await ui.press(...'ation');
	screen = await ui.until(f => f.includes('What money: relocation█'), 'the whole query');
	assert.match(selectedLine(screen), /› Fujian\s+2012\s+7,114\.00\s+3\s+[\d.]+%\s+█+\s+funds put in/);
	// Bars are scaled to the largest total: the first is the longest.
	const bars = screen
		.split('\n')
		.filter(l => /\d%\s+[█▏▎▍▌▋▊▉]/.test(l))
		.map(l => /([█▏▎▍▌▋▊▉]+)/.exec(l)![1]!.length);
	assert.ok(bars.length > 5 && bars.every(b => b <= bars[0]!), `bars ${bars}`);
	assert.match(screen.split('\n')[0]!, /^ Compare · funds · actual · totals · \d+ reports · by total/);
});

test('into the evidence and back: the row opens its funds table with only its figures, then the text; Backspace returns', async t => {
	const ui = mount(model, {columns: 120, rows: 40});
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('c', ...'relocation');
	await ui.until(f => /› Fujian\s+2012/.test(f), 'Fujian first');
	await ui.press(KEY.enter);
	let screen = await ui.until(f => f.includes('those of "relocation"'), "Fujian's funds table, filtered");
	assert.match(screen, /Funds · all kinds · by order · 3 figures/);
	assert.match(screen, /7,013\.00\s+funds put in/);
	assert.doesNotMatch(screen, /1,588\.00/, 'a part of the 7.013 billion is not among the figures that made the total');
	await ui.press(KEY.enter);
	screen = await ui.until(f => / Text/.test(f) && f.includes('7.013 billion yuan'), 'the text at the amount');
	await ui.press(KEY.backspace);
	await ui.until(f => f.includes('those of "relocation"'), 'back to the funds table');
	await ui.press(KEY.backspace);
	screen = await ui.until(f => f.includes('What money: relocation'), 'back to Compare');
	assert.match(selectedLine(screen), /› Fujian\s+2012/);
	await ui.press(KEY.escape);
	await ui.until(f => f.includes('Regions (29)') && !f.includes('What money'), 'Esc closes Compare');
});

test('years side by side (m): Jilin 409.50 → 743.50, Δ +334.00, +81.56%; one-year regions listed below', async t => {
	const ui = mount(model, {columns: 120, rows: 40});
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('c', ...'anti-poverty funds', KEY.tab, 'm');
	const screen = await ui.until(f => /Region\s+2009\s+2012\s+Δ/.test(f), 'the matrix');
	assert.match(screen.split('\n')[0]!, /Compare · funds · actual · totals/);
	assert.match(screen, /Region\s+2009\s+2012\s+Δ\s+%/);
	assert.match(screen, /Jilin\s+409\.50\s+743\.50\s+\+334\.00\s+\+81\.56%/);
	assert.match(screen, /▸ one year only \(\d+\)/);
	assert.match(screen, /Anhui 2012\s+[\d,]+\.\d\d/);
});

test('per unit (u): amounts per person are grouped by unit, never among the totals; t and p change what is compared', async t => {
	const ui = mount(model, {columns: 120, rows: 40});
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('c', ...'subsidy', KEY.tab, 'u');
	let screen = await ui.until(f => f.includes('per unit') && f.includes('▸ per '), 'per-unit rows');
	const rows = screen
		.split('\n')
		.map(l => l.split('│').at(-1)!)
		.filter(l => /^[› ] \S.*\d{4}\s+[\d,]+/.test(l));
	assert.ok(rows.length > 0 && rows.every(l => / \/\w+/.test(l)), `each with its unit:\n${rows.join('\n')}`);
	await ui.press('u', 'p');
	screen = await ui.until(f => f.includes('actual and planned') && f.includes('totals'), 'plans too, totals again');
	await ui.press('t');
	await ui.until(f => f.includes('Compare · loan'), 't: loans');
});

test('from a funds row, c compares that figure across regions; y copies the visible rows as TSV; : shows the command', async t => {
	const ui = mount(model, {columns: 120, rows: 40});
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('H', 'e', 'b', 'f');
	const funds = await ui.until(f => f.includes('Funds · all kinds'), "Hebei's funds");
	const label = /› \s*[\d,.]+\s+(\S.*?)\s{2,}/.exec(selectedLine(funds))![1]!;
	await ui.press('c');
	let screen = await ui.until(f => f.includes(`What money: ${label}`), 'Compare with the label as the query');
	await ui.press('y');
	screen = await ui.until(f => /copied \d+ rows as TSV/.test(f), 'the copy note');
	const osc = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(ui.written());
	assert.ok(osc);
	const tsv = Buffer.from(osc[1]!, 'base64').toString('utf8').split('\n');
	assert.equal(tsv[0], 'report\tyuan\tper\tfigures\tshare\tlargest');
	assert.ok(tsv.length > 1 && tsv.slice(1).every(l => l.split('\t').length === 6));
	await ui.press(':');
	screen = await ui.until(f => f.split('\n')[39]!.includes(': pa-tui compare'), 'the command');
	assert.ok(screen.split('\n')[39]!.includes(`pa-tui compare '${label}'`) || screen.split('\n')[39]!.includes(`pa-tui compare ${label}`));
});

test('without a UTF-8 locale the bars are # and the frame fits at 80×24', async t => {
	const ui = mount(model, {columns: 80, rows: 24, ascii: true});
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('c', ...'relocation');
	const screen = await ui.until(f => /> Fujian\s+2012/.test(f), 'rows at 80×24');
	assert.match(screen, /> Fujian\s+2012\s+7,114\.00\s+3\s+[\d.]+%\s+#+/);
	assert.doesNotMatch(screen, /[█▏▎▍▌▋▊▉]/);
	for (const line of screen.split('\n')) assert.ok([...line].length <= 80, line);
});

test('many years (a library of editions): Regions keeps the latest years, the matrix the latest years with Δ and %', async t => {
	const {raw} = await openCorpus(corpusFile);
	const {buildModel} = await import('../source/corpus/model.ts');
	const {sanitizeDeep} = await import('../source/corpus/sanitize.ts');
	const base = raw.corpus.documents;
	const documents = [...base];
	// Jilin and Liaoning in every year from 1995 to 2008 as well: copies of their 2009 reports.
	for (const year of Array.from({length: 14}, (_, i) => 1995 + i)) {
		for (const region of ['Jilin', 'Liaoning']) {
			const d = base.find(x => x.region === region && x.year === 2009 && x.id === `${region.toLowerCase()}-2009`)!;
			documents.push({...d, id: `${region.toLowerCase()}-${year}`, year});
		}
	}
	const corpus = sanitizeDeep({...raw.corpus, documents});
	const many = buildModel(corpus, new Map(documents.map(d => [d.id, {kind: 'bundled' as const, path: corpusFile}])));
	const ui = mount(many, {columns: 80, rows: 24});
	t.after(ui.dispose);
	let screen = await ui.until(f => f.includes('Regions (29)'), 'start');
	assert.match(screen, /Jilin\s+…[\d ]*2012│/, 'the latest years of Jilin, the earlier ones elided');
	await ui.press('c', ...'anti-poverty funds', KEY.tab, 'm');
	screen = await ui.until(f => /Region \(\+\d+ earlier\)/.test(f), 'the matrix, its oldest years left out');
	assert.match(screen, /2012\s+Δ\s+%/, 'the latest year, Δ and % in view');
	assert.match(screen, /Jilin\s+[\d.,\s]+743\.50\s+\+334\.00\s+\+81\.56%/, "Jilin's latest two years compared");
	for (const line of screen.split('\n')) assert.ok([...line].length <= 80, line);
});
