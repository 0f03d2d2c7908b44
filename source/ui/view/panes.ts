// What each pane shows, as rows of styled segments: pure functions of what the pane is given.
// frame.ts lays the panes out into a frame.

import type {Region} from '../../corpus/model.ts';
import {fitWidths} from '../../format/columns.ts';
import {width as cells, pad, truncate} from '../../format/text.ts';
import type {HelpLine} from '../state/bindings.ts';
import type {SearchResult, SectionRow} from '../state/derive.ts';
import {type FundsLine, TABLE_GAP, TABLE_MARKER, tableColumns} from '../state/funds-table.ts';
import {type ListState, visibleSlice, windowOf} from '../state/list.ts';
import type {SearchScope} from '../state/state.ts';
import {headingRanges, highlight} from './reading.ts';
import {type ColumnSpec, type Line, OPENING, type RowSpec, type Segment} from './spec.ts';
import type {Theme} from './theme.ts';

export interface PaneSpec {
	title: string;
	/** At most the pane's height; the pane fills the rest with blank rows. */
	rows: RowSpec[];
}

/** What every list pane is drawn from: where its cursor and window are, and how it looks. */
interface ListProps {
	list: ListState;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
}

export const marker = (selected: boolean): Segment => ({text: selected ? '› ' : '  '});
export const selection = (selected: boolean, focused: boolean, theme: Theme) =>
	selected ? (focused ? theme.selected : theme.selectedIdle) : undefined;

/** The region row: name left, years right, the name cut to fit; with many years, the latest that fit. */
export function regionLabel(region: Region, width: number): string {
	const years = region.years.map(String);
	for (let from = 0; from < years.length; from++) {
		const shown = (from > 0 ? '…' : '') + years.slice(from).join(' ');
		const room = width - cells(shown) - 1;
		if (room >= Math.min(8, cells(region.name))) return `${pad(truncate(region.name, room), room)} ${shown}`;
	}
	return truncate(region.name, width);
}

export function regionsPane({regions, year, list, focused, width, height, theme}: ListProps & {regions: Region[]; year: number}): PaneSpec {
	const {start, rows} = windowOf(regions, list, height);
	return {
		title: `Regions (${regions.length})`,
		rows: rows.map((region, i) => {
			const selected = start + i === list.cursor;
			const label = regionLabel(region, width - 2);
			const segments: Segment[] = [marker(selected), {text: label}];
			// The selected region's chosen year, when it has several.
			if (selected && region.years.length > 1) {
				const at = label.lastIndexOf(String(year));
				if (at >= 0) segments.splice(1, 1, {text: label.slice(0, at)}, {text: String(year), mark: 'heading'}, {text: label.slice(at + 4)});
			}
			return {segments, style: selection(selected, focused, theme)};
		}),
	};
}

/** Titles mostly share their opening words; keep what tells them apart. */
export function shortTitle(title: string): string {
	return title.replace(/^Poverty Alleviation and Development (?:in|of) /i, '');
}

/**
 * The Sections pane's title: the region and its years, the shown one in brackets when it has
 * several; when they do not fit, the region, the year shown and how many there are.
 */
export function sectionsTitle(region: Region, year: number, width = Number.POSITIVE_INFINITY): string {
	if (region.years.length < 2) return `${region.name} ${year}`;
	const all = `${region.name} ${region.years.map(y => (y === year ? `[${y}]` : String(y))).join(' ')}`;
	if (cells(all) + 1 <= width) return all;
	return `${region.name} [${year}] · ${region.years.indexOf(year) + 1} of ${region.years.length} years`;
}

export function sectionsPane({title, rows, list, focused, height, theme}: ListProps & {title: string; rows: SectionRow[]}): PaneSpec {
	const {start, rows: visible} = windowOf(rows, list, height);
	const indent = rows[0]?.kind === 'title' ? '  ' : '';
	return {
		title,
		rows: visible.map((row, i): RowSpec => {
			if (row.kind === 'title') return {segments: [{text: `▸ ${shortTitle(row.document.title)}`, mark: 'heading'}]};
			const selected = start + i === list.cursor;
			return {segments: [marker(selected), {text: indent + row.heading}], style: selection(selected, focused, theme)};
		}),
	};
}

export function readerPane({title, lines, offset, height}: {title: string; lines: Line[]; offset: number; height: number}): PaneSpec {
	const {start, rows: visible} = visibleSlice(lines, offset, height);
	const more = lines.length > height ? ` ${Math.round((Math.min(lines.length, start + height) / lines.length) * 100)}%` : '';
	return {title: `${title}${more}`, rows: visible.map(line => ({segments: [{text: ' '}, ...line]}))};
}

/**
 * Where you are on the left (or a notice, or the command that prints the view), key hints from
 * the binding table on the right as room allows.
 */
export function statusRow({
	where,
	position,
	message,
	hints,
	width,
	theme,
}: {
	where: string;
	position: string;
	/** Shown instead of where and position: a notice, or the view's command. */
	message?: string;
	hints: Array<{label: string; hint: string}>;
	width: number;
	theme: Theme;
}): RowSpec {
	const left = message !== undefined ? ` ${message} ` : ` ${where}${position ? `  ${position}` : ''} `;
	const segments: Segment[] = [];
	let used = cells(left);
	for (const {label, hint} of hints) {
		const w = cells(label) + 1 + cells(hint) + 2;
		if (used + w > width) break;
		segments.push({text: '  '}, {text: label, mark: 'heading'}, {text: ` ${hint}`});
		used += w;
	}
	return {segments: [{text: left}, {text: ' '.repeat(Math.max(0, width - used))}, ...segments], style: theme.status};
}

/**
 * The funds table: amount (decimal points lined up; "1,500 /person"; a plan tagged and marked),
 * label (a part indented under its whole), change (Δ beside its amount), section. Columns as
 * wide as their cells when the pane has room; else the widest is cut first.
 */
export function fundsPane({title, lines, list, focused, width, height, theme}: ListProps & {title: string; lines: FundsLine[]}): PaneSpec {
	const columns = tableColumns(lines);
	const widths = fitWidths(columns, Math.max(10, width - TABLE_MARKER), TABLE_GAP);
	const gap = ' '.repeat(TABLE_GAP);
	const cell = (text: string, i: number) => pad(truncate(text, widths[i]!), widths[i]!, columns[i]!.align);
	const header = columns
		.map((c, i) => cell(c.header, i))
		.join(gap)
		.trimEnd();
	const {start, rows: visible} = windowOf(lines, list, height - 1);
	return {
		title,
		rows: [
			{segments: [{text: ' '.repeat(TABLE_MARKER) + header, mark: 'heading'}]},
			...(lines.length === 0 ? [{segments: [{text: '  No money figures of this kind in this report.'}]}] : []),
			...visible.map((line, i): RowSpec => {
				if (line.kind === 'group') return {segments: [{text: `▸ ${line.title}`, mark: 'meta'}]};
				const selected = start + i === list.cursor;
				const figure = line.row.figure;
				const rest = [`${'  '.repeat(line.depth)}${figure.label}`, line.delta, line.row.section || OPENING];
				return {
					segments: [
						marker(selected),
						{text: cell(line.amount, 0), mark: line.planned ? 'planned' : undefined},
						{
							text: `${gap}${rest
								.map((text, c) => cell(text, c + 1))
								.join(gap)
								.trimEnd()}`,
						},
					],
					style: selection(selected, focused, theme),
				};
			}),
		],
	};
}

const blankRows = (count: number): RowSpec[] => Array.from({length: Math.max(0, count)}, () => ({segments: []}));

/** A pane as a column: its title line, then exactly `height` body lines. */
export function paneColumn(spec: PaneSpec, focused: boolean, width: number, height: number, theme: Theme): ColumnSpec {
	const body = spec.rows.slice(0, height);
	return {width, rows: [{segments: [{text: ` ${spec.title}`}], style: theme.title(focused)}, ...body, ...blankRows(height - body.length)]};
}

/** Every key, generated from the binding table; scrolls when it does not fit. `height` counts the title. */
export function helpColumn(lines: HelpLine[], offset: number, width: number, height: number, theme: Theme): ColumnSpec {
	const bodyHeight = height - 1;
	const labelWidth = Math.max(...lines.map(l => cells(l.label ?? ''))) + 2;
	const {start, rows} = visibleSlice(lines, offset, bodyHeight);
	const more = lines.length > bodyHeight ? ` (${start + 1}–${start + rows.length} of ${lines.length}, ↑/↓ scroll)` : '';
	return {
		width,
		rows: [
			{segments: [{text: ` Keys${more} · Esc closes`}], style: theme.title(true)},
			...rows.map(
				(line): RowSpec =>
					line.title
						? {segments: [{text: ` ${line.title}`, mark: 'heading'}]}
						: {segments: [{text: '   '}, {text: pad(line.label ?? '', labelWidth), mark: 'key'}, {text: line.description ?? ''}]},
			),
			...blankRows(bodyHeight - rows.length),
		],
	};
}

/** A text hit's excerpt, cut so the first match is in view. */
function excerptSegments(excerpt: string, ranges: Array<[number, number]>, room: number): Segment[] {
	const first = ranges[0]?.[0] ?? 0;
	const from = first > room / 3 ? Math.max(0, first - Math.floor(room / 3)) : 0;
	const shifted = ranges.map(([a, b]) => [a - from, b - from] as [number, number]).filter(([, b]) => b > 0);
	const segments = highlight(
		excerpt.slice(from),
		shifted.map(([a, b]) => [Math.max(0, a), b]),
		'match',
	);
	return from > 0 ? [{text: '…'}, ...segments] : segments;
}

function resultSegments(result: SearchResult, query: string, width: number): Segment[] {
	const {document} = result.hit;
	const where = `${document.region} ${document.year}`;
	if (result.kind === 'heading') {
		// fuse.js ranges are inclusive.
		const ranges = headingRanges(
			result.hit.heading,
			query,
			result.hit.ranges.map(([a, b]) => [a, b + 1] as [number, number]),
		);
		return [...highlight(result.hit.heading, ranges, 'match'), {text: `  ${where}`, mark: 'meta'}];
	}
	const heading = result.hit.section.heading || OPENING;
	const lead = `${where} · ${heading}: `;
	return [{text: lead, mark: 'meta'}, ...excerptSegments(result.hit.excerpt, result.hit.ranges, Math.max(10, width - lead.length - 4))];
}

/**
 * The query with its cursor (the character under it shown inverse, or a block after the end),
 * in `room` cells: a query longer than that is shown around the cursor, cut with an ellipsis.
 */
export function queryBox(query: string[], caret: number, room: number): Segment[] {
	let from = 0;
	let to = query.length;
	const widthOf = (a: number, b: number) => cells(query.slice(a, b).join('')) + (b > caret ? 0 : 1);
	// Keep the cursor in view: drop characters from the far end first, then from the start.
	while (to > caret + 1 && widthOf(from, to) + (from > 0 ? 1 : 0) + 1 > room) to--;
	while (from < caret && widthOf(from, to) + 1 + (to < query.length ? 1 : 0) > room) from++;
	const lead: Segment[] = from > 0 ? [{text: '…'}] : [];
	const tail: Segment[] = to < query.length ? [{text: '…'}] : [];
	if (caret >= query.length) return [...lead, {text: query.slice(from).join('')}, {text: '█'}];
	return [
		...lead,
		{text: query.slice(from, caret).join('')},
		{text: query[caret]!, mark: 'match-current'},
		{text: query.slice(caret + 1, to).join('')},
		...tail,
	];
}

export interface SearchProps {
	query: string[];
	caret: number;
	scope: SearchScope;
	results: SearchResult[];
	list: ListState;
	width: number;
	/** Lines of the overlay: the search box, the count line, then the results. */
	height: number;
	theme: Theme;
}

export function searchColumn({query, caret, scope, results, list, width, height, theme}: SearchProps): ColumnSpec {
	const listHeight = Math.max(1, height - 2);
	const {start, rows} = windowOf(results, list, listHeight);
	const other = scope === 'headings' ? 'full text' : 'headings';
	const title = ` Search ${scope === 'headings' ? 'headings' : 'full text'}: `;
	const text = query.join('');
	const count =
		text.trim() === ''
			? `  Type to search ${scope === 'headings' ? 'the headings of every report (typos are fine; a region or year narrows it)' : 'the text of every report'} · Tab: ${other} · Esc: back`
			: `  ${results.length === 0 ? 'No match' : `${results.length} result${results.length === 1 ? '' : 's'}`} · ↑/↓ choose · Enter open · Tab: ${other} · Esc: back`;
	return {
		width,
		rows: [
			{segments: [{text: title}, ...queryBox(query, caret, width - cells(title))], style: theme.title(true)},
			{segments: [{text: count, mark: 'meta'}]},
			...rows.map((result, i): RowSpec => {
				const selected = start + i === list.cursor;
				return {segments: [marker(selected), ...resultSegments(result, text, width - 2)], style: selected ? theme.selected : undefined};
			}),
			...blankRows(listHeight - rows.length),
		],
	};
}

/** What the explorer shows with no report at all (an empty corpus): what to do about it. */
export function emptyColumn(width: number, height: number, theme: Theme): ColumnSpec {
	const lines = [
		'No reports in this corpus.',
		'',
		'Build one from yearbook text:  pa-tui ingest <file…> --out corpus.json',
		'then open it:                  pa-tui --corpus corpus.json',
		'or leave out --corpus (and PA_TUI_CORPUS) for the bundled reports.',
		'',
		'q quits.',
	];
	return {
		width,
		rows: [
			{segments: [{text: ' pa-tui'}], style: theme.title(true)},
			...lines.map(text => ({segments: [{text: `  ${text}`}]})),
			...blankRows(height - 1 - lines.length),
		],
	};
}

/** The selected search hit's section beside the results (as fzf's preview): its text, the matches marked. */
export function previewColumn({
	title,
	lines,
	offset,
	width,
	height,
	theme,
}: {
	title: string;
	lines: Line[];
	offset: number;
	width: number;
	height: number;
	theme: Theme;
}): ColumnSpec {
	const body = height - 1;
	const {rows} = visibleSlice(lines, offset, body);
	return {
		width,
		rows: [
			{segments: [{text: ` ${title}`}], style: theme.title(false)},
			...rows.map(line => ({segments: [{text: ' '}, ...line]})),
			...blankRows(body - rows.length),
		],
	};
}
