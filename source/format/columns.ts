// Columns of a table fitted to a width: each as wide as its widest cell, the widest cut first
// when they do not fit, down to each column's least. Shared by the one-shot tables and the
// explorer's.

import {width} from './text.ts';

export interface Column {
	header: string;
	cells: string[];
	align: 'left' | 'right';
	/** Never cut (the amount). */
	fixed?: boolean;
	/** The least a cut column keeps. */
	min: number;
	/** Columns with a higher number give up their width first (default 0: the widest first). */
	yields?: number;
}

/** The width each column wants: its widest cell or header. */
export function naturalWidths(columns: readonly Column[]): number[] {
	return columns.map(c => Math.max(width(c.header), ...c.cells.map(width)));
}

/** Column widths that fit `total` cells (Infinity: natural widths), cutting the most yielding, then the widest, first. */
export function fitWidths(columns: readonly Column[], total: number, gap: number): number[] {
	const widths = naturalWidths(columns);
	const budget = total - gap * (columns.length - 1);
	// First down to each column's least, then (a very narrow terminal) down to a few cells.
	for (const least of [(c: Column) => c.min, () => 4]) {
		for (;;) {
			const used = widths.reduce((a, b) => a + b, 0);
			if (used <= budget) return widths;
			let widest = -1;
			const first = (c: Column, i: number) =>
				widest < 0 ||
				(c.yields ?? 0) > (columns[widest]!.yields ?? 0) ||
				((c.yields ?? 0) === (columns[widest]!.yields ?? 0) && widths[i]! > widths[widest]!);
			columns.forEach((c, i) => {
				if (!c.fixed && widths[i]! > least(c) && first(c, i)) widest = i;
			});
			if (widest < 0) break;
			widths[widest] = Math.max(least(columns[widest]!), widths[widest]! - (used - budget));
		}
	}
	return widths;
}
