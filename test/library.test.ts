// The library (pa-tui library add|list|remove|path) and the default view that merges it over the
// bundled corpus, through the real binary as child processes, each test with its own data folder
// (never the real ~/.local/share). Reports are texts written here and saved web pages built
// around the same paragraphs; what each must give (headings, amounts) is read off those texts.
// Run `npm run build` first (npm test does).

import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {binary, runJson as json, runOk as ok, type RunResult, runBinary} from './helpers/corpus.ts';
import {built, launch} from './helpers/pty.ts';

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-library-'));
after(() => rmSync(dir, {recursive: true, force: true}));

let folders = 0;
/** A fresh data folder ($XDG_DATA_HOME) and the library path pa-tui should use in it. */
function dataHome(): {env: Record<string, string>; library: string} {
	const home = join(dir, `data-${++folders}`);
	mkdirSync(home);
	return {env: {XDG_DATA_HOME: home}, library: join(home, 'pa-tui', 'library.json')};
}

function assertOneLineError(r: RunResult, pattern: RegExp): void {
	assert.equal(r.status, 2, `exit 2: ${r.stderr}`);
	assert.equal(r.stdout, '');
	const lines = r.stderr.split('\n').filter(l => l !== '');
	assert.equal(lines.length, 1, `one line on stderr: ${JSON.stringify(r.stderr)}`);
	assert.doesNotMatch(r.stderr, /\n\s+at |Error:|node:internal/, 'no stack trace');
	assert.match(lines[0]!, pattern);
}

// --- Reports, as text and as pages --------------------------------------------------------------

interface Report {
	title: string;
	/** Paragraphs as the yearbook prints them, headings included (bracketed or run in). */
	paragraphs: string[];
	attribution: string;
	/** The file holds the chapter heading before the title, as the 2013 edition does. */
	chapter?: string;
}

/** Bracketed headings, as in the 2010 edition. */
const GANSU_2010: Report = {
	title: 'Poverty Alleviation and Development in Gansu Province',
	paragraphs: [
		'【Overview】\u00a0 In 2010, Gansu Province had 43 national key counties for poverty alleviation and development, 8,790 poverty-stricken villages and 2.41 million poor people. The provincial government took poverty alleviation as the first task of rural work and lifted 520,000 rural poor out of poverty.',
		'【Investment of anti-poverty funds】\u00a0 In 2010, the central government put in 1.52 billion Yuan of financial anti-poverty funds, up 12.3%, of which 860 million Yuan was financial development fund. The provincial government put in 215 million Yuan, 35 million Yuan more than that in 2009.',
		'The credit poverty relief fund of 2.6 billion Yuan was invested in the poor areas.',
		'【Poverty alleviation training】\u00a0 The province trained 120,000 rural laborers in transfer employment skills, with 36 million Yuan of training funds under the “Rain Plan”.',
	],
	attribution: '(Wang Lin, Poverty Alleviation Office of Gansu Province)',
};
const GANSU_HEADINGS = ['Overview', 'Investment of anti-poverty funds', 'Poverty alleviation training'];
const GANSU_AMOUNTS = [
	[],
	['1.52 billion Yuan', '860 million Yuan', '215 million Yuan', '35 million Yuan', '2.6 billion Yuan'],
	['36 million Yuan'],
];

/** Headings run into the paragraph, as in the 2013 edition. */
const QINGHAI_2013: Report = {
	chapter: 'Local Poverty Alleviation',
	title: 'Poverty Alleviation and Development in Qinghai Province',
	paragraphs: [
		'Overview 2013 was a key year for Qinghai Province to implement the “Outline for Development-oriented Poverty Reduction for China’s Rural Areas (2011-2020)”. In this year, a total of 3.2 billion yuan was put in anti-poverty work, and 150,000 rural poor were lifted out of poverty.',
		'Investment of anti-poverty funds In 2013, the central government allocated 1.05 billion yuan of financial anti-poverty funds and the provincial government 310 million yuan, up 18%.',
		'Relocation The province relocated 12,000 households from areas lacking basic living conditions, with a subsidy of 25,000 yuan per household.',
	],
	attribution: '(Ma Jun, Poverty Alleviation and Development Bureau of Qinghai Province)',
};
const QINGHAI_HEADINGS = ['Overview', 'Investment of anti-poverty funds', 'Relocation'];
const QINGHAI_AMOUNTS = [['3.2 billion yuan'], ['1.05 billion yuan', '310 million yuan'], ['25,000 yuan']];

function asText(report: Report): string {
	const chapter = report.chapter ? `${report.chapter}\n\n` : '';
	return `${chapter}${report.title}\n\n${[...report.paragraphs, report.attribution].map(p => `      ${p}`).join('\n\n')}\n`;
}

const html = (text: string) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\u00a0/g, '&nbsp;');

// What a site puts around a report, each holding text that must not reach the corpus: bracketed
// headings and money amounts in scripts, styles, forms, menus and footers.
const SCRIPT = 'window.teaser = "【Breaking news】 In 2010 the centre put in 999 million Yuan";';
const FOOTER_TEXT = 'Copyright &copy; 2011 IPRCC. Donations of 5 million Yuan are welcome.';
const NOT_REPORT = [
	'Breaking news',
	'999 million',
	'Copyright',
	'5 million Yuan are',
	'777 million',
	'Search',
	'88 million',
	'Home',
	'Share',
];

/** A page of a current site: header, navigation, a search form, <main>, a footer. */
function modernPage(report: Report): string {
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${html(report.title)} - Yearbook of China Poverty Alleviation</title>
<script>${SCRIPT}</script>
<style>.nav::after { content: "【Style】 777 million Yuan"; }</style></head>
<body>
<header class="site-header"><a class="logo" href="/">IPRCC Yearbook</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/2010">2010 Edition</a></li><li><a href="/local">Local Poverty Alleviation</a></li></ul></nav></header>
<form class="search" action="/search"><input name="q" value="【Search】 88 million Yuan"><button>Search</button></form>
<main><article>${report.chapter ? `<h2>${report.chapter}</h2>` : ''}<h1>${html(report.title)}</h1>
${[...report.paragraphs, report.attribution].map(p => `<p>\n  ${html(p)}\n</p>`).join('\n')}
<div class="share">Share: <a href="#">Weibo</a> <a href="#">WeChat</a></div>
</article></main>
<footer><p>${FOOTER_TEXT}</p><p>地址:北京朝阳区太阳宫北街1号</p></footer>
<script>track("【Tracker】 66 million Yuan")</script>
</body></html>
`;
}

/**
 * A page of an older Chinese site: a table layout, menus as links, the title in a div, the
 * paragraphs run together with <br> in one element, inline markup, a footer by id, and its
 * encoding declared by http-equiv (or `<meta charset>`, or not at all).
 */
function tablePage(report: Report, declare: 'http-equiv gbk' | 'charset gb18030' | 'nothing'): string {
	const meta =
		declare === 'http-equiv gbk'
			? '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'
			: declare === 'charset gb18030'
				? '<meta charset="gb18030">'
				: '';
	const [first, ...rest] = report.paragraphs;
	return `<html><head>${meta}<title>${html(report.title)}_地方扶贫_IPRCC</title>
<script type="text/javascript">document.write('<p>【Script】 In 2010 it put in 999 million Yuan</p>');</script></head>
<body><div id="top"><img src="logo.gif"> 中国扶贫开发年鉴</div>
<div class="mainNav"><a href="/">Home</a> | <a href="/nj">Yearbooks</a> | <a href="/en">English</a></div>
<table width="960"><tr><td class="leftMenu" width="200"><ul><li><a href="/2010">2010</a></li><li><a href="/2011">2011</a></li></ul></td>
<td><div class="position">Current position: <a href="/">Home</a> &gt;&gt; <a href="/nj">Local Poverty Alleviation</a></div>
${report.chapter ? `<div class="column">${report.chapter}</div>` : ''}<div class="title">${html(report.title)}</div>
<div class="TRS_Editor"><p style="text-indent:2em">&nbsp;&nbsp;&nbsp;<b>${html(first!.slice(0, 10))}</b>${html(first!.slice(10))}<br><br>
${rest.map(p => `&nbsp;&nbsp;&nbsp;<font face="Arial">${html(p)}</font>`).join('<br>\n<br>\n')}</p>
<p align="right">${html(report.attribution)}</p></div>
<div class="print"><span onclick="window.print()">Print</span> <span onclick="window.close()">Close</span></div>
</td></tr></table>
<div id="footer">扫描下载手机客户端<br>${FOOTER_TEXT} 京ICP备2020039194号-2</div>
</body></html>
`;
}

/** `text` in a legacy encoding, by the system's iconv (a real encoder, not a table of ours). */
function encode(text: string, encoding: 'GBK' | 'GB18030'): Buffer {
	const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', encoding], {input: text});
	assert.equal(r.status, 0, `iconv: ${r.stderr}`);
	return r.stdout;
}
const hasIconv = spawnSync('sh', ['-c', 'command -v iconv']).status === 0;

function write(name: string, content: string | Buffer): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

interface Shown {
	document: {id: string; region: string; year: number; title: string; source: string; attribution: string | null};
	sections: Array<{heading: string; paragraphs: string[]; figures: Array<{text: string}>}>;
}
function shown(region: string, year: number, env: Record<string, string>): Shown {
	const reports = json<Shown[]>(['show', region, '--year', String(year), '--json'], env);
	assert.equal(reports.length, 1);
	return reports[0]!;
}

// --- Tests --------------------------------------------------------------------------------------

describe('library path', () => {
	test('$XDG_DATA_HOME/pa-tui/library.json, else ~/.local/share; nothing is created', () => {
		const {env, library} = dataHome();
		assert.equal(ok(['library', 'path'], env).stdout, `${library}\n`);
		const home = mkdtempSync(join(dir, 'home-'));
		const byHome = `${home}/.local/share/pa-tui/library.json\n`;
		assert.equal(ok(['library', 'path'], {HOME: home, XDG_DATA_HOME: ''}).stdout, byHome);
		// A relative XDG_DATA_HOME is invalid by the specification, and ignored.
		assert.equal(ok(['library', 'path'], {HOME: home, XDG_DATA_HOME: 'relative/dir'}).stdout, byHome);
		assert.equal(existsSync(library), false);
		assert.deepEqual(readdirSync(home), []);
	});
});

describe('library add: text files and saved pages give the same reports', () => {
	const gansuText = write('gansu-2010.txt', asText(GANSU_2010));
	const qinghaiText = write('qinghai-2013.txt', asText(QINGHAI_2013));

	function expectReport(report: Shown, headings: string[], amounts: string[][], attribution: string): void {
		assert.deepEqual(
			report.sections.map(s => s.heading),
			headings,
		);
		assert.deepEqual(
			report.sections.map(s => s.figures.map(f => f.text)),
			amounts,
		);
		assert.equal(report.document.attribution, attribution.replace(/^\(|\)$/g, ''));
		const all = JSON.stringify(report);
		for (const text of NOT_REPORT) assert.ok(!all.includes(text), `"${text}" is page furniture, not report text`);
	}

	test('a text file: created on first use, its report in library list and in the default view', () => {
		const {env, library} = dataHome();
		const r = ok(['library', 'add', gansuText], env);
		assert.match(r.stderr, /^added gansu-2010: Gansu 2010, "Poverty Alleviation and Development in Gansu Province"/m);
		assert.ok(existsSync(library));
		// The same file named twice is one report.
		ok(['library', 'add', gansuText, join(dir, '.', 'gansu-2010.txt')], env);
		const rows = json<Array<{id: string; region: string; year: number; title: string; sourceFile: string; addedAt: string}>>(
			['library', 'list', '--json'],
			env,
		);
		assert.equal(rows.length, 1);
		assert.deepEqual(
			{...rows[0]!, addedAt: undefined},
			{
				id: 'gansu-2010',
				region: 'Gansu',
				year: 2010,
				title: GANSU_2010.title,
				sourceFile: gansuText,
				addedAt: undefined,
			},
		);
		assert.ok(Math.abs(Date.parse(rows[0]!.addedAt) - Date.now()) < 60_000, rows[0]!.addedAt);
		const text = ok(['library', 'list'], env).stdout.split('\n');
		assert.match(text[0]!, /^ID\s+REGION\s+YEAR\s+ADDED\s+TITLE\s+SOURCE$/);
		assert.match(
			text[1]!,
			/^gansu-2010\s+Gansu\s+2010\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Poverty Alleviation and Development in Gansu Province\s+\//,
		);
		assert.ok(text[1]!.endsWith(gansuText));
		expectReport(shown('gansu', 2010, env), GANSU_HEADINGS, GANSU_AMOUNTS, GANSU_2010.attribution);
	});

	test('a current site’s page (UTF-8): the same sections and figures as the text', () => {
		const {env} = dataHome();
		ok(['library', 'add', gansuText], env);
		const fromText = shown('gansu', 2010, env);
		const page = write('gansu-2010.html', modernPage(GANSU_2010));
		assert.match(ok(['library', 'add', page], env).stderr, /^replaced gansu-2010 /m);
		const fromPage = shown('gansu', 2010, env);
		expectReport(fromPage, GANSU_HEADINGS, GANSU_AMOUNTS, GANSU_2010.attribution);
		assert.deepEqual(fromPage.sections, fromText.sections);
		assert.deepEqual({...fromPage.document, source: ''}, {...fromText.document, source: ''});
		assert.equal(fromPage.document.source, 'gansu-2010.html');
	});

	test('run-in headings: the page of a 2013-style report gives the text’s sections', () => {
		const {env} = dataHome();
		ok(['library', 'add', qinghaiText], env);
		const fromText = shown('qinghai', 2013, env);
		expectReport(fromText, QINGHAI_HEADINGS, QINGHAI_AMOUNTS, QINGHAI_2013.attribution);
		for (const [name, page] of [
			['qinghai.html', modernPage(QINGHAI_2013)],
			['qinghai-table.htm', tablePage(QINGHAI_2013, 'nothing')],
		] as const) {
			ok(['library', 'add', write(name, page)], env);
			assert.deepEqual(shown('qinghai', 2013, env).sections, fromText.sections, name);
		}
	});

	test('an older site’s page in GBK (http-equiv) and in GB18030 (<meta charset>): decoded, the same report', {
		skip: !hasIconv && 'no iconv to encode the pages',
	}, () => {
		const {env} = dataHome();
		ok(['library', 'add', gansuText], env);
		const fromText = shown('gansu', 2010, env);
		for (const [name, bytes] of [
			['gansu-gbk.html', encode(tablePage(GANSU_2010, 'http-equiv gbk'), 'GBK')],
			['gansu-gb18030.html', encode(tablePage(GANSU_2010, 'charset gb18030'), 'GB18030')],
		] as const) {
			// Not UTF-8: the report's quotes and brackets are two bytes of GBK each.
			assert.throws(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes));
			ok(['library', 'add', write(name, bytes)], env);
			const fromPage = shown('gansu', 2010, env);
			expectReport(fromPage, GANSU_HEADINGS, GANSU_AMOUNTS, GANSU_2010.attribution);
			assert.deepEqual(fromPage.sections, fromText.sections, name);
			// “Rain Plan”: the curly quotes came through the decoder.
			assert.match(fromPage.sections[2]!.paragraphs[0]!, /“Rain Plan”/);
		}
	});

	test('a file holding HTML is read as a page whatever its name', () => {
		const {env} = dataHome();
		ok(['library', 'add', write('saved-page.txt', modernPage(GANSU_2010))], env);
		expectReport(shown('gansu', 2010, env), GANSU_HEADINGS, GANSU_AMOUNTS, GANSU_2010.attribution);
	});

	test('ingest reads saved pages with the same reader', () => {
		const out = join(dir, 'from-pages.json');
		const r = runBinary(['ingest', write('gansu-for-ingest.html', modernPage(GANSU_2010)), qinghaiText, '--out', out]);
		assert.equal(r.status, 0, r.stderr);
		const corpus = JSON.parse(readFileSync(out, 'utf8')) as {documents: Shown['document'][]};
		assert.deepEqual(
			corpus.documents.map(d => d.id),
			['gansu-2010', 'qinghai-2013'],
		);
		const {env} = dataHome();
		const headings = json<Shown[]>(['show', 'gansu', '--json', '--corpus', out], env)[0]!.sections.map(s => s.heading);
		assert.deepEqual(headings, GANSU_HEADINGS);
	});
});

describe('bad input: one line naming the file, exit 2, the library unchanged', () => {
	const good = write('good-gansu.txt', asText(GANSU_2010));
	const cases: Array<[string, () => string, RegExp]> = [
		['an empty file', () => write('empty.txt', ''), /empty\.txt: is empty/],
		['an empty page', () => write('empty.html', ''), /empty\.html: is empty/],
		['not a yearbook text', () => write('notes.txt', 'shopping list:\n- rice\n- tea\n'), /notes\.txt.*no recognisable report/],
		['a missing file', () => join(dir, 'nowhere.txt'), /nowhere\.txt: no such file/],
		['a folder', () => dir, /is a directory/],
		[
			'a page with nothing but furniture',
			() =>
				write(
					'furniture.html',
					modernPage({...GANSU_2010, title: '', paragraphs: [], attribution: ''}).replace(/<h1><\/h1>|<p>\s*<\/p>/g, ''),
				),
			/furniture\.html: holds no report text/,
		],
		[
			'a page that declares nothing and is not UTF-8',
			() =>
				write(
					'undeclared.html',
					Buffer.from([
						...Buffer.from('<html><body><p>Poverty Alleviation and Development in Gansu Province</p><p>'),
						0xa1,
						0xbe,
						0x4f,
						0x76,
						...Buffer.from('</p></body></html>'),
					]),
				),
			/undeclared\.html.*declares no character encoding and is not valid UTF-8/,
		],
		[
			'a page declaring an encoding Node cannot read',
			() => write('klingon.html', '<meta charset="x-klingon"><p>text</p>'),
			/klingon\.html: declares the character encoding "x-klingon"/,
		],
	];
	for (const [what, file, pattern] of cases) {
		test(what, () => {
			const {env, library} = dataHome();
			ok(['library', 'add', good], env);
			const before = readFileSync(library);
			// With a good file in the same call: all files land or none do.
			assertOneLineError(runBinary(['library', 'add', good, file()], env), pattern);
			assert.deepEqual(readFileSync(library), before);
		});
	}
	test('a first add that fails creates no library', () => {
		const {env, library} = dataHome();
		assertOneLineError(runBinary(['library', 'add', write('empty2.txt', '')], env), /empty2\.txt: is empty/);
		assert.equal(existsSync(library), false);
	});
	test('usage errors', () => {
		const {env} = dataHome();
		assertOneLineError(runBinary(['library'], env), /library needs one of add, list, remove, path/);
		assertOneLineError(runBinary(['library', 'frobnicate'], env), /no subcommand "frobnicate"/);
		assertOneLineError(runBinary(['library', 'add'], env), /library add needs at least one/);
		assertOneLineError(runBinary(['library', 'add', good, '--json'], env), /library add does not take --json/);
		assertOneLineError(runBinary(['library', 'path', 'extra'], env), /unexpected argument "extra"/);
	});
});

describe('replace, remove, and the backup', () => {
	test('a report already there is replaced, and the command says so; the previous file is library.json.bak', () => {
		const {env, library} = dataHome();
		const first = write('gansu-first.txt', asText(GANSU_2010));
		ok(['library', 'add', first], env);
		assert.equal(existsSync(`${library}.bak`), false, 'no previous file: no backup');
		const before = readFileSync(library, 'utf8');
		const amended = {
			...GANSU_2010,
			paragraphs: [...GANSU_2010.paragraphs.slice(0, 3), GANSU_2010.paragraphs[3]!.replace('36 million', '38 million')],
		};
		const r = ok(['library', 'add', write('gansu-amended.txt', asText(amended))], env);
		assert.match(r.stderr, /^replaced gansu-2010 \(added \d{4}-\d\d-\d\d \d\d:\d\d from .*gansu-first\.txt\)/m);
		assert.match(r.stderr, /: 1 report$/m);
		assert.equal(readFileSync(`${library}.bak`, 'utf8'), before);
		assert.equal(json<unknown[]>(['library', 'list', '--json'], env).length, 1);
		assert.deepEqual(
			shown('gansu', 2010, env).sections[2]!.figures.map(f => f.text),
			['38 million Yuan'],
		);
	});

	test('remove: gone from the library and the view; an unknown id changes nothing', () => {
		const {env, library} = dataHome();
		ok(['library', 'add', write('gansu-r.txt', asText(GANSU_2010)), write('qinghai-r.txt', asText(QINGHAI_2013))], env);
		const before = readFileSync(library);
		assertOneLineError(runBinary(['library', 'remove', 'gansu-2010', 'gansu-2011'], env), /no report "gansu-2011" in the library/);
		assert.deepEqual(readFileSync(library), before);
		const r = ok(['library', 'remove', 'gansu-2010'], env);
		assert.match(r.stderr, /^removed gansu-2010: Gansu 2010/m);
		assert.deepEqual(readFileSync(`${library}.bak`), before);
		assert.deepEqual(
			json<Array<{id: string}>>(['library', 'list', '--json'], env).map(r => r.id),
			['qinghai-2013'],
		);
		assert.equal(runBinary(['show', 'gansu', '--year', '2010'], env).status, 1);
	});

	test('remove from no library at all: an error, and no library is created', () => {
		const {env, library} = dataHome();
		assertOneLineError(runBinary(['library', 'remove', 'gansu-2010'], env), /the library is empty/);
		assert.equal(existsSync(library), false);
	});
});

describe('the default view: the bundled corpus with the library over it', () => {
	// A Jilin 2009 report of one's own: the same id as the bundled one, so it stands in for it.
	const JILIN_2009: Report = {
		title: 'Poverty Alleviation and Development in Jilin Province',
		paragraphs: ['【Overview】 In 2009, Jilin Province put in 123 million Yuan of anti-poverty funds of its own.'],
		attribution: '(Li Ming, Jilin Provincial Poverty Alleviation Office)',
	};
	const JILIN_2010: Report = {
		...JILIN_2009,
		paragraphs: ['【Overview】 In 2010, Jilin Province put in 456 million Yuan of anti-poverty funds.'],
	};

	interface Row {
		id: string;
		region: string;
		year: number;
		origin: {kind: string; path: string; sourceFile?: string; addedAt?: string; replacesBundled?: boolean};
	}

	test('list shows both, each with its origin; the library wins on the same id; its years join the bundled ones', () => {
		const {env, library} = dataHome();
		const bundled = json<Row[]>(['list', '--json'], env);
		assert.ok(bundled.every(r => r.origin.kind === 'bundled'));
		const r = ok(['library', 'add', write('jilin-2009.html', modernPage(JILIN_2009)), write('jilin-2010.txt', asText(JILIN_2010))], env);
		assert.match(r.stderr, /jilin-2009 stands in for the bundled report of that id/);
		const rows = json<Row[]>(['list', '--json'], env);
		assert.equal(rows.length, bundled.length + 1);
		const jilin = rows.filter(r => r.region === 'Jilin');
		assert.deepEqual(
			jilin.map(r => [r.year, r.origin.kind]),
			[
				[2009, 'library'],
				[2010, 'library'],
				[2012, 'bundled'],
			],
		);
		assert.equal(jilin[0]!.origin.path, library);
		assert.equal(jilin[0]!.origin.sourceFile, join(dir, 'jilin-2009.html'));
		assert.equal(jilin[0]!.origin.replacesBundled, true);
		assert.equal(jilin[1]!.origin.replacesBundled, false);
		// The text column.
		const line = ok(['list'], env)
			.stdout.split('\n')
			.find(l => /^Jilin\s+2010\b/.test(l));
		assert.match(line!, /\blibrary\s+Poverty Alleviation/);
		// show reads the library's report; the region's years are those of both.
		assert.match(ok(['show', 'jilin', '--year', '2009'], env).stdout, /123 million Yuan/);
		assert.doesNotMatch(ok(['show', 'jilin', '--year', '2009'], env).stdout, /402 million/);
		assert.match(runBinary(['show', 'jilin', '--year', '2011'], env).stderr, /2009, 2010, 2012|2009.*2010.*2012/);
		// export is the merged corpus (more than runBinary's 1 MB buffer).
		const exported = spawnSync(process.execPath, [binary, 'export'], {
			encoding: 'utf8',
			env: {PATH: process.env['PATH'] ?? '', ...env},
			maxBuffer: 1 << 26,
		});
		assert.equal(exported.status, 0, exported.stderr);
		const documents = (JSON.parse(exported.stdout) as {documents: Array<{id: string; sections: Shown['sections']}>}).documents;
		assert.equal(documents.length, bundled.length + 1);
		assert.match(JSON.stringify(documents.find(d => d.id === 'jilin-2009')), /123 million Yuan/);
	});

	test('the explorer opens with the library: a region lists the years of both', {
		skip: !built && 'dist/ not built (npm run build)',
		timeout: 30000,
	}, async t => {
		const {env} = dataHome();
		ok(['library', 'add', write('jilin-2010e.html', modernPage(JILIN_2010)), write('gansu-2010e.txt', asText(GANSU_2010))], env);
		const ui = launch({columns: 120, rows: 40, env: {...env, CI: undefined, NO_COLOR: undefined}});
		t.after(() => ui.dispose());
		const screen = await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
		assert.match(screen, /Gansu\s+2010 2012/);
		assert.match(screen, /Jilin\s+2009 2010 2012/);
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
	});

	test('--no-library: the bundled corpus alone; --corpus and PA_TUI_CORPUS: that file alone', () => {
		const {env} = dataHome();
		ok(['library', 'add', write('jilin-2009b.txt', asText(JILIN_2009)), write('jilin-2010b.txt', asText(JILIN_2010))], env);
		assert.match(ok(['show', 'jilin', '--year', '2009', '--no-library'], env).stdout, /402 million Yuan/);
		const plain = json<Row[]>(['list', '--json', '--no-library'], env);
		assert.ok(plain.every(r => r.origin.kind === 'bundled'));
		assert.equal(plain.filter(r => r.region === 'Jilin').length, 2);
		const file = join(dir, 'gansu-only.json');
		assert.equal(runBinary(['ingest', write('gansu-c.txt', asText(GANSU_2010)), '--out', file]).status, 0);
		for (const [args, extra] of [
			[['list', '--json', '--corpus', file], {}],
			[['list', '--json'], {PA_TUI_CORPUS: file}],
		] as const) {
			const rows = json<Row[]>([...args], {...env, ...extra});
			assert.deepEqual(
				rows.map(r => [r.id, r.origin.kind, r.origin.path]),
				[['gansu-2010', 'file', file]],
			);
		}
	});
});

describe('a library that does not load is never overwritten', () => {
	const broken: Array<[string, string, RegExp]> = [
		['not JSON', '{"libraryVersion": 1, "reports": [', /not valid JSON at line 1, column \d+/],
		['a field of the wrong type', '', /reports\[0\]\.document\.year/],
		['another library version', '{"libraryVersion": 7, "schemaVersion": 1, "reports": []}', /libraryVersion 7 is not supported/],
	];
	for (const [what, content, problem] of broken) {
		test(what, () => {
			const {env, library} = dataHome();
			ok(['library', 'add', write(`gansu-${what}.txt`, asText(GANSU_2010))], env);
			const written = readFileSync(library, 'utf8');
			const bad = content || written.replace('"year":2010', '"year":"2010"');
			writeFileSync(library, bad);
			for (const args of [['list'], ['show', 'jilin'], ['library', 'list'], ['funds', '--json']]) {
				assertOneLineError(runBinary(args, env), new RegExp(`library ${library.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*`));
				assertOneLineError(runBinary(args, env), problem);
			}
			assert.match(runBinary(['list'], env).stderr, /--no-library leaves it out/);
			// The add refuses and says how to move it aside; the file stays byte for byte.
			const r = runBinary(['library', 'add', write(`qinghai-${what}.txt`, asText(QINGHAI_2013))], env);
			assertOneLineError(r, /nothing was changed: move it aside \(mv .*library\.json .*library\.json\.broken\)/);
			assertOneLineError(runBinary(['library', 'remove', 'gansu-2010'], env), /nothing was changed/);
			assert.equal(readFileSync(library, 'utf8'), bad);
			// The bundled corpus, and a corpus file, still open.
			assert.equal(runBinary(['list', '--no-library'], env).status, 0);
		});
	}

	test('a library edited by hand but still valid is read (validated in full)', () => {
		const {env, library} = dataHome();
		ok(['library', 'add', write('gansu-edit.txt', asText(GANSU_2010))], env);
		const data = JSON.parse(readFileSync(library, 'utf8')) as {reports: Array<{document: {title: string}}>};
		data.reports[0]!.document.title = 'Poverty Alleviation and Development in Gansu Province (edited)';
		writeFileSync(library, JSON.stringify(data));
		assert.equal(shown('gansu', 2010, env).document.title, 'Poverty Alleviation and Development in Gansu Province (edited)');
		// The next change writes it as pa-tui does again, and keeps the hand-edited one as the backup.
		ok(['library', 'add', write('qinghai-edit.txt', asText(QINGHAI_2013))], env);
		assert.equal(readFileSync(`${library}.bak`, 'utf8'), JSON.stringify(data));
		assert.equal(json<unknown[]>(['library', 'list', '--json'], env).length, 2);
	});
});

describe('two adds at once', () => {
	function addAsync(file: string, env: Record<string, string>): Promise<{status: number | null; stderr: string}> {
		return new Promise(resolve => {
			const child = spawn(process.execPath, [binary, 'library', 'add', file], {
				env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env},
				stdio: ['ignore', 'ignore', 'pipe'],
			});
			let stderr = '';
			child.stderr.on('data', d => {
				stderr += d;
			});
			child.on('close', status => resolve({status, stderr}));
		});
	}
	const years = [2003, 2004, 2005, 2006, 2007, 2008];
	const files = years.map(year =>
		write(`gansu-${year}.txt`, asText({...GANSU_2010, paragraphs: GANSU_2010.paragraphs.map(p => p.replace(/2010/g, String(year)))})),
	);

	test('six at once: every report lands', async () => {
		const {env, library} = dataHome();
		const results = await Promise.all(files.map(file => addAsync(file, env)));
		for (const r of results) assert.equal(r.status, 0, r.stderr);
		assert.deepEqual(
			json<Array<{id: string}>>(['library', 'list', '--json'], env)
				.map(r => r.id)
				.sort(),
			years.map(y => `gansu-${y}`),
		);
		assert.ok(existsSync(`${library}.bak`));
		assert.equal(existsSync(`${library}.lock`), false, 'the lock is gone');
		assert.deepEqual(readdirSync(join(library, '..')).sort(), ['library.json', 'library.json.bak']);
	});

	test('a lock left by a pa-tui that died is taken over', async () => {
		const {env, library} = dataHome();
		mkdirSync(`${library}.lock`, {recursive: true});
		const old = new Date(Date.now() - 60_000);
		utimesSync(`${library}.lock`, old, old);
		const r = await addAsync(files[0]!, env);
		assert.equal(r.status, 0, r.stderr);
		assert.equal(json<unknown[]>(['library', 'list', '--json'], env).length, 1);
	});
});
