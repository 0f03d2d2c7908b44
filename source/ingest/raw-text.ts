// Decoding a raw yearbook file: strict UTF-8, BOM and CRLF tolerated.

import {sanitizeLine} from '../corpus/sanitize.ts';

/** A problem with the input or the output of an ingest; its message is one safe line. */
export class IngestError extends Error {
	constructor(
		readonly file: string,
		readonly problem: string,
		readonly line?: number,
	) {
		// Raw files are untrusted and file names may hold anything: the message goes to a terminal.
		super(sanitizeLine(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`));
		this.name = 'IngestError';
	}
}

/** A piece of raw text quoted in an error message: one line, at most `max` characters. */
export function quoteRaw(text: string, max = 80): string {
	const line = sanitizeLine(text);
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const decoder = new TextDecoder('utf-8', {fatal: true});

/** The line (1-based) holding the first byte that is not valid UTF-8. */
function firstInvalidLine(bytes: Uint8Array): number {
	let line = 1;
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b === 0x0a) line++;
		let need = 0;
		if (b < 0x80) need = 0;
		else if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) need = 2;
		else if (b >= 0xf0 && b <= 0xf4) need = 3;
		else return line;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return line;
		}
		i += need + 1;
	}
	return line;
}

/** Bytes → text with `\n` line ends and no BOM; throws IngestError when the bytes are not UTF-8. */
export function decodeRaw(file: string, bytes: Uint8Array): string {
	let text: string;
	try {
		text = decoder.decode(bytes);
	} catch {
		throw new IngestError(file, 'not valid UTF-8 text', firstInvalidLine(bytes));
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return text.replace(/\r\n?/g, '\n');
}
