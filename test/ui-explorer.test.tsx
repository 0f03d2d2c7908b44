// The explorer as a user drives it: keys in, the rendered frame out (ink-testing-library).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {openCorpus} from '../source/commands/context.ts';
import {createSearchIndex} from '../source/search/index.ts';
import {App} from '../source/ui/App.tsx';
import {corpusFile} from './helpers/corpus.ts';

const {display: model} = await openCorpus(corpusFile);
const index = createSearchIndex(model);

const KEY = {
	down: '\u001B[B',
	up: '\u001B[A',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	pageDown: '\u001B[6~',
};

function start(columns = 120, rows = 40) {
	let quit = 0;
	const app = render(<App model={model} color={false} size={{columns, rows}} index={index} onQuit={() => quit++} />);
	const frame = () => app.lastFrame() ?? '';
	/** Wait until the frame satisfies `ok`; fail with the frame when it does not within the time. */
	const until = async (ok: (frame: string) => boolean, what: string, ms = 3000) => {
		const end = Date.now() + ms;
		while (!ok(frame())) {
			if (Date.now() > end) assert.fail(`timed out waiting for ${what}; frame:\n${frame()}`);
			await new Promise(r => setTimeout(r, 5));
		}
		return frame();
	};
	/** Write keys one at a time, each after the frame has settled. */
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			const before = app.frames.length;
			app.stdin.write(key);
			// A key that changes nothing renders nothing: give it a moment, no more.
			const end = Date.now() + 150;
			while (app.frames.length === before && Date.now() < end) await new Promise(r => setTimeout(r, 2));
			await new Promise(r => setTimeout(r, 5));
		}
	};
	return {app, frame, until, press, quits: () => quit};
}

const selectedLine = (frame: string) => frame.split('\n').find(l => l.includes('›')) ?? '';

test('lists every region with its years, and the status bar says where you are', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	const frame = await ui.until(f => f.includes('Regions (29)'), 'the regions pane');
	for (const region of model.regions) assert.ok(frame.includes(region.name.slice(0, 12)), `${region.name} listed`);
	assert.match(frame, /Liaoning\s+2009 2012/);
	assert.match(frame, /› Anhui\s+2012/);
	assert.match(frame.split('\n').at(-1)!, /Anhui · 2012 · Overview\s+1\/29/);
	assert.ok(frame.split('\n').length <= 39, 'the frame is at most rows - 1 lines');
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

test('Liaoning 2009: y switches the year, both reports are shown under their titles', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('L');
	let frame = await ui.until(f => /Liaoning \[?2009\]? \[2012\]/.test(f), 'Liaoning 2012 by default');
	await ui.press('y');
	frame = await ui.until(f => f.includes('Liaoning [2009] 2012'), 'year 2009 chosen');
	assert.match(frame, /▸ Liaoning Province/);
	assert.match(frame, /▸ Liaoning-Qinghai Pairing-off/);
	assert.match(frame, /Poverty alleviation by reloc/);
	assert.match(frame, /Construction of entire village/);
	// The funds table is the selected report's: the last section is the pairing report's.
	const qinghai = model.regions.find(r => r.name === 'Liaoning')!.documents.find(d => d.title.includes('Qinghai'))!;
	const count = qinghai.sections.reduce((n, s) => n + s.figures.length, 0);
	await ui.press(KEY.enter, 'G', 'f');
	frame = await ui.until(f => f.includes(`Funds · by order · ${count} figures in million yuan · Liaoning`), 'funds of the pairing report');
	const first = qinghai.sections.flatMap(s => s.figures)[0]!;
	assert.match(selectedLine(frame).split('│').at(-1)!, new RegExp(`${first.label.slice(0, 6)}.*${(first.value / 1e6).toFixed(2)}`));
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
	assert.match(frame.split('\n').at(-1)!, /Hebei · 2012 · Investment of Anti-poverty Funds\s+3\/16/);
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
	assert.match(frame.split('\n').at(-1)!, /Hebei · 2012 · Poverty Alleviation by Relocation/);
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

test('funds: f shows the table, s sorts by amount, Enter jumps to the amount in the text', async t => {
	const ui = start();
	t.after(() => ui.app.unmount());
	await ui.until(f => f.includes('Regions (29)'), 'start');
	await ui.press('H', 'e', 'b', 'f');
	let frame = await ui.until(f => f.includes('Funds ·') && f.includes('by order'), 'the funds table');
	assert.match(frame, /Section\s+Label\s+M yuan\s+Change/);
	const rows = frame.split('\n').filter(l => /\d\.\d\d(\s|$)/.test(l) && l.includes('│'));
	assert.ok(rows.length > 5, 'rows of figures');
	await ui.press('s');
	frame = await ui.until(f => f.includes('by amount'), 'sorted by amount');
	const amounts = frame
		.split('\n')
		.map(l => /(?:^|\s)([\d,]+\.\d{2,4})(?=\s|$)/.exec(l.split('│').at(-1)!)?.[1])
		.filter((a): a is string => a !== undefined)
		.map(a => Number(a.replaceAll(',', '')));
	assert.ok(amounts.length > 5);
	assert.deepEqual(
		amounts,
		[...amounts].sort((a, b) => b - a),
		'descending amounts',
	);
	// The largest figure of the report, from the corpus.
	const hebei = model.regions.find(r => r.name === 'Hebei')!.documents[0]!;
	const figures = hebei.sections.flatMap(section => section.figures.map(figure => ({section, figure})));
	const largest = figures.reduce((a, b) => ((b.figure.yuan ?? 0) > (a.figure.yuan ?? 0) ? b : a));
	assert.equal(amounts[0], (largest.figure.yuan ?? 0) / 1e6);
	await ui.press('j', 'k', KEY.enter);
	frame = await ui.until(f => / Text/.test(f) && !f.includes('Funds ·'), 'back in the text');
	assert.ok(frame.split('\n').at(-1)!.includes(largest.section.heading), `status names "${largest.section.heading}"`);
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
	let quit = 0;
	const app = render(<App model={model} color={false} size={{columns: 30, rows: 8}} index={index} onQuit={() => quit++} />);
	t.after(() => app.unmount());
	await new Promise(r => setTimeout(r, 20));
	assert.equal(app.lastFrame(), 'too small: 40×10');
	app.rerender(<App model={model} color={false} size={{columns: 80, rows: 24}} index={index} onQuit={() => quit++} />);
	await new Promise(r => setTimeout(r, 20));
	assert.match(app.lastFrame()!, /Regions \(29\)/);
	assert.ok(app.lastFrame()!.split('\n').length <= 23);
	app.rerender(<App model={model} color={false} size={{columns: 60, rows: 9}} index={index} onQuit={() => quit++} />);
	await new Promise(r => setTimeout(r, 20));
	assert.equal(app.lastFrame(), 'terminal too small (need 40×10)');
});

test('80×24: two panes around the focus, every line fits', async t => {
	const ui = start(80, 24);
	t.after(() => ui.app.unmount());
	let frame = await ui.until(f => f.includes('Regions (29)'), 'start');
	assert.ok(frame.split('\n').length <= 23);
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
	await ui.press('\u0003');
	assert.equal(ui.quits(), 2);
});
