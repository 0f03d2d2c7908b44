// A program under a pseudo-terminal: timestamps every chunk it writes, keeps an emulated screen
// (xterm headless) to know when a frame is complete, measures key → frame, reads its RSS.

import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import {track} from './children.ts';
import {cleanEnv, sleep} from './env.ts';

export interface SpawnOptions {
	cols: number;
	rows: number;
	env?: Record<string, string>;
	cwd?: string;
	/** Keep an emulated screen (costs CPU in the bench process; turn off once not needed). */
	screen?: boolean;
	/**
	 * Keep everything the program writes, so that its screens can be replayed afterwards (cells
	 * changed per key) without parsing while keys are timed.
	 */
	record?: boolean;
}

export interface KeyResult {
	/** Key written → first byte back, ms; undefined when the program wrote nothing. */
	firstByteMs: number | undefined;
	/** Key written → last byte of the burst (no more output for quietMs), ms. */
	settleMs: number | undefined;
	bytes: number;
	/** The output written for this key: [from, to) offsets into transcript(), when recording. */
	span: [number, number];
}

type Listener = (time: number, bytes: number) => void;

export class PtySession {
	readonly startedAt: number;
	readonly cols: number;
	readonly rows: number;
	firstByteAt: number | undefined;
	lastByteAt: number | undefined;
	totalBytes = 0;
	exit: {code: number; signal?: number; at: number} | undefined;
	readonly exited: Promise<void>;
	/** Cursor keys in application mode (DECCKM) send ESC O x instead of ESC [ x. */
	applicationCursor = false;
	private readonly proc: pty.IPty;
	private term: InstanceType<typeof xterm.Terminal> | undefined;
	private readonly listeners = new Set<Listener>();
	private readonly untrack: () => void;
	private parsed = Promise.resolve();
	private recent = '';
	private readonly chunks: string[] | undefined;
	/** Characters written so far (offsets into the transcript). */
	private outputChars = 0;

	constructor(file: string, args: string[], options: SpawnOptions) {
		this.cols = options.cols;
		this.rows = options.rows;
		if (options.record) this.chunks = [];
		if (options.screen !== false)
			this.term = new xterm.Terminal({cols: options.cols, rows: options.rows, allowProposedApi: true, scrollback: 0});
		this.startedAt = performance.now();
		this.proc = pty.spawn(file, args, {
			name: 'xterm-256color',
			cols: options.cols,
			rows: options.rows,
			cwd: options.cwd ?? process.cwd(),
			env: options.env ?? cleanEnv(),
		});
		this.untrack = track({kill: signal => this.proc.kill(signal)});
		this.proc.onData(data => {
			const now = performance.now();
			const bytes = Buffer.byteLength(data);
			this.firstByteAt ??= now;
			this.lastByteAt = now;
			this.totalBytes += bytes;
			this.chunks?.push(data);
			this.outputChars += data.length;
			// DECCKM on/off, possibly split across chunks: look at a short tail.
			this.recent = (this.recent + data).slice(-4096);
			const on = this.recent.lastIndexOf('\x1b[?1h');
			const off = this.recent.lastIndexOf('\x1b[?1l');
			if (on !== -1 || off !== -1) this.applicationCursor = on > off;
			// Parse first, so that a listener reading the screen sees this chunk.
			const term = this.term;
			if (term) this.parsed = this.parsed.then(() => new Promise<void>(resolve => term.write(data, resolve)));
			for (const listener of this.listeners) listener(now, bytes);
		});
		this.exited = new Promise(resolve => {
			this.proc.onExit(({exitCode, signal}) => {
				this.exit = {code: exitCode, signal, at: performance.now()};
				this.untrack();
				resolve();
			});
		});
	}

	get pid(): number {
		return this.proc.pid;
	}

	/** Everything written since spawn (empty unless spawned with `record`). */
	transcript(): string {
		return this.chunks?.join('') ?? '';
	}

	/** Stop keeping the emulated screen (key timings then do not compete with parsing). */
	dropScreen(): void {
		this.term?.dispose();
		this.term = undefined;
	}

	/** The emulated screen, one string per row (trailing blanks trimmed). */
	async screen(): Promise<string[]> {
		await this.parsed;
		const term = this.term;
		if (!term) return [];
		const lines: string[] = [];
		const buffer = term.buffer.active;
		for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		return lines;
	}

	/**
	 * Wait until the screen satisfies `ready`: resolves with the time (ms since spawn) of the chunk
	 * that made it so, or undefined on timeout or exit.
	 */
	waitForScreen(ready: (lines: string[]) => boolean, timeoutMs: number): Promise<number | undefined> {
		return new Promise(resolve => {
			let done = false;
			const finish = (value: number | undefined) => {
				if (done) return;
				done = true;
				clearTimeout(timer);
				this.listeners.delete(listener);
				resolve(value);
			};
			const check = async (at: number) => {
				const lines = await this.screen();
				if (!done && ready(lines)) finish(at - this.startedAt);
			};
			const listener: Listener = at => void check(at);
			const timer = setTimeout(() => finish(undefined), timeoutMs);
			this.listeners.add(listener);
			void this.exited.then(async () => {
				await sleep(20);
				finish(undefined);
			});
			if (this.lastByteAt !== undefined) void check(this.lastByteAt);
		});
	}

	/** Wait until nothing has been written for quietMs (or maxMs passed). */
	async waitQuiet(quietMs: number, maxMs = 5_000): Promise<void> {
		const start = performance.now();
		for (;;) {
			const now = performance.now();
			const last = Math.max(this.lastByteAt ?? start, start);
			if (now - last >= quietMs || now - start >= maxMs || this.exit) return;
			await sleep(Math.max(1, quietMs - (now - last)));
		}
	}

	/** Write raw input without waiting. */
	write(data: string): void {
		if (!this.exit) this.proc.write(data);
	}

	/**
	 * Write one key and time the frame it causes: first byte, and last byte of the burst (the
	 * output then stays quiet for quietMs). Bytes written meanwhile count for this key.
	 */
	key(data: string, quietMs = 60, timeoutMs = 1_000): Promise<KeyResult> {
		return new Promise(resolve => {
			let first: number | undefined;
			let last: number | undefined;
			let bytes = 0;
			let timer: NodeJS.Timeout;
			const start = performance.now();
			const from = this.outputChars;
			const finish = () => {
				clearTimeout(timer);
				clearTimeout(hardStop);
				this.listeners.delete(listener);
				resolve({
					firstByteMs: first === undefined ? undefined : first - start,
					settleMs: last === undefined ? undefined : last - start,
					bytes,
					span: [from, this.outputChars],
				});
			};
			const listener: Listener = (at, n) => {
				first ??= at;
				last = at;
				bytes += n;
				clearTimeout(timer);
				timer = setTimeout(finish, quietMs);
			};
			const hardStop = setTimeout(finish, timeoutMs + 2_000);
			this.listeners.add(listener);
			timer = setTimeout(finish, timeoutMs);
			this.write(data);
		});
	}

	/** Cursor key sequences as the program asked for them. */
	arrow(direction: 'up' | 'down' | 'left' | 'right'): string {
		const letter = {up: 'A', down: 'B', right: 'C', left: 'D'}[direction];
		return `\x1b${this.applicationCursor ? 'O' : '['}${letter}`;
	}

	/** Resident memory of the process in MB (VmRSS), undefined once it has exited. */
	rssMB(): number | undefined {
		return this.statusMB('VmRSS');
	}

	/** The most resident memory the process has had since it started, in MB (VmHWM). */
	peakRssMB(): number | undefined {
		return this.statusMB('VmHWM');
	}

	private statusMB(field: string): number | undefined {
		try {
			const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
			const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
			return match ? Number(match[1]) / 1024 : undefined;
		} catch {
			return undefined;
		}
	}

	/** Ask politely (keys), then kill after graceMs. */
	async close(quitKeys: string[] = [], graceMs = 1_000): Promise<void> {
		for (const keys of quitKeys) {
			if (this.exit) break;
			this.write(keys);
			await sleep(30);
		}
		await Promise.race([this.exited, sleep(graceMs)]);
		if (!this.exit) {
			try {
				this.proc.kill('SIGKILL');
			} catch {
				// gone
			}
			await Promise.race([this.exited, sleep(1_000)]);
		}
		this.untrack();
		this.dropScreen();
	}
}
