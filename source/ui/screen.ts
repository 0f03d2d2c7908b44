// The output layer. Ink renders each frame into a FrameStream (Ink's debug mode: the whole
// frame as one string per render, no log-update); we repaint only the cells that changed,
// at absolute positions, inside a synchronized update. This sidesteps Ink 6.8's
// incremental renderer, which drifts a line when the frame is shorter than the terminal
// (design.md), and never scrolls: the alternate screen runs with autowrap off.

import {EventEmitter} from 'node:events';
import {styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';
import {asciiFallback} from './theme.ts';

export const ENTER = '\x1b[?1049h\x1b[?7l\x1b[?25l\x1b[H\x1b[2J';
/**
 * Leaving ends with the alternate-screen leave and cursor show, whatever state we were in. The
 * alternate screen is cleared first: tmux, resized while in it, can carry some of its lines over
 * to the normal screen (seen after SIGINT); cleared, what it carries is blank.
 */
export const LEAVE = '\x1b[?2026l\x1b[0m\x1b[H\x1b[2J\x1b[?7h\x1b[?1049l\x1b[?25h';
const SYNC_START = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

export interface Terminal {
	write(data: string): unknown;
	columns?: number;
	rows?: number;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
}

interface Cell {
	/** The character, or '' for the second column of a wide character. */
	value: string;
	/** Its SGR codes, as one comparable key. */
	style: string;
	char: StyledChar | undefined;
}

const BLANK: Cell = {value: ' ', style: '', char: undefined};

/** Lines seen lately and their cells: a line that changed is usually compared again next frame. */
const cellCache = new Map<string, Cell[]>();
const CELL_CACHE_LIMIT = 400;

/** A line of Ink output as terminal cells, a wide character taking two. */
function cellsOf(line: string): Cell[] {
	const cached = cellCache.get(line);
	if (cached) return cached;
	if (cellCache.size >= CELL_CACHE_LIMIT) cellCache.clear();
	const cells: Cell[] = [];
	cellCache.set(line, cells);
	for (const char of styledCharsFromTokens(tokenize(line))) {
		const style = char.styles.map(code => code.code).join('');
		cells.push({value: char.value, style, char});
		if (char.fullWidth) cells.push({value: '', style, char: undefined});
	}
	return cells;
}

function sameCell(a: Cell, b: Cell): boolean {
	return a.value === b.value && a.style === b.style;
}

/**
 * The bytes that turn one screen line into another: only the cells from the first that differs
 * to the last that differs, so moving a selection rewrites two short runs, not two whole lines.
 */
export function paintLine(row: number, previous: string, next: string): string {
	if (previous === next) return '';
	const before = cellsOf(previous);
	const after = cellsOf(next);
	const span = Math.max(before.length, after.length);
	let first = 0;
	while (first < span && sameCell(before[first] ?? BLANK, after[first] ?? BLANK)) first++;
	if (first === span) return '';
	let last = span - 1;
	while (last > first && sameCell(before[last] ?? BLANK, after[last] ?? BLANK)) last--;
	// Never start or stop inside a wide character.
	while (first > 0 && (after[first]?.value === '' || before[first]?.value === '')) first--;
	while (last + 1 < span && (after[last + 1]?.value === '' || before[last + 1]?.value === '')) last++;
	let out = `\x1b[${row};${first + 1}H`;
	const written = after.slice(first, Math.min(last + 1, after.length)).flatMap(cell => (cell.char ? [cell.char] : []));
	if (written.length > 0) out += `${styledCharsToString(written)}\x1b[0m`;
	// What the new line no longer covers is erased to the end of the line.
	if (last + 1 > after.length) out += '\x1b[0m\x1b[K';
	return out;
}

/** The bytes that turn the `previous` screen lines into `next` (1-based rows, absolute). */
export function paintLines(previous: string[] | undefined, next: string[], rows: number): string {
	let out = '';
	if (!previous) out += '\x1b[H\x1b[2J';
	const count = Math.min(rows, Math.max(next.length, previous?.length ?? 0));
	for (let i = 0; i < count; i++) {
		const line = next[i] ?? '';
		if (!previous) {
			if (line !== '') out += `\x1b[${i + 1};1H${line}\x1b[0m`;
			continue;
		}
		out += paintLine(i + 1, previous[i] ?? '', line);
	}
	return out;
}

export class FrameStream extends EventEmitter {
	readonly isTTY = true;
	private previous: string[] | undefined;
	private size = '';
	private closed = false;
	private readonly onResize = () => {
		this.previous = undefined;
		this.emit('resize');
	};

	/** `ascii`: no UTF-8 locale; borders, markers and arrows are drawn in ASCII. */
	constructor(
		private readonly terminal: Terminal,
		private readonly options: {ascii?: boolean} = {},
	) {
		super();
		terminal.on('resize', this.onResize);
	}

	get columns(): number {
		return this.terminal.columns || 80;
	}

	get rows(): number {
		return this.terminal.rows || 24;
	}

	write(data: string | Uint8Array, callback?: (() => void) | string, more?: () => void): boolean {
		const done = typeof callback === 'function' ? callback : more;
		if (!this.closed) {
			const frame = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
			// Ink writes '' as a barrier on unmount; nothing to paint.
			if (frame !== '') this.paint(frame);
		}
		if (done) queueMicrotask(done);
		return true;
	}

	private paint(frame: string): void {
		const size = `${this.columns}x${this.rows}`;
		if (size !== this.size) {
			this.size = size;
			this.previous = undefined;
		}
		const next = (this.options.ascii ? asciiFallback(frame) : frame).split('\n');
		const bytes = paintLines(this.previous, next, this.rows);
		// Right after a resize Ink may hand us one frame laid out for the old size. Where it was
		// wider than the terminal, the last column holds whatever was written last, not what
		// `next` says is there: the screen is unknown, and the next frame repaints it whole.
		const fits = next.length <= this.rows && next.every(line => cellsOf(line).length <= this.columns);
		this.previous = fits ? next : undefined;
		if (bytes !== '') this.terminal.write(SYNC_START + bytes + SYNC_END);
	}

	/** Stop painting; later frames are dropped. */
	close(): void {
		this.closed = true;
		this.terminal.off('resize', this.onResize);
	}
}
