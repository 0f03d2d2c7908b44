// Text from a corpus is untrusted: before it reaches a terminal, remove escape sequences,
// control characters and bidirectional overrides, leaving a visible mark where something was.

/** Shown where something was removed, so a reader knows the text was altered. */
export const REMOVED_MARK = '␦';

// Every sequence starts with a character that CONTROL below also matches, so whatever the
// sequence patterns miss (a lone ESC, ESC at the very end) is still replaced.
const ESCAPE_SEQUENCE = new RegExp(
	[
		String.raw`\x1b\[[0-?]*[ -/]*[@-~]`, // CSI
		// OSC (title, clipboard, links): ends at BEL or ST (ESC \ or 8-bit); unterminated, at the end.
		String.raw`\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?`,
		String.raw`\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?`, // DCS, SOS, PM, APC
		String.raw`\x9b[0-?]*[ -/]*[@-~]`, // 8-bit CSI
		String.raw`[\x90\x98\x9d\x9e\x9f][^\x1b\x9c\x07]*(?:\x1b\\|\x9c|\x07)?`, // 8-bit DCS/SOS/OSC/PM/APC
		String.raw`\x1b[ -/]*[0-~]?`, // any other escape (nF, Fp, Fe, Fs), or a lone ESC
	].join('|'),
	'g',
);

// C0 controls except tab and newline (so \r, \b, BEL, ESC), DEL, C1 controls, and the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
const UNSAFE = String.raw`\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069`;
// A surrogate without its other half (JSON can hold "\ud800") is not a character: a terminal
// prints U+FFFD, one cell, where a width measure counted none. Marked like any invalid text.
const LONE_SURROGATE = String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const CONTROL = new RegExp(`[${UNSAFE}]|${LONE_SURROGATE}`, 'g');
// A plain class is the fast scan; a surrogate pair (an emoji) only costs the full check.
const NEEDS_SANITIZING = new RegExp(`[${UNSAFE}\ud800-\udfff]`);
/** Characters that break a one-line field: line and paragraph breaks, tabs. */
const LINE_BREAKING = /[\n\t\u2028\u2029]/;
const LINE_BREAKS = /\r\n|[\n\t\u2028\u2029]/g;

/** Safe for a terminal; keeps newlines and tabs. */
export function sanitize(text: string): string {
	if (!needsSanitizing(text)) return text;
	return text.replace(ESCAPE_SEQUENCE, REMOVED_MARK).replace(CONTROL, REMOVED_MARK);
}

export function needsSanitizing(text: string): boolean {
	return NEEDS_SANITIZING.test(text);
}

/**
 * Safe for a terminal and on one line: line breaks and tabs become spaces as well. For fields
 * shown in a table or a one-line message (titles, headings, names, labels, error messages).
 */
export function sanitizeLine(text: string): string {
	const safe = sanitize(text);
	return LINE_BREAKING.test(safe) ? safe.replace(LINE_BREAKS, ' ') : safe;
}

/** Fields of the corpus that hold running text and may keep their line breaks and tabs. */
const MULTILINE_FIELDS = new Set(['paragraphs', 'sentence']);

/**
 * Every string of a JSON-shaped value, sanitized; other values unchanged. Strings of fields not
 * in MULTILINE_FIELDS are one-line fields: a newline there could forge a table row.
 */
export function sanitizeDeep<T>(value: T, key = ''): T {
	if (typeof value === 'string') return (MULTILINE_FIELDS.has(key) ? sanitize(value) : sanitizeLine(value)) as T;
	if (Array.isArray(value)) return value.map(item => sanitizeDeep(item, key)) as T;
	if (value !== null && typeof value === 'object') {
		// fromEntries defines own properties: a key "__proto__" cannot change the prototype.
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeDeep(v, k)])) as T;
	}
	return value;
}

// JSON.stringify escapes C0 controls but writes DEL, C1 controls, bidi controls and the
// Unicode line separators as they are. Escaped, the JSON is still valid and parses back to
// the same strings, but cannot drive a terminal it is printed to.
const JSON_UNSAFE = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON.stringify, with every character a terminal could act on written as a \u escape. */
export function terminalSafeJson(value: unknown, space?: string | number): string {
	const json = JSON.stringify(value, null, space) as string | undefined;
	return (json ?? 'null').replace(JSON_UNSAFE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
