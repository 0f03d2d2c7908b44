// The Compare view's rows, derived from its settings: the comparison (search/compare.ts, shared
// with `pa-tui compare`), sorted, grouped by unit in per-unit mode, or as regions × years.
// Pure; the comparison is kept while its query and settings stay the same.

import type {Model} from '../../corpus/model.ts';
import {type Column, naturalWidths} from '../../format/columns.ts';
import {alignDecimals, formatChangePercent, formatMillions, formatShare, formatUnits} from '../../format/money.ts';
import {type CompareRow, type Comparison, compareFigures, sortRows, type YearMatrix, yearMatrix} from '../../search/compare.ts';
import {queryWords} from '../../search/figures.ts';
import type {CompareState} from './state.ts';

export type CompareLine =
	| {kind: 'group'; title: string}
	| {kind: 'row'; row: CompareRow}
	/** A region across the years (the matrix): its row of the latest year opens its evidence. */
	| {
			kind: 'region';
			region: string;
			cells: Array<number | undefined>;
			delta: number | undefined;
			percent: number | undefined;
			latest: CompareRow | undefined;
	  };

export interface CompareTable {
	comparison: Comparison;
	lines: CompareLine[];
	/** The matrix's years (columns), when the view is the matrix. */
	years: number[];
	/** The largest amount of each unit ('' for totals): what a bar is scaled to. */
	largest: Map<string, number>;
}

let last: {model: Model; key: string; comparison: Comparison} | undefined;

/** The comparison itself, worked out once per query and settings. */
export function comparisonOf(model: Model, compare: CompareState): Comparison {
	const key = `${compare.box.text}\u0000${compare.kind}\u0000${compare.planned}\u0000${compare.perUnit}`;
	if (last?.model !== model || last.key !== key) {
		// Opening Compare asks nothing of the corpus: the matcher is built on the first word typed.
		const empty = queryWords(compare.box.text).length === 0;
		const comparison: Comparison = empty
			? {
					mode: compare.perUnit ? 'per' : 'total',
					rows: [],
					total: 0,
					units: [],
					excluded: {otherCurrency: 0, partsAndChanges: 0, planned: 0, otherMode: 0},
				}
			: compareFigures(model.corpus.documents, {
					query: compare.box.text,
					kinds: [compare.kind],
					planned: compare.planned,
					perUnit: compare.perUnit,
				});
		last = {model, key, comparison};
	}
	return last.comparison;
}

let lastTable: {comparison: Comparison; key: string; table: CompareTable} | undefined;

export function compareTable(model: Model, compare: CompareState): CompareTable {
	const comparison = comparisonOf(model, compare);
	const matrix = compare.matrix && comparison.mode === 'total';
	const key = `${compare.by}/${matrix}`;
	if (lastTable?.comparison === comparison && lastTable.key === key) return lastTable.table;
	const rows = sortRows(comparison.rows, compare.by);
	const largest = new Map<string, number>();
	for (const r of rows) largest.set(r.per ?? '', Math.max(largest.get(r.per ?? '') ?? 0, r.yuan));
	const lines: CompareLine[] = [];
	let years: number[] = [];
	if (matrix) {
		const m: YearMatrix = yearMatrix({...comparison, rows});
		years = m.years;
		const latestOf = new Map<string, CompareRow>();
		for (const r of rows) if ((latestOf.get(r.region)?.year ?? 0) < r.year) latestOf.set(r.region, r);
		for (const r of m.rows) lines.push({kind: 'region', ...r, latest: latestOf.get(r.region)});
		if (m.single.length > 0) {
			lines.push({kind: 'group', title: `one year only (${m.single.length})`});
			for (const r of m.single) lines.push({kind: 'row', row: r});
		}
		for (const r of m.rows) for (const v of r.cells) if (v !== undefined) largest.set('', Math.max(largest.get('') ?? 0, v));
	} else if (comparison.mode === 'per') {
		let unit: string | null = null;
		for (const r of rows) {
			if (r.per !== unit) {
				unit = r.per;
				lines.push({kind: 'group', title: `per ${unit}`});
			}
			lines.push({kind: 'row', row: r});
		}
	} else {
		for (const r of rows) lines.push({kind: 'row', row: r});
	}
	const table = {comparison, lines, years, largest};
	lastTable = {comparison, key, table};
	return table;
}

/** Cells of the bar column: a bar scaled to the largest amount of its unit. */
export const BAR_CELLS = 16;
/** Cells before the first column: the selection marker. */
export const COMPARE_MARKER = 2;
/** Between two columns. */
export const COMPARE_GAP = 1;

/** How a row names its report: the region, or (a second report of a region that year) its short title. */
function reportLabel(row: CompareRow, names: ReadonlyMap<string, string>): string {
	const name = names.get(row.documentId) ?? row.region;
	const own = `${row.region} ${row.year}`;
	return name === own ? row.region : name.replace(/ \d{4}$/, '').replace(/^Poverty Alleviation and Development (?:in|of) /i, '');
}

export interface CompareColumns {
	columns: Column[];
	/** For each line of the table (group titles included), its row of cells, or -1 for a title. */
	rowOf: number[];
	/** Years left out of the matrix, oldest first, to fit the width (see fitYears). */
	earlier: number;
}

const columnsCache = new WeakMap<CompareTable, CompareColumns>();

/**
 * The columns of the table, as wide as their cells want. Totals and per-unit amounts: region,
 * year, amount, figures, share, a bar, the largest figure's label. The matrix: region, a column
 * per year from `firstYear` on (the older ones left out, see fitYears), Δ and % between the
 * latest two years. Built once per table; leaving years out only picks columns.
 */
export function compareColumns(table: CompareTable, names: ReadonlyMap<string, string>, firstYear = 0): CompareColumns {
	let all = columnsCache.get(table);
	if (!all) {
		all = buildColumns(table, names);
		columnsCache.set(table, all);
	}
	if (firstYear === 0 || table.years.length === 0) return all;
	const [region, ...rest] = all.columns;
	return {
		...all,
		earlier: firstYear,
		columns: [{...region!, header: `Region (+${firstYear} earlier)`}, ...rest.slice(firstYear)],
	};
}

function buildColumns(table: CompareTable, names: ReadonlyMap<string, string>): CompareColumns {
	const rowOf: number[] = [];
	let n = 0;
	for (const line of table.lines) rowOf.push(line.kind === 'group' ? -1 : n++);
	const data = table.lines.filter(l => l.kind !== 'group');
	const amount = (yuan: number, per: string | null) => (per === null ? formatMillions(yuan) : `${formatUnits(yuan)} /${per}`);
	if (table.years.length > 0) {
		const {years} = table;
		const cell = (l: CompareLine, year: number): string => {
			if (l.kind === 'region') {
				const v = l.cells[table.years.indexOf(year)];
				return v === undefined ? '' : formatMillions(v);
			}
			return l.kind === 'row' && l.row.year === year ? formatMillions(l.row.yuan) : '';
		};
		const delta = (l: CompareLine) =>
			l.kind === 'region' && l.delta !== undefined ? `${l.delta < 0 ? '−' : '+'}${formatMillions(Math.abs(l.delta))}` : '';
		const region = (l: CompareLine) =>
			l.kind === 'region' ? l.region : l.kind === 'row' ? `${reportLabel(l.row, names)} ${l.row.year}` : '';
		return {
			rowOf,
			earlier: 0,
			columns: [
				{header: 'Region', cells: data.map(region), align: 'left', min: 10, yields: 1},
				...years.map(year => ({
					header: String(year),
					cells: alignDecimals(data.map(l => cell(l, year))),
					align: 'right' as const,
					fixed: true,
					min: 0,
				})),
				{header: 'Δ', cells: alignDecimals(data.map(delta)), align: 'right', fixed: true, min: 0},
				{
					header: '%',
					cells: data.map(l => (l.kind === 'region' && l.percent !== undefined ? formatChangePercent(l.percent) : '')),
					align: 'right',
					fixed: true,
					min: 0,
				},
			],
		};
	}
	const rows = data.filter((l): l is Extract<CompareLine, {kind: 'row'}> => l.kind === 'row').map(l => l.row);
	return {
		rowOf,
		earlier: 0,
		columns: [
			{header: 'Report', cells: rows.map(r => reportLabel(r, names)), align: 'left', min: 8, yields: 1},
			{header: 'Year', cells: rows.map(r => String(r.year)), align: 'left', fixed: true, min: 0},
			{
				header: table.comparison.mode === 'per' ? 'Yuan' : 'M yuan',
				cells: alignDecimals(rows.map(r => amount(r.yuan, r.per))),
				align: 'right',
				fixed: true,
				min: 0,
			},
			{header: 'Figs', cells: rows.map(r => String(r.figures.length)), align: 'right', fixed: true, min: 0},
			...(table.comparison.mode === 'total'
				? [{header: 'Share', cells: rows.map(r => formatShare(r.share)), align: 'right' as const, fixed: true, min: 0}]
				: []),
			// The bar gives up its room first: labels that fit stay whole.
			{header: '', cells: rows.map(() => ' '.repeat(BAR_CELLS)), align: 'left', min: 6, yields: 2},
			{header: 'Largest', cells: rows.map(r => r.largest.figure.label), align: 'left', min: 8, yields: 1},
		],
	};
}

/** The width a set of columns wants, with the marker and the gaps. */
export function columnsWidth(columns: readonly Column[]): number {
	const widths = naturalWidths(columns);
	return COMPARE_MARKER + widths.reduce((a, b) => a + b, 0) + COMPARE_GAP * (widths.length - 1);
}

/**
 * How many of the matrix's oldest years to leave out so that the rest fits `width`: the latest
 * years, Δ and % are what a comparison over time is read for.
 */
export function fitYears(table: CompareTable, names: ReadonlyMap<string, string>, width: number): number {
	if (table.years.length < 3) return 0;
	const widths = naturalWidths(compareColumns(table, names).columns);
	// Region, then a column per year, then Δ and %: drop the oldest years until the rest fits.
	let total = COMPARE_MARKER + widths.reduce((a, b) => a + b, 0) + COMPARE_GAP * (widths.length - 1);
	let first = 0;
	while (first < table.years.length - 2 && total > width) {
		total -= widths[1 + first]! + COMPARE_GAP;
		first++;
	}
	// "(+N earlier)" may widen the region column.
	return first;
}

/** The width the table wants: every column whole. */
export function compareWidth(table: CompareTable, names: ReadonlyMap<string, string>): number {
	return columnsWidth(compareColumns(table, names).columns);
}
