// One handler per action of the binding table (checked: the record must have every action).
// A handler takes the state and the key that asked for it and returns the next state.

import {figureKinds} from '../../corpus/vocabulary.ts';
import type {InputEvent} from '../input/keys.ts';
import {typedText} from '../input/keys.ts';
import {type Action, regionStartingWith, TYPE_AHEAD_MS} from './bindings.ts';
import {commandOf, copyOf} from './copy.ts';
import {currentCompare, currentFundsLines} from './derive.ts';
import {KIND_CYCLE} from './funds-table.ts';
import {START} from './list.ts';
import {
	goBack,
	move,
	moveFocus,
	openCompareRow,
	openFundsRow,
	openSearchResult,
	remember,
	selectRegion,
	stepMatch,
	stepYear,
} from './places.ts';
import {COMPARE_DEFAULTS, type Effect, type ExplorerState} from './state.ts';
import {type BoxEdit, boxOf, EMPTY_BOX, editBox} from './text-box.ts';

export type Handler = (state: ExplorerState, event: InputEvent, at: number) => ExplorerState;

/** What an OSC 52 copy may carry: terminals and tmux refuse much more. */
export const COPY_LIMIT = 100_000;

/** The text box with the keys (the search box, or the Compare query) after an edit; its rows start again from the top. */
function edit(state: ExplorerState, change: BoxEdit | {insert: string}): ExplorerState {
	const field = state.overlay === 'search' ? 'search' : 'compare';
	const current = state[field];
	const box = editBox(current.box, change);
	if (box === current.box) return state;
	const list = box.text === current.box.text ? current.list : START;
	return {...state, [field]: {...current, box, list}};
}

/** Compare with other settings, its cursor on the first row that is not a group's title. */
function showCompare(state: ExplorerState, change: Partial<ExplorerState['compare']>): ExplorerState {
	const next = {...state, main: 'compare' as const, focus: 'main' as const, compare: {...state.compare, ...change, list: START}};
	const first = currentCompare(next)?.lines.findIndex(l => l.kind !== 'group') ?? 0;
	return first > 0 ? {...next, compare: {...next.compare, list: {cursor: first, offset: 0}}} : next;
}

const cycle = <T>(values: readonly T[], current: T): T => values[(values.indexOf(current) + 1) % values.length]!;
const SORTS = ['total', 'region', 'year'] as const;

type Request = {kind: 'suspend'} | {kind: 'redraw'} | {kind: 'copy'; text: string};

/** How many requests the state keeps: more than one read from the terminal could ask. */
const EFFECTS_KEPT = 16;

/** Ask the host for something a pure update cannot do; it does each request once, by its number. */
function ask(state: ExplorerState, request: Request): ExplorerState {
	const effect: Effect = {...request, seq: (state.effects.at(-1)?.seq ?? 0) + 1};
	return {...state, effects: [...state.effects, effect].slice(-EFFECTS_KEPT)};
}

/** Copy text through the terminal (the host writes it as OSC 52), saying what was copied. */
function copy(state: ExplorerState, text: string, what: string): ExplorerState {
	const bytes = Buffer.from(text, 'utf8');
	if (bytes.length <= COPY_LIMIT)
		return {...ask(state, {kind: 'copy', text}), notice: `copied ${what} (${bytes.length.toLocaleString('en-US')} bytes)`};
	// Cut at a character: back over UTF-8 continuation bytes (10xxxxxx) to where one starts.
	let end = COPY_LIMIT;
	while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
	const cut = bytes.subarray(0, end).toString('utf8');
	return {...ask(state, {kind: 'copy', text: cut}), notice: `copied the first ${end.toLocaleString('en-US')} bytes of ${what}`};
}

/** The funds table with other settings, its cursor on the first figure (not a group's title). */
function showFunds(state: ExplorerState, change: Partial<ExplorerState['funds']>): ExplorerState {
	const next = {...state, funds: {...state.funds, ...change, list: START}};
	const first = currentFundsLines(next).findIndex(l => l.kind === 'figure');
	return first > 0 ? {...next, funds: {...next.funds, list: {cursor: first, offset: 0}}} : next;
}

export const HANDLERS = {
	'app.quit': state => ({...state, quit: true}),
	'app.suspend': state => ask(state, {kind: 'suspend'}),
	'app.redraw': state => ask(state, {kind: 'redraw'}),
	'app.help': state => ({...state, overlay: 'help', help: {offset: 0}}),
	'app.search': state => ({...state, overlay: 'search', search: {...state.search, box: EMPTY_BOX, list: START}}),
	'app.funds': state =>
		state.main === 'funds'
			? {...remember(state), main: 'text'}
			: showFunds({...remember(state), main: 'funds', focus: 'main'}, {only: undefined}),
	'app.back': state => {
		if (state.focus === 'main' && state.main !== 'text') return {...state, main: 'text'};
		const {marks} = state.reader;
		if (state.focus === 'main' && (marks.query !== undefined || marks.selectedFigure !== undefined))
			return {...state, reader: {...state.reader, marks: {}}};
		return moveFocus(state, i => i - 1, false);
	},
	'app.history': state => goBack(state),
	'app.command': state => ({...state, showCommand: !state.showCommand}),
	'copy.view': state => {
		const what = copyOf(state);
		return what ? copy(state, what.text, what.what) : {...state, notice: 'nothing to copy here'};
	},
	'copy.command': state => copy(state, commandOf(state), 'the command'),
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
		if (state.focus === 'regions') return {...remember(state), focus: 'sections'};
		if (state.focus === 'sections') return {...remember(state), focus: 'main'};
		if (state.main === 'compare') return openCompareRow(state);
		return state.main === 'funds' ? openFundsRow(state) : state;
	},
	'year.next': state => stepYear(state, 1),
	'year.prev': state => stepYear(state, -1),
	'regions.typeAhead': (state, event, at) => {
		if (event.kind !== 'key') return state;
		const {text, at: last} = state.regions.typed;
		let prefix = text !== '' && at - last < TYPE_AHEAD_MS ? text + event.name : event.name;
		let index = regionStartingWith(state, prefix);
		if (index < 0 && prefix.length > 1) {
			prefix = event.name;
			index = regionStartingWith(state, prefix);
		}
		const next = {...state, regions: {...state.regions, typed: {text: index >= 0 ? prefix : '', at}}};
		return index >= 0 && index !== state.regions.list.cursor ? selectRegion(next, index) : next;
	},
	'match.next': state => stepMatch(state, 1),
	'match.prev': state => stepMatch(state, -1),
	'funds.sort': state => showFunds(state, {sort: state.funds.sort === 'order' ? 'amount' : 'order'}),
	'funds.compare': state => {
		const line = currentFundsLines(state)[state.funds.list.cursor];
		if (line?.kind !== 'figure') return state;
		const f = line.row.figure;
		return showCompare(remember(state), {
			box: boxOf(f.label),
			editing: false,
			kind: f.kind,
			perUnit: f.per !== null,
			planned: f.status === 'planned',
			matrix: false,
		});
	},
	// A plain c starts from what Compare is by default (the last query kept): nothing set from a funds row lingers.
	'app.compare': state => showCompare(remember(state), {...COMPARE_DEFAULTS, box: state.compare.box, editing: true}),
	'compare.kind': state => showCompare(state, {kind: cycle(figureKinds, state.compare.kind)}),
	'compare.planned': state => showCompare(state, {planned: !state.compare.planned}),
	'compare.perUnit': state => showCompare(state, {perUnit: !state.compare.perUnit}),
	'compare.sort': state => showCompare(state, {by: cycle(SORTS, state.compare.by)}),
	'compare.matrix': state =>
		state.compare.perUnit
			? {...state, notice: 'years side by side compare totals: u first'}
			: showCompare(state, {matrix: !state.compare.matrix}),
	'compare.edit': state => ({...state, compare: {...state.compare, editing: true}}),
	'compare.up': state => move(state, 'back'),
	'compare.down': state => move(state, 'on'),
	'compare.pageUp': state => move(state, 'pageBack'),
	'compare.pageDown': state => move(state, 'pageOn'),
	'compare.open': state => openCompareRow(state),
	'compare.table': state => ({...state, compare: {...state.compare, editing: false}}),
	'compare.close': state => ({...state, main: 'text'}),
	'funds.kind': state => showFunds(state, {kind: cycle(KIND_CYCLE, state.funds.kind)}),
	'search.up': state => move(state, 'back'),
	'search.down': state => move(state, 'on'),
	'search.pageUp': state => move(state, 'pageBack'),
	'search.pageDown': state => move(state, 'pageOn'),
	'search.open': state => openSearchResult(state),
	'search.scope': state => ({
		...state,
		search: {...state.search, scope: state.search.scope === 'headings' ? 'text' : 'headings', list: START},
	}),
	'search.cancel': state => ({...state, overlay: undefined}),
	'box.type': (state, event) => edit(state, {insert: typedText(event)}),
	'box.paste': (state, event) => edit(state, {insert: typedText(event)}),
	'box.backspace': state => edit(state, 'eraseBack'),
	'box.delete': state => edit(state, 'eraseOn'),
	'box.deleteWord': state => edit(state, 'eraseWord'),
	'box.clear': state => edit(state, 'eraseAll'),
	'box.left': state => edit(state, 'caretBack'),
	'box.right': state => edit(state, 'caretOn'),
	'box.home': state => edit(state, 'caretStart'),
	'box.end': state => edit(state, 'caretEnd'),
	'help.close': state => ({...state, overlay: undefined}),
} satisfies Record<Action, Handler>;
