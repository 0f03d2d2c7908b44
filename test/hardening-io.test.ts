// Reading and writing files a user names, through the real binary: ingest never writes over its
// own input nor renames a short file over a good one, no read is unbounded, a full or closed
// standard output is one line and a non-zero exit, and input is never counted twice.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {
	closeSync,
	copyFileSync,
	existsSync,
	linkSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	truncateSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import type {Corpus} from '../source/corpus/schema.ts';
import {SCHEMA_VERSION} from '../source/corpus/schema.ts';
import {binary, corpusFile, type RunResult, rawDir, runBinary} from './helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-io-'));
/** Mounted file systems to unmount before the folder is removed. */
const mounts: string[] = [];
test.after(() => {
	for (const at of mounts) spawnSync('umount', [at]);
	rmSync(dir, {recursive: true, force: true});
});

const LIAONING_2009 = join(rawDir, '000_ce3b4c900936e79e.txt');
const JILIN_2009 = join(rawDir, '003_fd107518aca715a8.txt');
const rawPaths = readdirSync(rawDir)
	.filter(f => f.endsWith('.txt'))
	.sort()
	.map(f => join(rawDir, f));

/** One line on stderr starting "pa-tui: ", no stack trace; returns the line. */
function oneLine(r: RunResult): string {
	const lines = r.stderr.split('\n').filter(l => l !== '');
	assert.equal(lines.length, 1, `one line on stderr: ${JSON.stringify(r.stderr.slice(0, 2000))}`);
	assert.match(lines[0]!, /^pa-tui: /);
	assert.doesNotMatch(r.stderr, /\n\s+at |Error:|node:internal|internal error/, 'no stack trace');
	return lines[0]!;
}

function refused(r: RunResult, pattern: RegExp): void {
	assert.equal(r.status, 2, `exit 2: ${r.stderr.slice(0, 500)}`);
	assert.equal(r.stdout, '');
	assert.match(oneLine(r), pattern);
}

function folder(name: string): string {
	const path = join(dir, name);
	rmSync(path, {recursive: true, force: true});
	mkdirSync(path, {recursive: true});
	return path;
}

/** A shell command line, run by bash, with the binary as $PA. */
function bash(script: string, env: Record<string, string> = {}): RunResult {
	const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, PA: `${process.execPath} ${binary}`, ...env},
		timeout: 30_000,
	});
	return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

// ---------------------------------------------------------------------------------------------
// 1. ingest --out one of its inputs

test('ingest --out an input file is refused (same path, a symlink to it, a hard link): the text stays', () => {
	const here = folder('out-is-input');
	const raw = join(here, 'r.txt');
	copyFileSync(LIAONING_2009, raw);
	symlinkSync(raw, join(here, 'link.txt'));
	linkSync(raw, join(here, 'hard.txt'));
	const original = readFileSync(raw);
	for (const out of [raw, join(here, 'link.txt'), join(here, 'hard.txt'), join(here, '.', 'r.txt')]) {
		refused(runBinary(['ingest', JILIN_2009, raw, '--out', out]), /--out .* is the input file .*r\.txt/);
		assert.ok(readFileSync(raw).equals(original), `the raw text is intact after --out ${out}`);
	}
	// The input given through the link, the output by its own name.
	refused(runBinary(['ingest', join(here, 'link.txt'), '--out', raw]), /is the input file/);
	assert.ok(readFileSync(raw).equals(original));
	assert.deepEqual(readdirSync(here).sort(), ['hard.txt', 'link.txt', 'r.txt']);
});

// ---------------------------------------------------------------------------------------------
// 2. A disk that fills part-way: never a short file renamed over the corpus

function mountTmpfs(at: string, size: string): string | undefined {
	if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
	if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
	const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], {encoding: 'utf8'});
	if (r.status !== 0) return `mount -t tmpfs is not allowed here (${(r.stderr || String(r.error)).trim()})`;
	mounts.push(at);
	return undefined;
}

const smallDisk = folder('tmpfs');
const cannotMount = mountTmpfs(smallDisk, '64k');

test('ingest onto a 64 KiB disk: the 1 MB corpus does not fit, the old file stays, no temporary is left', {skip: cannotMount}, () => {
	const out = join(smallDisk, 'corpus.json');
	const previous = '{"schemaVersion":1,"documents":[]}\n';
	writeFileSync(out, previous);
	const r = runBinary(['ingest', ...rawPaths, '--out', out]);
	refused(r, /corpus\.json: cannot write the corpus: no space left on the device$/);
	assert.equal(readFileSync(out, 'utf8'), previous);
	assert.deepEqual(readdirSync(smallDisk), ['corpus.json']);
	// A new file that does not fit is not created at all.
	refused(runBinary(['ingest', ...rawPaths, '--out', join(smallDisk, 'new.json')]), /no space left/);
	assert.deepEqual(readdirSync(smallDisk), ['corpus.json']);
});

test('ingest onto the same small disk, of a corpus that fits: written whole', {skip: cannotMount}, () => {
	const out = join(smallDisk, 'corpus.json');
	const r = runBinary(['ingest', JILIN_2009, '--out', out]);
	assert.equal(r.status, 0, r.stderr);
	const reference = join(dir, 'jilin.json');
	assert.equal(runBinary(['ingest', JILIN_2009, '--out', reference]).status, 0);
	assert.ok(readFileSync(out).equals(readFileSync(reference)), 'byte for byte the corpus written elsewhere');
	assert.deepEqual(readdirSync(smallDisk), ['corpus.json']);
});

// ---------------------------------------------------------------------------------------------
// 3. Bounded reads

test('a device as the corpus or a raw file (/dev/zero, /dev/urandom) is refused at once', () => {
	for (const device of ['/dev/zero', '/dev/urandom']) {
		if (!existsSync(device)) continue;
		const started = Date.now();
		refused(runBinary(['--corpus', device, 'list']), new RegExp(`cannot read corpus ${device}: is a device, not a file$`));
		refused(runBinary(['ingest', device, '--out', join(dir, 'never.json')]), new RegExp(`${device}: is a device, not a file$`));
		assert.ok(Date.now() - started < 10_000, `${device}: refused in ${Date.now() - started} ms`);
	}
	assert.equal(existsSync(join(dir, 'never.json')), false);
});

test('a file over the read limit is refused before it is read; --max-size and PA_TUI_MAX_SIZE raise the limit', () => {
	// Sparse: 200 MiB of size, no disk used, and reading it would take seconds.
	const big = join(dir, 'sparse.json');
	writeFileSync(big, '');
	truncateSync(big, 200 * 1024 * 1024);
	const started = Date.now();
	refused(
		runBinary(['--corpus', big, 'list']),
		/sparse\.json: is 200 MiB, over the 128 MiB read limit \(raise the limit with --max-size or PA_TUI_MAX_SIZE\)$/,
	);
	refused(runBinary(['ingest', big, '--out', join(dir, 'never.json')]), /sparse\.json: is 200 MiB, over the 128 MiB read limit/);
	assert.ok(Date.now() - started < 10_000, `refused in ${Date.now() - started} ms`);
	// The bundled corpus (about 1 MB) under a lower limit, then with the limit raised again.
	refused(runBinary(['list', '--max-size', '512k']), /corpus\.json: is [\d.]+ MiB, over the 512 KiB read limit/);
	refused(runBinary(['list'], {PA_TUI_MAX_SIZE: '512K'}), /over the 512 KiB read limit/);
	assert.equal(runBinary(['list', '--max-size', '2M']).status, 0);
	assert.equal(runBinary(['list', '--max-size', '2M'], {PA_TUI_MAX_SIZE: '512K'}).status, 0, 'the option wins');
	refused(runBinary(['list', '--max-size', 'lots']), /--max-size takes a size such as 512M or 2G, not "lots"/);
	refused(runBinary(['list'], {PA_TUI_MAX_SIZE: '-1'}), /PA_TUI_MAX_SIZE takes a size/);
	// A raw file over a lowered limit.
	refused(runBinary(['ingest', LIAONING_2009, '--out', join(dir, 'never.json'), '--max-size', '1k']), /over the 1 KiB read limit/);
});

test('a pipe is read up to the limit, then stopped with one line; a corpus through a pipe still works', () => {
	const endless = bash('cat /dev/zero | $PA --corpus /dev/stdin --max-size 1M list');
	refused(endless, /cannot read corpus \/dev\/stdin: stopped after 1 MiB, the read limit \(raise the limit/);
	const piped = bash(`$PA --corpus /dev/stdin list < <(cat ${JSON.stringify(corpusFile)})`);
	assert.equal(piped.status, 0, piped.stderr);
	assert.equal(piped.stdout, runBinary(['--corpus', corpusFile, 'list']).stdout, 'the same reports, from a file');
	const raw = bash(`cat ${JSON.stringify(JILIN_2009)} | $PA ingest /dev/stdin --out ${JSON.stringify(join(dir, 'piped.json'))}`);
	assert.equal(raw.status, 0, raw.stderr);
	assert.equal((JSON.parse(readFileSync(join(dir, 'piped.json'), 'utf8')) as Corpus).documents[0]!.region, 'Jilin');
});

test('a large invalid corpus is reported as fast as a valid one of that size is opened', () => {
	const stored = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	const documents = Array.from({length: 30}, (_, i) => stored.documents.map(d => ({...d, id: `${d.id}-${i}`}))).flat();
	const text = JSON.stringify({schemaVersion: SCHEMA_VERSION, documents});
	const valid = join(dir, 'large.json');
	writeFileSync(valid, text);
	// An unexpected token (no position in V8's message) near the end: the whole text is parsed
	// before the error, and before the fix the error was located by re-parsing prefixes.
	const at = text.lastIndexOf('"year":') + '"year":'.length;
	const invalid = join(dir, 'large-invalid.json');
	writeFileSync(invalid, `${text.slice(0, at)}x${text.slice(at)}`);
	const time = (path: string) => {
		const started = performance.now();
		const r = runBinary(['--corpus', path, 'list']);
		return {r, ms: performance.now() - started};
	};
	const good = time(valid);
	assert.equal(good.r.status, 0, good.r.stderr);
	const bad = time(invalid);
	refused(bad.r, /large-invalid\.json: not valid JSON at line 1, column \d+: unexpected character 'x'$/);
	assert.equal(Number(/column (\d+)/.exec(bad.r.stderr)![1]), at + 1);
	assert.ok(bad.ms < 2 * good.ms + 300, `invalid: ${Math.round(bad.ms)} ms, valid: ${Math.round(good.ms)} ms`);
});

// ---------------------------------------------------------------------------------------------
// 5. A full or closed standard output

const FULL = existsSync('/dev/full') ? undefined : 'no /dev/full';

test('stdout on a full device (/dev/full): one line, exit 2, for every command that writes', {skip: FULL}, () => {
	for (const args of [
		['list'],
		['list', '--json'],
		['export'],
		['show', 'jilin'],
		['funds', '--csv'],
		['funds', 'jilin'],
		['search', 'training'],
		['search', '--text', 'relocation'],
		['completion', 'zsh'],
		['--help'],
		['show', '--help'],
		['--version'],
	]) {
		const full = openSync('/dev/full', 'w');
		const r = spawnSync(process.execPath, [binary, ...args], {stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 30_000});
		closeSync(full);
		assert.equal(r.status, 2, `${args.join(' ')}: exit 2 (${r.stderr.slice(0, 300)})`);
		const lines = r.stderr.split('\n').filter(l => l !== '' && !/showing \d+; also available/.test(l));
		assert.deepEqual(lines, ['pa-tui: cannot write to standard output: no space left on the device'], args.join(' '));
	}
});

test('stdout closed (>&-): "standard output is closed", exit 2; >/dev/null is not closed; nothing to write is not an error', () => {
	for (const command of ['list', 'export', 'show jilin 2012 training', 'funds --csv', '--help']) {
		const r = bash(`$PA ${command} >&-`);
		assert.equal(r.status, 2, `${command}: ${r.stderr}`);
		assert.match(oneLine(r), /^pa-tui: standard output is closed: nothing was written$/);
	}
	const devNull = bash('$PA list >/dev/null');
	assert.equal(devNull.status, 0, devNull.stderr);
	assert.equal(devNull.stderr, '');
	// No match: nothing to write, so a closed stdout changes nothing.
	const none = bash('$PA search qqqqxqqqq >&-');
	assert.equal(none.status, 1, none.stderr);
});

// ---------------------------------------------------------------------------------------------
// 20. A reader that stops early

test('ingest --out /dev/stdout | head: exit 0, as export | head', () => {
	for (const command of ['ingest', 'export']) {
		const args = command === 'ingest' ? `ingest ${rawPaths.map(p => JSON.stringify(p)).join(' ')} --out /dev/stdout` : 'export';
		const r = bash(`set -o pipefail; $PA ${args} | head -c 100 >/dev/null`);
		assert.equal(r.status, 0, `${command}: ${r.stderr}`);
		assert.equal(r.stderr, '', command);
	}
});

// ---------------------------------------------------------------------------------------------
// 13. The same raw file twice

test('the same raw file given twice (same path, a link, a copy) is read once, with a one-line warning', () => {
	const here = folder('twice');
	copyFileSync(JILIN_2009, join(here, 'copy.txt'));
	symlinkSync(JILIN_2009, join(here, 'link.txt'));
	const once = join(here, 'once.json');
	assert.equal(runBinary(['ingest', LIAONING_2009, JILIN_2009, '--out', once]).status, 0);
	for (const [name, second, pattern] of [
		['same path', JILIN_2009, /003_fd107518aca715a8\.txt is named twice/],
		['symlink', join(here, 'link.txt'), /link\.txt is the same file as .*003_fd107518aca715a8\.txt/],
		['copy', join(here, 'copy.txt'), /copy\.txt holds the same text as .*003_fd107518aca715a8\.txt/],
	] as const) {
		const out = join(here, `${name}.json`);
		const r = runBinary(['ingest', LIAONING_2009, JILIN_2009, second, '--out', out]);
		assert.equal(r.status, 0, r.stderr);
		const warnings = r.stderr.split('\n').filter(l => l !== '' && !l.startsWith('wrote '));
		assert.equal(warnings.length, 1, `${name}: ${r.stderr}`);
		assert.match(warnings[0]!, /^pa-tui: warning: each report read once: /);
		assert.match(warnings[0]!, pattern);
		assert.match(r.stderr, /wrote .*: 2 reports/, name);
		assert.ok(readFileSync(out).equals(readFileSync(once)), `${name}: the corpus of each file once`);
	}
});

// ---------------------------------------------------------------------------------------------
// 20. Where UTF-8 goes wrong

test('an invalid UTF-8 sequence is reported on its line: CESU-8 surrogate, overlong form, past U+10FFFF', () => {
	const head = Buffer.from('Poverty Alleviation and Development in Jilin Province\nIn 2012, funds rose.\nThe ');
	const tail = Buffer.from(' text goes on.\n'.repeat(30));
	for (const [name, bad] of [
		['cesu-8', [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80]],
		['overlong', [0xe0, 0x80, 0xaf]],
		['overlong-4', [0xf0, 0x80, 0x80, 0xaf]],
		['past-max', [0xf4, 0x90, 0x80, 0x80]],
		['lone-continuation', [0x80]],
	] as const) {
		const path = join(dir, `${name}.txt`);
		writeFileSync(path, Buffer.concat([head, Buffer.from(bad), tail]));
		refused(runBinary(['ingest', path, '--out', join(dir, 'never.json')]), new RegExp(`${name}\\.txt:3: not valid UTF-8 text$`));
	}
	// A corpus file says where too.
	const corpus = join(dir, 'cesu.json');
	writeFileSync(
		corpus,
		Buffer.concat([Buffer.from('{\n"schemaVersion": 1,\n"documents": ["'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"]}\n')]),
	);
	refused(runBinary(['--corpus', corpus, 'list']), /cesu\.json:3: not valid UTF-8 text$/);
});
