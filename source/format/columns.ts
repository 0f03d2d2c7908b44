// Aligned text columns for the one-shot commands' tables: widths that fit a terminal by cutting
// the widest column first, never a column marked fixed (an amount).

import {width} from './text.ts';

export interface Column {
	header: string;
	cells: string[];
	align: 'left' | 'right';
	/** Never cut (an amount, a bar). */
	fixed?: boolean;
	/** The least a cut column keeps. */
	min: number;
}

/** Column widths that fit `total` cells (Infinity: natural widths), cutting the widest first. */
export function fitWidths(columns: Column[], total: number, gap: number): number[] {
	const widths = columns.map(c => Math.max(width(c.header), ...c.cells.map(width)));
	const budget = total - gap * (columns.length - 1);
	// First down to each column's least, then (a very narrow terminal) down to a few cells.
	for (const least of [(c: Column) => c.min, () => 4]) {
		for (;;) {
			const used = widths.reduce((a, b) => a + b, 0);
			if (used <= budget) return widths;
			let widest = -1;
			columns.forEach((c, i) => {
				if (!c.fixed && widths[i]! > least(c) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
			});
			if (widest < 0) break;
			widths[widest] = Math.max(least(columns[widest]!), widths[widest]! - (used - budget));
		}
	}
	return widths;
}
