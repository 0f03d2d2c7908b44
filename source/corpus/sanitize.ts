// Text from a corpus is untrusted: before it reaches a terminal, remove escape sequences,
// control characters and bidirectional overrides, leaving a visible mark where something was.

/** Shown where something was removed, so a reader knows the text was altered. */
export const REMOVED_MARK = '␦';

const ESCAPE_SEQUENCE = new RegExp(
	[
		String.raw`\x1b\[[0-?]*[ -/]*[@-~]`, // CSI
		String.raw`\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?`, // OSC (title, clipboard, links)
		String.raw`\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?`, // DCS, SOS, PM, APC
		String.raw`\x9b[0-?]*[ -/]*[@-~]`, // 8-bit CSI
		String.raw`[\x90\x98\x9d\x9e\x9f][^\x1b\x9c\x07]*(?:\x1b\\|\x9c|\x07)?`, // 8-bit DCS/SOS/OSC/PM/APC
		String.raw`\x1b[ -/]*[0-~]?`, // any other escape
	].join('|'),
	'g',
);
// C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Safe for a terminal; keeps newlines and tabs. */
export function sanitize(text: string): string {
	if (!needsSanitizing(text)) return text;
	return text.replace(ESCAPE_SEQUENCE, REMOVED_MARK).replace(CONTROL, REMOVED_MARK);
}

export function needsSanitizing(text: string): boolean {
	return /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(text);
}

/** Every string of a JSON-shaped value, sanitized; other values unchanged. */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') return sanitize(value) as T;
	if (Array.isArray(value)) return value.map(sanitizeDeep) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = sanitizeDeep(v);
		return out as T;
	}
	return value;
}
