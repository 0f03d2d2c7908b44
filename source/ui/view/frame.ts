// The view: the explorer's state as one frame spec (columns of styled rows and a status bar).
// Pure: the same state gives the same frame, whether it is the first one (painted before Ink
// loads) or the thousandth.

import type {Region} from '../../corpus/model.ts';
import {graphemes} from '../../format/text.ts';
import {helpLines, hintsFor} from '../state/bindings.ts';
import {commandOf} from '../state/copy.ts';
import {
	compareNames,
	currentCompare,
	currentDocuments,
	currentFundsLines,
	currentRegion,
	currentRows,
	currentSection,
	fundsDocument,
	layoutOf,
	readerView,
	searchPreview,
	searchResults,
	searchWidths,
	yearOf,
} from '../state/derive.ts';
import type {ExplorerState} from '../state/state.ts';
import {compareRows, compareTitle} from './compare-pane.ts';
import {type Focus, type Layout, type PaneBox, tooSmallNotice} from './layout.ts';
import {
	emptyColumn,
	fundsPane,
	helpColumn,
	type PaneSpec,
	paneColumn,
	previewColumn,
	readerPane,
	regionsPane,
	searchColumn,
	sectionsPane,
	sectionsTitle,
	shortTitle,
	statusRow,
} from './panes.ts';
import type {ColumnSpec, FrameSpec} from './spec.ts';
import type {Theme} from './theme.ts';

const HELP = helpLines();

/** "Hebei · 2012 · Overview": where the user is, for the status bar. */
function whereText(state: ExplorerState): string {
	if (state.focus === 'main' && state.main === 'compare') return `Compare · ${state.compare.box.text.trim() || '…'}`;
	const region = currentRegion(state);
	if (!region) return 'no reports';
	return [region.name, String(yearOf(state, region)), currentSection(state)?.heading ?? ''].filter(Boolean).join(' · ');
}

/** "3/16": where the cursor is among the rows of a list with group titles. */
function rowPosition(lines: ReadonlyArray<{kind: string}>, cursor: number, skip: string): string {
	const rows = lines.filter(l => l.kind !== skip).length;
	const at = lines.slice(0, cursor + 1).filter(l => l.kind !== skip).length;
	return rows === 0 ? '0/0' : `${at}/${rows}`;
}

/** "3/16": the position in the focused list. */
function positionText(state: ExplorerState): string {
	if (state.focus === 'regions')
		return state.model.regions.length === 0 ? '' : `${state.regions.list.cursor + 1}/${state.model.regions.length}`;
	if (state.focus === 'main' && state.main === 'funds') return rowPosition(currentFundsLines(state), state.funds.list.cursor, 'group');
	if (state.focus === 'main' && state.main === 'compare')
		return rowPosition(currentCompare(state)?.lines ?? [], state.compare.list.cursor, 'group');
	const section = currentSection(state);
	return section ? `${section.sectionIndex + 1}/${section.document.sections.length}` : '';
}

/** The search overlay: the results, and from 100 columns the selected hit's preview beside them. */
function searchColumns(state: ExplorerState, width: number, height: number, theme: Theme): ColumnSpec[] {
	const {box, scope, list} = state.search;
	const widths = searchWidths(state);
	const results = searchResults(state);
	const columns = [
		searchColumn({query: graphemes(box.text), caret: box.caret, scope, results, list, width: widths?.results ?? width, height, theme}),
	];
	if (widths) {
		const preview = searchPreview(state);
		columns.push(
			previewColumn({
				title: preview?.title ?? 'Preview',
				lines: preview?.view.lines ?? [],
				offset: preview?.offset ?? 0,
				width: widths.preview,
				height,
				theme,
			}),
		);
	}
	return columns;
}

function fundsTitle(state: ExplorerState): string {
	const document = fundsDocument(state);
	const report = currentDocuments(state).length > 1 && document ? shortTitle(document.title) : undefined;
	const {kind, sort, only} = state.funds;
	const count = currentFundsLines(state).filter(l => l.kind === 'figure').length;
	return [
		'Funds',
		kind === 'all' ? 'all kinds' : kind,
		`by ${sort}`,
		`${count} figure${count === 1 ? '' : 's'}, M yuan unless marked`,
		only ? `those of "${only.what}"` : undefined,
		report,
	]
		.filter(Boolean)
		.join(' · ');
}

/** What the main pane shows: Compare, the funds table, or the text. */
function mainPane(state: ExplorerState, focused: boolean, width: number, height: number, theme: Theme): PaneSpec {
	if (state.main === 'compare') {
		const table = currentCompare(state)!;
		const props = {compare: state.compare, table, names: compareNames(state), focused, width, height, theme};
		return {title: compareTitle(state.compare, table), rows: compareRows(props, state.compare.list)};
	}
	if (state.main === 'funds')
		return fundsPane({title: fundsTitle(state), lines: currentFundsLines(state), list: state.funds.list, focused, width, height, theme});
	const view = readerView(state);
	const {marks} = state.reader;
	const title = marks.query !== undefined ? `Text · n/N: match ${(marks.currentMatch ?? 0) + 1} of ${view.matchLines.length}` : 'Text';
	return readerPane({title, lines: view.lines, offset: state.reader.offset, height});
}

/** The panes the layout has room for, each a column with its title. */
function paneColumns(state: ExplorerState, region: Region, layout: Layout, theme: Theme): ColumnSpec[] {
	const year = yearOf(state, region);
	const height = layout.bodyHeight;
	const panes: Array<[Focus, PaneBox | undefined, (focused: boolean, width: number) => PaneSpec]> = [
		[
			'regions',
			layout.regions,
			(focused, width) => regionsPane({regions: state.model.regions, year, list: state.regions.list, focused, width, height, theme}),
		],
		[
			'sections',
			layout.sections,
			(focused, width) =>
				sectionsPane({
					title: sectionsTitle(region, year, width),
					rows: currentRows(state),
					list: state.sections.list,
					focused,
					width,
					height,
					theme,
				}),
		],
		['main', layout.main, (focused, width) => mainPane(state, focused, width, height, theme)],
	];
	return panes.flatMap(([focus, box, pane]) => {
		if (!box) return [];
		const focused = state.focus === focus;
		return [paneColumn(pane(focused, box.width), focused, box.width, height, theme)];
	});
}

export function view(state: ExplorerState, theme: Theme): FrameSpec {
	const layout = layoutOf(state);
	const {columns: width, height} = layout;
	if (layout.tooSmall) return {kind: 'notice', width, height, text: tooSmallNotice(width)};
	const region = currentRegion(state);
	const columns: ColumnSpec[] =
		state.overlay === 'help'
			? [helpColumn(HELP, state.help.offset, width, height - 1, theme)]
			: state.overlay === 'search'
				? searchColumns(state, width, height - 1, theme)
				: region
					? paneColumns(state, region, layout, theme)
					: [emptyColumn(width, height - 1, theme)];
	const status = statusRow({
		message: state.notice ?? (state.showCommand ? `: ${commandOf(state)}` : undefined),
		where: whereText(state),
		position: positionText(state),
		hints: hintsFor(state),
		width,
		theme,
	});
	return {kind: 'columns', width, height, columns, status, separator: theme.separator};
}
