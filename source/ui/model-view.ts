// What the panes list, derived from the model: pure.

import type {Region} from '../corpus/model.ts';
import type {CorpusDocument} from '../corpus/schema.ts';
import {alignDecimals, formatMillions} from '../format/money.ts';
import {width as cells, pad, truncate} from '../format/text.ts';

/** A row of the Sections pane: a report title (when the year has more than one) or a heading. */
export type SectionRow =
	| {kind: 'title'; document: CorpusDocument}
	| {kind: 'section'; document: CorpusDocument; sectionIndex: number; heading: string};

export function documentsOf(region: Region, year: number): CorpusDocument[] {
	return region.documents.filter(d => d.year === year);
}

export function sectionRows(documents: CorpusDocument[]): SectionRow[] {
	const rows: SectionRow[] = [];
	for (const document of documents) {
		if (documents.length > 1) rows.push({kind: 'title', document});
		document.sections.forEach((section, sectionIndex) => {
			rows.push({kind: 'section', document, sectionIndex, heading: section.heading === '' ? '(Opening text)' : section.heading});
		});
	}
	return rows;
}

/** The region row: name left, years right, the name cut to fit. */
export function regionLabel(region: Region, width: number): string {
	const years = region.years.join(' ');
	const room = width - cells(years) - 1;
	if (room < 4) return truncate(region.name, width);
	return `${pad(truncate(region.name, room), room)} ${years}`;
}

export interface FundsRow {
	document: CorpusDocument;
	sectionIndex: number;
	figureIndex: number;
	/** Position in the document, for order sort. */
	order: number;
	section: string;
	label: string;
	amount: string;
	yuan: number;
	change: string;
}

export function fundsRows(documents: CorpusDocument[], sort: 'order' | 'amount'): FundsRow[] {
	const rows: FundsRow[] = [];
	for (const document of documents) {
		document.sections.forEach((section, sectionIndex) => {
			section.figures.forEach((figure, figureIndex) => {
				rows.push({
					document,
					sectionIndex,
					figureIndex,
					order: rows.length,
					section: section.heading === '' ? '(opening)' : section.heading,
					label: figure.label,
					amount: figure.yuan === null ? '–' : formatMillions(figure.yuan),
					yuan: figure.yuan ?? 0,
					change: figure.change ?? '',
				});
			});
		});
	}
	if (sort === 'amount') rows.sort((a, b) => b.yuan - a.yuan || a.order - b.order);
	// Decimal points in one column: up to four decimals under a million yuan, two above.
	const aligned = alignDecimals(rows.map(r => r.amount));
	for (const [i, r] of rows.entries()) r.amount = aligned[i]!;
	return rows;
}

export interface FundsColumns {
	section: number;
	label: number;
	amount: number;
	change: number;
}

/** Column widths of the funds table for a pane width (one space between columns, marker of 2). */
export function fundsColumns(rows: FundsRow[], width: number): FundsColumns {
	const amount = Math.max(8, ...rows.map(r => cells(r.amount)));
	const rest = Math.max(0, width - 2 - amount - 3);
	const change = rest >= 50 ? Math.min(30, Math.max(6, ...rows.map(r => cells(r.change)))) : rest >= 30 ? 12 : 0;
	const left = rest - change;
	const section = Math.max(6, Math.floor(left * 0.45));
	const label = Math.max(6, left - section);
	return {section, label, amount, change};
}

export function fundsHeader(columns: FundsColumns): string {
	return (
		'  ' +
		[
			pad('Section', columns.section),
			pad('Label', columns.label),
			pad('M yuan', columns.amount, 'right'),
			columns.change > 0 ? pad('Change', columns.change) : '',
		]
			.join(' ')
			.trimEnd()
	);
}

export function fundsLine(row: FundsRow, columns: FundsColumns): string {
	const parts = [
		pad(truncate(row.section, columns.section), columns.section),
		pad(truncate(row.label, columns.label), columns.label),
		pad(row.amount, columns.amount, 'right'),
	];
	if (columns.change > 0) parts.push(truncate(row.change, columns.change));
	return parts.join(' ').trimEnd();
}

/** The row of the first section (a year with two reports starts with a title row). */
export function firstSection(rows: SectionRow[]): number {
	return Math.max(
		0,
		rows.findIndex(r => r.kind === 'section'),
	);
}
