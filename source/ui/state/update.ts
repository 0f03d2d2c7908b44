// The explorer's state machine: update(state, action) → the next state, one handler per
// action of the binding table. Pure (time comes in with the action), so it runs the same under
// React (App.tsx), before React has loaded (first-frame.ts) and in tests without either.

import type {CorpusDocument} from '../../corpus/schema.ts';
import {graphemes} from '../../format/text.ts';
import {parseScope} from '../../search/index.ts';
import {type InputEvent, typedText} from '../input/keys.ts';
import type {SectionView} from '../view/reading.ts';
import {type Action, helpLines, regionStartingWith, resolveKey, TYPE_AHEAD_MS} from './bindings.ts';
import {
	currentFundsRows,
	currentRegion,
	currentRows,
	documentsOf,
	firstSection,
	layoutOf,
	readerView,
	searchListHeight,
	searchResults,
	sectionLines,
	sectionRows,
	yearOf,
} from './derive.ts';
import {clampOffset, type ListState, type Move, navigate, place, START, scroll} from './list.ts';
import type {ExplorerState, ReaderMarks, Size} from './state.ts';

export type ExplorerAction = {type: 'key'; event: InputEvent; at: number} | {type: 'resize'; size: Size};

type Handler = (state: ExplorerState, event: InputEvent, at: number) => ExplorerState;

/** The longest query the search box takes, in graphemes. */
export const QUERY_LIMIT = 80;

const FOCUS_ORDER = ['regions', 'sections', 'main'] as const;

// ---- moving between places -------------------------------------------------------------------

/** A region (and maybe a year of it) selected: its reports' headings from the first, the text from the top. */
function selectRegion(state: ExplorerState, index: number, year?: number): ExplorerState {
	const height = layoutOf(state).bodyHeight;
	const list = place(state.regions.list, index, height, state.model.regions.length);
	const region = state.model.regions[list.cursor];
	const years = region && year !== undefined ? {...state.regions.years, [region.name]: year} : state.regions.years;
	const next: ExplorerState = {...state, regions: {...state.regions, list, years}};
	return {
		...next,
		sections: {list: {cursor: firstSection(currentRows(next)), offset: 0}},
		reader: {offset: 0, marks: {}},
		funds: {...state.funds, list: START},
	};
}

/** Another section of the same reports selected: the text from the top, no marks. */
function selectSection(state: ExplorerState, list: ListState): ExplorerState {
	if (list === state.sections.list) return state;
	const moved = list.cursor !== state.sections.list.cursor;
	return {...state, sections: {list}, reader: moved ? {offset: 0, marks: {}} : state.reader};
}

/** The offset that shows `line` a third of the way down the pane. */
function offsetToShow(line: number, height: number, total: number): number {
	return clampOffset(line - Math.floor(height / 3), height, total);
}

/** Open a section of any report in the reading pane, with marks, the line `target` picks in view. */
function openSection(
	state: ExplorerState,
	document: CorpusDocument,
	sectionIndex: number,
	marks: ReaderMarks,
	target: (view: SectionView) => number,
): ExplorerState {
	const regionIndex = state.model.regions.findIndex(r => r.name === document.region);
	if (regionIndex < 0) return state;
	let next = selectRegion({...state, overlay: undefined, focus: 'main', main: 'text'}, regionIndex, document.year);
	const region = state.model.regions[regionIndex]!;
	const rows = sectionRows(documentsOf(region, document.year));
	const row = rows.findIndex(r => r.kind === 'section' && r.document.id === document.id && r.sectionIndex === sectionIndex);
	const height = layoutOf(next).bodyHeight;
	const sections = place({cursor: 0, offset: Math.max(0, row - 1)}, Math.max(0, row), height, rows.length);
	const view = sectionLines(state, document, sectionIndex, marks);
	next = {...next, sections: {list: sections}, reader: {marks, offset: offsetToShow(Math.max(0, target(view)), height, view.lines.length)}};
	return next;
}

function openSearchResult(state: ExplorerState): ExplorerState {
	const results = searchResults(state);
	const result = results[Math.min(state.search.list.cursor, results.length - 1)];
	if (!result) return state;
	if (result.kind === 'heading') return openSection(state, result.hit.document, result.hit.sectionIndex, {}, () => 0);
	const {document, sectionIndex, paragraphIndex} = result.hit;
	// As the full-text search does: a query that is only a region or year searches for those words.
	const rest = parseScope(state.model, state.search.query).rest;
	const query = rest.trim() === '' ? state.search.query : rest;
	const probe = sectionLines(state, document, sectionIndex, {query});
	const first = probe.paragraphFirstMatch[paragraphIndex] ?? 0;
	const currentMatch = Math.min(first, Math.max(0, probe.matchLines.length - 1));
	return openSection(state, document, sectionIndex, {query, currentMatch}, view => view.matchLines[currentMatch] ?? 0);
}

function openFundsRow(state: ExplorerState): ExplorerState {
	const row = currentFundsRows(state)[state.funds.list.cursor];
	if (!row) return state;
	return openSection(
		state,
		row.document,
		row.sectionIndex,
		{selectedFigure: row.figureIndex},
		view => view.figureLines[row.figureIndex] ?? 0,
	);
}

function moveFocus(state: ExplorerState, step: (i: number) => number, wrap: boolean): ExplorerState {
	const i = FOCUS_ORDER.indexOf(state.focus);
	const to = wrap ? (step(i) + 3) % 3 : Math.max(0, Math.min(2, step(i)));
	return {...state, focus: FOCUS_ORDER[to]!};
}

function stepYear(state: ExplorerState, delta: number): ExplorerState {
	const region = currentRegion(state);
	if (!region || region.years.length < 2) return state;
	const i = region.years.indexOf(yearOf(state, region));
	const year = region.years[(i + delta + region.years.length) % region.years.length]!;
	return selectRegion(state, state.regions.list.cursor, year);
}

// ---- moves in the focused pane ---------------------------------------------------------------

function move(state: ExplorerState, how: Move): ExplorerState {
	if (state.overlay === 'help') {
		const height = Math.max(1, layoutOf(state).height - 2);
		return {...state, help: {offset: scroll(state.help.offset, how, height, helpLines().length)}};
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
			if (state.main === 'funds') {
				// The table's header takes a row.
				const list = navigate(state.funds.list, how, {height: Math.max(1, height - 1), total: currentFundsRows(state).length});
				return {...state, funds: {...state.funds, list}};
			}
			const offset = scroll(state.reader.offset, how, height, readerView(state).lines.length);
			return {...state, reader: {...state.reader, offset}};
		}
	}
}

// ---- the search box --------------------------------------------------------------------------

/** The query's graphemes, for editing at a cursor: an accent or an emoji is one step. */
function editQuery(state: ExplorerState, edit: (chars: string[], caret: number) => {chars: string[]; caret: number}): ExplorerState {
	const chars = graphemes(state.search.query);
	const result = edit(chars, Math.min(state.search.caret, chars.length));
	const kept = result.chars.slice(0, QUERY_LIMIT);
	const query = kept.join('');
	const caret = Math.min(result.caret, kept.length);
	if (query === state.search.query) return caret === state.search.caret ? state : {...state, search: {...state.search, caret}};
	return {...state, search: {...state.search, query, caret, list: START}};
}

function insertText(state: ExplorerState, text: string): ExplorerState {
	if (text === '') return state;
	return editQuery(state, (chars, caret) => {
		const joined = graphemes(chars.slice(0, caret).join('') + text);
		return {chars: [...joined, ...chars.slice(caret)], caret: joined.length};
	});
}

function moveResults(state: ExplorerState, how: Move): ExplorerState {
	const list = navigate(state.search.list, how, {height: searchListHeight(state), total: searchResults(state).length});
	return {...state, search: {...state.search, list}};
}

// ---- the handlers, one per action -------------------------------------------------------------

const HANDLERS = {
	'app.quit': state => ({...state, quit: true}),
	'app.suspend': state => ({...state, suspend: state.suspend + 1}),
	'app.help': state => ({...state, overlay: 'help', help: {offset: 0}}),
	'app.search': state => ({...state, overlay: 'search', search: {...state.search, query: '', caret: 0, list: START}}),
	'app.funds': state =>
		state.main === 'funds' ? {...state, main: 'text'} : {...state, main: 'funds', focus: 'main', funds: {...state.funds, list: START}},
	'app.back': state => {
		if (state.focus === 'main' && state.main === 'funds') return {...state, main: 'text'};
		const {marks} = state.reader;
		if (state.focus === 'main' && (marks.query !== undefined || marks.selectedFigure !== undefined))
			return {...state, reader: {...state.reader, marks: {}}};
		return moveFocus(state, i => i - 1, false);
	},
	'focus.next': state => moveFocus(state, i => i + 1, true),
	'focus.prev': state => moveFocus(state, i => i - 1, true),
	'focus.left': state => moveFocus(state, i => i - 1, false),
	'focus.right': state => moveFocus(state, i => i + 1, false),
	'nav.up': state => move(state, 'back'),
	'nav.down': state => move(state, 'on'),
	'nav.pageUp': state => move(state, 'pageBack'),
	'nav.pageDown': state => move(state, 'pageOn'),
	'nav.top': state => move(state, 'first'),
	'nav.bottom': state => move(state, 'last'),
	'nav.open': state => {
		if (state.focus === 'regions') return {...state, focus: 'sections'};
		if (state.focus === 'sections') return {...state, focus: 'main'};
		return state.main === 'funds' ? openFundsRow(state) : state;
	},
	'year.next': state => stepYear(state, 1),
	'year.prev': state => stepYear(state, -1),
	'regions.typeAhead': (state, event, at) => {
		if (event.kind !== 'key') return state;
		const {text, at: last} = state.regions.typed;
		const find = (prefix: string) => regionStartingWith(state, prefix);
		let prefix = text !== '' && at - last < TYPE_AHEAD_MS ? text + event.name : event.name;
		let index = find(prefix);
		if (index < 0 && prefix.length > 1) {
			prefix = event.name;
			index = find(prefix);
		}
		const typed = {text: index >= 0 ? prefix : '', at};
		const next = {...state, regions: {...state.regions, typed}};
		return index >= 0 && index !== state.regions.list.cursor ? selectRegion(next, index) : next;
	},
	'match.next': state => stepMatch(state, 1),
	'match.prev': state => stepMatch(state, -1),
	'funds.sort': state => ({...state, funds: {...state.funds, sort: state.funds.sort === 'order' ? 'amount' : 'order', list: START}}),
	'search.up': state => moveResults(state, 'back'),
	'search.down': state => moveResults(state, 'on'),
	'search.pageUp': state => moveResults(state, 'pageBack'),
	'search.pageDown': state => moveResults(state, 'pageOn'),
	'search.open': state => openSearchResult(state),
	'search.scope': state => ({
		...state,
		search: {...state.search, scope: state.search.scope === 'headings' ? 'text' : 'headings', list: START},
	}),
	'search.cancel': state => ({...state, overlay: undefined}),
	'search.type': (state, event) => insertText(state, typedText(event)),
	'search.paste': (state, event) => insertText(state, typedText(event)),
	'search.backspace': state =>
		editQuery(state, (chars, caret) =>
			caret === 0 ? {chars, caret} : {chars: [...chars.slice(0, caret - 1), ...chars.slice(caret)], caret: caret - 1},
		),
	'search.delete': state => editQuery(state, (chars, caret) => ({chars: [...chars.slice(0, caret), ...chars.slice(caret + 1)], caret})),
	'search.deleteWord': state =>
		editQuery(state, (chars, caret) => {
			const before = chars
				.slice(0, caret)
				.join('')
				.replace(/\S*\s*$/, '');
			const kept = graphemes(before);
			return {chars: [...kept, ...chars.slice(caret)], caret: kept.length};
		}),
	'search.clear': state => editQuery(state, () => ({chars: [], caret: 0})),
	'search.left': state => editQuery(state, (chars, caret) => ({chars, caret: Math.max(0, caret - 1)})),
	'search.right': state => editQuery(state, (chars, caret) => ({chars, caret: Math.min(chars.length, caret + 1)})),
	'search.home': state => editQuery(state, chars => ({chars, caret: 0})),
	'search.end': state => editQuery(state, chars => ({chars, caret: chars.length})),
	'help.close': state => ({...state, overlay: undefined}),
} satisfies Record<Action, Handler>;

function stepMatch(state: ExplorerState, delta: number): ExplorerState {
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

export function update(state: ExplorerState, action: ExplorerAction): ExplorerState {
	switch (action.type) {
		case 'resize':
			return action.size.columns === state.size.columns && action.size.rows === state.size.rows ? state : {...state, size: action.size};
		case 'key': {
			const bound = resolveKey(state, action.event, action.at);
			return bound ? HANDLERS[bound](state, action.event, action.at) : state;
		}
	}
}

/** Several actions at once (one read from the terminal): one state, one frame. */
export function updateAll(state: ExplorerState, actions: readonly ExplorerAction[]): ExplorerState {
	let next = state;
	for (const action of actions) {
		if (next.quit) break;
		next = update(next, action);
	}
	return next;
}
