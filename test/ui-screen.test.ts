// The output layer's promise: painting only the changed cells leaves the terminal showing
// exactly what a full repaint of the new frame would, for any pair of frames.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import xterm from '@xterm/headless';
import fc from 'fast-check';
import {paintGrid, Screen} from '../source/ui/terminal/screen.ts';
import {gridOf} from './helpers/grid.ts';

const COLUMNS = 30;
const ROWS = 6;

async function screenAfter(...writes: string[]): Promise<string[]> {
	const terminal = new xterm.Terminal({cols: COLUMNS, rows: ROWS, allowProposedApi: true});
	for (const data of ['\x1b[?7l', ...writes]) await new Promise<void>(resolve => terminal.write(data, resolve));
	const lines: string[] = [];
	const buffer = terminal.buffer.active;
	for (let y = 0; y < ROWS; y++) {
		const line = buffer.getLine(y)!;
		let text = '';
		for (let x = 0; x < COLUMNS; x++) {
			const cell = line.getCell(x)!;
			if (cell.getWidth() === 0) continue;
			// Character and the attributes a user sees: bold, inverse, underline, colour.
			text += `${cell.getChars() || ' '}${cell.isBold() ? 'B' : ''}${cell.isInverse() ? 'I' : ''}${cell.isUnderline() ? 'U' : ''}${cell.getFgColor()}/${cell.getBgColor()}|`;
		}
		lines.push(text);
	}
	terminal.dispose();
	return lines;
}

const STYLES = ['', '\x1b[1m', '\x1b[7m', '\x1b[4m', '\x1b[33m', '\x1b[1m\x1b[36m', '\x1b[46m\x1b[30m'];
const CLOSE: Record<string, string> = {
	'': '',
	'\x1b[1m': '\x1b[22m',
	'\x1b[7m': '\x1b[27m',
	'\x1b[4m': '\x1b[24m',
	'\x1b[33m': '\x1b[39m',
	'\x1b[1m\x1b[36m': '\x1b[39m\x1b[22m',
	'\x1b[46m\x1b[30m': '\x1b[39m\x1b[49m',
};
const run = fc.record({
	style: fc.constantFrom(...STYLES),
	text: fc.array(fc.constantFrom('a', 'b', ' ', '›', '中', '…', ' '.repeat(12)), {maxLength: 8}),
});
const line = fc.array(run, {maxLength: 4}).map(runs => {
	let text = '';
	let width = 0;
	for (const r of runs) {
		let chunk = '';
		for (const ch of r.text) {
			const w = ch === '中' ? 2 : ch.length;
			if (width + w > COLUMNS) break;
			chunk += ch;
			width += w;
		}
		if (chunk) text += r.style + chunk + CLOSE[r.style];
	}
	return text;
});
const frame = fc.array(line, {minLength: 0, maxLength: ROWS - 1});

test('painting the difference between two grids shows the same screen as painting the new grid whole', async () => {
	await fc.assert(
		fc.asyncProperty(frame, frame, async (previous, next) => {
			const before = gridOf(previous, COLUMNS);
			const after = gridOf(next, COLUMNS);
			const incremental = await screenAfter(paintGrid(undefined, before, ROWS), paintGrid(before, after, ROWS));
			const whole = await screenAfter(paintGrid(undefined, after, ROWS));
			assert.deepEqual(incremental, whole);
			// And the whole paint shows what the lines say, written as they are.
			assert.deepEqual(whole, await screenAfter(next.map((line, i) => `\x1b[${i + 1};1H${line}\x1b[0m`).join('')));
			// Rows of different lengths (a frame from before a resize) too.
			const ragged = await screenAfter(paintGrid(undefined, gridOf(previous), ROWS), paintGrid(gridOf(previous), gridOf(next), ROWS));
			assert.deepEqual(ragged, whole);
		}),
		{numRuns: 300},
	);
});

test('a stream of frames, the style carried from one update to the next, shows the last frame as painted whole', async () => {
	const step = fc.record({lines: frame, resizedBefore: fc.boolean()});
	await fc.assert(
		fc.asyncProperty(fc.array(step, {minLength: 1, maxLength: 4}), fc.boolean(), async (steps, ascii) => {
			let written = '';
			let onResize = () => {};
			const terminal = {
				columns: COLUMNS,
				rows: ROWS,
				write: (data: string) => (written += data),
				on: (_: 'resize', listener: () => void) => (onResize = listener),
				off: () => {},
			};
			const stream = new Screen(terminal, {ascii});
			for (const {lines, resizedBefore} of steps) {
				// A resize makes the next frame a whole repaint, whatever style the last one ended in.
				if (resizedBefore) onResize();
				stream.paint(gridOf(lines, COLUMNS));
			}
			stream.close();
			assert.deepEqual(
				await screenAfter(written),
				await screenAfter(paintGrid(undefined, gridOf(steps.at(-1)!.lines, COLUMNS), ROWS, ascii)),
			);
		}),
		{numRuns: 200},
	);
});

test('moving a highlighted row in a table writes fewer bytes than the two rows hold', () => {
	const bar = '\x1b[46m\x1b[30m';
	const close = '\x1b[39m\x1b[49m';
	const plainRow = (label: string, amount: string) => `  ${label.padEnd(30)}${amount.padStart(40)}`;
	const barRow = (label: string, amount: string) => `${bar}› ${label.padEnd(30)}${amount.padStart(40)}${close}`;
	const before = gridOf([barRow('amount', '1,117.00'), plainRow('from central government', '847.00')], 80);
	const after = gridOf([plainRow('amount', '1,117.00'), barRow('from central government', '847.00')], 80);
	const bytes = Buffer.byteLength(paintGrid(before, after, 24));
	// Two 80-cell rows; the selected one must be written whole, the other mostly erased over.
	assert.ok(bytes < 150, `${bytes} bytes`);
});

test('moving a selection marker writes only the changed cells', () => {
	const before = gridOf(['› Anhui      2012', '  Chongqing  2012'], 30);
	const after = gridOf(['  Anhui      2012', '› Chongqing  2012'], 30);
	const bytes = paintGrid(before, after, 24);
	assert.ok(Buffer.byteLength(bytes) < 30, `${JSON.stringify(bytes)} is ${Buffer.byteLength(bytes)} bytes`);
	assert.ok(!bytes.includes('Anhui'));
});
