// The one-shot commands, through the real binary (bin/pa-tui → dist/) as child processes,
// piped. Expected values come from the raw yearbook text (data/raw/) or from the meaning of the
// corpus, not from the program's own output. Run `npm run build` first (npm test does).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {CSV_COLUMNS as CSV_HEADER_COLUMNS} from '../source/commands/funds.ts';
import {type Corpus, corpusSchema} from '../source/corpus/schema.ts';
import {corpusFile, runJson as json, NO_USER_LIBRARY, runOk as ok, type RunResult, rawDir, root, runBinary} from './helpers/corpus.ts';
import {parseCsv} from './helpers/csv.ts';
import {figureOf} from './helpers/figure.ts';

const CSV_HEADER: string[] = [...CSV_HEADER_COLUMNS];

const ESC = '\x1b';
const dir = mkdtempSync(join(tmpdir(), 'pa-tui-commands-'));
after(() => rmSync(dir, {recursive: true, force: true}));

function raw(name: string): string {
	return readFileSync(join(rawDir, name), 'utf8');
}
/** Bracketed headings of a raw 2009 file, in order: 【Overview】 → Overview. */
function bracketHeadings(name: string): string[] {
	return [...raw(name).matchAll(/【([^】]*)】/g)].map(m => m[1]!.trim());
}
const LIAONING_2009 = '000_ce3b4c900936e79e.txt';
const PAIRING_2009 = '001_3ad18326bc42aa7d.txt';
const JILIN_2009 = '003_fd107518aca715a8.txt';
const PROVINCIAL_TITLE = 'Poverty Alleviation and Development in Liaoning Province';
const PAIRING_TITLE = 'Liaoning-Qinghai Pairing-off Poverty Alleviation';

const stored = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;

/** A usage or corpus error: exit 2, nothing on stdout, one line on stderr, no stack trace. */
function assertUsageError(r: RunResult, pattern?: RegExp): void {
	assert.equal(r.status, 2, `exit 2: ${r.stderr}`);
	assert.equal(r.stdout, '');
	assertOneLine(r.stderr, pattern);
}
function assertOneLine(stderr: string, pattern?: RegExp): void {
	const lines = stderr.split('\n').filter(l => l !== '');
	assert.equal(lines.length, 1, `one line on stderr: ${JSON.stringify(stderr)}`);
	assert.match(lines[0]!, /^pa-tui: /);
	assert.doesNotMatch(stderr, /\n\s+at |Error:|node:internal/, 'no stack trace');
	if (pattern) assert.match(lines[0]!, pattern);
}

// ---------------------------------------------------------------------------------------------
// A small corpus whose text holds quotes, commas, line breaks, an escape sequence and wide text.

const tricky: Corpus = {
	schemaVersion: 2,
	documents: [
		{
			id: 'quoteland-2010',
			region: 'Quoteland',
			placeName: 'Quoteland Province',
			regionType: 'province',
			year: 2010,
			title: 'Poverty Alleviation in "Quoteland", a province',
			source: 'tricky.txt',
			attribution: 'Written by "A, B"\nand C',
			sections: [
				{
					id: '01-funds-quotes-commas',
					heading: 'Funds, "quoted", and more',
					paragraphs: [
						'The province put in 12.5 million yuan, "all of it", for roads.\nA second line; 3,000 yuan per household.',
						`Red ${ESC}[31mtext${ESC}[0m here: 7 million yuan.`,
					],
					figures: [
						figureOf({
							text: '12.5 million yuan',
							yuan: 12_500_000,
							sentence: 'The province put in 12.5 million yuan, "all of it", for roads.\nA second line',
							label: 'funds, "all of it"',
							change: 'up 5%, "a lot"',
						}),
						figureOf({
							text: '3,000 yuan',
							yuan: 3000,
							sentence: 'A second line; 3,000 yuan per household.',
							label: 'subsidy per household',
							change: null,
						}),
						figureOf({
							text: '7 million yuan',
							yuan: 7_000_000,
							sentence: `Red ${ESC}[31mtext${ESC}[0m here: 7 million yuan.`,
							label: `red ${ESC}[31mlabel`,
							change: null,
						}),
					],
				},
				{
					id: '02-training',
					heading: 'Training 培训',
					paragraphs: ['Training funds of 2 million yuan were spent on 1,000 people.'],
					figures: [
						figureOf({
							text: '2 million yuan',
							yuan: 2_000_000,
							sentence: 'Training funds of 2 million yuan were spent on 1,000 people.',
							label: 'training funds',
							change: null,
						}),
					],
				},
			],
		},
		{
			id: 'quoteland-2011',
			region: 'Quoteland',
			placeName: 'Quoteland Province',
			regionType: 'province',
			year: 2011,
			title: 'Poverty Alleviation in Quoteland',
			source: 'tricky.txt',
			attribution: null,
			sections: [{id: '01-overview', heading: 'Overview', paragraphs: ['Nothing, "really".'], figures: []}],
		},
	],
};
corpusSchema.parse(tricky);
const trickyPath = join(dir, 'tricky.json');
writeFileSync(trickyPath, JSON.stringify(tricky));
const T = ['--corpus', trickyPath];

// ---------------------------------------------------------------------------------------------

describe('help and version', () => {
	const commands = ['list', 'show', 'funds', 'compare', 'search', 'export', 'ingest', 'library', 'completion'];
	test('pa-tui --help lists every command and the exit codes', () => {
		const r = ok(['--help']);
		for (const c of commands) assert.match(r.stdout, new RegExp(`^\\s+pa-tui ${c}\\b`, 'm'), c);
		assert.match(r.stdout, /--corpus/);
		assert.match(r.stdout, /--no-color/);
		assert.match(r.stdout, /Exit codes/);
	});
	for (const c of commands) {
		test(`pa-tui ${c} --help has an example`, () => {
			const r = ok([c, '--help']);
			assert.match(r.stdout, new RegExp(`^pa-tui ${c}\\b`));
			assert.match(r.stdout, new RegExp(`Example: .*pa-tui ${c}\\b`));
		});
	}
	test('--version prints the package version', () => {
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};
		assert.equal(ok(['--version']).stdout, `${pkg.version}\n`);
	});
});

describe('list', () => {
	test('one line per report, 33 reports; Liaoning 2009 twice (the provincial and the pairing report)', () => {
		const lines = ok(['list']).stdout.trimEnd().split('\n');
		assert.match(lines[0]!, /REGION\s+YEAR\s+SECTIONS\s+FIGURES\s+ORIGIN\s+TITLE/);
		assert.equal(lines.length, 1 + 33);
		const liaoning2009 = lines.filter(l => /^Liaoning\s+2009\b/.test(l));
		assert.equal(liaoning2009.length, 2);
		assert.ok(liaoning2009.some(l => l.endsWith(PROVINCIAL_TITLE)));
		assert.ok(liaoning2009.some(l => l.endsWith(PAIRING_TITLE)));
		assert.ok(lines.some(l => /^Heilongjiang\s+2009\b/.test(l)) && lines.some(l => /^Heilongjiang\s+2012\b/.test(l)));
	});
	test('--json: counts agree with the raw text (Jilin 2009 has one section per 【heading】)', () => {
		const rows = json<
			Array<{
				id: string;
				region: string;
				regionType: string;
				year: number;
				title: string;
				sections: number;
				figures: number;
				origin: {kind: string};
			}>
		>(['list', '--json']);
		assert.equal(rows.length, 33);
		assert.deepEqual(Object.keys(rows[0]!).sort(), ['figures', 'id', 'origin', 'region', 'regionType', 'sections', 'title', 'year']);
		// No library in the test's data folder: every report is the bundled corpus's.
		assert.ok(rows.every(r => r.origin.kind === 'bundled'));
		const jilin = rows.find(r => r.id === 'jilin-2009')!;
		assert.equal(jilin.sections, bracketHeadings(JILIN_2009).length);
		assert.equal(jilin.title, raw(JILIN_2009).split('\n')[0]!.trim());
		const pairing = rows.find(r => r.title === PAIRING_TITLE)!;
		assert.equal(pairing.sections, bracketHeadings(PAIRING_2009).length);
		assert.equal(pairing.region, 'Liaoning');
	});
});

describe('region matching (show)', () => {
	const title = (r: RunResult) => r.stdout.split('\n')[0]!;
	const cases: Array<[string, RegExp]> = [
		['guangxi', /in Guangxi Zhuang Autonomous Region/],
		['GUANGXI', /in Guangxi Zhuang/],
		['Guangxi Zhuang Autonomous Region', /in Guangxi Zhuang/],
		['heilongjang', /in Heilongjiang Province/],
		['xinjiang', /in Xinjiang Uygur Autonomous Region/],
		['Xinjiang Production', /in Xinjiang Production and Construction Corps/],
		['corps', /in Xinjiang Production and Construction Corps/],
		['inner mongolia', /in Inner Mongolia/],
		['inner-mongolia', /in Inner Mongolia/],
		['mongolia', /in Inner Mongolia/],
		['Jilin Province', /in Jilin Province/],
		['ningx', /in Ningxia Hui/],
		['shaanxi', /in Shaanxi Province/],
		['shanxi', /in Shanxi Province/],
		['sichaun', /in Sichuan Province/],
	];
	for (const [query, expected] of cases) {
		test(`"${query}"`, () => assert.match(title(ok(['show', query])), expected));
	}
	for (const [query, candidates] of [
		['xin', ['Xinjiang', 'Xinjiang Production and Construction Corps']],
		['shan', ['Shandong', 'Shanxi']],
		['he', ['Hebei', 'Heilongjiang', 'Henan']],
	] as Array<[string, string[]]>) {
		test(`"${query}" is ambiguous: exit 2, one line naming ${candidates.join(', ')}`, () => {
			const r = runBinary(['show', query]);
			assertUsageError(r);
			for (const c of candidates) assert.ok(r.stderr.includes(c), r.stderr);
		});
	}
	test('no such region: exit 1, one line', () => {
		const r = runBinary(['show', 'atlantis']);
		assert.equal(r.status, 1);
		assert.equal(r.stdout, '');
		assertOneLine(r.stderr, /atlantis/);
	});
});

describe('show', () => {
	test('without --year: the latest report, and a note on stderr naming the other years', () => {
		const r = ok(['show', 'jilin', 'investment']);
		assert.match(r.stdout, /^Poverty Alleviation and Development in Jilin Province \(2012\)/);
		// From data/raw/002: "Investment of Anti-poverty FundsIn 2012, Jilin Province ... 680 million yuan of relief funds"
		assert.match(r.stdout, /^Investment of Anti-poverty Funds$/m);
		assert.match(r.stdout, /680 million yuan of relief funds, of which 570 million yuan was from the central government/);
		assert.match(r.stderr, /2009/);
		assert.match(r.stderr, /--year/);
	});
	test('--year picks the report, and there is no note', () => {
		const r = ok(['show', 'jilin', 'investment', '--year', '2009']);
		assert.match(r.stdout, /\(2009\)/);
		assert.match(r.stdout, /^Investment of anti-poverty funds$/m);
		assert.match(r.stdout, /402 million Yuan of anti-poverty funds, up 6\.15%/);
		assert.equal(r.stderr, '');
	});
	test('a region with one report: no note', () => {
		assert.equal(ok(['show', 'anhui']).stderr, '');
	});
	test('without a query: the whole report, every heading in order, and the attribution', () => {
		const r = ok(['show', 'jilin', '--year', '2009']);
		let at = 0;
		for (const heading of bracketHeadings(JILIN_2009)) {
			const found = r.stdout.indexOf(`\n${heading}\n`, at);
			assert.ok(found > at, `heading "${heading}" in order`);
			at = found;
		}
	});
	test('a fuzzy section query with a typo', () => {
		const r = ok(['show', 'jilin', 'trainng', '--year', '2009']);
		assert.match(r.stdout, /^Poverty alleviation training$/m);
		assert.doesNotMatch(r.stdout, /^Overview$/m);
	});
	test('no section matches: exit 1, one line', () => {
		const r = runBinary(['show', 'jilin', 'zqxjvw']);
		assert.equal(r.status, 1);
		assert.equal(r.stdout, '');
		const lines = r.stderr.trim().split('\n');
		assert.match(lines.at(-1)!, /^pa-tui: no section .*zqxjvw/);
	});
	test('a year the region has no report for: exit 1, naming the years it has', () => {
		const r = runBinary(['show', 'liaoning', '--year', '2003']);
		assert.equal(r.status, 1);
		assertOneLine(r.stderr, /2009, 2012/);
	});
	test('--json: document metadata and the chosen sections as stored', () => {
		const shown = json<Array<{document: Record<string, unknown>; sections: Array<{id: string; heading: string; paragraphs: string[]}>}>>([
			'show',
			'jilin',
			'--year',
			'2009',
			'--json',
		]);
		assert.equal(shown.length, 1);
		const stored2009 = stored.documents.find(d => d.id === 'jilin-2009')!;
		const {sections, ...meta} = stored2009;
		assert.deepEqual(shown[0]!.document, meta);
		assert.deepEqual(shown[0]!.sections, sections);
		assert.deepEqual(
			shown[0]!.sections.map(s => s.heading),
			bracketHeadings(JILIN_2009),
		);
	});
});

describe('Liaoning 2009: two reports in one year', () => {
	test('show --year 2009 shows both, each under its title, in source order', () => {
		const r = ok(['show', 'liaoning', '--year', '2009']);
		const provincial = r.stdout.indexOf(`${PROVINCIAL_TITLE} (2009)`);
		const pairing = r.stdout.indexOf(`${PAIRING_TITLE} (2009)`);
		assert.ok(provincial === 0 && pairing > provincial, r.stdout.slice(0, 200));
		for (const h of bracketHeadings(LIAONING_2009)) assert.ok(r.stdout.slice(0, pairing).includes(`\n${h}\n`), h);
		for (const h of bracketHeadings(PAIRING_2009)) assert.ok(r.stdout.slice(pairing).includes(`\n${h}\n`), h);
	});
	test('a query naming the pairing picks that report, whole', () => {
		for (const args of [
			['show', 'liaoning', 'qinghai', '--year', '2009'],
			['show', 'liaoning', 'qinghai'],
		]) {
			const r = ok(args);
			assert.ok(r.stdout.startsWith(`${PAIRING_TITLE} (2009)`), args.join(' '));
			assert.ok(!r.stdout.includes(PROVINCIAL_TITLE));
			for (const h of bracketHeadings(PAIRING_2009)) assert.ok(r.stdout.includes(`\n${h}\n`), h);
		}
	});
	test('a section query matching in both reports shows the section of each', () => {
		// 000: 【Poverty alleviation training】, 001: 【Poverty alleviation by training】
		const r = ok(['show', 'liaoning', 'training', '--year', '2009']);
		assert.ok(r.stdout.includes(`${PROVINCIAL_TITLE} (2009)`) && r.stdout.includes(`${PAIRING_TITLE} (2009)`));
		assert.match(r.stdout, /^Poverty alleviation training$/m);
		assert.match(r.stdout, /^Poverty alleviation by training$/m);
	});
	test('show --json --year 2009: both documents', () => {
		const shown = json<Array<{document: {id: string; title: string}}>>(['show', 'liaoning', '--year', '2009', '--json']);
		assert.deepEqual(
			shown.map(s => s.document.title),
			[PROVINCIAL_TITLE, PAIRING_TITLE],
		);
	});
	test('funds --year 2009: both reports, each under its title', () => {
		const r = ok(['funds', 'liaoning', '--year', '2009']);
		const provincial = r.stdout.indexOf(`${PROVINCIAL_TITLE} (2009)`);
		const pairing = r.stdout.indexOf(`${PAIRING_TITLE} (2009)`);
		assert.ok(provincial >= 0 && pairing > provincial);
		// 001: "Liaoning issued grants of 273 million Yuan to Qinghai Province"
		assert.match(r.stdout.slice(pairing), /273\.00\s+grants/);
		// 000: "The provincial financial anti-poverty funds reached 30 million Yuan" (relocation)
		assert.match(r.stdout.slice(provincial, pairing), /30\.00\s+provincial financial anti-poverty funds/);
		const rows = json<Array<{documentId: string}>>(['funds', 'liaoning', '--year', '2009', '--json']);
		assert.deepEqual([...new Set(rows.map(r => r.documentId))], ['liaoning-2009', 'liaoning-qinghai-pairing-off-poverty-alleviation-2009']);
	});
});

describe('funds', () => {
	test('an aligned table: amounts in million yuan right-aligned, label (parts indented under their whole), change as Δ, section', () => {
		const r = ok(['funds', 'jilin', '--year', '2009']);
		const [header, ...rows] = r.stdout.trimEnd().split('\n');
		assert.match(header!, /^\s*MILLION YUAN\s+LABEL\s+CHANGE\s+SECTION$/);
		// 003: "the central financial department put in 402 million Yuan of anti-poverty funds, up 6.15%,
		// of which 264 million Yuan was financial development fund, up 15.9%"
		assert.match(rows[0]!, /^\s*402\.00\s+anti-poverty funds\s+Δ \+6\.15%\s+Investment of anti-poverty funds$/);
		assert.match(rows[1]!, /^\s*264\.00\s+financial development fund\s+Δ \+15\.9%/);
		const label = header!.indexOf('LABEL');
		assert.equal(rows[1]!.indexOf('financial development fund'), label + 2, 'a part is indented two cells under its whole');
		// Decimal points of the totals on one column; a per-unit amount in yuan with its unit.
		const end = header!.indexOf('MILLION YUAN') + 'MILLION YUAN'.length;
		const totals = rows.filter(row => !row.slice(0, end + 12).includes('/'));
		assert.equal(new Set(totals.map(row => row.indexOf('.'))).size, 1, r.stdout);
		// 003: "averagely investment of 1.17 million Yuan for each village"
		assert.ok(
			rows.some(row => /^\s*1,170,000 \/village\s+investment/.test(row)),
			r.stdout,
		);
		// The label column starts at one place; parts two cells in per level.
		for (const row of rows) assert.match(row.slice(label - 1), /^ (?: {2})*\S/, row);
	});
	test('a change is shown as Δ beside the amount it changes, not as a row of its own (the JSON keeps it)', () => {
		// 000: "anti-poverty funds of 328 million Yuan, 9.2 million Yuan more than that in 2008, up 2.9%"
		const text = ok(['funds', 'liaoning', '--year', '2009']).stdout;
		assert.match(text, /^\s*328\.00\s+anti-poverty funds\s+Δ \+9\.20 \+2\.9%/m);
		assert.doesNotMatch(text, /^\s*9\.20\s/m);
		const rows = json<Array<{text: string; role: string; changeOf: number | null; index: number; sectionId: string}>>([
			'funds',
			'liaoning',
			'--year',
			'2009',
			'--json',
		]);
		const change = rows.find(r => r.text === '9.2 million Yuan')!;
		const changed = rows.find(r => r.text === '328 million Yuan')!;
		assert.equal(change.role, 'change');
		assert.deepEqual([change.sectionId, change.changeOf], [changed.sectionId, changed.index]);
	});
	test('per-unit amounts show their unit ("2,300 /person"), plans their tag', () => {
		// 002 Hebei: "the new poverty line of 2300 yuan"; "special poverty-relief funds of no less than one
		// million yuan averagely for each impoverished village" during the 12th Five-Year Plan.
		const text = ok(['funds', 'hebei']).stdout;
		assert.match(text, /^\s*2,300 \/person\s+new poverty line/m);
		assert.match(text, /^\s*1,000,000 \/village plan {2}special poverty-relief funds/m);
	});
	test('JSON carries every field of the figure, and where it is', () => {
		const rows = json<Array<Record<string, unknown>>>(['funds', 'jilin', '--year', '2009', '--json']);
		assert.deepEqual(Object.keys(rows[0]!), [
			'documentId',
			'region',
			'year',
			'title',
			'sectionId',
			'section',
			'index',
			'label',
			'text',
			'value',
			'currency',
			'yuan',
			'kind',
			'per',
			'status',
			'role',
			'partOf',
			'changeOf',
			'change',
			'changePercent',
			'changeYuan',
			'sentence',
		]);
		assert.deepEqual(
			[rows[0]!['value'], rows[0]!['currency'], rows[0]!['yuan'], rows[0]!['kind'], rows[0]!['role'], rows[0]!['changePercent']],
			[402_000_000, 'CNY', 402_000_000, 'funds', 'whole', 6.15],
		);
	});
	test('without a region: across every report, so --match relocation --sort amount compares regions', () => {
		type Row = {
			region: string;
			label: string;
			section: string;
			yuan: number | null;
			value: number;
			kind: string;
			role: string;
			per: string | null;
			status: string;
		};
		const rows = json<Row[]>(['funds', '--match', 'relocation', '--sort', 'amount', '--json']);
		assert.ok(new Set(rows.map(r => r.region)).size >= 5, 'several regions');
		for (const r of rows) assert.match(`${r.label} ${r.section}`, /relocat/i);
		// Only funds by default; wholes ranked within each group (totals, then per unit; actual, then planned),
		// each followed by its parts.
		assert.ok(rows.every(r => r.kind === 'funds'));
		const wholes = rows.filter(r => r.role === 'whole');
		const group = (r: Row) => `${r.per ?? ''} ${r.status}`;
		for (let i = 1; i < wholes.length; i++) {
			if (group(wholes[i - 1]!) === group(wholes[i]!)) assert.ok(wholes[i - 1]!.value >= wholes[i]!.value, 'largest first');
		}
		const firstPlanned = wholes.findIndex(r => r.status === 'planned' && r.per === null);
		assert.ok(firstPlanned > 0 && wholes.slice(0, firstPlanned).every(r => r.status === 'actual'), 'money spent before plans');
		// 002 Guizhou: "decided to spend nine years and invest 24 billion yuan" is a plan, not ranked above 2012 spending.
		const guizhou = wholes.findIndex(r => r.value === 24_000_000_000);
		assert.ok(guizhou >= firstPlanned, `the 24 billion plan at ${guizhou}`);
		assert.ok(rows.some(r => r.region === 'Liaoning' && r.yuan === 30_000_000));
		const text = ok(['funds', '--match', 'relocation', '--sort', 'amount']).stdout.split('\n');
		assert.match(text[0]!, /^REPORT\s+MILLION YUAN\s+LABEL\s+CHANGE\s+SECTION$/);
		assert.ok(text.some(l => /^Guizhou 2012\s+24,000\.00\s+plan\s/.test(l)));
	});
	test('--sort amount never ranks a GDP against funds; --kind economy ranks the GDPs', () => {
		const funds = json<Array<{kind: string}>>(['funds', '--sort', 'amount', '--json']);
		assert.ok(funds.length > 100 && funds.every(r => r.kind === 'funds'));
		const economy = json<Array<{kind: string; label: string; value: number; role: string}>>([
			'funds',
			'--kind',
			'economy',
			'--whole',
			'--sort',
			'amount',
			'--json',
		]);
		assert.ok(economy.every(r => r.kind === 'economy' && r.role === 'whole'));
		assert.match(economy[0]!.label, /GDP/);
	});
	test('--kind, --status and --whole filter; a wrong value is a usage error naming the choices', () => {
		const income = json<Array<{kind: string; per: string | null}>>(['funds', '--kind', 'income', '--json']);
		assert.ok(income.length > 10 && income.every(r => r.kind === 'income'));
		const two = json<Array<{kind: string}>>(['funds', '--kind', 'loan,threshold', '--json']);
		assert.deepEqual([...new Set(two.map(r => r.kind))].sort(), ['loan', 'threshold']);
		const planned = json<Array<{status: string}>>(['funds', '--status', 'planned', '--json']);
		assert.ok(planned.length > 5 && planned.every(r => r.status === 'planned'));
		const wholes = json<Array<{role: string}>>(['funds', 'jilin', '--year', '2009', '--whole', '--json']);
		assert.ok(wholes.every(r => r.role === 'whole'));
		assert.ok(wholes.length < json<unknown[]>(['funds', 'jilin', '--year', '2009', '--json']).length);
		assertUsageError(runBinary(['funds', '--kind', 'gdp']), /--kind takes funds, loan, income, economy, threshold, other or all/);
		assertUsageError(runBinary(['funds', '--status', 'done']), /--status takes actual or planned/);
	});
	test('dollars stay dollars: value and currency, no yuan invented', () => {
		// 002 Shanxi: "completed withdrawal reimbursement of $ 19,727,500"
		const rows = json<Array<{text: string; value: number; currency: string; yuan: number | null}>>(['funds', 'shanxi', '--json']);
		const dollars = rows.find(r => r.text === '$ 19,727,500')!;
		assert.deepEqual([dollars.value, dollars.currency, dollars.yuan], [19_727_500, 'USD', null]);
		assert.match(ok(['funds', 'shanxi']).stdout, /^\s*19\.73 M USD\s+withdrawal reimbursement/m);
	});
	test('--sort order keeps document order; --sort anything else is a usage error', () => {
		const rows = json<Array<{yuan: number}>>(['funds', 'jilin', '--year', '2009', '--sort', 'order', '--json']);
		assert.equal(rows[0]!.yuan, 402_000_000);
		assertUsageError(runBinary(['funds', '--sort', 'size']), /amount or order/);
	});
	test('--match with a typo still finds the figures', () => {
		const rows = json<Array<{section: string; label: string}>>(['funds', '--match', 'relocaton', '--json']);
		assert.ok(rows.length > 0);
	});
	test('nothing matches: exit 1, one line; the data formats still print valid empty output', () => {
		const r = runBinary(['funds', '--match', 'zqxjvw']);
		assert.equal(r.status, 1);
		assertOneLine(r.stderr);
		const j = runBinary(['funds', '--match', 'zqxjvw', '--json']);
		assert.equal(j.status, 1);
		assert.deepEqual(JSON.parse(j.stdout), []);
		const c = runBinary(['funds', '--match', 'zqxjvw', '--csv']);
		assert.equal(c.status, 1);
		assert.equal(c.stdout, `${CSV_HEADER.join(',')}\r\n`);
	});
	test('--csv: RFC 4180, one row per figure, every field of the figure, amounts as plain numbers', () => {
		const r = ok(['funds', '--csv']);
		const records = parseCsv(r.stdout);
		assert.deepEqual(records[0], CSV_HEADER);
		const figures = stored.documents.flatMap(d => d.sections.flatMap(s => s.figures));
		assert.equal(records.length - 1, figures.length);
		const at = (name: string) => CSV_HEADER.indexOf(name);
		for (const rec of records.slice(1)) {
			assert.equal(rec.length, CSV_HEADER.length);
			assert.match(rec[at('value')]!, /^\d+(\.\d+)?$/, `value ${rec[at('value')]}`);
			assert.match(rec[at('yuan')]!, rec[at('currency')] === 'CNY' ? /^\d+(\.\d+)?$/ : /^$/);
			assert.match(rec[at('kind')]!, /^(?:funds|loan|income|economy|threshold|other)$/);
			assert.match(rec[at('part_of')]!, rec[at('role')] === 'part' ? /^\d*$/ : /^$/);
		}
		// 003: "402 million Yuan" is 402000000 yuan, up 6.15%.
		const row = records.find(rec => rec[at('document_id')] === 'jilin-2009' && rec[at('text')] === '402 million Yuan')!;
		assert.deepEqual([row[at('yuan')], row[at('change_percent')], row[at('role')]], ['402000000', '6.15', 'whole']);
	});
	test('--json and --csv together: usage error', () => {
		assertUsageError(runBinary(['funds', '--json', '--csv']));
	});
});

describe('search', () => {
	test('headings: region, year, heading and score per hit; a region in the query narrows it', () => {
		const r = ok(['search', 'jilin training']);
		const lines = r.stdout.trimEnd().split('\n');
		for (const line of lines) assert.match(line, /^Jilin (2009|2012)\s+\S.*\s+(0|1)\.\d\d$/, line);
		// 003: 【Poverty alleviation training】 is the best heading for "training" in Jilin.
		assert.match(lines[0]!, /^Jilin 2009\s+Poverty alleviation training\s+/);
	});
	test('--json: score 1 is a perfect match, hits best first', () => {
		const hits = json<Array<{documentId: string; region: string; year: number; sectionId: string; heading: string; score: number}>>([
			'search',
			'Poverty alleviation by relocation',
			'--json',
		]);
		assert.equal(hits[0]!.heading, 'Poverty alleviation by relocation');
		assert.ok(hits[0]!.score > 0.95 && hits[0]!.score <= 1);
		for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
		// 000 and 003 both have 【Poverty alleviation by relocation】.
		assert.ok(hits.some(h => h.documentId === 'liaoning-2009') && hits.some(h => h.documentId === 'jilin-2009'));
	});
	test('a year in the query narrows it; --limit caps the hits', () => {
		const hits = json<Array<{year: number}>>(['search', 'relocation 2009', '--json']);
		assert.ok(hits.length > 0 && hits.every(h => h.year === 2009));
		assert.equal(json<unknown[]>(['search', 'poverty', '--limit', '3', '--json']).length, 3);
	});
	test('--text: the matching sentence under its region, year and heading', () => {
		// 003, Poverty alleviation training: "Ten enterprises signed the collective order contracts and 1107 people signed the order agreements."
		const r = ok(['search', '--text', '1107 people']);
		assert.equal(
			r.stdout,
			'Jilin 2009  Poverty alleviation training\n  Ten enterprises signed the collective order contracts and 1107 people signed the order agreements.\n',
		);
		const hits = json<Array<{sentence: string; heading: string}>>(['search', '--text', 'rain plan', '--json', '--limit', '200']);
		assert.ok(hits.length > 5);
		for (const h of hits) assert.match(h.sentence, /\brain\b.*\bplan|\bplan\b.*\brain/i, h.sentence);
		assert.match(hits[0]!.sentence, /rain plan/i);
	});
	test('nothing matches: exit 1', () => {
		for (const args of [
			['search', 'zqxjvw'],
			['search', '--text', 'zqxjvw'],
			['search', 'zqxjvw', '--json'],
		]) {
			const r = runBinary(args);
			assert.equal(r.status, 1, args.join(' '));
			if (args.includes('--json')) assert.deepEqual(JSON.parse(r.stdout), []);
		}
	});
	test('--limit must be a positive whole number', () => {
		assertUsageError(runBinary(['search', 'x', '--limit', '0']));
		assertUsageError(runBinary(['search', 'x', '--limit', 'ten']));
	});
});

describe('export, ingest, completion', () => {
	test('export: the whole corpus as JSON, equal to the corpus file', () => {
		// More than runBinary's default 1 MB buffer.
		const r = spawnSync(process.execPath, [join(root, 'bin/pa-tui'), 'export'], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			env: {PATH: process.env['PATH'] ?? '', ...NO_USER_LIBRARY},
		});
		assert.equal(r.status, 0, r.stderr);
		assert.deepEqual(JSON.parse(r.stdout), stored);
	});
	test('ingest: the raw files make the committed corpus; a missing file is a one-line error', () => {
		const out = join(dir, 'ingested.json');
		const files = [
			'000_ce3b4c900936e79e.txt',
			'001_3ad18326bc42aa7d.txt',
			'002_97f44c48ffa5d22d.txt',
			'003_fd107518aca715a8.txt',
			'004_097464b77ca6da65.txt',
		].map(f => join(rawDir, f));
		const r = ok(['ingest', ...files, '--out', out]);
		assert.match(r.stderr, /33 reports/);
		assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), stored);
		assertUsageError(runBinary(['ingest', join(dir, 'nope.txt'), '--out', out]), /nope\.txt/);
		assertUsageError(runBinary(['ingest']));
	});
	for (const shell of ['bash', 'zsh', 'fish']) {
		test(`completion ${shell}: commands and region names`, () => {
			const r = ok(['completion', shell]);
			for (const word of ['show', 'funds', 'search', 'heilongjiang', 'inner-mongolia', 'xinjiang-production-and-construction-corps'])
				assert.ok(r.stdout.includes(word), word);
		});
	}
	test('completion bash is valid bash: regions after show, options, --sort values', () => {
		const script = ok(['completion', 'bash']).stdout;
		const complete = (words: string[]) => {
			const check = spawnSync(
				'bash',
				[
					'-c',
					`${script}\nCOMP_WORDS=(${words.map(w => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _pa_tui; echo "\${COMPREPLY[@]}"`,
				],
				{encoding: 'utf8'},
			);
			assert.equal(check.status, 0, check.stderr);
			return check.stdout.trim();
		};
		assert.equal(complete(['pa-tui', 'show', 'heil']), 'heilongjiang');
		assert.equal(complete(['pa-tui', 'sh']), 'show');
		assert.equal(complete(['pa-tui', 'funds', '--so']), '--sort');
		assert.equal(complete(['pa-tui', 'funds', '--kind', '']), 'funds loan income economy threshold other all');
		assert.equal(complete(['pa-tui', 'funds', '--sort', '']), 'amount order');
		assert.equal(complete(['pa-tui', 'completion', 'z']), 'zsh');
	});
	test('completion with an unknown shell: usage error', () => {
		assertUsageError(runBinary(['completion', 'tcsh']), /bash, zsh or fish/);
	});
});

describe('usage and corpus errors: exit 2, one line, no stack trace', () => {
	const cases: Array<[string, string[], Record<string, string>?]> = [
		['an unknown option', ['--bogus']],
		['an option the command does not take', ['list', '--year', '2009']],
		['an unknown command', ['frobnicate']],
		['a missing argument', ['show']],
		['an extra argument', ['list', 'extra']],
		['--year not a number', ['show', 'jilin', '--year', 'last']],
		['--year without a value', ['show', 'jilin', '--year']],
		['a missing corpus file', ['list', '--corpus', '/nonexistent/corpus.json']],
		['PA_TUI_CORPUS pointing nowhere', ['list'], {PA_TUI_CORPUS: '/nonexistent/corpus.json'}],
	];
	for (const [what, args, env] of cases) test(what, () => assertUsageError(runBinary(args, env)));
	test('a corpus that is not JSON, or not the schema', () => {
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, '{"schemaVersion": 2, "documents": [');
		assertUsageError(runBinary(['list', '--corpus', bad]), /bad\.json/);
		writeFileSync(bad, JSON.stringify({schemaVersion: 2, documents: [{id: 'x'}]}));
		assertUsageError(runBinary(['show', 'x', '--corpus', bad]), /documents\[0\]/);
	});
	test('--corpus wins over PA_TUI_CORPUS, which wins over the bundled corpus', () => {
		const r = ok(['list', '--json', ...T], {PA_TUI_CORPUS: '/nonexistent.json'});
		assert.equal((JSON.parse(r.stdout) as unknown[]).length, 2);
		assert.equal((JSON.parse(ok(['list', '--json'], {PA_TUI_CORPUS: trickyPath}).stdout) as unknown[]).length, 2);
	});
});

describe('a corpus holding quotes, commas, line breaks and an escape sequence', () => {
	test('funds --csv parses back to the stored fields', () => {
		const records = parseCsv(ok(['funds', '--csv', ...T]).stdout);
		assert.equal(records.length, 1 + 4);
		const [, first, second, third] = records;
		assert.deepEqual(first, [
			'Quoteland',
			'2010',
			'quoteland-2010',
			'01-funds-quotes-commas',
			'Funds, "quoted", and more',
			'0',
			'funds, "all of it"',
			'12.5 million yuan',
			'12500000',
			'CNY',
			'12500000',
			'funds',
			'',
			'actual',
			'whole',
			'',
			'',
			'up 5%, "a lot"',
			'',
			'',
			'The province put in 12.5 million yuan, "all of it", for roads.\nA second line',
		]);
		assert.deepEqual([second![7], second![8], second![17]], ['3,000 yuan', '3000', '']);
		// An escape sequence cannot be escaped in CSV: it is replaced by a visible mark.
		assert.ok(!third!.join('').includes(ESC));
		assert.match(third![6]!, /^red .*label$/);
	});
	test('funds, show, list, search --json parse back to the stored strings', () => {
		const doc = tricky.documents[0]!;
		const funds = json<Array<{label: string; change: string | null; sentence: string; section: string; title: string}>>([
			'funds',
			'--json',
			...T,
		]);
		assert.deepEqual(
			funds.map(f => f.label),
			doc.sections.flatMap(s => s.figures.map(f => f.label)),
		);
		assert.equal(funds[0]!.sentence, doc.sections[0]!.figures[0]!.sentence);
		assert.equal(funds[0]!.title, doc.title);
		const shown = json<Array<{document: {title: string; attribution: string}; sections: Corpus['documents'][0]['sections']}>>([
			'show',
			'quoteland',
			'--year',
			'2010',
			'--json',
			...T,
		]);
		assert.equal(shown[0]!.document.attribution, doc.attribution);
		assert.deepEqual(shown[0]!.sections, doc.sections);
		assert.equal(json<Array<{title: string}>>(['list', '--json', ...T])[0]!.title, doc.title);
		assert.equal(json<Array<{heading: string}>>(['search', 'funds quoted', '--json', ...T])[0]!.heading, doc.sections[0]!.heading);
		assert.deepEqual(json<Corpus>(['export', ...T]), tricky);
	});
	test('JSON output holds no raw escape byte even when the text does', () => {
		for (const args of [['export'], ['funds', '--json'], ['show', 'quoteland', '--year', '2010', '--json']]) {
			assert.ok(!ok([...args, ...T]).stdout.includes(ESC), args.join(' '));
		}
	});
	test('without --year the latest report only: a section of an older one is not found, and the note says where to look', () => {
		const overview = ok(['show', 'quoteland', ...T]);
		assert.match(overview.stdout, /^Poverty Alleviation in Quoteland \(2011\)/);
		assert.match(overview.stderr, /2010/);
		const r = runBinary(['show', 'quoteland', 'training', ...T]);
		assert.equal(r.status, 1);
		const [note, error, ...rest] = r.stderr.trimEnd().split('\n');
		assert.match(note!, /showing 2011.*2010/);
		assert.match(error!, /^pa-tui: no section .*training/);
		assert.equal(rest.length, 0);
		assert.match(ok(['show', 'quoteland', 'training', '--year', '2010', ...T]).stdout, /^Training 培训$/m);
	});
});

describe('piped output is plain text', () => {
	const commands = [
		['list'],
		['show', 'jilin'],
		['show', 'liaoning', '--year', '2009'],
		['funds'],
		['funds', 'jilin', '--year', '2009'],
		['search', 'training'],
		['search', '--text', 'rain plan'],
		['completion', 'bash'],
		['--help'],
	];
	for (const args of commands) {
		test(`${args.join(' ')}: no escape sequences`, () => {
			const r = ok(args);
			assert.ok(!r.stdout.includes(ESC) && !r.stderr.includes(ESC));
		});
	}
	test('the tricky corpus piped: no escape byte from the text either', () => {
		for (const args of [['list'], ['show', 'quoteland', '--year', '2010'], ['funds'], ['search', 'funds'], ['search', '--text', 'red']]) {
			const r = runBinary([...args, ...T]);
			assert.ok(!r.stdout.includes(ESC), `${args.join(' ')}: ${JSON.stringify(r.stdout)}`);
		}
	});
	test('paragraphs are not hard-wrapped: each raw paragraph is one line', () => {
		const r = ok(['show', 'jilin', 'investment', '--year', '2009']);
		// 003: the paragraph after 【Investment of anti-poverty funds】, whole, on one line.
		const line = raw(JILIN_2009)
			.split('\n')
			.find(l => l.includes('【Investment of anti-poverty funds】'))!;
		const paragraph = line.replace(/^.*【Investment of anti-poverty funds】\s*/, '').trim();
		assert.ok(paragraph.length > 200);
		assert.ok(r.stdout.split('\n').includes(paragraph), 'the paragraph is one line');
	});
});
