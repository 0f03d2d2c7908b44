// The real program in a pseudo-terminal: bin/pa-tui (the built bundle) under node-pty, its
// output fed to a headless xterm so tests read the screen a person would see. stderr goes to a
// file, so "nothing on stderr" can be checked.

import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {binary, NO_USER_LIBRARY, root} from './corpus.ts';

const {Terminal} = xterm;

/** How every exit ends: alternate screen left, cursor shown. */
export const LEAVE = '\u001B[?1049l\u001B[?25h';

/** Whether dist/ is built (npm test builds it first). */
export const built = existsSync(new URL('../../dist/cli.js', import.meta.url));

export interface Launch {
	columns?: number;
	rows?: number;
	env?: Record<string, string | undefined>;
	/** Arguments to node; by default the binary. */
	argv?: string[];
	/** stderr into the terminal too (to see what comes after the restore), not into a file. */
	mergeStderr?: boolean;
}

export function launch({columns = 80, rows = 24, env = {}, argv = [binary], mergeStderr = false}: Launch = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'pa-tui-terminal-'));
	const errFile = join(dir, 'stderr');
	const term = new Terminal({cols: columns, rows, allowProposedApi: true});
	const base: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env))
		if (v !== undefined && !['CI', 'NO_COLOR', 'LANG', 'LC_ALL', 'LC_CTYPE'].includes(k)) base[k] = v;
	const merged: Record<string, string> = {...base, ...NO_USER_LIBRARY, TERM: 'xterm-256color', LANG: 'C.UTF-8', PA_TUI_STDERR: errFile};
	for (const [k, v] of Object.entries(env)) {
		if (v === undefined) delete merged[k];
		else merged[k] = v;
	}
	// stderr to a file: a pty would mix it into the screen.
	// node-pty always sets TERM (from `name`): unset it in the shell when asked to.
	const unset = env['TERM'] === undefined && 'TERM' in env ? 'unset TERM; ' : '';
	const script = unset + (mergeStderr ? 'exec "$0" "$@"' : 'exec "$0" "$@" 2>"$PA_TUI_STDERR"');
	const child = pty.spawn('/bin/sh', ['-c', script, process.execPath, ...argv], {
		name: merged['TERM'] ?? 'xterm',
		cols: columns,
		rows,
		cwd: root,
		env: merged,
	});
	let output = '';
	let pending = 0;
	child.onData(data => {
		output += data;
		pending++;
		term.write(data, () => pending--);
	});
	// The exit status as a shell's $? shows it: 128 + the signal for a death by signal (the
	// explorer, put back, dies of SIGTERM or SIGHUP as any job would).
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve =>
		child.onExit(({exitCode, signal}) => resolve({exitCode: signal ? 128 + signal : exitCode, signal})),
	);
	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		// As a person sees it: a space written and a cell never written look the same.
		for (let i = 0; i < term.rows; i++) lines.push((buffer.getLine(i)?.translateToString(true) ?? '').trimEnd());
		return lines.join('\n');
	};
	/** Nothing visible on row y: no character, no background, no inverse. */
	const blankRow = (y: number) => {
		const line = term.buffer.active.getLine(y)!;
		for (let x = 0; x < term.cols; x++) {
			const cell = line.getCell(x)!;
			if (cell.getChars().trim() !== '' || !cell.isBgDefault() || cell.isInverse()) return false;
		}
		return true;
	};
	const until = async (ok: (screen: string) => boolean, what: string, ms = 5000) => {
		const end = Date.now() + ms;
		for (;;) {
			const whole = output.endsWith('\u001B[?2026l') || output.endsWith('\u001B[?25h');
			if (pending === 0 && whole && ok(screen())) return screen();
			if (Date.now() > end) assert.fail(`timed out waiting for ${what}; screen:\n${screen()}`);
			await new Promise(r => setTimeout(r, 10));
		}
	};
	const resize = (c: number, r: number) => {
		child.resize(c, r);
		term.resize(c, r);
	};
	/** Every byte received so far parsed by the terminal. */
	const settled = async () => {
		const end = Date.now() + 5000;
		while (pending > 0 && Date.now() < end) await new Promise(r => setTimeout(r, 10));
	};
	const stderr = () => (existsSync(errFile) ? readFileSync(errFile, 'utf8') : '');
	const dispose = () => {
		try {
			child.kill('SIGKILL');
		} catch {
			// Already gone.
		}
		term.dispose();
		rmSync(dir, {recursive: true, force: true});
	};
	/** The exit, or a failure with the screen when it does not come. */
	const exit = (ms = 10000) =>
		Promise.race([
			exited,
			new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not exit; screen:\n${screen()}`)), ms)),
		]);
	return {
		term,
		child,
		screen,
		until,
		press: (keys: string) => child.write(keys),
		resize,
		settled,
		blankRow,
		exit,
		stderr,
		dispose,
		output: () => output,
	};
}

export interface PtyResult {
	exitCode: number;
	output: string;
}

/** A one-shot command run to its end in a pseudo-terminal (the terminal output path). */
export function runInPty(args: string[], {columns = 100, rows = 40} = {}): Promise<PtyResult> {
	return new Promise((resolve, reject) => {
		const child = pty.spawn(process.execPath, [binary, ...args], {
			cols: columns,
			rows,
			env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', TERM: 'xterm-256color', ...NO_USER_LIBRARY},
		});
		let output = '';
		child.onData(data => {
			output += data;
		});
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`timed out: ${args.join(' ')}`));
		}, 20_000);
		child.onExit(({exitCode}) => {
			clearTimeout(timer);
			// The pty may deliver the last bytes just after exit.
			setTimeout(() => resolve({exitCode, output}), 50);
		});
	});
}
