// How bin/pa-tui starts the program: from dist/pa-tui.cjs with the V8 code cache made for it and
// this Node, or, when there is no such cache (missing, made for another Node or another build)
// or NODE_OPTIONS is set, from the ES modules (dist/cli.js). Either way the user sees the same
// output and exit codes; --verbose says which ran. The cases that change files run on a copy
// of the package.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {binary, NO_USER_LIBRARY, root} from './helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-start-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const FROM_CACHE = /^pa-tui: started from the code cache \(dist\/pa-tui\.cjs\.cache, node v\d+\.\d+\.\d+\)$/m;
const FROM_MODULES = /^pa-tui: started from the ES modules \(dist\/cli\.js\): (.+)$/m;

function run(bin: string, args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, [bin, ...args], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...NO_USER_LIBRARY, ...env},
		timeout: 60_000,
		maxBuffer: 64 * 1024 * 1024,
	});
	return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

/** What a run says under --verbose, and what it prints without it. */
function startOf(bin: string, env: Record<string, string> = {}): string {
	return run(bin, ['--verbose', '--version'], env).stderr;
}

const bad = join(dir, 'bad.json');
writeFileSync(bad, '{"schemaVersion": 1, "documents": [{"id": 7}]}');

const COMMANDS: string[][] = [
	['list'],
	['list', '--json'],
	['show', 'jilin', 'investment', '--year', '2009'],
	['show', 'liaoning', '--json'],
	['funds', '--match', 'relocation', '--sort', 'amount'],
	['funds', 'hebei', '--csv'],
	['search', 'relocaton'],
	['search', '--text', 'rain plan', '--json'],
	['export'],
	['completion', 'zsh'],
	['--help'],
	['show', 'atlantis'],
	['show'],
	['--corpus', bad, 'list'],
];

test('from the code cache and from the ES modules: the same output, the same exit codes', () => {
	assert.match(startOf(binary), FROM_CACHE);
	assert.match(startOf(binary, {NODE_OPTIONS: '--no-warnings'}), FROM_MODULES);
	for (const args of COMMANDS) {
		const cached = run(binary, args);
		const modules = run(binary, args, {NODE_OPTIONS: '--no-warnings'});
		assert.deepEqual(cached, modules, args.join(' '));
	}
	// Exit codes of each kind are among them.
	assert.deepEqual(
		COMMANDS.slice(-3).map(args => run(binary, args).status),
		[1, 2, 2],
	);
});

/** A copy of the package as installed: bin/, dist/ and the bundled corpus. */
function copyPackage(name: string): string {
	const copy = join(dir, name);
	for (const part of ['bin', 'dist', 'data/corpus.json', 'package.json']) cpSync(join(root, part), join(copy, part), {recursive: true});
	return copy;
}

test('without a code cache, or with one made for another Node or another build: the ES modules, and the same output', () => {
	const copy = copyPackage('no-cache');
	const bin = join(copy, 'bin', 'pa-tui');
	const cache = join(copy, 'dist', 'pa-tui.cjs.cache');
	const expected = run(binary, ['show', 'jilin', 'investment', '--year', '2009']);
	const same = () => assert.deepEqual(run(bin, ['show', 'jilin', 'investment', '--year', '2009']), expected);
	assert.match(startOf(bin), FROM_CACHE);
	same();

	const original = readFileSync(cache);
	rmSync(cache);
	assert.match(startOf(bin), /started from the ES modules \(dist\/cli\.js\): there is no code cache/);
	same();

	// Made by another Node: its first line names that Node.
	writeFileSync(cache, Buffer.from(original.toString('latin1').replace(/ on node v[\d.]+ /, ' on node v99.0.0 '), 'latin1'));
	assert.match(startOf(bin), /started from the ES modules \(dist\/cli\.js\): the code cache was made for another build or another Node/);
	same();

	// For another build of the bundle: a bundle whose first line (its hash) differs.
	writeFileSync(cache, original);
	const bundle = join(copy, 'dist', 'pa-tui.cjs');
	const text = readFileSync(bundle, 'latin1');
	writeFileSync(bundle, text.replace(/^\/\/ pa-tui bundle [0-9a-f]+/, '// pa-tui bundle 0123456789abcdef0123456789abcdef'), 'latin1');
	assert.match(startOf(bin), /the code cache was made for another build or another Node/);
	same();
	writeFileSync(bundle, text, 'latin1');

	// V8's part damaged: V8 refuses it, and the bundle is compiled from its text.
	const line = original.indexOf(0x0a) + 1;
	const damaged = Buffer.from(original);
	damaged.fill(0x55, line + 16, line + 64);
	writeFileSync(cache, damaged);
	assert.match(startOf(bin), /^pa-tui: compiled dist\/pa-tui\.cjs: V8 refused its code cache/m);
	same();

	// Making it again (what postinstall does in an installed package) brings the fast start back.
	const made = spawnSync(process.execPath, [join(copy, 'bin', 'make-code-cache.cjs')], {encoding: 'utf8', timeout: 120_000});
	assert.equal(made.status, 0, made.stderr);
	assert.equal(made.stderr, '');
	assert.match(startOf(bin), FROM_CACHE);
	same();
});

test('postinstall: a checkout leaves the cache to its build; a cache that cannot be made is one line, never a failed install', () => {
	// In a checkout (source/ beside bin/), prepare builds dist/ and its cache: postinstall does nothing.
	const before = statSync(join(root, 'dist', 'pa-tui.cjs.cache')).mtimeMs;
	const inCheckout = spawnSync(process.execPath, [join(root, 'bin', 'make-code-cache.cjs'), '--postinstall'], {
		encoding: 'utf8',
		timeout: 60_000,
	});
	assert.equal(inCheckout.status, 0);
	assert.equal(statSync(join(root, 'dist', 'pa-tui.cjs.cache')).mtimeMs, before);
	const copy = copyPackage('cannot-make');
	const maker = join(copy, 'bin', 'make-code-cache.cjs');
	rmSync(join(copy, 'dist', 'pa-tui.cjs'));
	const r = spawnSync(process.execPath, [maker, '--postinstall'], {encoding: 'utf8', timeout: 60_000});
	assert.equal(r.status, 0);
	assert.equal(r.stderr, '');
	// A bundle that fails while the cache is made (here: its text cut short).
	writeFileSync(join(copy, 'dist', 'pa-tui.cjs'), '// pa-tui bundle 0\nmodule.exports = {warmUp: () => { throw new Error("no"); }};\n');
	const failed = spawnSync(process.execPath, [maker, '--postinstall'], {encoding: 'utf8', timeout: 60_000});
	assert.equal(failed.status, 0);
	assert.match(failed.stderr, /^pa-tui: no code cache \(pa-tui will start from its ES modules\): no\n$/);
	assert.match(startOf(join(copy, 'bin', 'pa-tui')), /started from the ES modules \(dist\/cli\.js\): there is no code cache/);
});

test('the bundled corpus, changed after install, is no longer trusted as the validated one', () => {
	const copy = copyPackage('changed-corpus');
	const bin = join(copy, 'bin', 'pa-tui');
	const corpus = join(copy, 'data', 'corpus.json');
	// The same length, one year changed: validated as any corpus, and the change is seen.
	const text = readFileSync(corpus, 'utf8');
	writeFileSync(corpus, text.replace('"year": 2009', '"year": 2008'));
	const r = run(bin, ['list']);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /\b2008\b/);
	// A report made invalid: one line naming the file and the field, exit 2.
	writeFileSync(corpus, text.replace('"year": 2009', '"year": "x09"'));
	const broken = run(bin, ['list']);
	assert.equal(broken.status, 2);
	assert.match(broken.stderr, /^pa-tui: .*corpus\.json: documents\[\d+\]\.year: Expected number, received string\n$/);
});
