// Where a JSON text stops being JSON. V8's JSON.parse names a position for most errors but not
// for "Unexpected token"; finding it by re-parsing prefixes took 12 s and 3 GB on a 300 MB file.
// This is one pass over the text, stopping at the first error, building nothing: the cost is
// that of reading up to the error. Only run once JSON.parse has failed.
//
// Not a library: error-tolerant parsers (jsonc-parser) carry on past the first error and build
// the tree; only the first offending character is wanted here.

/** What may come next. */
const Expect = {
	/** A value (the top level, after ':' or after ',' in an array). */
	Value: 0,
	/** A value or ']' (just after '['). */
	ValueOrClose: 1,
	/** A key or '}' (just after '{'). */
	KeyOrClose: 2,
	/** A key (after ',' in an object). */
	Key: 3,
	/** ':' after a key. */
	Colon: 4,
	/** ',' or the container's closing bracket, or the end of the text at the top level. */
	Next: 5,
} as const;
type Expect = (typeof Expect)[keyof typeof Expect];

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number): boolean {
	return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
	return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** End of the string opening at `i` (the index after its closing quote), or -(offset + 1) of the first error. */
function scanString(text: string, i: number): number {
	let at = i + 1;
	for (;;) {
		if (at >= text.length) return -(text.length + 1);
		const c = text.charCodeAt(at);
		if (c === 0x22) return at + 1;
		if (c < 0x20) return -(at + 1);
		if (c === 0x5c) {
			const e = text.charCodeAt(at + 1);
			if (at + 1 >= text.length) return -(text.length + 1);
			if (e === 0x75) {
				for (let k = 2; k <= 5; k++) {
					if (at + k >= text.length) return -(text.length + 1);
					if (!isHex(text.charCodeAt(at + k))) return -(at + k + 1);
				}
				at += 6;
				continue;
			}
			// " \ / b f n r t
			if (![0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(e)) return -(at + 2);
			at += 2;
			continue;
		}
		at++;
	}
}

/** End of the number starting at `i`, or -(offset + 1) of the first error. */
function scanNumber(text: string, i: number): number {
	let at = i;
	if (text.charCodeAt(at) === 0x2d) at++;
	if (at >= text.length) return -(text.length + 1);
	const first = text.charCodeAt(at);
	if (first === 0x30) at++;
	else if (isDigit(first)) while (isDigit(text.charCodeAt(at))) at++;
	else return -(at + 1);
	for (const [mark, sign] of [
		[0x2e, false],
		[0x65, true],
	] as const) {
		const c = text.charCodeAt(at);
		if (c !== mark && !(sign && c === 0x45)) continue;
		at++;
		if (sign && (text.charCodeAt(at) === 0x2b || text.charCodeAt(at) === 0x2d)) at++;
		if (at >= text.length) return -(text.length + 1);
		if (!isDigit(text.charCodeAt(at))) return -(at + 1);
		while (isDigit(text.charCodeAt(at))) at++;
	}
	return at;
}

/** End of the literal (true, false, null) at `i`, or -(offset + 1) of the first error. */
function scanLiteral(text: string, i: number): number {
	const word = text.charCodeAt(i) === 0x74 ? 'true' : text.charCodeAt(i) === 0x66 ? 'false' : 'null';
	for (let k = 0; k < word.length; k++) {
		if (i + k >= text.length) return -(text.length + 1);
		if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return -(i + k + 1);
	}
	return i + word.length;
}

/**
 * The offset of the first character at which `text` can no longer be the beginning of a JSON
 * text; `text.length` when it is a valid beginning that ends too soon; undefined when it is JSON.
 */
export function jsonErrorOffset(text: string): number | undefined {
	const stack: number[] = []; // 0x7b '{' or 0x5b '['
	let expect: Expect = Expect.Value;
	let i = 0;
	for (;;) {
		while (i < text.length && isSpace(text.charCodeAt(i))) i++;
		if (i >= text.length) return expect === Expect.Next && stack.length === 0 ? undefined : text.length;
		const c = text.charCodeAt(i);
		if (expect === Expect.Next) {
			const open = stack[stack.length - 1];
			if (open === undefined) return i; // something after the top-level value
			if (c === 0x2c) {
				expect = open === 0x7b ? Expect.Key : Expect.Value;
				i++;
			} else if ((open === 0x7b && c === 0x7d) || (open === 0x5b && c === 0x5d)) {
				stack.pop();
				i++;
			} else return i;
			continue;
		}
		if (expect === Expect.Colon) {
			if (c !== 0x3a) return i;
			expect = Expect.Value;
			i++;
			continue;
		}
		if (expect === Expect.Key || expect === Expect.KeyOrClose) {
			if (expect === Expect.KeyOrClose && c === 0x7d) {
				stack.pop();
				expect = Expect.Next;
				i++;
				continue;
			}
			if (c !== 0x22) return i;
			const end = scanString(text, i);
			if (end < 0) return -end - 1;
			i = end;
			expect = Expect.Colon;
			continue;
		}
		// A value (or, just after '[', the closing bracket).
		if (expect === Expect.ValueOrClose && c === 0x5d) {
			stack.pop();
			expect = Expect.Next;
			i++;
			continue;
		}
		if (c === 0x7b || c === 0x5b) {
			stack.push(c);
			expect = c === 0x7b ? Expect.KeyOrClose : Expect.ValueOrClose;
			i++;
			continue;
		}
		let end: number;
		if (c === 0x22) end = scanString(text, i);
		else if (c === 0x2d || isDigit(c)) end = scanNumber(text, i);
		else if (c === 0x74 || c === 0x66 || c === 0x6e) end = scanLiteral(text, i);
		else return i;
		if (end < 0) return -end - 1;
		i = end;
		expect = Expect.Next;
	}
}
