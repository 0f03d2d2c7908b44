// Changes: an amount that is itself a difference ("9.2 million yuan more than that in 2008"),
// the change a sentence states for an amount ("up 6.15%"), and the numbers in it.

import {type Amount, CURRENCY_AFTER, NUM, SCALE} from './amounts.ts';

/**
 * How far around an amount its change is looked for, in characters. The phrases read are a few
 * words long; the bound keeps a garbled "sentence" (a table run into one line, with thousands of
 * amounts) from taking time that grows with the square of its length.
 */
export const WINDOW = 400;

const AMOUNT_LIKE = String.raw`(?:${NUM})(?:\s+${SCALE})?(?:\s+${CURRENCY_AFTER})?`;
const HEDGE = String.raw`(?:(?:nearly|about|over|almost|around|approximately|more\s+than)\s+)?`;
const RISE = 'increase|decrease|growth|rise|drop|reduction|decline|fall';
const CHANGE_PHRASES = [
	String.raw`\b(?:up|down)\s+(?:by\s+)?${HEDGE}[\d.]+\s*%`,
	String.raw`\b(?:an?\s+)?(?:year-on-year\s+|annual\s+)?(?:${RISE})(?:\s+rate)?\s+of\s+${HEDGE}${AMOUNT_LIKE}(?:\s*%)?(?:\s+(?:over|compared\s+with|than)\s+(?:that\s+(?:of|in)\s+)?(?:the\s+same\s+period\s+of\s+)?(?:last\s+year|the\s+previous\s+year|\d{4}))?`,
	String.raw`\b(?:increased|decreased|grew|rose|fell|dropped|declined|increasing|decreasing|growing|rising|falling)\s+by\s+${HEDGE}[\d.]+\s*%`,
	String.raw`${HEDGE}${AMOUNT_LIKE}\s*%?\s+(?:more|less|higher|lower)\s+than\s+(?:that\s+)?(?:in\s+|of\s+)?(?:the\s+same\s+period\s+of\s+)?(?:last\s+year|the\s+previous\s+year|\d{4})(?:\s*\([^)]*\))?`,
	String.raw`\b(?:a\s+)?growth\s+rate\s+of\s+${HEDGE}[\d.]+\s*%`,
];
const CHANGE = new RegExp(CHANGE_PHRASES.map(p => `(?:${p})`).join('|'), 'gi');

/** A change stated before the amount it leads to: "increased by 15% to 500 million yuan". */
const CHANGE_BEFORE = new RegExp(
	String.raw`\b(?:(?:increased|decreased|grew|rose|fell|dropped|declined|went\s+up|went\s+down)\s+(?:by\s+)?|up\s+|down\s+)${HEDGE}[\d.]+\s*%(?:\s+year[\s-]on[\s-]year)?\s+to\s+(?:${HEDGE})?$`,
	'i',
);

const FALLING = /\b(?:less|lower|decreas\w*|down|drop\w*|fell|fall\w*|declin\w*|reduc\w*|cut)\b/i;

/** +1 for a rise, -1 for a fall, as the words of a change say. */
export function direction(text: string): 1 | -1 {
	return FALLING.test(text) ? -1 : 1;
}

/** The difference an amount itself states, with its direction, or undefined when the amount is not a difference. */
export function differenceDirection(sentence: string, amount: Amount): 1 | -1 | undefined {
	const after = sentence.slice(amount.end, amount.end + WINDOW);
	const before = sentence.slice(Math.max(0, amount.start - WINDOW), amount.start);
	const than = /^\s+(?:[Yy]uan\s+)?(more|less|higher|lower)\s+than\b/.exec(after);
	if (than) return direction(than[1]!);
	// "an increase of", "income growth per capita of", "the income growth target of", "increasing labor income of"
	const of = new RegExp(
		String.raw`\b(${RISE}|increment)(?:\s+(?:per\s+capita|per\s+\w+|target|in\s+\w+(?:\s+\w+)?))?\s+of\s+${HEDGE}$`,
		'i',
	).exec(before);
	if (of) return direction(of[1]!);
	const income = new RegExp(
		String.raw`\b(increas|rais|boost|decreas|reduc)\w*\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:income|incomes|revenue|earnings)\s+(?:of|by)\s+${HEDGE}$`,
		'i',
	).exec(before);
	if (income) return direction(income[1]!);
	const by = /\b(increased|decreased|grew|rose|fell|dropped|declined|reduced|up|down)\s+(?:by\s+)?(?:nearly\s+|about\s+|over\s+)?$/i.exec(
		before,
	);
	// "rose by 20 million yuan to 300 million yuan": by an amount, not to it.
	if (by && !/\bto\s*$/.test(before)) return direction(by[1]!);
	return undefined;
}

/** The change the sentence states for `amount` (after it, up to the next amount that is not a change; or just before it). */
export function changeText(sentence: string, amount: Amount, next: Amount | undefined): string | null {
	const before = CHANGE_BEFORE.exec(sentence.slice(Math.max(0, amount.start - 120), amount.start));
	if (before) return before[0].replace(/\s+to\s+\S*\s*$/i, '').trim();
	// The clause ends at the next ';' — looked for only up to the next amount.
	const limit = Math.min(next?.start ?? sentence.length, amount.end + WINDOW);
	const window = sentence.slice(amount.end, limit);
	const semi = window.indexOf(';');
	const segment = semi === -1 ? window : window.slice(0, semi);
	let first: RegExpMatchArray | undefined;
	let lastEnd = 0;
	for (const m of segment.matchAll(CHANGE)) {
		// Further changes joined by commas or "and" belong to the same amount: "… more than that in 2008, up 2.9%".
		if (first && !/^[\s,]*(?:and\s+)?$/.test(segment.slice(lastEnd, m.index))) break;
		first ??= m;
		lastEnd = m.index! + m[0].length;
	}
	return first ? segment.slice(first.index, lastEnd).trim() : null;
}

/** A list of changes, one per amount: "up 15% and nearly 200%", "up 29.7%, 15.1% and 48.7%". */
const CHANGE_LIST =
	/\b(up|down|increased by|grew by|rose by)\s+((?:(?:nearly|about|over|almost)\s+)?\d[\d.]*\s*%(?:\s*(?:,\s*and|,|and)\s*(?:(?:nearly|about|over|almost)\s+)?\d[\d.]*\s*%)+)/i;

/**
 * "570 million yuan … and 107 million yuan …, respectively up 15% and nearly 200%": in a
 * sentence that says "respectively", a list of changes goes, in order, to the amounts just
 * before it. Index of the amount → its change.
 */
export function respectivelyChanges(sentence: string, amounts: Amount[], isChange: boolean[]): Map<number, string> {
	const out = new Map<number, string>();
	if (!/\brespectively\b/i.test(sentence)) return out;
	const m = CHANGE_LIST.exec(sentence);
	if (!m) return out;
	const items = m[2]!.split(/\s*(?:,\s*and|,|and)\s*/).filter(Boolean);
	const before = amounts.map((a, i) => ({a, i})).filter(({a, i}) => a.end <= m.index && !isChange[i]);
	if (before.length < items.length) return out;
	for (const [n, {i}] of before.slice(before.length - items.length).entries()) out.set(i, `${m[1]} ${items[n]}`);
	return out;
}

/** The first percentage a change states, signed by its wording: "down 14.1%" → -14.1; "a growth rate of 767%" → 767. */
export function changePercent(change: string | null): number | null {
	if (change === null) return null;
	const m = /(\d[\d,]*(?:\.\d+)?)\s*%/.exec(change);
	if (!m) return null;
	const value = Number(m[1]!.replace(/,/g, ''));
	if (!Number.isFinite(value)) return null;
	// The words of its own phrase say which way ("down 14.1%", "14.1% lower than").
	const phrase = change.slice(change.lastIndexOf(',', m.index) + 1, m.index + m[0].length + 12);
	return direction(phrase) * value;
}
