// The explorer's pure parts: layout, list windows, the reading view, the key table, the diff writer.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openCorpus} from '../source/commands/context.ts';
import {fitSegments} from '../source/ui/raster/raster.ts';
import {BINDINGS, helpLines, hintsFor, resolveKey} from '../source/ui/state/bindings.ts';
import {sectionRows} from '../source/ui/state/derive.ts';
import {fundsLines} from '../source/ui/state/funds-table.ts';
import {navigate, scrollToShow, visibleSlice} from '../source/ui/state/list.ts';
import {initialState} from '../source/ui/state/state.ts';
import {paintGrid} from '../source/ui/terminal/screen.ts';
import {computeLayout, tooSmallNotice} from '../source/ui/view/layout.ts';
import {regionLabel} from '../source/ui/view/panes.ts';
import {headingRanges, sectionView, wrapOffsets} from '../source/ui/view/reading.ts';
import {corpusFile} from './helpers/corpus.ts';
import {gridOf} from './helpers/grid.ts';

const {display: model} = await openCorpus(corpusFile);
const region = (name: string) => model.regions.find(r => r.name === name)!;

test('layout: three panes when wide, two around the focus at 80, a notice below 40×10', () => {
	const wide = computeLayout(120, 40, 'regions');
	assert.ok(wide.regions && wide.sections && wide.main);
	assert.equal(wide.regions.width + wide.sections.width + wide.main.width + 2, 120);
	assert.equal(wide.height, 40, 'the frame is as tall as the terminal');
	assert.equal(wide.bodyHeight, 38, 'less the pane titles and the status bar');
	const browsing = computeLayout(80, 24, 'regions');
	assert.ok(browsing.regions && browsing.sections && !browsing.main);
	const reading = computeLayout(80, 24, 'main');
	assert.ok(!reading.regions && reading.sections && reading.main);
	assert.equal(reading.sections.width + reading.main.width + 1, 80);
	assert.equal(computeLayout(39, 24, 'main').tooSmall, true);
	assert.equal(computeLayout(80, 9, 'main').tooSmall, true);
	assert.equal(computeLayout(40, 10, 'main').tooSmall, false);
	assert.equal(tooSmallNotice(80), 'terminal too small (need 40×10)');
});

test('window: the cursor stays visible, only visible rows are sliced', () => {
	assert.equal(scrollToShow(0, 30, 10, 100), 21);
	assert.equal(scrollToShow(21, 5, 10, 100), 5);
	assert.equal(scrollToShow(95, 99, 10, 100), 90);
	const {start, rows} = visibleSlice([...Array(100).keys()], 40, 10);
	assert.equal(start, 40);
	assert.deepEqual(rows, [40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
	// Title rows are skipped by the cursor.
	const skip = (i: number) => i === 0 || i === 5;
	assert.equal(navigate({cursor: 4, offset: 0}, 'on', {height: 10, total: 10, skip}).cursor, 6);
	assert.equal(navigate({cursor: 1, offset: 0}, 'back', {height: 10, total: 10, skip}).cursor, 1);
	assert.equal(navigate({cursor: 0, offset: 0}, 'last', {height: 10, total: 50}).cursor, 49);
	assert.deepEqual(
		navigate({cursor: 0, offset: 0}, 'pageOn', {height: 10, total: 50}),
		{cursor: 9, offset: 0},
		'a page keeps a row of context',
	);
});

test('regions: names cut to fit, years kept', () => {
	assert.equal(regionLabel(region('Liaoning'), 22), 'Liaoning     2009 2012');
	const xpcc = regionLabel(region('Xinjiang Production and Construction Corps'), 22);
	assert.equal(xpcc.length, 22);
	assert.match(xpcc, /^Xinjiang Product…\s+2012$/);
});

test('sections: two reports of one year are grouped under their titles', () => {
	const rows = sectionRows(region('Liaoning').documents.filter(d => d.year === 2009));
	const titles = rows.filter(r => r.kind === 'title');
	assert.equal(titles.length, 2);
	assert.equal(rows[0]!.kind, 'title');
	assert.ok(titles.some(r => r.document.title.includes('Qinghai')));
});

test('reading: wrapping keeps every word, and money amounts are marked where they stand', () => {
	const text = 'The province allocated 270 million yuan of matching funds, double the figure of 2011.';
	const lines = wrapOffsets(text, 20);
	assert.ok(lines.every(([a, b]) => b - a <= 20));
	assert.equal(lines.map(([a, b]) => text.slice(a, b)).join(' '), text);
	const hebei = region('Hebei').documents[0]!;
	const i = hebei.sections.findIndex(s => s.heading === 'Investment of Anti-poverty Funds');
	const view = sectionView(hebei, 'Hebei', i, 50, {selectedFigure: 1});
	const money = view.lines.flat().filter(s => s.mark === 'money' || s.mark === 'money-selected');
	assert.ok(money.some(s => s.text === '847.07 million yuan'));
	assert.equal(
		view.lines
			.flat()
			.filter(s => s.mark === 'money-selected')
			.map(s => s.text)
			.join(' '),
		hebei.sections[i]!.figures[1]!.text,
	);
	assert.ok(
		view.figureLines.every(l => l >= 3),
		'every figure found in the text',
	);
	for (const line of view.lines) assert.ok(line.reduce((n, s) => n + s.text.length, 0) <= 50);
	// Heading, then region · year · title.
	assert.equal(view.lines[0]![0]!.text, 'Investment of Anti-poverty Funds');
	assert.match(view.lines[1]![0]!.text, /^Hebei · 2012 · /);
});

test('reading: search matches are marked and counted for n/N', () => {
	const hebei = region('Hebei').documents[0]!;
	const view = sectionView(hebei, 'Hebei', 0, 60, {query: 'poverty', currentMatch: 1});
	const matches = view.lines.flat().filter(s => s.mark === 'match' || s.mark === 'match-current');
	assert.ok(matches.length >= 2);
	assert.ok(matches.every(s => s.text.toLowerCase() === 'poverty'));
	assert.equal(view.lines.flat().filter(s => s.mark === 'match-current').length, 1);
	assert.equal(view.matchLines.length, matches.length);
});

test('reading: a search term is marked where a word starts, as the search matched it', () => {
	// A "Rain Plan" section that also speaks of training: "rain" must not mark "t-rain-ing".
	const candidates = ['Anhui', 'Jilin', 'Hebei', 'Henan', 'Hubei', 'Hunan', 'Liaoning'].flatMap(name => region(name).documents);
	const document = candidates.find(d => d.sections.some(s => s.heading === 'Rain Plan' && /\btraining/i.test(s.paragraphs.join(' '))))!;
	assert.ok(document, 'a Rain Plan section that mentions training');
	const rainPlan = document.sections.findIndex(s => s.heading === 'Rain Plan' && /\btraining/i.test(s.paragraphs.join(' ')));
	const view = sectionView(document, document.region, rainPlan, 60, {query: 'rain'});
	const line = (i: number) => view.lines[i]!.map(s => s.text).join('');
	const marked = view.lines.flatMap((l, i) => l.filter(s => s.mark === 'match' || s.mark === 'match-current').map(s => ({s, i})));
	assert.ok(marked.length >= 1);
	for (const {s, i} of marked) {
		const at = line(i).indexOf(s.text);
		assert.ok(at === 0 || !/[a-z]/i.test(line(i)[at - 1]!), `"${s.text}" marked inside a word in: ${line(i)}`);
	}
});

test('fitSegments cuts with an ellipsis and pads to the width', () => {
	const fitted = fitSegments([{text: 'Poverty '}, {text: 'Alleviation', mark: 'match'}], 12);
	assert.equal(fitted.map(s => s.text).join(''), 'Poverty All…');
	assert.equal(
		fitSegments([{text: 'ab'}], 5)
			.map(s => s.text)
			.join(''),
		'ab   ',
	);
});

test('funds lines: parts under their whole, changes as Δ beside theirs, ranked by amount within one kind and unit', () => {
	const liaoning = model.regions.find(r => r.name === 'Liaoning')!.documents.find(d => d.year === 2009 && d.title.endsWith('Province'))!;
	const order = fundsLines(liaoning, {sort: 'order', kind: 'all'});
	const figures = order.filter(l => l.kind === 'figure');
	const at = (text: string) => figures.find(l => l.row.figure.text === text)!;
	// "arranged anti-poverty funds of 328 million Yuan, 9.2 million Yuan more than that in 2008, up 2.9%, of which 274 million Yuan was from the provincial government"
	assert.equal(at('328 million Yuan').delta, 'Δ +9.20 +2.9%');
	assert.equal(
		figures.some(l => l.row.figure.text === '9.2 million Yuan'),
		false,
		'the change is not a row of its own',
	);
	assert.equal(at('274 million Yuan').depth, at('328 million Yuan').depth + 1, 'the part is indented under its whole');
	assert.ok(figures.indexOf(at('274 million Yuan')) === figures.indexOf(at('328 million Yuan')) + 1);
	assert.match(at('6,000 Yuan').amount, /6,000 \/person/, 'the per capita income per person');

	const hebei = region('Hebei').documents[0]!;
	const ranked = fundsLines(hebei, {sort: 'amount', kind: 'all'});
	let group = '';
	let previous = Number.POSITIVE_INFINITY;
	for (const line of ranked) {
		if (line.kind === 'group') {
			group = line.title;
			previous = Number.POSITIVE_INFINITY;
			continue;
		}
		if (line.depth > 0) continue;
		assert.ok(line.row.figure.value <= previous, `${line.row.figure.text} ranked under a larger one in "${group}"`);
		previous = line.row.figure.value;
		assert.equal(
			group.includes(' per '),
			line.row.figure.per !== null,
			`${line.row.figure.text}: per-unit amounts only in a per-unit group ("${group}")`,
		);
		assert.ok(group.startsWith(line.row.figure.kind), `${line.row.figure.text} (${line.row.figure.kind}) in "${group}"`);
	}
	assert.equal(ranked[0]?.kind === 'group' && ranked[0].title, 'funds', 'funds first');
	const incomes = fundsLines(liaoning, {sort: 'order', kind: 'income'});
	assert.ok(incomes.length > 0 && incomes.every(l => l.kind === 'figure' && l.row.figure.kind === 'income'));
});

test('keys: one table routes, documents and hints', () => {
	const state = initialState(model, {columns: 120, rows: 40});
	const key = (name: string) => ({kind: 'key' as const, name});
	assert.equal(resolveKey(state, key('j'), 0), 'nav.down');
	assert.equal(resolveKey({...state, overlay: 'search'}, key('tab'), 0), 'search.scope');
	assert.equal(resolveKey({...state, focus: 'main'}, key('tab'), 0), 'focus.next');
	assert.equal(resolveKey({...state, focus: 'main'}, key('s'), 0), undefined, 's sorts only in the funds view');
	assert.equal(resolveKey({...state, focus: 'main', main: 'funds'}, key('s'), 0), 'funds.sort');
	assert.equal(resolveKey({...state, overlay: 'search'}, key('q'), 0), 'box.type', 'q is typed into the search box');
	assert.equal(resolveKey({...state, overlay: 'search'}, key('ctrl-z'), 0), 'app.suspend', 'Ctrl-Z is never typed');
	assert.equal(resolveKey(state, key('ctrl-z'), 0), 'app.suspend', 'nor does it jump to Zhejiang');
	const help = helpLines();
	for (const b of BINDINGS)
		assert.ok(
			help.some(l => l.description === b.description),
			`help lists ${b.action}`,
		);
	assert.ok(hintsFor({...state, focus: 'main', main: 'funds'}).some(h => h.hint === 'sort'));
	// No key bound twice in one scope.
	for (const b of BINDINGS)
		for (const k of b.keys) assert.equal(BINDINGS.filter(c => c.scope === b.scope && c.keys.includes(k)).length, 1, `${k} in ${b.scope}`);
});

test('painter: only changed lines are written, each at its row, never past the last row', () => {
	// Row 2, column 1 (CUP's default column), then the one changed character, unstyled.
	assert.equal(paintGrid(gridOf(['a', 'b', 'c']), gridOf(['a', 'B', 'c']), 24), '\u001B[2HB');
	const first = paintGrid(undefined, gridOf(['x', '', 'z']), 2);
	assert.ok(first.startsWith('\u001B[H\u001B[2J'));
	assert.ok(!first.includes('z'), 'row 3 of a 2-row terminal is not painted');
	assert.equal(paintGrid(gridOf(['a', 'b']), gridOf(['a']), 24), '\u001B[2H\u001B[K', 'a line that went away is cleared');
});

test('search hits highlight the words a typo matched, not scattered letters', () => {
	const words = (heading: string, query: string) => headingRanges(heading, query, [[0, 1]]).map(([a, b]) => heading.slice(a, b));
	assert.deepEqual(words('Ecological Relocation', 'relocaton'), ['Relocation']);
	assert.deepEqual(words('Poverty Alleviation by Relocation', 'relocaton'), ['Relocation']);
	assert.deepEqual(words('Poverty Alleviation Training', 'jilin training'), ['Training']);
	// Nothing close: fuse.js's own ranges.
	assert.deepEqual(words('Rain Plan', 'xyz'), ['R']);
});
