// Virtualized lists: only the rows that fit are rendered.

/** The first visible row so that `cursor` is visible in a window of `height` rows. */
export function scrollToShow(offset: number, cursor: number, height: number, total: number): number {
	let next = offset;
	if (cursor < next) next = cursor;
	if (cursor >= next + height) next = cursor - height + 1;
	return clampOffset(next, height, total);
}

export function clampOffset(offset: number, height: number, total: number): number {
	return Math.max(0, Math.min(offset, Math.max(0, total - height)));
}

/** The rows to render, with the index of the first. */
export function visibleSlice<T>(items: readonly T[], offset: number, height: number): {start: number; rows: T[]} {
	const start = clampOffset(offset, height, items.length);
	return {start, rows: items.slice(start, start + height)};
}

export function clampIndex(index: number, total: number): number {
	return total === 0 ? 0 : Math.max(0, Math.min(total - 1, index));
}
