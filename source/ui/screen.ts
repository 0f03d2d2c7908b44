// The output layer. Each frame comes as a grid of styled cells (frame.ts); we repaint only the
// cells that changed, at absolute positions, inside a synchronized update, and never scroll:
// the alternate screen runs with autowrap off. The stream is also Ink's stdout: Ink renders the
// App, which draws nothing through it, and what Ink writes is dropped.

import {EventEmitter} from 'node:events';
import type {StyledChar} from '@alcalzone/ansi-tokenize';
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

/**
 * A frame as cells, one styled character per cell (a wide character's second cell holds ''),
 * as frame.ts builds them.
 */
export type Grid = ReadonlyArray<ReadonlyArray<StyledChar | undefined>>;

const NO_STYLES: StyledChar['styles'] = [];
/** An empty cell: what a row holds where nothing is written. */
export const BLANK_CHAR: StyledChar = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES});
const styleKeys = new WeakMap<object, string>();

function styleKey(char: StyledChar): string {
	const styles = char.styles;
	if (styles.length === 0) return '';
	let key = styleKeys.get(styles);
	if (key === undefined) {
		// Sorted: the same styles opened in another order look the same.
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

const SGR_PARAMS = /^\x1b\[([\d;]*)m$/;
const sgrParams = new WeakMap<object, string>();

/** A style's SGR parameters as one list ("46;30"). Frames hold SGR codes only (frame.ts writes them). */
function paramsOf(char: StyledChar): string {
	const styles = char.styles;
	if (styles.length === 0) return '';
	let params = sgrParams.get(styles);
	if (params === undefined) {
		params = styles
			.map(code => SGR_PARAMS.exec(code.code)?.[1] ?? '')
			.filter(part => part !== '')
			.join(';');
		sgrParams.set(styles, params);
	}
	return params;
}

/** Below this many plain blanks, writing them is as short as erasing them and moving over. */
const ERASE_RUN = 11;

/** The terminal's SGR state while one update is written: a style is sent only when it changes. */
export class Pen {
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
	// A hole in a row is a blank cell: dropping it would shift what follows.
	const present = chars.map(char => char ?? BLANK_CHAR);
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
		out += pen.to(paramsOf(char)) + char.value;
	}
	return ascii ? asciiFallback(out) : out;
}

/** One grid row against the row painted before: the run from the first to the last changed cell. */
function paintGridRow(
	row: number,
	before: ReadonlyArray<StyledChar | undefined>,
	after: ReadonlyArray<StyledChar | undefined>,
	ascii: boolean,
	pen: Pen,
): string {
	if (before === after) return '';
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

/**
 * The bytes that turn the `previous` grid into `next` (1-based rows, absolute); a whole paint
 * without `previous`. `kept`: the terminal's style state, kept from one update to the next (a
 * frame may end in the status bar's style); without it the update ends in the default style.
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
	return kept ? out : out + pen.reset();
}

export class FrameStream extends EventEmitter {
	readonly isTTY = true;
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

	/** What Ink writes: its rendering of the App, which draws nothing through it. Dropped. */
	write(_data: string | Uint8Array, callback?: (() => void) | string, more?: () => void): boolean {
		const done = typeof callback === 'function' ? callback : more;
		if (done) queueMicrotask(done);
		return true;
	}

	/** Paint a frame; the next one is diffed against it. */
	paintGrid(grid: Grid): void {
		if (this.closed) return;
		const size = `${this.columns}x${this.rows}`;
		if (size !== this.size) {
			this.size = size;
			this.previous = undefined;
		}
		const bytes = paintGrid(this.previous, grid, this.rows, this.options.ascii, this.pen);
		// A frame laid out for another size (one can be in flight during a resize) leaves the
		// screen unknown where it did not fit: the next frame repaints it whole.
		const fits = grid.length <= this.rows && grid.every(row => row.length <= this.columns);
		this.previous = fits ? grid : undefined;
		if (bytes !== '') this.terminal.write(SYNC_START + bytes + SYNC_END);
	}

	/** Stop painting; later frames are dropped. */
	close(): void {
		this.closed = true;
		this.terminal.off('resize', this.onResize);
	}
}
