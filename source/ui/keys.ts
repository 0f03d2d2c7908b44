// The one key-binding table. Routing, the help overlay and the status-bar hints are all
// generated from it, so a key documented is a key that works, and the other way round.

import type {Key} from 'ink';
import type {Focus} from './layout.ts';

/** Where a binding applies. Overlays take keys before panes; `global` applies under any pane. */
export type KeyScope = 'global' | 'list' | 'regions' | 'sections' | 'reader' | 'funds' | 'search' | 'help';

export type Action =
	| 'app.quit'
	| 'app.help'
	| 'app.search'
	| 'app.funds'
	| 'app.back'
	| 'focus.next'
	| 'focus.prev'
	| 'focus.left'
	| 'focus.right'
	| 'nav.up'
	| 'nav.down'
	| 'nav.pageUp'
	| 'nav.pageDown'
	| 'nav.top'
	| 'nav.bottom'
	| 'nav.open'
	| 'year.next'
	| 'year.prev'
	| 'match.next'
	| 'match.prev'
	| 'funds.sort'
	| 'search.scope'
	| 'search.cancel'
	| 'search.open'
	| 'search.up'
	| 'search.down'
	| 'help.close'
	| 'regions.jump';

export interface Binding {
	action: Action;
	scope: KeyScope;
	/** Normalised key names (see keyName). */
	keys: string[];
	/** How the help and the hints write the keys. */
	label: string;
	description: string;
	/** A short word for the status bar, when the binding is worth a hint. */
	hint?: string;
}

export const BINDINGS: Binding[] = [
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
	{action: 'year.next', scope: 'global', keys: ['y', ']'], label: 'y ]', description: 'next year of the region', hint: 'year'},
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
		action: 'app.funds',
		scope: 'global',
		keys: ['f'],
		label: 'f',
		description: 'money table of the report, in place of the text',
		hint: 'funds',
	},
	{action: 'funds.sort', scope: 'funds', keys: ['s'], label: 's', description: 'sort by amount / document order', hint: 'sort'},
	{
		action: 'regions.jump',
		scope: 'regions',
		keys: [],
		label: 'a–z A–Z',
		description: 'type a name to jump (a capital first for letters that are keys: J, G, H, …)',
	},
	{action: 'match.next', scope: 'reader', keys: ['n'], label: 'n', description: 'next search match in the text', hint: 'match'},
	{action: 'match.prev', scope: 'reader', keys: ['N'], label: 'N', description: 'previous search match'},
	{action: 'app.back', scope: 'global', keys: ['escape'], label: 'Esc', description: 'back: close funds, clear matches, pane to the left'},
	{action: 'app.help', scope: 'global', keys: ['?'], label: '?', description: 'this help', hint: 'help'},
	{action: 'app.quit', scope: 'global', keys: ['q', 'ctrl-c'], label: 'q C-c', description: 'quit', hint: 'quit'},
	{action: 'search.up', scope: 'search', keys: ['up', 'ctrl-p'], label: '↑ C-p', description: 'previous result'},
	{action: 'search.down', scope: 'search', keys: ['down', 'ctrl-n'], label: '↓ C-n', description: 'next result'},
	{action: 'search.open', scope: 'search', keys: ['enter'], label: 'Enter', description: 'open the result', hint: 'open'},
	{action: 'search.scope', scope: 'search', keys: ['tab'], label: 'Tab', description: 'headings / full text', hint: 'scope'},
	{action: 'search.cancel', scope: 'search', keys: ['escape'], label: 'Esc', description: 'cancel, back to where you were', hint: 'back'},
	{
		action: 'help.close',
		scope: 'help',
		keys: ['escape', '?', 'q', 'enter'],
		label: 'Esc ? q',
		description: 'close this help',
		hint: 'close',
	},
];

/** Headings of the help overlay, in order. */
export const SCOPE_TITLES: Record<KeyScope, string> = {
	global: 'Everywhere',
	list: 'Lists and text',
	regions: 'Regions',
	sections: 'Sections',
	reader: 'Reading',
	funds: 'Funds',
	search: 'Search box',
	help: 'Help',
};

/** A key as one name: 'j', 'G', 'down', 'shift-tab', 'ctrl-c', 'space', 'enter'. */
export function keyName(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.escape) return 'escape';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}

/** A single character of a run of typed text, as keyName would name it. */
export function charName(ch: string): string {
	if (ch === '\r' || ch === '\n') return 'enter';
	if (ch === '\t') return 'tab';
	if (ch === '\x7f' || ch === '\b') return 'backspace';
	if (ch === ' ') return 'space';
	const code = ch.codePointAt(0)!;
	if (code < 32) return `ctrl-${String.fromCharCode(code + 96)}`;
	return ch;
}

/** The action bound to a key in the first of the scopes that binds it. */
export function actionFor(name: string, scopes: KeyScope[]): Action | undefined {
	for (const scope of scopes) {
		const binding = BINDINGS.find(b => b.scope === scope && b.keys.includes(name));
		if (binding) return binding.action;
	}
	return undefined;
}

export function bindingsIn(scope: KeyScope): Binding[] {
	return BINDINGS.filter(b => b.scope === scope);
}

/** Hints for the status bar: the hinted bindings of the active scopes, in table order. */
/** The key scopes in force, most specific first, for the focused pane. */
export function scopesFor(focus: Focus, fundsOpen: boolean): KeyScope[] {
	if (focus === 'main') return fundsOpen ? ['funds', 'list', 'global'] : ['reader', 'list', 'global'];
	return [focus, 'list', 'global'];
}

export function hintsFor(scopes: KeyScope[]): Array<{label: string; hint: string}> {
	return BINDINGS.filter(b => b.hint && scopes.includes(b.scope)).map(b => ({label: b.label.split(' ')[0]!, hint: b.hint!}));
}

/** Lines of the help overlay, generated from the table. */
export function helpLines(): Array<{title?: string; label?: string; description?: string}> {
	const out: Array<{title?: string; label?: string; description?: string}> = [];
	const order: KeyScope[] = ['global', 'list', 'regions', 'reader', 'funds', 'search', 'help'];
	for (const scope of order) {
		const bindings = bindingsIn(scope);
		if (bindings.length === 0) continue;
		out.push({title: SCOPE_TITLES[scope]});
		for (const b of bindings) out.push({label: b.label, description: b.description});
	}
	return out;
}

/** How many lines the help overlay has (it scrolls). */
export const HELP_LINE_COUNT = helpLines().length;
