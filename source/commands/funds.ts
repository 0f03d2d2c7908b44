// `pa-tui funds [<region>] [--year N] [--match <query>] [--sort amount|order] [--json|--csv]`

import Fuse from 'fuse.js';
import type {Model} from '../corpus/model.ts';
import type {CorpusDocument} from '../corpus/schema.ts';
import {formatMillions, MONEY_UNIT} from '../format/money.ts';
import {style} from '../format/style.ts';
import {pad, truncate, width} from '../format/text.ts';
import {EXIT, UsageError, type Output} from './context.ts';
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

export function fundsRows(model: Model, options: FundsOptions, output: Output): FundsRow[] {
	let documents: CorpusDocument[];
	if (options.region !== undefined) {
		documents = reportsOfYear(resolveRegion(model, options.region), options.year, output);
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
	if (options.match !== undefined && options.match.trim() !== '') {
		const fuse = new Fuse(rows, {keys: [{name: 'label', weight: 2}, {name: 'section', weight: 1}], threshold: 0.35, ignoreLocation: true});
		const matched = new Set(fuse.search(options.match.slice(0, 32)).map(r => r.refIndex));
		rows = rows.filter((_, i) => matched.has(i));
	}
	if (options.sort === 'amount') rows = [...rows].sort((a, b) => b.yuan - a.yuan);
	return rows;
}

function csvField(value: string | number | null): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['region', 'year', 'document_id', 'section', 'label', 'text', 'yuan', 'change', 'sentence'] as const;

export function fundsCsv(rows: FundsRow[]): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const r of rows) {
		lines.push([r.region, r.year, r.documentId, r.section, r.label, r.text, r.yuan, r.change, r.sentence].map(csvField).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

export function fundsTable(rows: FundsRow[], output: Output, showRegion: boolean): string {
	const s = style(output.color);
	const amounts = rows.map(r => formatMillions(r.yuan));
	const amountWidth = Math.max(width(MONEY_UNIT), ...amounts.map(width));
	const total = output.isTerminal ? Math.max(60, output.columns) : Infinity;
	const regionWidth = showRegion ? Math.min(24, Math.max(6, ...rows.map(r => width(`${r.region} ${r.year}`)))) : 0;
	const fixed = amountWidth + 2 + (showRegion ? regionWidth + 2 : 0);
	// Label, section and change share what is left; piped output is never cut.
	const labelWidth = Number.isFinite(total) ? Math.max(12, Math.floor((total - fixed - 4) * 0.4)) : Math.max(5, ...rows.map(r => width(r.label)));
	const sectionWidth = Number.isFinite(total) ? Math.max(10, Math.floor((total - fixed - 4) * 0.35)) : Math.max(7, ...rows.map(r => width(r.section)));
	const cut = (text: string, cells: number) => (Number.isFinite(total) ? truncate(text, cells) : text);
	const header = [
		showRegion ? pad('REGION', regionWidth) : undefined,
		pad(MONEY_UNIT.toUpperCase(), amountWidth, 'right'),
		pad('LABEL', labelWidth),
		pad('SECTION', sectionWidth),
		'CHANGE',
	].filter(x => x !== undefined);
	const lines = [s.bold(header.join('  ').trimEnd())];
	rows.forEach((r, i) => {
		const cells = [
			showRegion ? pad(cut(`${r.region} ${r.year}`, regionWidth), regionWidth) : undefined,
			s.money(pad(amounts[i]!, amountWidth, 'right')),
			pad(cut(r.label, labelWidth), labelWidth),
			pad(cut(r.section || '—', sectionWidth), sectionWidth),
			r.change ?? '',
		].filter(x => x !== undefined);
		lines.push(cells.join('  ').trimEnd());
	});
	return `${lines.join('\n')}\n`;
}

export function runFunds(raw: Model, display: Model, options: FundsOptions, output: Output): number {
	if (options.sort !== 'amount' && options.sort !== 'order') throw new UsageError(`--sort takes amount or order, not "${String(options.sort)}"`);
	if (options.format === 'json') {
		const rows = fundsRows(raw, options, output);
		output.write(`${JSON.stringify(rows, null, 2)}\n`);
		return rows.length > 0 ? EXIT.ok : EXIT.noMatch;
	}
	if (options.format === 'csv') {
		const rows = fundsRows(raw, options, output);
		output.write(fundsCsv(rows));
		return rows.length > 0 ? EXIT.ok : EXIT.noMatch;
	}
	const rows = fundsRows(display, options, output);
	if (rows.length === 0) {
		output.note('no money figures match');
		return EXIT.noMatch;
	}
	output.write(fundsTable(rows, output, options.region === undefined || new Set(rows.map(r => r.documentId)).size > 1));
	return EXIT.ok;
}
