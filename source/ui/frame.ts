// The whole screen of the explorer as data: which columns, which rows, the status bar. One pure
// function of the explorer's state, drawn two ways: as cells straight to the output layer (the
// program), or as an Ink tree (FrameView, for ink-testing-library); test/ui-frame.test.tsx
// checks that both show the same cells.

import type {AnsiCode, StyledChar} from '@alcalzone/ansi-tokenize';
import type {Model, Region} from '../corpus/model.ts';
import type {CorpusDocument} from '../corpus/schema.ts';
import {cells, graphemes} from './cells.ts';
import type {SearchResult, SearchScope} from './hooks/use-search.ts';
import type {KeyScope} from './keys.ts';
import type {Focus, Layout} from './layout.ts';
import {tooSmallNotice} from './layout.ts';
import type {ListState} from './list.ts';
import type {FundsRow, SectionRow} from './model-view.ts';
import {
	type ColumnSpec,
	fundsPane,
	helpColumn,
	paneColumn,
	type RowSpec,
	readerPane,
	regionsPane,
	searchColumn,
	sectionsPane,
	sectionsTitle,
	shortTitle,
	statusRow,
	whereText,
} from './pane-rows.ts';
import {fitSegments, type Line, type Segment} from './reading.ts';
import {BLANK_CHAR, type Grid} from './screen.ts';
import type {TextStyle, Theme} from './theme.ts';

export type FrameSpec =
	| {kind: 'notice'; width: number; text: string}
	/** Columns side by side (a separator between two), then the status bar: `height` lines in all. */
	| {kind: 'columns'; width: number; height: number; columns: ColumnSpec[]; status: RowSpec};

/** What the frame is drawn from: the explorer hook's result has all of it. */
export interface ExplorerView {
	layout: Layout;
	focus: Focus;
	help: {offset: number} | undefined;
	search: {open: boolean; query: string; scope: SearchScope; results: SearchResult[]; list: ListState};
	regions: {list: ListState; region: Region; year: number; documents: CorpusDocument[]};
	sections: {rows: SectionRow[]; list: ListState};
	section: {document: CorpusDocument; heading: string; sectionIndex: number} | undefined;
	reader: {view: {lines: Line[]; matchLines: number[]}; offset: number; marks: {query?: string; currentMatch?: number}};
	funds: {open: boolean; rows: FundsRow[]; sort: 'order' | 'amount'; list: ListState};
	position: string;
	scopes: KeyScope[];
}

export function explorerFrame(model: Model, x: ExplorerView, theme: Theme): FrameSpec {
	const {layout} = x;
	if (layout.tooSmall) return {kind: 'notice', width: layout.columns, text: tooSmallNotice(layout.columns)};
	const paneHeight = layout.bodyHeight;
	const section = x.section;
	const columns: ColumnSpec[] = [];
	if (x.help) {
		columns.push(helpColumn(x.help.offset, layout.columns, layout.height - 1, theme));
	} else if (x.search.open) {
		const {query, scope, results, list} = x.search;
		columns.push(
			searchColumn({
				query,
				scope,
				results,
				cursor: list.cursor,
				offset: list.offset,
				width: layout.columns,
				height: layout.height - 1,
				theme,
			}),
		);
	} else {
		if (layout.regions) {
			const {width} = layout.regions;
			const focused = x.focus === 'regions';
			const spec = regionsPane({
				regions: model.regions,
				cursor: x.regions.list.cursor,
				offset: x.regions.list.offset,
				year: x.regions.year,
				focused,
				width,
				height: paneHeight,
				theme,
			});
			columns.push(paneColumn(spec, focused, width, paneHeight, theme));
		}
		if (layout.sections) {
			const {width} = layout.sections;
			const focused = x.focus === 'sections';
			const title = sectionsTitle(x.regions.region, x.regions.year);
			const spec = sectionsPane({
				title,
				rows: x.sections.rows,
				cursor: x.sections.list.cursor,
				offset: x.sections.list.offset,
				focused,
				width,
				height: paneHeight,
				theme,
			});
			columns.push(paneColumn(spec, focused, width, paneHeight, theme));
		}
		if (layout.main) {
			const {width} = layout.main;
			const focused = x.focus === 'main';
			const spec = x.funds.open
				? fundsPane({
						report: x.regions.documents.length > 1 && section ? shortTitle(section.document.title) : undefined,
						rows: x.funds.rows,
						sort: x.funds.sort,
						cursor: x.funds.list.cursor,
						offset: x.funds.list.offset,
						focused,
						width,
						height: paneHeight,
						theme,
					})
				: readerPane({
						title:
							x.reader.marks.query !== undefined
								? `Text · n/N: match ${(x.reader.marks.currentMatch ?? 0) + 1} of ${x.reader.view.matchLines.length}`
								: 'Text',
						lines: x.reader.view.lines,
						offset: x.reader.offset,
						height: paneHeight,
					});
			columns.push(paneColumn(spec, focused, width, paneHeight, theme));
		}
	}
	const scopes: KeyScope[] = x.help ? ['help'] : x.search.open ? ['search'] : x.scopes;
	const status = statusRow({
		where: whereText(x.regions.region.name, x.regions.year, section?.heading),
		position: x.position,
		scopes,
		width: layout.columns,
		theme,
	});
	return {kind: 'columns', width: layout.columns, height: layout.height, columns, status};
}

// Cells, as Ink would lay them out: the same characters and the same styles per cell.

const COLORS: Record<string, number> = {black: 0, red: 1, green: 2, yellow: 3, blue: 4, magenta: 5, cyan: 6, white: 7};

/** SGR parameters of a style in the order Ink's Text nests them (outermost first), as chalk writes them at level 1. */
function sgrOf(style: TextStyle): number[] {
	const codes: number[] = [];
	if (style.inverse) codes.push(7);
	if (style.underline) codes.push(4);
	if (style.bold) codes.push(1);
	const bg = style.backgroundColor === undefined ? undefined : COLORS[style.backgroundColor];
	if (bg !== undefined) codes.push(40 + bg);
	const fg = style.color === undefined ? undefined : COLORS[style.color];
	if (fg !== undefined) codes.push(30 + fg);
	if (style.dimColor) codes.push(2);
	return codes;
}

function endOf(code: number): number {
	if (code === 1 || code === 2) return 22;
	if (code >= 30 && code < 40) return 39;
	if (code >= 40 && code < 50) return 49;
	return code + 20;
}

/**
 * The styles of a cell as the tokenizer Ink uses leaves them: a code replaces an earlier one it
 * shares an end code with (a colour another colour), except bold and dim, which add up. (Its
 * own reduceAnsiCodes is not imported: loading that package creates an Intl.Segmenter, ~20 ms
 * before the first frame.)
 */
function stylesOf(codes: number[]): AnsiCode[] {
	let styles: AnsiCode[] = [];
	for (const code of codes) {
		const open = `\x1b[${code}m`;
		const endCode = `\x1b[${endOf(code)}m`;
		if (code === 1 || code === 2) {
			if (!styles.some(style => style.code === open)) styles.push({type: 'ansi', code: open, endCode});
			continue;
		}
		styles = [...styles.filter(style => style.endCode !== endCode), {type: 'ansi', code: open, endCode}];
	}
	return styles;
}

/** A style as a short key of what it shows: equal styles share their cells' style lists. */
function styleKey(style: TextStyle | undefined): string {
	if (!style) return '';
	const {color = '', backgroundColor = '', bold, dimColor, underline, inverse} = style;
	return `${color}/${backgroundColor}/${bold ? 'b' : ''}${dimColor ? 'd' : ''}${underline ? 'u' : ''}${inverse ? 'i' : ''}`;
}

/** Style lists per (row style, mark style) pair: a handful, the same objects every frame. */
const stylesCache = new Map<string, AnsiCode[]>();

function stylesFor(outer: TextStyle | undefined, inner: TextStyle): AnsiCode[] {
	const key = `${styleKey(outer)}:${styleKey(inner)}`;
	let styles = stylesCache.get(key);
	if (!styles) {
		styles = stylesOf([...(outer ? sgrOf(outer) : []), ...sgrOf(inner)]);
		stylesCache.set(key, styles);
	}
	return styles;
}

/** One row as a Row component draws it: fitted to the width, the row's style around each segment's. */
function rowCells(segments: Segment[], width: number, theme: Theme, style?: TextStyle): StyledChar[] {
	const fitted = fitSegments(segments, width, style !== undefined);
	const row: StyledChar[] = [];
	if (style !== undefined || !fitted.every(s => s.text.trim() === '')) {
		for (const segment of fitted) {
			const styles = stylesFor(style, theme.mark(segment.mark));
			for (const value of graphemes(segment.text)) {
				const w = cells(value);
				if (w === 0) {
					// A mark with nothing to sit on in this row: it joins the cell before, or is dropped.
					const before = row.at(-1);
					if (before && before.value !== '') row[row.length - 1] = {...before, value: before.value + value};
					continue;
				}
				row.push({type: 'char', value, fullWidth: w > 1, styles});
				if (w > 1) row.push({type: 'char', value: '', fullWidth: false, styles});
			}
		}
	}
	// Box width: what the text does not cover is blank; nothing may reach past it.
	while (row.length < width) row.push(BLANK_CHAR);
	if (row.length > width) row.length = width;
	return row;
}

/**
 * Rows drawn lately, by content: a row that did not change is the very same array of cells as
 * last frame, which the output layer skips at once. Two frames' worth is kept.
 */
let currentRows = new Map<string, StyledChar[]>();
let previousRows = new Map<string, StyledChar[]>();

function cachedRowCells(row: RowSpec | undefined, width: number, theme: Theme): StyledChar[] {
	const segments = row?.segments ?? [];
	// Keyed by how each segment looks (its mark as the theme shows it), not by the mark's name.
	let key = `${width}\u0000${styleKey(row?.style)}`;
	for (const segment of segments) key += `\u0000${styleKey(theme.mark(segment.mark))}\u0001${segment.text}`;
	let cellsOfRow = currentRows.get(key) ?? previousRows.get(key);
	if (!cellsOfRow) cellsOfRow = rowCells(segments, width, theme, row?.style);
	currentRows.set(key, cellsOfRow);
	return cellsOfRow;
}

/** The frame as Ink's grid would be: `height` rows of `width` cells. */
export function frameGrid(frame: FrameSpec, theme: Theme): Grid {
	previousRows = currentRows;
	currentRows = new Map();
	if (frame.kind === 'notice') return [cachedRowCells({key: 'notice', segments: [{text: frame.text}]}, frame.width, theme)];
	const separator: StyledChar = {type: 'char', value: '│', fullWidth: false, styles: stylesFor(undefined, theme.dim)};
	const grid: StyledChar[][] = [];
	const bodyHeight = frame.height - 1;
	for (let y = 0; y < bodyHeight; y++) {
		if (frame.columns.length === 1) {
			grid.push(cachedRowCells(frame.columns[0]!.rows[y], frame.columns[0]!.width, theme));
			continue;
		}
		const line: StyledChar[] = [];
		frame.columns.forEach((column, i) => {
			if (i > 0) line.push(separator);
			for (const cell of cachedRowCells(column.rows[y], column.width, theme)) line.push(cell);
		});
		while (line.length < frame.width) line.push(BLANK_CHAR);
		grid.push(line);
	}
	grid.push(cachedRowCells(frame.status, frame.width, theme));
	return grid;
}
