// The explorer's hold on the terminal: the alternate screen, raw mode, and the terminal put back
// on every way out (q, Ctrl-C, SIGINT/SIGTERM/SIGHUP, an uncaught error). Taken before Ink is
// imported, so that the first frame can be painted while it loads (shell.ts).

import {sanitizeLine} from '../corpus/sanitize.ts';
import {ENTER, FrameStream, LEAVE} from './screen.ts';
import {unicodeLocale} from './theme.ts';

const SIGNALS = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

export interface Session {
	frames: FrameStream;
	/** Whether colours are drawn: not when refused (NO_COLOR, --no-color, TERM=dumb, FORCE_COLOR=0). */
	color: boolean;
	/** Put the terminal back (once; later calls do nothing). */
	restore(): void;
	/** After the terminal is put back: one line, whatever the error holds. */
	report(error: unknown): void;
	/** Stop listening for signals and errors (the explorer has ended). */
	detach(): void;
}

/** `ascii`: draw in ASCII; by default, when the locale is not UTF-8 (LANG=C). */
export function openSession(options: {color: boolean; ascii?: boolean}): Session {
	const stdout = process.stdout;
	const stdin = process.stdin;
	const frames = new FrameStream(stdout, {ascii: options.ascii ?? !unicodeLocale()});
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		frames.close();
		try {
			if (stdin.isTTY) stdin.setRawMode(false);
		} catch {
			// The terminal may be gone (SIGHUP).
		}
		try {
			stdout.write(LEAVE);
		} catch {
			// As above.
		}
	};
	const report = (error: unknown) => {
		process.stderr.write(`pa-tui: internal error: ${sanitizeLine(error instanceof Error ? error.message : String(error))}\n`);
	};
	const fail = (error: unknown) => {
		restore();
		report(error);
		process.exit(1);
	};
	const onSignal = (signal: keyof typeof SIGNALS) => () => {
		restore();
		process.exit(SIGNALS[signal]);
	};
	const handlers = Object.keys(SIGNALS).map(name => [name, onSignal(name as keyof typeof SIGNALS)] as const);
	for (const [name, handler] of handlers) process.on(name, handler);
	process.on('uncaughtException', fail);
	process.on('unhandledRejection', fail);
	process.on('exit', restore);
	const detach = () => {
		for (const [name, handler] of handlers) process.off(name, handler);
		process.off('uncaughtException', fail);
		process.off('unhandledRejection', fail);
		process.off('exit', restore);
	};

	stdout.write(ENTER);
	try {
		// Raw mode before the first frame: keys typed as it appears must not be echoed or line-buffered.
		if (stdin.isTTY) stdin.setRawMode(true);
	} catch (error) {
		restore();
		detach();
		throw error;
	}
	const forcedOff = ['0', 'false'].includes(process.env['FORCE_COLOR'] ?? '');
	return {frames, color: options.color && !forcedOff, restore, report, detach};
}
