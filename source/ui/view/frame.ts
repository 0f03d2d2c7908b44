// The view: the explorer's state as one frame spec (columns of styled rows and a status bar).
// Pure: the same state gives the same frame, whether it is the first one (painted before Ink
// loads) or the thousandth.

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
import {tooSmallNotice} from './layout.ts';
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
	const region = currentRegion(state);
	if (!region) return 'no reports';
	return [region.name, String(yearOf(state, region)), currentSection(state)?.heading ?? ''].filter(Boolean).join(' · ');
}

/** "3/16": the position in the focused list. */
function positionText(state: ExplorerState): string {
	if (state.focus === 'regions')
		return state.model.regions.length === 0 ? '' : `${state.regions.list.cursor + 1}/${state.model.regions.length}`;
	if (state.focus === 'main' && state.main === 'funds') {
		const lines = currentFundsLines(state);
		const figures = lines.filter(l => l.kind === 'figure').length;
		const at = lines.slice(0, state.funds.list.cursor + 1).filter(l => l.kind === 'figure').length;
		return figures === 0 ? '0/0' : `${at}/${figures}`;
	}
	if (state.focus === 'main' && state.main === 'compare') {
		const lines = currentCompare(state)?.lines ?? [];
		const rows = lines.filter(l => l.kind !== 'group').length;
		const at = lines.slice(0, state.compare.list.cursor + 1).filter(l => l.kind !== 'group').length;
		return rows === 0 ? '' : `${at}/${rows}`;
	}
	const section = currentSection(state);
	return section ? `${section.sectionIndex + 1}/${section.document.sections.length}` : '';
}

export function view(state: ExplorerState, theme: Theme): FrameSpec {
	const layout = layoutOf(state);
	const {columns: width, height} = layout;
	if (layout.tooSmall) return {kind: 'notice', width, height, text: tooSmallNotice(width)};
	const body = layout.bodyHeight;
	const columns: ColumnSpec[] = [];
	const region = currentRegion(state);
	if (state.overlay === 'help') {
		columns.push(helpColumn(HELP, state.help.offset, width, height - 1, theme));
	} else if (state.overlay === 'search') {
		const {box, scope, list} = state.search;
		const widths = searchWidths(state);
		const results = searchResults(state);
		columns.push(
			searchColumn({
				query: graphemes(box.text),
				caret: box.caret,
				scope,
				results,
				list,
				width: widths?.results ?? width,
				height: height - 1,
				theme,
			}),
		);
		const preview = widths && searchPreview(state);
		if (widths) {
			columns.push(
				previewColumn({
					title: preview ? preview.title : 'Preview',
					lines: preview?.view.lines ?? [],
					offset: preview?.offset ?? 0,
					width: widths.preview,
					height: height - 1,
					theme,
				}),
			);
		}
	} else if (!region) {
		columns.push(emptyColumn(width, height - 1, theme));
	} else {
		const year = yearOf(state, region);
		if (layout.regions) {
			const focused = state.focus === 'regions';
			const spec = regionsPane({
				regions: state.model.regions,
				year,
				list: state.regions.list,
				focused,
				width: layout.regions.width,
				height: body,
				theme,
			});
			columns.push(paneColumn(spec, focused, layout.regions.width, body, theme));
		}
		if (layout.sections) {
			const focused = state.focus === 'sections';
			const spec = sectionsPane({
				title: sectionsTitle(region, year),
				rows: currentRows(state),
				list: state.sections.list,
				focused,
				width: layout.sections.width,
				height: body,
				theme,
			});
			columns.push(paneColumn(spec, focused, layout.sections.width, body, theme));
		}
		if (layout.main) {
			const focused = state.focus === 'main';
			const {width: mainWidth} = layout.main;
			let spec: PaneSpec;
			if (state.main === 'compare') {
				const table = currentCompare(state)!;
				const rows = compareRows(
					{compare: state.compare, table, names: compareNames(state), focused, width: mainWidth, height: body, theme},
					state.compare.list,
				);
				spec = {title: compareTitle(state.compare, table), rows};
			} else if (state.main === 'funds') {
				const document = fundsDocument(state);
				const report = currentDocuments(state).length > 1 && document ? shortTitle(document.title) : undefined;
				const lines = currentFundsLines(state);
				const {kind, sort, only} = state.funds;
				const count = lines.filter(l => l.kind === 'figure').length;
				const title = [
					'Funds',
					kind === 'all' ? 'all kinds' : kind,
					`by ${sort}`,
					`${count} figure${count === 1 ? '' : 's'}, M yuan unless marked`,
					only ? `those of "${only.what}"` : undefined,
					report,
				]
					.filter(Boolean)
					.join(' · ');
				spec = fundsPane({title, lines, list: state.funds.list, focused, width: mainWidth, height: body, theme});
			} else {
				const view = readerView(state);
				const {marks} = state.reader;
				const title =
					marks.query !== undefined ? `Text · n/N: match ${(marks.currentMatch ?? 0) + 1} of ${view.matchLines.length}` : 'Text';
				spec = readerPane({title, lines: view.lines, offset: state.reader.offset, height: body});
			}
			columns.push(paneColumn(spec, focused, mainWidth, body, theme));
		}
	}
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
