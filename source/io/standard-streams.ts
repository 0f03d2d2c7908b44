// The one-shot commands' standard output can fail under them: a full device (>/dev/full, a full
// disk), a closed descriptor, a reader that went away. A reader that stops early (`| head`) is
// not an error; anything else is one line on stderr and a non-zero exit, never a stack trace.

import {fstatSync, readFileSync, statSync} from 'node:fs';

/** Standard output cannot take what a command writes; its message is one line. */
export class OutputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OutputError';
	}
}

const REASONS: Record<string, string> = {
	ENOSPC: 'no space left on the device',
	EDQUOT: 'disk quota exceeded',
	EFBIG: 'the file is too large for the file system',
	EIO: 'input/output error',
	EBADF: 'it is closed',
	EAGAIN: 'it would block',
	EACCES: 'permission denied',
};

function reasonOf(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	return (code && REASONS[code]) ?? (error as Error).message ?? String(error);
}

/**
 * Errors of process.stdout arrive as 'error' events, outside any try: without a listener Node
 * prints a stack trace. EPIPE (the reader stopped) exits 0, as `export | head` should; any other
 * error says so in one line and exits 2 at once (what was written is incomplete). A failing
 * stderr has nowhere to report to: its errors are dropped.
 */
export function guardStandardStreams(exitCode: {ok: number; error: number}): () => void {
	const onStdoutError = (error: Error) => {
		if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(exitCode.ok);
		try {
			process.stderr.write(`pa-tui: cannot write to standard output: ${reasonOf(error)}\n`);
		} finally {
			process.exit(exitCode.error);
		}
	};
	const onStderrError = () => {};
	process.stdout.on('error', onStdoutError);
	process.stderr.on('error', onStderrError);
	/** The explorer's session takes over: a terminal that goes away is a hangup there, not an error. */
	return () => {
		process.stdout.off('error', onStdoutError);
		process.stderr.off('error', onStderrError);
	};
}

function isDevNull(fd: number, devNull: {rdev: number}): boolean {
	const stats = fstatSync(fd);
	return stats.isCharacterDevice() && stats.rdev === devNull.rdev;
}

/** O_RDWR in the access mode of a descriptor, from /proc/self/fdinfo (octal "flags:"). */
function readWrite(fd: number): boolean {
	const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
	return flags !== null && (Number.parseInt(flags[1]!, 8) & 3) === 2;
}

/**
 * Whether standard output was closed when pa-tui started (`pa-tui list >&-`). Node opens
 * /dev/null read-write in place of a closed descriptor before any of our code runs, so writes
 * vanish and the exit is 0. A shell's `>/dev/null` opens it write-only, so that case is told
 * apart; a program that discards output by opening /dev/null read-write (Node's stdio 'ignore',
 * Python's DEVNULL) looks the same, unless it discards standard error too (then it is not
 * taken for closed: nobody would read the message). Linux only (/proc); elsewhere never closed.
 */
export function stdoutWasClosed(): boolean {
	if (process.platform !== 'linux') return false;
	try {
		const devNull = statSync('/dev/null');
		if (!isDevNull(1, devNull) || !readWrite(1)) return false;
		return !(isDevNull(2, devNull) && readWrite(2));
	} catch {
		return false;
	}
}
