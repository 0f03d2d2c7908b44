// What a user types, at its worst: very long arguments and queries, queries without a word,
// negative numbers, empty names. Each is one short line on stderr, exit 2, and fast; no error line
// repeats more than a short piece of what was typed. Through the real binary, piped.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type RunResult, rawDir, runBinary} from './helpers/corpus.ts';

/** About one terminal line: the most of a user's input an error line may repeat, with its own words. */
const MAX_LINE = 200;

function usageError(r: RunResult, pattern?: RegExp): string {
	assert.equal(r.status, 2, `exit 2: ${r.stderr.slice(0, 300)}`);
	assert.equal(r.stdout, '');
	const lines = r.stderr.split('\n').filter(l => l !== '');
	assert.equal(lines.length, 1, `one line: ${r.stderr.slice(0, 300)}`);
	assert.match(lines[0]!, /^pa-tui: /);
	assert.doesNotMatch(r.stderr, /\n\s+at |Error:|internal error|Stack overflow/, 'no stack trace, no internal error');
	assert.ok(lines[0]!.length <= MAX_LINE, `a short line (${lines[0]!.length} characters): ${lines[0]!.slice(0, 300)}`);
	if (pattern) assert.match(lines[0]!, pattern);
	return lines[0]!;
}

function timed(args: string[]): RunResult & {ms: number} {
	const started = performance.now();
	const r = runBinary(args);
	return {...r, ms: performance.now() - started};
}

// ---------------------------------------------------------------------------------------------
// 17. Long queries

test('search --text with 700 words: refused in one short line (not a regular-expression stack overflow)', () => {
	const words = (n: number) => Array.from({length: n}, (_, i) => `word${i}`).join(' ');
	for (const args of [
		['search', '--text', words(700)],
		['search', words(700)],
	]) {
		usageError(runBinary(args), /^pa-tui: an argument of 5,489 characters is too long \(at most 4096\): "word0 word1/);
	}
	// Under the limit for any argument, over the one for a query.
	usageError(
		runBinary(['search', '--text', words(300)]),
		/^pa-tui: search: the query is too long: 2,289 characters, at most 200 \("word0 word1/,
	);
});

test('a query of 200 characters is still searched; of 201, refused', () => {
	const words = 'poverty alleviation '.repeat(10); // exactly 200 characters
	assert.equal(words.length, 200);
	const r = runBinary(['search', '--text', words]);
	assert.ok(r.status === 0 || r.status === 1, r.stderr);
	usageError(runBinary(['search', '--text', `${words}x`]), /too long: 201 characters/);
});

// ---------------------------------------------------------------------------------------------
// 18. Queries with no word

test('a query with no word in it is a usage error: search "", funds --match "(" "*" "", show <region> "("', () => {
	for (const query of ['', '(', '*', '  ', '.*', '"']) {
		usageError(runBinary(['search', query]), /^pa-tui: search: the query .* has no word to look for$/);
		usageError(runBinary(['search', '--text', query]), /has no word to look for$/);
		usageError(runBinary(['funds', '--match', query]), /^pa-tui: funds: --match .* has no word to look for$/);
		usageError(runBinary(['show', 'jilin', query]), /^pa-tui: show: the section query .* has no word to look for$/);
		usageError(runBinary(['show', query]), /^pa-tui: show: the region .* has no word to look for$/);
		usageError(runBinary(['funds', query]), /^pa-tui: funds: the region .* has no word to look for$/);
	}
	// A word in any script counts, and so does a number.
	assert.notEqual(runBinary(['search', '扶贫']).status, 2);
	assert.equal(runBinary(['search', '--text', '2009']).status, 0);
});

// ---------------------------------------------------------------------------------------------
// 19. Numbers, empty names, long arguments

test('negative numbers: --limit -1 and --year -2009 say what the option takes', () => {
	usageError(runBinary(['search', 'training', '--limit', '-1']), /^pa-tui: --limit takes a whole number of at least 1, not "-1"$/);
	usageError(runBinary(['show', 'jilin', '--year', '-2009']), /^pa-tui: --year takes a whole number, not "-2009"$/);
	usageError(runBinary(['funds', '--year', '-2009']), /^pa-tui: --year takes a whole number, not "-2009"$/);
	usageError(runBinary(['search', 'x', '--limit=-5']), /--limit takes a whole number of at least 1, not "-5"/);
	// A value starting with a dash that is not a number.
	usageError(
		runBinary(['funds', '--match', '-x']),
		/^pa-tui: --match needs a value \(for a value that starts with "-", write --match=-…\)$/,
	);
	// Numbers too large to mean anything are not echoed as 1e+20.
	usageError(runBinary(['show', 'jilin', '--year', '99999999999999999999']), /--year takes a whole number, not "9+…?"/);
});

test('empty names: ingest "", --out "", --corpus "" are usage errors that say so', () => {
	usageError(runBinary(['ingest', '']), /^pa-tui: ingest: an input file name is empty$/);
	usageError(runBinary(['ingest', `${rawDir}/000_ce3b4c900936e79e.txt`, '--out', '']), /^pa-tui: ingest: --out needs a file name$/);
	usageError(runBinary(['--corpus', '', 'list']), /^pa-tui: --corpus needs a file name$/);
	// An empty PA_TUI_CORPUS is not set (as NO_COLOR): the bundled corpus.
	assert.equal(runBinary(['list'], {PA_TUI_CORPUS: ''}).status, 0);
});

test('a 100 kB argument anywhere is refused fast, quoting at most a short piece of it', () => {
	const huge = 'x'.repeat(100_000);
	for (const args of [
		['show', huge],
		['show', 'jilin', huge],
		['funds', huge],
		['funds', '--match', huge],
		['search', huge],
		['search', '--text', huge],
		[huge],
		[`--${huge}`],
		['list', huge],
		['ingest', huge],
		['ingest', `${rawDir}/000_ce3b4c900936e79e.txt`, '--out', huge],
		['--corpus', huge, 'list'],
		['show', 'jilin', '--year', huge],
		['completion', huge],
	]) {
		const r = timed(args);
		usageError(r, /too long/);
		assert.ok(r.ms < 3_000, `${args.map(a => a.slice(0, 10)).join(' ')}: ${Math.round(r.ms)} ms`);
	}
});

test('every message that quotes input stays short, with arguments just under the length limits', () => {
	const long = 'q'.repeat(190); // under the query limit
	const path = `/tmp/${'p'.repeat(4000)}`; // under the argument limit
	const cases: Array<[string[], number]> = [
		[['show', long], 1],
		[['show', 'jilin', long], 1],
		[['funds', long], 1],
		[['search', long], 1],
		[['search', '--text', long], 1],
		[[long], 2],
		[[`--${long}`], 2],
		[['list', long], 2],
		[['completion', long], 2],
		[['show', 'jilin', '--year', long], 2],
		[['funds', '--sort', long], 2],
		[['list', '--max-size', long], 2],
		[['ingest', path], 2],
		[['ingest', `${rawDir}/000_ce3b4c900936e79e.txt`, '--out', `${path}/corpus.json`], 2],
		[['--corpus', path, 'list'], 2],
	];
	for (const [args, status] of cases) {
		const r = runBinary(args);
		assert.equal(r.status, status, `${args.map(a => a.slice(0, 12)).join(' ')}: ${r.stderr.slice(0, 300)}`);
		for (const line of r.stderr.split('\n').filter(l => l !== '')) {
			assert.ok(line.length <= MAX_LINE, `${args.map(a => a.slice(0, 12)).join(' ')}: ${line.length} characters: ${line.slice(0, 300)}`);
		}
	}
});
