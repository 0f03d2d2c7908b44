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

/**
 * The rows whose label or section holds every word of the query at a word start; if none does,
 * the rows a fuzzy match on label (weighted twice) and section finds. A query with no word
 * matches every row (callers refuse it as a usage error first where that is wrong).
 */
export function matchFigures<T extends MatchableFigure>(rows: readonly T[], query: string): T[] {
	const terms = queryWords(query);
	if (terms.length === 0) return [...rows];
	const stems = terms.map(stem);
	const matches = (row: T) => {
		const words = queryWords(`${row.label} ${row.section}`);
		// Stems compare either way: "relocate" (relocat…) finds "relocation" (reloc…) and the other way round.
		return terms.every((t, i) =>
			words.some(w => {
				if (w.startsWith(t)) return true;
				const s = stem(w);
				return s.startsWith(stems[i]!) || (s.length >= 4 && s !== w && stems[i]!.startsWith(s));
			}),
		);
	};
	const exact = rows.filter(matches);
	if (exact.length > 0) return exact;
	const fuse = new Fuse(rows, {
		keys: [
			{name: 'label', weight: 2},
			{name: 'section', weight: 1},
		],
		threshold: 0.25,
		ignoreLocation: true,
	});
	const matched = new Set(fuse.search(query.slice(0, 32)).map(r => r.refIndex));
	return rows.filter((_, i) => matched.has(i));
}
