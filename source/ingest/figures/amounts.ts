// Finding money amounts in a sentence: where each is written, its number and its currency.

import type {Currency} from '../../corpus/schema.ts';
import {MAX_AMOUNT} from '../../corpus/vocabulary.ts';

export interface Amount {
	/** As written: "847.07 million yuan", "$ 19,727,500", "11.6 million". */
	text: string;
	start: number;
	end: number;
	/** The number in its own currency. */
	value: number;
	currency: Currency;
	/** True when the currency is not written but implied by the sentence ("11.6 million more than that"). */
	implied: boolean;
}

const SCALES: Record<string, number> = {hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12};
const WORD_NUMBERS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90,
	a: 1,
};

export const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORD_NUM =
	'(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
export const SCALE = String.raw`(?:hundred|thousand|million|billion|trillion)(?:\s+(?:thousand|million|billion))?`;
/** Currency words written after a number. */
export const CURRENCY_AFTER = String.raw`(?:yuan|RMB|renminbi|(?:US\s+)?dollars?|USD)`;
/** Currency signs and codes written before a number. */
const CURRENCY_BEFORE = String.raw`(?:\b(?:RMB|CNY|USD)\s*|¥\s*|(?<![A-Za-z$])(?:US\s*)?\$\s*)`;

// Explicit: "847.07 million yuan", "one million yuan", "RMB 3 million", "¥500", "$ 71.75 million", "2 million US dollars".
const EXPLICIT = new RegExp(
	String.raw`${CURRENCY_BEFORE}(?:${NUM})(?:\s+${SCALE})?\b|(?<![\w.,])(?:${NUM}|\b${WORD_NUM}(?:[\s-]${WORD_NUM})?|\ba)(?:\s+${SCALE})?\s+${CURRENCY_AFTER}\b`,
	'gi',
);
// Implied: "11.6 million more than that in 2008", "a total of 8 million for it".
const SCALED = new RegExp(String.raw`(?<![\w.,$¥])(?:${NUM}|\b${WORD_NUM})\s+(?:million|billion|trillion)\b`, 'gi');

/** Words that may follow an amount whose currency is implied (anything else is a counted noun). */
const IMPLIED_FOLLOWERS =
	/^(?:$|[,.;:)]|(?:more|less|was|were|is|are|had|has|have|been|for|in|from|to|of|and|respectively|over|as|with|by)\b)/i;
/** A sentence about money: only there does a bare "8 million" mean money. */
const MONEY_CONTEXT =
	/\b(?:yuan|RMB|dollars?|fund|funds|funding|invest\w*|capital|loans?|subsid\w*|grants?|donat\w*|financ\w*|budget\w*|spent|allocat\w*)\b|\$/i;
/** What makes a bare "8 million" money: a money word just before it, or a comparison with an amount of money. */
const MONEY_BEFORE =
	/(?:\b(?:invest\w*|allocat\w*|spen[td]\w*|donat\w*|raised|issued|granted|provided|arranged|put\s+in)\b(?:\s+\S+){0,4}|\b(?:fund\w*|capital|loans?|subsid\w*|investment|grants?|donations?)\s+of(?:\s+(?:about|nearly|over|a\s+total\s+of|more\s+than))?)\s*$/i;
const COMPARISON_AFTER = /^\s+(?:more|less|higher|lower)\s+than\b/i;

function currencyOf(text: string): Currency {
	return /\$|dollar|USD/i.test(text) ? 'USD' : 'CNY';
}

/** The number an amount's text stands for, in its own currency: "1.5065 trillion Yuan" → 1506500000000. */
export function parseAmount(text: string): number {
	const lower = text
		.toLowerCase()
		.replace(/rmb|cny|usd|us\s*\$|¥|\$|yuan|renminbi|us\s+dollars?|dollars?/g, ' ')
		.trim();
	const words = lower.split(/[\s-]+/).filter(Boolean);
	let value = 0;
	let i = 0;
	const first = words[i];
	if (first !== undefined && /^\d/.test(first)) {
		value = Number(first.replace(/,/g, ''));
		i++;
	} else {
		while (words[i] !== undefined && WORD_NUMBERS[words[i]!] !== undefined) value += WORD_NUMBERS[words[i++]!]!;
	}
	for (; i < words.length; i++) {
		const scale = SCALES[words[i]!];
		if (scale !== undefined) value *= scale;
	}
	return Math.round(value * 100) / 100;
}

/** Whether a number can be an amount of money at all (the schema's bound). */
export function isMoneyValue(value: number): boolean {
	return Number.isFinite(value) && value >= 0 && value <= MAX_AMOUNT;
}

interface Span {
	text: string;
	start: number;
	end: number;
	implied?: boolean;
}

/** The first span that ends after `start`: spans are in order and do not overlap (a binary search). */
function overlaps(spans: Span[], start: number, end: number): boolean {
	let lo = 0;
	let hi = spans.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid]!.end <= start) lo = mid + 1;
		else hi = mid;
	}
	return lo < spans.length && spans[lo]!.start < end;
}

/** Every amount of money in a sentence, in order; numbers that are no amount a number can hold are left out. */
export function findAmounts(sentence: string): Amount[] {
	const explicit: Span[] = [];
	for (const m of sentence.matchAll(EXPLICIT)) {
		if (/^a\s/i.test(m[0]) && !/^a\s+(?:hundred|thousand|million|billion)/i.test(m[0])) continue;
		explicit.push({text: m[0].trimEnd(), start: m.index!, end: m.index! + m[0].trimEnd().length});
	}
	const implied: Span[] = [];
	if (MONEY_CONTEXT.test(sentence)) {
		for (const m of sentence.matchAll(SCALED)) {
			const start = m.index!;
			const end = start + m[0].length;
			// SCALED matches never overlap one another, so only the explicit amounts matter.
			if (overlaps(explicit, start, end)) continue;
			const after = sentence.slice(end);
			if (!IMPLIED_FOLLOWERS.test(after.trimStart())) continue;
			const compared = COMPARISON_AFTER.test(after) && explicit[0] !== undefined && explicit[0].end <= start;
			if (!compared && !MONEY_BEFORE.test(sentence.slice(Math.max(0, start - 60), start))) continue;
			implied.push({text: m[0], start, end, implied: true});
		}
	}
	const amounts: Amount[] = [];
	// An implied currency is the one of the amount it is read beside: the last one written before it.
	let written: Currency = 'CNY';
	for (const {text, start, end, implied: isImplied = false} of [...explicit, ...implied].sort((a, b) => a.start - b.start)) {
		const value = parseAmount(text);
		// "999…9 yuan" with hundreds of digits is no amount of money (and JSON would write null).
		if (!isMoneyValue(value)) continue;
		if (!isImplied) written = currencyOf(text);
		amounts.push({text, start, end, value, currency: written, implied: isImplied});
	}
	return amounts;
}
