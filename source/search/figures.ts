// Finding figures by what they are: every word of a query at a word start of the figure's label
// or section heading, any ending ("relocation" finds "relocate"); when nothing has them all, a
// fuzzy match forgives a typo ("relocaton"). Used by `pa-tui funds --match`, and for the
// explorer's funds table and Compare.

import Fuse from 'fuse.js';

export interface MatchableFigure {
	label: string;
	/** The section heading the figure is in. */
	section: string;
}

/** A word reduced to a stem good enough to compare: relocation, relocate → reloc…; subsidies → subsidy. */
function stem(word: string): string {
	const cut = word.replace(/ies$/, 'y').replace(/(?:ations?|ions?|ings?|es|s|e)$/, '');
	return cut.length >= 4 ? cut : word;
}

/** The words of a text, lower case, letters and digits of any script. */
export function queryWords(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** A query as the matcher uses it: its words, their stems, and the text Fuse is given. */
interface Query {
	terms: string[];
	stems: string[];
	fuzzy: string;
}

function parseQuery(query: string): Query {
	const terms = queryWords(query);
	return {terms, stems: terms.map(stem), fuzzy: query.slice(0, 32)};
}

/** The words of a label and section, each with its stem: what every query compares with. */
interface Words {
	words: string[];
	stems: string[];
}

function wordsOf(figure: MatchableFigure): Words {
	const words = queryWords(`${figure.label} ${figure.section}`);
	return {words, stems: words.map(stem)};
}

function holdsEvery({words, stems}: Words, query: Query): boolean {
	// Stems compare either way: "relocate" (relocat…) finds "relocation" (reloc…) and the other way round.
	return query.terms.every((t, i) =>
		words.some((w, j) => {
			if (w.startsWith(t)) return true;
			const s = stems[j]!;
			return s.startsWith(query.stems[i]!) || (s.length >= 4 && s !== w && query.stems[i]!.startsWith(s));
		}),
	);
}

const FUSE_OPTIONS = {
	keys: [
		{name: 'label', weight: 2},
		{name: 'section', weight: 1},
	],
	threshold: 0.25,
	ignoreLocation: true,
};

/**
 * The rows whose label or section holds every word of the query at a word start; if none does,
 * the rows a fuzzy match on label (weighted twice) and section finds. A query with no word
 * matches every row (callers refuse it as a usage error first where that is wrong).
 */
export function matchFigures<T extends MatchableFigure>(rows: readonly T[], query: string): T[] {
	return figureMatcher(rows, row => row)(query);
}

/**
 * matchFigures over fixed rows (their label and section read by `fields`), for a query that changes on every keystroke: each distinct label
 * and section is split into words once, and compared once per query however many figures share
 * it (a corpus repeats its headings and many labels); the fuzzy index is built on first need.
 * `among` narrows a query to some of the rows (a year's reports) with the same result as matching
 * those rows alone: the fuzzy fallback is taken when none of them holds every word. Results keep
 * the rows' order.
 */
export function figureMatcher<T>(
	rows: readonly T[],
	fields: (row: T) => MatchableFigure,
): (query: string, among?: (row: T, index: number) => boolean) => T[] {
	// Keyed by label, then section: the corpus's own strings, whose hashes are kept, not a new joined string per row.
	const keys = new Map<string, Map<string, number>>();
	const distinct: MatchableFigure[] = [];
	const keyOfRow = new Uint32Array(rows.length);
	rows.forEach((row, i) => {
		const {label, section} = fields(row);
		const bySection = keys.get(label) ?? keys.set(label, new Map()).get(label)!;
		let k = bySection.get(section);
		if (k === undefined) {
			k = distinct.length;
			bySection.set(section, k);
			distinct.push({label, section});
		}
		keyOfRow[i] = k;
	});
	const words = distinct.map(wordsOf);
	let fuse: Fuse<MatchableFigure> | undefined;
	const pick = (hit: Uint8Array, among: ((row: T, index: number) => boolean) | undefined) =>
		rows.filter((row, i) => hit[keyOfRow[i]!] === 1 && (among === undefined || among(row, i)));
	return (text, among) => {
		const query = parseQuery(text);
		if (query.terms.length === 0) return among === undefined ? [...rows] : rows.filter(among);
		const exact = new Uint8Array(distinct.length);
		words.forEach((w, k) => {
			if (holdsEvery(w, query)) exact[k] = 1;
		});
		const found = pick(exact, among);
		if (found.length > 0) return found;
		fuse ??= new Fuse(distinct, FUSE_OPTIONS);
		const fuzzy = new Uint8Array(distinct.length);
		for (const r of fuse.search(query.fuzzy)) fuzzy[r.refIndex] = 1;
		return pick(fuzzy, among);
	};
}
