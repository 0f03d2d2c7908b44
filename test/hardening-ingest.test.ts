// The ingest stage on text it has never seen: it fails only with IngestError, never loses or
// invents text, always produces a corpus the loader accepts, and never damages the previous
// corpus file — not when the input is bad, not when it is killed half way.

import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {
	chmodSync,
	closeSync,
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {parseCorpus} from '../source/corpus/load.ts';
import {sanitize} from '../source/corpus/sanitize.ts';
import type {Corpus} from '../source/corpus/schema.ts';
import {buildCorpus, type RawFile} from '../source/ingest/build.ts';
import {IngestError} from '../source/ingest/raw-text.ts';
import {writeFileAtomic} from '../source/io/write-atomic.ts';
import {binary, rawDir, rawFiles, runBinary} from './helpers/corpus.ts';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 200);
const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// Generated reports

const LOWER_WORDS = [
	'poverty',
	'alleviation',
	'funds',
	'village',
	'county',
	'households',
	'training',
	'relocation',
	'the',
	'of',
	'and',
	'in',
	'was',
	'were',
	'invested',
	'farmers',
	'income',
	'per',
	'capita',
	'projects',
	'government',
	'rural',
	'roads',
	'water',
	'schools',
	'loans',
	'subsidy',
	'yuan',
	'million',
	'a',
	'to',
	'by',
	'for',
	'more',
	'than',
];
const CAPITAL_WORDS = [
	'Poverty',
	'Alleviation',
	'Industrial',
	'Rain',
	'Plan',
	'Overview',
	'Social',
	'Development',
	'Village',
	'Advancement',
	'Training',
	'Relocation',
	'Funds',
	'Investment',
	'Work',
	'Conference',
];
const PLACES = [
	'Jilin Province',
	'Hebei Province',
	'Guangxi Zhuang Autonomous Region',
	'Chongqing Municipality',
	'Inner Mongolia Autonomous Region',
	'Ruritania Province',
	'Xinjiang Production and Construction Corps',
];
const UNICODE_WORDS = ['扶贫', 'café', 'naïve', '👍', '“quoted”', '‘single’', '—', '–', 'Ⅱ', '½', 'x\u0301', '①', '€5', 'ü'];

const year = fc.integer({min: 1990, max: 2030});
const number = fc.oneof(
	fc.nat({max: 100_000}).map(String),
	fc.tuple(fc.nat({max: 9999}), fc.nat({max: 99})).map(([a, b]) => `${a}.${b}`),
	fc.tuple(fc.integer({min: 1, max: 999}), fc.nat({max: 999})).map(([a, b]) => `${a},${String(b).padStart(3, '0')}`),
	fc.constantFrom('9'.repeat(400), '1'.repeat(30), '0.000001', '00', '1.'),
);
const money = fc
	.tuple(
		number,
		fc.constantFrom('yuan', 'million yuan', 'billion Yuan', 'million', 'thousand yuan', 'trillion yuan'),
		fc.constantFrom('', 'RMB ', '¥'),
	)
	.map(([n, unit, prefix]) => (prefix === '' ? `${n} ${unit}` : `${prefix}${n} ${unit}`));
const word = fc.oneof(
	{weight: 10, arbitrary: fc.constantFrom(...LOWER_WORDS)},
	{weight: 2, arbitrary: number},
	{weight: 2, arbitrary: money},
	{weight: 1, arbitrary: year.map(y => `in ${y}`)},
	{weight: 1, arbitrary: fc.constantFrom(...UNICODE_WORDS)},
	{weight: 1, arbitrary: fc.constantFrom(...CAPITAL_WORDS)},
	{weight: 1, arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 6}).filter(s => s.trim() === s && !/\s/.test(s))},
	{weight: 1, arbitrary: fc.constantFrom('(2011-2020)', 'No. 5', 'e.g.', 'up 6.15%', '(1)', '"Sidao"', '%', ';', ':')},
);
const punctuation = fc.constantFrom('', '', '', ',', ';', ':', '.', '!', '?', ')', '”');
const space = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\u00a0', ' \u00a0', '\u3000', '\t');

/** A sentence: words with punctuation and spaces of all kinds, ending with a full stop. */
const sentence = fc
	.tuple(
		fc.constantFrom(
			'The',
			'In 2012, the',
			'It',
			'We',
			'A total of',
			'More than',
			'Funds of',
			'By the end of 2010,',
			'First, the',
			'Meanwhile,',
		),
		fc.array(fc.tuple(word, punctuation, space), {minLength: 1, maxLength: 25}),
	)
	.map(
		([opener, words]) =>
			`${opener} ${words
				.map(([w, p, s]) => w + p + s)
				.join('')
				.trim()}.`,
	);
const paragraph = fc.array(sentence, {minLength: 1, maxLength: 4}).map(s => s.join(' '));
const headingText = fc.array(fc.constantFrom(...CAPITAL_WORDS, 'of', 'and', 'in', 'the', 'by'), {minLength: 1, maxLength: 6}).map(w => {
	const words = [...w];
	if (!/^\p{Lu}/u.test(words[0]!)) words.unshift('Poverty');
	return words.join(' ');
});

interface GeneratedReport {
	title: string;
	/** Paragraph lines as written, with their heading (if any). */
	lines: string[];
	attribution: string[] | null;
}

function reportArbitrary(bracketStyle: boolean, lead: string): fc.Arbitrary<GeneratedReport> {
	const section = fc
		.tuple(
			headingText,
			fc.constantFrom(' ', '  ', '\u00a0', '\u00a0 ', '', '\u3000'),
			fc.array(paragraph, {minLength: 1, maxLength: 3}),
			fc.boolean(),
		)
		.map(([heading, gap, paragraphs, withHeading]) => {
			if (!withHeading) return paragraphs;
			const first = bracketStyle ? `【${heading}】${gap.trim() === '' ? gap : ' '}${paragraphs[0]}` : `${heading}${gap}${paragraphs[0]}`;
			return [first, ...paragraphs.slice(1)];
		});
	return fc
		.tuple(
			fc.constantFrom(...PLACES),
			fc.constant(lead),
			year,
			fc.array(section, {minLength: 1, maxLength: 4}),
			fc.option(
				fc.tuple(
					fc.constantFrom('Zhang Wei', 'Li Na', 'Wang Fang'),
					fc.constantFrom('Poverty Alleviation Office', 'Office of the Leading Group'),
					fc.boolean(),
				),
				{nil: null},
			),
		)
		.map(([place, lead, y, sections, attribution]) => ({
			title: `${lead} ${place}`,
			// The year a report covers must be named in its text.
			lines: [`In ${y}, the region continued its work on poverty alleviation.`, ...sections.flat()],
			attribution:
				attribution === null
					? null
					: attribution[2]
						? [`(By ${attribution[0]}, ${attribution[1]} of`, `${place})`]
						: [`(By ${attribution[0]}, ${attribution[1]})`],
		}));
}

const FOOTER = ['扫描下载手机客户端', '地址:北京朝阳区太阳宫北街1号 邮编100028', '版权所有©中国国际扶贫中心'];

interface GeneratedFile {
	text: string;
	reports: GeneratedReport[];
	/** Lines of the input that belong to no report. */
	outside: string[];
}

const generatedFile: fc.Arbitrary<GeneratedFile> = fc
	.tuple(
		fc.boolean(),
		fc.array(fc.boolean(), {minLength: 1, maxLength: 3}),
		fc.boolean(),
		fc.constantFrom('\n', '\r\n', '\n\n', '\n      \n'),
		fc.constantFrom('', '      ', '\u00a0', '\u3000'),
		fc.boolean(),
		// One title pattern per file, as in the yearbook: a line in another pattern that no
		// attribution precedes is read as text, not as the start of a report (a known limit).
		fc.constantFrom('Poverty Alleviation and Development in', 'Poverty Alleviation in', 'Development-oriented Poverty Alleviation in the'),
	)
	.chain(([chapter, styles, footer, newline, indent, bom, lead]) =>
		fc.tuple(...styles.map(style => reportArbitrary(style, lead))).map(reports => {
			const lines: string[] = [];
			const outside: string[] = [];
			if (chapter) {
				lines.push('Local Poverty Alleviation');
				outside.push('Local Poverty Alleviation');
			}
			for (const r of reports) {
				lines.push(r.title, ...r.lines.map(l => indent + l), ...(r.attribution ?? []));
			}
			if (footer) {
				lines.push(...FOOTER);
				outside.push(...FOOTER);
			}
			return {text: (bom ? '\ufeff' : '') + lines.join(newline) + newline, reports, outside};
		}),
	);

/** Non-whitespace characters in order, brackets of headings ignored. */
function ink(text: string): string {
	return text.replace(/[\s\u00a0\u3000\ufeff【】]+/gu, '');
}

function bodyInk(corpus: Corpus): string {
	return corpus.documents.map(d => ink(d.sections.map(s => [s.heading, ...s.paragraphs].join(' ')).join(' '))).join('');
}

function file(text: string, name = 'generated.txt'): RawFile {
	return {name, bytes: encoder.encode(text)};
}

/** Build, accepting only IngestError as a failure. */
function tryBuild(files: RawFile[]): Corpus | IngestError {
	try {
		return buildCorpus(files);
	} catch (error) {
		if (error instanceof IngestError) return error;
		throw error;
	}
}

test('property: generated reports parse faithfully — titles, attributions and every character of the bodies', () => {
	let parsed = 0;
	let failed = 0;
	let headings = 0;
	fc.assert(
		fc.property(generatedFile, generated => {
			const result = tryBuild([file(generated.text)]);
			if (result instanceof IngestError) {
				failed++;
				// A failed ingest says why in one line naming the file.
				assert.match(result.message, /^generated\.txt(:\d+)?: [^\n]+$/);
				return;
			}
			// The output is a corpus the loader accepts (no Infinity, no duplicate id…).
			parseCorpus(JSON.parse(JSON.stringify(result)), 'generated corpus');
			assert.deepEqual(
				result.documents.map(d => d.title),
				generated.reports.map(r => r.title),
			);
			assert.deepEqual(
				result.documents.map(d => d.attribution),
				generated.reports.map(r => (r.attribution ? r.attribution.join(' ').replace(/^\(\s*|\s*\)$/g, '') : null)),
			);
			const expected = generated.reports.map(r => ink(r.lines.join(' '))).join('');
			assert.equal(bodyInk(result), expected);
			parsed++;
			headings += result.documents.reduce((n, d) => n + d.sections.filter(s => s.heading !== '').length, 0);
		}),
		{numRuns: RUNS},
	);
	// The property is about parsed reports: most generated files must parse, with headings found.
	assert.ok(parsed > failed * 4, `${parsed} parsed, ${failed} refused`);
	assert.ok(headings > parsed, `${headings} headings in ${parsed} files`);
});

test('property: on any input text, buildCorpus returns a loadable corpus or throws IngestError', () => {
	const line = fc.oneof(
		fc.string({unit: 'grapheme', maxLength: 120}),
		fc.string({unit: 'binary', maxLength: 60}),
		paragraph,
		headingText,
		fc.constantFrom(
			'Poverty Alleviation and Development in Jilin Province',
			'(By Someone)',
			'(',
			')',
			'【】',
			'【x',
			'】',
			'In 2012,',
			'扫描下载手机客户端',
			'\u00a0',
			'',
		),
	);
	const text = fc.array(line, {maxLength: 30}).map(lines => lines.join('\n'));
	fc.assert(
		fc.property(fc.array(text, {minLength: 1, maxLength: 3}), texts => {
			const files = texts.map((t, i) => file(t, `f${i}.txt`));
			const result = tryBuild(files);
			if (result instanceof IngestError) {
				assert.doesNotMatch(result.message, /[\x00-\x09\x0b-\x1f\x7f-\x9f\n]/, 'one safe line');
				return;
			}
			parseCorpus(JSON.parse(JSON.stringify(result)), 'generated corpus');
			// Nothing invented: every character of the bodies is in the input, in order (with the
			// controls and escape sequences of raw text marked, as ingest marks them).
			const input = ink(texts.map(t => sanitize(t.replace(/\r\n?/g, '\n'))).join(''));
			let at = 0;
			for (const ch of bodyInk(result)) {
				at = input.indexOf(ch, at);
				assert.ok(at >= 0, `"${ch}" comes from the input`);
				at += ch.length;
			}
		}),
		{numRuns: RUNS},
	);
});

test('property: on any bytes, buildCorpus returns or throws IngestError', () => {
	fc.assert(
		fc.property(fc.uint8Array({maxLength: 400}), bytes => {
			tryBuild([{name: 'bytes.txt', bytes}]);
		}),
		{numRuns: RUNS},
	);
});

test('the real raw files still parse as the committed corpus (the generators did not change the parser)', () => {
	const corpus = buildCorpus(rawFiles());
	parseCorpus(JSON.parse(JSON.stringify(corpus)), 'built');
	assert.equal(`${JSON.stringify(corpus, null, '\t')}\n`, readFileSync(join(rawDir, '..', 'corpus.json'), 'utf8'));
});

test('an amount too large for a number is not a figure (it would be written as null)', () => {
	const text = `Poverty Alleviation and Development in Jilin Province\nIn 2012, funds of ${'9'.repeat(400)} yuan were invested and 5 million yuan more.\n`;
	const corpus = buildCorpus([file(text)]);
	const figures = corpus.documents[0]!.sections.flatMap(s => s.figures);
	assert.ok(figures.every(f => Number.isFinite(f.yuan)));
	assert.ok(figures.some(f => f.yuan === 5_000_000));
});

test('error messages quote raw text safely: a hostile title does not reach the terminal', () => {
	const text = 'Poverty Alleviation and Development in Evil\x1b]0;pwned\x07 Province\nno year here at all.\n';
	const result = tryBuild([file(text, 'evil\x1b[2J.txt')]);
	assert.ok(result instanceof IngestError);
	assert.doesNotMatch(result.message, /[\x00-\x1f\x7f-\x9f]/);
	assert.match(result.message, /^evil␦\.txt:1: /);
});

// ---------------------------------------------------------------------------------------------
// The previous corpus file survives a failed or interrupted ingest

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-ingest-'));
test.after(() => rmSync(dir, {recursive: true, force: true}));

const rawPaths = readdirSync(rawDir)
	.filter(f => f.endsWith('.txt'))
	.sort()
	.map(f => join(rawDir, f));

const PREVIOUS = '{"previous": "corpus, byte for byte"}\n';

function leftovers(folder: string, keep: string[]): string[] {
	return readdirSync(folder).filter(f => !keep.includes(f));
}

test('a non-UTF-8 file among the inputs: exit 2, one line naming the file and line, previous corpus untouched', () => {
	const out = join(dir, 'utf8-case', 'corpus.json');
	mkdirp(join(dir, 'utf8-case'));
	writeFileSync(out, PREVIOUS);
	const bad = join(dir, 'latin1.txt');
	writeFileSync(
		bad,
		Buffer.concat([
			Buffer.from('Poverty Alleviation and Development in Jilin Province\nIn 2012, caf'),
			Buffer.from([0xe9]),
			Buffer.from(' funds.\n'),
		]),
	);
	const r = runBinary(['ingest', ...rawPaths, bad, '--out', out]);
	assert.equal(r.status, 2, r.stderr);
	assert.match(r.stderr, /^pa-tui: .*latin1\.txt:2: not valid UTF-8 text\n$/);
	assert.equal(readFileSync(out, 'utf8'), PREVIOUS);
	assert.deepEqual(leftovers(join(dir, 'utf8-case'), ['corpus.json']), []);
});

test('other failed ingests (missing input, no report, unwritable output) leave the previous corpus and no temporary file', () => {
	const folder = join(dir, 'fail-cases');
	mkdirp(folder);
	const out = join(folder, 'corpus.json');
	writeFileSync(out, PREVIOUS);
	const notAReport = join(dir, 'not-a-report.txt');
	writeFileSync(notAReport, 'just some words\nand more\n');
	for (const args of [[join(dir, 'missing.txt')], [notAReport], [join(dir, 'empty.txt')]]) {
		writeFileSync(join(dir, 'empty.txt'), '');
		const r = runBinary(['ingest', ...rawPaths, ...args, '--out', out]);
		assert.equal(r.status, 2, r.stderr);
		assert.match(r.stderr, /^pa-tui: [^\n]+\n$/);
		assert.equal(readFileSync(out, 'utf8'), PREVIOUS);
	}
	// The output folder does not exist, or the output is a folder.
	for (const target of [join(folder, 'no-such-folder', 'corpus.json'), folder]) {
		const r = runBinary(['ingest', ...rawPaths, '--out', target]);
		assert.equal(r.status, 2, r.stderr);
		assert.match(r.stderr, /^pa-tui: .*cannot write the corpus: [^\n]+\n$/);
		assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
	}
	assert.equal(readFileSync(out, 'utf8'), PREVIOUS);
	assert.deepEqual(leftovers(folder, ['corpus.json']), []);
});

test('writeFileAtomic removes temporary files left by killed writers, not those of live ones', () => {
	const folder = join(dir, 'stale');
	mkdirp(folder);
	const out = join(folder, 'corpus.json');
	writeFileSync(out, PREVIOUS);
	// A pid far above any pid_max is not alive; our parent's is.
	writeFileSync(join(folder, '.corpus.json.999999999.tmp'), '{"half": ');
	writeFileSync(join(folder, `.corpus.json.${process.ppid}.tmp`), 'in progress');
	writeFileSync(join(folder, '.other.json.999999999.tmp'), 'not ours');
	writeFileAtomic(out, 'new\n');
	assert.equal(readFileSync(out, 'utf8'), 'new\n');
	assert.deepEqual(leftovers(folder, []).sort(), [`.corpus.json.${process.ppid}.tmp`, '.other.json.999999999.tmp', 'corpus.json'].sort());
});

/** A fresh, empty folder. */
function mkdirp(path: string): void {
	rmSync(path, {recursive: true, force: true});
	mkdirSync(path, {recursive: true});
}

/**
 * The real raw files, each copied `times` times: a large input that takes a while. Each copy ends
 * in a different number of blank lines, so that ingest does not skip it as a repeat of the first.
 */
function largeInput(times: number): string[] {
	const folder = join(dir, 'large');
	if (existsSync(folder)) return readdirSync(folder).map(f => join(folder, f));
	mkdirSync(folder);
	const paths: string[] = [];
	for (let i = 0; i < times; i++) {
		for (const raw of rawPaths) {
			const path = join(folder, `${String(i).padStart(3, '0')}-${raw.split('/').pop()}`);
			writeFileSync(path, Buffer.concat([readFileSync(raw), Buffer.from('\n'.repeat(i + 1))]));
			paths.push(path);
		}
	}
	return paths;
}

interface Run {
	signal: NodeJS.Signals | null;
	code: number | null;
	ms: number;
	/** For a kill on the temporary file: whether it existed when the signal was sent. */
	sawTemporary: boolean;
}

/** Run an ingest; kill it after `afterMs`, or as soon as its temporary file appears ('temporary'). */
function ingestAndKill(inputs: string[], out: string, when: number | 'temporary' | undefined): Promise<Run> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(process.execPath, [binary, 'ingest', ...inputs, '--out', out], {stdio: 'ignore'});
		let sawTemporary = false;
		const folder = join(out, '..');
		const temporary = `.corpus.json.${child.pid}.tmp`;
		const timer =
			when === undefined
				? undefined
				: when === 'temporary'
					? setInterval(() => {
							if (readdirSync(folder).includes(temporary)) {
								sawTemporary = true;
								child.kill('SIGKILL');
							}
						}, 1)
					: setTimeout(() => child.kill('SIGKILL'), when);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (timer) clearInterval(timer);
			resolve({code, signal, ms: Date.now() - started, sawTemporary});
		});
	});
}

test('an ingest killed half way (SIGKILL) leaves the previous corpus byte-identical, and the next run cleans up', {
	timeout: 120_000,
}, async () => {
	const inputs = largeInput(4);
	const folder = join(dir, 'killed');
	mkdirp(folder);
	const out = join(folder, 'corpus.json');
	// How long a whole run takes here, and what it writes.
	const full = await ingestAndKill(inputs, out, undefined);
	assert.equal(full.code, 0);
	const complete = readFileSync(out);
	// Killed while parsing, and killed while writing its temporary file.
	for (const when of [Math.round(full.ms * 0.5), 'temporary'] as const) {
		writeFileSync(out, PREVIOUS);
		const run = await ingestAndKill(inputs, out, when);
		const after = readFileSync(out);
		if (run.signal === 'SIGKILL') {
			// Killed before the rename: the old file; after it: the whole new one. Never a part.
			assert.ok(after.equals(Buffer.from(PREVIOUS)) || after.equals(complete), `after a kill (${when}): ${after.length} bytes`);
			if (when === 'temporary') assert.ok(run.sawTemporary);
		} else {
			// Finished before the signal (a fast machine): then the new corpus is whole.
			assert.equal(run.code, 0);
			assert.ok(after.equals(complete));
		}
	}
	// A later run succeeds and leaves nothing but the corpus behind.
	const again = runBinary(['ingest', ...rawPaths, '--out', out]);
	assert.equal(again.status, 0, again.stderr);
	assert.deepEqual(leftovers(folder, ['corpus.json']), []);
	assert.equal(readFileSync(out, 'utf8'), readFileSync(join(rawDir, '..', 'corpus.json'), 'utf8'));
});

test('writeFileAtomic keeps a symbolic link and the file permissions', () => {
	const folder = join(dir, 'link');
	mkdirp(folder);
	const real = join(folder, 'real.json');
	writeFileSync(real, PREVIOUS);
	chmodSync(real, 0o640);
	symlinkSync('real.json', join(folder, 'link.json'));
	writeFileAtomic(join(folder, 'link.json'), 'new\n');
	assert.ok(lstatSync(join(folder, 'link.json')).isSymbolicLink(), 'the link is still a link');
	assert.equal(readFileSync(real, 'utf8'), 'new\n');
	assert.equal(statSync(real).mode & 0o777, 0o640);
	assert.deepEqual(leftovers(folder, ['real.json', 'link.json']), []);
});

test('ingest --out a named pipe writes into the pipe and leaves it a pipe', {
	skip: spawnSync('sh', ['-c', 'command -v mkfifo']).status !== 0 && 'no mkfifo',
}, async () => {
	const folder = join(dir, 'fifo');
	mkdirp(folder);
	const fifo = join(folder, 'pipe');
	assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
	const received = openSync(join(folder, 'received.json'), 'w');
	const reader = spawn('cat', [fifo], {stdio: ['ignore', received, 'ignore']});
	const done = new Promise(resolve => reader.on('exit', resolve));
	const r = await new Promise<number | null>(resolve =>
		spawn(process.execPath, [binary, 'ingest', ...rawPaths, '--out', fifo], {stdio: 'ignore'}).on('exit', resolve),
	);
	// A failed ingest never opens the pipe: do not wait for the reader then.
	if (r !== 0) reader.kill();
	await done;
	closeSync(received);
	assert.equal(r, 0);
	assert.ok(lstatSync(fifo).isFIFO());
	assert.equal(readFileSync(join(folder, 'received.json'), 'utf8'), readFileSync(join(rawDir, '..', 'corpus.json'), 'utf8'));
});

// Garbled input (a table run into one line, a line of spaces) must not take time that grows with
// the square of its length or worse: before the fix, the first case took minutes, the second
// about ten minutes.
test('a garbled line with thousands of amounts, or a long run of spaces, parses in bounded time', () => {
	const title = 'Poverty Alleviation and Development in Jilin Province';
	for (const [name, line] of [
		['amounts', `In 2012, ${'funds of 5 million yuan were '.repeat(20_000)}.`],
		['spaces', `In 2012, x${' \u00a0'.repeat(200_000)}y.`],
		['changes', `In 2012, ${'5 million yuan more than that in 2011, up 5% and '.repeat(5_000)}.`],
	] as const) {
		const started = performance.now();
		const corpus = buildCorpus([file(`${title}\n${line}\n`)]);
		const ms = performance.now() - started;
		assert.ok(ms < 10_000, `${name}: ${Math.round(ms)} ms`);
		assert.equal(corpus.documents.length, 1);
	}
});

test('the footer is Chinese or letterless lines at the end; a short English last line is text', () => {
	const title = 'Poverty Alleviation and Development in Jilin Province';
	const corpus = buildCorpus([file(`${title}\nIn 2012, funds rose.\nIt a.\n(Li Na)\n12\n———\n扫描下载手机客户端\n`)]);
	const document = corpus.documents[0]!;
	assert.deepEqual(
		document.sections.flatMap(s => s.paragraphs),
		['In 2012, funds rose.', 'It a.'],
	);
	assert.equal(document.attribution, 'Li Na');
});
