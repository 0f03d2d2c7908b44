// A cursor over a list and the first visible row, kept so the cursor stays in view. Pure.

import {clampIndex, scrollToShow} from './window.ts';

export interface ListState {
	cursor: number;
	offset: number;
}

export function placeCursor(state: ListState, index: number, height: number, total: number): ListState {
	const cursor = clampIndex(index, total);
	return {cursor, offset: scrollToShow(state.offset, cursor, height, total)};
}

export function stepCursor(state: ListState, delta: number, height: number, total: number, skip?: (index: number) => boolean): ListState {
	let target = clampIndex(state.cursor + delta, total);
	if (skip) {
		const dir = delta < 0 ? -1 : 1;
		while (target >= 0 && target < total && skip(target)) target += dir;
		if (target < 0 || target >= total) {
			// Nothing further that way: go back the other way to the nearest usable row.
			target = clampIndex(state.cursor + delta, total);
			while (target >= 0 && target < total && skip(target)) target -= dir;
			if (target < 0 || target >= total) return state;
		}
	}
	let next = placeCursor(state, target, height, total);
	// Keep a title row just above the cursor visible when moving to the top.
	if (skip && target > 0 && skip(target - 1) && next.offset === target) next = {...next, offset: target - 1};
	return next;
}

/** The list after a navigation action, or undefined when the action is not a move. */
export function listAction(
	state: ListState,
	action: string,
	height: number,
	total: number,
	skip?: (index: number) => boolean,
): ListState | undefined {
	const page = Math.max(1, height - 1);
	switch (action) {
		case 'nav.up':
			return stepCursor(state, -1, height, total, skip);
		case 'nav.down':
			return stepCursor(state, 1, height, total, skip);
		case 'nav.pageUp':
			return stepCursor(state, -page, height, total, skip);
		case 'nav.pageDown':
			return stepCursor(state, page, height, total, skip);
		case 'nav.top':
			return stepCursor({...state, cursor: 0}, 0, height, total, skip);
		case 'nav.bottom':
			return stepCursor({...state, cursor: total - 1}, 0, height, total, skip);
		default:
			return undefined;
	}
}

export const MOVES = new Set(['nav.up', 'nav.down', 'nav.pageUp', 'nav.pageDown', 'nav.top', 'nav.bottom']);
