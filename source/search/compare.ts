// Compare: one kind of money across every report. The figures a query matches (as `funds
// --match` matches them), kept to what may be added up — wholes, in yuan, done (or planned too
// when asked), totals apart from per-unit amounts — become one row per report: the sum of its
// totals, or its largest amount per unit. Shared by `pa-tui compare` and the explorer's Compare
// view, which calls it on every keystroke: everything that does not depend on the query is
// worked out once per corpus.

import {type FigureRow, figureRows} from '../corpus/figures.ts';
import type {CorpusDocument, FigureKind} from '../corpus/schema.ts';
import {figureMatcher, queryWords} from './figures.ts';

export type CompareBy = 'total' | 'region' | 'year';

export interface CompareOptions {
	/** Matched as `funds --match`: label and section heading, word starts, typo fallback. */
	query: string;
	/** Default ['funds']. */
	kinds: readonly FigureKind[];
	/** false: status 'actual' only; true: planned figures too. */
	planned: boolean;
	/** false: totals (per === null); true: per-unit amounts (per !== null). */
	perUnit: boolean;
	year?: number;
}

export interface CompareRow {
	documentId: string;
	region: string;
	year: number;
	title: string;
	/** Totals mode: the sum in yuan of the report's matching figures. Per-unit mode: the largest per-unit amount of that report and unit. */
	yuan: number;
	/** The unit in per-unit mode, else null. */
	per: string | null;
	/** The figures that made the row, in document order (the evidence). */
	figures: FigureRow[];
	largest: FigureRow;
	/** yuan / the sum over all rows (totals mode); null in per-unit mode. */
	share: number | null;
}

export interface Excluded {
	/** In a currency other than yuan: no exchange rate is invented. */
	otherCurrency: number;
	/** Parts and changes: counted in their whole, never added to it. */
	partsAndChanges: number;
	/** Planned (when planned figures are not included). */
	planned: number;
	/** Wholes in yuan that the other mode would show: per-unit amounts in totals mode, totals in per-unit mode. */
	otherMode: number;
}

export interface Comparison {
	mode: 'total' | 'per';
	/** Largest first; per-unit mode: grouped by unit (units in order of their row count), largest first in each. */
	rows: CompareRow[];
	/** Sum over rows (totals mode); 0 in per-unit mode, where amounts of different units are not added. */
	total: number;
	/** Per-unit mode: the units present, in the order rows are grouped; [] in totals mode. */
	units: string[];
	/** Matching figures of the chosen kinds left out, and why (each counted once, under the first reason that applies in this order: part or change, other currency, planned, other mode). */
	excluded: Excluded;
}

type Match = (query: string, among?: (row: FigureRow) => boolean) => FigureRow[];

/** A matcher over every figure of a corpus, in document order: built once per documents array. */
const matchers = new WeakMap<readonly CorpusDocument[], Match>();

function matcherOf(documents: readonly CorpusDocument[]): Match {
	let match = matchers.get(documents);
	if (match === undefined) {
		match = figureMatcher(figureRows(documents), r => ({label: r.figure.label, section: r.section}));
		matchers.set(documents, match);
	}
	return match;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Equal amounts in a stable order that reads well: region, then year, then report. */
function tieBreak(a: CompareRow, b: CompareRow): number {
	return byText(a.region, b.region) || a.year - b.year || byText(a.documentId, b.documentId);
}

const ORDERS: Record<CompareBy, (a: CompareRow, b: CompareRow) => number> = {
	total: (a, b) => b.yuan - a.yuan || tieBreak(a, b),
	region: (a, b) => byText(a.region, b.region) || a.year - b.year || b.yuan - a.yuan || byText(a.documentId, b.documentId),
	year: (a, b) => b.year - a.year || b.yuan - a.yuan || tieBreak(a, b),
};

/** Units in order of how many rows they have, then by name. */
function unitOrder(rows: readonly CompareRow[]): string[] {
	const counts = new Map<string, number>();
	for (const r of rows) if (r.per !== null) counts.set(r.per, (counts.get(r.per) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).map(([unit]) => unit);
}

/**
 * The rows in the order asked: by total (largest first), by region (A–Z, then year, oldest
 * first), by year (newest first, then total). Per-unit rows stay grouped by unit, units in order
 * of their row count: amounts per person and per household are never ranked together.
 */
export function sortRows(rows: readonly CompareRow[], by: CompareBy): CompareRow[] {
	const units = unitOrder(rows);
	const group = (r: CompareRow) => (r.per === null ? -1 : units.indexOf(r.per));
	const order = ORDERS[by];
	return [...rows].sort((a, b) => group(a) - group(b) || order(a, b));
}

/** Why a matching figure of a chosen kind is not in a row, or undefined when it is. */
function reasonLeftOut(row: FigureRow, options: CompareOptions): keyof Excluded | undefined {
	const f = row.figure;
	if (f.role !== 'whole') return 'partsAndChanges';
	if (f.yuan === null) return 'otherCurrency';
	if (f.status === 'planned' && !options.planned) return 'planned';
	if ((f.per !== null) !== options.perUnit) return 'otherMode';
	return undefined;
}

/**
 * One row per report of the figures the query matches (see the file's head). A query with no word
 * in it ("", "  ", "(") compares nothing: no rows, rather than every figure of the corpus.
 */
export function compareFigures(documents: readonly CorpusDocument[], options: CompareOptions): Comparison {
	const excluded: Excluded = {otherCurrency: 0, partsAndChanges: 0, planned: 0, otherMode: 0};
	if (queryWords(options.query).length === 0) return {mode: options.perUnit ? 'per' : 'total', rows: [], total: 0, units: [], excluded};
	const match = matcherOf(documents);
	const {year} = options;
	const matched = year === undefined ? match(options.query) : match(options.query, r => r.year === year);
	// One group per report (and unit, per unit), in document order: figures stay in document order.
	const groups = new Map<string, FigureRow[]>();
	for (const r of matched) {
		if (!options.kinds.includes(r.figure.kind)) continue;
		const reason = reasonLeftOut(r, options);
		if (reason !== undefined) {
			excluded[reason]++;
			continue;
		}
		const key = options.perUnit ? `${r.documentId}\u0000${r.figure.per}` : r.documentId;
		const group = groups.get(key);
		if (group === undefined) groups.set(key, [r]);
		else group.push(r);
	}
	const made: CompareRow[] = [];
	for (const figures of groups.values()) {
		const first = figures[0]!;
		let largest = first;
		let sum = 0;
		for (const r of figures) {
			// Wholes in yuan only reach here (reasonLeftOut).
			sum += r.figure.yuan!;
			if (r.figure.yuan! > largest.figure.yuan!) largest = r;
		}
		made.push({
			documentId: first.documentId,
			region: first.region,
			year: first.year,
			title: first.title,
			yuan: options.perUnit ? largest.figure.yuan! : sum,
			per: options.perUnit ? first.figure.per : null,
			figures,
			largest,
			share: null,
		});
	}
	const total = options.perUnit ? 0 : made.reduce((a, r) => a + r.yuan, 0);
	if (!options.perUnit) for (const r of made) r.share = total > 0 ? r.yuan / total : 0;
	const sorted = sortRows(made, 'total');
	return {mode: options.perUnit ? 'per' : 'total', rows: sorted, total, units: unitOrder(sorted), excluded};
}

export interface YearMatrixRow {
	region: string;
	/** The region's total in each of `years` (two reports of one region and year are added), undefined where it has none. */
	cells: Array<number | undefined>;
	/** Between the latest two years the region has: the latest minus the one before. */
	delta: number | undefined;
	/** delta as a percentage of the earlier year's total; undefined when that is 0. */
	percent: number | undefined;
}

export interface YearMatrix {
	/** Ascending: the years of the regions that have more than one. */
	years: number[];
	/** Regions with more than one year, in the order they first appear in the comparison's rows. */
	rows: YearMatrixRow[];
	/** The rows of regions with one year only, in the comparison's order: listed below, not dropped. */
	single: CompareRow[];
}

/**
 * Regions × years of a totals comparison (per-unit amounts are not added up, so a per-unit
 * comparison gives an empty matrix with every row in `single`). Rows follow the comparison's
 * order, so a comparison sorted by region gives a matrix by region.
 */
export function yearMatrix(comparison: Comparison): YearMatrix {
	if (comparison.mode !== 'total') return {years: [], rows: [], single: [...comparison.rows]};
	const byRegion = new Map<string, Map<number, number>>();
	for (const r of comparison.rows) {
		const years = byRegion.get(r.region) ?? byRegion.set(r.region, new Map()).get(r.region)!;
		years.set(r.year, (years.get(r.year) ?? 0) + r.yuan);
	}
	const several = [...byRegion].filter(([, years]) => years.size > 1);
	const years = [...new Set(several.flatMap(([, y]) => [...y.keys()]))].sort((a, b) => a - b);
	const rows = several.map(([region, totals]) => {
		const own = [...totals.keys()].sort((a, b) => a - b);
		const latest = totals.get(own.at(-1)!)!;
		const before = totals.get(own.at(-2)!)!;
		const delta = latest - before;
		return {region, cells: years.map(y => totals.get(y)), delta, percent: before === 0 ? undefined : (delta / before) * 100};
	});
	const inMatrix = new Set(several.map(([region]) => region));
	return {years, rows, single: comparison.rows.filter(r => !inMatrix.has(r.region))};
}
