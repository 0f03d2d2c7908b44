// The real program in a pseudo-terminal: bin/pa-tui (the built bundle) under node-pty, its
// output fed to a headless xterm, assertions on the screen a person would see.
// Needs dist/ (npm test builds it first; otherwise run npm run build).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {built, launch} from './helpers/pty.ts';

const KEY = {down: '\u001B[B', enter: '\r', escape: '\u001B', tab: '\t'};

/** The explorer at a size, the environment of the test run less CI and NO_COLOR (set per test). */
function launchAt(columns: number, rows: number, env: Record<string, string> = {}) {
	const ui = launch({columns, rows, env: {CI: undefined, NO_COLOR: undefined, ...env}});
	return {
		...ui,
		get exited(): Promise<number> {
			return ui.exit().then(e => e.exitCode);
		},
	};
}

test('explorer at 80×24: move, open, search with a typo, funds, help, resize, quit', {
	skip: !built && 'dist/ not built (npm run build)',
	timeout: 40000,
}, async t => {
	const ui = launchAt(80, 24);
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
	assert.match(screen.split('\n')[23]!, /Chongqing · 2012 · Overview\s+2\/29/, 'the status bar is the last row');

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
	const status = screen.split('\n')[23]!;
	assert.match(status, /Relocation/, 'the status bar names the section opened');

	ui.press('f');
	screen = await ui.until(s => s.includes('Funds ·'), 'the funds table');
	assert.match(screen.split('\n')[22]!, /\S/, 'the panes reach down to the status bar');
	assert.match(screen, /M yuan/);
	ui.press('s');
	await ui.until(s => s.includes('by amount'), 'sorted by amount');

	ui.press('?');
	screen = await ui.until(s => s.includes(' Keys'), 'help');
	assert.match(screen, /quit/);
	ui.press(KEY.escape);
	await ui.until(s => s.includes('Funds ·'), 'help closed, back to the funds');

	ui.resize(120, 40);
	// With the focus on it, the funds table takes the width it needs; the other panes give way.
	screen = await ui.until(
		s => s.includes('Funds ·') && /M yuan\s+Label\s+Change\s+Section/.test(s) && /·/.test(s.split('\n')[39]!),
		'the funds table at 120×40, the status bar on the new last line',
	);
	assert.ok(!screen.split('\n')[23]!.includes('Chongqing · 2012'), 'the old status bar row is painted over');
	ui.resize(30, 8);
	await ui.until(s => s.includes('too small'), 'the too-small notice');
	ui.resize(80, 24);
	await ui.until(s => s.includes('Funds ·') && !s.includes('too small'), 'recovered at 80×24');

	ui.press('q');
	const code = await ui.exited;
	assert.equal(code, 0);
	assert.ok(
		ui.output().endsWith('\u001B[?1049l\u001B[?25h'),
		`ends by leaving the alternate screen and showing the cursor: ${JSON.stringify(ui.output().slice(-40))}`,
	);
	await ui.until(() => true, 'the last output parsed');
	assert.equal(ui.term.buffer.active.type, 'normal');
});

test('explorer at 120×40: three panes, Ctrl-C restores the terminal', {
	skip: !built && 'dist/ not built (npm run build)',
	timeout: 40000,
}, async t => {
	const ui = launchAt(120, 40, {NO_COLOR: '1'});
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
	ui.press(']');
	screen = await ui.until(s => s.includes('Liaoning [2009] 2012'), ']: 2009');
	assert.match(screen, /▸ Liaoning-Qinghai/);
	assert.ok(!ui.output().includes('\u001B[33m'), 'NO_COLOR: no colour codes');
	ui.press('\u0003');
	assert.equal(await ui.exited, 0);
	assert.ok(ui.output().endsWith('\u001B[?1049l\u001B[?25h'));
});

test('SIGTERM and SIGHUP restore the terminal too', {skip: !built && 'dist/ not built (npm run build)', timeout: 40000}, async t => {
	for (const [signal, code] of [
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const) {
		const ui = launchAt(80, 24);
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
