// A broken corpus file: one line on stderr naming the file and the problem, exit 2, no stack
// trace, and nothing of the file's bytes that could drive the terminal.

import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {CorpusError, loadCorpus, parseCorpus} from '../source/corpus/load.ts';
import type {Corpus} from '../source/corpus/schema.ts';
import {corpusFile, runBinary} from './helpers/corpus.ts';
import {figureOf} from './helpers/figure.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-broken-'));
test.after(() => {
	try {
		chmodSync(join(dir, 'unreadable.json'), 0o644);
	} catch {
		// not created
	}
	rmSync(dir, {recursive: true, force: true});
});

const good: Corpus = {
	schemaVersion: 2,
	documents: [
		{
			id: 'jilin-2009',
			region: 'Jilin',
			placeName: 'Jilin Province',
			regionType: 'province',
			year: 2009,
			title: 'Poverty Alleviation and Development in Jilin Province',
			source: 'x.txt',
			attribution: null,
			sections: [{id: '01-overview', heading: 'Overview', paragraphs: ['In 2009, 5 million yuan.'], figures: []}],
		},
	],
};

function file(name: string, content: string | Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

function withDocument(change: (d: Record<string, unknown>) => void): string {
	const corpus = structuredClone(good) as unknown as {documents: Array<Record<string, unknown>>};
	change(corpus.documents[0]!);
	return JSON.stringify(corpus, null, 2);
}

const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** The binary refuses the corpus with one clean line; returns that line. */
function refused(path: string, args: string[] = ['list']): string {
	const r = runBinary([...args, '--corpus', path]);
	assert.equal(r.status, 2, `exit 2 for ${args.join(' ')}: ${r.stderr}`);
	assert.equal(r.stdout, '');
	assert.match(r.stderr, /^pa-tui: [^\n]+\n$/, `one line: ${JSON.stringify(r.stderr)}`);
	assert.doesNotMatch(r.stderr, /\n\s+at |internal error|Error:/, 'no stack trace');
	assert.doesNotMatch(r.stderr, UNSAFE, 'nothing a terminal acts on');
	assert.ok(r.stderr.includes(path), `names the file: ${r.stderr}`);
	return r.stderr.trimEnd();
}

test('the good corpus of these tests loads (the cases below differ from it in one way)', () => {
	const path = file('good.json', JSON.stringify(good));
	assert.equal(runBinary(['list', '--corpus', path]).status, 0);
});

test('missing file', () => {
	const path = join(dir, 'nope.json');
	assert.match(refused(path), /cannot read corpus .*nope\.json: no such file/);
});

test('missing file, given by PA_TUI_CORPUS', () => {
	const path = join(dir, 'nope-env.json');
	const r = runBinary(['list'], {PA_TUI_CORPUS: path});
	assert.equal(r.status, 2);
	assert.match(r.stderr, /^pa-tui: cannot read corpus .*nope-env\.json: no such file\n$/);
});

test('unreadable file (chmod 000)', {
	skip: process.getuid?.() === 0 ? 'running as root: chmod 000 does not stop root reading' : false,
}, () => {
	const path = file('unreadable.json', JSON.stringify(good));
	chmodSync(path, 0o000);
	assert.match(refused(path), /permission denied/);
});

test('a directory', () => {
	const path = join(dir, 'a-directory.json');
	mkdirSync(path);
	assert.match(refused(path), /is a directory/);
});

test('empty file', () => {
	assert.match(refused(file('empty.json', '')), /not valid JSON at line 1, column 1: Unexpected end of JSON input/);
});

test('not JSON: the message has the line and column', () => {
	const path = file('trailing-comma.json', '{\n  "schemaVersion": 1,\n  "documents": [],\n}\n');
	assert.match(refused(path), /trailing-comma\.json: not valid JSON at line 4, column 1: /);
});

test('not JSON, an unexpected token (V8 gives no position): line and column are found', () => {
	const path = file('token.json', '{\n  "schemaVersion": 1,\n  "documents": [nope]\n}\n');
	assert.match(refused(path), /token\.json: not valid JSON at line 3, column 18: unexpected character 'o'/);
});

test('not JSON: a raw escape sequence in the file is not echoed to the terminal', () => {
	const path = file('escape.json', '{"schemaVersion": 1,\n"documents": [\x1b]0;pwned\x07]}');
	const line = refused(path);
	assert.match(line, /at line 2, column 15: unexpected character U\+001B/);
	assert.doesNotMatch(line, /pwned/);
});

test('not JSON: a whole other file (YAML, HTML)', () => {
	refused(file('yaml.json', 'schemaVersion: 1\ndocuments: []\n'));
	refused(file('html.json', '<!doctype html><title>x</title>'));
});

test('not UTF-8', () => {
	const bytes = Buffer.concat([Buffer.from('{"schemaVersion": 1, "documents": [], "x": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
	assert.match(refused(file('latin1.json', bytes)), /not valid UTF-8/);
});

test('a byte-order mark before the JSON is accepted', () => {
	const path = file('bom.json', `\ufeff${JSON.stringify(good)}`);
	const r = runBinary(['list', '--corpus', path]);
	assert.equal(r.status, 0, r.stderr);
});

test('wrong schemaVersion, newer or missing', () => {
	assert.match(
		refused(file('v3.json', JSON.stringify({...good, schemaVersion: 3}))),
		/schemaVersion 3 is not supported \(this pa-tui reads version 2\)/,
	);
	assert.match(refused(file('v-string.json', JSON.stringify({...good, schemaVersion: '2'}))), /schemaVersion "2" is not supported/);
	const {schemaVersion: _, ...noVersion} = good;
	assert.match(refused(file('v-missing.json', JSON.stringify(noVersion))), /schemaVersion: Invalid literal value, expected 2/);
});

test('a corpus of schema version 1 (an older pa-tui) is named as such, with the command that rebuilds it', () => {
	const old = {
		schemaVersion: 1,
		documents: [
			{
				...good.documents[0]!,
				sections: [
					{
						id: '01-o',
						heading: 'O',
						paragraphs: ['5 million yuan.'],
						figures: [{text: '5 million yuan', yuan: 5e6, sentence: '5 million yuan.', label: 'funds', change: null}],
					},
				],
			},
		],
	};
	for (const command of [['list'], ['funds'], ['show', 'jilin'], ['export']]) {
		const line = refused(file('v1.json', JSON.stringify(old)), command);
		assert.match(
			line,
			/schema version 1, from an older pa-tui \(this one reads version 2\); rebuild it from the raw text with pa-tui ingest/,
		);
	}
});

test('not a corpus at all: an array, null, a number', () => {
	assert.match(refused(file('array.json', '[]')), /the top level: Expected object, received array/);
	assert.match(refused(file('null.json', 'null')), /the top level: Expected object, received null/);
	assert.match(refused(file('number.json', '42')), /the top level: Expected object, received number/);
});

test('a field of the wrong type: the message names the field path', () => {
	assert.match(
		refused(
			file(
				'year-string.json',
				withDocument(d => (d['year'] = '2009')),
			),
		),
		/year-string\.json: documents\[0\]\.year: Expected number, received string/,
	);
	assert.match(
		refused(
			file(
				'year-float.json',
				withDocument(d => (d['year'] = 2009.5)),
			),
		),
		/documents\[0\]\.year: Expected integer/,
	);
	assert.match(
		refused(
			file(
				'paragraph.json',
				withDocument(d => ((d['sections'] as Array<{paragraphs: unknown[]}>)[0]!.paragraphs = ['ok', 7])),
			),
		),
		/documents\[0\]\.sections\[0\]\.paragraphs\[1\]: Expected string, received number/,
	);
	assert.match(
		refused(
			file(
				'region-type.json',
				withDocument(d => (d['regionType'] = 'planet')),
			),
		),
		/documents\[0\]\.regionType: Invalid enum value/,
	);
	assert.match(
		refused(
			file(
				'missing-title.json',
				withDocument(d => delete d['title']),
			),
		),
		/documents\[0\]\.title: Required/,
	);
	assert.match(
		refused(
			file(
				'extra-field.json',
				withDocument(d => (d['extra'] = 1)),
			),
		),
		/documents\[0\]: Unrecognized key\(s\) in object: 'extra'/,
	);
	assert.match(
		refused(
			file(
				'bad-id.json',
				withDocument(d => (d['id'] = 'Jilin 2009')),
			),
		),
		/documents\[0\]\.id: must be a lower-case slug/,
	);
	assert.match(
		refused(
			file(
				'negative.json',
				withDocument(
					d =>
						((d['sections'] as Array<{figures: unknown[]}>)[0]!.figures = [
							figureOf({text: 'x', yuan: -1, sentence: '', label: '', change: null}),
						]),
				),
			),
		),
		/documents\[0\]\.sections\[0\]\.figures\[0\]\.value/,
	);
	// 1e400 is Infinity once parsed.
	const infinite = withFigures([figureOf({text: 'x', yuan: 0, sentence: '', label: '', change: null})]).replace(
		'"value": 0',
		'"value": 1e400',
	);
	assert.match(refused(file('infinite.json', infinite)), /figures\[0\]\.value/);
});

/** The good corpus with these figures in its one section, as pretty JSON (one field a line). */
function withFigures(figures: unknown[]): string {
	return withDocument(d => ((d['sections'] as Array<{figures: unknown[]}>)[0]!.figures = figures));
}

test('amounts that cannot be money are refused at load: beyond 10^15, -0 and 1e308 included, with the field named', () => {
	const base = figureOf({text: '5 million yuan', yuan: 5e6, sentence: 'In 2009, 5 million yuan.', label: 'funds', change: null});
	for (const [field, value] of [
		['value', 1e308],
		['value', 1.1e15],
		['changeYuan', -1e308],
		['changePercent', 1e7],
	] as const) {
		const line = refused(file(`${field}.json`, withFigures([{...base, [field]: value, ...(field === 'value' ? {yuan: value} : {})}])));
		assert.match(line, new RegExp(`figures\\[0\\]\\.${field}: Number must be`), line);
	}
	// Zero is money (and -0 is zero): loaded, and shown as 0.00, never "-0.00".
	const zero = file('zero.json', withFigures([{...base, value: -0, yuan: -0}]).replace(/"(value|yuan)": 0/g, '"$1": -0'));
	const r = runBinary(['funds', '--corpus', zero]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /^Jilin 2009 +0\.00 {2}funds/m);
	assert.doesNotMatch(r.stdout, /-0/);
});

test('figures that contradict themselves are refused: yuan beside another currency, links to no figure, a part that links as a change', () => {
	const base = figureOf({text: '5 million yuan', yuan: 5e6, sentence: 'In 2009, 5 million yuan.', label: 'funds', change: null});
	assert.match(
		refused(file('usd-yuan.json', withFigures([{...base, currency: 'USD'}]))),
		/figures\[0\]\.yuan: must equal value when the currency is CNY, else null/,
	);
	assert.match(refused(file('yuan-differs.json', withFigures([{...base, yuan: 4e6}]))), /figures\[0\]\.yuan: must equal value/);
	assert.match(
		refused(file('far-link.json', withFigures([base, {...base, role: 'part', partOf: 7}]))),
		/figures\[1\]\.partOf: 7 is not another figure of the section/,
	);
	assert.match(
		refused(file('self-link.json', withFigures([{...base, role: 'part', partOf: 0}]))),
		/figures\[0\]\.partOf: 0 is not another figure/,
	);
	assert.match(
		refused(file('role-link.json', withFigures([base, {...base, role: 'whole', changeOf: 0}]))),
		/figures\[1\]\.changeOf: only a figure whose role is "change"/,
	);
	assert.match(refused(file('bad-kind.json', withFigures([{...base, kind: 'gdp'}]))), /figures\[0\]\.kind: Invalid enum value/);
});

test('a hostile value in a wrong field is quoted safely', () => {
	const line = refused(
		file(
			'hostile-enum.json',
			withDocument(d => (d['regionType'] = `\x1b]0;pwned\x07\u202e${'x'.repeat(500)}`)),
		),
	);
	assert.match(line, /documents\[0\]\.regionType/);
	assert.ok(line.length < 400, 'a long value is cut');
	const key = refused(
		file(
			'hostile-key.json',
			withDocument(d => (d['\x1b[2J\nforged'] = 1)),
		),
	);
	assert.match(key, /Unrecognized key/);
});

test('duplicate ids are refused (a model keyed by id would silently lose a report)', () => {
	const twice = {...good, documents: [good.documents[0]!, good.documents[0]!]};
	assert.match(refused(file('dup-doc.json', JSON.stringify(twice))), /documents\[1\]\.id: "jilin-2009" is the id of an earlier report/);
	const doc = good.documents[0]!;
	const dupSections = {...good, documents: [{...doc, sections: [doc.sections[0]!, doc.sections[0]!]}]};
	assert.match(refused(file('dup-section.json', JSON.stringify(dupSections))), /documents\[0\]\.sections\[1\]\.id: .* earlier section/);
});

test('every command that reads the corpus refuses it the same way', () => {
	const path = file(
		'year-string-2.json',
		withDocument(d => (d['year'] = '2009')),
	);
	for (const args of [
		['list'],
		['show', 'jilin'],
		['funds'],
		['search', 'overview'],
		['export'],
		['list', '--json'],
		['completion', 'bash'],
	]) {
		assert.match(refused(path, args), /documents\[0\]\.year/);
	}
});

test('a very deep nesting is refused, not a crash', () => {
	const depth = 100_000;
	assert.match(
		refused(file('deep.json', `{"schemaVersion":2,"documents":${'['.repeat(depth)}${']'.repeat(depth)}}`)),
		/documents\[0\]: Expected object/,
	);
});

test('loadCorpus and parseCorpus throw CorpusError (the one error the CLI prints as one line)', () => {
	assert.throws(() => loadCorpus(join(dir, 'missing.json')), CorpusError);
	assert.throws(
		() => parseCorpus({schemaVersion: 2, documents: 'x'}, 'f.json'),
		(e: unknown) => e instanceof CorpusError && e.message === 'f.json: documents: Expected array, received string',
	);
	assert.throws(() => parseCorpus({schemaVersion: 9}, 'f.json'), CorpusError);
	assert.throws(() => parseCorpus(undefined, 'f.json'), CorpusError);
});

test('the bundled corpus still loads, unchanged by the new checks', () => {
	const corpus = loadCorpus(corpusFile);
	assert.deepEqual(corpus, JSON.parse(readFileSync(corpusFile, 'utf8')));
});
