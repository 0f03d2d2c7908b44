// The Compare view as rows of styled segments: the query box, what is compared, and a row per
// report (or per region × years) with its total, figures, share and an inline bar. Pure.

import {bar} from '../../format/bar.ts';
import {fitWidths} from '../../format/columns.ts';
import {graphemes, pad, truncate} from '../../format/text.ts';
import {BAR_CELLS, type CompareTable, compareColumns} from '../state/compare-table.ts';
import {type ListState, windowOf} from '../state/list.ts';
import type {CompareState} from '../state/state.ts';
import {queryBox} from './panes.ts';
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

/** What is compared, for the pane's title: "Compare · funds · actual · per person · 24 reports · by total". */
export function compareTitle(compare: CompareState, table: CompareTable): string {
	const reports = new Set(table.comparison.rows.map(r => r.documentId)).size;
	return [
		'Compare',
		compare.kind,
		compare.planned ? 'actual and planned' : 'actual',
		table.comparison.mode === 'per' ? 'per unit' : 'totals',
		compare.box.text.trim() === '' ? undefined : `${reports} report${reports === 1 ? '' : 's'}`,
		compare.matrix && table.comparison.mode === 'total' ? 'regions × years' : `by ${compare.by}`,
	]
		.filter(Boolean)
		.join(' · ');
}

export function compareRows({compare, table, names, focused, width, height, theme}: ComparePaneProps, list: ListState): RowSpec[] {
	const label = ' What money: ';
	const box: RowSpec = compare.editing
		? {
				segments: [{text: label}, ...queryBox(graphemes(compare.box.text), compare.box.caret, width - label.length)],
				style: theme.title(focused),
			}
		: {segments: [{text: label}, {text: compare.box.text, mark: 'heading'}, {text: '   / edits'}]};
	if (compare.box.text.trim() === '') {
		const hint = '  Type what money to compare (relocation, training, subsidy…): one row per report, totals in million yuan.';
		return [box, {segments: [{text: hint, mark: 'meta'}]}];
	}
	const columns = compareColumns(table, names);
	const widths = fitWidths(columns, Math.max(10, width - 2), 1);
	const cell = (text: string, i: number) => pad(truncate(text, widths[i]!), widths[i]!, columns[i]!.align);
	const header: RowSpec = {
		segments: [
			{
				text: `  ${columns
					.map((c, i) => cell(c.header, i))
					.join(' ')
					.trimEnd()}`,
				mark: 'heading',
			},
		],
	};
	if (table.lines.length === 0) {
		const {excluded} = table.comparison;
		const left = excluded.planned + excluded.otherMode + excluded.otherCurrency + excluded.partsAndChanges;
		const why = left > 0 ? ` (${left} left out: p adds plans, u compares per-unit amounts, t another kind)` : ' (t: another kind of money)';
		return [box, header, {segments: [{text: `  Nothing matches.${why}`, mark: 'meta'}]}];
	}
	const data = table.lines.filter(l => l.kind !== 'group');
	const barColumn = columns.findIndex(c => c.header === '');
	const {start, rows} = windowOf(table.lines, list, height - 2);
	const body = rows.map((line, i): RowSpec => {
		if (line.kind === 'group') return {segments: [{text: `▸ ${line.title}`, mark: 'meta'}]};
		const selected = start + i === list.cursor;
		const at = data.indexOf(line);
		const segments: Segment[] = [{text: selected ? '› ' : '  '}];
		columns.forEach((c, j) => {
			if (j > 0) segments.push({text: ' '});
			if (j === barColumn && line.kind === 'row') {
				const max = table.largest.get(line.row.per ?? '') ?? 0;
				segments.push({text: bar(line.row.yuan, max, Math.min(BAR_CELLS, widths[j]!), theme.unicode), mark: 'bar'});
			} else segments.push({text: cell(c.cells[at] ?? '', j), mark: j === 1 ? 'money' : undefined});
		});
		return {segments, style: selected ? (focused ? theme.selected : theme.selectedIdle) : undefined};
	});
	return [box, header, ...body];
}
