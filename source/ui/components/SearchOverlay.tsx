import React, {memo} from 'react';
import {Box} from 'ink';
import type {SearchResult, SearchScope} from '../hooks/use-search.ts';
import {headingRanges, highlight, type Segment} from '../reading.ts';
import type {Theme} from '../theme.ts';
import {visibleSlice} from '../window.ts';
import {Row, plain} from './Row.tsx';

interface Props {
	query: string;
	scope: SearchScope;
	results: SearchResult[];
	cursor: number;
	offset: number;
	width: number;
	height: number;
	theme: Theme;
}

/** A text hit's excerpt, cut so the first match is in view. */
function excerptSegments(excerpt: string, ranges: Array<[number, number]>, room: number): Segment[] {
	const first = ranges[0]?.[0] ?? 0;
	const from = first > room / 3 ? Math.max(0, first - Math.floor(room / 3)) : 0;
	const shifted = ranges.map(([a, b]) => [a - from, b - from] as [number, number]).filter(([, b]) => b > 0);
	const segments = highlight(excerpt.slice(from), shifted.map(([a, b]) => [Math.max(0, a), b]), 'match');
	return from > 0 ? [{text: '…'}, ...segments] : segments;
}

function resultSegments(result: SearchResult, query: string, width: number): Segment[] {
	const {document} = result.hit;
	const where = `${document.region} ${document.year}`;
	if (result.kind === 'heading') {
		// fuse.js ranges are inclusive.
		const ranges = headingRanges(result.hit.heading, query, result.hit.ranges.map(([a, b]) => [a, b + 1] as [number, number]));
		return [...highlight(result.hit.heading, ranges, 'match'), {text: `  ${where}`, mark: 'meta'}];
	}
	const heading = result.hit.section.heading || '(opening)';
	const lead = `${where} · ${heading}: `;
	return [{text: lead, mark: 'meta'}, ...excerptSegments(result.hit.excerpt, result.hit.ranges, Math.max(10, width - lead.length - 4))];
}

export const SearchOverlay = memo(function SearchOverlay({query, scope, results, cursor, offset, width, height, theme}: Props) {
	const listHeight = Math.max(1, height - 2);
	const {start, rows} = visibleSlice(results, offset, listHeight);
	const other = scope === 'headings' ? 'full text' : 'headings';
	const title = ` Search ${scope === 'headings' ? 'headings' : 'full text'}: `;
	const count =
		query.trim() === ''
			? `  Type to search ${scope === 'headings' ? 'the headings of every report (typos are fine; a region or year narrows it)' : 'the text of every report'} · Tab: ${other} · Esc: back`
			: `  ${results.length === 0 ? 'No match' : `${results.length} result${results.length === 1 ? '' : 's'}`} · ↑/↓ choose · Enter open · Tab: ${other} · Esc: back`;
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<Row segments={[{text: title}, {text: query}, {text: '█'}]} width={width} theme={theme} style={theme.title(true)} />
			<Row segments={[{text: count, mark: 'meta'}]} width={width} theme={theme} />
			{rows.map((result, i) => {
				const selected = start + i === cursor;
				return (
					<Row
						key={start + i}
						segments={[{text: selected ? '› ' : '  '}, ...resultSegments(result, query, width - 2)]}
						width={width}
						theme={theme}
						style={selected ? theme.selected : undefined}
					/>
				);
			})}
			{Array.from({length: Math.max(0, listHeight - rows.length)}, (_, i) => (
				<Row key={`f${i}`} segments={plain('')} width={width} theme={theme} />
			))}
		</Box>
	);
});
