// The diff writer. Each frame comes as a grid of cells (raster/); we repaint only the cells
// that changed, at absolute positions, inside a synchronized update, and never scroll: the
// alternate screen runs with autowrap off. Nothing on npm does this for a grid of our own
// cells (log-update and Ink's renderer rewrite whole lines).

import {EventEmitter} from 'node:events';
import ansiEscapes from 'ansi-escapes';
import {BLANK, type Cell, type Grid, type Row} from '../raster/raster.ts';
import {PLAIN, type StyleId, sgrParams} from '../raster/style.ts';
import {asciiFallback} from '../view/theme.ts';

const SYNC_START = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';
const AUTOWRAP_OFF = '\x1b[?7l';
const AUTOWRAP_ON = '\x1b[?7h';
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

/** Taking the screen: the alternate screen, no autowrap, no cursor, pastes bracketed, cleared. */
export const ENTER = `${ansiEscapes.enterAlternativeScreen}${AUTOWRAP_OFF}${ansiEscapes.cursorHide}${PASTE_ON}${ansiEscapes.cursorTo(0, 0)}${ansiEscapes.eraseScreen}`;
/**
 * Giving it back, whatever state it was left in. The alternate screen is cleared first: tmux,
 * resized while in it, can carry some of its lines over to the normal screen; cleared, what it
 * carries is blank.
 */
export const LEAVE = `${SYNC_END}\x1b[0m${PASTE_OFF}${ansiEscapes.cursorTo(0, 0)}${ansiEscapes.eraseScreen}${AUTOWRAP_ON}${ansiEscapes.exitAlternativeScreen}${ansiEscapes.cursorShow}`;

export interface Terminal {
	write(data: string): unknown;
	columns?: number;
	rows?: number;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
}

const sameCell = (a: Cell | undefined, b: Cell | undefined) =>
	a === b || ((a ?? BLANK).ch === (b ?? BLANK).ch && (a ?? BLANK).style === (b ?? BLANK).style);
const isBlank = (cell: Cell | undefined) => cell === undefined || (cell.ch === ' ' && cell.style === PLAIN);

/** Below this many plain blanks, writing them is as short as erasing them and moving over. */
const ERASE_RUN = 11;

/** The terminal's SGR state while updates are written: a style is sent only when it changes. */
export class Pen {
	private current: StyleId = PLAIN;

	/** The bytes that switch to a style. */
	to(style: StyleId): string {
		if (style === this.current) return '';
		const params = sgrParams(style);
		// Reset and set: never needs to know what to switch off.
		const out = params === '' ? '\x1b[m' : this.current === PLAIN ? `\x1b[${params}m` : `\x1b[0;${params}m`;
		this.current = style;
		return out;
	}

	reset(): string {
		return this.to(PLAIN);
	}

	/** The terminal's state is unknown (another program wrote to it): assume nothing. */
	forget(): void {
		this.current = -1;
	}
}

/**
 * Cells as terminal bytes, as few as a slow link deserves: SGR only where the style changes, a
 * long run of unstyled blanks erased in place (ECH) and stepped over (CUF) instead of written.
 */
function cellsText(cells: Row, ascii: boolean, pen: Pen): string {
	let out = '';
	for (let i = 0; i < cells.length; i++) {
		const cell = cells[i] ?? BLANK;
		if (cell.ch === '') continue;
		if (isBlank(cell)) {
			let run = 1;
			while (i + run < cells.length && isBlank(cells[i + run])) run++;
			if (run >= ERASE_RUN) {
				// ECH erases with the current background: the default one.
				out += `${pen.reset()}\x1b[${run}X\x1b[${run}C`;
				i += run - 1;
				continue;
			}
		}
		out += pen.to(cell.style) + cell.ch;
	}
	return ascii ? asciiFallback(out) : out;
}

/** One row against the row painted before: the run from the first to the last changed cell. */
function paintRow(row: number, before: Row, after: Row, ascii: boolean, pen: Pen): string {
	if (before === after) return '';
	const span = Math.max(before.length, after.length);
	let first = 0;
	while (first < span && sameCell(before[first], after[first])) first++;
	if (first === span) return '';
	let last = span - 1;
	while (last > first && sameCell(before[last], after[last])) last--;
	// Never start or stop inside a wide character.
	while (first > 0 && (after[first]?.ch === '' || before[first]?.ch === '')) first--;
	while (last + 1 < span && (after[last + 1]?.ch === '' || before[last + 1]?.ch === '')) last++;
	// Blanks up to the end of the row are erased, not written (the row is the screen's whole width).
	let end = after.length;
	while (end > first && isBlank(after[end - 1])) end--;
	const erase = last + 1 > end;
	let out = first === 0 ? `\x1b[${row}H` : `\x1b[${row};${first + 1}H`;
	const through = erase ? end : last + 1;
	if (through > first) out += cellsText(after.slice(first, through), ascii, pen);
	if (erase) out += `${pen.reset()}\x1b[K`;
	return out;
}

/**
 * The bytes that turn the `previous` grid into `next` (1-based rows, absolute); a whole paint
 * without `previous`. `kept`: the terminal's style, kept from one update to the next (an update
 * may end in the status bar's style); without it the update ends in the default style.
 */
export function paintGrid(previous: Grid | undefined, next: Grid, rows: number, ascii = false, kept?: Pen): string {
	const pen = kept ?? new Pen();
	// Clearing fills with the current background: the default one.
	let out = previous ? '' : `${pen.reset()}\x1b[H\x1b[2J`;
	const count = Math.min(rows, Math.max(next.length, previous?.length ?? 0));
	let wroteRow = -2;
	for (let i = 0; i < count; i++) {
		const after = next[i] ?? [];
		if (previous) {
			let bytes = paintRow(i + 1, previous[i] ?? [], after, ascii, pen);
			if (bytes === '') continue;
			// Writing never leaves the row (autowrap is off): the next row's start is one line down.
			if (wroteRow === i - 1 && bytes.startsWith(`\x1b[${i + 1}H`)) bytes = `\x1b[E${bytes.slice(`\x1b[${i + 1}H`.length)}`;
			out += bytes;
			wroteRow = i;
			continue;
		}
		let end = after.length;
		while (end > 0 && isBlank(after[end - 1])) end--;
		if (end > 0) out += `\x1b[${i + 1}H${cellsText(after.slice(0, end), ascii, pen)}`;
	}
	return kept ? out : out + pen.reset();
}

/** The screen as the explorer paints it: the terminal, the last grid painted, and the size. */
export class Screen extends EventEmitter {
	private previous: Grid | undefined;
	/** The style the terminal is left in by the last update: the next one starts from it. */
	private readonly pen = new Pen();
	private size = '';
	private closed = false;
	private readonly onResize = () => {
		this.previous = undefined;
		this.emit('resize');
	};

	/** `ascii`: no UTF-8 locale; borders, markers and arrows are drawn in ASCII. */
	constructor(
		private readonly terminal: Terminal,
		readonly options: {ascii?: boolean} = {},
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

	/** Paint a grid; the next one is diffed against it. */
	paint(grid: Grid): void {
		if (this.closed) return;
		const size = `${this.columns}x${this.rows}`;
		if (size !== this.size) {
			this.size = size;
			this.previous = undefined;
		}
		const bytes = paintGrid(this.previous, grid, this.rows, this.options.ascii, this.pen);
		// A grid laid out for another size (one can be in flight during a resize) leaves the
		// screen unknown where it did not fit: the next one repaints it whole.
		const fits = grid.length <= this.rows && grid.every(row => row.length <= this.columns);
		this.previous = fits ? grid : undefined;
		if (bytes !== '') this.terminal.write(SYNC_START + bytes + SYNC_END);
	}

	/** The screen no longer shows what was painted (the terminal was given back): repaint whole. */
	invalidate(): void {
		this.previous = undefined;
		this.pen.forget();
	}

	/** Write something other than a frame (an OSC 52 copy): it does not touch the cells. */
	send(bytes: string): void {
		if (!this.closed) this.terminal.write(bytes);
	}

	/** Stop painting; later frames are dropped. */
	close(): void {
		this.closed = true;
		this.terminal.off('resize', this.onResize);
	}
}
