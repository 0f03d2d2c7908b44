// `pa-tui compare` through the real binary, piped. The expected rows are worked out by reading the
// yearbook text (data/raw/002 for 2012, 003 for Jilin 2009), not copied from the program: which
// amounts stand on their own, which are parts ("of which …") or plans, and what they add up to.
// Run `npm run build` first (npm test does).

import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {COMPARE_CSV_COLUMNS, type CompareJsonRow} from '../source/commands/compare.ts';
import {type Corpus, corpusSchema} from '../source/corpus/schema.ts';
import {runJson as json, runOk as ok, type RunResult, runBinary} from './helpers/corpus.ts';
import {parseCsv} from './helpers/csv.ts';
import {figureOf, reportOf} from './helpers/figure.ts';

const M = 1e6;

function oneLine(r: RunResult, status: number, pattern: RegExp): void {
	assert.equal(r.status, status, r.stderr);
	const lines = r.stderr.split('\n').filter(Boolean);
	assert.equal(lines.length, 1, r.stderr);
	assert.match(lines[0]!, pattern);
	assert.doesNotMatch(r.stderr, /\n\s+at |Error:/);
}
const byId = (rows: CompareJsonRow[], id: string) => rows.find(r => r.documentId === id);

describe('relocation funds in 2012', () => {
	const rows = json<CompareJsonRow[]>(['compare', 'relocation', '--year', '2012', '--json']);

	test('Fujian first: 7.013 billion put in, with the subsidy and the 100 million of the year; not the "of which" parts', () => {
		// 002, Fujian, Poverty Alleviation by Relocation: "actually put in 7.013 billion yuan, of which
		// 1.588 billion yuan was financial funds … and 4.667 billion yuan was raised by the masses" (parts),
		// "issued work-for-relief subsidy of one million yuan and put in a total of 100 million yuan in the whole year".
		const first = rows[0]!;
		assert.equal(first.documentId, 'fujian-2012');
		assert.equal(first.yuan, (7013 + 1 + 100) * M);
		assert.equal(first.figures, 3);
		assert.deepEqual(first.largest, {label: first.largest.label, yuan: 7013 * M, sectionId: first.largest.sectionId, index: 0});
		assert.match(first.largest.sectionId, /relocation/);
	});

	test('Inner Mongolia: 1.015 billion put in and 960 million for house building, not the 300 million of which', () => {
		// "1.015 billion yuan was put in, of which 300 million yuan was Inner Mongolia financial anti-poverty
		// funds; … invested a total of 960 million yuan for the house building of 557,000 square meters"
		assert.equal(byId(rows, 'inner-mongolia-2012')!.yuan, (1015 + 960) * M);
		assert.equal(rows[1]!.documentId, 'inner-mongolia-2012');
	});

	test('Guizhou: the 1.811 billion spent in 2012, not the nine-year plan of 24 billion (unless --planned)', () => {
		// "decided to spend nine years and invest 24 billion yuan to relocate 2 million people …
		// In 2012, the province put in 1.811 billion yuan …, of which 320 million yuan was financial relief funds"
		assert.equal(byId(rows, 'guizhou-2012')!.yuan, 1811 * M);
		const planned = json<CompareJsonRow[]>(['compare', 'relocation', '--year', '2012', '--planned', '--json']);
		assert.equal(planned[0]!.documentId, 'guizhou-2012');
		assert.equal(planned[0]!.yuan, (24_000 + 1811) * M);
	});

	test('Yunnan: 180 and 280 million issued; the 1.57 billion "planned to be put in" and its parts left out', () => {
		// "issued 180 million yuan of financial anti-poverty funds for the relocation of 36,000 people";
		// "280 million yuan of central and provincial financial anti-poverty funds was issued";
		// "A total of 1.57 billion yuan is planned to be put in, including 280 million yuan …, 186 million … and 1.1 billion …"
		assert.equal(byId(rows, 'yunnan-2012')!.yuan, (180 + 280) * M);
	});

	test('largest first; shares of the sum over all rows; every report of 2012', () => {
		const amounts = rows.map(r => r.yuan!);
		assert.deepEqual(
			amounts,
			[...amounts].sort((a, b) => b - a),
		);
		const sum = amounts.reduce((a, b) => a + b, 0);
		for (const r of rows) assert.ok(Math.abs(r.share! - r.yuan! / sum) < 1e-12);
		assert.ok(rows.every(r => r.year === 2012 && r.perUnit === undefined && r.per === undefined));
	});

	test('text: a title saying what is compared, aligned columns, bars shrinking with the totals; the left out on stderr', () => {
		const r = ok(['compare', 'relocation', '--year', '2012']);
		const lines = r.stdout.trimEnd().split('\n');
		assert.match(lines[0]!, /^funds · actual · matching "relocation" · 2012 · 12 reports · total [\d,]+\.\d\d$/);
		assert.equal(lines.length, 3 + rows.length);
		assert.match(lines[2]!, /^REPORT\s+MILLION YUAN\s+FIGURES\s+SHARE\s+LARGEST FIGURE$/);
		const share = `${((rows[0]!.share ?? 0) * 100).toFixed(1)}%`;
		assert.match(lines[3]!, new RegExp(`^Fujian 2012\\s+7,114\\.00\\s+3\\s+${share.replace('.', '\\.')}\\s+█{20}\\s+funds put in$`));
		// Decimal points in one column; each bar no longer than the one above.
		const body = lines.slice(3);
		const dots = body.map(l => l.indexOf('.'));
		assert.ok(
			dots.every(d => d === dots[0]),
			body.join('\n'),
		);
		const bars = body.map(l => /[█▏▎▍▌▋▊▉]+/.exec(l)![0]);
		const length = (b: string) => (b.match(/█/g)?.length ?? 0) * 8 + '▏▎▍▌▋▊▉'.indexOf(b.at(-1)!) + 1;
		for (let i = 1; i < bars.length; i++) assert.ok(length(bars[i]!) <= length(bars[i - 1]!), `${bars[i - 1]} then ${bars[i]}`);
		// Two plans left out: Guizhou's 24 billion over nine years, Yunnan's 1.57 billion planned.
		assert.match(r.stderr, /^left out: \d+ parts and changes \(counted in their whole\)$/m);
		assert.match(r.stderr, /^left out: 2 planned amounts \(--planned adds them\)$/m);
		assert.doesNotMatch(r.stdout, /\x1b/, 'piped: no escape sequences');
	});

	test('without a UTF-8 locale the bar is made of #', () => {
		const lines = ok(['compare', 'relocation', '--year', '2012'], {LANG: 'C'}).stdout.split('\n');
		assert.match(lines[0]!, /^funds - actual - matching/);
		assert.match(lines[3]!, /^Fujian 2012\s+7,114\.00\s+3\s+[\d.]+%\s+#{20}\s+funds put in$/);
		assert.doesNotMatch(lines.join('\n'), /[█▏▎▍▌▋▊▉·]/);
	});

	test('--csv: the documented header, one record per row, the numbers of --json', () => {
		const records = parseCsv(ok(['compare', 'relocation', '--year', '2012', '--csv']).stdout);
		assert.deepEqual(records[0], [...COMPARE_CSV_COLUMNS.total]);
		assert.equal(records.length, 1 + rows.length);
		const fujian = Object.fromEntries(records[0]!.map((name, i) => [name, records[1]![i]]));
		assert.deepEqual(
			[fujian['region'], fujian['year'], fujian['document_id'], fujian['yuan'], fujian['figures'], fujian['largest_yuan']],
			['Fujian', '2012', 'fujian-2012', String(7114 * M), '3', String(7013 * M)],
		);
		assert.equal(Number(fujian['share']), rows[0]!.share);
	});

	test('--by region: A–Z; --by year keeps every report of a one-year comparison below', () => {
		const region = json<CompareJsonRow[]>(['compare', 'relocation', '--year', '2012', '--by', 'region', '--json']);
		assert.deepEqual(
			region.map(r => r.region),
			rows.map(r => r.region).sort(),
		);
		const matrix = json<{years: number[]; rows: unknown[]; single: CompareJsonRow[]}>([
			'compare',
			'relocation',
			'--year',
			'2012',
			'--by',
			'year',
			'--json',
		]);
		assert.deepEqual([matrix.years, matrix.rows], [[], []]);
		assert.deepEqual(
			matrix.single.map(r => r.documentId),
			rows.map(r => r.documentId),
		);
	});
});

describe("Jilin's anti-poverty funds, 2009 and 2012 side by side", () => {
	// 003 (Jilin 2009), Investment of anti-poverty funds: "put in 402 million Yuan of anti-poverty funds,
	// up 6.15%, of which 264 million … 28 million … 1.28 million" (parts); Village-level pilot mutual funds:
	// "invested 7.5 million Yuan of anti-poverty funds". → 409.5 million.
	// 002 (Jilin 2012), Investment of Anti-poverty Funds: "put in a total of 680 million yuan of relief funds,
	// of which 570 million … and 107 million" (parts); Development of Contiguous Poor Areas: "invested financial
	// anti-poverty funds of 63.5 million yuan"; Entire Village Advancement: "all kinds of funds of 996 million
	// yuan, of which 329 million yuan was financial anti-poverty funds" (a part, of a whole that is not
	// anti-poverty funds: not added). → 743.5 million.
	const JILIN = {2009: 409.5 * M, 2012: 743.5 * M};

	test('--json: the matrix row, Δ and %', () => {
		const m = json<{
			years: number[];
			rows: Array<{region: string; totals: Record<string, number>; delta: number | null; percent: number | null}>;
			single: CompareJsonRow[];
		}>(['compare', 'anti-poverty funds', '--by', 'year', '--json']);
		assert.deepEqual(m.years, [2009, 2012]);
		const jilin = m.rows.find(r => r.region === 'Jilin')!;
		assert.deepEqual(jilin.totals, {2009: JILIN[2009], 2012: JILIN[2012]});
		assert.equal(jilin.delta, JILIN[2012] - JILIN[2009]);
		assert.ok(Math.abs(jilin.percent! - ((743.5 - 409.5) / 409.5) * 100) < 1e-9);
		// The bundled corpus has 2009 reports of Liaoning, Jilin and Heilongjiang only: those are the
		// matrix; every other region that matched is listed below it, none dropped.
		assert.deepEqual(m.rows.map(r => r.region).sort(), ['Heilongjiang', 'Jilin', 'Liaoning']);
		const plain = json<CompareJsonRow[]>(['compare', 'anti-poverty funds', '--json']);
		const others = [...new Set(plain.map(r => r.region))].filter(r => !['Heilongjiang', 'Jilin', 'Liaoning'].includes(r));
		assert.deepEqual(m.single.map(r => r.region).sort(), others.sort());
		assert.ok(m.single.every(r => r.year === 2012));
	});

	test('text: regions × years, then Δ and %; the one-year regions below', () => {
		const out = ok(['compare', 'anti-poverty funds', '--by', 'year']).stdout;
		const lines = out.split('\n');
		assert.match(lines[0]!, /^funds · actual · matching "anti-poverty funds" · \d+ reports · total [\d,.]+ · by year$/);
		assert.match(lines[2]!, /^REGION\s+2009\s+2012\s+Δ\s+%$/);
		assert.match(out, /^Jilin\s+409\.50\s+743\.50\s+\+334\.00\s+\+81\.56%$/m);
		assert.match(out, /^One year only \(\d+ regions\):$/m);
		assert.match(out, /^Hebei 2012\s+[\d,]+\.\d\d\s+\d+\s+[\d.<]+%\s+[█▏▎▍▌▋▊▉]+\s+\S/m);
	});

	test('--by year --csv: a column per year, delta and percent; one-year regions with one cell', () => {
		const records = parseCsv(ok(['compare', 'anti-poverty funds', '--by', 'year', '--csv']).stdout);
		assert.deepEqual(records[0], ['region', '2009', '2012', 'delta', 'percent']);
		const jilin = records.find(r => r[0] === 'Jilin')!;
		assert.deepEqual(jilin.slice(0, 4), ['Jilin', String(JILIN[2009]), String(JILIN[2012]), String(JILIN[2012] - JILIN[2009])]);
		const hebei = records.find(r => r[0] === 'Hebei')!;
		assert.deepEqual([hebei[1], hebei[3], hebei[4]], ['', '', '']);
		assert.ok(Number(hebei[2]) > 0);
	});
});

describe('per person: Rain Plan subsidies', () => {
	// 002, the Rain Plan sections: Hebei "1500 yuan per person per academic year"; Inner Mongolia
	// "learning subsidy of 1500 yuan per person"; Hubei "50 million yuan of Rain Plan subsidies were
	// allocated, 1,000 yuan per person"; Shandong "500 yuan of subsidy was issued to each transferred person".
	test('--per --json: one row per report and unit, largest first, never summed with the totals', () => {
		const rows = json<CompareJsonRow[]>(['compare', 'rain plan', '--per', '--json']);
		assert.deepEqual(
			rows.map(r => [r.region, r.perUnit, r.per]),
			[
				['Hebei', 1500, 'person'],
				['Inner Mongolia', 1500, 'person'],
				['Hubei', 1000, 'person'],
				['Shandong', 500, 'person'],
			],
		);
		assert.ok(rows.every(r => r.yuan === undefined && r.share === null));
		// Hubei's 50 million is a total: in the totals, not among the amounts per person.
		const totals = json<CompareJsonRow[]>(['compare', 'rain plan', '--json']);
		assert.equal(byId(totals, 'hubei-2012')!.yuan, 50 * M);
		assert.ok(
			totals.every(r => r.yuan! >= M),
			'no amount per person in a total',
		);
	});

	test('text: "per person" in the title, the amount in yuan per person', () => {
		const r = ok(['compare', 'rain plan', '--per']);
		const lines = r.stdout.split('\n');
		assert.match(lines[0]!, /^funds per person · actual · matching "rain plan" · 4 reports$/);
		assert.match(lines[2]!, /^REPORT\s+YUAN \/PERSON\s+FIGURES\s+LARGEST FIGURE$/);
		assert.match(lines[3]!, /^Hebei 2012\s+1,500\s+1\s+█{20}\s+subsidies$/);
		assert.match(lines[6]!, /^Shandong 2012\s+500\s+1\s+█{6}▋\s+subsidy$/);
		assert.match(r.stderr, /^left out: \d+ totals \(compared without --per\)$/m);
	});

	test('--per --csv: per_unit and per columns', () => {
		const records = parseCsv(ok(['compare', 'rain plan', '--per', '--csv']).stdout);
		assert.deepEqual(records[0], [...COMPARE_CSV_COLUMNS.per]);
		assert.deepEqual(records[3]!.slice(0, 6), ['Hubei', '2012', 'hubei-2012', records[3]![3], '1000', 'person']);
	});
});

describe('what is not added', () => {
	test('dollars are never yuan: Shanxi 2012 has 212 million yuan, not its $ 19,727,500', () => {
		// 002, Shanxi, Foreign-funded Poverty Alleviation: "completed withdrawal reimbursement of
		// $ 19,727,500 and project investment of 212 million yuan".
		const r = ok(['compare', 'foreign-funded', '--json']);
		assert.equal(byId(JSON.parse(r.stdout) as CompareJsonRow[], 'shanxi-2012')!.yuan, 212 * M);
		assert.match(r.stderr, /^left out: 1 amount in another currency \(no exchange rate\)$/m);
		oneLine(runBinary(['compare', 'withdrawal']), 1, /^pa-tui: no actual funds match "withdrawal"; left out: 1 amount in another currency/);
	});

	test('--kind: another kind of money; a GDP is not a fund', () => {
		oneLine(runBinary(['compare', 'GDP']), 1, /^pa-tui: no actual funds match "GDP"$/);
		const economy = json<CompareJsonRow[]>(['compare', 'GDP', '--kind', 'economy', '--json']);
		assert.ok(economy.length > 0 && economy.every(r => r.yuan! > 0));
	});
});

describe('errors', () => {
	test('no match: exit 1, one line, nothing on stdout', () => {
		const r = runBinary(['compare', 'zqxjvw']);
		oneLine(r, 1, /^pa-tui: no actual funds match "zqxjvw"$/);
		assert.equal(r.stdout, '');
		oneLine(runBinary(['compare', 'relocation', '--year', '1999']), 1, /^pa-tui: no actual funds in 1999 match "relocation"$/);
		const j = runBinary(['compare', 'zqxjvw', '--json']);
		assert.equal(j.status, 1);
		assert.deepEqual(JSON.parse(j.stdout), []);
	});

	test('usage errors: exit 2, one line', () => {
		for (const [args, pattern] of [
			[['compare'], /missing argument/],
			[['compare', ''], /the query "" has no word to look for/],
			[['compare', '   '], /has no word to look for/],
			[['compare', '(*)'], /has no word to look for/],
			[['compare', 'relocation', '--by', 'size'], /--by takes region or year/],
			[['compare', 'relocation', '--kind', 'gold'], /--kind takes funds, loan/],
			[['compare', 'relocation', '--per', '--by', 'year'], /--by year sets totals side by side/],
			[['compare', 'relocation', '--json', '--csv'], /choose one of --json and --csv/],
			[['compare', 'relocation', '--match', 'x'], /compare does not take --match/],
			[['funds', '--per'], /funds does not take --per/],
		] as Array<[string[], RegExp]>) {
			const r = runBinary(args);
			oneLine(r, 2, pattern);
			assert.equal(r.stdout, '', args.join(' '));
		}
	});
});

describe('a corpus with control characters', () => {
	const dir = mkdtempSync(join(tmpdir(), 'pa-tui-compare-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	const label = 'relocation \x1b[31mfunds\x1b]52;c;aGk=\x07';
	const corpus: Corpus = {
		schemaVersion: 2,
		documents: [
			reportOf('Ruritania', 2012, [
				{
					id: '01-relocation',
					heading: 'Relocation',
					figures: [figureOf({text: '5 million yuan', yuan: 5 * M, sentence: `${label} of 5 million yuan.`, label, change: null})],
				},
			]),
		],
	};
	corpusSchema.parse(corpus);
	const path = join(dir, 'corpus.json');
	writeFileSync(path, JSON.stringify(corpus));

	test('text and CSV carry no escape sequence; JSON escapes them', () => {
		for (const format of [[], ['--csv'], ['--by', 'year']]) {
			const r = ok(['--corpus', path, 'compare', 'relocation', ...format]);
			assert.doesNotMatch(r.stdout, /[\x1b\x07]/, format.join(' '));
			assert.match(r.stdout, /relocation ␦funds␦/);
		}
		const j = ok(['--corpus', path, 'compare', 'relocation', '--json']);
		assert.doesNotMatch(j.stdout, /[\x1b\x07]/);
		assert.equal((JSON.parse(j.stdout) as CompareJsonRow[])[0]!.largest.label, label);
	});
});
