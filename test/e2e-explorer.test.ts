// The real program in a pseudo-terminal: bin/pa-tui (the built bundle) under node-pty, its
// output fed to a headless xterm, assertions on the screen a person would see.
// Needs dist/ (npm test builds it first; otherwise run npm run build).

import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import {binary, root} from './helpers/corpus.ts';

const {Terminal} = xterm;

const KEY = {down: '\u001B[B', enter: '\r', escape: '\u001B', tab: '\t'};

function launch(columns: number, rows: number, env: Record<string, string> = {}) {
	const term = new Terminal({cols: columns, rows, allowProposedApi: true});
	const cleanEnv: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && k !== 'NO_COLOR') cleanEnv[k] = v;
	const child = pty.spawn(process.execPath, [binary], {name: 'xterm-256color', cols: columns, rows, cwd: root, env: {...cleanEnv, TERM: 'xterm-256color', ...env}});
	let output = '';
	let pending = 0;
	child.onData(data => {
		output += data;
		pending++;
		term.write(data, () => pending--);
	});
	const exited = new Promise<number>(resolve => child.onExit(e => resolve(e.exitCode)));
	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < term.rows; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	const until = async (ok: (screen: string) => boolean, what: string, ms = 5000) => {
		const end = Date.now() + ms;
		for (;;) {
			// Every frame is written as one synchronized update: read the screen between frames only.
			const whole = output.endsWith('\u001B[?2026l') || output.endsWith('\u001B[?25h');
			if (pending === 0 && whole && ok(screen())) return screen();
			if (Date.now() > end) assert.fail(`timed out waiting for ${what}; screen:\n${screen()}`);
			await new Promise(r => setTimeout(r, 10));
		}
	};
	const press = (keys: string) => child.write(keys);
	const resize = (c: number, r: number) => {
		child.resize(c, r);
		term.resize(c, r);
	};
	return {term, child, screen, until, press, resize, exited, output: () => output};
}

const built = existsSync(new URL('../dist/cli.js', import.meta.url));

test('explorer at 80×24: move, open, search with a typo, funds, help, resize, quit', {skip: !built && 'dist/ not built (npm run build)', timeout: 40000}, async t => {
	const ui = launch(80, 24);
	t.after(() => {
		try {
			ui.child.kill();
		} catch {
			// Already gone.
		}
	});
	let screen = await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	assert.match(screen, /› Anhui\s+2012/);
	assert.equal(ui.term.buffer.active.type, 'alternate', 'runs in the alternate screen');
	assert.ok(ui.output().includes('\u001B[?1049h'));

	ui.press('j');
	screen = await ui.until(s => /› Chongqing/.test(s), 'j moves to Chongqing');
	assert.match(screen.split('\n')[22]!, /Chongqing · 2012 · Overview\s+2\/29/);

	ui.press(KEY.enter);
	await ui.until(s => /Chongqing 2012/.test(s.split('\n')[0]!), 'Enter: the sections of Chongqing');
	ui.press(KEY.enter);
	screen = await ui.until(s => /│ Text/.test(s) && s.includes('Chongqing · 2012 · Poverty Alleviation'), 'Enter: the text');
	assert.ok(!screen.includes('Regions (29)'), 'at 80 columns the text takes the place of the regions');

	ui.press('/');
	await ui.until(s => s.includes('Search headings:'), 'the search box');
	ui.press('relocaton');
	screen = await ui.until(s => s.includes('relocaton█') && /\d+ results/.test(s), 'typo-tolerant results');
	assert.match(screen, /Poverty Alleviation by Relocation\s+\S+/);
	ui.press(KEY.enter);
	screen = await ui.until(s => !s.includes('Search headings') && /│ Text/.test(s), 'the result opened');
	const status = screen.split('\n')[22]!;
	assert.match(status, /Relocation/, 'the status bar names the section opened');

	ui.press('f');
	screen = await ui.until(s => s.includes('Funds ·'), 'the funds table');
	assert.equal(screen.split('\n')[23], '', 'frames are at most rows - 1 lines: the last row stays empty');
	assert.match(screen, /M yuan/);
	ui.press('s');
	await ui.until(s => s.includes('by amount'), 'sorted by amount');

	ui.press('?');
	screen = await ui.until(s => s.includes(' Keys'), 'help');
	assert.match(screen, /quit/);
	ui.press(KEY.escape);
	await ui.until(s => s.includes('Funds ·'), 'help closed, back to the funds');

	ui.resize(120, 40);
	screen = await ui.until(s => s.includes('Regions (29)') && s.includes('Funds ·') && s.split('\n').length === 40, 'three panes at 120×40');
	assert.match(screen.split('\n')[38]!, /·/, 'the status bar moved to the new last line but one');
	ui.resize(30, 8);
	await ui.until(s => s.includes('too small'), 'the too-small notice');
	ui.resize(80, 24);
	await ui.until(s => s.includes('Funds ·') && !s.includes('too small'), 'recovered at 80×24');

	ui.press('q');
	const code = await ui.exited;
	assert.equal(code, 0);
	assert.ok(ui.output().endsWith('\u001B[?1049l\u001B[?25h'), `ends by leaving the alternate screen and showing the cursor: ${JSON.stringify(ui.output().slice(-40))}`);
	await ui.until(() => true, 'the last output parsed');
	assert.equal(ui.term.buffer.active.type, 'normal');
});

test('explorer at 120×40: three panes, Ctrl-C restores the terminal', {skip: !built && 'dist/ not built (npm run build)', timeout: 40000}, async t => {
	const ui = launch(120, 40, {NO_COLOR: '1'});
	t.after(() => {
		try {
			ui.child.kill();
		} catch {
			// Already gone.
		}
	});
	let screen = await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	assert.match(screen, /│ Anhui 2012/);
	assert.match(screen, /│ Text/);
	for (const line of screen.split('\n')) assert.ok(line.length <= 120);
	ui.press('L');
	screen = await ui.until(s => /› Liaoning/.test(s), 'type-ahead to Liaoning');
	ui.press('y');
	screen = await ui.until(s => s.includes('Liaoning [2009] 2012'), 'y: 2009');
	assert.match(screen, /▸ Liaoning-Qinghai/);
	assert.ok(!ui.output().includes('\u001B[33m'), 'NO_COLOR: no colour codes');
	ui.press('\u0003');
	assert.equal(await ui.exited, 0);
	assert.ok(ui.output().endsWith('\u001B[?1049l\u001B[?25h'));
});

test('SIGTERM and SIGHUP restore the terminal too', {skip: !built && 'dist/ not built (npm run build)', timeout: 40000}, async t => {
	for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
		const ui = launch(80, 24);
		t.after(() => {
			try {
				ui.child.kill();
			} catch {
				// Already gone.
			}
		});
		await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
		ui.child.kill(signal);
		assert.equal(await ui.exited, code, `${signal} exit code`);
		assert.ok(ui.output().endsWith('\u001B[?1049l\u001B[?25h'), `${signal}: the terminal is restored`);
	}
});
