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

export interface Model {
	corpus: Corpus;
	regions: Region[];
	documentsById: Map<string, CorpusDocument>;
}

export interface SectionRef {
	document: CorpusDocument;
	section: Section;
	sectionIndex: number;
}

export function buildModel(corpus: Corpus): Model {
	const byName = new Map<string, Region>();
	for (const document of corpus.documents) {
		let region = byName.get(document.region);
		if (!region) {
			region = {name: document.region, placeName: document.placeName, regionType: document.regionType, documents: [], years: []};
			byName.set(document.region, region);
		}
		region.documents.push(document);
	}
	const regions = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
	for (const region of regions) {
		region.documents.sort((a, b) => a.year - b.year);
		region.years = [...new Set(region.documents.map(d => d.year))];
	}
	return {corpus, regions, documentsById: new Map(corpus.documents.map(d => [d.id, d]))};
}

export function normalizeName(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
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

function namesOf(region: Region): string[] {
	return [normalizeName(region.name), normalizeName(region.placeName)];
}

/** Any case, short or full name, a prefix, or a small typo. An exact match wins over a prefix. */
export function findRegion(model: Model, query: string): RegionMatch {
	const q = normalizeName(query);
	if (q === '') return {kind: 'none'};
	const exact = model.regions.filter(r => namesOf(r).includes(q));
	if (exact.length === 1) return {kind: 'found', region: exact[0]!};
	const prefixed = model.regions.filter(r => namesOf(r).some(n => n.startsWith(q) || (q.length >= 6 && q.startsWith(n))));
	if (prefixed.length === 1) return {kind: 'found', region: prefixed[0]!};
	if (prefixed.length > 1) return {kind: 'ambiguous', candidates: prefixed};
	const allowed = q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0;
	if (allowed === 0) return {kind: 'none'};
	const scored = model.regions
		.map(r => ({r, d: Math.min(...namesOf(r).map(n => editDistance(q, n.slice(0, Math.max(q.length, normalizeName(r.name).length)))))}))
		.filter(x => x.d <= allowed)
		.sort((a, b) => a.d - b.d);
	if (scored.length === 0) return {kind: 'none'};
	const best = scored.filter(x => x.d === scored[0]!.d);
	return best.length === 1 ? {kind: 'found', region: best[0]!.r} : {kind: 'ambiguous', candidates: best.map(x => x.r)};
}
