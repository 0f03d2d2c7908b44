// Checks on what a user typed, before any corpus is read: lengths, numbers, queries with a word
// in them, and parse errors turned into one short line. A message quotes at most a short piece of
// any argument (quoteText), however long it was.

import {quoteText} from '../format/quote.ts';
import {UsageError} from './context.ts';

/** PATH_MAX: no file name is longer, and nothing else a user types needs to be. */
export const MAX_ARGUMENT = 4096;
/** A region or a query: far more than any heading or region name (the explorer's box takes 80). */
export const MAX_QUERY = 200;

/** Refuse an argument longer than any file name at once, before it costs time anywhere. */
export function checkArgumentLengths(argv: string[]): void {
	const long = argv.find(a => a.length > MAX_ARGUMENT);
	if (long !== undefined) {
		throw new UsageError(
			`an argument of ${long.length.toLocaleString('en')} characters is too long (at most ${MAX_ARGUMENT}): "${quoteText(long, 40)}"`,
		);
	}
}

/**
 * `--limit -1` is a value to the user but an option to parseArgs ("argument is ambiguous"): a
 * negative number after an option that takes a value is joined to it (`--limit=-1`), so that the
 * option's own check can say what it takes.
 */
export function joinNegativeNumbers(argv: string[], takesValue: (option: string) => boolean): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const next = argv[i + 1];
		if (/^--[\w-]+$/.test(arg) && takesValue(arg.slice(2)) && next !== undefined && /^-\d/.test(next)) {
			out.push(`${arg}=${next}`);
			i++;
		} else out.push(arg);
	}
	return out;
}

/** A parseArgs error as one line, what it quotes shortened. */
export function parseErrorMessage(error: Error): string {
	const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(error.message);
	if (ambiguous) {
		const option = ambiguous[1]!;
		return `${option} needs a value (for a value that starts with "-", write ${option}=-…)`;
	}
	return `${error.message
		.replace(/\. To specify a positional argument.*$/s, '')
		.split('\n')[0]!
		.replace(/'([^']*)'/g, (_, quoted: string) => `'${quoteText(quoted, 40)}'`)} (see pa-tui --help)`;
}

/** A whole number (at most nine digits) of at least `least`, or undefined when not given. */
export function wholeNumber(name: string, value: string | undefined, least = 0): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d{1,9}$/.test(value) || Number(value) < least) {
		throw new UsageError(`--${name} takes a whole number${least > 0 ? ` of at least ${least}` : ''}, not "${quoteText(value, 20)}"`);
	}
	return Number(value);
}

/**
 * A query must hold a word (a letter or a digit): an empty or all-punctuation query ("", "(",
 * "*") matches everything or nothing, neither of which anyone asked for. At most MAX_QUERY long.
 */
export function checkQuery(what: string, query: string): void {
	if (query.length > MAX_QUERY) {
		throw new UsageError(
			`${what} is too long: ${query.length.toLocaleString('en')} characters, at most ${MAX_QUERY} ("${quoteText(query, 30)}")`,
		);
	}
	// An ASCII letter or digit answers without V8 building its Unicode tables (~1 ms on first use).
	if (!/[A-Za-z0-9]/.test(query) && !/[\p{L}\p{N}]/u.test(query))
		throw new UsageError(`${what} "${quoteText(query, 30)}" has no word to look for`);
}
