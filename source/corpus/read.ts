// Reading a corpus file: bytes, UTF-8, JSON, and whether it is the bundled corpus (validated
// by the ingest that wrote it, and by the tests). Validation against the schema is in load.ts, which loads zod:
// the bundled corpus is read without it. The file is untrusted: nothing of it reaches an error
// message unsanitized, and no message quotes more than a short piece of it.

import {isUtf8} from 'node:buffer';
import {readFileSync, type Stats, statSync} from 'node:fs';
import {quotePath} from '../format/quote.ts';
import {formatSize, ReadError, readFileLimited} from '../io/read-limited.ts';
import {sha256} from '../io/sha256.ts';
import {invalidUtf8Line} from '../io/utf8.ts';
import {jsonErrorOffset} from './json-syntax.ts';
import {sanitizeLine} from './sanitize.ts';

export class CorpusError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CorpusError';
	}
}

/** A piece of the file or its path, safe in a one-line message. */
export function quote(text: string, max = 60): string {
	const safe = sanitizeLine(text);
	return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/** "line 3, column 7" of an offset, counted without copying the text (it may be hundreds of MB). */
function lineAndColumn(text: string, offset: number, linesBefore: number): string {
	let line = 1 + linesBefore;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return `line ${line}, column ${offset - lineStart + 1}`;
}

const END_OF_INPUT = /Unexpected end of JSON input/;
const AT_POSITION = /at position (\d+)/;

/** Where JSON.parse gave up: V8 gives a position for most errors but not for "Unexpected token". */
function errorOffset(text: string, message: string): number | undefined {
	const at = AT_POSITION.exec(message);
	if (at) return Number(at[1]);
	if (END_OF_INPUT.test(message)) return text.length;
	return jsonErrorOffset(text);
}

/**
 * What JSON.parse found wrong, with its line and column: one line for an error message. `text`
 * may be a piece of a file that starts at a line's start, after `linesBefore` lines.
 */
export function jsonProblem(text: string, error: Error, linesBefore = 0): string {
	const offset = errorOffset(text, error.message);
	const where = offset === undefined ? '' : ` at ${lineAndColumn(text, offset, linesBefore)}`;
	let what = error.message
		.replace(/ in JSON at position \d+.*$/s, '')
		.replace(/\s*\(line \d+ column \d+\)$/, '')
		// "Unexpected token 'x', "…the text…" is not valid JSON": the text is not worth quoting.
		.replace(/^(Unexpected token .*?), ".*" is not valid JSON$/s, '$1');
	if (offset !== undefined && offset < text.length && /^Unexpected token/.test(what)) {
		const ch = String.fromCodePoint(text.codePointAt(offset)!);
		const printable = sanitizeLine(ch) === ch && ch.trim() !== '' && ch !== '\ufeff';
		what = `unexpected character ${printable ? `'${ch}'` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}`;
	}
	return `not valid JSON${where}: ${quote(what, 120)}`;
}

export interface ReadFile {
	/** The parsed JSON, not yet validated unless `trusted`. */
	data: unknown;
	/** The bundled corpus, byte for byte: validated already. */
	trusted: boolean;
	/** No string holds anything the terminal sanitizer would change: display can use the data as is. */
	terminalSafe: boolean;
}

// In JSON text, what sanitizing would change: control and bidi characters, raw or escaped,
// escaped line breaks and tabs (one-line fields lose them), an escaped surrogate (it may stand
// alone; sanitizing marks a lone one). A false alarm only costs a sanitize pass.

/** Whether a character written as a \u escape needs sanitizing. */
function unsafeEscape(code: number): boolean {
	return (
		code <= 0x1f ||
		(code >= 0x7f && code <= 0x9f) ||
		(code >= 0x2028 && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069) ||
		(code >= 0xd800 && code <= 0xdfff)
	);
}

const HEX = /^[0-9a-fA-F]{4}$/;

/**
 * Whether no string of the JSON text in bytes [start, end) (UTF-8) holds anything the terminal
 * sanitizer would change, even in a one-line field. It looks only where one could be: DEL, C2
 * (C1 controls), E2 80/81 (line separators, bidi controls), a backslash (escapes): several
 * times faster than expressions over the decoded text, and no decoding.
 */
export function isTerminalSafeJson(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
	// A view of the piece: a search must not run on to the end of a large file.
	const piece = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
	if (piece.indexOf(0x7f) !== -1) return false;
	for (let i = piece.indexOf(0xc2); i !== -1; i = piece.indexOf(0xc2, i + 1)) {
		if (piece[i + 1]! >= 0x80 && piece[i + 1]! <= 0x9f) return false;
	}
	for (let i = piece.indexOf(0xe2); i !== -1; i = piece.indexOf(0xe2, i + 1)) {
		const [b1, b2] = [piece[i + 1]!, piece[i + 2]!];
		if ((b1 === 0x80 && b2 >= 0xa8 && b2 <= 0xae) || (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9)) return false;
	}
	// An escape is at least two characters: the one after a backslash is never the start of another.
	for (let i = piece.indexOf(0x5c); i !== -1; i = piece.indexOf(0x5c, i + 2)) {
		const e = piece[i + 1];
		if (e === 0x6e || e === 0x72 || e === 0x74 || e === 0x62 || e === 0x66) return false;
		if (e === 0x75) {
			const hex = piece.toString('latin1', i + 2, i + 6);
			if (HEX.test(hex) && unsafeEscape(Number.parseInt(hex, 16))) return false;
		}
	}
	return true;
}

declare const PA_TUI_CORPUS_SHA256: string | undefined;
declare const PA_TUI_CORPUS_BYTES: number | undefined;

/** A file's identity: it changes when the file is written, replaced or touched (`ctime` cannot be set back). */
export function fileIdentity(stats: Stats): string {
	return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** The bundled corpus as it was when its hash was checked (at install, bin/make-code-cache.cjs). */
let checkedBundled: {path: string; identity: string} | undefined;

/** `identity`: the file at `path` had the bundled corpus's hash when it had this identity. */
export function trustBundledCorpus(path: string, identity: string): void {
	checkedBundled = {path, identity};
}

/**
 * The bundled corpus was validated when the ingest wrote it (it checks its output with the
 * schema) and is by the tests; when the file is byte for byte that one, validating it again at
 * every start would only cost time. Byte for byte: the same identity as when its hash was
 * checked, else the same hash.
 */
function isBundledCorpus(file: string, bytes: Buffer): boolean {
	if (typeof PA_TUI_CORPUS_SHA256 !== 'string') return false;
	// Another size is another file: no need to hash (30 MB take ~25 ms).
	if (typeof PA_TUI_CORPUS_BYTES === 'number' && bytes.length !== PA_TUI_CORPUS_BYTES) return false;
	if (checkedBundled?.path === file) {
		try {
			if (fileIdentity(statSync(file)) === checkedBundled.identity) return true;
		} catch {
			// Read a moment ago; gone now: decided by the hash of what was read.
		}
	}
	return sha256(bytes) === PA_TUI_CORPUS_SHA256;
}

/** The identity of the file at `path` when it is the bundled corpus byte for byte (its hash checked), else undefined. */
export function bundledCorpusIdentity(path: string): string | undefined {
	const stats = statSync(path);
	return isBundledCorpus(path, readFileSync(path)) ? fileIdentity(stats) : undefined;
}

/** A corpus file's bytes, checked as far as is cheap: UTF-8 unless it is the bundled corpus. */
export interface CorpusBytes {
	bytes: Buffer;
	/** Where the JSON starts: after a byte-order mark. */
	from: number;
	/** The bundled corpus, byte for byte: validated already. */
	trusted: boolean;
}

export function readCorpusBytes(file: string): CorpusBytes {
	const name = quotePath(file);
	let bytes: Buffer;
	try {
		bytes = readFileLimited(file);
	} catch (error) {
		if (!(error instanceof ReadError)) throw error;
		throw new CorpusError(`cannot read corpus ${name}: ${error.reason}`);
	}
	const trusted = isBundledCorpus(file, bytes);
	if (!trusted && !isUtf8(bytes)) throw new CorpusError(`${name}:${invalidUtf8Line(bytes)}: not valid UTF-8 text`);
	const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	return {bytes, from, trusted};
}

/** The whole file parsed (a file not laid out for records.ts, or a caller that wants it all). */
export function parseCorpusBytes(file: string, {bytes, from, trusted}: CorpusBytes): ReadFile {
	const name = quotePath(file);
	let text: string;
	try {
		text = bytes.toString('utf8', from);
	} catch {
		// Longer than the longest string V8 can make (about 512 MiB of text).
		throw new CorpusError(`cannot read corpus ${name}: too large to decode (${formatSize(bytes.length)})`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw new CorpusError(`cannot read corpus ${name}: ${quote((error as Error).message, 120)}`);
		throw new CorpusError(`${name}: ${jsonProblem(text, error)}`);
	}
	return {data, trusted, terminalSafe: isTerminalSafeJson(bytes, from)};
}

export function readCorpusFile(file: string): ReadFile {
	return parseCorpusBytes(file, readCorpusBytes(file));
}
