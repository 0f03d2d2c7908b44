// Money amounts in a paragraph: what is written, the value in yuan, the sentence, a label and
// the change the sentence states. Pure functions of the text.

export interface Figure {
	text: string;
	yuan: number;
	sentence: string;
	label: string;
	change: string | null;
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

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORD_NUM =
	'(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const SCALE = String.raw`(?:hundred|thousand|million|billion|trillion)(?:\s+(?:thousand|million|billion))?`;
const CURRENCY = '(?:yuan|RMB|renminbi)';

// Explicit: "847.07 million yuan", "one million yuan", "RMB 3 million", "¥500".
const EXPLICIT = new RegExp(
	String.raw`(?:\b(?:RMB|CNY)\s*|¥\s*)(?:${NUM})(?:\s+${SCALE})?\b|(?<![\w.,])(?:${NUM}|\b${WORD_NUM}(?:[\s-]${WORD_NUM})?|\ba)(?:\s+${SCALE})?\s+${CURRENCY}\b`,
	'gi',
);
// Implied: "11.6 million more than that in 2008", "a total of 8 million for it".
const SCALED = new RegExp(String.raw`(?<![\w.,])(?:${NUM}|\b${WORD_NUM})\s+(?:million|billion|trillion)\b`, 'gi');

/** Words that may follow an amount whose currency is implied (anything else is a counted noun). */
const IMPLIED_FOLLOWERS =
	/^(?:$|[,.;:)]|(?:more|less|was|were|is|are|had|has|have|been|for|in|from|to|of|and|respectively|over|as|with|by)\b)/i;
/** A sentence about money: only there does a bare "8 million" mean yuan. */
const MONEY_CONTEXT =
	/\b(?:yuan|RMB|fund|funds|funding|invest\w*|capital|loans?|subsid\w*|grants?|donat\w*|financ\w*|budget\w*|spent|allocat\w*)\b/i;
/** What makes a bare "8 million" money: a money word just before it, or a comparison with an amount in yuan. */
const MONEY_BEFORE =
	/(?:\b(?:invest\w*|allocat\w*|spen[td]\w*|donat\w*|raised|issued|granted|provided|arranged|put\s+in)\b(?:\s+\S+){0,4}|\b(?:fund\w*|capital|loans?|subsid\w*|investment|grants?|donations?)\s+of(?:\s+(?:about|nearly|over|a\s+total\s+of|more\s+than))?)\s*$/i;
const COMPARISON_AFTER = /^\s+(?:more|less|higher|lower)\s+than\b/i;

export function parseAmount(text: string): number {
	const lower = text
		.toLowerCase()
		.replace(/rmb|cny|¥|yuan|renminbi/g, ' ')
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

/** Sentences of a paragraph, with their offsets. Decimal points and "No. 5" do not end one. */
export function sentences(paragraph: string): Array<{text: string; start: number}> {
	const result: Array<{text: string; start: number}> = [];
	const boundary = /(?<!\b(?:No|Co|Ltd|Mr|Mrs|Dr|St|etc|Nos|i\.e|e\.g))[.!?。](?=["”’)]?\s+["“‘(]?[\p{Lu}\d])/gu;
	let start = 0;
	for (const m of paragraph.matchAll(boundary)) {
		let end = m.index! + 1;
		while (/["”’)]/.test(paragraph.charAt(end))) end++;
		result.push({text: paragraph.slice(start, end).trim(), start});
		start = end;
		while (/\s/.test(paragraph.charAt(start))) start++;
	}
	if (start < paragraph.length) result.push({text: paragraph.slice(start).trim(), start});
	return result.filter(s => s.text !== '');
}

interface Match {
	text: string;
	start: number;
	end: number;
}

function findAmounts(sentence: string): Match[] {
	const found: Match[] = [];
	for (const m of sentence.matchAll(EXPLICIT)) {
		if (/^a\s/i.test(m[0]) && !/^a\s+(?:hundred|thousand|million|billion)/i.test(m[0])) continue;
		found.push({text: m[0], start: m.index!, end: m.index! + m[0].length});
	}
	if (MONEY_CONTEXT.test(sentence)) {
		// Explicit amounts are in order and do not overlap: the one that could overlap a match is
		// the first that ends after the match starts (a binary search, not a scan per match).
		const explicit = found.slice();
		const overlapsExplicit = (start: number, end: number): boolean => {
			let lo = 0;
			let hi = explicit.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (explicit[mid]!.end <= start) lo = mid + 1;
				else hi = mid;
			}
			return lo < explicit.length && explicit[lo]!.start < end;
		};
		for (const m of sentence.matchAll(SCALED)) {
			const start = m.index!;
			const end = start + m[0].length;
			// SCALED matches never overlap one another, so only the explicit amounts matter.
			if (overlapsExplicit(start, end)) continue;
			const after = sentence.slice(end);
			if (!IMPLIED_FOLLOWERS.test(after.trimStart())) continue;
			const compared = COMPARISON_AFTER.test(after) && found.length > 0;
			if (!compared && !MONEY_BEFORE.test(sentence.slice(Math.max(0, start - 60), start))) continue;
			found.push({text: m[0], start, end});
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

// ---- change ---------------------------------------------------------------------------------

const AMOUNT_LIKE = String.raw`(?:${NUM})(?:\s+${SCALE})?(?:\s+${CURRENCY})?`;
const CHANGE_PHRASES = [
	String.raw`\b(?:up|down)\s+(?:by\s+)?(?:nearly\s+|about\s+|over\s+)?[\d.]+\s*%`,
	String.raw`\b(?:an?\s+)?(?:year-on-year\s+)?(?:increase|decrease|growth|rise|drop|reduction)(?:\s+rate)?\s+of\s+(?:nearly\s+|about\s+)?${AMOUNT_LIKE}(?:\s*%)?(?:\s+(?:over|compared with|than)\s+(?:that\s+(?:of|in)\s+)?\d{4})?`,
	String.raw`\b(?:increased|decreased|grew|rose|fell)\s+by\s+[\d.]+\s*%`,
	String.raw`${AMOUNT_LIKE}\s+(?:more|less|higher|lower)\s+than\s+(?:that\s+)?(?:in|of)\s+\d{4}(?:\s*\([^)]*\))?`,
	String.raw`\b(?:a\s+)?growth\s+rate\s+of\s+[\d.]+\s*%`,
];
const CHANGE = new RegExp(CHANGE_PHRASES.map(p => `(?:${p})`).join('|'), 'gi');

/**
 * How far around an amount its label and change are looked for, in characters. The phrases read
 * are a few words long; the bound keeps a garbled "sentence" (a table run into one line, with
 * thousands of amounts) from taking time that grows with the square of its length or worse.
 */
const WINDOW = 400;

/** True when the amount at `start` is itself the difference stated for an earlier amount. */
function beginsChange(sentence: string, amount: Match): boolean {
	const after = sentence.slice(amount.end, amount.end + WINDOW);
	const before = sentence.slice(Math.max(0, amount.start - WINDOW), amount.start);
	return (
		/^\s+(?:[Yy]uan\s+)?(?:more|less|higher|lower)\s+than\b/.test(after) ||
		/\b(?:increase|decrease|growth|rise|drop)\s+of\s+(?:nearly\s+|about\s+)?$/i.test(before)
	);
}

function changeFor(sentence: string, amount: Match, next: Match | undefined): string | null {
	// The clause ends at the next ';' — looked for only up to the next amount.
	const limit = next?.start ?? sentence.length;
	const end = Math.min(limit, nextClauseEnd(sentence.slice(0, limit), amount.end));
	const segment = sentence.slice(amount.end, end);
	const matches = [...segment.matchAll(CHANGE)];
	if (matches.length === 0) return null;
	const first = matches[0]!;
	let last = first;
	for (const m of matches.slice(1)) {
		const gap = segment.slice(last.index! + last[0].length, m.index!);
		if (!/^[\s,]*(?:and\s+)?$/.test(gap)) break;
		last = m;
	}
	return segment.slice(first.index!, last.index! + last[0].length).trim();
}

function nextClauseEnd(sentence: string, from: number): number {
	const semi = sentence.indexOf(';', from);
	return semi === -1 ? sentence.length : semi;
}

// ---- label ----------------------------------------------------------------------------------

const STOP_BACKWARD = new Set([
	'the',
	'a',
	'an',
	'of',
	'in',
	'on',
	'for',
	'to',
	'at',
	'by',
	'from',
	'with',
	'and',
	'or',
	'which',
	'that',
	'was',
	'were',
	'is',
	'are',
	'be',
	'been',
	'has',
	'had',
	'have',
	'put',
	'set',
	'spent',
	'got',
	'made',
	'gave',
	'took',
	'total',
	'totaling',
	'totalling',
	'amounting',
	'reached',
	'its',
	'their',
	'our',
	'it',
	'we',
	'they',
	'as',
	'than',
	'more',
	'less',
	'including',
	'respectively',
	'about',
	'nearly',
	'over',
	'some',
	'all',
	'invest',
	'allocate',
	'issue',
	'provide',
	'raise',
	'arrange',
	'obtain',
	'get',
	'use',
	'give',
	'into',
	'average',
]);
const STOP_FORWARD = new Set([
	'was',
	'were',
	'is',
	'are',
	'be',
	'been',
	'has',
	'had',
	'have',
	'to',
	'for',
	'in',
	'on',
	'at',
	'by',
	'from',
	'with',
	'and',
	'or',
	'which',
	'that',
	'of',
	'as',
	'into',
	'than',
	'more',
	'less',
	'respectively',
	'were',
	'while',
	'including',
	'excluding',
]);
const MONEY_NOUN =
	/^(?:funds?|funding|loans?|subsid(?:y|ies)|investments?|capital|grants?|income|revenue|gdp|donations?|interest|credit|budget|allowances?|awards?|rewards?|microcredit|assistance|aid|support|money|relief|value|line|bonus(?:es)?|compensation|payments?|output)$/i;

const FUNCTION_TAIL = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'for', 'in', 'on', 'to', 'at', 'by', 'with', 'from']);

function words(text: string): string[] {
	return text.split(/\s+/).filter(Boolean);
}

function cleanWord(word: string): string {
	return word.replace(/^[“"‘(]+|[”"’),.;:]+$/g, '');
}

function looksLikeVerb(word: string): boolean {
	return /ed$/i.test(word) && !word.includes('-');
}

/** Noun phrase ending just before `text`'s end, read backwards: "issued financial anti-poverty funds" → "financial anti-poverty funds". */
function phraseBefore(text: string): string {
	const ws = words(text);
	const taken: string[] = [];
	for (let i = ws.length - 1; i >= 0 && taken.length < 6; i--) {
		const raw = ws[i]!;
		if (/[,.;:)(]$/.test(raw) && taken.length > 0) break;
		const w = cleanWord(raw);
		if (w === '' || /^\d/.test(w) || STOP_BACKWARD.has(w.toLowerCase()) || looksLikeVerb(w)) break;
		taken.unshift(w);
		if (/^[(“"]/.test(raw)) break;
	}
	return taken.join(' ');
}

/** Noun phrase starting at `text`'s start: "financial anti-poverty funds was issued" → "financial anti-poverty funds". */
function phraseAfter(text: string): string {
	const ws = words(text);
	const taken: string[] = [];
	let i = 0;
	while (i < ws.length && /^(?:the|a|an|its|their)$/i.test(ws[i]!)) i++;
	for (; i < ws.length && taken.length < 7; i++) {
		const raw = ws[i]!;
		const w = cleanWord(raw);
		const lower = w.toLowerCase();
		// "county and city matching fund", "central and provincial anti-poverty funds"
		if (lower === 'and' && taken.length > 0 && joinsNounPhrase(ws, i)) {
			taken.push(w);
			continue;
		}
		// "various kinds of special funds": the kind is not what the money is.
		if (lower === 'of' && taken.length > 0 && /^(?:kinds?|types?|sorts?)$/i.test(taken[taken.length - 1]!)) {
			taken.length = 0;
			continue;
		}
		if (w === '' || /^\d/.test(w) || STOP_FORWARD.has(lower)) break;
		if (looksLikeVerb(w) && taken.length > 0) break;
		taken.push(w);
		if (/[,.;:)”"]$/.test(raw)) break;
	}
	return taken.join(' ');
}

/** Whether "and" at `i` joins two modifiers of one noun: a money noun follows before any stop. */
function joinsNounPhrase(ws: string[], i: number): boolean {
	for (let n = i + 1; n < Math.min(ws.length, i + 5); n++) {
		const w = cleanWord(ws[n]!);
		if (w === '' || /^\d/.test(w) || STOP_FORWARD.has(w.toLowerCase()) || looksLikeVerb(w)) return false;
		if (MONEY_NOUN.test(w)) return true;
		if (/[,.;:)]$/.test(ws[n]!)) return false;
	}
	return false;
}

function perUnit(after: string): string {
	const m = /^\s*(?:[Yy]uan\s+)?(per\s+(?:capita|person|household|mu|village|head|year|month|student|people|poor\s+\w+|\w+))/.exec(after);
	return m ? ` ${m[1]}` : '';
}

function labelFor(sentence: string, amount: Match): string {
	const from = Math.max(0, amount.start - WINDOW);
	const before = sentence.slice(from, amount.start);
	const after = sentence.slice(amount.end, amount.end + WINDOW);
	const per = perUnit(after);
	// "funds of 847.07 million yuan", "a subsidy of 5,000 yuan per household"
	const ofBefore =
		/(\S.*?)\s+(?:of|totaling|totalling|amounting to|worth|reaching)\s+(?:a\s+total\s+of\s+|about\s+|nearly\s+|more\s+than\s+|over\s+|up\s+to\s+|no\s+less\s+than\s+)?$/i.exec(
			before,
		);
	if (ofBefore) {
		const np = phraseBefore(ofBefore[1]!);
		if (np !== '' && !/^(?:total|sum|amount)$/i.test(np)) return np + per;
	}
	// "402 million Yuan of anti-poverty funds"
	const ofAfter = /^\s+(?:[Yy]uan\s+)?(?:of|in)\s+(.*)$/.exec(after);
	if (ofAfter) {
		const np = phraseAfter(ofAfter[1]!);
		if (np !== '') return np + per;
	}
	// "264 million Yuan was financial development fund"
	const wasAfter = /^\s+(?:was|were)\s+(?!\w+ed\b|(?:put|spent|set|given|made|paid|lent|sent|built|got|taken|used|raised)\b)(.*)$/.exec(
		after,
	);
	if (wasAfter) {
		const np = phraseAfter(wasAfter[1]!);
		if (np !== '') return np + per;
	}
	// "the per capita net income reached 6,000 Yuan", "its GDP was 1.5 trillion Yuan"
	const verbBefore =
		/(\S.*?)\s+(?:was|were|reached|hit|stood at|rose to|increased to|amounted to|of)\s+(?:a\s+total\s+of\s+|about\s+|nearly\s+|more\s+than\s+|over\s+)?$/i.exec(
			before,
		);
	if (verbBefore) {
		// "the per capita net income of rural households in the province reached 6260 yuan": the
		// money is the income, not the province.
		const clause = verbBefore[1]!.split(/[,;]/).pop()!;
		const moneyAt = words(clause).findLastIndex(w => MONEY_NOUN.test(cleanWord(w)));
		const np =
			moneyAt >= 0
				? phraseBefore(
						words(clause)
							.slice(0, moneyAt + 1)
							.join(' '),
					)
				: phraseBefore(verbBefore[1]!);
		if (np !== '') return np + per;
	}
	// Nearest phrase around a money noun.
	const clauseStart = from + Math.max(before.lastIndexOf(';'), before.lastIndexOf(','), 0);
	const nearby = words(sentence.slice(clauseStart, Math.min(sentence.length, amount.end + 80)));
	for (let i = 0; i < nearby.length; i++) {
		if (MONEY_NOUN.test(cleanWord(nearby[i]!))) {
			const upto = nearby.slice(0, i + 1).join(' ');
			const np = phraseBefore(upto);
			if (np !== '') return np + per;
		}
	}
	const fromAfter = /^\s+(?:[Yy]uan\s+)?(?:was\s+|were\s+)?(from)\s+(?:the\s+)?(.*)$/.exec(after);
	if (fromAfter) {
		const np = phraseAfter(fromAfter[2]!);
		if (np !== '') return `from ${np}`;
	}
	const forAfter = /^\s+(?:[Yy]uan\s+)?(?:(?:was|were)\s+\w+\s+(?:in\s+)?)?(?:for|to|in)\s+(?:the\s+)?(.*)$/.exec(after);
	if (forAfter) {
		const taken = words(forAfter[1]!).slice(0, 5);
		const stop = taken.findIndex(w => /[,.;:)]$/.test(w));
		const phrase = (stop === -1 ? taken : taken.slice(0, stop + 1)).map(cleanWord);
		while (phrase.length > 0 && FUNCTION_TAIL.has(phrase[phrase.length - 1]!.toLowerCase())) phrase.pop();
		if (phrase.length > 0 && !/^\d/.test(phrase[0]!)) return phrase.join(' ');
	}
	return 'amount';
}

/** "9.2 million Yuan more than that in 2008" → "more than that in 2008"; "an increase of 20 million" → "increase". */
function differenceLabel(sentence: string, amount: Match): string {
	const m = /^\s+(?:[Yy]uan\s+)?((?:more|less|higher|lower)\s+than\s+(?:that\s+)?(?:in|of)\s+\d{4})/.exec(sentence.slice(amount.end));
	if (m) return m[1]!;
	const before = /\b(increase|decrease|growth|rise|drop)\s+of\s+(?:nearly\s+|about\s+)?$/i.exec(
		sentence.slice(Math.max(0, amount.start - WINDOW), amount.start),
	);
	return before ? before[1]!.toLowerCase() : 'difference';
}

/** A list of changes, one per amount: "up 15% and nearly 200%", "up 29.7%, 15.1% and 48.7%". */
const CHANGE_LIST =
	/\b(up|down|increased by|grew by|rose by)\s+((?:(?:nearly|about|over|almost)\s+)?\d[\d.]*\s*%(?:\s*(?:,\s*and|,|and)\s*(?:(?:nearly|about|over|almost)\s+)?\d[\d.]*\s*%)+)/i;

/**
 * "570 million yuan … and 107 million yuan …, respectively up 15% and nearly 200%": in a
 * sentence that says "respectively", a list of changes goes, in order, to the amounts just
 * before it. Index of the amount → its change.
 */
function respectivelyChanges(sentence: string, amounts: Match[], isChange: boolean[]): Map<number, string> {
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

// ---- public ---------------------------------------------------------------------------------

export function extractFigures(paragraph: string): Figure[] {
	const figures: Figure[] = [];
	for (const sentence of sentences(paragraph)) {
		const amounts = findAmounts(sentence.text);
		const isChange = amounts.map(amount => beginsChange(sentence.text, amount));
		// For each amount, the next one that is not itself a change (computed once, from the end).
		const nextAmount: Array<Match | undefined> = [];
		let following: Match | undefined;
		for (let i = amounts.length - 1; i >= 0; i--) {
			nextAmount[i] = following;
			if (!isChange[i]) following = amounts[i];
		}
		const shared = respectivelyChanges(sentence.text, amounts, isChange);
		amounts.forEach((amount, i) => {
			const yuan = parseAmount(amount.text);
			// "999…9 yuan" with hundreds of digits is no amount a number can hold (JSON would write null).
			if (!Number.isFinite(yuan)) return;
			figures.push({
				text: amount.text,
				yuan,
				sentence: sentence.text,
				label: (isChange[i] ? differenceLabel(sentence.text, amount) : labelFor(sentence.text, amount)).replace(/\s+/g, ' '),
				change: isChange[i] ? null : (shared.get(i) ?? changeFor(sentence.text, amount, nextAmount[i])),
			});
		});
	}
	return figures;
}
