// `pa-tui funds [<region>] [--year N] [--match <query>] [--kind K] [--status S] [--whole]
//  [--sort amount|order] [--json|--csv]`

import {type FigureRow, figureRows, filterFigures, type NestedRow, nestFigures, sortByAmount} from '../corpus/figures.ts';
import type {Model} from '../corpus/model.ts';
import {terminalSafeJson} from '../corpus/sanitize.ts';
import type {CorpusDocument, FigureKind, FigureStatus} from '../corpus/schema.ts';
import {figureKinds, figureStatuses} from '../corpus/vocabulary.ts';
import {type Column, fitWidths} from '../format/columns.ts';
import {csvText} from '../format/csv.ts';
import {amountCells, nestedDelta} from '../format/figure.ts';
import {MONEY_UNIT} from '../format/money.ts';
import {reportNames} from '../format/report-name.ts';
import {style} from '../format/style.ts';
import {pad, truncate} from '../format/text.ts';
import {matchFigures} from '../search/figures.ts';
import {EXIT, type LoadedCorpus, type Output, UsageError} from './context.ts';
import {reportsOfYear, resolveRegion} from './resolve.ts';

export interface FundsOptions {
	region: string | undefined;
	year: number | undefined;
	match: string | undefined;
	sort: 'amount' | 'order';
	format: 'text' | 'json' | 'csv';
	/** Kinds to keep; undefined: all, or `funds` when sorting by amount. */
	kinds?: FigureKind[] | undefined;
	status?: FigureStatus | undefined;
	/** Only figures that stand on their own (no parts, no changes). */
	whole?: boolean;
}

/** One figure as `funds --json` prints it: where it is, then every field of the figure. */
export interface FundsRow {
	documentId: string;
	region: string;
	year: number;
	title: string;
	sectionId: string;
	section: string;
	/** The figure's index in its section: what `partOf` and `changeOf` of other figures point to. */
	index: number;
	label: string;
	text: string;
	value: number;
	currency: string;
	yuan: number | null;
	kind: FigureKind;
	per: string | null;
	status: FigureStatus;
	role: string;
	partOf: number | null;
	changeOf: number | null;
	change: string | null;
	changePercent: number | null;
	changeYuan: number | null;
	sentence: string;
}

/** "funds,loan" → the kinds; "all" → undefined. One line naming the choices otherwise. */
export function parseKinds(value: string | undefined): FigureKind[] | undefined {
	if (value === undefined) return undefined;
	const words = value
		.toLowerCase()
		.split(/[\s,]+/)
		.filter(Boolean)
		.map(w => (w === 'loans' ? 'loan' : w === 'thresholds' ? 'threshold' : w));
	if (words.length === 1 && words[0] === 'all') return [...figureKinds];
	const wrong = words.find(w => !(figureKinds as readonly string[]).includes(w));
	if (words.length === 0 || wrong !== undefined) {
		throw new UsageError(`--kind takes ${figureKinds.join(', ')} or all (several with commas), not "${wrong ?? value}"`);
	}
	return [...new Set(words)] as FigureKind[];
}

export function parseStatus(value: string | undefined): FigureStatus | undefined {
	if (value === undefined) return undefined;
	const status = value.toLowerCase();
	if (!(figureStatuses as readonly string[]).includes(status)) throw new UsageError(`--status takes actual or planned, not "${value}"`);
	return status as FigureStatus;
}

/** The kinds a listing keeps: as asked, or only funds when sorting by amount (a GDP is not compared with a subsidy). */
export function kindsFor(options: Pick<FundsOptions, 'kinds' | 'sort'>): FigureKind[] | undefined {
	return options.kinds ?? (options.sort === 'amount' ? ['funds'] : undefined);
}

type Row = FigureRow & {label: string};

function chosenDocuments(model: Model, options: FundsOptions, output: Output, names: Model): CorpusDocument[] {
	if (options.region === undefined) return model.corpus.documents.filter(d => options.year === undefined || d.year === options.year);
	return reportsOfYear(resolveRegion(names, options.region), options.year, output).map(d => model.documentsById.get(d.id) ?? d);
}

/**
 * The figures of the chosen reports, filtered, in table order: document order, or by amount
 * (wholes of one kind, unit and currency compared, largest first), each whole followed by its
 * parts and changes. The region is resolved in `names` (the sanitized model, so notes and errors
 * on stderr never quote a raw control character); the rows come from `model`.
 */
export function fundsNested(model: Model, options: FundsOptions, output: Output, names: Model = model): Array<NestedRow<Row>> {
	let rows: Row[] = figureRows(chosenDocuments(model, options, output, names)).map(r => ({...r, label: r.figure.label}));
	if (options.match !== undefined) rows = matchFigures(rows, options.match);
	const kinds = kindsFor(options);
	rows = filterFigures(rows, {kinds, status: options.status, wholesOnly: options.whole});
	if (options.sort !== 'amount') return nestFigures(rows);
	// Only wholes are ranked; their parts and changes come with them.
	const nested = nestFigures([
		...sortByAmount(
			rows.filter(r => r.figure.role === 'whole'),
			kinds,
		),
		...rows.filter(r => r.figure.role !== 'whole'),
	]);
	const wholes = new Set(nested.filter(n => n.depth === 0 && n.row.figure.role === 'whole'));
	let keep = false;
	return nested.filter(n => {
		if (n.depth === 0) keep = wholes.has(n);
		return keep;
	});
}

function toFundsRow(r: Row): FundsRow {
	const f = r.figure;
	return {
		documentId: r.documentId,
		region: r.region,
		year: r.year,
		title: r.title,
		sectionId: r.sectionId,
		section: r.section,
		index: r.index,
		label: f.label,
		text: f.text,
		value: f.value,
		currency: f.currency,
		yuan: f.yuan,
		kind: f.kind,
		per: f.per,
		status: f.status,
		role: f.role,
		partOf: f.partOf,
		changeOf: f.changeOf,
		change: f.change,
		changePercent: f.changePercent,
		changeYuan: f.changeYuan,
		sentence: f.sentence,
	};
}

/** The rows `--json` and `--csv` print: every figure chosen, changes included, in table order. */
export function fundsRows(model: Model, options: FundsOptions, output: Output, names: Model = model): FundsRow[] {
	return fundsNested(model, options, output, names).flatMap(n => [n.row, ...n.changes].map(toFundsRow));
}

/** The CSV header (README, "JSON and CSV output"): one column per field of a figure, snake case. */
export const CSV_COLUMNS = [
	'region',
	'year',
	'document_id',
	'section_id',
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
	'part_of',
	'change_of',
	'change',
	'change_percent',
	'change_yuan',
	'sentence',
] as const;

/** RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line break. */
export function fundsCsv(rows: FundsRow[]): string {
	return csvText(
		CSV_COLUMNS,
		rows.map(r => [
			r.region,
			r.year,
			r.documentId,
			r.sectionId,
			r.section,
			r.index,
			r.label,
			r.text,
			r.value,
			r.currency,
			r.yuan,
			r.kind,
			r.per,
			r.status,
			r.role,
			r.partOf,
			r.changeOf,
			r.change,
			r.changePercent,
			r.changeYuan,
			r.sentence,
		]),
	);
}

/**
 * The aligned table: amount (one unit: millions of yuan for totals, "1,500 /person" for per-unit
 * amounts, "plan" for plans; decimal points lined up), label (a part indented under its whole),
 * change (Δ, in the unit of the amount), section; a first column naming the report when rows
 * come from several. To a terminal it fits the width, cutting long cells with an ellipsis; piped,
 * nothing is cut. Rows of several reports of one region (Liaoning 2009) are grouped under each
 * report's title instead.
 */
export function fundsTable(nested: Array<NestedRow<FigureRow>>, output: Output, mode: 'single' | 'across' | 'grouped'): string {
	const s = style(output.color);
	const rows = nested.map(n => n.row);
	const amounts = amountCells(rows.map(r => r.figure));
	const names = reportNames(rows);
	const columns: Column[] = [
		...(mode === 'across' ? [{header: 'REPORT', cells: rows.map(r => names.get(r.documentId)!), align: 'left' as const, min: 12}] : []),
		{header: MONEY_UNIT.toUpperCase(), cells: amounts, align: 'right', fixed: true, min: 0},
		{header: 'LABEL', cells: nested.map(n => `${'  '.repeat(n.depth)}${n.row.figure.label}`), align: 'left', min: 12},
		{
			header: 'CHANGE',
			cells: nested.map(n =>
				nestedDelta(
					n.row.figure,
					n.changes.map(c => c.figure),
				),
			),
			align: 'left',
			min: 8,
		},
		{header: 'SECTION', cells: rows.map(r => r.section || '—'), align: 'left', min: 10},
	];
	const gap = 2;
	const widths = fitWidths(columns, output.isTerminal ? Math.max(40, output.columns) : Infinity, gap);
	const line = (cells: string[], paint: (text: string, column: number) => string) =>
		cells
			.map((cell, i) => paint(pad(truncate(cell, widths[i]!), widths[i]!, columns[i]!.align), i))
			.join(' '.repeat(gap))
			.trimEnd();
	const amountColumn = mode === 'across' ? 1 : 0;
	const header = s.bold(
		line(
			columns.map(c => c.header),
			text => text,
		),
	);
	const body = (i: number) =>
		line(
			columns.map(c => c.cells[i]!),
			(text, column) => (column === amountColumn ? s.money(text) : text),
		);
	const out: string[] = [];
	if (mode === 'grouped') {
		let current: string | undefined;
		rows.forEach((r, i) => {
			if (r.documentId !== current) {
				if (current !== undefined) out.push('');
				out.push(s.bold(`${r.title} (${r.year})`), header);
				current = r.documentId;
			}
			out.push(body(i));
		});
	} else {
		out.push(header, ...rows.map((_, i) => body(i)));
	}
	return `${out.join('\n')}\n`;
}

export function runFunds(corpus: LoadedCorpus, options: FundsOptions, output: Output): number {
	if (options.sort !== 'amount' && options.sort !== 'order')
		throw new UsageError(`--sort takes amount or order, not "${String(options.sort)}"`);
	if (options.format === 'json') {
		const rows = fundsRows(corpus.raw, options, output, corpus.display);
		output.write(`${terminalSafeJson(rows, 2)}\n`);
		if (rows.length === 0) output.note('pa-tui: no money figures match');
		return rows.length > 0 ? EXIT.ok : EXIT.noMatch;
	}
	if (options.format === 'csv') {
		// CSV cannot escape a control character as JSON does: the fields are the sanitized text
		// (escape sequences replaced by a mark; line breaks kept in sentences, which are quoted).
		const rows = fundsRows(corpus.display, options, output);
		output.write(fundsCsv(rows));
		if (rows.length === 0) output.note('pa-tui: no money figures match');
		return rows.length > 0 ? EXIT.ok : EXIT.noMatch;
	}
	const nested = fundsNested(corpus.display, options, output);
	if (nested.length === 0) {
		output.note('pa-tui: no money figures match');
		return EXIT.noMatch;
	}
	const reports = new Set(nested.map(n => n.row.documentId)).size;
	const mode = options.region === undefined ? 'across' : reports > 1 ? 'grouped' : 'single';
	// Grouped by report, each group keeps the chosen order (a stable sort by report).
	const order = [...new Set(nested.map(n => n.row.documentId))];
	const shown = mode === 'grouped' ? [...nested].sort((a, b) => order.indexOf(a.row.documentId) - order.indexOf(b.row.documentId)) : nested;
	output.write(fundsTable(shown, output, mode));
	return EXIT.ok;
}
