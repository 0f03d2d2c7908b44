// Noun phrases around a word position, read with plain English grammar: determiners,
// prepositions, pronouns and verbs end a phrase; numbers are not part of one.

export const DETERMINERS = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|such|some|all|each|every|any|various|other)$/i;

/** Words that never belong to the noun phrase read backwards from an amount. */
const STOP_BACKWARD = new Set(
	(
		'the a an of in on for to at by from with and or which that was were is are be been being has had have will shall would can could may might must should ' +
		'put set spent got made gave took total totaling totalling amounting reached reaching its their our it we they as than more less including respectively ' +
		'about nearly over some all invest allocate issue provide raise arrange obtain get use give into average averagely approximately around almost up down ' +
		'also still only further additionally altogether totally directly indirectly actually successively accumulatively cumulatively another extra additional ' +
		'this these those such there here where when while so then thus hence per each every any'
	).split(' '),
);
const STOP_FORWARD = new Set(
	(
		'was were is are be been being has had have will shall would can could may might must should to for in on at by from with and or which that of as into ' +
		'than more less respectively while including excluding per each every through via among between after before during since until when where who whose'
	).split(' '),
);

/** Nouns that name money: the head of a phrase about an amount. */
export const MONEY_NOUN =
	/^(?:funds?|funding|loans?|subsid(?:y|ies)|investments?|capital|grants?|income|incomes|revenues?|gdp|donations?|interest|credit|budgets?|allowances?|awards?|rewards?|microcredit|assistance|aid|support|money|relief|value|line|standards?|bonus(?:es)?|compensation|payments?|output|earnings|wages?|salar(?:y|ies)|profits?|sales|taxes|tax|expenditures?|spending|input|contributions?|cash|assets|savings|deposits?|losses|loss|costs?|prices?|fees?|balance|transfers?)$/i;

export function words(text: string): string[] {
	return text.split(/\s+/).filter(Boolean);
}

export function cleanWord(word: string): string {
	return word.replace(/^[“"‘(]+|[”"’),.;:]+$/g, '');
}

/** A past form used as a verb: "arranged", "issued" (not "poverty-stricken" or "self-raised"). */
export function looksLikeVerb(word: string): boolean {
	return /[^e]ed$/i.test(word) && !word.includes('-');
}

/** Noun phrase ending just before `text`'s end, read backwards: "issued financial anti-poverty funds" → "financial anti-poverty funds". */
export function phraseBefore(text: string, most = 6): string {
	const ws = words(text);
	const taken: string[] = [];
	for (let i = ws.length - 1; i >= 0 && taken.length < most; i--) {
		const raw = ws[i]!;
		if (/[,.;:)(]$/.test(raw) && taken.length > 0) break;
		const w = cleanWord(raw);
		// "per capita net income": "per" is a word of the phrase when "capita" follows.
		const perCapita = /^per$/i.test(w) && /^capita$/i.test(taken[0] ?? '');
		if (!perCapita && (w === '' || /^\d/.test(w) || STOP_BACKWARD.has(w.toLowerCase()) || looksLikeVerb(w))) break;
		taken.unshift(w);
		if (/^[(“"]/.test(raw)) break;
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

/** Noun phrase starting at `text`'s start: "financial anti-poverty funds was issued" → "financial anti-poverty funds". */
export function phraseAfter(text: string, most = 7): string {
	const ws = words(text);
	const taken: string[] = [];
	let i = 0;
	while (i < ws.length && DETERMINERS.test(ws[i]!)) i++;
	for (; i < ws.length && taken.length < most; i++) {
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
		// "annual rural per capita net income": "per capita" belongs to the phrase.
		if (lower === 'per' && /^capita$/i.test(cleanWord(ws[i + 1] ?? ''))) {
			taken.push(w);
			continue;
		}
		if (w === '' || /^\d/.test(w) || STOP_FORWARD.has(lower)) break;
		if (looksLikeVerb(w) && taken.length > 0) break;
		taken.push(w);
		if (/[,.;:)”"]$/.test(raw)) break;
	}
	return taken.join(' ');
}

/** Words of a label that say nothing of what the money is. */
const EMPTY =
	/^(?:amount|amounts|increase|increases|decrease|growth|rise|drop|kind|kinds|total|sum|difference|figure|figures|number|more|less|it|this|that|them|which|year|years|the|a|an|of|in|and|for|to|from|by|with|as|other|others|same|period)$/i;

/** A label made only of empty words ("amount", "increase", "a total", "kind"). */
export function isEmptyLabel(label: string): boolean {
	return words(label).every(w => EMPTY.test(cleanWord(w)) || /^\d/.test(w));
}
