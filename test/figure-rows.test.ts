// The pieces `funds`, the explorer's funds table and Compare share: rows of figures, the rule of
// what may be compared, tables that put parts under their whole and changes beside the amount,
// the matcher of `--match`, and the formatting of one amount.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {comparableGroup, type FigureRow, figureRows, filterFigures, nestFigures, sortByAmount} from '../source/corpus/figures.ts';
import type {CorpusDocument} from '../source/corpus/schema.ts';
import {amountCells, formatAmount, formatDelta} from '../source/format/figure.ts';
import {formatMillions, formatUnits} from '../source/format/money.ts';
import {matchFigures} from '../source/search/figures.ts';
import {yuanFigure as f, reportOf} from './helpers/figure.ts';

const documents: CorpusDocument[] = [
	reportOf('Ruritania', 2012, [
		{
			id: '01-relocation',
			heading: 'Poverty Alleviation by Relocation',
			figures: [
				f(900e6, 'relocation funds', {changeYuan: 50e6, changePercent: 5.9}),
				f(50e6, 'increase in relocation funds', {role: 'change', changeOf: 0}),
				f(600e6, 'relocation funds from central government', {role: 'part', partOf: 0}),
				f(24e9, 'investment', {status: 'planned'}),
				f(1500, 'relocation subsidy', {per: 'person'}),
				f(1.5e12, 'GDP', {kind: 'economy'}),
				f(3000, 'subsidy', {per: 'household'}),
				f(71.75e6, 'World Bank loan', {kind: 'loan', currency: 'USD', value: 71.75e6, yuan: null}),
			],
		},
	]),
];

const rows = figureRows(documents);

test('figure rows: every figure with its report, section and index', () => {
	assert.equal(rows.length, 8);
	assert.deepEqual(
		[rows[2]!.documentId, rows[2]!.sectionId, rows[2]!.index, rows[2]!.region, rows[2]!.year],
		['ruritania-2012', '01-relocation', 2, 'Ruritania', 2012],
	);
});

test('filters: kinds, status, wholes only', () => {
	assert.deepEqual(
		filterFigures(rows, {kinds: ['economy']}).map(r => r.figure.label),
		['GDP'],
	);
	assert.ok(filterFigures(rows, {status: 'planned'}).every(r => r.figure.status === 'planned'));
	assert.deepEqual(
		filterFigures(rows, {wholesOnly: true}).map(r => r.index),
		[0, 3, 4, 5, 6, 7],
	);
});

test('sort by amount: one kind, unit, currency and status compared at a time, largest first', () => {
	const sorted = sortByAmount(filterFigures(rows, {wholesOnly: true}), ['funds', 'economy', 'loan']);
	assert.deepEqual(
		sorted.map(r => r.figure.label),
		// Funds: totals done, then planned, then per unit (each unit apart); then the economy; then loans.
		['relocation funds', 'investment', 'subsidy', 'relocation subsidy', 'GDP', 'World Bank loan'],
	);
	assert.notEqual(comparableGroup(rows[5]!.figure), comparableGroup(rows[0]!.figure), 'a GDP is never compared with funds');
	assert.notEqual(comparableGroup(rows[4]!.figure), comparableGroup(rows[6]!.figure), 'per person is not per household');
});

test('nesting: a part under its whole, a change folded beside it; without its whole a part stands alone', () => {
	const nested = nestFigures(rows);
	assert.deepEqual(
		nested.slice(0, 3).map(n => [n.row.figure.label, n.depth, n.changes.map(c => c.figure.label)]),
		[
			['relocation funds', 0, ['increase in relocation funds']],
			['relocation funds from central government', 1, []],
			['investment', 0, []],
		],
	);
	assert.ok(!nested.some(n => n.row.figure.role === 'change'), 'no change has a row of its own');
	const orphan = nestFigures(rows.filter(r => r.index !== 0));
	assert.deepEqual(
		orphan.slice(0, 2).map(n => [n.row.figure.label, n.depth]),
		[
			['increase in relocation funds', 0],
			['relocation funds from central government', 0],
		],
	);
});

test('nesting survives a loop of parts (a hand-edited corpus): every row once', () => {
	const loop: FigureRow[] = [
		{...rows[0]!, figure: {...rows[0]!.figure, role: 'part', partOf: 1}},
		{...rows[2]!, index: 1, figure: {...rows[2]!.figure, partOf: 0}},
	];
	assert.equal(nestFigures(loop).length, 2);
});

test('the matcher: every word at a word start of label or section, any ending; a typo falls back to fuzzy', () => {
	const matchable = rows.map(r => ({label: r.figure.label, section: r.section, row: r}));
	assert.equal(matchFigures(matchable, 'relocate central').length, 1);
	assert.equal(matchFigures(matchable, 'subsidies').length, 2);
	assert.ok(matchFigures(matchable, 'relocaton').length > 0);
	assert.equal(matchFigures(matchable, 'zqxj').length, 0);
});

test('one amount: millions for a total, yuan with its unit per unit, the currency when not yuan, the plan tag', () => {
	assert.equal(formatAmount(rows[0]!.figure), '900.00');
	assert.equal(formatAmount(rows[4]!.figure), '1,500 /person');
	assert.equal(formatAmount(rows[3]!.figure), '24,000.00 plan');
	assert.equal(formatAmount(rows[7]!.figure), '71.75 M USD');
	assert.equal(formatAmount(rows[1]!.figure), 'Δ+50.00');
	const cells = amountCells([rows[0]!.figure, rows[4]!.figure, rows[3]!.figure]);
	assert.deepEqual(cells, ['   900.00          ', ' 1,500 /person     ', '24,000.00      plan']);
	assert.equal(new Set(cells.map(c => c.length)).size, 1, 'one width');
	assert.equal(cells[0]!.indexOf('.'), cells[2]!.indexOf('.'), 'decimal points line up');
});

test('a change in the unit of its amount: Δ, signed, with its percentage', () => {
	assert.equal(formatDelta(rows[0]!.figure), 'Δ +50.00 +5.9%');
	assert.equal(formatDelta({...rows[4]!.figure, changeYuan: -200, changePercent: -11.8}), 'Δ −200 −11.8%');
	assert.equal(formatDelta({...rows[4]!.figure, change: 'double the figure of 2011'}), 'double the figure of 2011');
	assert.equal(formatDelta(rows[6]!.figure), '');
});

test('money formatting holds its column: -0 is 0.00, no exponent, beyond the bound a dash', () => {
	assert.equal(formatMillions(-0), '0.00');
	assert.equal(formatMillions(-1e-9), '0.00');
	assert.equal(formatMillions(6000), '0.006');
	assert.equal(formatMillions(1e15), '1,000,000,000.00');
	assert.equal(formatMillions(1e308), '–');
	assert.equal(formatMillions(Number.NaN), '–');
	assert.equal(formatUnits(-0), '0');
	assert.equal(formatUnits(2112.7), '2,112.7');
});
