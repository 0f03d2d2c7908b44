// What an amount is, in a few words of the text: the phrase the amount is "of" ("anti-poverty
// funds of 847.07 million yuan", "402 million yuan of anti-poverty funds"), the subject it
// measures ("the per capita net income reached 3,490 yuan"), what it is "for" ("351.42 million
// yuan for the development of facility farming"), or the money noun of its clause.

import type {Amount} from './amounts.ts';
import {WINDOW} from './change.ts';
import {cleanWord, DETERMINERS, isEmptyLabel, looksLikeVerb, MONEY_NOUN, phraseAfter, phraseBefore, words} from './phrases.ts';

export interface LabelInput {
	sentence: string;
	amount: Amount;
	/** The amount before this one in the sentence, with the label it was given. */
	previous: {amount: Amount; label: string} | undefined;
	nextStart: number;
}

const HEDGE = String.raw`(?:(?:a\s+total\s+of|totally|about|nearly|almost|around|approximately|more\s+than|over|up\s+to|no\s+less\s+than|not\s+less\s+than|at\s+least|at\s+most|less\s+than|respectively|averagely|on\s+average|an\s+average\s+of|a\s+record|only|just)\s+)*`;

const OF_BEFORE = new RegExp(
	String.raw`(\S.*?)\s+(?:of|totaling|totalling|amounting\s+(?:to|for)|worth|reaching|valued\s+at)\s+${HEDGE}$`,
	'i',
);
const VERB_BEFORE = new RegExp(
	String.raw`(\S.*?)\s+(?:(?:should|will|would|shall|to|must|can)\s+)?(?:was|were|is|are|be|reached|reach|reaches|hit|stood\s+at|rose\s+to|increased\s+to|grew\s+to|amounted\s+to|amount\s+to|amounts\s+to|totaled|totalled|came\s+to|exceeded|exceeding|above|below|under|averaged|(?:rose|increased|grew|went\s+up|fell|dropped|decreased|declined|reduced)\s+(?:from|by)|(?:was|were|is|are)\s+(?:raised|increased|set|lifted|adjusted|enhanced|reduced)\s+(?:from|to|by))\s+${HEDGE}$`,
	'i',
);
/** After the amount, a participle: "264 million yuan was financial development fund", but not "… was issued". */
const WAS_AFTER =
	/^\s+(?:was|were)\s+(?!\w+ed\b(?!\s+(?:funds?|capital|loans?|investments?|money|subsid\w+)\b)|(?:put|spent|set|given|made|paid|lent|sent|built|got|taken|used|raised|from|for|by|to|in|on|at|mainly|all|respectively|also|still|directly|further)\b)(.*)$/i;
/** Where or when the money went is not what it is: "in 2012", "to Qinghai Province", "in the four counties". */
const PLACE_OR_TIME =
	/^(?:\d|total|all\b|the\s+(?:province|region|city|county|year|same|whole|first|end|past|last)\b|(?:province|region|city|county|counties|villages?|areas?|year|years|that\s+year|it|them|this|these|which|average|cash)\b)|^\p{Lu}/u;

function ofAfter(after: string): string {
	const m = /^\s+(?:of)\s+(?!which\b|whom\b|them\b|this\b|it\b|these\b|those\b|the\s+total\b)(.*)$/i.exec(after);
	return m ? phraseAfter(m[1]!) : '';
}

function ofBefore(before: string): string {
	const m = OF_BEFORE.exec(before);
	if (!m) return '';
	const np = phraseBefore(m[1]!);
	return /^(?:a\s+)?(?:total|sum|amount|total\s+amount)$/i.test(np) ? '' : np;
}

/**
 * The subject an amount measures: "the per capita net income of rural households in the
 * province reached 6260 yuan" → "per capita net income of rural households" (the money is the
 * income, not the province): the last money noun of the clause with what qualifies it.
 */
function subjectBefore(before: string): string {
	const m = VERB_BEFORE.exec(before);
	if (!m) return '';
	const clause = m[1]!.split(/[,;:]/).pop()!;
	const ws = words(clause);
	const moneyAt = ws.findLastIndex(w => MONEY_NOUN.test(cleanWord(w)));
	if (moneyAt < 0) return phraseBefore(clause);
	const head = phraseBefore(ws.slice(0, moneyAt + 1).join(' '));
	// "… of rural households", "… for each poor village", "… issued by mutual societies": kept up to a place or time.
	const tail: string[] = [];
	for (const w of ws.slice(moneyAt + 1).map(cleanWord)) {
		if (/^(?:in|at|on|during|since|this|that|last|the\s+year)$/i.test(w) || /^\d/.test(w) || tail.length >= 4) break;
		tail.push(w);
	}
	while (tail.length > 0 && /^(?:of|for|by|to|from|the|a|an|and|each|per|every)$/i.test(tail.at(-1)!)) tail.pop();
	// A unit is said by `per`, not by the label: "for each poor village" is dropped.
	const kept =
		tail.findIndex(w => /^(?:for|to)$/i.test(w)) === -1
			? tail
			: tail.slice(
					0,
					tail.findIndex(w => /^(?:for|to)$/i.test(w)),
				);
	const text = [head, ...(kept.length >= 2 ? kept : [])].join(' ').trim();
	return head === '' ? '' : text;
}

function wasAfter(after: string): string {
	const m = WAS_AFTER.exec(after);
	return m ? phraseAfter(m[1]!) : '';
}

/** What the money was for: "… yuan for the development of facility farming", "… was invested in industrial poverty alleviation". */
function purposeAfter(after: string): {phrase: string; preposition: string} {
	const none = {phrase: '', preposition: ''};
	const m =
		/^\s+(?:(?:was|were|is|are|will\s+be)\s+)?(?:(?:mainly|all|directly|respectively|also)\s+)?(?:(?:\w+ed|spent|put|paid|lent|given|used|set\s+aside)\s+)?(?:mainly\s+)?(for|in|on|to)\s+(.*)$/i.exec(
			after,
		);
	if (!m) return none;
	const preposition = m[1]!.toLowerCase();
	let rest = m[2]!;
	// "to resettle 1.2 million people": what the money does, not what it is (the verb before it names that).
	const infinitive = /^\s+(?:was\s+|were\s+)?(?:used\s+|spent\s+)?(?:in\s+order\s+|so\s+as\s+)?to\s+$/i.test(
		after.slice(0, after.length - rest.length),
	);
	if (infinitive && /^\p{Ll}+\s+(?:the|a|an|\d)/u.test(rest)) return none;
	while (DETERMINERS.test(words(rest)[0] ?? '')) rest = rest.replace(/^\S+\s*/, '');
	if (PLACE_OR_TIME.test(rest) || /^(?:each|every|per|be|being|been)\b/i.test(rest)) return none;
	const taken: string[] = [];
	for (const raw of words(rest).slice(0, 9)) {
		const w = cleanWord(raw);
		if (taken.length >= 6) break;
		// "the implementation of 72 projects": the count is not what the money is for.
		if (/^\d/.test(w) && /^of$/i.test(taken.at(-1) ?? '')) continue;
		if (w === '' || /^\d/.test(w) || /^(?:and|or|in|with|which|that|while|through|by|each|per|every)$/i.test(w)) break;
		if (looksLikeVerb(w) && taken.length > 0) break;
		taken.push(w);
		if (/[,.;:)]$/.test(raw)) break;
	}
	while (taken.length > 0 && /^(?:the|a|an|of|for|to|at|on|from)$/i.test(taken.at(-1)!)) taken.pop();
	return {phrase: taken.join(' '), preposition: preposition === 'on' || preposition === 'in' ? 'for' : preposition};
}

/** The money noun nearest the amount in its clause, with the words that qualify it. */
function moneyNounNearby(sentence: string, amount: Amount): string {
	const from = Math.max(0, amount.start - WINDOW);
	const before = sentence.slice(from, amount.start);
	const clauseStart = from + Math.max(before.lastIndexOf(';'), before.lastIndexOf(','), 0);
	const nearby = words(sentence.slice(clauseStart, Math.min(sentence.length, amount.end + 80)).split(/[;,]/)[0]!);
	const positions = nearby.map((w, i) => (MONEY_NOUN.test(cleanWord(w)) ? i : -1)).filter(i => i >= 0);
	for (const i of positions) {
		const np = phraseBefore(nearby.slice(0, i + 1).join(' '));
		if (np !== '' && !isEmptyLabel(np)) return np;
	}
	return '';
}

/** Who the money came from: "of which 274 million yuan was from the provincial government" → "from provincial government". */
export function sourceAfter(after: string): string {
	const m =
		/^\s+(?:(?:was|were)\s+)?(?:(?:\w+ed|raised|given|paid|put\s+in|spent|lent|came|come|comes)\s+)?(?:from|by)\s+(?:the\s+)?(.*)$/i.exec(
			after,
		);
	if (!m) return '';
	const np = phraseAfter(m[1]!, 5);
	return np === '' ? '' : `from ${np}`;
}

/** Only a list connector between two amounts: "A and B", "A, B", "from A in 2011 to B", "A, 1,000 yuan per person". */
const CONNECTOR =
	/^\s*(?:(?:in|of)\s+(?:the\s+)?(?:year\s+)?\d{4}\s*)?,?\s*(?:(?:and|or|to|respectively|averagely|on\s+average|i\.e\.|namely|or\s+about)\s+)*$/i;
/** The base of a comparison: "up 16% compared to the figure of 3,964 yuan", "… more than that in 2011 (60 million yuan)". */
export const COMPARED_BEFORE =
	/(?:\b(?:compared\s+(?:with|to)|against)\s+(?:the\s+(?:figure|level|amount|total)\s+of\s+|that\s+(?:of|in)\s+(?:\d{4}\s+)?)?|\bthan\s+(?:the\s+(?:figure|level|amount|total)\s+of\s+|that\s+(?:of|in)\s+(?:\d{4}\s+)?)|\b(?:than|over)\s+(?:that\s+(?:of|in)\s+)?\d{4}\s*\(\s*)$/i;
/** Only a change stands between the amount compared and its base: ", up 16% compared to the figure of". */
export function isComparisonBase(before: string): boolean {
	const m = COMPARED_BEFORE.exec(before);
	if (!m) return false;
	const rest = before.slice(0, m.index);
	return /^[\s,]*(?:(?:\w+\s+){0,3}?(?:up|down|increase|decrease|increased|decreased|rose|fell|grew|more|less|higher|lower|growth)\b[^,;()]*)?[\s,]*$/i.test(
		rest,
	);
}

/** "that for each poor village … were 400,000 yuan", "these figures … were": the thing named before. */
const ANAPHORA =
	/(?:^|[,;]\s*|\band\s+)(?:that|those|these\s+figures|the\s+figure|it|they)\b[^,;]{0,80}?\b(?:was|were|is|are|reached)\s+(?:respectively\s+)?$/i;
/** "raised the compensation standard for key forest to 19 yuan", "set the poverty line at 2300 yuan". */
const ACTIVE_TO =
	/\b(?:raised|increased|lifted|adjusted|enhanced|set|improved|determined|fixed|reduced|lowered)\s+(?:the\s+)?(.+?)\s+(?:from\s+.{1,40}?\s+)?(?:to|at)\s+(?:${HEDGE})?$/i;
/** "598 projects with a total of 3.6 billion yuan": what the total is of. */
const WITH_TOTAL = new RegExp(String.raw`(\S.*?)\s+with\s+(?:a\s+total\s+of|an?\s+(?:total\s+)?(?:amount|sum)\s+of)\s+${HEDGE}$`, 'i');

/** How a label was read: the money's own noun phrase, another amount's, what it is for, or where it came from. */
export type LabelSource = 'noun' | 'previous' | 'purpose' | 'source' | 'nearby' | 'none';

export interface ReadLabel {
	label: string;
	how: LabelSource;
	/** For a purpose: the word that joins it to a whole's label ("for", "to"). */
	preposition?: string;
}

/** The words after an amount, past a bracket that follows it: "1.117 billion yuan (847 million … ) was financial funds". */
function afterOf(sentence: string, amount: Amount, nextStart: number): string {
	const rest = sentence.slice(amount.end, amount.end + WINDOW).replace(/^\s*(?:yuan|rmb)\b/i, '');
	if (/^\s*\(/.test(rest)) {
		const close = rest.indexOf(')');
		if (close !== -1) return rest.slice(close + 1).replace(/^\s*,?/, ' ');
	}
	return sentence.slice(amount.end, Math.min(nextStart, amount.end + WINDOW)).replace(/^\s*(?:yuan|rmb)\b/i, '');
}

/** The label the words around an amount give it, and how it was read; '' when they name nothing. */
export function readLabel({sentence, amount, previous, nextStart}: LabelInput): ReadLabel {
	const before = sentence.slice(Math.max(previous?.amount.end ?? 0, amount.start - WINDOW), amount.start);
	const after = afterOf(sentence, amount, nextStart);
	const usable = (np: string) => np !== '' && !isEmptyLabel(np);
	// "the standard of 2300 yuan of annual per capita net income": the amount is the standard's, the
	// phrase after it its measure; else "402 million yuan of anti-poverty funds".
	const named = ofBefore(before);
	if (usable(named) && /^\s+of\s/i.test(after)) return {label: named, how: 'noun'};
	const own = ofAfter(after) || asAfter(after);
	if (usable(own)) return {label: own, how: 'noun'};
	if (previous && previous.label !== '' && (CONNECTOR.test(before) || isComparisonBase(before) || ANAPHORA.test(before))) {
		return {label: previous.label, how: 'previous'};
	}
	for (const read of [
		() => ofBefore(before),
		() => wasAfter(after),
		() => activeTo(before),
		() => subjectBefore(before),
		() => withTotal(before),
	]) {
		const np = read().replace(/\s+/g, ' ');
		if (usable(np)) return {label: np, how: 'noun'};
	}
	const purpose = purposeAfter(after);
	if (usable(purpose.phrase)) return {label: purpose.phrase, how: 'purpose', preposition: purpose.preposition};
	const nearby = moneyNounNearby(sentence, amount);
	if (nearby !== '') return {label: nearby, how: 'nearby'};
	const source = sourceAfter(after);
	return source === '' ? {label: '', how: 'none'} : {label: source, how: 'source'};
}

function asAfter(after: string): string {
	const m = /^\s+as\s+(?!well\b|a\s+result\b|of\b|planned\b|required\b)(.*)$/i.exec(after);
	return m ? phraseAfter(m[1]!) : '';
}

function activeTo(before: string): string {
	const m = ACTIVE_TO.exec(before.split(/[;,]/).pop()!);
	return m ? phraseAfter(m[1]!, 6) : '';
}

function withTotal(before: string): string {
	const m = WITH_TOTAL.exec(before);
	return m ? phraseBefore(m[1]!, 5) : '';
}

/** The nearest money noun before the amount anywhere in its sentence: "provided subsidies for …, 1500 yuan per person" → subsidies. */
export function moneyNounBefore(sentence: string, amount: Amount): string {
	const ws = words(sentence.slice(Math.max(0, amount.start - WINDOW), amount.start));
	for (let i = ws.length - 1; i >= 0; i--) {
		if (!MONEY_NOUN.test(cleanWord(ws[i]!))) continue;
		const np = phraseBefore(ws.slice(0, i + 1).join(' '));
		if (np !== '' && !isEmptyLabel(np)) return np;
	}
	return '';
}

const NOUN_OF_VERB: Array<[RegExp, string]> = [
	[/^invest/i, 'investment'],
	[/^donat/i, 'donations'],
	[/^allocat/i, 'allocated funds'],
	[/^rais/i, 'funds raised'],
	[/^spen[td]/i, 'spending'],
	[/^lent|^lend/i, 'loans'],
	[/^subsidi[sz]/i, 'subsidy'],
	[/^reward/i, 'reward'],
	[/^put$/i, 'funds put in'],
	[/^integrat/i, 'integrated funds'],
	[/^(?:receiv|obtain|got$|won$|secur|gain)/i, 'funds received'],
	[/^(?:issu|provid|arrang|grant|earmark|disburs|inject|input)/i, 'funds'],
];

/** A noun for what the nearest verb did with the money ("invested 3 million yuan" → investment), or ''. */
export function nounOfVerb(sentence: string, amount: Amount): string {
	const around = `${sentence.slice(Math.max(0, amount.start - 80), amount.start)} ${sentence.slice(amount.end, amount.end + 40).split(/[,;]/)[0]}`;
	const ws = words(around).map(cleanWord);
	// Nearest first: the words before the amount from the end, then the words after it.
	const split = words(sentence.slice(Math.max(0, amount.start - 80), amount.start)).length;
	const order = [...ws.slice(0, split).reverse().slice(0, 8), ...ws.slice(split, split + 6)];
	for (const w of order) {
		for (const [verb, noun] of NOUN_OF_VERB) if (verb.test(w)) return noun;
	}
	return '';
}
