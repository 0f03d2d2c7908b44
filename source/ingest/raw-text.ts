// Decoding a raw yearbook file: strict UTF-8, BOM and CRLF tolerated.

import {sanitize, sanitizeLine} from '../corpus/sanitize.ts';
import {quotePath, quoteText} from '../format/quote.ts';
import {formatSize} from '../io/read-limited.ts';
import {decodeUtf8, invalidUtf8Line} from '../io/utf8.ts';

/** A problem with the input or the output of an ingest; its message is one safe line. */
export class IngestError extends Error {
	constructor(
		readonly file: string,
		readonly problem: string,
		readonly line?: number,
	) {
		// Raw files are untrusted and file names may hold anything: the message goes to a terminal.
		super(sanitizeLine(`${quotePath(file)}${line === undefined ? '' : `:${line}`}: ${problem}`));
		this.name = 'IngestError';
	}
}

/** A piece of raw text quoted in an error message: one line, at most `max` characters. */
export function quoteRaw(text: string, max = 80): string {
	return quoteText(text, max);
}

/**
 * Bytes → text with `\n` line ends and no BOM; throws IngestError when the bytes are not UTF-8.
 * Raw text is untrusted like a corpus: escape sequences and control characters are marked (␦)
 * here, before they can reach a region name, an id or a heading (tabs and line breaks stay).
 */
export function decodeRaw(file: string, bytes: Uint8Array): string {
	let text: string | undefined;
	try {
		text = decodeUtf8(bytes);
	} catch {
		throw new IngestError(file, `too large to decode (${formatSize(bytes.length)})`);
	}
	if (text === undefined) throw new IngestError(file, 'not valid UTF-8 text', invalidUtf8Line(bytes));
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return sanitize(text.replace(/\r\n?/g, '\n'));
}
