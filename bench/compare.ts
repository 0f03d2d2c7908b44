// The Compare box's speed in-process, as the explorer answers a key there: each query typed one
// character at a time, and for every keystroke the state machine's update, the view and the
// raster timed together (what the explorer does for a key, short of writing the changed cells).
// Opening the view (c) and the first keystroke (which builds the corpus's figure matcher) are
// timed apart; the real program's first comparison is timed through a terminal in run.ts.

import {performance} from 'node:perf_hooks';
import {loadCorpus} from '../source/corpus/load.ts';
import {buildModel} from '../source/corpus/model.ts';
import {sanitizeDeep} from '../source/corpus/sanitize.ts';
import {fileView} from '../source/corpus/view.ts';
import {rasterize} from '../source/ui/raster/raster.ts';
import {type ExplorerState, initialState} from '../source/ui/state/state.ts';
import {updateAll} from '../source/ui/state/update.ts';
import {view} from '../source/ui/view/frame.ts';
import {theme} from '../source/ui/view/theme.ts';
import {type Summary, summarize} from './stats.ts';

/** Typed as an analyst would: a common word, a typo (the fuzzy fallback), two words, per unit. */
export const COMPARE_QUERIES: Array<{query: string; perUnit?: boolean}> = [
	{query: 'relocation'},
	{query: 'relocaton'},
	{query: 'anti-poverty funds'},
	{query: 'rain plan subsidy', perUnit: true},
];

export interface CompareBench {
	documents: number;
	/** c: the view opened (an empty query asks nothing of the corpus). */
	openMs: number;
	/** The first letter typed: the corpus's figure matcher built. */
	firstKeyMs: number;
	/** One sample per keystroke after the first. */
	keystroke: Summary;
	slowest: {query: string; ms: number};
}

export function benchCompare(corpusPath: string, repeats = 3, queries = COMPARE_QUERIES): CompareBench {
	const corpus = loadCorpus(corpusPath);
	const model = buildModel(sanitizeDeep(corpus), fileView(corpus, {kind: 'file', path: corpusPath}).origins);
	const look = theme(true);
	const key = (state: ExplorerState, name: string) => {
		const next = updateAll(state, [{type: 'key', event: {kind: 'key', name}, at: 0}]);
		rasterize(view(next, look), look.mark);
		return next;
	};
	const timed = (state: ExplorerState, name: string): [ExplorerState, number] => {
		const start = performance.now();
		const next = key(state, name);
		return [next, performance.now() - start];
	};
	const start = initialState(model, {columns: 120, rows: 40});
	const [opened, openMs] = timed(start, 'c');
	const [typed, firstKeyMs] = timed(opened, 'r');
	let state = key(typed, 'ctrl-u');
	const samples: number[] = [];
	let slowest = {query: '', ms: 0};
	for (let r = 0; r < repeats; r++) {
		for (const {query, perUnit} of queries) {
			// From the query box: to the table for u, and back.
			if (perUnit !== state.compare.perUnit) state = key(key(key(state, 'tab'), 'u'), 'tab');
			for (const ch of query) {
				let ms: number;
				[state, ms] = timed(state, ch === ' ' ? 'space' : ch);
				samples.push(ms);
				if (ms > slowest.ms) slowest = {query: state.compare.box.text, ms};
			}
			state = key(state, 'ctrl-u');
		}
	}
	return {documents: model.corpus.documents.length, openMs, firstKeyMs, keystroke: summarize(samples), slowest};
}
