// The explorer's hold on the terminal: the alternate screen, raw mode, and the terminal put back
// on every way out — q, Ctrl-C, every catchable fatal signal (signal-exit's list: SIGINT,
// SIGTERM, SIGHUP, SIGQUIT, SIGUSR2, SIGALRM, …), an uncaught error, and the terminal going away
// — and on suspend (Ctrl-Z, SIGTSTP), taken again on SIGCONT. Taken before Ink is imported, so
// that the first frame can be painted while it loads (first-frame.ts).

import {writeSync} from 'node:fs';
import onExit from 'signal-exit';
import {CorpusError} from '../../corpus/read.ts';
import {sanitizeLine} from '../../corpus/sanitize.ts';
import {unicodeLocale} from '../view/theme.ts';
import {ENTER, LEAVE, Screen} from './screen.ts';

export interface Session {
	screen: Screen;
	/** Whether colours are drawn: not when refused (NO_COLOR, --no-color, TERM=dumb, FORCE_COLOR=0). */
	color: boolean;
	/** Put the terminal back (once; later calls do nothing). */
	restore(): void;
	/**
	 * After the terminal is put back: one line, whatever the error holds; the exit code (2 for a
	 * corpus that turns out to be invalid as its reports are read, 1 for a bug).
	 */
	report(error: unknown): number;
	/** Give the terminal back and stop the process, as Ctrl-Z does in a shell; on `fg`, take it again. */
	suspend(): void;
	/** Called after the terminal was taken back (fg): the whole frame must be painted again. */
	onResume: (() => void) | undefined;
	/** Stop listening for signals and errors (the explorer has ended). */
	detach(): void;
}

/** A write to a terminal that may be gone: nothing to do then. */
function writeQuietly(fd: number, data: string): void {
	try {
		writeSync(fd, data);
	} catch {
		// EIO, EPIPE, ENXIO: the terminal went away (SSH dropped, the tmux pane killed).
	}
}

function setRaw(stdin: NodeJS.ReadStream, raw: boolean): void {
	try {
		if (stdin.isTTY) stdin.setRawMode(raw);
	} catch {
		// As above.
	}
}

const GONE = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF', 'ENOTTY']);

/** `ascii`: draw in ASCII; by default, when the locale is not UTF-8 (LANG=C). */
export function openSession(options: {color: boolean; ascii?: boolean}): Session {
	const stdout = process.stdout;
	const stdin = process.stdin;
	const screen = new Screen(stdout, {ascii: options.ascii ?? !unicodeLocale()});
	let restored = false;
	let suspended = false;
	const leave = () => {
		// The screen first, then line mode: a signal that kills us between the two must not leave
		// the alternate screen up (raw mode alone the shell undoes; a hidden cursor it does not).
		writeQuietly(stdout.fd, LEAVE);
		setRaw(stdin, false);
	};
	const take = () => {
		writeQuietly(stdout.fd, ENTER);
		// Raw before the first frame: keys typed as it appears must not be echoed or line-buffered.
		setRaw(stdin, true);
	};
	const restore = () => {
		if (restored) return;
		restored = true;
		screen.close();
		leave();
	};
	const report = (error: unknown) => {
		const message = sanitizeLine(error instanceof Error ? error.message : String(error));
		if (error instanceof CorpusError) {
			process.stderr.write(`pa-tui: ${message}\n`);
			return 2;
		}
		process.stderr.write(`pa-tui: internal error: ${message}\n`);
		return 1;
	};
	/**
	 * The terminal is gone: put back what can be put back and die of SIGHUP, as a shell's job does
	 * (exit status 129). A normal exit would have Node reset a terminal that no longer exists,
	 * which aborts with a native stack trace (nodejs/node#51519, fixed after Node 20).
	 */
	const hangUp = () => {
		restore();
		process.kill(process.pid, 'SIGHUP');
	};
	const fail = (error: unknown) => {
		if (GONE.has((error as NodeJS.ErrnoException)?.code ?? '')) return hangUp();
		restore();
		process.exit(report(error));
	};
	const onStreamError = (error: Error) => fail(error);
	const onStdinEnd = () => hangUp();

	const session: Session = {
		screen,
		color: options.color && !['0', 'false'].includes(process.env['FORCE_COLOR'] ?? ''),
		restore,
		report,
		suspend() {
			if (restored || suspended) return;
			suspended = true;
			leave();
			// The whole process group, as the shell's job control sees it: run from `npm start`, npm
			// and its shell are stopped too, so the shell takes the terminal back (and `fg` sends
			// the group SIGCONT). SIGSTOP, not SIGTSTP: we listen for SIGTSTP ourselves, and
			// SIGSTOP cannot be caught.
			process.kill(0, 'SIGSTOP');
		},
		onResume: undefined,
		detach,
	};
	const onContinue = () => {
		if (restored) return;
		suspended = false;
		take();
		screen.invalidate();
		session.onResume?.();
	};
	const onStop = () => session.suspend();
	// Every catchable fatal signal and every exit: signal-exit runs this, then dies of the signal.
	const removeExitHandler = onExit(() => restore());
	// biome-ignore lint/suspicious/noExplicitAny: listeners of several events, each called with its own arguments
	const listeners: Array<[NodeJS.EventEmitter, string, (...args: any[]) => void]> = [
		[process, 'SIGTSTP', onStop],
		[process, 'SIGCONT', onContinue],
		// SIGUSR1 would open Node's inspector and print over the screen.
		[process, 'SIGUSR1', () => {}],
		[process, 'uncaughtException', fail],
		[process, 'unhandledRejection', fail],
		[stdout, 'error', onStreamError],
		[stdin, 'error', onStreamError],
		[stdin, 'end', onStdinEnd],
	];
	for (const [emitter, event, listener] of listeners) emitter.on(event, listener);
	function detach() {
		removeExitHandler();
		for (const [emitter, event, listener] of listeners) emitter.off(event, listener);
	}

	take();
	if (stdin.isTTY && !stdin.isRaw) {
		restore();
		detach();
		throw new Error('cannot put the terminal in raw mode');
	}
	return session;
}
