// The output layer's promise: painting only the changed cells leaves the terminal showing
// exactly what a full repaint of the new frame would, for any pair of frames.

import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import xterm from '@xterm/headless';
import {paintLines} from '../source/ui/screen.ts';

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
			text += `${cell.getChars() || ' '}${cell.isBold() ? 'B' : ''}${cell.isInverse() ? 'I' : ''}${cell.isUnderline() ? 'U' : ''}${cell.getFgColor()}|`;
		}
		lines.push(text);
	}
	terminal.dispose();
	return lines;
}

const STYLES = ['', '\x1b[1m', '\x1b[7m', '\x1b[4m', '\x1b[33m', '\x1b[1m\x1b[36m'];
const CLOSE: Record<string, string> = {'': '', '\x1b[1m': '\x1b[22m', '\x1b[7m': '\x1b[27m', '\x1b[4m': '\x1b[24m', '\x1b[33m': '\x1b[39m', '\x1b[1m\x1b[36m': '\x1b[39m\x1b[22m'};
const run = fc.record({style: fc.constantFrom(...STYLES), text: fc.array(fc.constantFrom('a', 'b', ' ', '›', '中', '…'), {maxLength: 8})});
const line = fc.array(run, {maxLength: 4}).map(runs => {
	let text = '';
	let width = 0;
	for (const r of runs) {
		let chunk = '';
		for (const ch of r.text) {
			const w = ch === '中' ? 2 : 1;
			if (width + w > COLUMNS) break;
			chunk += ch;
			width += w;
		}
		if (chunk) text += r.style + chunk + CLOSE[r.style];
	}
	return text;
});
const frame = fc.array(line, {minLength: 0, maxLength: ROWS - 1});

test('painting the difference shows the same screen as painting the new frame whole', async () => {
	await fc.assert(
		fc.asyncProperty(frame, frame, async (previous, next) => {
			const incremental = await screenAfter(paintLines(undefined, previous, ROWS), paintLines(previous, next, ROWS));
			const whole = await screenAfter(paintLines(undefined, next, ROWS));
			assert.deepEqual(incremental, whole);
		}),
		{numRuns: 300},
	);
});

test('moving a selection marker writes only the changed cells', () => {
	const before = ['› Anhui      2012', '  Chongqing  2012'];
	const after = ['  Anhui      2012', '› Chongqing  2012'];
	const bytes = paintLines(before, after, 24);
	assert.ok(Buffer.byteLength(bytes) < 30, `${JSON.stringify(bytes)} is ${Buffer.byteLength(bytes)} bytes`);
	assert.ok(!bytes.includes('Anhui'));
});
