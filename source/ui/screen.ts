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

/** Lines seen lately and their cells: a line that changed is usually compared again next frame. */
const cellCache = new Map<string, StyledChar[]>();
const CELL_CACHE_LIMIT = 400;

/** A line of text with SGR codes as grid cells, as Ink lays them out: a wide character's second cell holds ''. */
function cellsOf(line: string): StyledChar[] {
	const cached = cellCache.get(line);
	if (cached) return cached;
	if (cellCache.size >= CELL_CACHE_LIMIT) cellCache.clear();
	const cells: StyledChar[] = [];
	cellCache.set(line, cells);
	for (const char of styledCharsFromTokens(tokenize(line))) {
		cells.push(char);
		if (char.fullWidth) cells.push({...char, value: '', fullWidth: false});
	}
	return cells;
}

/**
 * The bytes that turn one screen line into another: only the cells from the first that differs
 * to the last that differs, so moving a selection rewrites two short runs, not two whole lines.
 */
export function paintLine(row: number, previous: string, next: string): string {
	if (previous === next) return '';
	const pen = new Pen();
	const out = paintGridRow(row, cellsOf(previous), cellsOf(next), false, pen);
	return out + pen.reset();
}

/**
 * A frame as cells, one styled character per cell (a wide character's second cell holds ''),
 * as Ink's output stage lays them out (frame.ts builds them).
 */
export type Grid = ReadonlyArray<ReadonlyArray<StyledChar | undefined>>;

const NO_STYLES: StyledChar['styles'] = [];
const BLANK_CHAR: StyledChar = {type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES};
const styleKeys = new WeakMap<object, string>();

function styleKey(char: StyledChar): string {
	const styles = char.styles;
	if (styles.length === 0) return '';
	let key = styleKeys.get(styles);
	if (key === undefined) {
		// Sorted: the same styles opened in another order look the same (the first frame is not Ink's).
		key = styles
			.map(code => code.code)
			.sort()
			.join('');
		styleKeys.set(styles, key);
	}
	return key;
}

function sameChar(a: StyledChar | undefined, b: StyledChar | undefined): boolean {
	if (a === b) return true;
	const x = a ?? BLANK_CHAR;
	const y = b ?? BLANK_CHAR;
	return x.value === y.value && styleKey(x) === styleKey(y);
}

const isBlank = (char: StyledChar | undefined) => char === undefined || (char.value === ' ' && char.styles.length === 0);

const SGR = /^\x1b\[([\d;]*)m$/;
const sgrParams = new WeakMap<object, string | null>();

/** A style's SGR parameters as one list ("46;30"), or null when it holds something other than SGR. */
function paramsOf(char: StyledChar): string | null {
	const styles = char.styles;
	if (styles.length === 0) return '';
	let params = sgrParams.get(styles);
	if (params === undefined) {
		const parts = styles.map(code => SGR.exec(code.code)?.[1]);
		params = parts.every(part => part !== undefined && part !== '' && part !== '0') ? parts.join(';') : null;
		sgrParams.set(styles, params);
	}
	return params;
}

/** Below this many plain blanks, writing them is as short as erasing them and moving over. */
const ERASE_RUN = 11;

/** The terminal's SGR state while one update is written: a style is sent only when it changes. */
class Pen {
	private current = '';

	/** The bytes that switch to a style given as SGR parameters ('' is the default style). */
	to(params: string): string {
		if (params === this.current) return '';
		// Reset and set: never needs to know what to switch off.
		const out = params === '' ? '\x1b[m' : this.current === '' ? `\x1b[${params}m` : `\x1b[0;${params}m`;
		this.current = params;
		return out;
	}

	reset(): string {
		return this.to('');
	}
}

/**
 * Characters as terminal bytes, with as few bytes as a slow link deserves: SGR only where the
 * style changes, and a long run of unstyled blanks erased in place (ECH) and stepped over (CUF)
 * instead of written.
 */
function charsText(chars: ReadonlyArray<StyledChar | undefined>, ascii: boolean, pen: Pen): string {
	const present = chars.filter((char): char is StyledChar => char !== undefined);
	if (present.some(char => paramsOf(char) === null)) {
		// A code we do not take apart (a hyperlink): the tokenizer's own writer knows it.
		const text = `${pen.reset()}${styledCharsToString(present)}\x1b[0m`;
		return ascii ? asciiFallback(text) : text;
	}
	let out = '';
	for (let i = 0; i < present.length; i++) {
		const char = present[i]!;
		if (char.value === '') continue;
		if (isBlank(char)) {
			let run = 1;
			while (i + run < present.length && isBlank(present[i + run])) run++;
			if (run >= ERASE_RUN) {
				// ECH erases with the current background: the default one.
				out += `${pen.reset()}\x1b[${run}X\x1b[${run}C`;
				i += run - 1;
				continue;
			}
		}
		out += pen.to(paramsOf(char)!) + char.value;
	}
	return ascii ? asciiFallback(out) : out;
}

/** One grid row against the row painted before: the run from the first to the last changed cell. */
function paintGridRow(row: number, before: ReadonlyArray<StyledChar | undefined>, after: ReadonlyArray<StyledChar | undefined>, ascii: boolean, pen: Pen): string {
	const span = Math.max(before.length, after.length);
	let first = 0;
	while (first < span && sameChar(before[first], after[first])) first++;
	if (first === span) return '';
	let last = span - 1;
	while (last > first && sameChar(before[last], after[last])) last--;
	// Never start or stop inside a wide character.
	while (first > 0 && (after[first]?.value === '' || before[first]?.value === '')) first--;
	while (last + 1 < span && (after[last + 1]?.value === '' || before[last + 1]?.value === '')) last++;
	// Blanks up to the end of the row are erased, not written (the row is the screen's whole width).
	let end = after.length;
	while (end > first && isBlank(after[end - 1])) end--;
	const erase = last + 1 > end;
	let out = first === 0 ? `\x1b[${row}H` : `\x1b[${row};${first + 1}H`;
	const through = erase ? end : last + 1;
	if (through > first) out += charsText(after.slice(first, through), ascii, pen);
	if (erase) out += `${pen.reset()}\x1b[K`;
	return out;
}

/** The bytes that turn the `previous` grid into `next` (1-based rows, absolute); a whole paint without `previous`. */
export function paintGrid(previous: Grid | undefined, next: Grid, rows: number, ascii = false): string {
	let out = previous ? '' : '\x1b[H\x1b[2J';
	const pen = new Pen();
	const count = Math.min(rows, Math.max(next.length, previous?.length ?? 0));
	let wroteRow = -2;
	for (let i = 0; i < count; i++) {
		const after = next[i] ?? [];
		if (previous) {
			let bytes = paintGridRow(i + 1, previous[i] ?? [], after, ascii, pen);
			if (bytes === '') continue;
			// Writing never leaves the row (autowrap is off): the next row's start is one line down.
			if (wroteRow === i - 1 && bytes.startsWith(`\x1b[${i + 1}H`)) bytes = `\x1b[E${bytes.slice(`\x1b[${i + 1}H`.length)}`;
			out += bytes;
			wroteRow = i;
			continue;
		}
		let end = after.length;
		while (end > 0 && isBlank(after[end - 1])) end--;
		if (end > 0) out += `\x1b[${i + 1}H${charsText(after.slice(0, end), ascii, pen)}`;
	}
	return out + pen.reset();
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
	private previousGrid: Grid | undefined;
	private inkIgnored = false;
	private size = '';
	private closed = false;
	private readonly onResize = () => {
		this.previous = undefined;
		this.previousGrid = undefined;
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

	/** The app paints its own frames (paintGrid); what Ink writes is ignored. */
	ignoreInk(): void {
		this.inkIgnored = true;
	}

	write(data: string | Uint8Array, callback?: (() => void) | string, more?: () => void): boolean {
		const done = typeof callback === 'function' ? callback : more;
		if (!this.closed && !this.inkIgnored) {
			const frame = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
			// Ink writes '' as a barrier on unmount; nothing to paint.
			if (frame !== '') this.paint(frame);
		}
		if (done) queueMicrotask(done);
		return true;
	}

	private sizeChanged(): boolean {
		const size = `${this.columns}x${this.rows}`;
		if (size === this.size) return false;
		this.size = size;
		return true;
	}

	/** Paint a grid of cells (Ink's, or the first frame's); later frames are diffed against it. */
	paintGrid(grid: Grid): void {
		if (this.closed) return;
		if (this.sizeChanged()) this.previousGrid = undefined;
		this.previous = undefined;
		const bytes = paintGrid(this.previousGrid, grid, this.rows, this.options.ascii);
		// As in paint(): a frame wider or taller than the terminal leaves the screen unknown.
		const fits = grid.length <= this.rows && grid.every(row => row.length <= this.columns);
		this.previousGrid = fits ? grid : undefined;
		if (bytes !== '') this.terminal.write(SYNC_START + bytes + SYNC_END);
	}

	private paint(frame: string): void {
		if (this.sizeChanged()) this.previous = undefined;
		this.previousGrid = undefined;
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
