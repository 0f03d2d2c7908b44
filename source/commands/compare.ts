// `pa-tui compare <query> [--kind K] [--year N] [--planned] [--per] [--by region|year]
//  [--json | --csv]`: one kind of money across every report, the rows of the explorer's Compare
// view (search/compare.ts) as a table, JSON or CSV.

import type {FigureRow} from '../corpus/figures.ts';
import type {Model} from '../corpus/model.ts';
import {sanitizeLine, terminalSafeJson} from '../corpus/sanitize.ts';
import type {FigureKind} from '../corpus/schema.ts';
import {figureKinds} from '../corpus/vocabulary.ts';
import {bar} from '../format/bar.ts';
import {type Column, fitWidths, naturalWidths} from '../format/columns.ts';
import {csvText} from '../format/csv.ts';
import {unicodeLocale} from '../format/locale.ts';
import {alignDecimals, formatChangePercent, formatMillions, formatShare, formatUnits, MONEY_UNIT} from '../format/money.ts';
import {reportNames} from '../format/report-name.ts';
import {style} from '../format/style.ts';
import {pad, truncate} from '../format/text.ts';
import {
	type CompareBy,
	type CompareRow,
	type Comparison,
	compareFigures,
	type Excluded,
	sortRows,
	type YearMatrix,
	yearMatrix,
} from '../search/compare.ts';
import {EXIT, type LoadedCorpus, type Output, UsageError} from './context.ts';

export interface CompareCommandOptions {
	query: string;
	/** Default ['funds']. */
	kinds: FigureKind[];
	year: number | undefined;
	planned: boolean;
	perUnit: boolean;
	by: CompareBy;
	format: 'text' | 'json' | 'csv';
}

/** `--by`: the order of the rows, or (year) the regions × years matrix. */
export function parseBy(value: string | undefined): CompareBy {
	if (value === undefined) return 'total';
	const by = value.toLowerCase();
	if (by !== 'total' && by !== 'region' && by !== 'year')
		throw new UsageError(`--by takes region or year (total is the default), not "${value}"`);
	return by;
}

function comparison(model: Model, options: CompareCommandOptions): Comparison {
	const c = compareFigures(model.corpus.documents, {
		query: options.query,
		kinds: options.kinds,
		planned: options.planned,
		perUnit: options.perUnit,
		year: options.year,
	});
	return options.by === 'total' ? c : {...c, rows: sortRows(c.rows, options.by)};
}

// --- Words ----------------------------------------------------------------------------------

/** The characters of the text table beyond ASCII, and what they become without a UTF-8 locale. */
function glyphs(unicode: boolean) {
	return unicode ? {dot: '·', none: '—', delta: 'Δ', minus: '−'} : {dot: '-', none: '-', delta: 'change', minus: '-'};
}

/** "funds per person, per household" / "funds, loan". */
function whatWords(options: CompareCommandOptions, c: Comparison): string {
	const kinds = options.kinds.length === figureKinds.length ? 'money figures' : options.kinds.join(', ');
	if (c.mode !== 'per') return kinds;
	const units = c.units.length > 0 ? c.units : ['unit'];
	return `${kinds} ${units.map(u => `per ${u}`).join(', ')}`;
}

/** The title: what is compared, over what, how many reports. */
function titleLine(options: CompareCommandOptions, c: Comparison, dot: string, extra: string[] = []): string {
	const reports = new Set(c.rows.map(r => r.documentId)).size;
	return [
		whatWords(options, c),
		options.planned ? 'actual and planned' : 'actual',
		`matching "${sanitizeLine(options.query)}"`,
		...(options.year === undefined ? [] : [String(options.year)]),
		`${reports} report${reports === 1 ? '' : 's'}`,
		...(c.mode === 'total' && c.rows.length > 0 ? [`total ${formatMillions(c.total)}`] : []),
		...extra,
	].join(` ${dot} `);
}

/** What was left out and why, one reason each, for notes on stderr (short enough for a narrow terminal). */
export function excludedReasons(excluded: Excluded, mode: Comparison['mode']): string[] {
	const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
	return [
		excluded.partsAndChanges > 0 ? `${n(excluded.partsAndChanges, 'part or change', 'parts and changes')} (counted in their whole)` : '',
		excluded.otherCurrency > 0 ? `${n(excluded.otherCurrency, 'amount', 'amounts')} in another currency (no exchange rate)` : '',
		excluded.planned > 0 ? `${n(excluded.planned, 'planned amount', 'planned amounts')} (--planned adds them)` : '',
		excluded.otherMode === 0
			? ''
			: mode === 'total'
				? `${n(excluded.otherMode, 'per-unit amount', 'per-unit amounts')} (--per compares them)`
				: `${n(excluded.otherMode, 'total', 'totals')} (compared without --per)`,
	].filter(Boolean);
}

function noMatchLine(options: CompareCommandOptions, c: Comparison): string {
	const what = `${options.planned ? '' : 'actual '}${whatWords(options, c)}`;
	const year = options.year === undefined ? '' : ` in ${options.year}`;
	const left = excludedReasons(c.excluded, c.mode);
	return `pa-tui: no ${what}${year} match "${sanitizeLine(options.query)}"${left.length === 0 ? '' : `; left out: ${left.join(', ')}`}`;
}

// --- Text -----------------------------------------------------------------------------------

const GAP = 2;
/** The bar's cells when nothing limits it (piped), and the range it takes in a terminal. */
const BAR_CELLS = 20;
const BAR_LEAST = 3;
const BAR_MOST = 24;
/** The most the bar takes from labels that are cut. */
const BAR_SQUEEZED = 10;
/** The label's cells a terminal keeps before the bar takes any. */
const LABEL_KEPT = 18;

interface Table {
	columns: Column[];
	/** Painted cells: which columns are amounts and which the bar. */
	money: number;
	bar: number | undefined;
}

/** Lines of an aligned table, fitted to the terminal (cut with an ellipsis) or, piped, whole. */
function renderTable(table: Table, output: Output): string[] {
	const s = style(output.color);
	const widths = fitWidths(table.columns, output.isTerminal ? Math.max(40, output.columns) : Infinity, GAP);
	const line = (cells: string[], paint: (text: string, column: number) => string) =>
		cells
			.map((cell, i) => paint(pad(truncate(cell, widths[i]!), widths[i]!, table.columns[i]!.align), i))
			.join(' '.repeat(GAP))
			.trimEnd();
	const rows = table.columns[0]!.cells.length;
	return [
		s.bold(
			line(
				table.columns.map(c => c.header),
				text => text,
			),
		),
		...Array.from({length: rows}, (_, i) =>
			line(
				table.columns.map(c => c.cells[i]!),
				(text, column) => (column === table.money ? s.money(text) : column === table.bar ? s.bar(text) : text),
			),
		),
	];
}

/**
 * The bar's cells. Piped, a fixed length. In a terminal the labels come first: the bar takes what
 * the other columns leave at their natural width (up to BAR_MOST); when that is too little, the
 * labels are cut down to LABEL_KEPT cells for a short bar; on a terminal too narrow even for that,
 * no bar (the report and the amounts matter more).
 */
function barCells(others: Column[], label: Column, output: Output): number {
	if (!output.isTerminal) return BAR_CELLS;
	const [labelWidth] = naturalWidths([label]);
	const room = Math.max(40, output.columns) - naturalWidths(others).reduce((a, b) => a + b, 0) - GAP * (others.length + 1);
	const spare = room - labelWidth!;
	if (spare >= BAR_LEAST) return Math.min(BAR_MOST, spare);
	const squeezed = room - Math.min(labelWidth!, LABEL_KEPT);
	return squeezed >= BAR_LEAST ? Math.min(BAR_SQUEEZED, squeezed) : 0;
}

/**
 * One table of rows: report, amount (million yuan; yuan for per-unit amounts), figures, share
 * (totals), the bar scaled to the table's largest amount, the largest figure's label.
 */
function rowsTable(rows: readonly CompareRow[], output: Output, names: Map<string, string>): string[] {
	const per = rows[0]?.per ?? null;
	const amounts = alignDecimals(rows.map(r => (per === null ? formatMillions(r.yuan) : formatUnits(r.yuan))));
	const before: Column[] = [
		{header: 'REPORT', cells: rows.map(r => names.get(r.documentId)!), align: 'left', min: 12},
		{header: per === null ? MONEY_UNIT.toUpperCase() : `YUAN /${per.toUpperCase()}`, cells: amounts, align: 'right', fixed: true, min: 0},
		{header: 'FIGURES', cells: rows.map(r => String(r.figures.length)), align: 'right', fixed: true, min: 0},
		...(per === null ? [{header: 'SHARE', cells: rows.map(r => formatShare(r.share)), align: 'right' as const, fixed: true, min: 0}] : []),
	];
	const label: Column = {header: 'LARGEST FIGURE', cells: rows.map(r => r.largest.figure.label || '—'), align: 'left', min: 12};
	const cells = barCells(before, label, output);
	if (cells === 0) return renderTable({columns: [...before, label], money: 1, bar: undefined}, output);
	const largest = Math.max(0, ...rows.map(r => r.yuan));
	const unicode = unicodeLocale();
	const barColumn: Column = {header: '', cells: rows.map(r => bar(r.yuan, largest, cells, unicode)), align: 'left', fixed: true, min: 0};
	return renderTable({columns: [...before, barColumn, label], money: 1, bar: before.length}, output);
}

function signed(text: string, negative: boolean, minus: string): string {
	return `${negative ? minus : '+'}${text}`;
}

/** Regions × years in million yuan, then Δ and % between the latest two years of each region. */
function matrixTable(m: YearMatrix, output: Output): string[] {
	const g = glyphs(unicodeLocale());
	const columns: Column[] = [
		{header: 'REGION', cells: m.rows.map(r => r.region), align: 'left', min: 12},
		...m.years.map((year, i) => ({
			header: String(year),
			cells: alignDecimals(m.rows.map(r => (r.cells[i] === undefined ? g.none : formatMillions(r.cells[i]!)))),
			align: 'right' as const,
			fixed: true,
			min: 0,
		})),
		{
			header: g.delta,
			cells: alignDecimals(
				m.rows.map(r => (r.delta === undefined ? g.none : signed(formatMillions(Math.abs(r.delta)), r.delta < 0, g.minus))),
			),
			align: 'right',
			fixed: true,
			min: 0,
		},
		{
			header: '%',
			cells: m.rows.map(r => (r.percent === undefined ? g.none : formatChangePercent(r.percent, g.minus))),
			align: 'right',
			fixed: true,
			min: 0,
		},
	];
	return renderTable({columns, money: -1, bar: undefined}, output);
}

function textOutput(c: Comparison, options: CompareCommandOptions, output: Output): string {
	const s = style(output.color);
	const fit = (line: string) => (output.isTerminal ? truncate(line, Math.max(40, output.columns)) : line);
	const g = glyphs(unicodeLocale());
	const names = reportNames(c.rows);
	if (options.by === 'year') {
		const m = yearMatrix(c);
		const regions = new Set(m.single.map(r => r.region)).size;
		const lines = [s.bold(fit(titleLine(options, c, g.dot, ['by year']))), ''];
		if (m.rows.length > 0) lines.push(...matrixTable(m, output));
		else lines.push('No region has more than one year.');
		if (m.single.length > 0) {
			lines.push('', s.bold(`One year only (${regions} region${regions === 1 ? '' : 's'}):`), ...rowsTable(m.single, output, names));
		}
		return `${lines.join('\n')}\n`;
	}
	const lines = [s.bold(fit(titleLine(options, c, g.dot)))];
	if (c.mode === 'total') lines.push('', ...rowsTable(c.rows, output, names));
	else {
		for (const unit of c.units)
			lines.push(
				'',
				...rowsTable(
					c.rows.filter(r => r.per === unit),
					output,
					names,
				),
			);
	}
	return `${lines.join('\n')}\n`;
}

// --- JSON and CSV ---------------------------------------------------------------------------

/** One row as `compare --json` prints it (README, "JSON and CSV output"). */
export interface CompareJsonRow {
	documentId: string;
	region: string;
	year: number;
	title: string;
	/** Totals mode: the sum in yuan. */
	yuan?: number;
	/** Per-unit mode, instead of yuan: the largest amount per unit, in yuan, and the unit. */
	perUnit?: number;
	per?: string;
	/** How many figures made the row. */
	figures: number;
	/** yuan / the sum over all rows (a fraction); null per unit. */
	share: number | null;
	largest: {label: string; yuan: number; sectionId: string; index: number};
}

function largestOf(r: FigureRow): CompareJsonRow['largest'] {
	return {label: r.figure.label, yuan: r.figure.yuan!, sectionId: r.sectionId, index: r.index};
}

function jsonRow(r: CompareRow): CompareJsonRow {
	const where = {documentId: r.documentId, region: r.region, year: r.year, title: r.title};
	const amount = r.per === null ? {yuan: r.yuan} : {perUnit: r.yuan, per: r.per};
	return {...where, ...amount, figures: r.figures.length, share: r.share, largest: largestOf(r.largest)};
}

/** `--by year --json`: the years, each region's totals keyed by year with Δ and %, and the single-year rows. */
function jsonMatrix(m: YearMatrix) {
	return {
		years: m.years,
		rows: m.rows.map(r => ({
			region: r.region,
			totals: Object.fromEntries(m.years.flatMap((y, i) => (r.cells[i] === undefined ? [] : [[String(y), r.cells[i]!]]))),
			delta: r.delta ?? null,
			percent: r.percent ?? null,
		})),
		single: m.single.map(jsonRow),
	};
}

/** The CSV headers (README, "JSON and CSV output"). */
export const COMPARE_CSV_COLUMNS = {
	total: ['region', 'year', 'document_id', 'title', 'yuan', 'figures', 'share', 'largest_label', 'largest_yuan', 'largest_section_id'],
	per: ['region', 'year', 'document_id', 'title', 'per_unit', 'per', 'figures', 'largest_label', 'largest_yuan', 'largest_section_id'],
} as const;

function csvRows(c: Comparison): string {
	return csvText(
		COMPARE_CSV_COLUMNS[c.mode],
		c.rows.map(r => {
			const largest = [r.largest.figure.label, r.largest.figure.yuan, r.largest.sectionId];
			return c.mode === 'total'
				? [r.region, r.year, r.documentId, r.title, r.yuan, r.figures.length, r.share, ...largest]
				: [r.region, r.year, r.documentId, r.title, r.yuan, r.per, r.figures.length, ...largest];
		}),
	);
}

/** `--by year --csv`: one record per region, a column per year (yuan), then delta and percent; single-year regions after the others. */
function csvMatrix(m: YearMatrix): string {
	const single = new Map<string, Map<number, number>>();
	for (const r of m.single) {
		const years = single.get(r.region) ?? single.set(r.region, new Map()).get(r.region)!;
		years.set(r.year, (years.get(r.year) ?? 0) + r.yuan);
	}
	const years = [...new Set([...m.years, ...m.single.map(r => r.year)])].sort((a, b) => a - b);
	const records = [
		...m.rows.map(r => [r.region, ...years.map(y => r.cells[m.years.indexOf(y)] ?? null), r.delta ?? null, r.percent ?? null]),
		...[...single].map(([region, totals]) => [region, ...years.map(y => totals.get(y) ?? null), null, null]),
	];
	return csvText(['region', ...years.map(String), 'delta', 'percent'], records);
}

// --- The command ----------------------------------------------------------------------------

export function runCompare(corpus: LoadedCorpus, options: CompareCommandOptions, output: Output): number {
	if (options.by === 'year' && options.perUnit) {
		throw new UsageError('compare: --by year sets totals side by side; amounts per unit are not added up (drop --per or --by year)');
	}
	// JSON escapes what the text holds; text and CSV are made of the sanitized corpus.
	const c = comparison(options.format === 'json' ? corpus.raw : corpus.display, options);
	const found = c.rows.length > 0;
	if (options.format === 'json') {
		const data = options.by === 'year' ? jsonMatrix(yearMatrix(c)) : c.rows.map(jsonRow);
		output.write(`${terminalSafeJson(data, 2)}\n`);
	} else if (options.format === 'csv') {
		output.write(options.by === 'year' ? csvMatrix(yearMatrix(c)) : csvRows(c));
	} else if (found) {
		output.write(textOutput(c, options, output));
	}
	if (!found) {
		output.note(noMatchLine(options, c));
		return EXIT.noMatch;
	}
	for (const reason of excludedReasons(c.excluded, c.mode)) output.note(`left out: ${reason}`);
	return EXIT.ok;
}
