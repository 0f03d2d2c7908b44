// The explorer as a user drives it: keys in, the screen it paints out (the real App, raster and
// diff writer, the bytes replayed in a headless terminal: test/helpers/explorer.tsx).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openCorpus} from '../source/commands/context.ts';
import {corpusFile} from './helpers/corpus.ts';
import {KEY, mount, selectedLine} from './helpers/explorer.tsx';

const {display: model} = await openCorpus(corpusFile);

function start(columns = 120, rows = 40) {
	const ui = mount(model, {columns, rows});
	return {...ui, app: {unmount: ui.dispose}, frame: ui.text};
}

test('lists every region with its years, and the status bar says where you are', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	const frame = await ui.until(f => f.includes('Regions (29)'), 'the regions pane');
	for (const region of model.regions) assert.ok(frame.includes(region.name.slice(0, 12)), `${region.name} listed`);
	assert.match(frame, /Liaoning\s+2009 2012/);
	assert.match(frame, /› Anhui\s+2012/);
	assert.match(ui.lines()[39]!, /Anhui · 2012 · Overview\s+1\/29/, 'the status bar is the last row');
	assert.match(ui.lines()[38]!, /│/, 'the panes reach the row above it');
});

test('j/k and arrows move between regions; the sections pane follows', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('j', KEY.down);
	let frame = await ui.until(f => /› Fujian/.test(f), 'Fujian selected');
	assert.match(frame, /Fujian 2012/);
	assert.match(frame, /Poverty Alleviation by Relocation/);
	await ui.press('k');
	frame = await ui.until(f => /› Chongqing/.test(f), 'back to Chongqing');
	await ui.press('\u001B[F');
	frame = await ui.until(f => /› Zhejiang/.test(f), 'End goes to the last region');
	await ui.press('g');
	await ui.until(f => /› Anhui/.test(f), 'g goes to the first region');
});

test('typing a name in the regions pane jumps to it', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('L');
	await ui.until(f => /› Liaoning/.test(f), 'L jumps to Liaoning');
	await ui.press('J', 'i', 'l');
	await ui.until(f => /› Jilin/.test(f), 'Jil jumps to Jilin');
	await ui.press('s', 'i');
	await ui.until(f => /› Sichuan/.test(f), 'si (s is not a key) jumps to Sichuan');
});

test('Liaoning 2009: ] switches the year, both reports are shown under their titles', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('L');
	let frame = await ui.until(f => /Liaoning \[?2009\]? \[2012\]/.test(f), 'Liaoning 2012 by default');
	await ui.press(']');
	frame = await ui.until(f => f.includes('Liaoning [2009] 2012'), 'year 2009 chosen');
	assert.match(frame, /▸ Liaoning Province/);
	assert.match(frame, /▸ Liaoning-Qinghai Pairing-off/);
	assert.match(frame, /Poverty alleviation by reloc/);
	assert.match(frame, /Construction of entire village/);
	// The funds table is the selected report's: the last section is the pairing report's.
	const qinghai = model.regions.find(r => r.name === 'Liaoning')!.documents.find(d => d.title.includes('Qinghai'))!;
	const count = qinghai.sections.reduce((n, s) => n + s.figures.length, 0);
	await ui.press(KEY.enter, 'G', 'f');
	frame = await ui.until(
		f => /Funds · all kinds · by order · \d+ figures, M yuan unless marked · Liaoning-Qinghai/.test(f),
		'funds of the pairing report',
	);
	assert.ok(count > 0);
	const first = qinghai.sections.flatMap(s => s.figures)[0]!;
	assert.match(selectedLine(frame), new RegExp(`${(first.value / 1e6).toFixed(2)}\\s+${first.label.slice(0, 6)}`));
	await ui.press(KEY.escape, 'h', 'h', ']');
	await ui.until(f => f.includes('Liaoning 2009 [2012]'), '] back to 2012');
});

test('Enter opens a region, then a section; the text scrolls by line and page', async t => {
	const ui = start(120, 16);
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('H', 'e', 'b');
	await ui.until(f => /› Hebei/.test(f), 'Hebei');
	await ui.press(KEY.enter, 'j', 'j');
	let frame = await ui.until(f => /› Investment of Anti-poverty Funds/.test(f), 'third section selected');
	assert.match(ui.lines()[15]!, /Hebei · 2012 · Investment of Anti-poverty Funds\s+3\/16/);
	await ui.press(KEY.enter);
	frame = await ui.until(f => / Text/.test(f) && /Hebei · 2012 · Poverty Alleviation and/.test(f), 'the text of the section');
	const text = (f: string, line: number) => f.split('\n')[line]!.split('│').at(-1)!;
	const firstBody = text(frame, 4);
	await ui.press('j');
	frame = await ui.until(f => text(f, 3) === firstBody, 'scrolled one line');
	await ui.press(KEY.pageDown);
	frame = await ui.until(f => !f.includes('Hebei · 2012 · Poverty'), 'paged down');
	await ui.press('G');
	frame = await ui.until(f => / Text 100%/.test(f), 'G scrolls to the end');
	await ui.press('g');
	await ui.until(f => text(f, 1).trim() === 'Investment of Anti-poverty Funds', 'g back to the top');
});

test('search: a typo finds the heading; Enter opens it in its report; Esc cancels', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('j');
	await ui.until(f => /› Chongqing/.test(f), 'Chongqing');
	await ui.press('/');
	await ui.until(f => f.includes('Search headings:'), 'the search box');
	await ui.press(...'relocaton');
	let frame = await ui.until(f => f.includes('relocaton█') && /\d+ results/.test(f), 'results for the typo');
	assert.match(frame, /Poverty Alleviation by Relocation\s+\S/);
	// Esc: back where we were.
	await ui.press(KEY.escape);
	frame = await ui.until(f => f.includes('Regions (29)'), 'search closed');
	assert.match(frame, /› Chongqing/);
	await ui.press('/', ...'hebei relocaton');
	frame = await ui.until(f => f.includes('hebei relocaton█') && /1 result/.test(f), 'scoped to Hebei');
	assert.match(selectedLine(frame), /Poverty Alleviation by Relocation\s+Hebei 2012/);
	await ui.press(KEY.enter);
	frame = await ui.until(f => / Text/.test(f) && f.includes('Poverty Alleviation by Relocation'), 'the section opened');
	assert.match(frame, /Hebei · 2012 · Poverty Alleviation and/);
	assert.match(frame, /› Poverty Alleviation by Relocation/);
	assert.match(ui.lines()[39]!, /Hebei · 2012 · Poverty Alleviation by Relocation/);
});

test('search: Tab searches the full text; n/N step through the matches', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('/', KEY.tab);
	await ui.until(f => f.includes('Search full text:'), 'full-text scope');
	await ui.press(...'microcredit');
	let frame = await ui.until(f => /\d+ results?/.test(f), 'text results');
	assert.match(selectedLine(frame), /microcredit/i);
	await ui.press(KEY.enter);
	frame = await ui.until(f => /Text · n\/N: match 1 of \d+/.test(f), 'opened at the first match');
	const total = Number(/match 1 of (\d+)/.exec(frame)![1]);
	assert.ok(total >= 1);
	if (total > 1) {
		await ui.press('n');
		await ui.until(f => f.includes(`match 2 of ${total}`), 'n: the next match');
		await ui.press('N');
		await ui.until(f => f.includes(`match 1 of ${total}`), 'N: back');
	}
	await ui.press(KEY.escape);
	await ui.until(f => !f.includes('n/N: match'), 'Esc clears the matches');
});

test('funds: f shows what each amount is; s ranks wholes of one kind and unit; t filters by kind; Enter jumps to the amount', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('H', 'e', 'b', 'f');
	let frame = await ui.until(f => f.includes('Funds ·') && f.includes('by order'), 'the funds table');
	assert.match(frame, /M yuan\s+Label\s+Change\s+Section/);
	// With the focus on it, the table takes the width it needs: at 120 columns the panes give way.
	assert.ok(!frame.includes('Regions (29)'), 'the table takes the width');
	assert.match(frame, /2,300 \/person\s+new poverty line/, 'a per-person amount in yuan, with its unit');
	assert.match(frame, /1,000,000 \/village plan\s+special poverty-relief funds/, 'a plan, tagged');
	for (const line of frame.split('\n'))
		assert.ok(!/financial anti-poverty funds from provincial gov…/.test(line), 'labels that fit are not cut');
	await ui.press('s');
	frame = await ui.until(f => f.includes('by amount'), 'sorted by amount');
	// The first group is the funds totals, largest first; a per-unit amount never ranks among them.
	const lines = frame.split('\n');
	const first = lines.findIndex(l => l.startsWith('▸ funds'));
	const end = lines.findIndex((l, i) => i > first && l.startsWith('▸ '));
	// Rows on their own start their label in the Label column; parts are indented under them.
	const labelAt = lines[1]!.indexOf('Label');
	const totals = lines
		.slice(first + 1, end)
		.filter(l => l[labelAt] !== ' ')
		.map(l => Number(/([\d,]+\.\d{2,4})/.exec(l)![1]!.replaceAll(',', '')));
	assert.ok(totals.length > 5, `totals in the funds group: ${totals}`);
	assert.deepEqual(
		totals,
		[...totals].sort((a, b) => b - a),
		'descending',
	);
	assert.ok(!lines.slice(first + 1, end).some(l => l.includes('/person')), 'no per-person amount among the totals');
	// The largest funds total of the report, by reading the corpus: the first row of the group.
	const hebei = model.regions.find(r => r.name === 'Hebei')!.documents[0]!;
	const totalsInCorpus = hebei.sections.flatMap(section =>
		section.figures
			.filter(f => f.kind === 'funds' && f.per === null && f.status === 'actual' && f.role === 'whole')
			.map(figure => ({section, figure})),
	);
	const largest = totalsInCorpus.reduce((a, b) => (b.figure.value > a.figure.value ? b : a));
	assert.equal(totals[0], largest.figure.value / 1e6);
	await ui.press('t');
	frame = await ui.until(f => f.includes('Funds · funds · by amount'), 't: funds only');
	await ui.press('t');
	frame = await ui.until(f => f.includes('Funds · loan · by amount'), 't: loans only');
	assert.match(frame, /400\.00\s+loans/);
	assert.ok(!frame.includes('/person'));
	await ui.press('t', 't', 't', 't', 't');
	frame = await ui.until(f => f.includes('Funds · all kinds · by amount'), 't: round to all kinds');
	await ui.press('g', KEY.enter);
	frame = await ui.until(f => / Text/.test(f) && !f.includes('Funds ·'), 'back in the text');
	assert.ok(ui.lines()[39]!.includes(largest.section.heading), `status names "${largest.section.heading}"`);
	const reader = frame
		.split('\n')
		.map(l => l.split('│').at(-1)!)
		.join(' ')
		.replace(/\s+/g, ' ');
	assert.ok(reader.includes(largest.figure.text.split(' ')[0]!), `the amount ${largest.figure.text} is in view`);
});

test('? opens the help generated from the key table; Esc closes it', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('?');
	const frame = await ui.until(f => f.includes(' Keys'), 'help');
	for (const text of ['Everywhere', 'quit', 'search headings', 'sort by amount', 'next search match', 'type a name to jump'])
		assert.ok(frame.includes(text), text);
	await ui.press(KEY.escape);
	await ui.until(f => f.includes('Regions (29)'), 'help closed');
});

test('a tiny terminal shows a notice, and the app recovers when it grows', async t => {
	const ui = start(30, 8);
	t.after(ui.dispose);
	await ui.until(f => f.trimEnd() === 'too small: 40×10', 'the notice at 30×8');
	await ui.resize(80, 24);
	await ui.until(f => f.includes('Regions (29)'), 'the panes at 80×24');
	assert.match(ui.lines()[23]!, /Anhui · 2012/, 'the status bar on the last row');
	await ui.resize(60, 9);
	await ui.until(f => f.trimEnd() === 'terminal too small (need 40×10)', 'the notice at 60×9');
});

test('80×24: two panes around the focus, every line fits', async t => {
	const ui = start(80, 24);
	t.after(() => ui.app.unmount());
	let frame = await ui.until(f => f.includes('Regions (29)'), 'start');
	assert.equal(frame.split('\n').length, 24);
	for (const line of frame.split('\n')) assert.ok(line.length <= 80, `fits: ${line}`);
	await ui.press(KEY.tab, KEY.tab);
	frame = await ui.until(f => !f.includes('Regions (29)') && / Text/.test(f), 'regions pane gives way to the text');
	for (const line of frame.split('\n')) assert.ok(line.length <= 80, `fits: ${line}`);
	await ui.press('h', 'h');
	await ui.until(f => f.includes('Regions (29)'), 'back to regions');
});

test('q and Ctrl-C quit', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('q');
	assert.equal(ui.quits(), 1);
	const again = start();
	t.after(again.dispose);
	await again.until(f => f.includes('Regions (29)'), 'start');
	await again.press('\u0003');
	assert.equal(again.quits(), 1);
});

test('the reading pane names where the report comes from: bundled, a corpus file, or the library (file and date)', async t => {
	const [anhui, chongqing] = [model.regions[0]!.documents[0]!, model.regions[1]!.documents[0]!];
	const origins = new Map(model.origins);
	origins.set(anhui.id, {
		kind: 'library',
		path: '/x/library.json',
		sourceFile: '/home/a/anhui-2012.html',
		addedAt: '2026-11-30T10:00:00.000Z',
		replacesBundled: true,
	});
	origins.set(chongqing.id, {kind: 'bundled', path: '/x/corpus.json'});
	const ui = mount({...model, origins}, {columns: 120, rows: 40});
	t.after(ui.dispose);
	/** The reading pane's text, its wrapped lines joined. */
	const reading = (screen: string) =>
		screen
			.split('\n')
			.map(line => line.split('│').at(-1)!.trim())
			.join(' ');
	await ui.until(
		f => reading(f).includes('Anhui Province · library: anhui-2012.html, added 2026-11-30'),
		'the origin of the library report',
	);
	await ui.press('j');
	await ui.until(f => reading(f).includes('Development in Chongqing · bundled'), 'a bundled report');
});

test('y copies through the terminal (OSC 52) and the status bar says what; : shows the command of the view', async t => {
	const ui = start();
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('\t', '\t', 'y');
	const status = await ui.until(f => /copied the text of "Overview"/.test(f.split('\n')[39]!), 'the notice');
	assert.match(status.split('\n')[39]!, /copied the text of "Overview" \([\d,]+ bytes\)/);
	const osc = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(ui.written());
	assert.ok(osc, 'an OSC 52 sequence was written');
	const text = Buffer.from(osc[1]!, 'base64').toString('utf8');
	assert.ok(text.startsWith('Overview\n\n2012 is a key year'), text.slice(0, 60));
	await ui.press('j');
	await ui.until(f => !f.includes('copied'), 'the notice goes with the next key');
	await ui.press(':');
	await ui.until(f => f.split('\n')[39]!.includes(': pa-tui show anhui Overview --year 2012'), 'the command in the status bar');
	await ui.press('h', 'j');
	await ui.until(
		f => f.split('\n')[39]!.includes(": pa-tui show 'pro-poor policies'") || f.split('\n')[39]!.includes(': pa-tui show anhui '),
		'it follows the view',
	);
});

test('search at 120 columns: the selected hit previewed beside the results, its words marked', async t => {
	const ui = start();
	t.after(ui.dispose);
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('/', '\t', ...'microcredit');
	const screen = await ui.until(f => /\d+ results?/.test(f) && /│ \S+ \d{4} · /.test(f.split('\n')[0]!), 'results and a preview');
	const [results, preview] = [
		screen.split('\n')[2]!.split('│')[0]!,
		screen
			.split('\n')
			.map(l => l.split('│')[1] ?? '')
			.join(' '),
	];
	assert.match(results, /microcredit/i);
	assert.match(preview, /microcredit/i, 'the preview holds the words');
	// The preview's matches are drawn marked (inverse without colour): some occurrence of the word is.
	const rows = ui.lines();
	const marked = rows.some((row, y) => {
		const from = row.indexOf('│');
		if (y === 0 || from < 0) return false;
		for (const m of row.slice(from).matchAll(/microcredit/gi)) if (ui.cell(from + m.index!, y).isInverse()) return true;
		return false;
	});
	assert.ok(marked, 'the word is marked in the preview');
	await ui.press('\u001B[B');
	await ui.until(f => f !== screen, 'the preview follows the selection');
});
