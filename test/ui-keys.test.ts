// The key parser (source/ui/input/keys.ts): terminal reads of any shape in, whole keys out.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {type InputEvent, KeyParser} from '../source/ui/input/keys.ts';

const names = (events: InputEvent[]) => events.map(e => (e.kind === 'key' ? e.name : `paste:${e.text}`));

function parse(...reads: string[]): string[] {
	const parser = new KeyParser();
	const out = reads.flatMap(read => parser.push(read));
	return names([...out, ...parser.flush()]);
}

test('letters, arrows, paging and control keys by name', () => {
	assert.deepEqual(parse('jk G'), ['j', 'k', 'space', 'G']);
	assert.deepEqual(parse('\x1b[A\x1b[B\x1b[C\x1b[D'), ['up', 'down', 'right', 'left']);
	assert.deepEqual(parse('\x1bOA\x1bOB'), ['up', 'down'], 'SS3 arrows (application cursor mode)');
	assert.deepEqual(parse('\x1b[5~\x1b[6~\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[3~'), [
		'pageup',
		'pagedown',
		'home',
		'end',
		'home',
		'end',
		'delete',
	]);
	assert.deepEqual(parse('\r\t\x1b[Z\x7f\x03\x1a\x15\x17'), [
		'enter',
		'tab',
		'shift-tab',
		'backspace',
		'ctrl-c',
		'ctrl-z',
		'ctrl-u',
		'ctrl-w',
	]);
	assert.deepEqual(parse('\x1b[1;5A'), ['up'], 'a modified arrow is the arrow');
	assert.deepEqual(parse('中👍🏽'), ['中', '👍', '🏽'], 'code points: the search box joins them again');
});

test('an arrow split across two reads is one arrow; a lone Esc is Esc once the time is up', () => {
	const parser = new KeyParser();
	assert.deepEqual(names(parser.push('\x1b')), [], 'Esc alone waits');
	assert.equal(parser.pending, true);
	assert.deepEqual(names(parser.push('[B')), ['down']);
	assert.deepEqual(names(parser.push('\x1b[')), []);
	assert.deepEqual(names(parser.push('6~')), ['pagedown']);
	assert.deepEqual(names(parser.push('\x1b')), []);
	assert.deepEqual(names(parser.flush()), ['escape']);
	assert.deepEqual(parse('\x1bj'), ['escape', 'j'], 'Esc then a key in one read (Alt+key): both');
	assert.deepEqual(parse('\x1b\x03'), ['escape', 'ctrl-c'], 'Esc then Ctrl-C: Ctrl-C is seen');
});

test('reports nobody asked for are dropped, not typed: mouse, focus, unknown sequences', () => {
	assert.deepEqual(parse('\x1b[<0;10;5M\x1b[<0;10;5m'), [], 'SGR mouse');
	assert.deepEqual(parse('\x1b[M !!'), [], 'X10 mouse');
	assert.deepEqual(parse('\x1b[I\x1b[O'), [], 'focus in and out');
	assert.deepEqual(parse('\x1b[?1;2c\x1b[99x'), [], 'a device attribute report, an unknown final');
	assert.deepEqual(parse('a\x1b[Ib'), ['a', 'b']);
	assert.deepEqual(parse('\x9b\x85x'), ['x'], 'C1 controls');
});

test('a bracketed paste is one event, its markers and control characters gone, split reads too', () => {
	assert.deepEqual(parse('\x1b[200~hello\nworld\x1b[201~'), ['paste:hello world']);
	assert.deepEqual(
		parse('\x1b[200~a\x1b[31mb', 'c\x1b[20', '1~j'),
		['paste:abc', 'j'],
		'an escape sequence inside a paste is dropped whole',
	);
	assert.deepEqual(parse('\x1b[200~never ended'), ['paste:never ended']);
});

test('whatever the reads, the keys are the same as from one read', () => {
	const piece = fc.constantFrom(
		'j',
		'K',
		' ',
		'\r',
		'\t',
		'\x7f',
		'\x03',
		'\x1b[A',
		'\x1b[6~',
		'\x1bOB',
		'中',
		'\x1b[<0;1;1M',
		'\x1b[I',
		'\x1b[200~p\x1b[201~',
	);
	fc.assert(
		fc.property(fc.array(piece, {maxLength: 20}), fc.array(fc.nat(), {maxLength: 6}), (pieces, cuts) => {
			const whole = pieces.join('');
			const points = [...new Set(cuts.map(c => c % (whole.length + 1)))].sort((a, b) => a - b);
			const reads: string[] = [];
			let at = 0;
			for (const p of points) {
				reads.push(whole.slice(at, p));
				at = p;
			}
			reads.push(whole.slice(at));
			assert.deepEqual(parse(...reads), parse(whole));
		}),
		{numRuns: 500},
	);
});
