// Which cells a key press changed: the session's output replayed through a headless terminal
// (xterm, as in the tests) after the key run, so that parsing never competes with the timings.
// A cell changed when its character, width, colours or any of bold, inverse, underline, dim did.

import xterm from '@xterm/headless';
import type {KeySamples} from './keys.ts';

type Terminal = InstanceType<typeof xterm.Terminal>;

/** A typical absolute cursor move, ESC [ rr ; cc H: what reaching one run of changed cells costs. */
export const MOVE_BYTES = 8;

/** The bytes a key press may write: 2 × (changed cells + one cursor move per run of them). */
export const allowance = (cells: number, runs: number) => 2 * (cells + MOVE_BYTES * runs);

export interface CellChange {
	cells: number;
	/** Maximal horizontal stretches of changed cells within a row. */
	runs: number;
}

const write = (term: Terminal, data: string) => (data === '' ? Promise.resolve() : new Promise<void>(resolve => term.write(data, resolve)));

/** Every cell of the screen as a string of what a person sees in it. */
function snapshot(term: Terminal): string[][] {
	const buffer = term.buffer.active;
	const cell = buffer.getNullCell();
	const rows: string[][] = [];
	for (let y = 0; y < term.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const row: string[] = [];
		for (let x = 0; x < term.cols; x++) {
			if (!line?.getCell(x, cell)) {
				row.push('');
				continue;
			}
			// A cell never written and a space written look the same.
			const flags = `${cell.isBold() ? 'b' : ''}${cell.isInverse() ? 'i' : ''}${cell.isUnderline() ? 'u' : ''}${cell.isDim() ? 'd' : ''}`;
			row.push(
				`${cell.getChars() || ' '}\t${cell.getWidth()}\t${cell.getFgColorMode()}:${cell.getFgColor()}\t${cell.getBgColorMode()}:${cell.getBgColor()}\t${flags}`,
			);
		}
		rows.push(row);
	}
	return rows;
}

export function compare(before: string[][], after: string[][]): CellChange {
	let cells = 0;
	let runs = 0;
	after.forEach((row, y) => {
		let inRun = false;
		row.forEach((cell, x) => {
			const changed = cell !== before[y]?.[x];
			if (changed) cells++;
			if (changed && !inRun) runs++;
			inRun = changed;
		});
	});
	return {cells, runs};
}

/**
 * Replay `transcript` (everything the program wrote since spawn) at the session's size and count,
 * for each span, the cells that differ between the screen at its start and at its end.
 */
export async function changedCells(
	transcript: string,
	spans: ReadonlyArray<[number, number]>,
	cols: number,
	rows: number,
): Promise<CellChange[]> {
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	const changes: CellChange[] = [];
	try {
		let at = 0;
		for (const [from, to] of spans) {
			await write(term, transcript.slice(at, from));
			const before = snapshot(term);
			await write(term, transcript.slice(from, to));
			changes.push(compare(before, snapshot(term)));
			at = to;
		}
	} finally {
		term.dispose();
	}
	return changes;
}

/** Add the cells and runs of every counted press to `samples`, from its session's transcript. */
export async function addCells(samples: KeySamples, transcript: string, cols: number, rows: number): Promise<void> {
	if (!transcript) return;
	const changes = await changedCells(transcript, samples.spans, cols, rows);
	samples.cells = changes.map(c => c.cells);
	samples.runs = changes.map(c => c.runs);
}

/** Per press: bytes written ÷ allowance (at least 1 byte, so a press that changed nothing stays finite). */
export function allowanceRatios(samples: KeySamples): {allowed: number[]; ratios: number[]} | undefined {
	const {cells, runs} = samples;
	if (!cells || !runs) return undefined;
	const allowed = cells.map((n, i) => allowance(n, runs[i]!));
	return {allowed, ratios: samples.bytes.map((b, i) => b / Math.max(1, allowed[i]!))};
}
