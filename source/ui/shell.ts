// The explorer's first frame, drawn before Ink and React have loaded (they take a few hundred
// milliseconds to import and start): the frame of the starting state, from the same pure
// function the explorer draws every frame with (frame.ts). When the explorer's own first frame
// comes, the output layer paints only the cells where it differs, which is none
// (test/e2e-first-frame.test.ts). Keys typed meanwhile wait in the terminal's input queue, in
// raw mode, and are handled in order once Ink reads them.

import type {Model} from '../corpus/model.ts';
import {explorerFrame, frameGrid} from './frame.ts';
import {scopesFor} from './keys.ts';
import {computeLayout} from './layout.ts';
import {documentsOf, firstSection, sectionRows} from './model-view.ts';
import {sectionView} from './reading.ts';
import type {Grid} from './screen.ts';
import {theme as makeTheme} from './theme.ts';

/**
 * The first frame as cells, or undefined where the explorer starts with something else (a
 * terminal too small for the panes). The state is the one the explorer's hooks start in.
 */
export function firstFrame(model: Model, size: {columns: number; rows: number}, color: boolean): Grid | undefined {
	const region = model.regions[0];
	const layout = computeLayout(size.columns, size.rows, 'regions');
	if (!region || layout.tooSmall) return undefined;
	const theme = makeTheme(color);
	const year = region.years.at(-1)!;
	const documents = documentsOf(region, year);
	const rows = sectionRows(documents);
	const cursor = firstSection(rows);
	const row = rows[cursor];
	const section = row?.kind === 'section' ? row : undefined;
	// As the explorer does: text wrapped to the reading pane's width less a margin each side.
	const mainWidth = Math.max(10, (computeLayout(size.columns, size.rows, 'main').main?.width ?? size.columns) - 2);
	const lines = section ? sectionView(section.document, region.name, section.sectionIndex, mainWidth, {}).lines : [];
	const start = {cursor: 0, offset: 0};
	const frame = explorerFrame(
		model,
		{
			layout,
			focus: 'regions',
			help: undefined,
			search: {open: false, query: '', scope: 'headings', results: [], list: start},
			regions: {list: start, region, year, documents},
			sections: {rows, list: {cursor, offset: 0}},
			section,
			reader: {view: {lines, matchLines: []}, offset: 0, marks: {}},
			funds: {open: false, rows: [], sort: 'order', list: start},
			position: `1/${model.regions.length}`,
			scopes: scopesFor('regions', false),
		},
		theme,
	);
	return frameGrid(frame, theme);
}
