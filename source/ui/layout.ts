// Where the panes go for a terminal size: pure, so it is unit-tested without a terminal.
// The frame is rows - 1 lines tall, the last screen line left empty: Ink, which drew the frames
// at first, repainted the whole screen for a frame as tall as the terminal. Our own output layer
// would not, and the line could be given to the panes.

export type Focus = 'regions' | 'sections' | 'main';

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

export interface PaneBox {
	/** Display columns, separators excluded. */
	width: number;
}

export interface Layout {
	tooSmall: boolean;
	columns: number;
	/** Lines of the whole frame: rows - 1. */
	height: number;
	/** Lines of each pane's body (the pane title and the status bar excluded). */
	bodyHeight: number;
	regions?: PaneBox;
	sections?: PaneBox;
	main?: PaneBox;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/**
 * Wide terminals show all three panes. Narrower ones show two around the focus (Regions and
 * Sections while choosing a region, Sections and the text otherwise), the narrowest only the
 * focused pane; like Miller columns. `wideMain`: the funds table takes the whole width there.
 */
export function computeLayout(columns: number, rows: number, focus: Focus, options: {wideMain?: boolean} = {}): Layout {
	const height = Math.max(1, rows - 1);
	const bodyHeight = Math.max(1, height - 2);
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return {tooSmall: true, columns, height, bodyHeight};
	const regionsWidth = clamp(Math.round(columns * 0.2), 24, 30);
	if (columns >= 100) {
		const sectionsWidth = clamp(Math.round(columns * 0.3), 24, 44);
		return {
			tooSmall: false,
			columns,
			height,
			bodyHeight,
			regions: {width: regionsWidth},
			sections: {width: sectionsWidth},
			main: {width: columns - regionsWidth - sectionsWidth - 2},
		};
	}
	if (columns >= 60) {
		const sectionsWidth = clamp(Math.round(columns * 0.34), 24, 32);
		if (focus === 'regions') {
			return {tooSmall: false, columns, height, bodyHeight, regions: {width: regionsWidth}, sections: {width: columns - regionsWidth - 1}};
		}
		// A table needs the width more than the headings do.
		if (focus === 'main' && options.wideMain) return {tooSmall: false, columns, height, bodyHeight, main: {width: columns}};
		return {tooSmall: false, columns, height, bodyHeight, sections: {width: sectionsWidth}, main: {width: columns - sectionsWidth - 1}};
	}
	if (focus === 'regions') return {tooSmall: false, columns, height, bodyHeight, regions: {width: columns}};
	if (focus === 'sections') return {tooSmall: false, columns, height, bodyHeight, sections: {width: columns}};
	return {tooSmall: false, columns, height, bodyHeight, main: {width: columns}};
}

/** The notice shown instead of the panes: the longest wording that fits the width. */
export function tooSmallNotice(columns: number): string {
	const need = `${MIN_COLUMNS}×${MIN_ROWS}`;
	const wordings = [`terminal too small (need ${need})`, `too small: ${need}`, `need ${need}`, 'too small', need];
	return wordings.find(text => text.length <= columns) ?? '!'.repeat(Math.max(0, Math.min(1, columns)));
}
