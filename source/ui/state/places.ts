// Moving between places: a region, a year, a section of any report, a pane; moving in the
// focused pane; and the history of places that Backspace goes back through. Pure.

import {keyOf} from '../../corpus/figures.ts';
import type {CorpusDocument} from '../../corpus/schema.ts';
import {wordsSearched} from '../../search/index.ts';
import type {SectionView} from '../view/reading.ts';
import {helpLines} from './bindings.ts';
import {
	compareListHeight,
	currentCompare,
	currentFundsLines,
	currentRegion,
	currentRows,
	documentsOf,
	firstSection,
	fundsListHeight,
	layoutOf,
	readerView,
	searchListHeight,
	searchResults,
	sectionLines,
	sectionRows,
	yearOf,
} from './derive.ts';
import {type ListState, type Move, navigate, offsetToShow, place, START, scroll} from './list.ts';
import {type ExplorerState, type Place, placeOf, type ReaderMarks} from './state.ts';

const FOCUS_ORDER = ['regions', 'sections', 'main'] as const;
/** How many places Backspace can go back through. */
const HISTORY_LIMIT = 100;

/** The state with where it was kept, for Backspace. */
export function remember(state: ExplorerState): ExplorerState {
	return {...state, history: [placeOf(state), ...state.history].slice(0, HISTORY_LIMIT)};
}

/** Back to the last place left (the terminal's size stays as it is now). */
export function goBack(state: ExplorerState): ExplorerState {
	const [last, ...rest] = state.history;
	if (!last) return {...state, notice: 'nothing to go back to'};
	return {...state, ...(last satisfies Place), history: rest};
}

/** A region (and maybe a year of it) selected: its reports' headings from the first, the text from the top. */
export function selectRegion(state: ExplorerState, index: number, year?: number): ExplorerState {
	const height = layoutOf(state).bodyHeight;
	const list = place(state.regions.list, index, height, state.model.regions.length);
	const region = state.model.regions[list.cursor];
	const years = region && year !== undefined ? {...state.regions.years, [region.name]: year} : state.regions.years;
	const next: ExplorerState = {...state, regions: {...state.regions, list, years}};
	return {
		...next,
		sections: {list: {cursor: firstSection(currentRows(next)), offset: 0}},
		reader: {offset: 0, marks: {}},
		// The evidence of a comparison is one report's: another report shows all its figures.
		funds: {...state.funds, list: START, only: undefined},
	};
}

/** Another section of the same reports selected: the text from the top, no marks. */
function selectSection(state: ExplorerState, list: ListState): ExplorerState {
	if (list === state.sections.list) return state;
	const moved = list.cursor !== state.sections.list.cursor;
	return {...state, sections: {list}, reader: moved ? {offset: 0, marks: {}} : state.reader};
}

/** A section of any report in the reading pane, with marks, the line `target` picks in view. */
export function openSection(
	state: ExplorerState,
	document: CorpusDocument,
	sectionIndex: number,
	marks: ReaderMarks,
	target: (view: SectionView) => number,
): ExplorerState {
	const regionIndex = state.model.regions.findIndex(r => r.name === document.region);
	if (regionIndex < 0) return state;
	const next = selectRegion({...state, overlay: undefined, focus: 'main', main: 'text'}, regionIndex, document.year);
	const rows = sectionRows(documentsOf(state.model.regions[regionIndex]!, document.year));
	const row = rows.findIndex(r => r.kind === 'section' && r.document.id === document.id && r.sectionIndex === sectionIndex);
	const height = layoutOf(next).bodyHeight;
	const sections = place({cursor: 0, offset: Math.max(0, row - 1)}, Math.max(0, row), height, rows.length);
	const view = sectionLines(state, document, sectionIndex, marks);
	return {...next, sections: {list: sections}, reader: {marks, offset: offsetToShow(Math.max(0, target(view)), height, view.lines.length)}};
}

export function openSearchResult(state: ExplorerState): ExplorerState {
	const results = searchResults(state);
	const result = results[Math.min(state.search.list.cursor, results.length - 1)];
	if (!result) return state;
	const here = remember(state);
	if (result.kind === 'heading') return openSection(here, result.hit.document, result.hit.sectionIndex, {}, () => 0);
	const {document, sectionIndex, paragraphIndex} = result.hit;
	const query = wordsSearched(state.model, state.search.box.text);
	const probe = sectionLines(state, document, sectionIndex, {query});
	const first = probe.paragraphFirstMatch[paragraphIndex] ?? 0;
	const currentMatch = Math.min(first, Math.max(0, probe.matchLines.length - 1));
	return openSection(here, document, sectionIndex, {query, currentMatch}, view => view.matchLines[currentMatch] ?? 0);
}

export function openFundsRow(state: ExplorerState): ExplorerState {
	const line = currentFundsLines(state)[state.funds.list.cursor];
	if (line?.kind !== 'figure') return state;
	const document = state.model.documentsById.get(line.row.documentId);
	if (!document) return state;
	const figure = line.row.index;
	return openSection(remember(state), document, line.sectionIndex, {selectedFigure: figure}, view => view.figureLines[figure] ?? 0);
}

/** A list whose group titles the cursor steps over (the funds table, Compare). */
function groupedShape(lines: ReadonlyArray<{kind: string}>, height: number) {
	return {height, total: lines.length, skip: (i: number) => lines[i]?.kind === 'group'};
}

export const compareShape = (state: ExplorerState) => groupedShape(currentCompare(state)?.lines ?? [], compareListHeight(state));
export const fundsShape = (state: ExplorerState) => groupedShape(currentFundsLines(state), fundsListHeight(state));

/**
 * A Compare row opened: its report's funds table, showing only the figures that made its
 * total (Enter there opens the text at the amount; Backspace comes back).
 */
export function openCompareRow(state: ExplorerState): ExplorerState {
	const line = currentCompare(state)?.lines[state.compare.list.cursor];
	const row = line?.kind === 'row' ? line.row : line?.kind === 'region' ? line.latest : undefined;
	const document = row && state.model.documentsById.get(row.documentId);
	if (!row || !document) return state;
	const first = row.figures[0]!;
	const sectionIndex = Math.max(
		0,
		document.sections.findIndex(s => s.id === first.sectionId),
	);
	const here = remember(state);
	const opened = openSection(here, document, sectionIndex, {}, () => 0);
	const only = {keys: row.figures.map(keyOf), what: state.compare.box.text.trim()};
	const funds = {...opened.funds, only, kind: 'all' as const, sort: 'order' as const, list: START};
	const next = {...opened, history: here.history, main: 'funds' as const, funds};
	const at = currentFundsLines(next).findIndex(l => l.kind === 'figure');
	return at > 0 ? {...next, funds: {...funds, list: {cursor: at, offset: 0}}} : next;
}

export function moveFocus(state: ExplorerState, step: (i: number) => number, wrap: boolean): ExplorerState {
	const i = FOCUS_ORDER.indexOf(state.focus);
	const to = wrap ? (step(i) + 3) % 3 : Math.max(0, Math.min(2, step(i)));
	return to === i ? state : {...state, focus: FOCUS_ORDER[to]!};
}

export function stepYear(state: ExplorerState, delta: number): ExplorerState {
	const region = currentRegion(state);
	if (!region || region.years.length < 2) return state;
	const i = region.years.indexOf(yearOf(state, region));
	const year = region.years[(i + delta + region.years.length) % region.years.length]!;
	return selectRegion(state, state.regions.list.cursor, year);
}

/** A move in the focused pane: a list's cursor, or a text's first line. */
export function move(state: ExplorerState, how: Move): ExplorerState {
	if (state.overlay === 'help') {
		const height = Math.max(1, layoutOf(state).height - 2);
		return {...state, help: {offset: scroll(state.help.offset, how, height, helpLines().length)}};
	}
	if (state.overlay === 'search') {
		const list = navigate(state.search.list, how, {height: searchListHeight(state), total: searchResults(state).length});
		return {...state, search: {...state.search, list}};
	}
	const height = layoutOf(state).bodyHeight;
	switch (state.focus) {
		case 'regions': {
			const list = navigate(state.regions.list, how, {height, total: state.model.regions.length});
			return list.cursor === state.regions.list.cursor ? {...state, regions: {...state.regions, list}} : selectRegion(state, list.cursor);
		}
		case 'sections': {
			const rows = currentRows(state);
			return selectSection(state, navigate(state.sections.list, how, {height, total: rows.length, skip: i => rows[i]?.kind === 'title'}));
		}
		case 'main': {
			if (state.main === 'compare')
				return {...state, compare: {...state.compare, list: navigate(state.compare.list, how, compareShape(state))}};
			if (state.main === 'funds') {
				return {...state, funds: {...state.funds, list: navigate(state.funds.list, how, fundsShape(state))}};
			}
			const offset = scroll(state.reader.offset, how, height, readerView(state).lines.length);
			return {...state, reader: {...state.reader, offset}};
		}
	}
}

/** The next (or previous) search match in the reading pane, brought into view. */
export function stepMatch(state: ExplorerState, delta: number): ExplorerState {
	const view = readerView(state);
	const n = view.matchLines.length;
	const current = state.reader.marks.currentMatch;
	if (n === 0 || current === undefined) return state;
	const next = (current + delta + n) % n;
	const height = layoutOf(state).bodyHeight;
	return {
		...state,
		reader: {marks: {...state.reader.marks, currentMatch: next}, offset: offsetToShow(view.matchLines[next]!, height, view.lines.length)},
	};
}
