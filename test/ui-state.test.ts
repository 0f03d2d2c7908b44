// The explorer's state machine without React or a terminal: initialState and update are plain
// functions, every key goes through the binding table, and no other module looks at a key.

import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {openCorpus} from '../source/commands/context.ts';
import type {InputEvent} from '../source/ui/input/keys.ts';
import {ACTIONS, BINDINGS, resolveKey} from '../source/ui/state/bindings.ts';
import {currentRegion, currentSection, readerView, searchResults} from '../source/ui/state/derive.ts';
import {type ExplorerState, initialState} from '../source/ui/state/state.ts';
import {BOX_LIMIT} from '../source/ui/state/text-box.ts';
import {type ExplorerAction, update, updateAll} from '../source/ui/state/update.ts';
import {corpusFile, root} from './helpers/corpus.ts';

const {display: model} = await openCorpus(corpusFile);
const key = (name: string, at = 0): ExplorerAction => ({type: 'key', event: {kind: 'key', name}, at});
const keys = (state: ExplorerState, ...names: string[]) =>
	updateAll(
		state,
		names.map(n => key(n)),
	);
const start = () => initialState(model, {columns: 120, rows: 40});

test('initialState: the first region, its latest year, the first heading of its report, focus on the regions', () => {
	const state = start();
	assert.equal(currentRegion(state)?.name, 'Anhui');
	assert.equal(currentSection(state)?.heading, 'Overview');
	assert.equal(state.focus, 'regions');
	// Liaoning 2009 has two reports: its first row is a title, the cursor starts below it.
	const liaoning = model.regions.findIndex(r => r.name === 'Liaoning');
	const moved = keys(start(), 'L', ']');
	assert.equal(moved.regions.list.cursor, liaoning);
	assert.equal(moved.sections.list.cursor, 1);
	assert.equal(currentSection(moved)?.document.year, 2009);
});

test('update: moving to another region starts its sections and text over; the state before is untouched', () => {
	const before = keys(initialState(model, {columns: 80, rows: 24}), 'tab', 'enter', 'down');
	assert.equal(before.focus, 'main');
	assert.ok(before.reader.offset > 0);
	const frozen = JSON.stringify({...before, model: undefined});
	const after = keys(before, 'h', 'h', 'j');
	assert.equal(JSON.stringify({...before, model: undefined}), frozen, 'update never changes the state it is given');
	assert.equal(currentRegion(after)?.name, 'Chongqing');
	assert.equal(after.sections.list.cursor, 0);
	assert.equal(after.reader.offset, 0);
});

test('search: typing, the cursor keys and Backspace edit the query by grapheme; Ctrl keys are never typed', () => {
	let state = keys(start(), '/');
	assert.equal(state.overlay, 'search');
	state = keys(state, 'r', 'e', 'l', 'o', 'c', 'a', 't', 'o', 'n');
	assert.equal(state.search.box.text, 'relocaton');
	assert.ok(searchResults(state).length > 0, 'a typo still finds headings');
	state = keys(state, 'left', 'left', 'i');
	assert.equal(state.search.box.text, 'relocation', 'typed where the cursor is');
	assert.equal(state.search.box.caret, 8);
	state = keys(state, 'home', 'delete', 'end', 'backspace');
	assert.equal(state.search.box.text, 'elocatio');
	state = keys(start(), '/', 'c', 'a', 'f', 'e', '\u0301', 'backspace');
	assert.equal(state.search.box.text, 'caf', 'Backspace takes the accented letter whole');
	state = keys(state, 'ctrl-z', 'ctrl-a', 'x', 'ctrl-e', 'y', 'ctrl-w');
	assert.equal(state.search.box.text, '', 'C-a x C-e y then C-w deletes the word');
	assert.equal(state.effects.at(-1)?.kind, 'suspend', 'Ctrl-Z asks to suspend, it is not typed');
	state = keys(state, 'a', 'b', 'ctrl-u');
	assert.equal(state.search.box.text, '');
});

test('search: the query holds at most 80 graphemes, an emoji whole', () => {
	let state = keys(start(), '/');
	state = updateAll(
		state,
		[...'x'.repeat(79)].map(c => key(c)),
	);
	state = keys(state, '👍', '🏽', 'z');
	assert.equal([...new Intl.Segmenter().segment(state.search.box.text)].length, BOX_LIMIT);
	assert.ok(state.search.box.text.endsWith('👍🏽'), 'the emoji and its skin tone, not half of it');
	const paste: ExplorerAction = {type: 'key', event: {kind: 'paste', text: `${'y'.repeat(200)}`}, at: 0};
	assert.equal(update(keys(start(), '/'), paste).search.box.text, 'y'.repeat(BOX_LIMIT));
});

test('region type-ahead: capitals jump; a lower-case key letter is its key; a name goes on within a second', () => {
	const jilin = keys(start(), 'J', 'i', 'l');
	assert.equal(currentRegion(jilin)?.name, 'Jilin');
	assert.equal(currentRegion(keys(start(), 'j'))?.name, 'Chongqing', 'j moves down');
	assert.equal(currentRegion(keys(start(), 's', 'i'))?.name, 'Sichuan', 's is not a key in Regions');
	assert.equal(currentRegion(updateAll(start(), [key('J', 0), key('i', 500)]))?.name, 'Jiangsu', 'Ji: the first name starting so');
	const late = updateAll(start(), [key('J', 0), key('i', 2000)]);
	assert.equal(currentRegion(late)?.name, 'Inner Mongolia', 'after a pause i starts a new name');
});

test('a key no binding answers leaves the state as it was (the very same object)', () => {
	const alphabet = [
		'j',
		'k',
		'h',
		'l',
		'y',
		'[',
		']',
		'f',
		's',
		'n',
		'N',
		'G',
		'g',
		'q',
		'?',
		'/',
		'x',
		'enter',
		'escape',
		'tab',
		'shift-tab',
		'up',
		'down',
		'pageup',
		'pagedown',
		'home',
		'end',
		'backspace',
		'J',
		'H',
	];
	const unbound = ['f5', 'insert', 'ctrl-space', 'ctrl-g', 'ctrl-t'];
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 30}), fc.constantFrom(...unbound), (path, stray) => {
			const state = keys(start(), ...path.filter(k => k !== 'q'));
			const event: InputEvent = {kind: 'key', name: stray};
			if (resolveKey(state, event, 0) !== undefined) return;
			assert.equal(update(state, key(stray)), state);
		}),
		{numRuns: 200},
	);
});

test('every action has a binding, every binding a handler, and a bound key changes something somewhere', () => {
	for (const action of ACTIONS)
		assert.ok(
			BINDINGS.some(b => b.action === action),
			`${action} is bound`,
		);
	// The reading pane scrolls: PgDn changes the offset; the funds table sorts.
	const reading = keys(initialState(model, {columns: 80, rows: 24}), 'tab', 'tab');
	assert.ok(readerView(reading).lines.length > 22);
	assert.notEqual(keys(reading, 'pagedown').reader.offset, reading.reader.offset);
	assert.equal(keys(reading, 'f', 's').funds.sort, 'amount');
});

/** A key name the parser produces, compared with something: handling a key by its name. */
const KEY_NAMES =
	/(?:===|!==|case|includes\()\s*['"`](?:enter|escape|tab|shift-tab|backspace|delete|insert|up|down|left|right|pageup|pagedown|home|end|space|ctrl-[a-z]+|[a-zA-Z?/[\]])['"`]/;

test('no module of the explorer looks at a key except the binding table and the parser', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.tsx?$/.test(name)) files.push(path);
		}
	};
	walk(join(root, 'source', 'ui'));
	const allowed = [join('state', 'bindings.ts'), join('input', 'keys.ts')];
	const offenders = files.filter(f => !allowed.some(a => f.endsWith(a))).filter(f => KEY_NAMES.test(readFileSync(f, 'utf8')));
	assert.deepEqual(offenders, []);
	assert.ok(KEY_NAMES.test(readFileSync(join(root, 'source', 'ui', 'input', 'keys.ts'), 'utf8')), 'the parser itself is seen');
});

test('Backspace goes back along where you were: text → funds → text → sections → regions, then says there is no more', () => {
	let state = keys(start(), 'H', 'e', 'b', 'enter', 'down', 'enter', 'f', 'down', 'down', 'enter');
	assert.equal(state.main, 'text');
	assert.ok(state.reader.marks.selectedFigure !== undefined, 'a funds row opened the text at its amount');
	const steps: Array<[string, (s: ExplorerState) => boolean]> = [
		['the funds table, its row still selected', s => s.main === 'funds' && s.funds.list.cursor === 2],
		['the text before the funds table', s => s.main === 'text' && s.focus === 'main' && s.reader.marks.selectedFigure === undefined],
		['the sections pane, on the second heading', s => s.focus === 'sections' && s.sections.list.cursor === 1],
		['the regions pane, on Hebei', s => s.focus === 'regions' && currentRegion(s)?.name === 'Hebei'],
	];
	for (const [what, ok] of steps) {
		state = keys(state, 'backspace');
		assert.ok(ok(state), what);
	}
	state = keys(state, 'backspace');
	assert.equal(state.notice, 'nothing to go back to');
	assert.equal(keys(state, 'j').notice, undefined, 'a notice lasts until the next key');
});

test('Backspace after opening a search result goes back to the results; in the box it deletes', () => {
	let state = keys(start(), 'j', '/', 'r', 'e', 'l', 'o', 'c', 'a', 't', 'o', 'n', 'backspace', 'n');
	assert.equal(state.search.box.text, 'relocaton', 'Backspace edits the query');
	state = keys(state, 'down', 'enter');
	assert.equal(state.overlay, undefined);
	const opened = currentSection(state)?.heading;
	state = keys(state, 'backspace');
	assert.equal(state.overlay, 'search');
	assert.equal(state.search.box.text, 'relocaton');
	assert.equal(state.search.list.cursor, 1, 'the result that was opened is still selected');
	state = keys(state, 'escape');
	assert.equal(currentRegion(state)?.name, 'Chongqing', 'Esc: back where the search began');
	assert.notEqual(currentSection(state)?.heading, opened);
});

test('y asks the host to copy the section text; Y the command; : shows the command', () => {
	const state = keys(start(), 'tab', 'tab');
	const copied = keys(state, 'y');
	assert.equal(copied.effects.at(-1)?.kind, 'copy');
	const section = currentSection(state)!;
	const last = copied.effects.at(-1);
	const text = last?.kind === 'copy' ? last.text : '';
	assert.ok(text.startsWith('Overview\n\n'), 'the heading, then the paragraphs');
	assert.ok(text.includes(section.document.sections[0]!.paragraphs[0]!));
	assert.match(copied.notice ?? '', /^copied the text of "Overview" \([\d,]+ bytes\)$/);
	const command = keys(state, 'Y').effects.at(-1);
	assert.equal(command?.kind === 'copy' && command.text, 'pa-tui show anhui Overview --year 2012');
	const both = keys(state, 'y', 'Y').effects;
	assert.deepEqual(
		both.map(e => [e.seq, e.kind]),
		[
			[1, 'copy'],
			[2, 'copy'],
		],
		'keys read together ask for both, each with its own number: the host does each once',
	);
	assert.equal(keys(state, ':').showCommand, true);
});
