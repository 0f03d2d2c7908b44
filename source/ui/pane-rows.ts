// What each pane shows, as rows of styled segments: pure. frame.ts lays them out into the
// explorer's frames, the first one (shell.ts) included, and FrameView draws them with Ink in tests.

import type {Region} from '../corpus/model.ts';
import {MONEY_UNIT} from '../format/money.ts';
import {width as cells, pad} from '../format/text.ts';
import type {SearchResult, SearchScope} from './hooks/use-search.ts';
import {helpLines, hintsFor, type KeyScope} from './keys.ts';
import {type FundsRow, fundsColumns, fundsHeader, fundsLine, regionLabel, type SectionRow} from './model-view.ts';
import {headingRanges, highlight, type Line, type Segment} from './reading.ts';
import type {TextStyle, Theme} from './theme.ts';
import {visibleSlice} from './window.ts';

export interface RowSpec {
	/** Stable across frames for the same content (React's key). */
	key: string;
	segments: Segment[];
	/** A style for the whole line (selection, status bar). */
	style?: TextStyle;
}

export interface PaneSpec {
	title: string;
	/** At most the pane's height; the pane fills the rest with blank rows. */
	rows: RowSpec[];
}

/** What every list pane is drawn from: where its cursor and window are, and how it looks. */
interface ListProps {
	cursor: number;
	offset: number;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
}

export interface RegionsProps extends ListProps {
	regions: Region[];
	/** The year shown for the selected region. */
	year: number;
}

export function regionsPane({regions, cursor, offset, year, focused, width, height, theme}: RegionsProps): PaneSpec {
	const {start, rows} = visibleSlice(regions, offset, height);
	return {
		title: `Regions (${regions.length})`,
		rows: rows.map((region, i) => {
			const selected = start + i === cursor;
			const label = regionLabel(region, width - 2);
			const segments: Segment[] = [{text: selected ? '› ' : '  '}, {text: label}];
			// The selected region's chosen year, when it has several.
			if (selected && region.years.length > 1) {
				const at = label.lastIndexOf(String(year));
				if (at >= 0) segments.splice(1, 1, {text: label.slice(0, at)}, {text: String(year), mark: 'heading'}, {text: label.slice(at + 4)});
			}
			return {key: region.name, segments, style: selected ? (focused ? theme.selected : theme.selectedIdle) : undefined};
		}),
	};
}

/** The status bar's "where": region, year and the section's heading. */
export function whereText(region: string, year: number, heading?: string): string {
	return [region, String(year), heading ?? ''].filter(Boolean).join(' · ');
}

/** The Sections pane's title: the region and its years, the shown one in brackets when it has several. */
export function sectionsTitle(region: Region, year: number): string {
	return region.years.length > 1
		? `${region.name} ${region.years.map(y => (y === year ? `[${y}]` : String(y))).join(' ')}`
		: `${region.name} ${year}`;
}

export interface SectionsProps extends ListProps {
	title: string;
	rows: SectionRow[];
}

/** Titles mostly share their opening words; keep what tells them apart. */
export function shortTitle(title: string): string {
	return title.replace(/^Poverty Alleviation and Development (?:in|of) /i, '');
}

export function sectionsPane({title, rows, cursor, offset, focused, height, theme}: SectionsProps): PaneSpec {
	const {start, rows: visible} = visibleSlice(rows, offset, height);
	const indent = rows[0]?.kind === 'title' ? '  ' : '';
	return {
		title,
		rows: visible.map((row, i): RowSpec => {
			if (row.kind === 'title')
				return {key: `t-${row.document.id}`, segments: [{text: `▸ ${shortTitle(row.document.title)}`, mark: 'heading'}]};
			const selected = start + i === cursor;
			return {
				key: `${row.document.id}-${row.sectionIndex}`,
				segments: [{text: selected ? '› ' : '  '}, {text: indent + row.heading}],
				style: selected ? (focused ? theme.selected : theme.selectedIdle) : undefined,
			};
		}),
	};
}

export interface ReaderProps {
	title: string;
	lines: Line[];
	offset: number;
	height: number;
}

export function readerPane({title, lines, offset, height}: ReaderProps): PaneSpec {
	const visible = lines.slice(offset, offset + height);
	const more = lines.length > height ? ` ${Math.round((Math.min(lines.length, offset + height) / lines.length) * 100)}%` : '';
	return {title: `${title}${more}`, rows: visible.map((line, i) => ({key: String(offset + i), segments: [{text: ' '}, ...line]}))};
}

export interface StatusProps {
	where: string;
	position: string;
	scopes: KeyScope[];
	width: number;
	theme: Theme;
}

/** Where you are on the left, key hints (from the binding table) on the right as room allows. */
export function statusRow({where, position, scopes, width, theme}: StatusProps): RowSpec {
	const left = ` ${where}${position ? `  ${position}` : ''} `;
	const hints: Segment[] = [];
	let used = cells(left);
	for (const {label, hint} of hintsFor(scopes)) {
		const w = cells(label) + 1 + cells(hint) + 2;
		if (used + w > width) break;
		hints.push({text: '  '}, {text: label, mark: 'heading'}, {text: ` ${hint}`});
		used += w;
	}
	const gap = Math.max(0, width - used);
	return {key: 'status', segments: [{text: left}, {text: ' '.repeat(gap)}, ...hints], style: theme.status};
}

export interface FundsProps extends ListProps {
	/** The report's title, when its year has more than one report. */
	report?: string;
	rows: FundsRow[];
	sort: 'order' | 'amount';
}

export function fundsPane({report, rows, sort, cursor, offset, focused, width, height, theme}: FundsProps): PaneSpec {
	const columns = fundsColumns(rows, width);
	const {start, rows: visible} = visibleSlice(rows, offset, height - 1);
	return {
		title: `Funds · by ${sort === 'amount' ? 'amount' : 'order'} · ${rows.length} figures in ${MONEY_UNIT}${report ? ` · ${report}` : ''}`,
		rows: [
			{key: 'header', segments: [{text: fundsHeader(columns), mark: 'heading'}]},
			...(rows.length === 0 ? [{key: 'none', segments: [{text: '  No money figures in this report.'}]}] : []),
			...visible.map((row, i): RowSpec => {
				const selected = start + i === cursor;
				return {
					key: `${row.document.id}-${row.order}`,
					segments: [{text: selected ? '› ' : '  '}, {text: fundsLine(row, columns)}],
					style: selected ? (focused ? theme.selected : theme.selectedIdle) : undefined,
				};
			}),
		],
	};
}

/** A column of the screen: exactly as many rows as it is tall. */
export interface ColumnSpec {
	width: number;
	rows: RowSpec[];
}

const blankRows = (count: number, from = 0): RowSpec[] =>
	Array.from({length: Math.max(0, count)}, (_, i) => ({key: `fill-${from + i}`, segments: []}));

/** A pane as a column: its title line, then exactly `height` body lines. */
export function paneColumn(spec: PaneSpec, focused: boolean, width: number, height: number, theme: Theme): ColumnSpec {
	const body = spec.rows.slice(0, height);
	// Body keys are prefixed: a region could be called "title".
	const keyed = body.map(row => ({...row, key: `r:${row.key}`}));
	return {
		width,
		rows: [{key: 'title', segments: [{text: ` ${spec.title}`}], style: theme.title(focused)}, ...keyed, ...blankRows(height - body.length)],
	};
}

const HELP_LINES = helpLines();
const HELP_LABEL = Math.max(...HELP_LINES.map(l => cells(l.label ?? ''))) + 2;

/** Every key, generated from the binding table; scrolls with ↑/↓ when it does not fit. `height` counts the title. */
export function helpColumn(offset: number, width: number, height: number, theme: Theme): ColumnSpec {
	const bodyHeight = height - 1;
	const {start, rows} = visibleSlice(HELP_LINES, offset, bodyHeight);
	const more = HELP_LINES.length > bodyHeight ? ` (${start + 1}–${start + rows.length} of ${HELP_LINES.length}, ↑/↓ scroll)` : '';
	return {
		width,
		rows: [
			{key: 'title', segments: [{text: ` Keys${more} · Esc closes`}], style: theme.title(true)},
			...rows.map(
				(line, i): RowSpec =>
					line.title
						? {key: String(start + i), segments: [{text: ` ${line.title}`, mark: 'heading'}]}
						: {
								key: String(start + i),
								segments: [{text: '   '}, {text: pad(line.label ?? '', HELP_LABEL), mark: 'money'}, {text: line.description ?? ''}],
							},
			),
			...blankRows(bodyHeight - rows.length),
		],
	};
}

export interface SearchProps {
	query: string;
	scope: SearchScope;
	results: SearchResult[];
	cursor: number;
	offset: number;
	width: number;
	/** Lines of the overlay: the search box, the count line, then the results. */
	height: number;
	theme: Theme;
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
	const heading = result.hit.section.heading || '(opening)';
	const lead = `${where} · ${heading}: `;
	return [{text: lead, mark: 'meta'}, ...excerptSegments(result.hit.excerpt, result.hit.ranges, Math.max(10, width - lead.length - 4))];
}

export function searchColumn({query, scope, results, cursor, offset, width, height, theme}: SearchProps): ColumnSpec {
	const listHeight = Math.max(1, height - 2);
	const {start, rows} = visibleSlice(results, offset, listHeight);
	const other = scope === 'headings' ? 'full text' : 'headings';
	const title = ` Search ${scope === 'headings' ? 'headings' : 'full text'}: `;
	const count =
		query.trim() === ''
			? `  Type to search ${scope === 'headings' ? 'the headings of every report (typos are fine; a region or year narrows it)' : 'the text of every report'} · Tab: ${other} · Esc: back`
			: `  ${results.length === 0 ? 'No match' : `${results.length} result${results.length === 1 ? '' : 's'}`} · ↑/↓ choose · Enter open · Tab: ${other} · Esc: back`;
	return {
		width,
		rows: [
			{key: 'title', segments: [{text: title}, {text: query}, {text: '█'}], style: theme.title(true)},
			{key: 'count', segments: [{text: count, mark: 'meta'}]},
			...rows.map((result, i): RowSpec => {
				const selected = start + i === cursor;
				return {
					key: String(start + i),
					segments: [{text: selected ? '› ' : '  '}, ...resultSegments(result, query, width - 2)],
					style: selected ? theme.selected : undefined,
				};
			}),
			...blankRows(listHeight - rows.length),
		],
	};
}
