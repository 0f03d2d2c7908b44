// Driving the real bin/pa-tui in a pseudo-terminal: start-up to the first complete frame,
// getting to each pane, and a long run of keys for memory.

import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {cleanEnv, sleep} from './env.ts';
import {PtySession} from './pty.ts';

export const BIN = fileURLToPath(new URL('../bin/pa-tui', import.meta.url));

/** A region name that is on the first screen of the regions pane (the list is alphabetical). */
export const FIRST_REGION = 'Anhui';

export function spawnPaTui(
	cols: number,
	rows: number,
	corpus?: string,
	screen = true,
	record = false,
	env: Record<string, string> = {},
	preload?: string,
): PtySession {
	// The command as installed (its first line starts the node found on PATH, which cleanEnv puts
	// first: the binary of the `node -e 0` baseline); --corpus when benchmarking another corpus.
	// A module to preload (the heap probe) goes on node's command line, where it changes nothing
	// of how the program starts (in NODE_OPTIONS it would: bin/pa-tui then takes the ES modules).
	const args = corpus ? ['--corpus', corpus] : [];
	if (preload)
		return new PtySession(process.execPath, ['--require', preload, BIN, ...args], {cols, rows, screen, record, env: cleanEnv(env)});
	return new PtySession(BIN, args, {cols, rows, screen, record, env: cleanEnv(env)});
}

/**
 * The first complete frame: the regions pane shows a region, and the frame reaches the bottom of
 * the screen (the status bar: the last non-blank row is within the last three rows).
 */
export function firstFrameComplete(lines: string[], rows: number): boolean {
	if (!lines.some(line => line.includes(FIRST_REGION))) return false;
	let last = -1;
	lines.forEach((line, i) => {
		if (line.trim() !== '') last = i;
	});
	return last >= rows - 3;
}

/**
 * The row of the first region in the first frame, selected: a marker ('›', or '>' without UTF-8)
 * at the start of the row, then the name. -1 when there is none. (Row 0, the pane titles, names
 * the selected region too, but starts with a blank.)
 */
export function firstRegionRow(lines: string[]): number {
	return lines.findIndex(line => new RegExp(`^\\S\\s*${FIRST_REGION}\\b`).test(line));
}

/** ↓ answered: the marker has left the first region's row for the next row, the second region. */
export function secondRegionSelected(lines: string[], firstRow: number): boolean {
	return /^\s/.test(lines[firstRow] ?? '') && /^\S/.test(lines[firstRow + 1] ?? '');
}

export interface StartUp {
	/** spawn → first byte, ms. */
	firstByteMs: number | undefined;
	/** spawn → first complete frame, ms (undefined if it never came). */
	frameMs: number | undefined;
	/** spawn → the screen showing the ↓ written at the first frame answered, ms (with `firstKey`). */
	firstKeyMs?: number;
	/** Why there is no firstKeyMs although one was asked for. */
	firstKeyMissing?: string;
	/** Whether the program stayed up waiting for keys (the explorer) or printed and exited (placeholder). */
	interactive: boolean;
	session: PtySession;
}

export interface StartUpOptions {
	/** Keep the whole output for replaying screens afterwards (see PtySession `record`). */
	record?: boolean;
	/** Write ↓ as soon as the first frame is complete, and time until the screen shows it answered. */
	firstKey?: boolean;
	/** Extra environment variables for the program (the heap probe's socket). */
	env?: Record<string, string>;
	/** A module node loads first (the heap probe). */
	preload?: string;
}

/** Start pa-tui and wait for its first complete frame. The session is left running. */
export async function startUp(
	cols: number,
	rows: number,
	corpus: string | undefined,
	timeoutMs: number,
	options: StartUpOptions = {},
): Promise<StartUp> {
	const session = spawnPaTui(cols, rows, corpus, true, options.record, options.env, options.preload);
	const frameMs = await session.waitForScreen(lines => firstFrameComplete(lines, rows), timeoutMs);
	const result: StartUp = {firstByteMs: undefined, frameMs, interactive: false, session};
	if (options.firstKey)
		Object.assign(result, frameMs === undefined ? {firstKeyMissing: 'no first frame'} : await firstKey(session, timeoutMs));
	// A placeholder prints and exits; the explorer stays up.
	await Promise.race([session.exited, sleep(150)]);
	result.interactive = !session.exit;
	result.firstByteMs = session.firstByteAt === undefined ? undefined : session.firstByteAt - session.startedAt;
	return result;
}

/**
 * ↓ written the moment the first frame is complete, as a person typing ahead would: a program
 * that paints before it reads keys gets the key from the terminal's buffer when it is ready, and
 * this measures when that is, from spawn.
 */
async function firstKey(session: PtySession, timeoutMs: number): Promise<Pick<StartUp, 'firstKeyMs' | 'firstKeyMissing'>> {
	const row = firstRegionRow(await session.screen());
	if (row === -1) return {firstKeyMissing: `no row starting with a selection marker and "${FIRST_REGION}" in the first frame`};
	session.write(session.arrow('down'));
	const firstKeyMs = await session.waitForScreen(lines => secondRegionSelected(lines, row), timeoutMs);
	return firstKeyMs === undefined
		? {firstKeyMissing: `the selection did not move to the second region within ${timeoutMs} ms`}
		: {firstKeyMs};
}

/**
 * Keys that open what the first frame has not needed yet, each timed key → its frame settled, as
 * soon as the first key was answered: nothing may be left for them to do that makes them slow.
 * `/` then `r`: the search box, then the first search (the heading index is built for it); `f`:
 * the first funds table; `c` then `r`: the Compare view, then its first comparison (every
 * report's figures matched). Esc after each, back to where it started.
 */
export const FIRST_USES: Array<{label: string; keys: string[]; after: string[]}> = [
	{label: 'first search (/ then r)', keys: ['/', 'r'], after: ['\x1b']},
	{label: 'first funds table (f)', keys: ['f'], after: ['\x1b']},
	{label: 'first compare view (c then r)', keys: ['c', 'r'], after: ['\x1b', '\x1b']},
];

/** Each first use, key written → the last byte of its frame (the slowest key of the use). */
export async function firstUses(session: PtySession): Promise<Record<string, number | undefined>> {
	const result: Record<string, number | undefined> = {};
	await session.waitQuiet(60, 2_000);
	for (const use of FIRST_USES) {
		let slowest: number | undefined;
		for (const key of use.keys) {
			const r = await session.key(key, 60, 2_000);
			slowest = r.settleMs === undefined ? slowest : Math.max(slowest ?? 0, r.settleMs);
		}
		result[use.label] = slowest;
		for (const key of use.after) await session.key(key, 60, 1_000);
	}
	return result;
}

export const QUIT = ['q'];

export type Pane = 'regions' | 'sections' | 'reading' | 'funds';

/** A key as written: a literal string, or the arrow in the mode the program asked for (DECCKM). */
export type Key = string | 'down' | 'up';
export const keyBytes = (session: PtySession, key: Key) => (key === 'down' || key === 'up' ? session.arrow(key) : key);

/**
 * The report the pane figures are taken from: Hebei (the 9th region alphabetically) has a long
 * first section (about 4,000 characters) and 32 money figures, so ↓ and j have room to move.
 */
export const RICH_REGION_INDEX = 8;
const toRich: Key[] = Array<Key>(RICH_REGION_INDEX).fill('down');

/** Keys from the first frame to the pane, and the down/up keys measured there. */
export const PANES: Record<Pane, {label: string; enter: Key[]; down: Key; up: Key}> = {
	regions: {label: '↓ regions', enter: [], down: 'down', up: 'up'},
	sections: {label: '↓ sections', enter: [...toRich, '\t'], down: 'down', up: 'up'},
	reading: {label: 'j reading', enter: [...toRich, '\t', '\t'], down: 'j', up: 'k'},
	funds: {label: '↓ funds', enter: [...toRich, '\t', '\t', 'f'], down: 'down', up: 'up'},
};

/** Write keys one at a time, each after the previous frame settled. */
export async function typeKeys(session: PtySession, keys: Key[], quietMs = 60): Promise<void> {
	for (const key of keys) await session.key(keyBytes(session, key), quietMs, 500);
}

/**
 * Many keys for the memory figures: ↓/↑ in regions, Tab, ↓/↑ in sections, Tab, j/k in reading,
 * h h back to regions. Written every `spacingMs` without waiting for frames, settling every 100.
 */
export async function churn(session: PtySession, keys: number, spacingMs = 2): Promise<number> {
	const down = () => session.arrow('down');
	const up = () => session.arrow('up');
	const cycle: Array<() => string> = [
		...Array(8).fill(down),
		...Array(8).fill(up),
		() => '\t',
		...Array(4).fill(down),
		...Array(4).fill(up),
		() => '\t',
		...Array(6).fill(() => 'j'),
		...Array(6).fill(() => 'k'),
		() => 'h',
		() => 'h',
	];
	let sent = 0;
	const start = performance.now();
	while (sent < keys && !session.exit) {
		session.write(cycle[sent % cycle.length]!());
		sent++;
		if (sent % 100 === 0) await session.waitQuiet(30, 3_000);
		else await sleep(spacingMs);
	}
	await session.waitQuiet(100, 5_000);
	void start;
	return sent;
}
