// The raster: a frame spec (view/) as a grid of typed cells, exactly the terminal's size, each
// cell one grapheme (a wide one takes two cells, the second empty) and a style id. This is
// what the diff writer (terminal/screen.ts) paints and what the tests read.

import {graphemes, width} from '../../format/text.ts';
import type {FrameSpec, Mark, RowSpec, Segment, TextStyle} from '../view/spec.ts';
import {PLAIN, type StyleId, styleId, withinRow} from './style.ts';

export interface Cell {
	/** One grapheme; '' for the second cell of a wide one. */
	readonly ch: string;
	readonly style: StyleId;
}

export type Row = readonly Cell[];
export type Grid = readonly Row[];

/** An empty cell: what the terminal shows where nothing is written. */
export const BLANK: Cell = Object.freeze({ch: ' ', style: PLAIN});

/** How a mark looks: the theme's. */
export type MarkStyle = (mark: Mark | undefined) => TextStyle;

/** Cut segments to `width` cells (an ellipsis marks the cut) and, with `fill`, pad them to exactly `width`. */
export function fitSegments(segments: Segment[], cells: number, fill = true): Segment[] {
	const out: Segment[] = [];
	let used = 0;
	const total = segments.reduce((n, s) => n + width(s.text), 0);
	const limit = total > cells ? cells - 1 : cells;
	for (const s of segments) {
		if (used >= limit) break;
		const w = width(s.text);
		if (used + w <= limit) {
			out.push(s);
			used += w;
			continue;
		}
		let cut = '';
		let cw = 0;
		for (const g of graphemes(s.text)) {
			const c = width(g);
			if (used + cw + c > limit) break;
			cut += g;
			cw += c;
		}
		out.push({...s, text: cut});
		used += cw;
		break;
	}
	if (total > cells && cells > 0) {
		out.push({text: '…'});
		used += 1;
	}
	if (fill && used < cells) out.push({text: ' '.repeat(cells - used)});
	return out;
}

const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
const LONE_SURROGATE = /[\ud800-\udfff]/;

/**
 * What a grapheme is drawn as. Text is sanitized where the corpus is loaded; this is the last
 * guard, so that nothing but printable text ever reaches the terminal: a tab or line break is a
 * space (it would move the cursor), another control the replacement picture, half a surrogate
 * pair the replacement character (which is one cell, as it is measured).
 */
function drawable(grapheme: string): string {
	if (CONTROL.test(grapheme)) return /^[\t\n\r]+$/.test(grapheme) ? ' ' : '␦';
	if (LONE_SURROGATE.test(grapheme) && grapheme.length === 1) return '\ufffd';
	return grapheme;
}

/** One row of segments as cells, exactly `cells` wide. */
function rowCells(row: RowSpec | undefined, cells: number, look: MarkStyle): Cell[] {
	const out: Cell[] = [];
	const rowStyle = styleId(row?.style);
	const segments = row?.segments ?? [];
	if (segments.length > 0) {
		for (const segment of fitSegments(segments, cells, rowStyle !== PLAIN)) {
			const style = withinRow(rowStyle, styleId(look(segment.mark)));
			for (const g of graphemes(segment.text)) {
				const ch = drawable(g);
				const w = ch === g ? width(ch) : 1;
				if (w === 0) {
					// A mark with nothing to sit on: it joins the cell before, or is dropped.
					const before = out.at(-1);
					if (before && before.ch !== '' && before.ch !== ' ') out[out.length - 1] = {ch: before.ch + ch, style: before.style};
					continue;
				}
				if (out.length + w > cells) break;
				out.push({ch, style});
				if (w > 1) out.push({ch: '', style});
			}
		}
	}
	const fill = rowStyle === PLAIN ? BLANK : {ch: ' ', style: rowStyle};
	while (out.length < cells) out.push(fill);
	return out;
}

/**
 * Rows drawn lately, by content: a row that did not change is the very same array of cells as
 * last frame, which the writer skips at once. Two frames' worth is kept.
 */
let currentRows = new Map<string, Cell[]>();
let previousRows = new Map<string, Cell[]>();

function cachedRow(row: RowSpec | undefined, cells: number, look: MarkStyle): Cell[] {
	let key = `${cells}\u0000${styleId(row?.style)}`;
	for (const segment of row?.segments ?? []) key += `\u0000${styleId(look(segment.mark))}\u0001${segment.text}`;
	const found = currentRows.get(key) ?? previousRows.get(key) ?? rowCells(row, cells, look);
	currentRows.set(key, found);
	return found;
}

/** The frame as a grid: `frame.height` rows of `frame.width` cells. */
export function rasterize(frame: FrameSpec, look: MarkStyle): Grid {
	previousRows = currentRows;
	currentRows = new Map();
	const grid: Row[] = [];
	if (frame.kind === 'notice') {
		grid.push(cachedRow({segments: [{text: frame.text}]}, frame.width, look));
		for (let y = 1; y < frame.height; y++) grid.push(cachedRow(undefined, frame.width, look));
		return grid;
	}
	const separator: Cell = {ch: '│', style: styleId(frame.separator)};
	for (let y = 0; y < frame.height - 1; y++) {
		if (frame.columns.length === 1) {
			grid.push(cachedRow(frame.columns[0]!.rows[y], frame.width, look));
			continue;
		}
		const line: Cell[] = [];
		for (const [i, column] of frame.columns.entries()) {
			if (i > 0) line.push(separator);
			for (const cell of cachedRow(column.rows[y], column.width, look)) line.push(cell);
		}
		while (line.length < frame.width) line.push(BLANK);
		if (line.length > frame.width) line.length = frame.width;
		grid.push(line);
	}
	grid.push(cachedRow(frame.status, frame.width, look));
	return grid;
}
