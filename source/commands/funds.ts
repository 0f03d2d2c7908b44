// `pa-tui funds [<region>] [--year N] [--match <query>] [--sort amount|order] [--json|--csv]`

import Fuse from 'fuse.js';
import type {Model} from '../corpus/model.ts';
import {terminalSafeJson} from '../corpus/sanitize.ts';
import type {CorpusDocument} from '../corpus/schema.ts';
import {alignDecimals, formatMillions, MONEY_UNIT} from '../format/money.ts';
import {style} from '../format/style.ts';
import {pad, truncate, width} from '../format/text.ts';
import {slug} from '../ingest/region.ts';
import {EXIT, type LoadedCorpus, type Output, UsageError} from './context.ts';
import {reportsOfYear, resolveRegion} from './resolve.ts';

export interface FundsOptions {
	region: string | undefined;
	year: number | undefined;
	match: string | undefined;
	sort: 'amount' | 'order';
	format: 'text' | 'json' | 'csv';
}

export interface FundsRow {
	documentId: string;
	region: string;
	year: number;
	title: string;
	sectionId: string;
	section: string;
	label: string;
	text: string;
	yuan: number;
	change: string | null;
	sentence: string;
}

/** A word reduced to a stem good enough to compare: relocation, relocate → reloc…; subsidies → subsidy. */
function stem(word: string): string {
	const cut = word.replace(/ies$/, 'y').replace(/(?:ations?|ions?|ings?|es|s|e)$/, '');
	return cut.length >= 4 ? cut : word;
}

function wordsOf(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * Rows whose label or section holds every word of the query (at the start of a word, any
 * inflection: "relocation" finds "relocate"). When nothing holds them, a fuzzy match on label and
 * section forgives a typo ("relocaton").
 */
export function matchRows(rows: FundsRow[], query: string): FundsRow[] {
	const terms = wordsOf(query);
	if (terms.length === 0) return rows;
	const matches = (row: FundsRow) => {
		const words = wordsOf(`${row.label} ${row.section}`);
		return terms.every(t => words.some(w => w.startsWith(t) || stem(w).startsWith(stem(t))));
	};
	const exact = rows.filter(matches);
	if (exact.length > 0) return exact;
	const fuse = new Fuse(rows, {
		keys: [
			{name: 'label', weight: 2},
			{name: 'section', weight: 1},
		],
		threshold: 0.25,
		ignoreLocation: true,
	});
	const matched = new Set(fuse.search(query.slice(0, 32)).map(r => r.refIndex));
	return rows.filter((_, i) => matched.has(i));
}

/**
 * The figures of the chosen reports. The region is resolved in `names` (the sanitized model, so
 * notes and errors on stderr never quote a raw control character); the rows come from `model`.
 */
export function fundsRows(model: Model, options: FundsOptions, output: Output, names: Model = model): FundsRow[] {
	let documents: CorpusDocument[];
	if (options.region !== undefined) {
		documents = reportsOfYear(resolveRegion(names, options.region), options.year, output).map(d => model.documentsById.get(d.id) ?? d);
	} else {
		documents = model.corpus.documents.filter(d => options.year === undefined || d.year === options.year);
	}
	let rows: FundsRow[] = documents.flatMap(d =>
		d.sections.flatMap(s =>
			s.figures.map(f => ({
				documentId: d.id,
				region: d.region,
				year: d.year,
				title: d.title,
				sectionId: s.id,
				section: s.heading,
				label: f.label,
				text: f.text,
				yuan: f.yuan,
				change: f.change,
				sentence: f.sentence,
			})),
		),
	);
	if (options.match !== undefined) rows = matchRows(rows, options.match);
	// A stable sort: equal amounts keep document order.
	if (options.sort === 'amount') rows = [...rows].sort((a, b) => b.yuan - a.yuan);
	return rows;
}

function csvField(value: string | number | null): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['region', 'year', 'document_id', 'section', 'label', 'text', 'yuan', 'change', 'sentence'] as const;

/** RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line break. */
export function fundsCsv(rows: FundsRow[]): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const r of rows) {
		lines.push([r.region, r.year, r.documentId, r.section, r.label, r.text, r.yuan, r.change, r.sentence].map(csvField).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

/** How a row names its report in a table across reports: region and year, or the title when a region has two reports that year. */
function reportNames(rows: FundsRow[]): Map<string, string> {
	const perRegionYear = new Map<string, Set<string>>();
	for (const r of rows) {
		const key = `${r.region} ${r.year}`;
		perRegionYear.set(key, (perRegionYear.get(key) ?? new Set()).add(r.documentId));
	}
	const names = new Map<string, string>();
	for (const r of rows) {
		const key = `${r.region} ${r.year}`;
		// The report with the plain id (as ingest names it) is the region's own; the other is named by its title.
		const plain = `${slug(r.region)}-${r.year}`;
		names.set(r.documentId, perRegionYear.get(key)!.size > 1 && r.documentId !== plain ? `${r.title} ${r.year}` : key);
	}
	return names;
}

interface Column {
	header: string;
	cells: string[];
	align: 'left' | 'right';
	/** Never cut (the amount). */
	fixed?: boolean;
	/** The least a cut column keeps. */
	min: number;
}

/** Column widths that fit `total` cells (Infinity: natural widths), cutting the widest first. */
function fitWidths(columns: Column[], total: number, gap: number): number[] {
	const widths = columns.map(c => Math.max(width(c.header), ...c.cells.map(width)));
	const budget = total - gap * (columns.length - 1);
	// First down to each column's least, then (a very narrow terminal) down to a few cells.
	for (const least of [(c: Column) => c.min, () => 4]) {
		for (;;) {
			const used = widths.reduce((a, b) => a + b, 0);
			if (used <= budget) return widths;
			let widest = -1;
			columns.forEach((c, i) => {
				if (!c.fixed && widths[i]! > least(c) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
			});
			if (widest < 0) break;
			widths[widest] = Math.max(least(columns[widest]!), widths[widest]! - (used - budget));
		}
	}
	return widths;
}

/**
 * The aligned table: amount (right-aligned, decimal points lined up, one unit), label, change,
 * section; a first column naming the report when rows come from several. To a terminal it fits
 * the width, cutting long cells with an ellipsis; piped, nothing is cut. Rows of several reports
 * of one region (Liaoning 2009) are grouped under each report's title instead.
 */
export function fundsTable(rows: FundsRow[], output: Output, mode: 'single' | 'across' | 'grouped'): string {
	const s = style(output.color);
	const amounts = alignDecimals(rows.map(r => formatMillions(r.yuan)));
	const names = reportNames(rows);
	const columns: Column[] = [
		...(mode === 'across' ? [{header: 'REPORT', cells: rows.map(r => names.get(r.documentId)!), align: 'left' as const, min: 12}] : []),
		{header: MONEY_UNIT.toUpperCase(), cells: amounts, align: 'right', fixed: true, min: 0},
		{header: 'LABEL', cells: rows.map(r => r.label), align: 'left', min: 12},
		{header: 'CHANGE', cells: rows.map(r => r.change ?? ''), align: 'left', min: 8},
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
	const rows = fundsRows(corpus.display, options, output);
	if (rows.length === 0) {
		output.note('pa-tui: no money figures match');
		return EXIT.noMatch;
	}
	const reports = new Set(rows.map(r => r.documentId)).size;
	const mode = options.region === undefined ? 'across' : reports > 1 ? 'grouped' : 'single';
	// Grouped by report, each group keeps the chosen order (a stable sort by report).
	const order = [...new Set(rows.map(r => r.documentId))];
	const shown = mode === 'grouped' ? [...rows].sort((a, b) => order.indexOf(a.documentId) - order.indexOf(b.documentId)) : rows;
	output.write(fundsTable(shown, output, mode));
	return EXIT.ok;
}
