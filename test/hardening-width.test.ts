// Wide and combining characters (CJK, emoji) keep tables aligned: columns are measured in
// terminal cells (string-width), not in UTF-16 code units. Run in a pseudo-terminal so the
// output is the terminal path: coloured, cut to the width of the terminal.

import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {type Corpus, corpusSchema, type Figure} from '../source/corpus/schema.ts';
import {runBinary} from './helpers/corpus.ts';
import {figureOf, reportOf} from './helpers/figure.ts';
import {runInPty} from './helpers/pty.ts';

function figure(yuan: number, label: string, change: string | null = null): Figure {
	return figureOf({text: `${yuan / 1e6} million yuan`, yuan, sentence: `Funds of ${yuan / 1e6} million yuan.`, label, change});
}

const wide: Corpus = {
	schemaVersion: 2,
	documents: [
		reportOf(
			'广西',
			2012,
			[
				{
					heading: '扶贫开发投入 Investment of Anti-poverty Funds',
					figures: [figure(1_234_560_000, '财政扶贫资金', 'up 6.15%'), figure(5_000, '每户补助 subsidy per household')],
				},
				{heading: 'Training 培训', figures: [figure(12_000_000, 'training funds 🎓', '増加 12%')]},
			],
			'guangxi-2012',
		),
		reportOf(
			'新疆生产建设兵团',
			2010,
			[
				{
					heading: 'Overview 概况 👨‍👩‍👧‍👦',
					figures: [figure(847_070_000, 'family 👨‍👩‍👧‍👦 funds ❤️ with emoji', null), figure(3_300_000, 'café résumé naïve', 'up 1%')],
				},
			],
			'xinjiang-corps-2010',
		),
		reportOf('Jilin', 2009, [
			{
				heading: 'Investment',
				figures: [
					figure(100_000_000, 'anti-poverty funds', 'up 2.9%'),
					figure(999_999_999_999, 'a very long label with many words to be cut somewhere in the middle', 'down 3%'),
				],
			},
			{heading: '', figures: [figure(1, 'amount')]},
		]),
		reportOf(
			'🐼 Panda',
			2011,
			[{heading: '全角テキスト　ＡＢＣ', figures: [figure(42_000_000, 'ＡＢＣ full-width 全角', 'up 100%')]}],
			'emoji-2011',
		),
	],
};
corpusSchema.parse(wide);

const dir = mkdtempSync(join(tmpdir(), 'pa-tui-wide-'));
const corpusPath = join(dir, 'corpus.json');
writeFileSync(corpusPath, JSON.stringify(wide));
test.after(() => rmSync(dir, {recursive: true, force: true}));

async function outputInPty(args: string[], columns: number): Promise<string> {
	const {exitCode, output} = await runInPty(args, {columns, rows: 50});
	if (exitCode !== 0) throw new Error(`exit ${exitCode}: ${output}`);
	return output;
}

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

interface Cell {
	text: string;
	/** First display column (0-based) and width in cells. */
	col: number;
	width: number;
}

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** A line as graphemes placed on display columns. */
function cellsOf(line: string): Cell[] {
	const cells: Cell[] = [];
	let col = 0;
	for (const {segment} of segmenter.segment(line)) {
		const width = stringWidth(segment);
		cells.push({text: segment, col, width});
		col += width;
	}
	return cells;
}

/** The display column where `needle` starts in `line`. */
function startColumn(line: string, needle: string): number {
	const at = line.indexOf(needle);
	assert.ok(at >= 0, `"${needle}" in ${JSON.stringify(line)}`);
	return stringWidth(line.slice(0, at));
}

/** The text covering display columns [from, to) of a line; undefined when a wide character straddles either edge. */
function columns(line: string, from: number, to: number): string | undefined {
	const cells = cellsOf(line);
	const inside = cells.filter(c => c.col + c.width > from && c.col < to);
	if (inside.some(c => c.col < from || (c.col + c.width > to && c.width > 0))) return undefined;
	return inside.map(c => c.text).join('');
}

/** The grapheme starting at display column `col`; undefined when `col` is inside a wide character or past the end. */
function graphemeAt(line: string, col: number): string | undefined {
	return cellsOf(line).find(c => c.col === col && c.width > 0)?.text;
}

const HEADERS = ['MILLION YUAN', 'LABEL', 'CHANGE', 'SECTION'];

/**
 * Check one table: every left-aligned column's cells start exactly at its header's column (no
 * wide character straddles the edge, a gap before it), and the amounts stay in their column
 * under "MILLION YUAN", right-aligned or aligned on their decimal points.
 */
function assertAligned(lines: string[]): void {
	const headerIndex = lines.findIndex(l => l.includes('MILLION YUAN'));
	assert.ok(headerIndex >= 0, lines.join('\n'));
	const header = lines[headerIndex]!;
	const rows = lines.slice(headerIndex + 1).filter(l => /\d/.test(l) && !l.includes('MILLION YUAN'));
	assert.ok(rows.length > 0);
	const amountStart = startColumn(header, 'MILLION YUAN');
	const amountEnd = amountStart + 'MILLION YUAN'.length;
	const starts = HEADERS.slice(1).map(h => startColumn(header, h));
	const decimalColumns = new Set<number>();
	const endColumns = new Set<number>();
	for (const row of rows) {
		// Up to the end of the amount column, cut on cell boundaries.
		const upToAmount = columns(row, 0, amountEnd);
		assert.ok(upToAmount !== undefined, `no wide character across the amount column's edge: ${row}`);
		const amount = /(\d[\d,]*(?:\.\d+)?)\s*$/.exec(upToAmount);
		assert.ok(amount, `an amount ends within the amount column: ${row}`);
		const digitsEnd = upToAmount.trimEnd();
		endColumns.add(stringWidth(digitsEnd));
		const dot = digitsEnd.lastIndexOf('.');
		decimalColumns.add(dot > digitsEnd.length - amount[1]!.length ? stringWidth(digitsEnd.slice(0, dot)) : stringWidth(digitsEnd));
		assert.equal(graphemeAt(row, amountEnd), ' ', `the amount stays in its column: ${row}`);
		for (const start of starts) {
			if (stringWidth(row) <= start) continue; // trailing empty cells are trimmed
			assert.equal(graphemeAt(row, start - 1), ' ', `a gap just before column ${start}, no wide character across it: ${row}`);
		}
		// The label is never empty: it starts exactly at its column.
		assert.match(graphemeAt(row, starts[0]!) ?? '', /\S/, `label at column ${starts[0]}: ${row}`);
	}
	// Right-aligned (every amount ends on the header's last column) or aligned on the decimal point.
	const rightAligned = endColumns.size === 1 && endColumns.has(amountEnd);
	assert.ok(
		rightAligned || decimalColumns.size === 1,
		`amounts right-aligned or decimal points on one column:\n${[header, ...rows].join('\n')}`,
	);
}

function tableLines(output: string): string[] {
	return plain(output)
		.replace(/\r\n/g, '\n')
		.split('\n')
		.filter(l => l !== '');
}

for (const cols of [60, 80, 100, 160]) {
	test(`funds in a ${cols}-column terminal: columns line up in cells, amounts under their header`, async () => {
		const lines = tableLines(await outputInPty(['funds', '--corpus', corpusPath], cols));
		assertAligned(lines);
		const rows = lines.filter(l => /\d/.test(l) && !l.includes('MILLION YUAN'));
		assert.equal(
			rows.length,
			wide.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.figures.length, 0), 0),
		);
	});
}

for (const cols of [60, 80]) {
	test(`funds in a ${cols}-column terminal: no row is wider than the terminal (it would wrap)`, async () => {
		for (const line of tableLines(await outputInPty(['funds', '--corpus', corpusPath], cols))) {
			assert.ok(stringWidth(line) <= cols, `${stringWidth(line)} cells: ${line}`);
		}
	});
}

test('funds for one region with wide labels (80 columns): aligned', async () => {
	assertAligned(tableLines(await outputInPty(['funds', 'jilin', '--corpus', corpusPath], 80)));
});

test('funds piped: not cut, and still aligned in cells', () => {
	const r = runBinary(['funds', '--corpus', corpusPath]);
	assert.equal(r.status, 0, r.stderr);
	assertAligned(tableLines(r.stdout));
	assert.ok(r.stdout.includes('a very long label with many words to be cut somewhere in the middle'), 'piped output is never cut');
});

test('search with wide region names: headings start at one column', async () => {
	const lines = plain(await outputInPty(['search', 'investment', '--corpus', corpusPath], 100))
		.replace(/\r\n/g, '\n')
		.split('\n')
		.filter(l => l !== '');
	const regions = wide.documents.map(d => `${d.region} ${d.year}`);
	const starts = lines.map(line => {
		const region = regions.find(r => line.startsWith(r));
		assert.ok(region, line);
		const rest = line.slice(region.length);
		return stringWidth(region) + (rest.length - rest.trimStart().length);
	});
	assert.ok(starts.length > 1);
	assert.equal(new Set(starts).size, 1, lines.join('\n'));
});

test('list with wide region names: the YEAR column lines up', () => {
	const r = runBinary(['list', '--corpus', corpusPath]);
	const lines = r.stdout.split('\n').filter(l => l !== '');
	const yearStart = startColumn(lines[0]!, 'YEAR');
	for (const line of lines.slice(1)) assert.match(columns(line, yearStart, yearStart + 4) ?? '', /^(19|20)\d\d$/, line);
});
