// The pieces under the reliability of reading and writing: where JSON and UTF-8 go wrong (checked
// against the engine's own parser and decoder), sizes, the bounded reader and the atomic writer.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {jsonErrorOffset} from '../source/corpus/json-syntax.ts';
import {quotePath, quoteText} from '../source/format/quote.ts';
import {formatSize, parseSize, ReadError, readFileLimited} from '../source/io/read-limited.ts';
import {sameFileAmong} from '../source/io/same-file.ts';
import {invalidUtf8Line} from '../source/io/utf8.ts';
import {WriteError, writeFileAtomic} from '../source/io/write-atomic.ts';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'pa-tui-io-units-'));
test.after(() => rmSync(dir, {recursive: true, force: true}));

// ---------------------------------------------------------------------------------------------
// Where JSON goes wrong

/** Whether JSON.parse reads `text` as the beginning of a JSON text (it may stop anywhere). */
function validBeginning(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch (error) {
		const message = (error as Error).message;
		if (/Unexpected end of JSON input/.test(message)) return true;
		const at = /at position (\d+)/.exec(message);
		return at !== null && Number(at[1]) >= text.length;
	}
}

/** The reference: the shortest prefix JSON.parse does not accept as a beginning, less one. */
function referenceOffset(text: string): number | undefined {
	try {
		JSON.parse(text);
		return undefined;
	} catch {
		// find it below
	}
	if (validBeginning(text)) return text.length;
	let lo = 0;
	let hi = text.length;
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (validBeginning(text.slice(0, mid))) lo = mid;
		else hi = mid;
	}
	return hi - 1;
}

test('jsonErrorOffset agrees with JSON.parse on hand-picked texts', () => {
	for (const text of [
		'{}',
		'{"a": [1, 2.5e-3, -0, true, false, null, "x\\u00e9\\n"]}',
		' \t\r\n[] ',
		'{"a": x}',
		'{"a": 1,}',
		'[1,]',
		'[1 2]',
		'{"a" 1}',
		'{1: 2}',
		'"abc',
		'"a\\qb"',
		'"a\\u12g4"',
		'"tab\there"',
		'01',
		'-',
		'1.',
		'1e',
		'1e+',
		'.5',
		'+1',
		'tru',
		'trux',
		'nul',
		'{"a": 1} x',
		'[]]',
		'{',
		'',
		'   ',
		'\ufeff{}',
		'{"a": "\ud800"}',
	]) {
		assert.equal(jsonErrorOffset(text), referenceOffset(text), JSON.stringify(text));
	}
});

test('property: jsonErrorOffset agrees with JSON.parse on mutated JSON', () => {
	const json = fc.jsonValue({maxDepth: 3}).map(v => JSON.stringify(v, null, 1) ?? 'null');
	const alphabet = fc.constantFrom(...'{}[]:,"\\ 0123456789.eE+-tfnrux\t\n'.split(''), 'true', 'null', '\u0001', 'é');
	const mutated = fc.tuple(json, fc.nat(), fc.nat(3), fc.array(alphabet, {maxLength: 3})).map(([text, at, remove, insert]) => {
		const i = at % (text.length + 1);
		return text.slice(0, i) + insert.join('') + text.slice(i + remove);
	});
	fc.assert(
		fc.property(fc.oneof(json, mutated), text => {
			assert.equal(jsonErrorOffset(text), referenceOffset(text), JSON.stringify(text));
		}),
		{numRuns: RUNS * 3},
	);
});

test('jsonErrorOffset is linear: a 5 MB text with an error at its end takes well under a second', () => {
	const text = `[${'{"a": [1, "two", null]},'.repeat(200_000)}x]`;
	const started = performance.now();
	assert.equal(jsonErrorOffset(text), text.length - 2);
	assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
	// Deep nesting is no problem either (no recursion).
	assert.equal(jsonErrorOffset(`${'['.repeat(100_000)}x`), 100_000);
});

// ---------------------------------------------------------------------------------------------
// Where UTF-8 goes wrong

test('property: invalidUtf8Line names the line of the first byte the decoder replaces', () => {
	const decoder = new TextDecoder('utf-8');
	const byte = fc.oneof(
		fc.integer({min: 0, max: 255}),
		fc.constantFrom(0x0a, 0x0a, 0xed, 0xa0, 0x80, 0xbf, 0xe0, 0xf0, 0xf4, 0x90, 0xc0, 0xc2),
	);
	fc.assert(
		fc.property(fc.array(byte, {maxLength: 40}), values => {
			const bytes = Uint8Array.from(values);
			const text = decoder.decode(bytes);
			const at = text.indexOf('\ufffd');
			// Bytes that decode without a replacement, or that spell U+FFFD itself, say nothing here.
			fc.pre(at >= 0 && !Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd])));
			const line = text.slice(0, at).split('\n').length;
			assert.equal(invalidUtf8Line(bytes), line, Buffer.from(bytes).toString('hex'));
		}),
		{numRuns: RUNS * 3},
	);
});

// ---------------------------------------------------------------------------------------------
// Sizes and quoting

test('parseSize reads bytes and K, M, G (powers of 1024); formatSize writes them back', () => {
	assert.equal(parseSize('1048576'), 1024 * 1024);
	assert.equal(parseSize('64k'), 64 * 1024);
	assert.equal(parseSize('512M'), 512 * 1024 ** 2);
	assert.equal(parseSize('512MB'), 512 * 1024 ** 2);
	assert.equal(parseSize('1.5 GiB'), 1.5 * 1024 ** 3);
	assert.equal(parseSize('2g'), 2 * 1024 ** 3);
	for (const bad of ['', 'lots', '-1', '0', '1T', '1e9', 'M', '0.1']) assert.equal(parseSize(bad), undefined, bad);
	assert.equal(formatSize(128 * 1024 * 1024), '128 MiB');
	assert.equal(formatSize(1536), '1.5 KiB');
	assert.equal(formatSize(200 * 1024 * 1024), '200 MiB');
	assert.equal(formatSize(12), '12 bytes');
});

test('quoteText and quotePath: short, one line, no surrogate pair cut in two', () => {
	assert.equal(quoteText('short'), 'short');
	assert.equal(quoteText('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
	assert.equal(quoteText('a\nb\x1b[2Jc'), 'a b␦c');
	const emoji = quoteText(`${'a'.repeat(8)}😀😀`, 10);
	assert.doesNotMatch(emoji, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, 'no lone surrogate');
	assert.equal(emoji, `${'a'.repeat(8)}…`);
	const path = `/very/${'long/'.repeat(50)}corpus.json`;
	const quoted = quotePath(path, 60);
	assert.ok(quoted.length <= 60 && quoted.startsWith('/very/') && quoted.endsWith('/corpus.json'), quoted);
});

// ---------------------------------------------------------------------------------------------
// The bounded reader

test('readFileLimited: a file up to the limit, refused over it; devices and folders refused by name', () => {
	const path = join(dir, 'ten.txt');
	writeFileSync(path, '0123456789');
	assert.equal(readFileLimited(path, 10).toString(), '0123456789');
	assert.equal(readFileLimited(join(dir, 'ten.txt')).length, 10);
	const reason = (p: string, limit?: number) => {
		try {
			readFileLimited(p, limit);
		} catch (error) {
			assert.ok(error instanceof ReadError);
			assert.equal(error.path, p);
			return error.reason;
		}
		return assert.fail(`${p} was read`);
	};
	assert.match(reason(path, 9), /^is 10 bytes, over the 9 bytes read limit \(raise the limit with --max-size or PA_TUI_MAX_SIZE\)$/);
	assert.equal(reason('/dev/zero'), 'is a device, not a file');
	assert.equal(reason(dir), 'is a directory');
	assert.equal(reason(join(dir, 'nope')), 'no such file');
	assert.equal(reason(join(path, 'below')), 'a part of the path is not a folder');
	assert.equal(reason(''), 'an empty file name');
	writeFileSync(join(dir, 'empty'), '');
	assert.equal(readFileLimited(join(dir, 'empty')).length, 0);
});

test('readFileLimited: a pipe is read whole under the limit and stopped at it; a socket is refused', () => {
	const reader = `import {readFileLimited} from ${JSON.stringify(new URL('../source/io/read-limited.ts', import.meta.url).pathname)};
		try { process.stdout.write(String(readFileLimited('/dev/stdin', 100_000).length)); } catch (e) { process.stdout.write(e.reason); }`;
	// A shell pipe is a FIFO.
	const read = (bytes: number) =>
		spawnSync('sh', ['-c', `head -c ${bytes} /dev/zero | "$0" --import tsx -e "$1"`, process.execPath, reader], {encoding: 'utf8'}).stdout;
	assert.equal(read(99_999), '99999');
	assert.equal(read(100_000), '100000');
	assert.match(read(300_000), /^stopped after 97.7 KiB, the read limit/);
	// Node's own child pipes are sockets: not a file, refused.
	const socket = spawnSync(process.execPath, ['--import', 'tsx', '-e', reader], {input: 'x', encoding: 'utf8'});
	assert.equal(socket.stdout, 'is a socket, not a file');
});

// ---------------------------------------------------------------------------------------------
// The atomic writer and same-file checks

test('writeFileAtomic: an error leaves the target and no temporary; WriteError names the path', () => {
	const folder = join(dir, 'write');
	mkdirSync(folder);
	const target = join(folder, 'out.json');
	writeFileAtomic(target, 'one\n');
	writeFileAtomic(target, Buffer.from('two\n'));
	assert.equal(readFileSync(target, 'utf8'), 'two\n');
	for (const [path, reason] of [
		[join(folder, 'missing', 'x.json'), 'its folder does not exist'],
		[folder, 'is a directory'],
		['', 'an empty file name'],
	] as const) {
		assert.throws(
			() => writeFileAtomic(path, 'x'),
			(error: unknown) => error instanceof WriteError && error.path === path && error.reason === reason,
		);
	}
	assert.deepEqual(readdirSync(folder), ['out.json']);
	if (spawnSync('sh', ['-c', 'test -w /dev/full']).status === 0) {
		assert.throws(
			() => writeFileAtomic('/dev/full', 'x'.repeat(100_000)),
			(error: unknown) => error instanceof WriteError && error.code === 'ENOSPC',
		);
	}
});

test('sameFileAmong: the same file by path, symlink or hard link; not another file with the same text', () => {
	const a = join(dir, 'a.txt');
	const b = join(dir, 'b.txt');
	writeFileSync(a, 'same');
	writeFileSync(b, 'same');
	symlinkSync(a, join(dir, 'a-link.txt'));
	assert.equal(sameFileAmong(a, [b, join(dir, 'a-link.txt')]), join(dir, 'a-link.txt'));
	assert.equal(sameFileAmong(join(dir, '.', 'a.txt'), [a]), a);
	assert.equal(sameFileAmong(a, [b]), undefined);
	assert.equal(sameFileAmong(join(dir, 'none'), [a]), undefined);
});
