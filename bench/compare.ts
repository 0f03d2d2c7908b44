// Compare speed in-process, as the explorer's Compare view experiences it: each query typed one
// character at a time, compareFigures timed on every prefix (matching, filtering, grouping and
// sorting; the per-corpus matcher is built on the first call, timed apart as `firstMs`).

import {performance} from 'node:perf_hooks';
import type {CorpusDocument} from '../source/corpus/schema.ts';
import {type CompareOptions, compareFigures} from '../source/search/compare.ts';
import {type Summary, summarize} from './stats.ts';

/** Typed as an analyst would: a common word, a typo (the fuzzy fallback), two words, a per-unit query. */
export const COMPARE_QUERIES: Array<{query: string; options?: Partial<CompareOptions>}> = [
	{query: 'relocation'},
	{query: 'relocaton'},
	{query: 'anti-poverty funds'},
	{query: 'rain plan subsidy', options: {perUnit: true}},
];

export interface CompareBench {
	documents: number;
	/** The first call on the corpus: the matcher built (every label and heading split into words). */
	firstMs: number;
	/** One sample per prefix typed. */
	keystroke: Summary;
	samples: number[];
	slowest: {query: string; ms: number};
}

function prefixes(query: string): string[] {
	return Array.from({length: query.length}, (_, i) => query.slice(0, i + 1));
}

export function benchCompare(documents: readonly CorpusDocument[], repeats = 3, queries = COMPARE_QUERIES): CompareBench {
	const base: CompareOptions = {query: '', kinds: ['funds'], planned: false, perUnit: false};
	let start = performance.now();
	compareFigures(documents, {...base, query: 'funds'});
	const firstMs = performance.now() - start;
	// An untimed pass warms the JIT, as the first keystrokes of a session would.
	for (const q of queries) for (const p of prefixes(q.query)) compareFigures(documents, {...base, ...q.options, query: p});
	const samples: number[] = [];
	let slowest = {query: '', ms: 0};
	for (let r = 0; r < repeats; r++) {
		for (const q of queries) {
			for (const p of prefixes(q.query)) {
				start = performance.now();
				compareFigures(documents, {...base, ...q.options, query: p});
				const ms = performance.now() - start;
				samples.push(ms);
				if (ms > slowest.ms) slowest = {query: p, ms};
			}
		}
	}
	return {documents: documents.length, firstMs, keystroke: summarize(samples), samples, slowest};
}
