// The Compare view as rows of styled segments: the query box, what is compared, and a row per
// report (or per region × years) with its total, figures, share and an inline bar. Pure.

import {bar} from '../../format/bar.ts';
import {fitWidths} from '../../format/columns.ts';
import {graphemes, pad, truncate} from '../../format/text.ts';
import {queryWords} from '../../search/figures.ts';
import {BAR_CELLS, COMPARE_GAP, COMPARE_MARKER, type CompareTable, compareColumns, fitYears} from '../state/compare-table.ts';
import {type ListState, windowOf} from '../state/list.ts';
import type {CompareState} from '../state/state.ts';
import {marker, queryBox, selection} from './panes.ts';
import type {RowSpec, Segment} from './spec.ts';
import type {Theme} from './theme.ts';

export interface ComparePaneProps {
	compare: CompareState;
	table: CompareTable;
	names: ReadonlyMap<string, string>;
	focused: boolean;
	width: number;
	/** Body rows: the query box, the header, then the table. */
	height: number;
	theme: Theme;
}

/** What is compared, for the pane's title: "Compare · funds · actual · per person · 24 reports · by total" ("per unit" when several units). */
export function compareTitle(compare: CompareState, table: CompareTable): string {
	const reports = new Set(table.comparison.rows.map(r => r.documentId)).size;
	return [
		'Compare',
		compare.kind,
		compare.planned ? 'actual and planned' : 'actual',
		table.comparison.mode === 'per' ? (table.comparison.units.length === 1 ? `per ${table.comparison.units[0]}` : 'per unit') : 'totals',
		compare.box.text.trim() === '' ? undefined : `${reports} report${reports === 1 ? '' : 's'}`,
		compare.matrix && table.comparison.mode === 'total' ? 'regions × years' : `by ${compare.by}`,
	]
		.filter(Boolean)
		.join(' · ');
}

/** Why matching figures are not in the rows, and the key that brings them in, where one does. */
function leftOutText(table: CompareTable): string {
	const {excluded, mode} = table.comparison;
	const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
	const parts = [
		excluded.partsAndChanges > 0 ? `${n(excluded.partsAndChanges, 'part or change', 'parts and changes')} (counted in their whole)` : '',
		excluded.otherCurrency > 0 ? `${n(excluded.otherCurrency, 'amount', 'amounts')} in another currency` : '',
		excluded.planned > 0 ? `${n(excluded.planned, 'plan', 'plans')} (p adds them)` : '',
		excluded.otherMode > 0
			? mode === 'total'
				? `${n(excluded.otherMode, 'per-unit amount', 'per-unit amounts')} (u compares them)`
				: `${n(excluded.otherMode, 'total', 'totals')} (u compares them)`
			: '',
	].filter(Boolean);
	return parts.length === 0 ? 'nothing of this kind matches (t: another kind)' : `left out: ${parts.join(', ')}`;
}

export function compareRows({compare, table, names, focused, width, height, theme}: ComparePaneProps, list: ListState): RowSpec[] {
	const label = ' What money: ';
	const box: RowSpec = compare.editing
		? {
				segments: [{text: label}, ...queryBox(graphemes(compare.box.text), compare.box.caret, width - label.length)],
				style: theme.title(focused),
			}
		: {segments: [{text: label}, {text: compare.box.text, mark: 'heading'}, {text: '   / or Tab edits'}]};
	if (queryWords(compare.box.text).length === 0) {
		const hint = '  Type what money to compare (relocation, training, subsidy…): one row per report, totals in million yuan.';
		return [box, {segments: [{text: hint, mark: 'meta'}]}];
	}
	const room = Math.max(10, width - COMPARE_MARKER);
	const {columns, rowOf} = compareColumns(table, names, fitYears(table, names, width));
	const widths = fitWidths(columns, room, COMPARE_GAP);
	const gap = ' '.repeat(COMPARE_GAP);
	const cell = (text: string, i: number) => pad(truncate(text, widths[i]!), widths[i]!, columns[i]!.align);
	const header: RowSpec = {
		segments: [
			{
				text: `  ${columns
					.map((c, i) => cell(c.header, i))
					.join(gap)
					.trimEnd()}`,
				mark: 'heading',
			},
		],
	};
	if (table.lines.length === 0) return [box, header, {segments: [{text: `  No rows: ${leftOutText(table)}.`, mark: 'meta'}]}];
	const barColumn = columns.findIndex(c => c.header === '');
	const amountColumn = columns.findIndex(c => /yuan/i.test(c.header));
	const {start, rows} = windowOf(table.lines, list, height - 2);
	const body = rows.map((line, i): RowSpec => {
		if (line.kind === 'group') return {segments: [{text: `▸ ${line.title}`, mark: 'meta'}]};
		const selected = start + i === list.cursor;
		const at = rowOf[start + i]!;
		const segments: Segment[] = [marker(selected)];
		columns.forEach((c, j) => {
			if (j > 0) segments.push({text: gap});
			if (j === barColumn && line.kind === 'row') {
				const max = table.largest.get(line.row.per ?? '') ?? 0;
				segments.push({text: bar(line.row.yuan, max, Math.min(BAR_CELLS, widths[j]!), theme.unicode), mark: 'bar'});
			} else segments.push({text: cell(c.cells[at] ?? '', j), mark: j === amountColumn ? 'money' : undefined});
		});
		return {segments, style: selection(selected, focused, theme)};
	});
	return [box, header, ...body];
}
