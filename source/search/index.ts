// Search over the corpus: fuzzy over section headings (fuse.js, built once), and plain
// full-text over paragraphs. A query may name a region and a year as well: "jilin training 2012".

import Fuse, {type FuseResultMatch} from 'fuse.js';
import {type Model, normalizeName, type Region} from '../corpus/model.ts';
import type {CorpusDocument, Section} from '../corpus/schema.ts';
import {escapeRegExp, wordStartPatterns} from './patterns.ts';

export {wordStartPatterns} from './patterns.ts';

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

interface RegionNames {
	region: Region;
	name: string;
	place: string;
}

/** Normalised region names, computed once per model: a query is parsed on every keystroke. */
const namesByModel = new WeakMap<Model, {names: RegionNames[]; years: Set<number>}>();
function regionNames(model: Model) {
	let cached = namesByModel.get(model);
	if (!cached) {
		cached = {
			names: model.regions.map(region => ({region, name: normalizeName(region.name), place: normalizeName(region.placeName)})),
			years: new Set(model.regions.flatMap(r => r.years)),
		};
		namesByModel.set(model, cached);
	}
	return cached;
}

/**
 * The words a full-text query searches the text for, as the search does: the query less the
 * region and year it names, or the whole query when it is only a region or a year ("jilin").
 */
export function wordsSearched(model: Model, query: string): string {
	const rest = parseScope(model, query).rest;
	return rest.trim() === '' ? query : rest;
}

/** Pull region names and a year out of a query; what remains is searched. */
export function parseScope(model: Model, query: string): Scope {
	const {names, years} = regionNames(model);
	const tokens = query.trim().split(/\s+/).filter(Boolean);
	let year: number | undefined;
	let regions: Set<string> | undefined;
	const rest: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (/^(?:19|20)\d\d$/.test(token) && years.has(Number(token))) {
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
			const exact = names.filter(r => r.name === q || r.place === q).map(r => r.region);
			const hits = exact.length > 0 ? exact : regionPrefixOk(q) ? names.filter(r => r.name.startsWith(q)).map(r => r.region) : [];
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

interface SentenceEntry {
	document: CorpusDocument;
	section: Section;
	sectionIndex: number;
	paragraphIndex: number;
	text: string;
	/** Lower-cased, to rule most sentences out with a plain substring test before any regex. */
	lower: string;
}

export function createSearchIndex(model: Model): SearchIndex {
	const entries: HeadingEntry[] = [];
	for (const document of model.corpus.documents) {
		document.sections.forEach((section, sectionIndex) => {
			if (section.heading !== '') entries.push({document, section, sectionIndex, heading: section.heading});
		});
	}
	// Headings repeat across reports ("Rain Plan" in most of them): fuzzy-match each text once.
	const byHeading = new Map<string, HeadingEntry[]>();
	for (const entry of entries) {
		const same = byHeading.get(entry.heading);
		if (same) same.push(entry);
		else byHeading.set(entry.heading, [entry]);
	}
	const fuse = new Fuse([...byHeading.keys()], {
		includeScore: true,
		includeMatches: true,
		ignoreLocation: true,
		threshold: 0.4,
		minMatchCharLength: 2,
	});
	// Sentences are cut once, on the first full-text search, not on every keystroke; kept per
	// report too, so that a query naming a region or year reads only those reports.
	let sentenceEntries: SentenceEntry[] | undefined;
	const sentencesByDocument = new Map<CorpusDocument, SentenceEntry[]>();
	const allSentences = (): SentenceEntry[] => {
		if (sentenceEntries) return sentenceEntries;
		sentenceEntries = [];
		for (const document of model.corpus.documents) {
			const own: SentenceEntry[] = [];
			document.sections.forEach((section, sectionIndex) => {
				section.paragraphs.forEach((paragraph, paragraphIndex) => {
					for (const text of sentencesOf(paragraph))
						own.push({document, section, sectionIndex, paragraphIndex, text, lower: text.toLowerCase()});
				});
			});
			sentencesByDocument.set(document, own);
			sentenceEntries.push(...own);
		}
		return sentenceEntries;
	};
	const sentencesIn = (scope: Scope): SentenceEntry[] => {
		const all = allSentences();
		if (!scope.regions && scope.year === undefined) return all;
		return model.corpus.documents.filter(d => inScope(d, scope)).flatMap(d => sentencesByDocument.get(d) ?? []);
	};
	/**
	 * The sentences holding every term, for the last query: typing on narrows them (a sentence
	 * holding "relocat" is among those holding "reloca"), so each keystroke reads fewer.
	 */
	let narrowed: {scopeKey: string; terms: string[]; sentences: SentenceEntry[]} | undefined;
	const holdingTerms = (scope: Scope, terms: string[]): SentenceEntry[] => {
		const scopeKey = `${[...(scope.regions ?? [])].sort().join('|')}#${scope.year ?? ''}`;
		const last = narrowed;
		const extends_ =
			last !== undefined &&
			last.scopeKey === scopeKey &&
			last.terms.length <= terms.length &&
			last.terms.every((t, i) => terms[i]!.includes(t));
		const pool = extends_ ? last.sentences : sentencesIn(scope);
		const sentences = pool.filter(s => terms.every(t => s.lower.includes(t)));
		narrowed = {scopeKey, terms, sentences};
		return sentences;
	};

	return {
		headings(query, limit = 50) {
			const scope = parseScope(model, query);
			// fuse.js caps patterns at 32 characters.
			const pattern = scope.rest.slice(0, 32);
			if (pattern.trim() === '') {
				return entries
					.filter(e => inScope(e.document, scope))
					.slice(0, limit)
					.map(e => ({...e, score: 0, ranges: []}));
			}
			const hits: HeadingHit[] = [];
			for (const result of fuse.search(pattern)) {
				const ranges = rangesOf(result.matches);
				for (const entry of byHeading.get(result.item)!) {
					if (!inScope(entry.document, scope)) continue;
					hits.push({...entry, score: result.score ?? 0, ranges});
					if (hits.length >= limit) return hits;
				}
			}
			return hits;
		},
		text(query, limit = 200) {
			let scope = parseScope(model, query);
			// A query that is only a region or a year ("jilin") searches for those words instead.
			if (scope.rest.trim() === '') scope = {regions: undefined, year: undefined, rest: query};
			const terms = scope.rest
				.toLowerCase()
				.split(/\s+/)
				.filter(t => t.length > 0);
			if (terms.length === 0) return [];
			// A term matches where a word starts ("rain" finds "Rain Plan", not "training").
			const starts = terms.map(t => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}`, 'iu'));
			const patterns = wordStartPatterns(terms);
			const phrase = new RegExp(`(?<![\\p{L}\\p{N}])${terms.map(escapeRegExp).join('\\s+')}`, 'iu');
			const exact: TextHit[] = [];
			const loose: TextHit[] = [];
			for (const s of holdingTerms(scope, terms)) {
				if (!starts.every(p => p.test(s.text))) continue;
				const ranges: Array<[number, number]> = [];
				for (const p of patterns) for (const m of s.text.matchAll(p)) ranges.push([m.index!, m.index! + m[0].length]);
				const hit = {
					document: s.document,
					section: s.section,
					sectionIndex: s.sectionIndex,
					paragraphIndex: s.paragraphIndex,
					excerpt: s.text,
					ranges: ranges.sort((a, b) => a[0] - b[0]),
				};
				if (phrase.test(s.text)) {
					exact.push(hit);
					// Phrase hits come first: once there are enough of them, the rest cannot show.
					if (exact.length >= limit) break;
				} else if (loose.length < limit) {
					loose.push(hit);
				}
			}
			// Sentences holding the words as a phrase first, then the others; each in corpus order.
			return [...exact, ...loose].slice(0, limit);
		},
	};
}
