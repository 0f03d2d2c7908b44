// Terminals and sessions (issue 6), without a terminal: the locale decision, the ASCII stand-ins,
// the diff writer drawing in ASCII, and the app at every tiny size (test/helpers/explorer.tsx).
// The same behaviour through the real program in a pseudo-terminal: test/e2e-terminal.test.ts.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openCorpus} from '../source/commands/context.ts';
import {width as cells} from '../source/format/text.ts';
import {Screen} from '../source/ui/terminal/screen.ts';
import {computeLayout, tooSmallNotice} from '../source/ui/view/layout.ts';
import {asciiFallback, unicodeLocale} from '../source/ui/view/theme.ts';
import {corpusFile} from './helpers/corpus.ts';
import {FakeTerminal, mount} from './helpers/explorer.tsx';
import {gridOf} from './helpers/grid.ts';

const {display: model} = await openCorpus(corpusFile);

test('locale: LC_ALL, then LC_CTYPE, then LANG decides; none set means UTF-8', () => {
	assert.equal(unicodeLocale({}), true);
	assert.equal(unicodeLocale({LANG: ''}), true, 'empty counts as unset');
	assert.equal(unicodeLocale({LANG: 'C'}), false);
	assert.equal(unicodeLocale({LANG: 'POSIX'}), false);
	assert.equal(unicodeLocale({LANG: 'en_US.ISO-8859-1'}), false);
	assert.equal(unicodeLocale({LANG: 'C.UTF-8'}), true);
	assert.equal(unicodeLocale({LANG: 'de_DE.utf8'}), true);
	assert.equal(unicodeLocale({LANG: 'en_US.UTF-8', LC_ALL: 'C'}), false, 'LC_ALL overrides LANG');
	assert.equal(unicodeLocale({LANG: 'C', LC_CTYPE: 'en_US.UTF-8'}), true, 'LC_CTYPE overrides LANG');
	assert.equal(unicodeLocale({LC_ALL: 'en_US.UTF-8', LC_CTYPE: 'C', LANG: 'C'}), true, 'LC_ALL overrides LC_CTYPE');
});

test('ASCII stand-ins: one cell for one cell, corpus quotes left alone', () => {
	const chrome = '│›▸…·█↑↓←→–—×';
	const ascii = asciiFallback(chrome);
	assert.equal(ascii, '|>>~-_^v<>--x');
	assert.equal(cells(ascii), cells(chrome));
	assert.ok(/^[\x20-\x7e]*$/.test(ascii));
	assert.equal(asciiFallback('“Five Groups” ‘a’'), '“Five Groups” ‘a’');
	assert.equal(asciiFallback('\u001B[7m› Anhui\u001B[27m│'), '\u001B[7m> Anhui\u001B[27m|', 'escape sequences untouched');
});

test('the output layer draws in ASCII when asked, and only then', () => {
	for (const ascii of [true, false]) {
		const terminal = new FakeTerminal(30, 4);
		const frames = new Screen(terminal, {ascii});
		frames.paint(gridOf(['› Anhui │ Text · 1–2', '▸ Title …']));
		assert.equal(/[›│·–▸…]/.test(terminal.written), !ascii);
		if (ascii) assert.ok(terminal.written.includes('> Anhui | Text - 1-2') && terminal.written.includes('> Title ~'));
		frames.close();
	}
});

test('the too-small notice fits every width, from 0 to 40 columns', () => {
	for (let columns = 0; columns <= 40; columns++) {
		const notice = tooSmallNotice(columns);
		assert.ok(cells(notice) <= columns, `${columns}: ${JSON.stringify(notice)}`);
		if (columns > 0) assert.ok(notice.length > 0, `${columns}: something is shown`);
	}
	assert.equal(tooSmallNotice(20), 'too small: 40×10');
	assert.equal(tooSmallNotice(12), 'need 40×10');
	assert.equal(tooSmallNotice(9), 'too small');
	assert.equal(tooSmallNotice(5), '40×10');
});

test('tiny sizes down to 1×1: never wider than the terminal, never taller; recovery after', async t => {
	const ui = mount(model, {columns: 20, rows: 5});
	t.after(ui.dispose);
	for (const [columns, rows] of [
		[20, 5],
		[1, 1],
		[2, 1],
		[5, 2],
		[12, 3],
		[39, 30],
		[200, 9],
		[40, 10],
		[20, 5],
	] as const) {
		await ui.resize(columns, rows);
		const lines = ui.lines();
		const tooSmall = computeLayout(columns, rows, 'regions').tooSmall;
		// Written past the edge, a character would not show in the headless terminal: the bytes tell.
		assert.ok(!ui.written().includes('\x1b[?7h'), 'autowrap stays off');
		for (const line of lines) assert.ok(cells(line) <= columns, `${columns}×${rows}: ${JSON.stringify(line)}`);
		if (tooSmall) assert.equal(lines[0], tooSmallNotice(columns));
		else assert.match(lines[0]!, /Regions \(29\)/);
	}
	await ui.resize(80, 24);
	assert.match(ui.lines()[0]!, /Regions \(29\)/);
	assert.match(ui.lines()[23]!, /Anhui · 2012/);
});

test('a frame laid out for a bigger terminal (right after a resize) makes the next frame repaint whole', () => {
	const terminal = new FakeTerminal(30, 4);
	const frames = new Screen(terminal);
	const paint = (text: string) => frames.paint(gridOf(text.split('\n')));
	paint('abc\ndef');
	terminal.written = '';
	paint('abc\ndeg');
	assert.ok(!terminal.written.includes('\u001B[2J'), 'a frame that fits: only the change is painted');
	for (const stale of ['x'.repeat(31), 'a\nb\nc\nd\ne']) {
		paint(stale);
		terminal.written = '';
		paint('abc\ndef');
		assert.ok(terminal.written.includes('\u001B[H\u001B[2J'), `after ${JSON.stringify(stale)}: cleared and repainted`);
		terminal.written = '';
		paint('abc\ndeg');
		assert.ok(!terminal.written.includes('\u001B[2J'), 'then back to painting changes only');
	}
	frames.close();
});
