// A corpus file laid out as pa-tui writes it (`ingest`: JSON with an indent) is read report by
// report (source/corpus/records.ts): what a user sees must be what a whole read gives, and a
// report that is not valid, wherever it is in the file, is still one line naming the file and
// the field, exit 2, before anything is printed; in the explorer, as soon as it is read, with the
// terminal put back.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import fc from 'fast-check';
import {serializeCorpus} from '../source/commands/ingest.ts';
import {CorpusError, isTerminalSafeJson} from '../source/corpus/read.ts';
import {readRecords} from '../source/corpus/records.ts';
import {sanitizeLine} from '../source/corpus/sanitize.ts';
import type {Corpus, CorpusDocument} from '../source/corpus/schema.ts';
import {binary, corpusFile, NO_USER_LIBRARY, runBinary} from './helpers/corpus.ts';
import {built, LEAVE, launch} from './helpers/pty.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-records-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const bundled = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;

/** The bundled reports twice: the copies renamed ("Jilin 2"), 66 reports. */
function twice(): Corpus {
	const copies = bundled.documents.map(d => ({...structuredClone(d), id: `${d.id}-copy`, region: `${d.region} 2`}));
	return {schemaVersion: bundled.schemaVersion, documents: [...structuredClone(bundled.documents), ...copies]};
}

function write(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

const BAD_AT = 50;

function withBadReport(change: (d: Record<string, unknown>) => void): string {
	const corpus = twice();
	change(corpus.documents[BAD_AT] as unknown as Record<string, unknown>);
	return serializeCorpus(corpus);
}

/** One line on stderr, exit 2, nothing on stdout. */
function refused(path: string, args: string[] = ['list']): string {
	const r = runBinary([...args, '--corpus', path]);
	assert.equal(r.status, 2, r.stderr);
	assert.equal(r.stdout, '');
	assert.match(r.stderr, /^pa-tui: [^\n]+\n$/);
	assert.ok(r.stderr.includes(path), r.stderr);
	return r.stderr.trimEnd();
}

test('laid out as pa-tui writes it (tabs, two spaces) or not (one line): the same reports, the same output', () => {
	const corpus = twice();
	const paths = [
		write('tabs.json', serializeCorpus(corpus)),
		write('spaces.json', `${JSON.stringify(corpus, null, 2)}\n`),
		write('one-line.json', JSON.stringify(corpus)),
	];
	for (const args of [
		['list', '--json'],
		['export'],
		['show', 'jilin 2', 'investment', '--year', '2009'],
		['search', '--text', 'rain plan'],
		['funds', '--csv'],
	]) {
		// The origin names the file: the same name for all.
		const [first, ...rest] = paths.map(path => {
			const r = spawnSync(process.execPath, [binary, ...args, '--corpus', path], {
				encoding: 'utf8',
				env: {PATH: process.env['PATH'] ?? '', ...NO_USER_LIBRARY},
				maxBuffer: 256 * 1024 * 1024,
			});
			return {status: r.status, stderr: r.stderr, stdout: r.stdout.replaceAll(path, 'corpus.json')};
		});
		assert.equal(first!.status, 0, first!.stderr);
		for (const other of rest) assert.deepEqual(other, first, args.join(' '));
	}
});

test('a bad report far into the file: refused before anything is printed, by every command', () => {
	const path = write(
		'bad-year.json',
		withBadReport(d => (d['year'] = 'x09')),
	);
	assert.match(refused(path), new RegExp(`bad-year\\.json: documents\\[${BAD_AT}\\]\\.year: Expected number, received string$`));
	// Even a command whose output would not include that report.
	assert.match(refused(path, ['show', 'anhui']), /documents\[50\]\.year/);
	const deep = write(
		'bad-figure.json',
		withBadReport(d => {
			(d['sections'] as Array<{paragraphs: unknown[]}>)[1]!.paragraphs[0] = 7;
		}),
	);
	assert.match(refused(deep, ['funds']), /documents\[50\]\.sections\[1\]\.paragraphs\[0\]: Expected string, received number$/);
});

test('a report that is not JSON: its line and column in the file', () => {
	const text = serializeCorpus(twice());
	// The 51st report's region, its closing quote dropped.
	const region = `"region": "${twice().documents[BAD_AT]!.region}"`;
	const at = text.indexOf(region, text.indexOf(`"id": "${twice().documents[BAD_AT]!.id}"`));
	const broken = `${text.slice(0, at + region.length - 1)}${text.slice(at + region.length)}`;
	const line = broken.slice(0, at).split('\n').length;
	const message = refused(write('not-json.json', broken));
	assert.match(message, new RegExp(`not-json\\.json: not valid JSON at line (${line}|${line + 1}), column \\d+: `));
});

test('an id twice, another schema version: each one line', () => {
	const dup = withBadReport(d => (d['id'] = bundled.documents[3]!.id));
	assert.match(
		refused(write('dup.json', dup)),
		new RegExp(`documents\\[${BAD_AT}\\]\\.id: "${bundled.documents[3]!.id}" is the id of an earlier report$`),
	);
	const version = serializeCorpus(twice()).replace(`"schemaVersion": ${bundled.schemaVersion},`, '"schemaVersion": 99,');
	assert.match(refused(write('version.json', version)), /version\.json: schemaVersion 99 is not supported/);
});

test('the reader: headers at once, each report when first read, the rest in slices of time', () => {
	const corpus = twice();
	const bytes = Buffer.from(serializeCorpus(corpus));
	const records = readRecords(bytes, 0, 'x.json', undefined)!;
	assert.ok(records, 'recognized');
	assert.equal(records.unread(), corpus.documents.length);
	assert.deepEqual(
		records.corpus.documents.map(d => [d.id, d.region, d.year]),
		corpus.documents.map(d => [d.id, d.region, d.year]),
	);
	// A report's section headings come from its lines: the report is not read for them.
	assert.deepEqual(
		records.corpus.documents[8]!.sections.map(section => [section.id, section.heading]),
		corpus.documents[8]!.sections.map(section => [section.id, section.heading]),
	);
	assert.equal(records.unread(), corpus.documents.length);
	// Their text is read with the report, that one only.
	assert.deepEqual(records.corpus.documents[7]!.sections, corpus.documents[7]!.sections);
	assert.equal(records.unread(), corpus.documents.length - 1);
	assert.deepEqual(records.corpus.documents[8]!.sections[2]!.paragraphs, corpus.documents[8]!.sections[2]!.paragraphs);
	assert.equal(records.unread(), corpus.documents.length - 2);
	while (!records.readFor(1)) {
		// a few reports at a time
	}
	assert.equal(records.unread(), 0);
	assert.deepEqual(JSON.parse(JSON.stringify(records.corpus)), corpus);
	// Not laid out as pa-tui writes it: left to a whole read.
	assert.equal(readRecords(Buffer.from(JSON.stringify(corpus)), 0, 'x.json', undefined), undefined);
	// A key twice in a report, the second after its sections (JSON keeps the last): refused when read.
	const keyTwice = serializeCorpus(corpus).replace('\n\t\t\t]\n\t\t}', '\n\t\t\t],\n\t\t\t"regionType": "municipality"\n\t\t}');
	const odd = readRecords(Buffer.from(keyTwice), 0, 'x.json', undefined)!;
	assert.equal(odd.corpus.documents[0]!.regionType, corpus.documents[0]!.regionType);
	assert.throws(
		() => odd.corpus.documents[0]!.sections[0]!.paragraphs,
		(error: Error) =>
			error instanceof CorpusError && /documents\[0\]\.regionType: a key is given twice, with different values/.test(error.message),
	);
});

test('text to sanitize in a report read later: sanitized for the terminal, kept (escaped) in JSON', () => {
	const corpus = twice();
	const document = corpus.documents[BAD_AT] as CorpusDocument;
	document.title = `${document.title}\u001b]0;owned\u0007`;
	document.sections[0]!.paragraphs[0] = `\u001b[31mred\u001b[0m ${document.sections[0]!.paragraphs[0]}`;
	const path = write('escapes.json', serializeCorpus(corpus));
	const list = runBinary(['list', '--corpus', path]);
	assert.equal(list.status, 0, list.stderr);
	assert.ok(!list.stdout.includes('\u001b'));
	assert.match(list.stdout, /␦/);
	const show = runBinary(['show', document.region, '--year', String(document.year), '--corpus', path]);
	assert.equal(show.status, 0, show.stderr);
	assert.ok(!show.stdout.includes('\u001b'));
	assert.match(show.stdout, /␦red␦/);
	const json = runBinary(['show', document.region, '--year', String(document.year), '--json', '--corpus', path]);
	assert.match(json.stdout, /\\u001b\[31mred/);
});

const skip = !built && 'dist/ not built (npm run build)';

test('the explorer: the first frame at once, then the bad report read between keys: the terminal back, one line, exit 2', {
	skip,
	timeout: 40_000,
}, async t => {
	const path = write(
		'explorer-bad.json',
		withBadReport(d => (d['regionType'] = 'planet')),
	);
	const ui = launch({columns: 100, rows: 30, argv: [join(import.meta.dirname, '..', 'bin', 'pa-tui'), '--corpus', path]});
	t.after(ui.dispose);
	const {exitCode} = await ui.exit(20_000);
	assert.equal(exitCode, 2);
	assert.ok(ui.output().includes('Regions ('), 'the first frame was drawn');
	assert.ok(ui.output().endsWith(LEAVE), 'the terminal put back last');
	assert.match(
		ui.stderr(),
		new RegExp(`^pa-tui: [^\\n]*explorer-bad\\.json: documents\\[${BAD_AT}\\]\\.regionType: Invalid enum value[^\\n]*\\n$`),
	);
});

test('the explorer on a corpus read report by report: search finds reports not read yet when it is typed', {
	skip,
	timeout: 40_000,
}, async t => {
	const path = write('explorer-good.json', serializeCorpus(twice()));
	const ui = launch({columns: 100, rows: 30, argv: [join(import.meta.dirname, '..', 'bin', 'pa-tui'), '--corpus', path]});
	t.after(ui.dispose);
	await ui.until(screen => screen.includes('Regions (58)'), 'the first frame');
	ui.press('/');
	ui.press('rain plan');
	await ui.until(screen => /Rain Plan/.test(screen) && / 2\b.*Rain Plan|Rain Plan.* 2\b/.test(screen), 'hits in the copies as well');
	ui.press('\u001b');
	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
	assert.equal(ui.stderr(), '');
});

test('text to sanitize is found in the bytes of JSON text: exactly where the sanitizer would change a string', () => {
	const tricky = fc.constantFrom(
		...['\n', '\t', '\r', '\b', '\f', '\u2028', '\u2029', '\u0085', '\u009f', '\u007f', '\u0001', '\u001b', '\\', '"', 'n', 'u'],
		...['\u202e', '\u2066', '\u2069', '“', '”', '¥', '\u00a0', '\ud800', '\udc00', '😀', 'é', '\u0080'],
	);
	fc.assert(
		fc.property(
			fc.array(
				fc.oneof(
					fc.string({unit: 'binary'}),
					tricky,
					fc.array(tricky).map(a => a.join('')),
				),
			),
			parts => {
				const text = JSON.stringify(parts);
				const bytes = Buffer.from(`{"a": ${text}, "b": 1}`);
				const start = 6;
				return isTerminalSafeJson(bytes, start, start + Buffer.byteLength(text)) === parts.every(part => sanitizeLine(part) === part);
			},
		),
		{numRuns: 5000},
	);
	// Escapes JSON.stringify does not write, but a file may hold.
	for (const [json, safe] of [
		['"\\u001b"', false],
		['"\\u2028"', false],
		['"\\uD83D\\uDE00"', false],
		['"\\u00e9"', true],
		['"\\\\n"', true],
		['"\\\\\\n"', false],
		['"\\/"', true],
	] as const) {
		assert.equal(isTerminalSafeJson(Buffer.from(json)), safe, json);
	}
});
