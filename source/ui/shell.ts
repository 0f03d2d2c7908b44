// The explorer's first frame, drawn before Ink and React have loaded (they take a few hundred
// milliseconds to import and start): the same rows the components render for the starting
// state, from the same pure functions (pane-rows.ts). When Ink's first frame comes, the output
// layer paints only the cells where it differs, which is none (test/e2e-first-frame.test.ts). Keys typed meanwhile wait in the
// terminal's input queue, in raw mode, and are handled in order once Ink reads them.

import type {AnsiCode, StyledChar} from '@alcalzone/ansi-tokenize';
import type {Model} from '../corpus/model.ts';
import {cells} from './cells.ts';
import {scopesFor} from './keys.ts';
import {computeLayout} from './layout.ts';
import {documentsOf, firstSection, sectionRows} from './model-view.ts';
import {readerPane, regionsPane, sectionsPane, sectionsTitle, statusRow, whereText, type PaneSpec, type RowSpec} from './pane-rows.ts';
import {fitSegments, sectionView, type Segment} from './reading.ts';
import type {Grid} from './screen.ts';
import {theme as makeTheme, type TextStyle, type Theme} from './theme.ts';

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
 * shares an end code with (a colour another colour), except bold and dim, which add up.
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

type Cell = StyledChar;

/** One row as a Row component draws it: fitted to the width, the row's style around each segment's. */
function rowCells(segments: Segment[], width: number, theme: Theme, style?: TextStyle): Cell[] {
	const fitted = fitSegments(segments, width, style !== undefined);
	const row: Cell[] = [];
	if (style !== undefined || !fitted.every(s => s.text.trim() === '')) {
		const outer = style ? sgrOf(style) : [];
		for (const segment of fitted) {
			const styles = stylesOf([...outer, ...sgrOf(theme.mark(segment.mark))]);
			for (const value of segment.text) {
				const wide = cells(value) === 2;
				row.push({type: 'char', value, fullWidth: wide, styles});
				if (wide) row.push({type: 'char', value: '', fullWidth: false, styles});
			}
		}
	}
	// Box width: what the text does not cover is blank.
	while (row.length < width) row.push(BLANK);
	return row;
}

const BLANK: Cell = {type: 'char', value: ' ', fullWidth: false, styles: []};

interface Column {
	spec: PaneSpec;
	focused: boolean;
	width: number;
}

/**
 * The first frame as Ink's grid of cells (one row per screen row but the last), or undefined
 * where the explorer starts with something else (a terminal too small for the panes).
 */
export function firstFrame(model: Model, size: {columns: number; rows: number}, color: boolean): Grid | undefined {
	const region = model.regions[0];
	const layout = computeLayout(size.columns, size.rows, 'regions');
	if (!region || layout.tooSmall) return undefined;
	const theme = makeTheme(color);
	const height = layout.bodyHeight;
	const year = region.years.at(-1)!;
	const documents = documentsOf(region, year);
	const rows = sectionRows(documents);
	const cursor = firstSection(rows);
	const section = rows[cursor]?.kind === 'section' ? rows[cursor] : undefined;
	// As the explorer does: text wrapped to the reading pane's width less a margin each side.
	const mainWidth = Math.max(10, (computeLayout(size.columns, size.rows, 'main').main?.width ?? size.columns) - 2);

	const columns: Column[] = [];
	if (layout.regions) {
		const width = layout.regions.width;
		columns.push({spec: regionsPane({regions: model.regions, cursor: 0, offset: 0, year, focused: true, width, height, theme}), focused: true, width});
	}
	if (layout.sections) {
		const width = layout.sections.width;
		columns.push({spec: sectionsPane({title: sectionsTitle(region, year), rows, cursor, offset: 0, focused: false, width, height, theme}), focused: false, width});
	}
	if (layout.main) {
		const width = layout.main.width;
		const lines = section ? sectionView(section.document, region.name, section.sectionIndex, mainWidth, {}).lines : [];
		columns.push({spec: readerPane({title: 'Text', lines, offset: 0, focused: false, width, height, theme}), focused: false, width});
	}

	const separator: Cell = {type: 'char', value: '│', fullWidth: false, styles: stylesOf(sgrOf(theme.dim))};
	const out: Cell[][] = [];
	for (let y = 0; y <= height; y++) {
		const line: Cell[] = [];
		columns.forEach(({spec, focused, width}, i) => {
			if (i > 0) line.push(separator);
			const row: RowSpec | undefined = y === 0 ? {key: 'title', segments: [{text: ` ${spec.title}`}], style: theme.title(focused)} : spec.rows[y - 1];
			line.push(...rowCells(row?.segments ?? [], width, theme, row?.style));
		});
		out.push(line);
	}
	const status = statusRow({where: whereText(region.name, year, section?.heading), position: `1/${model.regions.length}`, scopes: scopesFor('regions', false), width: layout.columns, theme});
	out.push(rowCells(status.segments, layout.columns, theme, status.style));
	return out;
}
