// Packaging: `npm pack` makes a package that, installed globally, gives a working `pa-tui` with
// the bundled corpus. The package is packed from the current dist/ (`npm run build` first; npm
// test does) without running `prepare`, so the test does not rebuild dist/ under other tests.
// The install prefers npm's cache; it needs the network only for runtime dependencies the cache
// lacks (dist/ is a self-contained bundle: see the last test).

import assert from 'node:assert/strict';
import {type SpawnSyncReturns, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {isBuiltin} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {root} from './helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-package-'));
const prefix = join(dir, 'prefix');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tarball = '';
let files: string[] = [];

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
	return spawnSync(command, args, {cwd, encoding: 'utf8', env: {...process.env, ...env}, timeout: 120_000, maxBuffer: 64 * 1024 * 1024});
}

before(() => {
	assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'dist/ is built (npm run build)');
	const pack = run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root);
	assert.equal(pack.status, 0, pack.stderr);
	const [info] = JSON.parse(pack.stdout) as Array<{filename: string; files: Array<{path: string}>}>;
	tarball = join(dir, info!.filename);
	files = info!.files.map(f => f.path);
	const install = run(
		npm,
		['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error', tarball],
		dir,
	);
	assert.equal(install.status, 0, `npm install -g: ${install.stderr}`);
});
after(() => rmSync(dir, {recursive: true, force: true}));

/** The installed command, run from an unrelated directory with a clean environment. */
function pa(args: string[]): SpawnSyncReturns<string> {
	const bin = process.platform === 'win32' ? join(prefix, 'pa-tui.cmd') : join(prefix, 'bin', 'pa-tui');
	return spawnSync(bin, args, {
		cwd: dir,
		encoding: 'utf8',
		env: {PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`, HOME: dir},
		timeout: 30_000,
	});
}

test('the package holds the binary, the bundle and the corpus, and no sources or tests', () => {
	assert.ok(files.includes('bin/pa-tui'));
	assert.ok(files.includes('dist/cli.js'));
	assert.ok(files.includes('data/corpus.json'));
	assert.ok(files.includes('package.json'));
	for (const f of files) assert.doesNotMatch(f, /^(source|test|data\/raw|scripts|bench|node_modules)\//, f);
	// The code cache is for the Node that made it: each install makes its own (postinstall).
	assert.ok(files.includes('dist/pa-tui.cjs'));
	assert.ok(files.includes('bin/make-code-cache.cjs'));
	assert.ok(!files.some(f => f.endsWith('.cache')), files.join('\n'));
});

test('installed globally: the install made a code cache for its Node, and pa-tui starts from it', () => {
	assert.ok(existsSync(join(prefix, 'lib', 'node_modules', 'pa-tui', 'dist', 'pa-tui.cjs.cache')));
	const r = pa(['--verbose', 'list']);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stderr, /^pa-tui: started from the code cache \(dist\/pa-tui\.cjs\.cache, node v\d+/m);
});

test('installed globally: pa-tui list shows the bundled corpus', () => {
	const r = pa(['list']);
	assert.equal(r.status, 0, r.stderr);
	const lines = r.stdout.trimEnd().split('\n');
	assert.equal(lines.length, 1 + 33);
	assert.match(r.stdout, /^Jilin\s+2009\b/m);
});

test('installed globally: pa-tui show jilin investment', () => {
	const r = pa(['show', 'jilin', 'investment']);
	assert.equal(r.status, 0, r.stderr);
	// data/raw/002: "…put in a total of 680 million yuan of relief funds…"
	assert.match(r.stdout, /^Investment of Anti-poverty Funds$/m);
	assert.match(r.stdout, /680 million yuan of relief funds/);
	assert.match(r.stderr, /2009/);
});

test('installed globally: --version and an error exit', () => {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};
	assert.equal(pa(['--version']).stdout, `${pkg.version}\n`);
	const r = pa(['show', 'atlantis']);
	assert.equal(r.status, 1);
});

test('the installed bundle imports nothing from node_modules (runtime dependencies are not needed)', () => {
	const distDir = join(prefix, 'lib', 'node_modules', 'pa-tui', 'dist');
	for (const file of readdirSync(distDir).filter(f => f.endsWith('.js'))) {
		const code = readFileSync(join(distDir, file), 'utf8');
		const specifiers = [
			// Static imports and re-exports, minified or not; side-effect imports; dynamic ones.
			...code.matchAll(/(?:^|[;\s}])(?:import|export)\s*[\w*{][^;'"]*?\bfrom\s*["']([^"']+)["']/gm),
			...code.matchAll(/(?:^|[;\s}])import\s*["']([^"']+)["']/gm),
			...code.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g),
		].map(m => m[1]!);
		assert.ok(specifiers.length > 0 || !file.startsWith('cli'), `${file}: imports are found`);
		for (const s of specifiers) assert.ok(s.startsWith('./') || isBuiltin(s), `${file} imports ${s}`);
	}
});
