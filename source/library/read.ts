// Reading the library file on the start-up path of every command: bytes, UTF-8, JSON, and
// whether it is as pa-tui wrote it (format.ts). No schema validator here: validate.ts has it.
// A library that cannot be read is an error, never an empty library: commands stop rather than
// show a view without the user's reports, and `library add` refuses rather than replace it.

import {CorpusError, isTerminalSafeJson, jsonProblem, quote} from '../corpus/read.ts';
import {ReadError, readFileLimited} from '../io/read-limited.ts';
import {decodeUtf8} from '../io/utf8.ts';
import {isSealed} from './format.ts';

export class LibraryError extends CorpusError {
	constructor(file: string, problem: string, advice: string) {
		super(`library ${quote(file, 200)}: ${problem}; ${advice}`);
		this.name = 'LibraryError';
	}
}

/** What a command that only reads the library says about one that fails to load. */
export const READ_ADVICE = 'pa-tui --no-library leaves it out';

/** A path as a shell word, for advice the user may paste. */
export function shellWord(path: string): string {
	return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** What a command that changes the library says when the file it would change does not load. */
export function writeAdvice(path: string): string {
	return `nothing was changed: move it aside (mv ${shellWord(path)} ${shellWord(`${path}.broken`)}) to start a new library, or put library.json.bak back in its place`;
}

export interface LibraryText {
	path: string;
	/** The parsed JSON, not yet validated. */
	data: unknown;
	/** The file as it is, for the backup a change keeps. */
	text: string;
	/** Written by pa-tui and unchanged since (its sum matches). */
	sealed: boolean;
	/** No string holds anything the terminal sanitizer would change. */
	terminalSafe: boolean;
}

function why(error: NodeJS.ErrnoException): string {
	switch (error.code) {
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'is a directory';
		case 'ENOTDIR':
			return 'a part of the path is not a folder';
		default:
			return quote(error.message, 120);
	}
}

/** The library at `path`, or undefined when there is none yet. */
export function readLibraryFile(path: string, advice: string): LibraryText | undefined {
	let bytes: Uint8Array;
	try {
		bytes = readFileLimited(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as ReadError).code === 'ENOENT') return undefined;
		if (error instanceof ReadError) throw new LibraryError(path, error.reason, advice);
		throw new LibraryError(path, `cannot be read: ${why(error as NodeJS.ErrnoException)}`, advice);
	}
	let text: string | undefined;
	try {
		text = decodeUtf8(bytes);
	} catch {
		throw new LibraryError(path, 'too large to read', advice);
	}
	if (text === undefined) throw new LibraryError(path, 'not valid UTF-8 text', advice);
	// As a fatal TextDecoder would: a byte-order mark is not part of the text.
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new LibraryError(path, text.trim() === '' ? 'is empty' : jsonProblem(text, error as Error), advice);
	}
	return {path, data, text, sealed: isSealed(bytes), terminalSafe: isTerminalSafeJson(bytes)};
}
