// The loaded corpus as the rest of the program uses it: regions with their reports, and
// forgiving lookups by region name.

import type {Corpus, CorpusDocument, RegionType, Section} from './schema.ts';

export interface Region {
	name: string;
	placeName: string;
	regionType: RegionType;
	/** Reports in year order, then source order. */
	documents: CorpusDocument[];
	years: number[];
}

/** Where a report was read from: the bundled corpus, the user's library, or a `--corpus` file. */
export type ReportOrigin =
	| {kind: 'bundled'; path: string}
	| {kind: 'file'; path: string}
	| {
			kind: 'library';
			/** The library file. */
			path: string;
			/** The text file or saved page the report was read from, as given to `library add`. */
			sourceFile: string;
			/** ISO 8601, when `library add` read it. */
			addedAt: string;
			/** It stands in for a bundled report of the same id. */
			replacesBundled: boolean;
	  };

export interface Model {
	corpus: Corpus;
	regions: Region[];
	documentsById: Map<string, CorpusDocument>;
	/** Every report's origin, by document id. */
	origins: Map<string, ReportOrigin>;
}

export interface SectionRef {
	document: CorpusDocument;
	section: Section;
	sectionIndex: number;
}

/** `origins` holds each report's origin by document id (see corpus/view.ts). */
export function buildModel(corpus: Corpus, origins: Map<string, ReportOrigin>): Model {
	const byName = new Map<string, Region>();
	for (const document of corpus.documents) {
		let region = byName.get(document.region);
		if (!region) {
			region = {name: document.region, placeName: document.placeName, regionType: document.regionType, documents: [], years: []};
			byName.set(document.region, region);
		}
		region.documents.push(document);
	}
	// Plain code-unit order: localeCompare would set up ICU's collator, tens of ms at start-up.
	const regions = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const region of regions) {
		region.documents.sort((a, b) => a.year - b.year);
		region.years = [...new Set(region.documents.map(d => d.year))];
	}
	return {corpus, regions, documentsById: new Map(corpus.documents.map(d => [d.id, d])), origins};
}

const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Lower case, accents dropped, only letters and digits (of any script): "Inner-Mongolia" → innermongolia. */
export function normalizeName(text: string): string {
	// ASCII (every region name of the yearbook, most queries): the same result without V8 building
	// its Unicode tables for the expressions below (~1 ms on their first use, at every start).
	if (ASCII.test(text)) return text.toLowerCase().replace(NOT_ASCII_ALPHANUMERIC, '');
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Edit distance with transpositions, for typo-tolerant region names. */
export function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
			d[i]![j] = v;
		}
	}
	return d[a.length]![b.length]!;
}

export type RegionMatch = {kind: 'found'; region: Region} | {kind: 'ambiguous'; candidates: Region[]} | {kind: 'none'};

/** The names a region goes by, normalized: its short name and every place name its reports use. */
function namesOf(region: Region): string[] {
	return [...new Set([region.name, region.placeName, ...region.documents.map(d => d.placeName)].map(normalizeName))];
}

/** Normalized tails of a name that start at a word: "Inner Mongolia" → mongolia. */
function wordTails(name: string): string[] {
	const words = name
		.split(/[^\p{L}\p{N}]+/u)
		.map(normalizeName)
		.filter(Boolean);
	return words.slice(1).map((_, i) => words.slice(i + 1).join(''));
}

function tailsOf(region: Region): string[] {
	return [region.name, region.placeName, ...region.documents.map(d => d.placeName)].flatMap(wordTails);
}

function decide(regions: Region[]): RegionMatch | undefined {
	if (regions.length === 1) return {kind: 'found', region: regions[0]!};
	if (regions.length > 1) return {kind: 'ambiguous', candidates: regions};
	return undefined;
}

/**
 * Any case, short or full name, a prefix, a later word of the name ("mongolia", "corps"), the
 * name followed by more words ("jilin province"), or a small typo. Each tier is tried only when
 * the ones before it found nothing, so an exact match wins over a prefix ("xinjiang" is Xinjiang,
 * not the Corps) and a prefix over a typo.
 */
export function findRegion(model: Model, query: string): RegionMatch {
	const q = normalizeName(query);
	if (q === '') return {kind: 'none'};
	const exact = decide(model.regions.filter(r => namesOf(r).includes(q)));
	if (exact) return exact;
	const prefix = decide(model.regions.filter(r => namesOf(r).some(n => n.startsWith(q))));
	if (prefix) return prefix;
	if (q.length >= 3) {
		const word = decide(model.regions.filter(r => tailsOf(r).some(n => n.startsWith(q))));
		if (word) return word;
	}
	// The name and then something more ("Jilin Province", "Chongqing Municipality"): the longest name wins.
	const longer = model.regions
		.map(r => ({
			r,
			n: Math.max(
				0,
				...namesOf(r)
					.filter(n => n.length >= 4 && q.startsWith(n))
					.map(n => n.length),
			),
		}))
		.filter(x => x.n > 0);
	if (longer.length > 0) {
		const most = Math.max(...longer.map(x => x.n));
		const best = decide(longer.filter(x => x.n === most).map(x => x.r));
		if (best) return best;
	}
	const allowed = q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0;
	if (allowed === 0) return {kind: 'none'};
	// A typo in the whole name, or in a prefix of it ("heilongj" for "heilongjiang").
	const scored = model.regions
		.map(r => ({r, d: Math.min(...namesOf(r).flatMap(n => [editDistance(q, n), editDistance(q, n.slice(0, q.length))]))}))
		.filter(x => x.d <= allowed)
		.sort((a, b) => a.d - b.d);
	if (scored.length === 0) return {kind: 'none'};
	return decide(scored.filter(x => x.d === scored[0]!.d).map(x => x.r)) ?? {kind: 'none'};
}
