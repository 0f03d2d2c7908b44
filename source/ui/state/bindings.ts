// The one key-binding table. Every key the explorer answers is here, with what it does; the
// key resolution (resolveKey), the help overlay, the status-bar hints and the README's key
// section all come from it, and handlers.ts holds one handler per action (checked: every action
// has one). No other module looks at a key.

import {normalizeName} from '../../corpus/model.ts';
import type {InputEvent} from '../input/keys.ts';
import type {ExplorerState} from './state.ts';

/** Where a binding applies. Overlays take keys before panes; `always` comes first everywhere. */
export type KeyScope =
	| 'always'
	| 'global'
	| 'list'
	| 'regions'
	| 'reader'
	| 'funds'
	| 'compare'
	| 'compareBox'
	| 'search'
	| 'textbox'
	| 'help';

export const ACTIONS = [
	'app.quit',
	'app.suspend',
	'app.redraw',
	'app.help',
	'app.search',
	'app.funds',
	'app.back',
	'app.history',
	'app.command',
	'copy.view',
	'copy.command',
	'focus.next',
	'focus.prev',
	'focus.left',
	'focus.right',
	'nav.up',
	'nav.down',
	'nav.pageUp',
	'nav.pageDown',
	'nav.top',
	'nav.bottom',
	'nav.open',
	'year.next',
	'year.prev',
	'regions.typeAhead',
	'match.next',
	'match.prev',
	'funds.sort',
	'funds.kind',
	'funds.compare',
	'app.compare',
	'compare.kind',
	'compare.planned',
	'compare.perUnit',
	'compare.sort',
	'compare.matrix',
	'compare.edit',
	'compare.up',
	'compare.down',
	'compare.pageUp',
	'compare.pageDown',
	'compare.open',
	'compare.table',
	'compare.close',
	'search.up',
	'search.down',
	'search.pageUp',
	'search.pageDown',
	'search.open',
	'search.scope',
	'search.cancel',
	'box.type',
	'box.paste',
	'box.backspace',
	'box.delete',
	'box.deleteWord',
	'box.clear',
	'box.left',
	'box.right',
	'box.home',
	'box.end',
	'help.close',
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * Keys a binding answers: key names as the parser gives them ('j', 'G', 'down', 'ctrl-c',
 * 'enter', 'space'), or a class: `letter` (a–z, A–Z), `char` (any printable character),
 * `paste` (a bracketed paste).
 */
export type KeySpec = string;

export interface Binding {
	action: Action;
	scope: KeyScope;
	keys: readonly KeySpec[];
	/** How the help and the hints write the keys. */
	label: string;
	description: string;
	/** A short word for the status bar, when the binding is worth a hint. */
	hint?: string;
	/** When the binding answers only in some states (type-ahead: while a name is being typed). */
	when?: (state: ExplorerState, key: InputEvent, at: number) => boolean;
	/** Taken at once, ahead of the keys read with it (quitting never waits behind typed keys). */
	interrupts?: boolean;
	/** When the binding means something at all (n/N: when there are matches to step through); also hides its hint. */
	available?: (state: ExplorerState) => boolean;
}

/** How long a typed region name waits for its next letter. */
export const TYPE_AHEAD_MS = 1000;

/** Letters that have a meaning of their own in the Regions pane (filled in below, from the table). */
let regionKeyLetters: Set<string> = new Set();

/** The region a typed prefix names, or -1. */
export function regionStartingWith(state: ExplorerState, prefix: string): number {
	const p = normalizeName(prefix);
	return state.model.regions.findIndex(r => normalizeName(r.name).startsWith(p));
}

/**
 * A letter in the Regions pane jumps to a region when it goes on a name being typed, when it is
 * a capital, or when it means nothing else there; a lower-case letter that is a key (j, g, h, …)
 * is that key. So `J i l` jumps to Jilin and `j` moves down.
 */
function typesAhead(state: ExplorerState, key: InputEvent, at: number): boolean {
	if (key.kind !== 'key' || !/^[a-zA-Z]$/.test(key.name)) return false;
	const {text, at: last} = state.regions.typed;
	if (text !== '' && at - last < TYPE_AHEAD_MS && regionStartingWith(state, text + key.name) >= 0) return true;
	return key.name !== key.name.toLowerCase() || !regionKeyLetters.has(key.name);
}

/** The text shows a search's matches (n/N step through them). */
const hasMatches = (state: ExplorerState) => state.reader.marks.query !== undefined;

export const BINDINGS: readonly Binding[] = [
	{action: 'app.quit', scope: 'always', keys: ['ctrl-c'], label: 'C-c', description: 'quit, at once', interrupts: true},
	{action: 'app.suspend', scope: 'always', keys: ['ctrl-z'], label: 'C-z', description: 'suspend (fg to come back)'},
	{action: 'app.redraw', scope: 'always', keys: ['ctrl-l'], label: 'C-l', description: 'paint the whole screen again'},
	{
		action: 'regions.typeAhead',
		scope: 'regions',
		keys: ['letter'],
		label: 'A–Z a–z',
		description: 'type a name to jump (a capital first for letters that are keys: J, G, H, …)',
		when: typesAhead,
	},
	{
		action: 'match.next',
		scope: 'reader',
		keys: ['n'],
		label: 'n',
		description: 'next search match in the text',
		hint: 'match',
		available: hasMatches,
	},
	{action: 'match.prev', scope: 'reader', keys: ['N'], label: 'N', description: 'previous search match', available: hasMatches},
	{
		action: 'funds.sort',
		scope: 'funds',
		keys: ['s'],
		label: 's',
		description: 'sort by amount (wholes of one kind and unit ranked together) / document order',
		hint: 'sort',
	},
	{
		action: 'funds.kind',
		scope: 'funds',
		keys: ['t'],
		label: 't',
		description: 'which kind of money: all, funds, loans, income, economy, thresholds, other',
		hint: 'kind',
	},
	{
		action: 'funds.compare',
		scope: 'funds',
		keys: ['c'],
		label: 'c',
		description: 'compare this figure across regions and years (Compare, its label as the query)',
		hint: 'compare',
	},
	{
		action: 'compare.kind',
		scope: 'compare',
		keys: ['t'],
		label: 't',
		description: 'which kind of money: funds, loans, income, economy, thresholds, other',
		hint: 'kind',
	},
	{
		action: 'compare.planned',
		scope: 'compare',
		keys: ['p'],
		label: 'p',
		description: 'planned figures too / money spent only',
		hint: 'plans',
	},
	{
		action: 'compare.perUnit',
		scope: 'compare',
		keys: ['u'],
		label: 'u',
		description: 'amounts per unit (per person, per household…) / totals',
		hint: 'per unit',
	},
	{action: 'compare.sort', scope: 'compare', keys: ['s'], label: 's', description: 'sort by total, region, year', hint: 'sort'},
	{
		action: 'compare.matrix',
		scope: 'compare',
		keys: ['m'],
		label: 'm',
		description: 'regions × years side by side, with Δ and % / one row per report',
		hint: 'years',
	},
	{action: 'compare.edit', scope: 'compare', keys: ['/', 'tab'], label: '/ Tab', description: 'back to the query box', hint: 'query'},
	{action: 'compare.up', scope: 'compareBox', keys: ['up', 'ctrl-p'], label: '↑ C-p', description: 'previous row'},
	{action: 'compare.down', scope: 'compareBox', keys: ['down', 'ctrl-n'], label: '↓ C-n', description: 'next row'},
	{action: 'compare.pageUp', scope: 'compareBox', keys: ['pageup'], label: 'PgUp', description: 'a page of rows up'},
	{action: 'compare.pageDown', scope: 'compareBox', keys: ['pagedown'], label: 'PgDn', description: 'a page of rows down'},
	{
		action: 'compare.open',
		scope: 'compareBox',
		keys: ['enter'],
		label: 'Enter',
		description: "open the row's report: its funds table, the figures that made the total",
		hint: 'open',
	},
	{
		action: 'compare.table',
		scope: 'compareBox',
		keys: ['tab'],
		label: 'Tab',
		description: 'to the table (its keys: t p u s m, Backspace back)',
		hint: 'table',
	},
	{action: 'compare.close', scope: 'compareBox', keys: ['escape'], label: 'Esc', description: 'close Compare', hint: 'back'},
	{action: 'nav.up', scope: 'list', keys: ['up', 'k'], label: '↑ k', description: 'move up / scroll up a line'},
	{action: 'nav.down', scope: 'list', keys: ['down', 'j'], label: '↓ j', description: 'move down / scroll down a line', hint: 'move'},
	{action: 'nav.pageUp', scope: 'list', keys: ['pageup'], label: 'PgUp', description: 'page up'},
	{action: 'nav.pageDown', scope: 'list', keys: ['pagedown', 'space'], label: 'PgDn Space', description: 'page down'},
	{action: 'nav.top', scope: 'list', keys: ['home', 'g'], label: 'Home g', description: 'first line'},
	{action: 'nav.bottom', scope: 'list', keys: ['end', 'G'], label: 'End G', description: 'last line (End in Regions, where capitals jump)'},
	{
		action: 'nav.open',
		scope: 'list',
		keys: ['enter'],
		label: 'Enter',
		description: 'open: region → sections → text; funds row → its section',
		hint: 'open',
	},
	{action: 'focus.next', scope: 'global', keys: ['tab'], label: 'Tab', description: 'next pane'},
	{action: 'focus.prev', scope: 'global', keys: ['shift-tab'], label: 'S-Tab', description: 'previous pane'},
	{action: 'focus.left', scope: 'global', keys: ['left', 'h'], label: '← h', description: 'pane to the left'},
	{action: 'focus.right', scope: 'global', keys: ['right', 'l'], label: '→ l', description: 'pane to the right', hint: 'pane'},
	{action: 'year.next', scope: 'global', keys: [']'], label: ']', description: 'next year of the region', hint: 'year'},
	{action: 'year.prev', scope: 'global', keys: ['['], label: '[', description: 'previous year of the region'},
	{
		action: 'app.search',
		scope: 'global',
		keys: ['/'],
		label: '/',
		description: 'search headings (Tab in the box: full text)',
		hint: 'search',
	},
	{
		action: 'app.compare',
		scope: 'global',
		keys: ['c'],
		label: 'c',
		description: 'Compare: one kind of money across every region and year',
		hint: 'compare',
	},
	{
		action: 'app.funds',
		scope: 'global',
		keys: ['f'],
		label: 'f',
		description: 'money table of the report, in place of the text',
		hint: 'funds',
	},
	{
		action: 'app.back',
		scope: 'global',
		keys: ['escape'],
		label: 'Esc',
		description: 'back: close Compare or funds, clear matches, pane to the left',
	},
	{
		action: 'app.history',
		scope: 'global',
		keys: ['backspace'],
		label: 'Bksp',
		description: 'back to where you were before (history, all the way to the start)',
	},
	{
		action: 'copy.view',
		scope: 'global',
		keys: ['y'],
		label: 'y',
		description: 'copy (OSC 52): the section text, or the visible rows of a table as TSV',
		hint: 'copy',
	},
	{action: 'copy.command', scope: 'global', keys: ['Y'], label: 'Y', description: 'copy the one-shot command that prints this view'},
	{action: 'app.command', scope: 'global', keys: [':'], label: ':', description: 'show / hide that command in the status bar'},
	{action: 'app.help', scope: 'global', keys: ['?'], label: '?', description: 'this help', hint: 'help'},
	{action: 'app.quit', scope: 'global', keys: ['q'], label: 'q', description: 'quit', hint: 'quit'},
	{action: 'search.up', scope: 'search', keys: ['up', 'ctrl-p'], label: '↑ C-p', description: 'previous result'},
	{action: 'search.down', scope: 'search', keys: ['down', 'ctrl-n'], label: '↓ C-n', description: 'next result'},
	{action: 'search.pageUp', scope: 'search', keys: ['pageup'], label: 'PgUp', description: 'a page of results up'},
	{action: 'search.pageDown', scope: 'search', keys: ['pagedown'], label: 'PgDn', description: 'a page of results down'},
	{action: 'search.open', scope: 'search', keys: ['enter'], label: 'Enter', description: 'open the result', hint: 'open'},
	{action: 'search.scope', scope: 'search', keys: ['tab'], label: 'Tab', description: 'headings / full text', hint: 'scope'},
	{action: 'search.cancel', scope: 'search', keys: ['escape'], label: 'Esc', description: 'cancel, back to where you were', hint: 'back'},
	{action: 'box.backspace', scope: 'textbox', keys: ['backspace'], label: 'Bksp', description: 'delete the character before the cursor'},
	{
		action: 'box.delete',
		scope: 'textbox',
		keys: ['delete', 'ctrl-d'],
		label: 'Del C-d',
		description: 'delete the character under the cursor',
	},
	{action: 'box.deleteWord', scope: 'textbox', keys: ['ctrl-w'], label: 'C-w', description: 'delete the word before the cursor'},
	{action: 'box.clear', scope: 'textbox', keys: ['ctrl-u'], label: 'C-u', description: 'clear the text'},
	{action: 'box.left', scope: 'textbox', keys: ['left', 'ctrl-b'], label: '← C-b', description: 'cursor left'},
	{action: 'box.right', scope: 'textbox', keys: ['right', 'ctrl-f'], label: '→ C-f', description: 'cursor right'},
	{action: 'box.home', scope: 'textbox', keys: ['home', 'ctrl-a'], label: 'Home C-a', description: 'cursor to the start'},
	{action: 'box.end', scope: 'textbox', keys: ['end', 'ctrl-e'], label: 'End C-e', description: 'cursor to the end'},
	{
		action: 'box.type',
		scope: 'textbox',
		keys: ['char', 'space'],
		label: 'text',
		description: 'typed at the cursor (80 characters at most)',
	},
	{action: 'box.paste', scope: 'textbox', keys: ['paste'], label: 'paste', description: 'pasted at the cursor, on one line'},
	{
		action: 'help.close',
		scope: 'help',
		keys: ['escape', '?', 'q', 'enter'],
		label: 'Esc ? q Enter',
		description: 'close this help',
		hint: 'close',
	},
];

regionKeyLetters = new Set(BINDINGS.filter(b => ['list', 'global'].includes(b.scope)).flatMap(b => b.keys.filter(k => /^[a-z]$/.test(k))));

/** Whether a key spec matches an input event. */
function matches(spec: KeySpec, event: InputEvent): boolean {
	if (event.kind === 'paste') return spec === 'paste';
	if (spec === 'letter') return /^[a-zA-Z]$/.test(event.name);
	// A printable character is its own name; named keys ('down', 'ctrl-c') are longer.
	if (spec === 'char') return [...event.name].length === 1;
	return spec === event.name;
}

/** Of keys read together, the one that is taken at once, before the others: Ctrl-C. */
export function interruptIn<T extends InputEvent>(events: readonly T[]): T | undefined {
	const interrupting = BINDINGS.filter(b => b.interrupts);
	return events.find(event => interrupting.some(b => b.keys.some(spec => matches(spec, event))));
}

/** The key scopes in force, most specific first. */
export function scopesOf(state: ExplorerState): KeyScope[] {
	if (state.overlay === 'help') return ['always', 'help', 'list'];
	if (state.overlay === 'search') return ['always', 'search', 'textbox'];
	if (state.focus === 'main' && state.main === 'compare')
		return state.compare.editing ? ['always', 'compareBox', 'textbox'] : ['always', 'compare', 'list', 'global'];
	if (state.focus === 'main') return ['always', state.main === 'funds' ? 'funds' : 'reader', 'list', 'global'];
	if (state.focus === 'regions') return ['always', 'regions', 'list', 'global'];
	return ['always', 'list', 'global'];
}

/** The action a key stands for in this state: the first binding of the first scope that takes it. */
export function resolveKey(state: ExplorerState, event: InputEvent, at: number): Action | undefined {
	for (const scope of scopesOf(state)) {
		for (const binding of BINDINGS) {
			if (binding.scope !== scope || !binding.keys.some(spec => matches(spec, event))) continue;
			if (binding.available && !binding.available(state)) continue;
			if (binding.when && !binding.when(state, event, at)) continue;
			return binding.action;
		}
	}
	return undefined;
}

/** Hints for the status bar: the hinted bindings of the scopes in force, in table order. */
export function hintsFor(state: ExplorerState): Array<{label: string; hint: string}> {
	const scopes = scopesOf(state);
	// The first binding of a key in the scopes in force is the one that answers it: only its hint shows.
	const seen = new Set<string>();
	const hints: Array<{label: string; hint: string}> = [];
	for (const scope of scopes) {
		for (const b of BINDINGS) {
			if (b.scope !== scope || (b.available && !b.available(state))) continue;
			const fresh = b.keys.filter(k => !seen.has(k));
			for (const k of b.keys) seen.add(k);
			if (b.hint && fresh.length > 0) hints.push({label: b.label.split(' ')[0]!, hint: b.hint});
		}
	}
	return hints;
}

/** Headings of the help overlay and the README, in order. */
const SCOPE_TITLES: Array<[KeyScope, string]> = [
	['global', 'Everywhere'],
	['always', 'Always, even in the search box'],
	['list', 'Lists and text'],
	['regions', 'Regions'],
	['reader', 'Reading'],
	['funds', 'Funds'],
	['compare', 'Compare (the table)'],
	['compareBox', 'Compare (the query box)'],
	['search', 'Search box'],
	['textbox', 'Editing a text box (search, the Compare query)'],
	['help', 'Help'],
];

export interface HelpLine {
	title?: string;
	label?: string;
	description?: string;
}

/** Lines of the help overlay, generated from the table. */
export function helpLines(): HelpLine[] {
	const out: HelpLine[] = [];
	for (const [scope, title] of SCOPE_TITLES) {
		const bindings = BINDINGS.filter(b => b.scope === scope);
		if (bindings.length === 0) continue;
		out.push({title});
		for (const b of bindings) out.push({label: b.label, description: b.description});
	}
	return out;
}
