// The first frame is painted before Ink has loaded (source/ui/shell.ts). What a user must never
// notice: that frame differs from the one the explorer draws for the same state, or a key typed
// while Ink loads is lost.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {built, launch} from './helpers/pty.ts';

const skip = !built && 'dist/ not built (npm run build)';
const SYNC_END = '\u001B[?2026l';
const DOWN = ['\u001B[B', '\u001BOB'];

type Ui = ReturnType<typeof launch>;

/** Every cell as a person sees it: character, colours, bold, dim, inverse, underline. */
function cellsSeen(ui: Ui): string[] {
	const buffer = ui.term.buffer.active;
	const rows: string[] = [];
	for (let y = 0; y < ui.term.rows; y++) {
		const line = buffer.getLine(y)!;
		let row = '';
		for (let x = 0; x < ui.term.cols; x++) {
			const cell = line.getCell(x)!;
			if (cell.getWidth() === 0) continue;
			row += `${cell.getChars() || ' '}${cell.getFgColor()}/${cell.getBgColor()}${cell.isBold() ? 'B' : ''}${cell.isDim() ? 'D' : ''}${cell.isInverse() ? 'I' : ''}${cell.isUnderline() ? 'U' : ''}|`;
		}
		rows.push(row);
	}
	return rows;
}

async function until(ok: () => boolean, what: string, ui: Ui, ms = 15000): Promise<void> {
	const end = Date.now() + ms;
	while (!ok()) {
		if (Date.now() > end) assert.fail(`timed out waiting for ${what}; screen:\n${ui.screen()}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
	await ui.settled();
}

const arrow = (ui: Ui, down: boolean) =>
	ui.output().includes('\u001B[?1h') ? (down ? '\u001BOB' : '\u001BOA') : down ? '\u001B[B' : '\u001B[A';

const CASES = [
	{columns: 120, rows: 40, env: {}},
	{columns: 80, rows: 24, env: {}},
	{columns: 64, rows: 16, env: {NO_COLOR: '1'}},
	{columns: 45, rows: 12, env: {LANG: 'C'}},
];

for (const {columns, rows, env} of CASES) {
	test(`${columns}×${rows}${Object.keys(env).length ? ` ${JSON.stringify(env)}` : ''}: the first frame is the explorer's own, cell for cell`, {
		skip,
		timeout: 40000,
	}, async t => {
		const ui = launch({columns, rows, env});
		t.after(ui.dispose);
		await until(() => ui.output().includes(SYNC_END), 'the first frame', ui);
		const first = cellsSeen(ui);
		assert.ok(ui.screen().includes('Regions (29)'), ui.screen());
		// Once Ink runs, ↓ then ↑ makes it draw the starting state itself.
		ui.press(arrow(ui, true));
		await until(
			() =>
				ui
					.screen()
					.split('\n')
					.some(line => /[›>] Chongqing/.test(line)),
			'↓ handled',
			ui,
		);
		ui.press(arrow(ui, false));
		await until(() => cellsSeen(ui).join('\n') === first.join('\n') || ui.output().endsWith(SYNC_END), '↑ handled', ui);
		await new Promise(resolve => setTimeout(resolve, 300));
		await ui.settled();
		assert.deepEqual(cellsSeen(ui), first, `the explorer's frame differs from the first one:\n${ui.screen()}`);
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
	});
}

test('keys typed before the explorer is ready are handled, in order', {skip, timeout: 40000}, async t => {
	const ui = launch({columns: 120, rows: 40});
	t.after(ui.dispose);
	await until(() => ui.output().includes(SYNC_END), 'the first frame', ui);
	// Both arrow forms: the program may not have asked for application mode yet.
	ui.press(`${DOWN[0]}${DOWN[0]}`);
	await until(() => /› Fujian/.test(ui.screen()), 'two ↓ typed at once: the third region', ui);
	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
});
