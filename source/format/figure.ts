// One figure's amount as a table shows it: millions of yuan for a total ("847.07"), plain yuan
// with its unit for a per-unit amount ("1,500 /person"), the currency when it is not yuan, a tag
// for a plan (readable without colour), and its change as Δ beside it. Shared by `pa-tui funds`,
// the explorer's funds table and Compare.

import type {Figure} from '../corpus/schema.ts';
import {formatMillions, formatUnits} from './money.ts';

/** The tag of a planned figure (a plan, a target, money only agreed), beside its amount. */
export const PLANNED_TAG = 'plan';
/** Marks a change: beside the amount it changes, or before a change shown on its own row. */
export const DELTA = 'Δ';

export type AmountFigure = Pick<Figure, 'value' | 'currency' | 'per' | 'status' | 'role'>;

export interface AmountText {
	/** The number: millions for a total ("847.07"), the amount itself per unit ("1,500"). */
	number: string;
	/** '' for millions of yuan (the column's unit); "/person" per unit; "M USD" or "USD/person" in another currency. */
	unit: string;
	/** PLANNED_TAG for a planned figure, else ''. */
	tag: string;
}

/** The parts of one figure's amount. A change on a row of its own is marked Δ and signed. */
export function figureAmount(f: AmountFigure): AmountText {
	const perUnit = f.per !== null;
	const number = perUnit ? formatUnits(f.value) : formatMillions(f.value);
	const currency = f.currency === 'CNY' ? '' : f.currency;
	const unit = perUnit ? `${currency}/${f.per}` : currency === '' ? '' : `M ${currency}`;
	return {number: f.role === 'change' ? `${DELTA}+${number}` : number, unit, tag: f.status === 'planned' ? PLANNED_TAG : ''};
}

/** One amount as one string: "847.07", "1,500 /person", "24,000.00 plan", "19.73 M USD". */
export function formatAmount(f: AmountFigure): string {
	const {number, unit, tag} = figureAmount(f);
	return [number, unit, tag].filter(Boolean).join(' ');
}

/**
 * A column of amounts: whole numbers right-aligned so that decimal points line up, each followed
 * by its fraction and unit ("328.00", "6,000 /person", "19.73 M USD"), then the plan tag in a
 * column of its own; every cell has the same width.
 */
export function amountCells(figures: readonly AmountFigure[]): string[] {
	const parts = figures.map(figureAmount);
	const split = parts.map(p => {
		const dot = p.number.indexOf('.');
		const head = dot === -1 ? p.number : p.number.slice(0, dot);
		const tail = (dot === -1 ? '' : p.number.slice(dot)) + (p.unit === '' ? '' : ` ${p.unit}`);
		return {head, tail};
	});
	const headWidth = Math.max(0, ...split.map(x => [...x.head].length));
	const tailWidth = Math.max(0, ...split.map(x => [...x.tail].length));
	const tagWidth = Math.max(0, ...parts.map(p => p.tag.length));
	return parts.map((p, i) => {
		const {head, tail} = split[i]!;
		const cell = head.padStart(headWidth) + tail.padEnd(tailWidth);
		return tagWidth > 0 ? `${cell} ${p.tag.padEnd(tagWidth)}` : cell;
	});
}

function signed(text: string, negative: boolean): string {
	return `${negative ? '−' : '+'}${text}`;
}

export type DeltaFigure = Pick<Figure, 'per' | 'currency' | 'changeYuan' | 'changePercent' | 'change'>;

/**
 * The change of a figure, in the unit of its amount: "Δ +9.20 +2.9%" (millions for a total),
 * "Δ +805 +19.7%" (yuan per unit), "Δ +6.15%". A change stated in words the extractor could not
 * read as numbers is shown as written; no change, ''.
 */
export function formatDelta(f: DeltaFigure): string {
	const parts: string[] = [];
	if (f.changeYuan !== null) {
		const size = Math.abs(f.changeYuan);
		parts.push(signed(f.per !== null ? formatUnits(size) : formatMillions(size), f.changeYuan < 0));
	}
	if (f.changePercent !== null) parts.push(`${signed(formatUnits(Math.abs(f.changePercent)), f.changePercent < 0)}%`);
	if (parts.length === 0) return f.change ?? '';
	return `${DELTA} ${parts.join(' ')}`;
}

/** A change folded into its row: the figure's own change, else those of the change figures shown beside it. */
export function nestedDelta(figure: DeltaFigure, changes: ReadonlyArray<DeltaFigure & Pick<Figure, 'value'>>): string {
	const own = formatDelta(figure);
	if (own !== '' || changes.length === 0) return own;
	return changes.map(c => formatDelta({...c, changeYuan: c.value, changePercent: null})).join(', ');
}
