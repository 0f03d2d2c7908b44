// Where the panes go for a terminal size: pure. The frame is as tall as the terminal: pane
// titles on the first line, the status bar on the last.

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
	/** Lines of the whole frame: the terminal's rows. */
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
 * focused pane; like Miller columns. `wideMain`: a table (funds, Compare) wants the width more than the
 * headings do, so with the focus on it the main pane takes what it needs (`mainWants` columns)
 * and the other panes narrow or give way.
 */
export function computeLayout(columns: number, rows: number, focus: Focus, options: {wideMain?: boolean; mainWants?: number} = {}): Layout {
	const height = Math.max(1, rows);
	const bodyHeight = Math.max(1, height - 2);
	const base = {tooSmall: false, columns, height, bodyHeight};
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return {...base, tooSmall: true};
	const regionsWidth = clamp(Math.round(columns * 0.2), 24, 30);
	const wide = focus === 'main' && options.wideMain === true;
	if (columns >= 100) {
		const sectionsWidth = clamp(Math.round(columns * 0.3), 24, 44);
		const main = columns - regionsWidth - sectionsWidth - 2;
		const wants = options.mainWants ?? 0;
		if (!wide || wants <= main) return {...base, regions: {width: regionsWidth}, sections: {width: sectionsWidth}, main: {width: main}};
		// The table first: the headings give way, then the regions.
		if (wants <= columns - regionsWidth - 1) return {...base, regions: {width: regionsWidth}, main: {width: columns - regionsWidth - 1}};
		return {...base, main: {width: columns}};
	}
	if (columns >= 60) {
		const sectionsWidth = clamp(Math.round(columns * 0.34), 24, 32);
		if (focus === 'regions') return {...base, regions: {width: regionsWidth}, sections: {width: columns - regionsWidth - 1}};
		if (wide) return {...base, main: {width: columns}};
		return {...base, sections: {width: sectionsWidth}, main: {width: columns - sectionsWidth - 1}};
	}
	if (focus === 'regions') return {...base, regions: {width: columns}};
	if (focus === 'sections') return {...base, sections: {width: columns}};
	return {...base, main: {width: columns}};
}

/** The width the text is wrapped to: the reading pane's, whichever pane has the focus. */
export function readingWidth(columns: number, rows: number): number {
	return Math.max(10, (computeLayout(columns, rows, 'main').main?.width ?? columns) - 2);
}

/** The notice shown instead of the panes: the longest wording that fits the width. */
export function tooSmallNotice(columns: number): string {
	const need = `${MIN_COLUMNS}×${MIN_ROWS}`;
	const wordings = [`terminal too small (need ${need})`, `too small: ${need}`, `need ${need}`, 'too small', need];
	return wordings.find(text => text.length <= columns) ?? '!'.repeat(Math.max(0, Math.min(1, columns)));
}
