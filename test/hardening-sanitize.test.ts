// Untrusted corpus text must not drive the terminal: escape sequences, control characters and
// bidi overrides are replaced by a visible mark before text output, in every command, piped and
// in a pseudo-terminal; JSON output keeps the data exactly (JSON escapes it).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {REMOVED_MARK, sanitize, sanitizeDeep, sanitizeLine, terminalSafeJson} from '../source/corpus/sanitize.ts';
import {type Corpus, corpusSchema, SCHEMA_VERSION} from '../source/corpus/schema.ts';
import {rawDir, runBinary} from './helpers/corpus.ts';
import {figureOf} from './helpers/figure.ts';
import {runInPty} from './helpers/pty.ts';

const M = REMOVED_MARK;

// ---------------------------------------------------------------------------------------------
// Units

const cases: Array<[string, string, string]> = [
	['plain text is unchanged', 'Funds of 5 million yuan', 'Funds of 5 million yuan'],
	['newline and tab are kept', 'a\nb\tc', 'a\nb\tc'],
	['CSI clear screen', 'a\x1b[2Jb', `a${M}b`],
	['CSI with parameters and intermediates', 'a\x1b[1;31mred\x1b[0m', `a${M}red${M}`],
	['CSI cut short at the end', 'a\x1b[31', `a${M}31`],
	['OSC title ended by BEL', 'a\x1b]0;pwned\x07b', `a${M}b`],
	['OSC title ended by ST (ESC \\)', 'a\x1b]2;pwned\x1b\\b', `a${M}b`],
	['OSC clipboard', 'a\x1b]52;c;ZXZpbA==\x07b', `a${M}b`],
	['OSC 8 hyperlink keeps the link text', '\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\', `${M}click${M}`],
	['OSC never terminated swallows to the end', 'a\x1b]0;pwned', `a${M}`],
	['DCS', 'a\x1bP1$r0m\x1b\\b', `a${M}b`],
	['APC', 'a\x1b_payload\x1b\\b', `a${M}b`],
	['PM and SOS', 'a\x1b^pm\x1b\\b\x1bXsos\x1b\\c', `a${M}b${M}c`],
	['8-bit CSI', 'a\x9b2Jb', `a${M}b`],
	['8-bit OSC ended by 8-bit ST', 'a\x9d0;pwned\x9cb', `a${M}b`],
	['8-bit OSC ended by BEL', 'a\x9d0;pwned\x07b', `a${M}b`],
	['8-bit DCS', 'a\x90q#0\x9cb', `a${M}b`],
	['ESC at the very end', 'abc\x1b', `abc${M}`],
	['ESC alone', '\x1b', M],
	['two ESCs', '\x1b\x1b', `${M}${M}`],
	['reset (ESC c)', 'a\x1bcb', `a${M}b`],
	['charset designation (ESC ( 0)', 'a\x1b(0b', `a${M}b`],
	['ESC before a non-ASCII letter', 'a\x1bé', `a${M}é`],
	['lone carriage return', 'safe\rEVIL', `safe${M}EVIL`],
	['CRLF: the CR goes', 'a\r\nb', `a${M}\nb`],
	['backspace, BEL, NUL, vertical tab, form feed', 'a\bb\x07c\x00d\x0be\x0cf', `a${M}b${M}c${M}d${M}e${M}f`],
	['DEL', 'a\x7fb', `a${M}b`],
	['C1 controls (NEL, ST, an APC to its ST)', 'a\x85b\x9cc\x9fpayload\x9cd', `a${M}b${M}c${M}d`],
	['RLO bidi override', 'Evil\u202eLand', `Evil${M}Land`],
	['all bidi embeddings and overrides', '\u202a\u202b\u202c\u202d\u202e', M.repeat(5)],
	['bidi isolates', '\u2066a\u2067b\u2068c\u2069', `${M}a${M}b${M}c${M}`],
	['CJK, emoji and NBSP are text', '扶贫 👨‍👩‍👧 a\u00a0b é', '扶贫 👨‍👩‍👧 a\u00a0b é'],
	['the mark itself is text', `a${M}b`, `a${M}b`],
	['a lone high surrogate', 'a\ud800b', `a${M}b`],
	['a lone low surrogate', 'a\udc00b', `a${M}b`],
	['a high surrogate at the very end, a low one at the start', '\udfffab\ud83d', `${M}ab${M}`],
	['two high surrogates then a pair: the first is lone', '\ud83d\ud83d\ude00', `${M}\ud83d\ude00`],
	['reversed pair', '\ude00\ud83d', `${M}${M}`],
];

for (const [name, input, expected] of cases) {
	test(`sanitize: ${name}`, () => {
		assert.equal(sanitize(input), expected);
	});
}

const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

test('sanitize: no output ever holds a control character, whatever the input', () => {
	// Every pair of interesting characters, around text.
	const atoms = [
		'\x1b',
		'[',
		']',
		'\\',
		'\x07',
		'\x9c',
		'\x9b',
		'\x9d',
		'\x90',
		'P',
		'_',
		'0',
		';',
		'm',
		'\r',
		'\n',
		'\t',
		'\u202e',
		'a',
		'扶',
	];
	for (const a of atoms)
		for (const b of atoms)
			for (const c of atoms) {
				const out = sanitize(`x${a}${b}${c}y`);
				assert.doesNotMatch(out, FORBIDDEN, JSON.stringify(`x${a}${b}${c}y`));
			}
});

test('sanitizeLine: line breaks and tabs become spaces, controls the mark', () => {
	assert.equal(sanitizeLine('Over\nview\tx\u2028y\u2029z'), 'Over view x y z');
	assert.equal(sanitizeLine('a\r\nb'), `a${M} b`);
	assert.equal(sanitizeLine('a\x1b]0;t\x07b'), `a${M}b`);
});

test('sanitizeDeep: paragraphs and sentences keep newlines, one-line fields do not; numbers and null unchanged', () => {
	const doc = {
		title: 'T\x1b[2J\nforged row',
		year: 2009,
		attribution: null,
		sections: [{heading: 'H\tx', paragraphs: ['p1\np2\x07'], figures: [{label: 'l\nx', sentence: 's\ns', yuan: 5}]}],
	};
	assert.deepEqual(sanitizeDeep(doc), {
		title: `T${M} forged row`,
		year: 2009,
		attribution: null,
		sections: [{heading: 'H x', paragraphs: [`p1\np2${M}`], figures: [{label: 'l x', sentence: 's\ns', yuan: 5}]}],
	});
});

test('sanitizeDeep: a "__proto__" key stays data and does not change the prototype', () => {
	const value = JSON.parse('{"__proto__": {"polluted": "x\\u001b"}, "a": "b"}') as Record<string, unknown>;
	const out = sanitizeDeep(value) as Record<string, unknown>;
	assert.equal(Object.getPrototypeOf(out), Object.prototype);
	assert.equal((out as {polluted?: unknown}).polluted, undefined);
	assert.deepEqual(Object.getOwnPropertyDescriptor(out, '__proto__')?.value, {polluted: `x${M}`});
});

test('terminalSafeJson: parses back to the same value and holds no raw C1 or bidi control', () => {
	const value = {a: 'x\x1b]0;t\x07\u202e\x9b2J\x7f\u2028\u2066', n: [1, null, 'é扶👍']};
	const json = terminalSafeJson(value, 2);
	assert.deepEqual(JSON.parse(json), value);
	assert.doesNotMatch(json, FORBIDDEN);
	assert.doesNotMatch(json, /[\u2028\u2029]/);
	assert.equal(terminalSafeJson(undefined), 'null');
});

// ---------------------------------------------------------------------------------------------
// A hostile corpus through the real binary

const TITLE_ATTACK = '\x1b]0;pwned\x07';
const CLEAR = '\x1b[2J';
const CLIPBOARD = '\x1b]52;c;ZXZpbA==\x07';
const LINK = '\x1b]8;;http://evil.example/\x1b\\';

const hostile: Corpus = {
	schemaVersion: 2,
	documents: [
		{
			id: 'evilland-2009',
			region: 'Evil\u202eLand',
			placeName: 'Evil\u202eLand Province',
			regionType: 'province',
			year: 2009,
			title: `Poverty Alleviation and Development in Evil${TITLE_ATTACK}Land Province`,
			source: 'evil\r.txt',
			attribution: `By Mallory${CLEAR}, Office\x1b`,
			sections: [
				{
					id: '01-overview',
					heading: `Overview${TITLE_ATTACK}`,
					paragraphs: [
						`In 2009 the screen was cleared${CLEAR} and the clipboard written${CLIPBOARD}; anti-poverty funds of 12.5 million yuan were spent.\rOVERWRITTEN`,
						`A ${LINK}link\x1b]8;;\x1b\\ here, a DCS \x1bP1$r\x1b\\ and an APC \x1b_x\x1b\\, 8-bit \x9b2J and \x9d0;t\x9c, DEL\x7f, BEL\x07, bidi \u2066x\u2069, ESC at the end \x1b`,
					],
					figures: [
						figureOf({
							text: '12.5 million yuan',
							yuan: 12_500_000,
							sentence: `anti-poverty funds${CLEAR} of 12.5 million yuan were spent.\r`,
							label: `anti-poverty${TITLE_ATTACK} funds\r`,
							change: `up 5%${CLIPBOARD}\u202e`,
						}),
					],
				},
				{
					id: '02-training',
					heading: `Training\rEVIL\u202e`,
					paragraphs: [`Training funds of 3 million yuan${CLEAR}.`],
					figures: [
						figureOf({
							text: '3 million yuan',
							yuan: 3_000_000,
							sentence: 'Training funds of 3 million yuan.',
							label: `training\x9b31m funds`,
							change: null,
						}),
					],
				},
			],
		},
	],
};
corpusSchema.parse(hostile);

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-hostile-'));
const corpusPath = join(dir, 'corpus.json');
writeFileSync(corpusPath, JSON.stringify(hostile));
test.after(() => rmSync(dir, {recursive: true, force: true}));

const TEXT_COMMANDS: string[][] = [
	['show', 'evil'],
	['show', 'evilland', 'overview'],
	['show', 'evil', 'training'],
	['list'],
	['search', 'overview'],
	['search', 'training'],
	['search', '--text', 'clipboard'],
	['search', '--text', 'training'],
	['funds'],
	['funds', 'evil'],
	['funds', '--match', 'anti-poverty'],
	['completion', 'bash'],
];

/** Anything a terminal could act on, in piped output (no colour there). */
const UNSAFE_PIPED = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

for (const args of TEXT_COMMANDS) {
	test(`piped ${args.join(' ')}: no escape or control character reaches stdout or stderr`, () => {
		const r = runBinary([...args, '--corpus', corpusPath]);
		assert.equal(r.status, 0, r.stderr);
		assert.doesNotMatch(r.stdout, UNSAFE_PIPED, JSON.stringify(r.stdout));
		assert.doesNotMatch(r.stderr, UNSAFE_PIPED, JSON.stringify(r.stderr));
		assert.doesNotMatch(r.stdout, /pwned|ZXZpbA|evil\.example/);
		if (args[0] !== 'completion') assert.ok(r.stdout.includes(M), `the mark shows where text was removed: ${r.stdout}`);
	});
}

test('piped show: the text around a removed sequence survives, the bare \\r is replaced', () => {
	const r = runBinary(['show', 'evil', '--corpus', corpusPath]);
	assert.match(r.stdout, new RegExp(`screen was cleared${M} and the clipboard written${M};`));
	assert.ok(r.stdout.includes(`were spent.${M}OVERWRITTEN`));
	assert.ok(r.stdout.includes(`Overview${M}`));
	assert.ok(r.stdout.includes(`Evil${M}Land`));
});

test('piped list: the region name with a bidi override is shown with the mark', () => {
	const r = runBinary(['list', '--corpus', corpusPath]);
	assert.ok(r.stdout.includes(`Evil${M}Land`));
	assert.ok(r.stdout.includes(`Development in Evil${M}Land Province`));
});

// JSON output is data: the strings come back exactly.

test('export: JSON.parse gives back the original corpus, escapes included', () => {
	const r = runBinary(['export', '--corpus', corpusPath]);
	assert.equal(r.status, 0, r.stderr);
	assert.deepEqual(JSON.parse(r.stdout), hostile);
	assert.doesNotMatch(r.stdout, /[\x00-\x09\x0b-\x1f]/, 'JSON escapes C0 controls');
});

test('show --json: the document and sections come back as stored', () => {
	const r = runBinary(['show', 'evil', '--json', '--corpus', corpusPath]);
	assert.equal(r.status, 0, r.stderr);
	const [shown] = JSON.parse(r.stdout) as Array<{document: Record<string, unknown>; sections: unknown[]}>;
	const {sections, ...meta} = hostile.documents[0]!;
	assert.deepEqual(shown!.document, meta);
	assert.deepEqual(shown!.sections, sections);
});

test('list, funds and search --json keep the stored strings', () => {
	const list = JSON.parse(runBinary(['list', '--json', '--corpus', corpusPath]).stdout) as Array<{region: string; title: string}>;
	assert.equal(list[0]!.region, hostile.documents[0]!.region);
	assert.equal(list[0]!.title, hostile.documents[0]!.title);
	const funds = JSON.parse(runBinary(['funds', '--json', '--corpus', corpusPath]).stdout) as Array<{label: string; change: string | null}>;
	assert.equal(funds[0]!.label, hostile.documents[0]!.sections[0]!.figures[0]!.label);
	assert.equal(funds[0]!.change, hostile.documents[0]!.sections[0]!.figures[0]!.change);
	const search = JSON.parse(runBinary(['search', 'overview', '--json', '--corpus', corpusPath]).stdout) as Array<{heading: string}>;
	assert.equal(search[0]!.heading, hostile.documents[0]!.sections[0]!.heading);
});

// JSON, CSV and notes on stderr: nothing a terminal could act on either.

const JSON_COMMANDS = [['export'], ['show', 'evil', '--json'], ['list', '--json'], ['funds', '--json'], ['search', 'overview', '--json']];
for (const args of JSON_COMMANDS) {
	test(`${args.join(' ')}: raw C1 and bidi characters are \\u-escaped (terminalSafeJson)`, () => {
		const r = runBinary([...args, '--corpus', corpusPath]);
		assert.doesNotMatch(r.stdout, UNSAFE_PIPED);
	});
}

test('funds --csv: no escape sequence reaches stdout', () => {
	const r = runBinary(['funds', '--csv', '--corpus', corpusPath]);
	assert.doesNotMatch(r.stdout.replace(/\r\n/g, '\n'), UNSAFE_PIPED);
});

test('show --json with a year note: stderr names the region without its bidi override', () => {
	const twoYears: Corpus = structuredClone(hostile);
	twoYears.documents.push({...structuredClone(hostile.documents[0]!), id: 'evilland-2010', year: 2010});
	const path = join(dir, 'two-years.json');
	writeFileSync(path, JSON.stringify(twoYears));
	const r = runBinary(['show', 'evil', '--json', '--corpus', path]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stderr, /showing 2010/);
	assert.doesNotMatch(r.stderr, UNSAFE_PIPED);
});

// ---------------------------------------------------------------------------------------------
// In a pseudo-terminal: the terminal path, coloured. The only escape sequences are SGR colours.

const SGR = /\x1b\[[0-9;]*m/g;

for (const args of TEXT_COMMANDS) {
	test(`in a terminal, ${args.join(' ')}: only SGR colour sequences, nothing else a terminal acts on`, async () => {
		const {exitCode, output} = await runInPty([...args, '--corpus', corpusPath]);
		assert.equal(exitCode, 0, output);
		if (args[0] !== 'completion') assert.match(output, SGR, 'the terminal path is coloured');
		// The terminal driver turns \n into \r\n; any other \r came from the data.
		const rest = output.replace(SGR, '').replace(/\r\n/g, '\n');
		assert.doesNotMatch(rest, UNSAFE_PIPED, JSON.stringify(rest));
		assert.doesNotMatch(rest, /pwned|ZXZpbA|evil\.example/);
		if (args[0] !== 'completion') assert.ok(rest.includes(M));
	});
}

test('in a terminal, the SGR sequences are closed: every colour opened is reset', async () => {
	const {output} = await runInPty(['show', 'evil', '--corpus', corpusPath]);
	const codes = [...output.matchAll(SGR)].map(m => m[0]);
	assert.ok(codes.length > 0);
	for (const code of codes) assert.match(code, /^\x1b\[(?:1|2|22|33|36|39|0|)m$/, JSON.stringify(code));
});

// ---------------------------------------------------------------------------------------------
// Region names end up in shell completion scripts, which users eval: they must not run code.

// The scripts lower-case names and turn spaces into dashes: the payload is a bare redirection,
// which creates the marker file in the shell's working folder.
const MARKER_NAME = 'completion-ran-code';
const MARKER = join(dir, MARKER_NAME);
const TOUCH = `>${MARKER_NAME}`;
const shellHostile: Corpus = structuredClone(hostile);
shellHostile.documents = [`x$(${TOUCH})`, `y\`${TOUCH}\``, `z";${TOUCH};echo"`, `w';${TOUCH};echo'`, `v;${TOUCH}`].map((region, i) => ({
	...structuredClone(hostile.documents[0]!),
	id: `r${i}-2009`,
	region,
	placeName: `${region} Province`,
}));
const shellPath = join(dir, 'shell.json');
writeFileSync(shellPath, JSON.stringify(shellHostile));

test('completion bash: hostile region names in the script run no code when completing', {
	skip: !existsSync('/bin/bash') && 'no bash',
}, () => {
	const script = runBinary(['completion', 'bash', '--corpus', shellPath]);
	assert.equal(script.status, 0, script.stderr);
	writeFileSync(join(dir, 'completion.bash'), script.stdout);
	const r = spawnSync(
		'/bin/bash',
		['-c', `source ./completion.bash; COMP_WORDS=(pa-tui show ""); COMP_CWORD=2; _pa_tui; printf '%s\\n' "\${COMPREPLY[@]}"`],
		{encoding: 'utf8', cwd: dir},
	);
	assert.equal(existsSync(MARKER), false, `completion ran code: ${r.stdout}${r.stderr}`);
	assert.ok(r.stdout.trim().split('\n').length >= 1);
});

test('completion bash, zsh and fish: region words hold only characters that need no quoting', () => {
	for (const shell of ['zsh', 'fish', 'bash']) {
		const script = runBinary(['completion', shell, '--corpus', shellPath]).stdout;
		for (const name of [MARKER_NAME]) {
			for (const line of script.split('\n').filter(l => l.includes(name))) {
				assert.doesNotMatch(line, /[$`"';|&{}()]/, `${shell}: ${line}`);
			}
		}
	}
});

// ---------------------------------------------------------------------------------------------
// Lone surrogates: JSON can hold "\ud800", which is no character. A terminal prints U+FFFD (one
// cell) where a width measure counts none, so columns moved; they are marked like invalid text.

const clean = {regionType: 'province', year: 2009, source: 'lone.txt', attribution: null} as const;
const lone: Corpus = {
	schemaVersion: SCHEMA_VERSION,
	documents: [
		{
			...clean,
			id: 'lone-2009',
			region: 'Lone\ud800land',
			placeName: 'Lone\ud800land Province',
			title: 'Poverty Alleviation in Lone\udc00land',
			sections: [
				{
					id: '01-overview',
					heading: 'Over\ud83dview',
					paragraphs: ['Funds of 5 million yuan were \udfffspent on training.'],
					figures: [
						figureOf({
							text: '5 million yuan',
							yuan: 5_000_000,
							sentence: 'Funds of 5 million yuan \ud800.',
							label: 'fu\ud800nds',
							change: null,
						}),
					],
				},
			],
		},
		{...clean, id: 'plain-2012', region: 'Plainland', placeName: 'Plainland Province', year: 2012, title: 'Plain', sections: []},
	],
};
corpusSchema.parse(lone);
// Nothing else in this corpus needs sanitizing: the pre-scan of the file must see the escaped
// lone surrogates, or the text commands print the stored strings as they are.
const lonePath = join(dir, 'lone.json');
writeFileSync(lonePath, JSON.stringify(lone));

test('lone surrogates are marked in every text command, never printed as U+FFFD', () => {
	for (const args of [
		['list'],
		['show', 'lone'],
		['search', 'overview'],
		['search', '--text', 'training'],
		['funds'],
		['funds', '--csv'],
	]) {
		const r = runBinary([...args, '--corpus', lonePath]);
		assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
		assert.ok(!r.stdout.includes('\ufffd'), `${args.join(' ')}: no U+FFFD: ${r.stdout}`);
		assert.ok(r.stdout.includes(M), `${args.join(' ')}: the mark: ${r.stdout}`);
	}
	const show = runBinary(['show', 'lone', '--corpus', lonePath]).stdout;
	assert.ok(show.includes(`Over${M}view`) && show.includes(`were ${M}spent`) && show.includes(`Lone${M}land`), show);
});

test('lone surrogates: list columns stay aligned (the YEAR of each row under the header)', () => {
	const r = runBinary(['list', '--corpus', lonePath]);
	const [header, ...rows] = r.stdout.split('\n').filter(l => l !== '');
	const column = header!.indexOf('YEAR');
	assert.equal(rows.length, 2);
	for (const row of rows) assert.match(row.slice(column, column + 4), /^20\d\d$/, `aligned: ${JSON.stringify(row)}`);
});

test('lone surrogates: JSON output keeps them, escaped', () => {
	const r = runBinary(['list', '--json', '--corpus', lonePath]);
	assert.equal(r.status, 0, r.stderr);
	assert.ok(r.stdout.includes('Lone\\ud800land'), r.stdout);
	assert.deepEqual(
		(JSON.parse(r.stdout) as Array<{region: string}>).map(d => d.region),
		['Lone\ud800land', 'Plainland'],
	);
});

// ---------------------------------------------------------------------------------------------
// Raw text at ingest is untrusted too: no control character reaches an id, a region or a heading.

test('ingest: escape sequences and controls in raw text are marked before they reach ids, regions and headings', () => {
	const raw = readFileSync(join(rawDir, '000_ce3b4c900936e79e.txt'), 'utf8')
		.replace('Development in Liaoning Province', 'Development in Liaoning\x1b[31m Province')
		.replace('【Overview】', '【Over\x1b]0;pwned\x07view】')
		.replace('Located in the south', 'Located\x08\x08 in the\u202e south');
	const input = join(dir, 'control.txt');
	writeFileSync(input, raw);
	const out = join(dir, 'control.json');
	const r = runBinary(['ingest', input, '--out', out]);
	assert.equal(r.status, 0, r.stderr);
	const corpus = JSON.parse(readFileSync(out, 'utf8')) as Corpus;
	const document = corpus.documents[0]!;
	assert.match(document.id, /^[a-z0-9-]+$/);
	assert.doesNotMatch(document.id, /31m/, 'no trace of the sequence in the id');
	// The title's place, with the sequence marked, is still Liaoning by the gazetteer of divisions.
	assert.equal(document.region, 'Liaoning');
	assert.equal(document.title, `Poverty Alleviation and Development in Liaoning${M} Province`);
	assert.equal(document.sections[0]!.heading, `Over${M}view`);
	assert.doesNotMatch(document.sections[0]!.id, /pwned|0-/);
	assert.ok(document.sections[0]!.paragraphs[0]!.startsWith(`Located${M}${M} in the${M} south`), document.sections[0]!.paragraphs[0]);
	const strings: string[] = [];
	JSON.parse(readFileSync(out, 'utf8'), (_, v) => {
		if (typeof v === 'string') strings.push(v);
		return v;
	});
	for (const text of strings) assert.doesNotMatch(text, UNSAFE_PIPED, JSON.stringify(text));
});
