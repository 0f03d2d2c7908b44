// Strict UTF-8 decoding of a user's file, and where it first goes wrong: a line number a person
// can look up, for raw yearbook text and corpus files alike.

import {isUtf8} from 'node:buffer';

/**
 * The text, or undefined when the bytes are not UTF-8 (then ask invalidUtf8Line where). A
 * byte-order mark stays, as U+FEFF. Checked by isUtf8 (simdutf, the rules of a fatal
 * TextDecoder) and decoded by Buffer: a fatal TextDecoder costs ~3 ms to create (ICU) and
 * decodes several times slower.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
	if (!isUtf8(bytes)) return undefined;
	// Longer than the longest string V8 can make: thrown (not an encoding problem).
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * The line (1-based) holding the first byte that is not part of a valid UTF-8 sequence, by the
 * same rules as the decoder (RFC 3629): besides bytes that can never occur, an overlong form
 * (E0 80–9F, F0 80–8F), an encoded surrogate (ED A0–BF: CESU-8) and a code point past U+10FFFF
 * (F4 90–BF) are invalid in their second byte.
 */
export function invalidUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b < 0x80) {
			if (b === 0x0a) line++;
			i++;
			continue;
		}
		let need: number;
		let low = 0x80;
		let high = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) low = 0xa0;
			if (b === 0xed) high = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) low = 0x90;
			if (b === 0xf4) high = 0x8f;
		} else return line;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return line;
		}
		i += need + 1;
	}
	return line;
}
