// Terminals and sessions (issue 6), through the real program in a pseudo-terminal: no UTF-8
// locale, TERM=dumb and tmux's TERM, tiny terminals, resize storms, and every way out
// (signals, an internal error) putting the terminal back.
// Needs dist/ (npm test builds it first; otherwise run npm run build). The harness follows
// test/e2e-explorer.test.ts; stderr goes to a file here, so "nothing on stderr" can be checked.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {root} from './helpers/corpus.ts';
import {built, LEAVE, launch} from './helpers/pty.ts';

/** Every non-ASCII character the explorer draws with (borders, markers, arrows, ellipsis). */
const CHROME = /[│›▸…·█↑↓←→–—×]/;
const skip = !built && 'dist/ not built (npm run build)';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The exit leaves the terminal as it was: alternate screen left, cursor shown, nothing running. */
async function assertRestored(ui: ReturnType<typeof launch>, what: string, after = '') {
	assert.ok(
		ui.output().endsWith(LEAVE + after),
		`${what}: ends by leaving the alternate screen and showing the cursor: ${JSON.stringify(ui.output().slice(-40))}`,
	);
	await ui.settled();
	assert.equal(ui.term.buffer.active.type, 'normal', `${what}: back on the normal screen`);
	assert.ok(!alive(ui.child.pid), `${what}: no process left behind`);
}

test('no UTF-8 locale (LANG=C): ASCII borders and markers, selection and money still marked', {skip, timeout: 40000}, async t => {
	const ui = launch({env: {LANG: 'C'}});
	t.after(ui.dispose);
	let screen = await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	assert.match(screen, /^> Anhui\s+2012\s*\|> Overview/m, 'marker ">" and separator "|"');
	// The selected row is still drawn as selected: its cells have a background colour.
	const row = ui.term.buffer.active.getLine(1)!;
	assert.ok(row.getCell(2)!.getBgColor() !== 0 || row.getCell(2)!.isInverse(), 'the selection is visible');

	ui.press('j\r\r');
	screen = await ui.until(s => /\| Text/.test(s) && s.includes('Chongqing - 2012 -'), 'the text of Chongqing, in ASCII');
	// Money figures are still marked in the text: digits drawn in yellow.
	const buffer = ui.term.buffer.active;
	let money = '';
	for (let y = 0; y < ui.term.rows; y++) {
		const line = buffer.getLine(y)!;
		for (let x = 0; x < ui.term.cols; x++) {
			const cell = line.getCell(x)!;
			if (cell.isFgPalette() && cell.getFgColor() === 3) money += cell.getChars();
		}
	}
	assert.match(money, /\d/, 'money highlighted');
	ui.press('/relocaton');
	screen = await ui.until(s => s.includes('Search headings: relocaton_') && /\d+ results/.test(s), 'the search box, "_" as its cursor');
	assert.match(screen, /\^\/v choose/);
	ui.press('\u001B');
	await ui.until(s => !s.includes('Search headings'), 'search closed');
	ui.press('?');
	screen = await ui.until(s => s.includes(' Keys'), 'help');
	ui.press('\u001B');
	await ui.until(s => !s.includes(' Keys'), 'help closed');
	ui.resize(30, 8);
	screen = await ui.until(s => s.includes('too small'), 'the too-small notice');
	assert.equal(screen.split('\n')[0], 'too small: 40x10');

	// Nothing drawn in any of these screens used a non-ASCII drawing character.
	const drawn = ui.output();
	assert.ok(!CHROME.test(drawn), `non-ASCII chrome in the output: ${JSON.stringify(CHROME.exec(drawn)?.[0])}`);
	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
	await assertRestored(ui, 'LANG=C');
	assert.equal(ui.stderr(), '');
});

test('LC_ALL=C wins over a UTF-8 LANG; LC_CTYPE=en_US.UTF-8 keeps the box drawing', {skip, timeout: 40000}, async t => {
	for (const [env, ascii] of [
		[{LANG: 'en_US.UTF-8', LC_ALL: 'C'}, true],
		[{LANG: 'C', LC_CTYPE: 'en_US.UTF-8'}, false],
		[{LANG: 'POSIX'}, true],
	] as const) {
		const ui = launch({env});
		t.after(ui.dispose);
		const screen = await ui.until(s => s.includes('Regions (29)'), `the first frame with ${JSON.stringify(env)}`, 15000);
		assert.equal(/^> Anhui/m.test(screen), ascii, `${JSON.stringify(env)}: ASCII marker`);
		assert.equal(/^› Anhui/m.test(screen), !ascii, `${JSON.stringify(env)}: Unicode marker`);
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
	}
});

test('TERM=dumb: no colour, a usable screen; TERM=screen-256color (tmux): colour, move, quit', {skip, timeout: 40000}, async t => {
	for (const name of ['dumb', 'screen-256color']) {
		const ui = launch({env: {TERM: name}});
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)') && /› Anhui/.test(s), `${name}: the regions pane`, 15000);
		ui.press('j');
		let screen = await ui.until(s => /› Chongqing/.test(s), `${name}: j moves`);
		assert.match(screen.split('\n')[23]!, /Chongqing · 2012/, `${name}: the status bar on the last line`);
		ui.press('\r\r');
		screen = await ui.until(s => /│ Text/.test(s), `${name}: Enter twice opens the text`);
		// Colour: SGR foreground/background codes (30–37, 40–47, 90–97, 38;…, 48;…).
		const coloured = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7])(?:;[0-9;]*)?m/.test(ui.output());
		assert.equal(coloured, name !== 'dumb', `${name}: colour ${name === 'dumb' ? 'off' : 'on'}`);
		if (name === 'dumb') {
			// Still marked without colour: the selection inverse, money figures underlined.
			assert.ok(ui.output().includes('\u001B[7m'), 'dumb: the selection is drawn inverse');
			const buffer = ui.term.buffer.active;
			let underlined = '';
			for (let y = 0; y < ui.term.rows; y++) {
				const line = buffer.getLine(y)!;
				for (let x = 0; x < ui.term.cols; x++) if (line.getCell(x)!.isUnderline()) underlined += line.getCell(x)!.getChars();
			}
			assert.match(underlined, /\d.*yuan/, 'dumb: money figures underlined');
		}
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
		await assertRestored(ui, name);
		assert.equal(ui.stderr(), '', `${name}: nothing on stderr`);
	}
});

test('TERM unset or unknown, or FORCE_COLOR=0: the selection is still drawn', {skip, timeout: 40000}, async t => {
	for (const [env, colour] of [
		[{TERM: undefined}, true],
		[{TERM: 'vt-unknown'}, true],
		[{FORCE_COLOR: '0'}, false],
	] as const) {
		const what = Object.entries(env)
			.map(([k, v]) => `${k}=${v ?? '(unset)'}`)
			.join(' ');
		const ui = launch({env});
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)'), `${what}: the first frame`, 15000);
		const cell = ui.term.buffer.active.getLine(1)!.getCell(2)!;
		assert.ok(colour ? !cell.isBgDefault() : cell.isInverse(), `${what}: the selected row is ${colour ? 'coloured' : 'inverse'}`);
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
	}
});

test('20×5 and smaller: a notice that fits; recovery at 80×24', {skip, timeout: 40000}, async t => {
	const ui = launch({columns: 20, rows: 5});
	t.after(ui.dispose);
	let screen = await ui.until(s => s.includes('too small'), 'the notice at 20×5', 15000);
	assert.deepEqual(screen.split('\n'), ['too small: 40×10', '', '', '', '']);
	for (const [c, r, notice] of [
		[12, 3, 'need 40×10'],
		[9, 2, 'too small'],
		[5, 2, '40×10'],
		[1, 1, '!'],
		[39, 24, 'terminal too small (need 40×10)'],
		[80, 9, 'terminal too small (need 40×10)'],
	] as const) {
		ui.resize(c, r);
		screen = await ui.until(s => s.split('\n')[0] === notice, `the notice at ${c}×${r}`);
		assert.ok(
			screen
				.split('\n')
				.slice(1)
				.every(line => line === ''),
			`${c}×${r}: one line only`,
		);
	}
	ui.resize(80, 24);
	screen = await ui.until(s => s.includes('Regions (29)'), 'recovered at 80×24');
	const lines = screen.split('\n');
	assert.match(lines[0]!, /^ Regions \(29\)/);
	assert.match(lines[23]!, /Anhui · 2012 · Overview/);
	ui.press('j');
	await ui.until(s => /› Chongqing/.test(s), 'keys work after recovering');
	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
	await assertRestored(ui, '20×5');
	assert.equal(ui.stderr(), '');
});

test('a resize storm: 60 resizes in a second, tiny sizes included, ends correct at 100×30', {skip, timeout: 60000}, async t => {
	const ui = launch({columns: 80, rows: 24});
	t.after(ui.dispose);
	await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	ui.press('jj\r');
	await ui.until(s => /Fujian 2012/.test(s.split('\n')[0]!), 'Fujian sections');
	const sizes = fc.sample(fc.tuple(fc.integer({min: 1, max: 200}), fc.integer({min: 1, max: 60})), {numRuns: 57, seed: 6});
	sizes.push([20, 5], [1, 1], [100, 30]);
	const start = Date.now();
	for (const [i, [c, r]] of sizes.entries()) {
		ui.resize(c, r);
		// Keys during the storm too.
		if (i % 10 === 5) ui.press(i % 20 === 5 ? 'j' : 'k');
		await new Promise(resolve => setTimeout(resolve, 16));
	}
	assert.ok(Date.now() - start < 3000, 'the storm took about a second');
	// Back to the first section (the storm's keys may have moved it), a quiet moment, then the
	// screen must be what a fresh start at 100×30 in the same place shows.
	ui.press('g');
	await new Promise(resolve => setTimeout(resolve, 300));
	// Under load the program may still be working through the storm: wait for the right screen.
	const after = await ui.until(
		s => s.split('\n').length === 30 && /Fujian · 2012 ·/.test(s.split('\n')[29]!),
		'the screen after the storm, status bar in place',
		10000,
	);
	const lines = after.split('\n');
	assert.equal(lines.length, 30);
	assert.match(lines[0]!, /^ Regions \(29\)\s+│ Fujian 2012\s+│ Text/, 'three panes at 100 columns');
	assert.match(lines[29]!, /Fujian · 2012 ·/, 'the status bar on the last line');
	assert.ok(!ui.blankRow(28), 'the panes reach down to it');
	for (const line of lines) assert.ok(line.length <= 100);

	const fresh = launch({columns: 100, rows: 30});
	t.after(fresh.dispose);
	await fresh.until(s => s.includes('Regions (29)'), 'a fresh start at 100×30', 15000);
	fresh.press('jj\r');
	await fresh.until(s => /Fujian 2012/.test(s.split('\n')[0]!), 'Fujian sections (fresh)');
	await new Promise(resolve => setTimeout(resolve, 300));
	const expected = await fresh.until(() => true, 'the fresh screen');
	assert.equal(after, expected, 'the screen after the storm is the screen of a fresh start');
	fresh.press('q');
	await fresh.exit();

	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
	await assertRestored(ui, 'after the storm');
	assert.equal(ui.stderr(), '', 'nothing on stderr');
});

test('SIGINT as a signal restores the terminal (from the search box and from the too-small notice)', {skip, timeout: 40000}, async t => {
	for (const where of ['search', 'too small'] as const) {
		const ui = launch();
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
		if (where === 'search') {
			ui.press('/relo');
			await ui.until(s => s.includes('Search headings: relo'), 'the search box');
		} else {
			ui.resize(20, 5);
			await ui.until(s => s.includes('too small'), 'the notice');
		}
		ui.child.kill('SIGINT');
		const {exitCode} = await ui.exit();
		assert.equal(exitCode, 130, `${where}: exit code 130 after SIGINT`);
		await assertRestored(ui, `SIGINT in ${where}`);
		assert.equal(ui.stderr(), '', `${where}: nothing on stderr`);
	}
});

test('SIGTERM during a resize storm still restores the terminal', {skip, timeout: 40000}, async t => {
	const ui = launch();
	t.after(ui.dispose);
	await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	for (let i = 0; i < 20; i++) {
		try {
			ui.resize(20 + ((i * 37) % 100), 5 + ((i * 13) % 30));
		} catch (error) {
			// Once the program has gone, node-pty cannot resize its closed terminal (EBADF).
			if (i <= 10) throw error;
		}
		if (i === 10) ui.child.kill('SIGTERM');
		await new Promise(resolve => setTimeout(resolve, 5));
	}
	assert.equal((await ui.exit()).exitCode, 143);
	await assertRestored(ui, 'SIGTERM in a storm');
	assert.equal(ui.stderr(), '');
});

test('an internal error after the first frame: terminal restored, then one line on stderr, exit 1', {timeout: 60000}, async t => {
	// render: thrown while rendering (Ink's error boundary); input: thrown from key handling (uncaught).
	for (const mode of ['render', 'input'] as const) {
		const ui = launch({argv: ['--import', 'tsx', 'test/fixtures/crash-explorer.ts', mode], mergeStderr: true});
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)'), `${mode}: the first frame`, 20000);
		ui.press('j');
		const {exitCode} = await ui.exit();
		assert.equal(exitCode, 1, `${mode}: exit code 1`);
		const message = mode === 'render' ? 'boom: the sections of Chongqing' : 'boom from a key';
		// The terminal put back first, then exactly one line (the pty turns \n into \r\n).
		await assertRestored(ui, `${mode} error`, `pa-tui: internal error: ${message}\r\n`);
	}
});

// A real tmux, when there is one: its own terminal emulation, TERM=screen-256color inside.
const tmuxVersion = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
const hasTmux = tmuxVersion.status === 0;

/**
 * A tmux server of the test's own (its own socket, no config) running `command` in an 80×24
 * session, killed when the test ends; `until` polls the pane until the screen passes.
 */
function ownTmux(t: {after(fn: () => void): void}, name: string, command: string) {
	const socket = `pa-tui-test-${name}-${process.pid}`;
	const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	t.after(() => {
		const path = tmux('display-message', '-p', '#{socket_path}').stdout.trim();
		tmux('kill-server');
		if (path.includes(socket)) rmSync(path, {force: true});
	});
	assert.equal(tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', command).status, 0);
	const capture = () => tmux('capture-pane', '-p', '-t', name).stdout;
	const until = async (ok: (screen: string) => boolean, what: string, ms = 15000) => {
		const end = Date.now() + ms;
		for (;;) {
			const screen = capture();
			if (ok(screen)) return screen;
			if (Date.now() > end) assert.fail(`timed out waiting for ${what}; screen:\n${screen}`);
			await new Promise(r => setTimeout(r, 30));
		}
	};
	return {tmux, until};
}

test('inside tmux: regions pane, move, resize, SIGINT; the normal screen is left blank', {
	skip: (!built && 'dist/ not built') || (!hasTmux && 'tmux not installed'),
	timeout: 60000,
}, async t => {
	const dir = mkdtempSync(join(tmpdir(), 'pa-tui-tmux-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	const script = `cd '${root}' && LANG=C.UTF-8 '${process.execPath}' bin/pa-tui 2>'${dir}/stderr'; echo "exit=$?"; sleep 60`;
	const {tmux, until} = ownTmux(t, 'x', script);
	await until(s => s.includes('Regions (29)') && /› Anhui/.test(s), 'the regions pane', 20000);
	assert.equal(tmux('display-message', '-p', '-t', 'x', '#{alternate_on}').stdout.trim(), '1', 'in the alternate screen');
	tmux('send-keys', '-t', 'x', 'j');
	await until(
		s => /› Chongqing/.test(s) && /Chongqing · 2012 · Overview/.test(s.split('\n')[23] ?? ''),
		'j moves, status bar on the last line',
	);
	tmux('resize-window', '-t', 'x', '-x', '100', '-y', '30');
	await until(s => /│ Text/.test(s.split('\n')[0] ?? '') && /Chongqing · 2012/.test(s.split('\n')[29] ?? ''), 'three panes at 100×30');
	const shell = tmux('display-message', '-p', '-t', 'x', '#{pane_pid}').stdout.trim();
	const node = spawnSync('pgrep', ['-P', shell], {encoding: 'utf8'}).stdout.trim().split('\n')[0]!;
	assert.match(node, /^\d+$/);
	process.kill(Number(node), 'SIGINT');
	const screen = await until(s => s.includes('exit='), 'the exit');
	assert.equal(screen.trim(), 'exit=130', 'the normal screen holds only what the shell printed');
	assert.equal(tmux('display-message', '-p', '-t', 'x', '#{alternate_on}').stdout.trim(), '0');
	assert.ok(!alive(Number(node)), 'no process left behind');
	assert.equal(readFileSync(join(dir, 'stderr'), 'utf8'), '');
});

test('inside tmux, started by a parent (as npm start does) from an interactive shell: Ctrl-Z stops the job, fg brings it back', {
	skip: (!built && 'dist/ not built') || (!hasTmux && 'tmux not installed'),
	timeout: 60000,
}, async t => {
	const {tmux, until} = ownTmux(t, 'j', 'bash --norc --noprofile');
	// A parent shell between the job's shell and pa-tui, as npm's is.
	tmux('send-keys', '-t', 'j', `cd '${root}' && LANG=C.UTF-8 sh -c "'${process.execPath}' bin/pa-tui; echo exit=\\$?"`, 'Enter');
	await until(s => s.includes('Regions (29)') && /› Anhui/.test(s), 'the explorer', 20000);
	tmux('send-keys', '-t', 'j', 'j');
	await until(s => /› Chongqing/.test(s), 'j');
	tmux('send-keys', '-t', 'j', 'C-z');
	await until(s => /Stopped/.test(s), 'the shell reports the job stopped');
	assert.equal(tmux('display-message', '-p', '-t', 'j', '#{alternate_on}').stdout.trim(), '0', 'the normal screen is back');
	tmux('send-keys', '-t', 'j', 'fg', 'Enter');
	await until(s => /› Chongqing/.test(s) && s.includes('Regions (29)'), 'fg: the explorer repainted where it was');
	tmux('send-keys', '-t', 'j', 'j');
	await until(s => /› Fujian/.test(s), 'keys answered after fg');
	tmux('send-keys', '-t', 'j', 'q');
	await until(s => s.includes('exit=0'), 'the exit');
});
