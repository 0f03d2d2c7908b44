// The Compare view's rows, derived from its settings: the comparison (search/compare.ts, shared
// with `pa-tui compare`), sorted, grouped by unit in per-unit mode, or as regions × years.
// Pure; the comparison is kept while its query and settings stay the same.

import type {Model} from '../../corpus/model.ts';
import {type Column, naturalWidths} from '../../format/columns.ts';
import {alignDecimals, formatMillions, formatUnits} from '../../format/money.ts';
import {type CompareRow, type Comparison, compareFigures, sortRows, type YearMatrix, yearMatrix} from '../../search/compare.ts';
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
		const empty = compare.box.text.trim() === '';
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

/** A share of the total, as the column shows it: "18.2%", "<0.1%". */
export function shareText(share: number | null): string {
	if (share === null) return '';
	const percent = share * 100;
	return percent > 0 && percent < 0.05 ? '<0.1%' : `${percent.toFixed(1)}%`;
}

/** "+12.5%", "−3.0%", "" when not known. */
export function percentText(percent: number | undefined): string {
	if (percent === undefined) return '';
	return `${percent < 0 ? '−' : '+'}${Math.abs(percent).toFixed(1)}%`;
}

/** The columns of the table (a row per line that is not a group title), as wide as their cells want. */
export function compareColumns(table: CompareTable, names: ReadonlyMap<string, string>): Column[] {
	const data = table.lines.filter(l => l.kind !== 'group');
	const amount = (yuan: number, per: string | null) => (per === null ? formatMillions(yuan) : `${formatUnits(yuan)} /${per}`);
	if (table.years.length > 0) {
		const cells = (l: CompareLine, i: number): string => {
			if (l.kind === 'region') return l.cells[i] === undefined ? '' : formatMillions(l.cells[i]!);
			return l.kind === 'row' && l.row.year === table.years[i] ? formatMillions(l.row.yuan) : '';
		};
		return [
			{
				header: 'Region',
				cells: data.map(l => (l.kind === 'region' ? l.region : l.kind === 'row' ? names.get(l.row.documentId)! : '')),
				align: 'left',
				min: 10,
				yields: 1,
			},
			...table.years.map((year, i) => ({
				header: String(year),
				cells: alignDecimals(data.map(l => cells(l, i))),
				align: 'right' as const,
				fixed: true,
				min: 0,
			})),
			{
				header: 'Δ',
				cells: alignDecimals(
					data.map(l =>
						l.kind === 'region' && l.delta !== undefined ? `${l.delta < 0 ? '−' : '+'}${formatMillions(Math.abs(l.delta))}` : '',
					),
				),
				align: 'right',
				fixed: true,
				min: 0,
			},
			{header: '%', cells: data.map(l => (l.kind === 'region' ? percentText(l.percent) : '')), align: 'right', fixed: true, min: 0},
		];
	}
	const rows = data.filter((l): l is Extract<CompareLine, {kind: 'row'}> => l.kind === 'row').map(l => l.row);
	return [
		{header: 'Report', cells: rows.map(r => names.get(r.documentId)!), align: 'left', min: 12},
		{
			header: table.comparison.mode === 'per' ? 'Yuan' : 'M yuan',
			cells: alignDecimals(rows.map(r => amount(r.yuan, r.per))),
			align: 'right',
			fixed: true,
			min: 0,
		},
		{header: 'Figs', cells: rows.map(r => String(r.figures.length)), align: 'right', fixed: true, min: 0},
		...(table.comparison.mode === 'total'
			? [{header: 'Share', cells: rows.map(r => shareText(r.share)), align: 'right' as const, fixed: true, min: 0}]
			: []),
		// The bar gives up its room first: labels that fit stay whole.
		{header: '', cells: rows.map(() => ' '.repeat(BAR_CELLS)), align: 'left', min: 6, yields: 2},
		{header: 'Largest', cells: rows.map(r => r.largest.figure.label), align: 'left', min: 8, yields: 1},
	];
}

/** The width the table wants: every column whole, the marker before them. */
export function compareWidth(table: CompareTable, names: ReadonlyMap<string, string>): number {
	const widths = naturalWidths(compareColumns(table, names));
	return 2 + widths.reduce((a, b) => a + b, 0) + (widths.length - 1);
}
