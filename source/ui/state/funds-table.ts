// The funds table of a report as the explorer shows it: what each figure is (a per-unit amount
// "1,500 /person", a plan tagged, a part indented under its whole, a change as Δ beside the
// amount it changes), filtered by kind, in document order or by amount — wholes of one kind,
// unit, currency and status ranked together, under a title per group, never a GDP against a
// subsidy per person. Pure.

import {comparableGroup, type FigureRow, figureRows, keyOf, type NestedRow, nestFigures, sortByAmount} from '../../corpus/figures.ts';
import type {CorpusDocument, FigureKind} from '../../corpus/schema.ts';
import {figureKinds} from '../../corpus/vocabulary.ts';
import {type Column, naturalWidths} from '../../format/columns.ts';
import {amountCells, nestedDelta} from '../../format/figure.ts';
import {OPENING} from '../view/spec.ts';

export type KindFilter = 'all' | FigureKind;

/** The kind filter's cycle (t): every kind, then each kind alone. */
export const KIND_CYCLE: readonly KindFilter[] = ['all', ...figureKinds];

export type FundsLine =
	/** A title over a group of figures ranked together (sorted by amount). */
	| {kind: 'group'; title: string}
	| {
			kind: 'figure';
			row: FigureRow;
			/** 0 on its own, 1 for a part under its whole, … */
			depth: number;
			/** Its amount as the column shows it: decimal points lined up, unit, plan tag. */
			amount: string;
			planned: boolean;
			/** Its change, folded in: "Δ +9.20 +2.9%". */
			delta: string;
			/** The index of its section in the report. */
			sectionIndex: number;
	  };

export interface FundsOptions {
	sort: 'order' | 'amount';
	kind: KindFilter;
	/** Only these figures (keyOf), the evidence of a comparison. */
	only?: ReadonlySet<string>;
}

/** What a group of figures ranked together is: "funds", "income per person", "funds · planned". */
function groupTitle(row: FigureRow): string {
	const f = row.figure;
	const unit = f.per === null ? '' : ` per ${f.per}`;
	const currency = f.currency === 'CNY' ? '' : ` in ${f.currency}`;
	return `${f.kind}${unit}${currency}${f.status === 'planned' ? ' · planned' : ''}`;
}

let last: {document: CorpusDocument; key: string; lines: FundsLine[]} | undefined;

export function fundsLines(document: CorpusDocument | undefined, options: FundsOptions): FundsLine[] {
	if (!document) return [];
	const key = `${options.sort}/${options.kind}/${[...(options.only ?? [])].join('|')}`;
	if (last?.document === document && last.key === key) return last.lines;
	let rows = figureRows([document]);
	if (options.only) rows = rows.filter(r => options.only!.has(keyOf(r)));
	if (options.kind !== 'all') rows = rows.filter(r => r.figure.kind === options.kind);
	const sectionIndex = new Map(document.sections.map((s, i) => [s.id, i]));
	// Funds first, then loans, income, …: the order of the kinds.
	const ordered = options.sort === 'amount' ? sortByAmount(rows, figureKinds) : rows;
	const nested: NestedRow[] = nestFigures(ordered);
	const amounts = amountCells(nested.map(n => n.row.figure));
	const lines: FundsLine[] = [];
	let group: string | undefined;
	const grouped = options.sort === 'amount' && new Set(nested.map(n => comparableGroup(n.row.figure))).size > 1;
	nested.forEach((n, i) => {
		if (grouped && n.depth === 0 && comparableGroup(n.row.figure) !== group) {
			group = comparableGroup(n.row.figure);
			lines.push({kind: 'group', title: groupTitle(n.row)});
		}
		lines.push({
			kind: 'figure',
			row: n.row,
			depth: n.depth,
			amount: amounts[i]!,
			planned: n.row.figure.status === 'planned',
			delta: nestedDelta(
				n.row.figure,
				n.changes.map(c => c.figure),
			),
			sectionIndex: sectionIndex.get(n.row.sectionId) ?? 0,
		});
	});
	last = {document, key, lines};
	return lines;
}

/** The table's columns (figure lines only): amount, label (a part indented), change, section. */
export function tableColumns(lines: readonly FundsLine[]): Column[] {
	const figures = lines.filter((l): l is Extract<FundsLine, {kind: 'figure'}> => l.kind === 'figure');
	return [
		{header: 'M yuan', cells: figures.map(l => l.amount), align: 'right', fixed: true, min: 0},
		{header: 'Label', cells: figures.map(l => `${'  '.repeat(l.depth)}${l.row.figure.label}`), align: 'left', min: 10},
		{header: 'Change', cells: figures.map(l => l.delta), align: 'left', min: 6},
		// The section is in the Sections pane too: it is cut first.
		{header: 'Section', cells: figures.map(l => l.row.section || OPENING), align: 'left', min: 8, yields: 1},
	];
}

/** Columns apart, and the selection marker before the first. */
export const TABLE_GAP = 1;
export const TABLE_MARKER = 2;

/** The width the table wants: every column whole. */
export function tableWidth(lines: readonly FundsLine[]): number {
	const widths = naturalWidths(tableColumns(lines));
	return TABLE_MARKER + widths.reduce((a, b) => a + b, 0) + TABLE_GAP * (widths.length - 1);
}
