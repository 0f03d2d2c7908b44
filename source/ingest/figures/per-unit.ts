// Per-unit amounts: "1,500 yuan per person", "3.05 million yuan for each village", "the per
// capita net income reached 3,490 yuan". The unit is named after "per", "each" or "every".

import type {Amount} from './amounts.ts';

/** Nouns that name a person however the text counts them. */
const PERSON = /^(?:capita|head|heads|people|persons?|person-times?|individuals?|man|men|people's)$/i;
/** Time is a rate, not a unit of what is counted: "per person per year" is per person. */
const TIME = /^(?:years?|annum|months?|days?|weeks?|terms?|semesters?|academic|school|session)$/i;
/** Words that end the noun phrase of a unit: prepositions, verbs, conjunctions. */
const ENDS_PHRASE =
	/^(?:in|of|on|at|for|to|from|with|by|and|or|was|were|is|are|has|have|had|who|which|that|per|each|every|a|an|the|as|than|annually|yearly|on average|averagely)$/i;

/** Verbs and auxiliaries that follow a subject ("each household gets", "each village will"). */
const VERB =
	/^(?:gets?|got|receives?|enjoys?|can|could|will|would|may|might|shall|should|must|needs?|pays?|paid|takes?|took|gives?|gave|invests?|spends?|spent|earns?|reaches?|amounts?|averages?|rose|rises?|fell|falls?|grew|grows?|put|puts|went|came|stood|hit|up|down|above|below|over|under|including|reached|was|were|is|are)$/i;
/** Words that qualify the unit noun rather than being it: "poor village", "relocated household", "poverty-stricken household". */
const ADJECTIVE =
	/^(?:poor|key|new|old|needy|main|major|other|such|same|rich|weak|small|big|large|extra|whole|entire|single|rural|urban|\p{L}+(?:ed|ive|ous|al|ic|ful|less|able|ible)|\p{L}+-\p{L}+)$/iu;

/** Money a unit may qualify: "per household project funds". */
const MONEY =
	/^(?:funds?|funding|subsid(?:y|ies)|investments?|capital|grants?|loans?|income|allowances?|rewards?|awards?|support|aid|projects?)$/i;

/** One word, singular and lower case: "Households" → household, "counties" → county, "capita" → person. */
export function singular(word: string): string {
	const w = word.toLowerCase().replace(/['’]s$/, '');
	if (PERSON.test(w)) return 'person';
	if (w === 'children') return 'child';
	if (/(?:ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
	if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
	if (/[^su]s$/.test(w)) return w.slice(0, -1);
	return w;
}

/** The head noun of a short phrase after "per"/"each": "poor village in key counties" → village; null for time. */
function unitNoun(phrase: string): string | null {
	const words = phrase
		.split(/\s+/)
		.map(w => w.replace(/^[“"‘(]+|[”"’),.;:]+$/g, ''))
		.filter(Boolean);
	// "each of the 15 counties"
	let i = 0;
	if (/^of$/i.test(words[0] ?? '')) {
		i = 1;
		while (i < words.length && /^(?:the|these|those|\d[\d,]*)$/i.test(words[i]!)) i++;
	}
	// The words of the unit's noun phrase, up to a preposition or a verb.
	const run: string[] = [];
	for (; i < words.length && run.length < 5; i++) {
		const w = words[i]!;
		if (ENDS_PHRASE.test(w) || VERB.test(w) || /^\d/.test(w) || !/^[\p{L}-]+$/u.test(w)) break;
		// After a noun, "-ed" is the verb: "each household received".
		if (run.length > 0 && /[^e]ed$/i.test(w) && !ADJECTIVE.test(run.at(-1)!)) break;
		if (PERSON.test(w)) return run.every(r => ADJECTIVE.test(r)) ? 'person' : unitOfRun(run);
		run.push(w);
	}
	return unitOfRun(run);
}

/**
 * A unit noun phrase's unit: its head, the last word ("each poor village" → village, "each
 * immigrant household" → household) — unless it goes on into the money it qualifies, where the
 * unit is the noun before ("per village project funds" → village).
 */
function unitOfRun(run: string[]): string | null {
	const money = run.findIndex((w, k) => k > 0 && MONEY.test(w));
	const nouns = (money === -1 ? run : run.slice(0, money)).filter((w, k, all) => k === all.length - 1 || !ADJECTIVE.test(w));
	const unit = money === -1 ? nouns.at(-1) : nouns.find(w => !ADJECTIVE.test(w));
	if (unit === undefined || TIME.test(unit)) return null;
	// A lone qualifier is a verb or an adjective ("each obtained"), never a unit.
	if (ADJECTIVE.test(unit) && !/-/.test(unit)) return null;
	return singular(unit);
}

const AFTER =
	/^\s*(?:(?:on\s+average|averagely|in\s+average|at\s+most|at\s+least)\s+)?(?:per|for\s+each|to\s+each|for\s+every|to\s+every|each|every|\/)\s*([^;,.()]{1,60})/i;
const BEFORE = /^(?:per|each|every)\s+([^;,.()]{1,60})/i;

/**
 * The unit of a per-unit amount, or null for a total. Read just after the amount ("per person",
 * "for each village", "/mu"), else in the words of its own clause before it ("the per capita net
 * income reached", "the subsidy for each household was").
 */
export function perUnitOf(sentence: string, amount: Amount, previousEnd: number, nextStart: number): string | null {
	const after = sentence.slice(amount.end, Math.min(nextStart, amount.end + 80));
	for (const m of after.matchAll(/(?:^|\s)(?=(?:per|for each|to each|for every|to every|each|every|on average|averagely)\b|\/)/gi)) {
		// The unit comes within a few words of the amount and its clause; "per person per year" → person;
		// not after another conjunct ("300,000 yuan and per household project funds of 2000 yuan").
		if (m.index! > 40 || /[,;]|\b(?:and|or|but|while|whereas)\b/i.test(after.slice(0, m.index!))) break;
		const unit = AFTER.exec(after.slice(m.index!));
		const noun = unit ? unitNoun(unit[1]!) : null;
		if (noun) return noun;
	}
	const from = Math.max(previousEnd, amount.start - 160);
	const clause = sentence.slice(from, amount.start);
	const own = clause.slice(Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'), clause.lastIndexOf(':')) + 1);
	// The nearest "per …" or "each …" before the amount, within its own clause.
	let found: string | null = null;
	for (let at = own.search(/\b(?:per|each|every)\s/i); at !== -1; ) {
		const m = BEFORE.exec(own.slice(at));
		if (m) found = unitNoun(m[1]!) ?? found;
		const rest = own.slice(at + 1).search(/\b(?:per|each|every)\s/i);
		at = rest === -1 ? -1 : at + 1 + rest;
	}
	return found;
}
