// A larger corpus for benchmarks, made from data/corpus.json: `factor` copies of every report.
// Copy 0 is the real corpus; copy k (k ≥ 1) renames the region "Hebei k+1" and moves the year
// into 1990–2030, with its sections in a shuffled (seeded, reproducible) order. The result is
// validated by the same schema as any corpus, and written as `pa-tui ingest` writes a corpus.
//
//   node --import tsx scripts/synthetic-corpus.ts [--factor 30] [--in data/corpus.json] --out /tmp/corpus-30x.json

import {writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {serializeCorpus} from '../source/commands/ingest.ts';
import {loadCorpus, parseCorpus} from '../source/corpus/load.ts';
import type {Corpus, CorpusDocument} from '../source/corpus/schema.ts';

/** mulberry32: a small seeded PRNG, so the synthetic corpus is the same on every run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

function copyDocument(document: CorpusDocument, copy: number, rand: () => number): CorpusDocument {
	const suffix = ` ${copy + 1}`;
	const year = 1990 + ((document.year - 1990 + copy * 7) % 41);
	const replaceYear = (text: string) => text.split(String(document.year)).join(String(year));
	return {
		...document,
		id: `${document.id.replace(/-\d{4}$/, '')}-${copy + 1}-${year}`,
		region: document.region + suffix,
		placeName: document.placeName + suffix,
		year,
		title: replaceYear(
			document.title.includes(document.placeName)
				? document.title.replace(document.placeName, document.placeName + suffix)
				: `${document.title}${suffix}`,
		),
		sections: shuffled(document.sections, rand),
	};
}

export function makeSyntheticCorpus(corpus: Corpus, factor = 30, seed = 20260101): Corpus {
	const rand = random(seed);
	const documents: CorpusDocument[] = [...corpus.documents];
	for (let copy = 1; copy < factor; copy++) {
		for (const document of corpus.documents) documents.push(copyDocument(document, copy, rand));
	}
	const ids = new Set<string>();
	for (const document of documents) {
		if (ids.has(document.id)) throw new Error(`synthetic corpus: duplicate id ${document.id}`);
		ids.add(document.id);
	}
	return {schemaVersion: corpus.schemaVersion, documents};
}

/**
 * The same reports with every section's paragraphs repeated `times` times: text long enough to
 * scroll in the reading pane even on a 200×60 terminal (the longest real section fits on one).
 */
export function lengthenSections(corpus: Corpus, times = 3): Corpus {
	return {
		schemaVersion: corpus.schemaVersion,
		documents: corpus.documents.map(document => ({
			...document,
			sections: document.sections.map(section => ({...section, paragraphs: Array.from({length: times}, () => section.paragraphs).flat()})),
		})),
	};
}

/** Write the synthetic corpus to `out`; returns the number of reports. */
export function writeSyntheticCorpus(input: string, out: string, factor = 30): number {
	const corpus = makeSyntheticCorpus(loadCorpus(input), factor);
	parseCorpus(corpus, out); // the same validation as pa-tui applies when it loads the file
	writeFileSync(out, serializeCorpus(corpus));
	return corpus.documents.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const {values} = parseArgs({
		options: {factor: {type: 'string', default: '30'}, in: {type: 'string', default: 'data/corpus.json'}, out: {type: 'string'}},
	});
	if (!values.out) {
		process.stderr.write('usage: node --import tsx scripts/synthetic-corpus.ts [--factor 30] [--in data/corpus.json] --out <file>\n');
		process.exit(2);
	}
	const count = writeSyntheticCorpus(values.in, values.out, Number(values.factor));
	process.stderr.write(`wrote ${count} reports to ${values.out}\n`);
}
