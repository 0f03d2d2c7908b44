// Search speed in-process, as the explorer experiences it: every query is typed one character
// at a time and each prefix is timed (heading search is fuzzy, fuse.js; full-text is a scan).

import {performance} from 'node:perf_hooks';
import {loadCorpus} from '../source/corpus/load.ts';
import {buildModel} from '../source/corpus/model.ts';
import {fileView} from '../source/corpus/view.ts';
import {createSearchIndex} from '../source/search/index.ts';
import {type Summary, summarize} from './stats.ts';

export const HEADING_QUERIES = ['relocaton', 'jilin training', 'infrastucture', 'industrial development 2012'];
export const TEXT_QUERIES = ['relocation', 'jilin training', 'migrant workers', 'microcredit'];

export interface SearchBench {
	documents: number;
	loadMs: number;
	modelMs: number;
	indexMs: number;
	heading: Summary;
	text: Summary;
	/** The slowest prefix of each kind, to show where time goes. */
	slowestHeading: {query: string; ms: number};
	slowestText: {query: string; ms: number};
}

function prefixes(query: string): string[] {
	return Array.from({length: query.length}, (_, i) => query.slice(0, i + 1));
}

export function benchSearch(
	corpusPath: string,
	repeats = 5,
	queries: {heading: string[]; text: string[]} = {heading: HEADING_QUERIES, text: TEXT_QUERIES},
): SearchBench {
	let t = performance.now();
	const corpus = loadCorpus(corpusPath);
	const loadMs = performance.now() - t;
	t = performance.now();
	const model = buildModel(corpus, fileView(corpus, {kind: 'file', path: corpusPath}).origins);
	const modelMs = performance.now() - t;
	t = performance.now();
	const index = createSearchIndex(model);
	const indexMs = performance.now() - t;

	const time = (kind: 'headings' | 'text', queries: string[]) => {
		// Untimed queries warm the JIT, as the first keystrokes of a session would (a whole pass when
		// there are several, a few prefixes on a big corpus where one pass is slow).
		const warm = repeats > 1 ? queries.flatMap(prefixes) : ['a', 'ab', 'abc', 'fund'];
		for (const p of warm) index[kind](p);
		const samples: number[] = [];
		let slowest = {query: '', ms: 0};
		for (let r = 0; r < repeats; r++) {
			for (const q of queries) {
				for (const p of prefixes(q)) {
					const start = performance.now();
					index[kind](p);
					const ms = performance.now() - start;
					samples.push(ms);
					if (ms > slowest.ms) slowest = {query: p, ms};
				}
			}
		}
		return {summary: summarize(samples), slowest};
	};
	const heading = time('headings', queries.heading);
	const text = time('text', queries.text);
	return {
		documents: corpus.documents.length,
		loadMs,
		modelMs,
		indexMs,
		heading: heading.summary,
		text: text.summary,
		slowestHeading: heading.slowest,
		slowestText: text.slowest,
	};
}
