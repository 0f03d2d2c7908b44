// Word-start patterns, shared by the search and by the reading pane's match marks; apart from
// the index so that drawing text does not load fuse.js.

/** Case-insensitive patterns matching each term where a word starts ("rain" finds "Rain Plan", not "training"). */
export function wordStartPatterns(terms: string[]): RegExp[] {
	return terms.map(t => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}`, 'giu'));
}

export function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
