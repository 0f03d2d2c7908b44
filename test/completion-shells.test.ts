// The completion scripts in the shells they are for: each must be valid for its shell, and the
// shell's own completion must offer pa-tui's commands, options, option values and region names.
// zsh and bash are driven in a pseudo-terminal (a Tab typed after a partial command line, the
// screen read back); fish answers `complete -C` with what it would offer. A shell that is not
// installed is skipped, saying so (`apt-get install zsh fish` provides them).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {runBinary} from './helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-completion-'));
test.after(() => rmSync(dir, {recursive: true, force: true}));

function missing(shell: string): string | false {
	return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0 ? false : `${shell} is not installed (apt-get install ${shell})`;
}

function script(shell: string): string {
	const r = runBinary(['completion', shell]);
	assert.equal(r.status, 0, r.stderr);
	const path = join(dir, `pa-tui.${shell}`);
	writeFileSync(path, r.stdout);
	return path;
}

const PROMPT = 'READY> ';

/**
 * An interactive shell in a pseudo-terminal with the completion script loaded; `line` is typed
 * (Tabs included) and the screen returned once `expect` holds for it.
 */
async function completeInTerminal(shell: 'zsh' | 'bash', path: string, line: string, expect: (screen: string) => boolean): Promise<string> {
	const args = shell === 'zsh' ? ['-f', '-i'] : ['--norc', '--noprofile', '-i'];
	const setup =
		shell === 'zsh'
			? `autoload -U compinit; compinit -u -D; source ${path}; PS1='${PROMPT}'`
			: `source ${path}; PS1='${PROMPT}'; bind 'set bell-style none'`;
	const term = new xterm.Terminal({cols: 200, rows: 50, allowProposedApi: true});
	const child = pty.spawn(shell, args, {
		name: 'xterm-256color',
		cols: 200,
		rows: 50,
		cwd: dir,
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, ZDOTDIR: dir, TERM: 'xterm-256color', LANG: 'C.UTF-8'},
	});
	let pending = 0;
	child.onData(data => {
		pending++;
		term.write(data, () => pending--);
	});
	const screen = () => {
		const lines: string[] = [];
		for (let i = 0; i < term.rows; i++) lines.push((term.buffer.active.getLine(i)?.translateToString(true) ?? '').trimEnd());
		return lines.join('\n').trimEnd();
	};
	const until = async (ok: (s: string) => boolean, what: string) => {
		const end = Date.now() + 10_000;
		while (pending > 0 || !ok(screen())) {
			if (Date.now() > end) assert.fail(`${shell}: timed out waiting for ${what}; screen:\n${screen()}`);
			await new Promise(r => setTimeout(r, 20));
		}
		return screen();
	};
	try {
		child.write(`${setup}\r`);
		await until(s => s.split('\n').at(-1) === PROMPT.trimEnd(), 'the prompt');
		child.write(line);
		return await until(expect, `completion of ${JSON.stringify(line)}`);
	} finally {
		child.kill('SIGKILL');
		term.dispose();
	}
}

/** The prompt line as it stands after completion. */
function promptLine(screen: string): string {
	return (
		screen
			.split('\n')
			.findLast(l => l.startsWith(PROMPT))
			?.slice(PROMPT.length) ?? ''
	);
}

for (const shell of ['zsh', 'bash'] as const) {
	test(`${shell}: the script is valid ${shell} and completes commands, options, values and regions`, {
		skip: missing(shell),
		timeout: 120_000,
	}, async () => {
		const path = script(shell);
		const syntax = spawnSync(shell, ['-n', path], {encoding: 'utf8'});
		assert.equal(syntax.status, 0, `${shell} -n: ${syntax.stderr}`);
		// One candidate: the line is completed in place.
		for (const [typed, completed] of [
			['pa-tui sh', 'pa-tui show '],
			['pa-tui show heilong', 'pa-tui show heilongjiang '],
			['pa-tui funds inner', 'pa-tui funds inner-mongolia '],
			['pa-tui show xinjiang-pro', 'pa-tui show xinjiang-production-and-construction-corps '],
			['pa-tui search --l', 'pa-tui search --limit '],
			['pa-tui list --j', 'pa-tui list --json '],
			['pa-tui funds --so', 'pa-tui funds --sort '],
			['pa-tui funds --sort am', 'pa-tui funds --sort amount '],
			['pa-tui compare relocation --pl', 'pa-tui compare relocation --planned '],
			['pa-tui compare relocation --by y', 'pa-tui compare relocation --by year '],
			['pa-tui list --max', 'pa-tui list --max-size '],
			['pa-tui completion z', 'pa-tui completion zsh '],
		] as const) {
			// A letter typed after the Tab shows where completion left the cursor (after a space).
			await completeInTerminal(shell, path, `${typed}\tZ`, s => promptLine(s) === `${completed}Z`);
		}
		// Several candidates: listed (bash lists on a second Tab).
		const tabs = shell === 'bash' ? '\t\t' : '\t';
		const listed = await completeInTerminal(shell, path, `pa-tui funds --sort ${tabs}`, s => /amount\s+order/.test(s));
		assert.match(listed, /amount\s+order/);
		const commands = await completeInTerminal(shell, path, `pa-tui ${tabs}`, s => /completion/.test(s) && /ingest/.test(s));
		for (const command of ['list', 'show', 'funds', 'compare', 'search', 'export', 'ingest', 'completion'])
			assert.match(commands, new RegExp(`\\b${command}\\b`));
		const options = await completeInTerminal(shell, path, `pa-tui funds --${tabs}`, s => /--match/.test(s) && /--csv/.test(s));
		for (const option of ['--year', '--match', '--sort', '--json', '--csv', '--corpus', '--no-color', '--max-size'])
			assert.ok(options.includes(option), option);
		assert.doesNotMatch(options.split('\n').slice(1).join('\n'), /--limit|--text|--out/, 'options of other commands are not offered');
	});
}

test('fish: the script is valid fish and completes commands, options, values and regions', {skip: missing('fish')}, () => {
	const path = script('fish');
	const syntax = spawnSync('fish', ['--no-execute', path], {encoding: 'utf8'});
	assert.equal(syntax.status, 0, `fish --no-execute: ${syntax.stderr}`);
	const complete = (line: string): string[] => {
		const r = spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C ${JSON.stringify(line)}`], {
			encoding: 'utf8',
			env: {PATH: process.env['PATH'] ?? '', HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir},
		});
		assert.equal(r.status, 0, r.stderr);
		// Each candidate, without fish's tab-separated description.
		return r.stdout
			.split('\n')
			.filter(l => l !== '')
			.map(l => l.split('\t')[0]!);
	};
	assert.deepEqual(complete('pa-tui sh'), ['show']);
	for (const command of ['list', 'show', 'funds', 'compare', 'search', 'export', 'ingest', 'completion'])
		assert.ok(complete('pa-tui ').includes(command), command);
	assert.deepEqual(complete('pa-tui show heilong'), ['heilongjiang']);
	assert.deepEqual(complete('pa-tui funds inner'), ['inner-mongolia']);
	assert.deepEqual(complete('pa-tui show xinjiang-'), ['xinjiang-production-and-construction-corps']);
	// A region is the first argument only: after it comes a section query.
	assert.deepEqual(complete('pa-tui show jilin heilong'), []);
	assert.deepEqual(complete('pa-tui search --l'), ['--limit']);
	assert.deepEqual(complete('pa-tui funds --sort '), ['amount', 'order']);
	assert.deepEqual(complete('pa-tui completion '), ['bash', 'fish', 'zsh']);
	const options = complete('pa-tui funds --');
	for (const option of ['--year', '--match', '--sort', '--json', '--csv', '--corpus', '--no-color', '--max-size'])
		assert.ok(options.includes(option), option);
	for (const option of ['--limit', '--text', '--out']) assert.ok(!options.includes(option), `${option} is not an option of funds`);
	assert.deepEqual(complete('pa-tui compare relocation --by '), ['region', 'year']);
	const compare = complete('pa-tui compare relocation --');
	for (const option of ['--kind', '--year', '--planned', '--per', '--by', '--json', '--csv']) assert.ok(compare.includes(option), option);
	for (const option of ['--match', '--sort', '--whole']) assert.ok(!compare.includes(option), `${option} is not an option of compare`);
});
