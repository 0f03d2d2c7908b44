// Finding the heading at the start of a paragraph.
//
// Two styles occur in the yearbook. Bracketed: `【Heading】 Body…`. Run-in: the heading is a
// title-case phrase followed by the body with one space, several spaces, a non-breaking space,
// or nothing at all ("Investment of Anti-poverty FundsIn 2012, …"). The run-in rules below use
// only the shape of English prose (title case, closed-class words, numbers, punctuation), the
// place names of the reports being parsed and the headings already found with certainty: no
// list of known headings, so that other editions parse too.

export interface HeadingSplit {
	heading: string;
	body: string;
}

/** Lower-case words that title case keeps lower-case inside a heading. */
const FUNCTION_WORDS = new Set([
	'a',
	'an',
	'the',
	'of',
	'and',
	'or',
	'nor',
	'for',
	'in',
	'on',
	'to',
	'at',
	'by',
	'with',
	'from',
	'into',
	'onto',
	'as',
	'via',
	'per',
	'than',
	'under',
	'over',
	'between',
	'among',
	'about',
	'after',
	'before',
	'during',
	'through',
	'within',
	'without',
	'against',
	'toward',
	'towards',
	'vs',
	'upon',
	'around',
]);

/** Capitalised, these begin a sentence: title case never capitalises them inside a heading. */
const SENTENCE_OPENERS = new Set([
	'The',
	'We',
	'It',
	'They',
	'This',
	'These',
	'That',
	'Those',
	'There',
	'Our',
	'Its',
	'Their',
	'He',
	'She',
	'His',
	'Her',
	'I',
	'You',
]);

/** Capitalised particles and connectives that usually begin a sentence but may stand in a heading. */
const SENTENCE_PARTICLES = new Set([
	'In',
	'On',
	'To',
	'At',
	'By',
	'For',
	'From',
	'With',
	'After',
	'Before',
	'Since',
	'Under',
	'Over',
	'During',
	'Through',
	'As',
	'A',
	'An',
	'Upon',
	'Among',
	'Until',
	'While',
	'When',
	'If',
	'Although',
	'Because',
	'Due',
	'Meanwhile',
	'Moreover',
	'However',
	'Besides',
	'Also',
	'Of',
	'And',
	'But',
	'So',
	'Then',
]);

/** Sentence adverbs that open a list item: "First, the province…". */
const SENTENCE_ADVERBS = new Set([
	'First',
	'Firstly',
	'Second',
	'Secondly',
	'Third',
	'Thirdly',
	'Fourth',
	'Fifth',
	'Finally',
	'Lastly',
	'Furthermore',
	'Additionally',
	'Therefore',
	'Thus',
	'Hence',
	'Meanwhile',
	'Moreover',
	'However',
	'Besides',
]);

/** Words that end an institution's or place's proper name ("Jilin Province formulated…"). */
const NAME_SUFFIXES = new Set([
	'Province',
	'Provincial',
	'County',
	'City',
	'Municipality',
	'Municipal',
	'Region',
	'Regional',
	'Prefecture',
	'Government',
	'Office',
	'Committee',
	'Council',
	'Bureau',
	'Department',
	'Commission',
	'Corps',
	'Town',
	'Township',
	'District',
	'Village',
	'Federation',
	'Bank',
	'Foundation',
	'University',
]);

const LEADING_QUOTES = /^[“"‘'«([]+/;
const SENTENCE_PUNCTUATION = /[.,;:!?()。，；：]/;
const ABBREVIATION = /^No\.$/;

interface Word {
	text: string;
	start: number;
	end: number;
}

function bare(word: string): string {
	return word.replace(LEADING_QUOTES, '').replace(/[”"’'»)\].,;:!?]+$/, '');
}

function isCapitalised(word: string): boolean {
	const first = bare(word).charAt(0);
	return first !== '' && first !== first.toLowerCase() && first === first.toUpperCase();
}

function isNumber(word: string): boolean {
	return /^\d/.test(bare(word));
}

function isFunctionWord(word: string): boolean {
	return FUNCTION_WORDS.has(bare(word));
}

function isLowerContent(word: string): boolean {
	const b = bare(word);
	const first = b.charAt(0);
	return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase() && !FUNCTION_WORDS.has(b);
}

function hasSentencePunctuation(word: string): boolean {
	return !ABBREVIATION.test(word) && SENTENCE_PUNCTUATION.test(word);
}

function tokenize(text: string): Word[] {
	const words: Word[] = [];
	for (const m of text.matchAll(/\S+/g)) words.push({text: m[0], start: m.index!, end: m.index! + m[0].length});
	return words;
}

function nextContentIndex(words: Word[], k: number): number {
	let n = k + 1;
	while (n < words.length && isFunctionWord(words[n]!.text)) n++;
	return n;
}

/** Whether the words after a particle read as a sentence rather than as more title. */
function readsAsSentence(words: Word[], k: number): boolean {
	for (let n = k + 1; n < Math.min(words.length, k + 7); n++) {
		const w = words[n]!.text;
		if (isLowerContent(w) || isNumber(w) || hasSentencePunctuation(w)) return true;
	}
	return false;
}

/** The paragraph opens like a sentence rather than a title: "Launched comprehensive…", "More than 500…". */
function opensLikeSentence(words: Word[]): boolean {
	const first = words[0]!.text;
	if (SENTENCE_OPENERS.has(bare(first)) || SENTENCE_PARTICLES.has(bare(first))) return true;
	if (hasSentencePunctuation(first) && !ABBREVIATION.test(first)) return true;
	if (!isCapitalised(first)) return true;
	const n = nextContentIndex(words, 0);
	const next = words[n]?.text;
	// "Overview 2012 is…" is a heading and a sentence; "More than 500…" is a sentence.
	return next !== undefined && (isLowerContent(next) || (isNumber(next) && n > 1));
}

export function isHeadingLike(words: string[]): boolean {
	if (words.length === 0 || words.length > 24) return false;
	if (words.join(' ').length > 200) return false;
	if (words.some(hasSentencePunctuation)) return false;
	const last = words[words.length - 1]!;
	if (isFunctionWord(last) && !isCapitalised(last)) return false;
	return /^[\p{L}“"‘']/u.test(words[0]!);
}

type StarterKind = 'opener' | 'number' | 'capital';
interface Starter {
	k: number;
	kind: StarterKind;
}

/** The first word that begins the body's first sentence, scanning a run of single-spaced words. */
function findSentenceStart(words: Word[]): Starter | undefined {
	for (let k = 1; k < words.length; k++) {
		const prev = words[k - 1]!.text;
		if (hasSentencePunctuation(prev)) return undefined;
		const w = words[k]!.text;
		const b = bare(w);
		if (SENTENCE_OPENERS.has(b)) return {k, kind: 'opener'};
		if (SENTENCE_PARTICLES.has(b) && readsAsSentence(words, k)) return {k, kind: 'opener'};
		if (SENTENCE_ADVERBS.has(b)) return {k, kind: 'opener'};
		const next = words[k + 1]?.text;
		if (isNumber(w) && (next === undefined || hasSentencePunctuation(w) || !isCapitalised(next))) {
			// "Social Poverty Alleviation Organized 141 organs": the verb before the number opens it.
			if (/ed$/.test(prev) && isCapitalised(prev) && !prev.includes('-') && k >= 2) return {k: k - 1, kind: 'capital'};
			return {k, kind: 'number'};
		}
		if (!isCapitalised(w)) continue;
		// "…Outline Issued the “Measures…": a capitalised past-tense verb followed by lower case.
		if (/ed$/.test(b) && !b.includes('-') && next !== undefined && !isCapitalised(next) && !isNumber(next)) {
			return {k, kind: 'capital'};
		}
		const n = nextContentIndex(words, k);
		const content = words[n]?.text;
		// A number right after a capitalised word opens the body itself ("…Relocation 1.015 billion").
		if (content !== undefined && (isLowerContent(content) || (isNumber(content) && n > k + 1))) return {k, kind: 'capital'};
	}
	return undefined;
}

export interface HeadingContext {
	/** Place names of the reports being parsed, longest first ("Inner Mongolia", "Jilin Province"). */
	placeNames: readonly string[];
	/** Headings already found with certainty, lower-cased. */
	knownHeadings: ReadonlySet<string>;
}

/**
 * A capitalised word followed by lower case ("Hebei provincial…") may end a proper name that the
 * sentence opens with: "…Planning Jilin Province formulated", "…Alleviation Inner Mongolia allocated".
 * Returns 0 when the whole run is the name ("Hebei Province achieved…": no heading).
 */
function backOffOverName(words: Word[], k: number, text: string, context: HeadingContext): number {
	for (let j = 0; j <= k; j++) {
		const rest = text.slice(words[j]!.start);
		for (const place of context.placeNames) {
			if (rest.startsWith(place) && words[j]!.start + place.length >= words[k]!.start) return j;
		}
	}
	for (let j = k - 1; j >= 1; j--) {
		if (!isCapitalised(words[j]!.text)) break;
		const head = words
			.slice(0, j)
			.map(w => w.text)
			.join(' ')
			.toLowerCase();
		if (context.knownHeadings.has(head)) return j;
	}
	if (NAME_SUFFIXES.has(bare(words[k]!.text)) && k >= 2 && isCapitalised(words[k - 1]!.text)) return k - 1;
	return k;
}

interface StrongBreak {
	headingEnd: number;
	bodyStart: number;
	/** A bracket or a gap of spacing, as opposed to a word glued to the next. */
	spaced: boolean;
}

/** The first place where the heading visibly stops: a bracket, a wide gap, or a glued word. */
function findStrongBreak(text: string): StrongBreak | undefined {
	const window = text.slice(0, 260);
	const candidates: StrongBreak[] = [];
	const bracket = window.indexOf('】');
	if (bracket > 0) candidates.push({headingEnd: bracket, bodyStart: bracket + 1, spaced: true});
	const gap = /[ \t\u3000]*\u00a0[ \t\u00a0\u3000]*|[ \t\u3000]{2,}/.exec(window);
	if (gap && gap.index > 0) candidates.push({headingEnd: gap.index, bodyStart: gap.index + gap[0].length, spaced: true});
	const glued = /\p{Ll}(?=\p{Lu})|\p{Ll}(?=\d)|\p{Ll}(?=["“]\p{Lu})|\p{Ll}["”’](?=\p{Lu})/u.exec(window);
	if (glued) {
		const at = glued.index + glued[0].length;
		candidates.push({headingEnd: at, bodyStart: at, spaced: false});
	}
	candidates.sort((a, b) => a.headingEnd - b.headingEnd);
	return candidates[0];
}

function splitAt(text: string, headingEnd: number, bodyStart: number): HeadingSplit {
	return {
		heading: text
			.slice(0, headingEnd)
			.replace(/^[【\s\u00a0\u3000]+/, '')
			.trim(),
		body: text.slice(bodyStart).replace(/^[】\s\u00a0\u3000]+/, ''),
	};
}

/** `【Heading】 Body` → split; anything else → undefined. */
export function splitBracketHeading(paragraph: string): HeadingSplit | undefined {
	const m = /^[\s\u00a0\u3000]*【([^】\n]{1,200})】/.exec(paragraph);
	if (!m) return undefined;
	return splitAt(paragraph, m[0].length - 1, m[0].length);
}

export interface RunInResult extends HeadingSplit {
	/** True when the split rests on a visible break or an unmistakable sentence opener. */
	certain: boolean;
}

/** Split a run-in heading from its paragraph, or undefined when the paragraph continues a section. */
export function splitRunInHeading(paragraph: string, context: HeadingContext): RunInResult | undefined {
	const text = paragraph;
	const strong = findStrongBreak(text);
	const region = strong ? text.slice(0, strong.headingEnd) : text.slice(0, 400);
	const words = tokenize(region);
	if (words.length === 0) return undefined;
	const strongValid = strong !== undefined && isHeadingLike(words.map(w => w.text));
	const starter = findSentenceStart(words);
	const headingWords = (k: number) => words.slice(0, k).map(w => w.text);

	if (opensLikeSentence(words)) {
		const first = bare(words[0]!.text);
		if (SENTENCE_OPENERS.has(first) || SENTENCE_PARTICLES.has(first) || hasSentencePunctuation(words[0]!.text)) {
			return undefined;
		}
		// A lower-case heading can only be told from a sentence by what follows it.
		if (starter?.kind === 'opener' && isHeadingLike(headingWords(starter.k))) {
			return {...splitAt(text, words[starter.k - 1]!.end, words[starter.k]!.start), certain: true};
		}
		if (strongValid && words.length <= 8) return {...splitAt(text, strong.headingEnd, strong.bodyStart), certain: true};
		return undefined;
	}

	if (starter && (!strongValid || starter.kind !== 'capital')) {
		let k = starter.k;
		if (starter.kind === 'capital') k = backOffOverName(words, k, text, context);
		if (isHeadingLike(headingWords(k))) {
			return {...splitAt(text, words[k - 1]!.end, words[k]!.start), certain: starter.kind !== 'capital'};
		}
		if (!strongValid) return undefined;
	}
	if (strongValid) return {...splitAt(text, strong.headingEnd, strong.bodyStart), certain: true};
	return undefined;
}
