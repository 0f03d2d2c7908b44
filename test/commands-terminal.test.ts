// The one-shot commands in a terminal (a pseudo-terminal: coloured, wrapped to its width, unless
// NO_COLOR or --no-color), and what they load: never Ink or React, which the bundle keeps in the
// explorer's chunk. Through the real binary; run `npm run build` first (npm test does).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import pty from 'node-pty';
import stringWidth from 'string-width';
import {binary, NO_USER_LIBRARY, root} from './helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-terminal-'));
after(() => rmSync(dir, {recursive: true, force: true}));

function inTerminal(args: string[], cols: number, env: Record<string, string> = {}): Promise<{output: string; exitCode: number}> {
	return new Promise((resolve, reject) => {
		const child = pty.spawn(process.execPath, [binary, ...args], {
			cols,
			rows: 50,
			env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', TERM: 'xterm-256color', ...NO_USER_LIBRARY, ...env},
		});
		let output = '';
		child.onData(data => {
			output += data;
		});
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`timed out: ${output}`));
		}, 20_000);
		child.onExit(({exitCode}) => {
			clearTimeout(timer);
			setTimeout(() => resolve({output: output.replace(/\r\n/g, '\n'), exitCode}), 50);
		});
	});
}

const SGR = /\x1b\[[0-9;]*m/g;
const lines = (output: string) => output.replace(SGR, '').split('\n');

test('show to a terminal: coloured, every line within the width, the paragraph wrapped', async () => {
	const {output, exitCode} = await inTerminal(['show', 'jilin', 'investment', '--year', '2009'], 60);
	assert.equal(exitCode, 0);
	assert.match(output, SGR);
	for (const line of lines(output)) assert.ok(stringWidth(line) <= 60, `${stringWidth(line)} cells: ${line}`);
	// The 402 million Yuan paragraph is several hundred characters: wrapped over several lines.
	assert.ok(lines(output).filter(l => l.length > 40).length >= 5);
	// The money amount is highlighted.
	assert.match(output, /\x1b\[33m402 million/);
});

for (const [what, args, env] of [
	['NO_COLOR', [], {NO_COLOR: '1'}],
	['--no-color', ['--no-color'], {}],
] as Array<[string, string[], Record<string, string>]>) {
	test(`${what}: no escape sequences in a terminal, still wrapped`, async () => {
		for (const command of [
			['show', 'jilin'],
			['list'],
			['funds', 'jilin'],
			['compare', 'relocation'],
			['search', 'training'],
			['search', '--text', 'rain plan'],
		]) {
			const {output, exitCode} = await inTerminal([...command, ...args], 70, env);
			assert.equal(exitCode, 0);
			assert.ok(!output.includes('\x1b'), `${command.join(' ')}: ${JSON.stringify(output.slice(0, 200))}`);
			for (const line of lines(output)) assert.ok(stringWidth(line) <= 70, `${command.join(' ')}: ${line}`);
		}
	});
}

test('list, funds and search fit a narrow terminal', async () => {
	for (const command of [
		['list'],
		['funds'],
		['funds', '--match', 'relocation', '--sort', 'amount'],
		['funds', 'liaoning', '--year', '2009'],
		['compare', 'relocation'],
		['compare', 'anti-poverty funds', '--by', 'year'],
		['compare', 'rain plan', '--per'],
		['search', 'poverty alleviation'],
		['search', '--text', 'relocation'],
	]) {
		const {output, exitCode} = await inTerminal(command, 64);
		assert.equal(exitCode, 0);
		for (const line of lines(output)) assert.ok(stringWidth(line) <= 64, `${command.join(' ')}: ${stringWidth(line)} cells: ${line}`);
	}
});

test('compare to a terminal: the bar in colour, fitted to 80 and 120 columns, labels whole at 120', async () => {
	for (const cols of [80, 120]) {
		const {output, exitCode} = await inTerminal(['compare', 'relocation', '--year', '2012'], cols);
		assert.equal(exitCode, 0);
		// Green eighth blocks, yellow amounts.
		assert.match(output, /\x1b\[32m█+/);
		assert.match(output, /\x1b\[33m\s*7,114\.00/);
		const table = lines(output).filter(l => /^[^·]+ 2012 +[\d,]+\.\d\d /.test(l));
		assert.equal(table.length, 12, output);
		for (const line of lines(output)) assert.ok(stringWidth(line) <= cols, `${cols}: ${stringWidth(line)} cells: ${line}`);
		assert.ok(
			table.every(l => /\d%\s+[█▏▎▍▌▋▊▉]+\s/.test(l)),
			`${cols}: a bar on every row`,
		);
		// Qinghai's label (62 cells) is the longest: whole at 120 columns, cut at 80.
		const qinghai = table.find(l => l.startsWith('Qinghai 2012'))!;
		if (cols === 120)
			assert.ok(
				table.every(l => !l.endsWith('…')) && qinghai.endsWith('implementation of off-site relocation-based poverty alleviation'),
				output,
			);
		else assert.match(qinghai, /\s\S+…$/);
	}
});

// --- What a one-shot command loads -----------------------------------------------------------

const hooks = join(dir, 'hooks.mjs');
writeFileSync(
	hooks,
	`import {appendFileSync} from 'node:fs';
export async function load(url, context, next) {
	if (url.startsWith('file:')) appendFileSync(process.env.PA_TUI_LOAD_LOG, url + '\\n');
	return next(url, context);
}
`,
);
const register = join(dir, 'register.mjs');
writeFileSync(register, `import {register} from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

/**
 * The ES modules a run of the binary loads, in order. `from`: 'modules' runs the program from its
 * ES modules (dist/cli.js and chunks: bin/pa-tui takes them when NODE_OPTIONS is set, here to
 * register the hooks); 'cache' from dist/pa-tui.cjs and its code cache (the hooks registered on
 * the command line), where the only ES module there is to load is the explorer's host.
 */
function loadedFiles(args: string[], env: Record<string, string> = NO_USER_LIBRARY, from: 'modules' | 'cache' = 'modules'): string[] {
	const log = join(dir, `load-${from}-${args.join('-').replace(/\//g, '_')}.log`);
	writeFileSync(log, '');
	const hook = `--import=${pathToFileURL(register).href}`;
	const r = spawnSync(process.execPath, [...(from === 'cache' ? [hook] : []), binary, '--verbose', ...args], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', PA_TUI_LOAD_LOG: log, ...(from === 'modules' ? {NODE_OPTIONS: hook} : {}), ...env},
		maxBuffer: 64 * 1024 * 1024,
	});
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stderr, from === 'cache' ? /started from the code cache/ : /started from the ES modules/);
	return readFileSync(log, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map(url => fileURLToPath(url));
}

// Strings that survive minification: React's element type tags, Ink's host element names, and
// (unminified builds) esbuild's module path comments.
const EXPLORER_CODE =
	/react\.transitional\.element|["']react\.element["']|["']ink-(?:box|text|root)["']|^\/\/ (?:node_modules\/(?:ink|react|react-reconciler)\/|source\/ui\/)/m;

for (const command of [
	['list'],
	['show', 'jilin', 'investment'],
	['funds', '--match', 'relocation'],
	['compare', 'relocation', '--by', 'year'],
	['search', 'training'],
	['export'],
	['completion', 'bash'],
]) {
	test(`${command[0]} loads no Ink, React or explorer code`, () => {
		const files = loadedFiles(command);
		assert.ok(
			files.some(f => f.endsWith(join('dist', 'cli.js'))),
			files.join('\n'),
		);
		for (const file of files.filter(f => f.startsWith(join(root, 'dist')))) {
			assert.doesNotMatch(readFileSync(file, 'utf8'), EXPLORER_CODE, `${file} is explorer code`);
			assert.doesNotMatch(readFileSync(file, 'utf8'), PAGE_READER_CODE, `${file} is the page reader or the lock`);
		}
		// From the code cache: the explorer's host (Ink, React) is not imported either.
		const cached = loadedFiles(command, NO_USER_LIBRARY, 'cache').filter(f => f.startsWith(join(root, 'dist')));
		assert.deepEqual(cached, []);
	});
}

// The HTML parser (parse5's error codes) and the lock (proper-lockfile's message) are for
// `library add` and `ingest` only; the schema validator (zod) is not needed for a library that
// pa-tui wrote and nobody changed since.
const PAGE_READER_CODE = /abandoned-head-element-child|Lock file is already being held/;
const VALIDATOR_CODE = /ZodError/;
const distCode = (files: string[]) => files.filter(f => f.startsWith(join(root, 'dist'))).map(f => readFileSync(f, 'utf8'));

test('with a library of reports: show and list load neither the page reader, nor the lock, nor the validator', () => {
	const data = join(dir, 'data-with-library');
	const env = {XDG_DATA_HOME: data};
	const page = join(dir, 'jilin-2010.html');
	writeFileSync(
		page,
		'<!DOCTYPE html><title>x</title><nav><a href="/">Home</a></nav><h1>Poverty Alleviation and Development in Jilin Province</h1><p>【Overview】 In 2010, Jilin Province put in 456 million Yuan of anti-poverty funds.</p>',
	);
	// library add is what loads them (so the checks below can see them).
	const adding = distCode(loadedFiles(['library', 'add', page], env));
	assert.ok(adding.some(code => PAGE_READER_CODE.test(code)));
	for (const command of [['show', 'jilin', 'investment'], ['list'], ['search', 'training']]) {
		const code = distCode(loadedFiles(command, env));
		assert.ok(!code.some(c => PAGE_READER_CODE.test(c)), `${command[0]} loads the page reader or the lock`);
		assert.ok(!code.some(c => VALIDATOR_CODE.test(c)), `${command[0]} loads the validator for a library pa-tui wrote`);
	}
	// A library changed by hand is validated.
	const library = join(data, 'pa-tui', 'library.json');
	writeFileSync(library, JSON.stringify(JSON.parse(readFileSync(library, 'utf8'))));
	assert.ok(distCode(loadedFiles(['list'], env)).some(c => VALIDATOR_CODE.test(c)));
});

test('the explorer chunk holds Ink and React, recognisably (so the tests above can see them)', () => {
	const chunk = (file: string) => readFileSync(join(root, 'dist', file), 'utf8');
	// cli.js → the first frame's chunk (no Ink) → the explorer's chunk, each imported dynamically.
	const firstFrame = /import\(\s*["']\.\/(first-frame-[A-Za-z0-9]+\.js)["']\s*\)/.exec(chunk('cli.js'));
	assert.ok(firstFrame, 'cli.js imports the first frame chunk dynamically');
	const explorer = /import\(\s*["']\.\/(run-[A-Za-z0-9]+\.js)["']\s*\)/.exec(chunk(firstFrame[1]!));
	assert.ok(explorer, 'the first frame imports the explorer chunk dynamically');
	// A chunk and what it imports statically (React may sit in a shared chunk).
	const reach = (start: string) => {
		const seen = new Set<string>();
		const visit = (file: string) => {
			if (seen.has(file)) return;
			seen.add(file);
			for (const m of chunk(file).matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visit(m[1]!);
		};
		visit(start);
		return [...seen];
	};
	assert.ok(
		reach(explorer[1]!).some(file => EXPLORER_CODE.test(chunk(file))),
		reach(explorer[1]!).join(', '),
	);
	// The first frame is painted before Ink loads: nothing it imports statically is Ink or React.
	for (const file of reach(firstFrame[1]!))
		assert.doesNotMatch(
			chunk(file),
			/["']ink-(?:box|text|root)["']|react\.transitional\.element/,
			`${file} (first frame) holds Ink or React`,
		);
});

test('the one-script bundle holds no Ink or React: they are in the explorer host, which only the explorer imports', () => {
	const read = (file: string) => readFileSync(join(root, 'dist', file), 'utf8');
	assert.doesNotMatch(read('pa-tui.cjs'), EXPLORER_CODE);
	assert.match(read('explorer-host.js'), EXPLORER_CODE);
	assert.match(read('pa-tui.cjs'), /explorer-host\.js/);
	// The host takes the program's own modules (one state machine, one raster) instead of copies.
	assert.match(read('explorer-host.js'), /__paTuiSharedModules\["source\/ui\/state\/update\.ts"\]/);
	assert.doesNotMatch(read('explorer-host.js'), /function updateAll\(/);
});

test('from the code cache, the explorer imports its host (so the checks above can see an import)', async () => {
	const log = join(dir, 'load-cache-explorer.log');
	writeFileSync(log, '');
	const child = pty.spawn(process.execPath, [`--import=${pathToFileURL(register).href}`, binary], {
		cols: 100,
		rows: 30,
		env: {
			PATH: process.env['PATH'] ?? '',
			HOME: process.env['HOME'] ?? '/tmp',
			TERM: 'xterm-256color',
			PA_TUI_LOAD_LOG: log,
			...NO_USER_LIBRARY,
		},
	});
	let output = '';
	child.onData(data => {
		output += data;
	});
	const exited = new Promise<number>(resolve => child.onExit(({exitCode}) => resolve(exitCode)));
	const deadline = Date.now() + 20_000;
	while (!readFileSync(log, 'utf8').includes('explorer-host.js') && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
	child.write('q');
	assert.equal(await exited, 0, output);
	assert.match(readFileSync(log, 'utf8'), /dist\/explorer-host\.js/);
});
