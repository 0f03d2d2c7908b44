// Search over the corpus: fuzzy over section headings (fuse.js, built once), and plain
// full-text over paragraphs. A query may name a region and a year as well: "jilin training 2012".

import Fuse, {type FuseResultMatch} from 'fuse.js';
import type {CorpusDocument, Section} from '../corpus/schema.ts';
import {normalizeName, type Model, type Region} from '../corpus/model.ts';

export interface HeadingEntry {
	document: CorpusDocument;
	section: Section;
	sectionIndex: number;
	heading: string;
}

export interface HeadingHit extends HeadingEntry {
	/** 0 is a perfect match, 1 no match at all (fuse.js's scale). */
	score: number;
	/** [start, end] inclusive character ranges of the heading that matched. */
	ranges: Array<[number, number]>;
}

export interface TextHit {
	document: CorpusDocument;
	section: Section;
	sectionIndex: number;
	paragraphIndex: number;
	/** The sentence (or paragraph excerpt) holding the match. */
	excerpt: string;
	/** Match ranges [start, end) inside excerpt. */
	ranges: Array<[number, number]>;
}

export interface SearchIndex {
	headings(query: string, limit?: number): HeadingHit[];
	text(query: string, limit?: number): TextHit[];
}

interface Scope {
	regions: Set<string> | undefined;
	year: number | undefined;
	rest: string;
}

/** Pull region names and a year out of a query; what remains is searched. */
export function parseScope(model: Model, query: string): Scope {
	const tokens = query.trim().split(/\s+/).filter(Boolean);
	let year: number | undefined;
	let regions: Set<string> | undefined;
	const rest: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (/^(?:19|20)\d\d$/.test(token) && model.regions.some(r => r.years.includes(Number(token)))) {
			year = Number(token);
			continue;
		}
		// A region name may span words ("inner mongolia"); take the longest run that names one.
		let taken = 0;
		let matched: Region[] = [];
		for (let n = Math.min(4, tokens.length - i); n >= 1 && taken === 0; n--) {
			const q = normalizeName(tokens.slice(i, i + n).join(' '));
			if (q.length < 3) continue;
			// An exact name wins over a prefix: "xinjiang" is Xinjiang, not the Corps as well.
			const exact = model.regions.filter(r => normalizeName(r.name) === q || normalizeName(r.placeName) === q);
			const hits = exact.length > 0 ? exact : regionPrefixOk(q) ? model.regions.filter(r => normalizeName(r.name).startsWith(q)) : [];
			if (hits.length > 0) {
				taken = n;
				matched = hits;
			}
		}
		if (taken > 0) {
			regions ??= new Set();
			for (const r of matched) regions.add(r.name);
			i += taken - 1;
			continue;
		}
		rest.push(token);
	}
	return {regions, year, rest: rest.join(' ')};
}

/** A prefix names a region only when it is long enough not to be an ordinary word. */
function regionPrefixOk(q: string): boolean {
	return q.length >= 5;
}

function inScope(document: CorpusDocument, scope: Scope): boolean {
	return (!scope.regions || scope.regions.has(document.region)) && (scope.year === undefined || document.year === scope.year);
}

function rangesOf(matches: readonly FuseResultMatch[] | undefined): Array<[number, number]> {
	return (matches ?? []).flatMap(m => m.indices.map(([a, b]) => [a, b] as [number, number])).filter(([a, b]) => b > a);
}

/** A paragraph cut into sentences: after . ! ? (or a closing quote after them) before a capital, digit or quote. */
export function sentencesOf(paragraph: string): string[] {
	return paragraph
		.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z0-9“"‘(])/u)
		.map(s => s.trim())
		.filter(s => s !== '');
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createSearchIndex(model: Model): SearchIndex {
	const entries: HeadingEntry[] = [];
	for (const document of model.corpus.documents) {
		document.sections.forEach((section, sectionIndex) => {
			if (section.heading !== '') entries.push({document, section, sectionIndex, heading: section.heading});
		});
	}
	const fuse = new Fuse(entries, {
		keys: ['heading'],
		includeScore: true,
		includeMatches: true,
		ignoreLocation: true,
		threshold: 0.4,
		minMatchCharLength: 2,
	});

	return {
		headings(query, limit = 50) {
			const scope = parseScope(model, query);
			// fuse.js caps patterns at 32 characters.
			const pattern = scope.rest.slice(0, 32);
			if (pattern.trim() === '') {
				return entries.filter(e => inScope(e.document, scope)).slice(0, limit).map(e => ({...e, score: 0, ranges: []}));
			}
			const results = fuse.search(pattern, {limit: scope.regions || scope.year ? entries.length : limit});
			return results
				.filter(r => inScope(r.item.document, scope))
				.slice(0, limit)
				.map(r => ({...r.item, score: r.score ?? 0, ranges: rangesOf(r.matches)}));
		},
		text(query, limit = 200) {
			let scope = parseScope(model, query);
			// A query that is only a region or a year ("jilin") searches for those words instead.
			if (scope.rest.trim() === '') scope = {regions: undefined, year: undefined, rest: query};
			const terms = scope.rest.toLowerCase().split(/\s+/).filter(t => t.length > 0);
			if (terms.length === 0) return [];
			// A term matches where a word starts ("rain" finds "Rain Plan", not "training").
			const patterns = terms.map(t => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}`, 'giu'));
			const phrase = new RegExp(`(?<![\\p{L}\\p{N}])${terms.map(escapeRegExp).join('\\s+')}`, 'iu');
			const exact: TextHit[] = [];
			const loose: TextHit[] = [];
			for (const document of model.corpus.documents) {
				if (!inScope(document, scope)) continue;
				document.sections.forEach((section, sectionIndex) => {
					section.paragraphs.forEach((paragraph, paragraphIndex) => {
						for (const sentence of sentencesOf(paragraph)) {
							if (!patterns.every(p => new RegExp(p.source, 'iu').test(sentence))) continue;
							const ranges: Array<[number, number]> = [];
							for (const p of patterns) for (const m of sentence.matchAll(p)) ranges.push([m.index!, m.index! + m[0].length]);
							const hit = {document, section, sectionIndex, paragraphIndex, excerpt: sentence, ranges: ranges.sort((a, b) => a[0] - b[0])};
							(phrase.test(sentence) ? exact : loose).push(hit);
						}
					});
				});
			}
			// Sentences holding the words as a phrase first, then the others; each in corpus order.
			return [...exact, ...loose].slice(0, limit);
		},
	};
}
