// Moving through a list or scrolling a text: the one navigation every pane uses. A list has a
// cursor and the first visible row (kept so the cursor stays in view); a text has only the
// first visible line. Pure.

export interface ListState {
	readonly cursor: number;
	readonly offset: number;
}

/** A move: a row (or line) back or on, a page back or on, to the first or the last. */
export type Move = 'back' | 'on' | 'pageBack' | 'pageOn' | 'first' | 'last';

export const START: ListState = Object.freeze({cursor: 0, offset: 0});

export function clampIndex(index: number, total: number): number {
	return total === 0 ? 0 : Math.max(0, Math.min(total - 1, index));
}

export function clampOffset(offset: number, height: number, total: number): number {
	return Math.max(0, Math.min(offset, Math.max(0, total - height)));
}

/** The offset that shows `line` a third of the way down a window of `height` lines. */
export function offsetToShow(line: number, height: number, total: number): number {
	return clampOffset(line - Math.floor(height / 3), height, total);
}

/** The first visible row so that `cursor` is visible in a window of `height` rows. */
export function scrollToShow(offset: number, cursor: number, height: number, total: number): number {
	let next = offset;
	if (cursor < next) next = cursor;
	if (cursor >= next + height) next = cursor - height + 1;
	return clampOffset(next, height, total);
}

/** The rows to draw, with the index of the first. */
export function visibleSlice<T>(items: readonly T[], offset: number, height: number): {start: number; rows: T[]} {
	const start = clampOffset(offset, height, items.length);
	return {start, rows: items.slice(start, start + height)};
}

/**
 * The list as a window of `height` rows shows it: the first row the user scrolled to, moved only
 * as far as the cursor needs. A state keeps the user's offset, not the window's: a terminal made
 * smaller and then larger again shows what it showed before.
 */
export function shown(list: ListState, height: number, total: number): ListState {
	const offset = scrollToShow(list.offset, list.cursor, height, total);
	return offset === list.offset ? list : {cursor: list.cursor, offset};
}

/** A page is the window less one row, so that one row of context stays in view. */
const pageOf = (height: number) => Math.max(1, height - 1);

/** The cursor put on `index`, the window moved only as far as needed. */
export function place(list: ListState, index: number, height: number, total: number): ListState {
	const cursor = clampIndex(index, total);
	return {cursor, offset: scrollToShow(list.offset, cursor, height, total)};
}

export interface ListShape {
	height: number;
	total: number;
	/** Rows the cursor never rests on (a report's title among its sections). */
	skip?: (index: number) => boolean;
}

/** The list after a move: by a row, a page, or to either end; skipped rows are stepped over. */
export function navigate(from: ListState, move: Move, {height, total, skip}: ListShape): ListState {
	const list = shown(from, height, total);
	const page = pageOf(height);
	const target = {
		back: list.cursor - 1,
		on: list.cursor + 1,
		pageBack: list.cursor - page,
		pageOn: list.cursor + page,
		first: 0,
		last: total - 1,
	}[move];
	const dir = move === 'back' || move === 'pageBack' || move === 'last' ? -1 : 1;
	let index = clampIndex(target, total);
	if (skip) {
		while (index >= 0 && index < total && skip(index)) index += dir;
		if (index < 0 || index >= total) {
			// Nothing usable that way: the nearest usable row the other way.
			index = clampIndex(target, total);
			while (index >= 0 && index < total && skip(index)) index -= dir;
			if (index < 0 || index >= total) return from;
		}
	}
	let next = place(list, index, height, total);
	// A title row just above the cursor stays in view when moving up to it.
	if (skip && index > 0 && skip(index - 1) && next.offset === index) next = {...next, offset: index - 1};
	return next;
}

/** A text's first visible line after a move. */
export function scroll(from: number, move: Move, height: number, total: number): number {
	const offset = clampOffset(from, height, total);
	const page = pageOf(height);
	const target = {back: offset - 1, on: offset + 1, pageBack: offset - page, pageOn: offset + page, first: 0, last: total}[move];
	return clampOffset(target, height, total);
}

/** The rows of a list a window of `height` shows, with the index of the first. */
export function windowOf<T>(items: readonly T[], list: ListState, height: number): {start: number; rows: T[]} {
	return visibleSlice(items, shown(list, height, items.length).offset, height);
}
