// Money figures as rows an analyst can filter, sort and compare: each figure with the report and
// section it comes from, and the rules that keep comparisons meaningful (wholes of one kind, one
// currency and one unit are compared; parts and changes belong to the figure they break down or
// change). Pure functions, shared by `pa-tui funds`, the explorer's funds table and Compare.

import type {CorpusDocument, Figure, FigureKind, FigureStatus} from './schema.ts';

export interface FigureRow {
	documentId: string;
	region: string;
	year: number;
	title: string;
	sectionId: string;
	/** The section heading ('' for a report's opening). */
	section: string;
	/** Index of the figure in its section's figures: what `partOf` and `changeOf` point to. */
	index: number;
	figure: Figure;
}

/** Every figure of the given reports, in document order. */
export function figureRows(documents: readonly CorpusDocument[]): FigureRow[] {
	const rows: FigureRow[] = [];
	for (const d of documents) {
		for (const s of d.sections) {
			s.figures.forEach((figure, index) => {
				rows.push({documentId: d.id, region: d.region, year: d.year, title: d.title, sectionId: s.id, section: s.heading, index, figure});
			});
		}
	}
	return rows;
}

export interface FigureFilter {
	/** Keep these kinds (undefined: all). */
	kinds?: readonly FigureKind[];
	status?: FigureStatus;
	/** Keep only amounts that stand on their own (no parts, no changes). */
	wholesOnly?: boolean;
}

export function filterFigures<T extends FigureRow>(rows: readonly T[], filter: FigureFilter): T[] {
	return rows.filter(
		({figure: f}) =>
			(filter.kinds === undefined || filter.kinds.includes(f.kind)) &&
			(filter.status === undefined || f.status === filter.status) &&
			(!filter.wholesOnly || f.role === 'whole'),
	);
}

/** A key naming the section of a figure's link target: same report, same section, that index. */
function rowKey(documentId: string, sectionId: string, index: number): string {
	return `${documentId}\u0000${sectionId}\u0000${index}`;
}

export function keyOf(row: FigureRow): string {
	return rowKey(row.documentId, row.sectionId, row.index);
}

/** The key of the figure a part belongs to or a change changes, or undefined. */
export function linkKey(row: FigureRow): string | undefined {
	const link = row.figure.partOf ?? row.figure.changeOf;
	return link === null ? undefined : rowKey(row.documentId, row.sectionId, link);
}

/**
 * What may be compared with what: amounts of one kind, in one currency, of one unit, done or
 * planned (a GDP is not compared with a subsidy per person, yuan with dollars, nor money spent
 * with a nine-year plan). Totals come before per-unit amounts, actual before planned.
 */
export function comparableGroup(f: Pick<Figure, 'kind' | 'per' | 'currency' | 'status'>): string {
	return `${f.kind} ${f.per === null ? '0' : `1 ${f.per}`} ${f.currency === 'CNY' ? '0' : f.currency} ${f.status === 'actual' ? '0' : '1'}`;
}

/**
 * Largest first within each comparable group; groups in the order of `kinds` (when given), then
 * totals before per-unit amounts, yuan before other currencies. Stable: equal amounts keep
 * document order.
 */
export function sortByAmount<T extends FigureRow>(rows: readonly T[], kinds?: readonly FigureKind[]): T[] {
	const kindOrder = (k: FigureKind) => (kinds ? kinds.indexOf(k) : 0);
	return rows
		.map((row, order) => ({row, order}))
		.sort((a, b) => {
			const fa = a.row.figure;
			const fb = b.row.figure;
			return (
				kindOrder(fa.kind) - kindOrder(fb.kind) ||
				(comparableGroup(fa) < comparableGroup(fb) ? -1 : comparableGroup(fa) > comparableGroup(fb) ? 1 : 0) ||
				fb.value - fa.value ||
				a.order - b.order
			);
		})
		.map(x => x.row);
}

export interface NestedRow<T extends FigureRow = FigureRow> {
	row: T;
	/** 0 for a row on its own, 1 for a part shown under its whole, 2 for a part of that part… */
	depth: number;
	/** Changes of this figure among the rows, shown beside its amount rather than as rows of their own. */
	changes: T[];
}

/**
 * Rows for a table: each part right under the figure it is part of (when that figure is shown),
 * each change folded into the figure it changes (when shown); everything else in the given order.
 */
export function nestFigures<T extends FigureRow>(rows: readonly T[]): Array<NestedRow<T>> {
	const byKey = new Map(rows.map(r => [keyOf(r), r]));
	const children = new Map<string, T[]>();
	const changes = new Map<string, T[]>();
	const placed = new Set<T>();
	for (const r of rows) {
		const target = linkKey(r);
		if (target === undefined || !byKey.has(target) || target === keyOf(r)) continue;
		const into = r.figure.role === 'change' ? changes : children;
		into.set(target, [...(into.get(target) ?? []), r]);
		placed.add(r);
	}
	const out: Array<NestedRow<T>> = [];
	const visit = (r: T, depth: number, seen: Set<T>) => {
		if (seen.has(r)) return;
		seen.add(r);
		out.push({row: r, depth, changes: changes.get(keyOf(r)) ?? []});
		for (const child of children.get(keyOf(r)) ?? []) visit(child, depth + 1, seen);
	};
	const seen = new Set<T>();
	for (const r of rows) if (!placed.has(r)) visit(r, 0, seen);
	// A part whose chain of wholes loops (a hand-edited corpus) still gets a row.
	for (const r of rows) if (!seen.has(r) && r.figure.role !== 'change') visit(r, 0, seen);
	return out;
}
