// Compare's aggregation on small hand-made corpora: what is added up (wholes in yuan, done, of one
// mode), what is left out and counted, how rows are ordered, and the years-side-by-side matrix.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {figureRows} from '../source/corpus/figures.ts';
import type {Corpus, CorpusDocument} from '../source/corpus/schema.ts';
import {type CompareOptions, compareFigures, sortRows, yearMatrix} from '../source/search/compare.ts';
import {figureMatcher, matchFigures} from '../source/search/figures.ts';
import {corpusFile} from './helpers/corpus.ts';
import {yuanFigure as f, reportOf} from './helpers/figure.ts';

const RELOCATION = 'Poverty Alleviation by Relocation';

const documents: CorpusDocument[] = [
	reportOf('Ruritania', 2012, [
		{
			heading: RELOCATION,
			figures: [
				f(900e6, 'relocation funds', {changeYuan: 50e6}),
				f(50e6, 'increase in relocation funds', {role: 'change', changeOf: 0}),
				f(600e6, 'relocation funds from central government', {role: 'part', partOf: 0}),
				f(24e9, 'investment', {status: 'planned'}),
				f(1500, 'relocation subsidy', {per: 'person'}),
				f(3000, 'relocation subsidy', {per: 'household'}),
				f(1.5e12, 'GDP', {kind: 'economy'}),
				f(71.75e6, 'World Bank relocation project', {currency: 'USD', value: 71.75e6, yuan: null}),
			],
		},
		{heading: 'Rain Plan', figures: [f(100e6, 'relocation of students')]},
	]),
	reportOf('Ruritania', 2009, [
		{heading: RELOCATION, figures: [f(300e6, 'relocation funds'), f(2000, 'relocation subsidy', {per: 'person'})]},
	]),
	reportOf('Freedonia', 2012, [
		{
			heading: RELOCATION,
			figures: [f(500e6, 'relocation funds'), f(4000, 'subsidy', {per: 'household'}), f(800, 'subsidy', {per: 'person'})],
		},
	]),
	reportOf('Freedonia', 2009, [{heading: RELOCATION, figures: [f(200e6, 'relocation funds')]}]),
	// A second report of one region and year (as Liaoning's pairing-off report of 2009).
	reportOf('Freedonia', 2009, [{heading: RELOCATION, figures: [f(50e6, 'relocation funds')]}], 'freedonia-pairing-2009'),
	reportOf('Grand Fenwick', 2012, [{heading: RELOCATION, figures: [f(10e6, 'relocation funds'), f(0, 'relocation funds')]}]),
	reportOf('Graustark', 2012, [{heading: 'Training', figures: [f(7e6, 'training funds')]}]),
];

const options = (more: Partial<CompareOptions> = {}): CompareOptions => ({
	query: 'relocation',
	kinds: ['funds'],
	planned: false,
	perUnit: false,
	...more,
});

const M = 1e6;

test('totals: wholes in yuan, done, summed per report; parts, changes, dollars and plans left out and counted', () => {
	const c = compareFigures(documents, options({year: 2012}));
	assert.equal(c.mode, 'total');
	assert.deepEqual(
		c.rows.map(r => [r.documentId, r.yuan / M, r.figures.length]),
		[
			// 900 + 100 (the Rain Plan figure's label says relocation); not + 600 (its part), 50 (its change), 24,000 (a plan), 71.75 (dollars).
			['ruritania-2012', 1000, 2],
			['freedonia-2012', 500, 1],
			['grand fenwick-2012', 10, 2],
		],
	);
	assert.equal(c.total, 1510 * M);
	assert.deepEqual(c.excluded, {partsAndChanges: 2, otherCurrency: 1, planned: 1, otherMode: 4});
	const ruritania = c.rows[0]!;
	assert.equal(ruritania.largest.figure.label, 'relocation funds');
	assert.deepEqual(
		ruritania.figures.map(r => r.figure.label),
		['relocation funds', 'relocation of students'],
		'the evidence in document order',
	);
	assert.equal(ruritania.share, 1000 / 1510);
	assert.equal(ruritania.per, null);
	assert.ok(!c.rows.some(r => r.documentId === 'graustark-2012'), 'no figure of Graustark matches');
});

test('planned figures are added only when asked', () => {
	const c = compareFigures(documents, options({year: 2012, planned: true}));
	assert.equal(c.rows[0]!.yuan, 25_000 * M);
	assert.equal(c.rows[0]!.largest.figure.label, 'investment');
	assert.equal(c.excluded.planned, 0);
});

test('per unit: the largest amount of each report and unit, grouped by unit, never summed with totals', () => {
	const c = compareFigures(documents, options({perUnit: true}));
	assert.equal(c.mode, 'per');
	// Three reports have an amount per person, two per household: person first.
	assert.deepEqual(c.units, ['person', 'household']);
	assert.deepEqual(
		c.rows.map(r => [r.documentId, r.per, r.yuan]),
		[
			['ruritania-2009', 'person', 2000],
			['ruritania-2012', 'person', 1500],
			['freedonia-2012', 'person', 800],
			['freedonia-2012', 'household', 4000],
			['ruritania-2012', 'household', 3000],
		],
	);
	assert.ok(c.rows.every(r => r.share === null && r.figures.every(x => x.figure.per === r.per)));
	assert.equal(c.total, 0);
	// Totals in yuan that matched: 900, 100 (2012), 300 (2009), 500, 200, 50, 10, 0 of Ruritania, Freedonia, Grand Fenwick.
	assert.equal(c.excluded.otherMode, 8);
	// And the other way round: no per-unit amount is in a total.
	const totals = compareFigures(documents, options());
	assert.ok(totals.rows.every(r => r.figures.every(x => x.figure.per === null)));
});

test('a query matches as funds --match: word starts, section headings, a typo', () => {
	assert.deepEqual(
		compareFigures(documents, options({query: 'rain'})).rows.map(r => r.documentId),
		['ruritania-2012'],
		'by the section heading "Rain Plan"',
	);
	assert.equal(compareFigures(documents, options({query: 'relocaton', year: 2012})).rows.length, 3);
	assert.deepEqual(compareFigures(documents, options({query: 'zqxjk'})).rows, []);
	// No word, nothing compared (not every figure of the corpus).
	for (const query of ['', '   ', '(*)']) assert.deepEqual(compareFigures(documents, options({query, perUnit: true})).rows, []);
});

test('a year narrows the reports; the typo fallback applies within the year', () => {
	const y2009 = compareFigures(documents, options({year: 2009}));
	assert.deepEqual(
		y2009.rows.map(r => [r.documentId, r.yuan / M]),
		[
			['ruritania-2009', 300],
			['freedonia-2009', 200],
			['freedonia-pairing-2009', 50],
		],
	);
	// "training" holds in 2012 only: nothing in 2009 has the word, so the fuzzy match decides there.
	assert.deepEqual(compareFigures(documents, options({query: 'training', year: 2009})).rows, []);
	assert.deepEqual(
		compareFigures(documents, options({query: 'training', year: 2012})).rows.map(r => r.documentId),
		['graustark-2012'],
	);
});

test('other kinds are not compared and not counted as left out', () => {
	const c = compareFigures(documents, options({query: 'GDP'}));
	assert.deepEqual(c.rows, []);
	assert.deepEqual(c.excluded, {partsAndChanges: 0, otherCurrency: 0, planned: 0, otherMode: 0});
	assert.equal(compareFigures(documents, options({query: 'GDP', kinds: ['economy']})).rows[0]!.yuan, 1.5e12);
});

test('sortRows: by region A–Z then year, by year newest first then total', () => {
	const c = compareFigures(documents, options());
	assert.deepEqual(
		sortRows(c.rows, 'region').map(r => r.documentId),
		['freedonia-2009', 'freedonia-pairing-2009', 'freedonia-2012', 'grand fenwick-2012', 'ruritania-2009', 'ruritania-2012'],
	);
	assert.deepEqual(
		sortRows(c.rows, 'year').map(r => r.documentId),
		['ruritania-2012', 'freedonia-2012', 'grand fenwick-2012', 'ruritania-2009', 'freedonia-2009', 'freedonia-pairing-2009'],
	);
	assert.deepEqual(
		sortRows(sortRows(c.rows, 'region'), 'total').map(r => r.documentId),
		c.rows.map(r => r.documentId),
	);
	// Per unit, each unit keeps its group whatever the order.
	const per = compareFigures(documents, options({perUnit: true}));
	assert.deepEqual(
		sortRows(per.rows, 'region').map(r => `${r.documentId} ${r.per}`),
		['freedonia-2012 person', 'ruritania-2009 person', 'ruritania-2012 person', 'freedonia-2012 household', 'ruritania-2012 household'],
	);
});

test('yearMatrix: regions with several years side by side, two reports of a year added, the others kept below', () => {
	const c = compareFigures(documents, options());
	const m = yearMatrix(c);
	assert.deepEqual(m.years, [2009, 2012]);
	assert.deepEqual(m.rows, [
		// Ruritania: 300 → 1,000, +700, +233.3…%
		{region: 'Ruritania', cells: [300 * M, 1000 * M], delta: 700 * M, percent: (700 / 300) * 100},
		// Freedonia: 200 + 50 (two reports of 2009) → 500
		{region: 'Freedonia', cells: [250 * M, 500 * M], delta: 250 * M, percent: 100},
	]);
	assert.deepEqual(
		m.single.map(r => r.documentId),
		['grand fenwick-2012'],
	);
	// Sorted by region first, the matrix follows.
	assert.deepEqual(
		yearMatrix({...c, rows: sortRows(c.rows, 'region')}).rows.map(r => r.region),
		['Freedonia', 'Ruritania'],
	);
});

test('yearMatrix: Δ between the latest two years a region has; a zero base year has no percentage', () => {
	const three = [
		reportOf('Ruritania', 2008, [{heading: RELOCATION, figures: [f(100e6, 'relocation funds')]}]),
		reportOf('Ruritania', 2010, [{heading: RELOCATION, figures: [f(0, 'relocation funds')]}]),
		reportOf('Ruritania', 2012, [{heading: RELOCATION, figures: [f(40e6, 'relocation funds')]}]),
		reportOf('Freedonia', 2008, [{heading: RELOCATION, figures: [f(10e6, 'relocation funds')]}]),
		reportOf('Freedonia', 2012, [{heading: RELOCATION, figures: [f(5e6, 'relocation funds')]}]),
	];
	const m = yearMatrix(compareFigures(three, options()));
	assert.deepEqual(m.years, [2008, 2010, 2012]);
	const ruritania = m.rows.find(r => r.region === 'Ruritania')!;
	assert.deepEqual([ruritania.delta, ruritania.percent], [40e6, undefined]);
	const freedonia = m.rows.find(r => r.region === 'Freedonia')!;
	assert.deepEqual(freedonia.cells, [10e6, undefined, 5e6]);
	assert.deepEqual([freedonia.delta, freedonia.percent], [-5e6, -50]);
});

test('yearMatrix of a per-unit comparison: no matrix (amounts per unit are not added), every row below', () => {
	const per = compareFigures(documents, options({perUnit: true}));
	const m = yearMatrix(per);
	assert.deepEqual([m.years, m.rows], [[], []]);
	assert.equal(m.single.length, per.rows.length);
});

test('the matcher is kept per corpus: a changed corpus is a new array and is matched afresh', () => {
	const before = compareFigures(documents, options({year: 2012})).rows.length;
	const more = [...documents, reportOf('Kafiristan', 2012, [{heading: RELOCATION, figures: [f(1e6, 'relocation funds')]}])];
	assert.equal(compareFigures(more, options({year: 2012})).rows.length, before + 1);
});

test('the keystroke matcher narrowed to a year finds what matching that year alone finds, typo fallback included', () => {
	const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	const rows = figureRows(corpus.documents).map(r => ({...r, label: r.figure.label}));
	const match = figureMatcher(rows, r => r);
	for (const query of ['relocation', 'relocaton', 'rain plan', 'training', 'infrastucture', 'mutual funds', 'zqxjvw']) {
		for (const year of [2009, 2012]) {
			const alone = matchFigures(
				rows.filter(r => r.year === year),
				query,
			);
			assert.deepEqual(
				match(query, r => r.year === year),
				alone,
				`${query} ${year}`,
			);
		}
		assert.deepEqual(match(query), matchFigures(rows, query), query);
	}
	// Not a comparison of two empty lists: Jilin 2009's "Village-level pilot mutual funds" section.
	assert.ok(match('mutual funds', r => r.year === 2009).length > 0);
});
