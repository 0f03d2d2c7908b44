// Quoting what a user typed (or a file holds) in a one-line message: safe for a terminal and
// short, so that no error line repeats more than about a terminal line of someone's input.

import {sanitizeLine} from '../corpus/sanitize.ts';

/** At most `max` characters, on one line, control characters marked; a cut shows as "…". */
export function quoteText(text: string, max = 60): string {
	const safe = sanitizeLine(text);
	if (safe.length <= max) return safe;
	return `${safe.slice(0, pairStart(safe, max - 1))}…`;
}

/** `at`, or one less when `at` would split a surrogate pair. */
function pairStart(text: string, at: number): number {
	const code = text.charCodeAt(at);
	return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** A path, shortened in the middle so that its file name stays readable: "/very/long/…/corpus.json". */
export function quotePath(path: string, max = 80): string {
	const safe = sanitizeLine(path);
	if (safe.length <= max) return safe;
	const tail = Math.floor(max * 0.6);
	const head = max - tail - 1;
	return `${safe.slice(0, pairStart(safe, head))}…${safe.slice(pairStart(safe, safe.length - tail))}`;
}
