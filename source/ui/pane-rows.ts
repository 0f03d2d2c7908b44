// What each pane shows, as rows of styled segments: pure, shared by the Ink components and by
// the first frame painted before Ink has loaded (shell.ts), so the two cannot drift apart.

import type {Region} from '../corpus/model.ts';
import {width as cells} from '../format/text.ts';
import {hintsFor, type KeyScope} from './keys.ts';
import {regionLabel, type SectionRow} from './model-view.ts';
import type {Line, Segment} from './reading.ts';
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

export interface RegionsProps {
	regions: Region[];
	cursor: number;
	offset: number;
	/** The year shown for the selected region. */
	year: number;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
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
	return region.years.length > 1 ? `${region.name} ${region.years.map(y => (y === year ? `[${y}]` : String(y))).join(' ')}` : `${region.name} ${year}`;
}

export interface SectionsProps {
	title: string;
	rows: SectionRow[];
	cursor: number;
	offset: number;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
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
			if (row.kind === 'title') return {key: `t-${row.document.id}`, segments: [{text: `▸ ${shortTitle(row.document.title)}`, mark: 'heading'}]};
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
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
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
