import React, {memo} from 'react';
import type {SectionRow} from '../model-view.ts';
import {visibleSlice} from '../window.ts';
import type {Theme} from '../theme.ts';
import {Pane} from './Pane.tsx';
import {Row} from './Row.tsx';

interface Props {
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

export const SectionsPane = memo(function SectionsPane({title, rows, cursor, offset, focused, width, height, theme}: Props) {
	const {start, rows: visible} = visibleSlice(rows, offset, height);
	return (
		<Pane title={title} focused={focused} width={width} height={height} theme={theme}>
			{visible.map((row, i) => {
				if (row.kind === 'title') {
					return <Row key={`t-${row.document.id}`} segments={[{text: `▸ ${shortTitle(row.document.title)}`, mark: 'heading'}]} width={width} theme={theme} />;
				}
				const selected = start + i === cursor;
				const indent = rows[0]?.kind === 'title' ? '  ' : '';
				return (
					<Row
						key={`${row.document.id}-${row.sectionIndex}`}
						segments={[{text: selected ? '› ' : '  '}, {text: indent + row.heading}]}
						width={width}
						theme={theme}
						style={selected ? (focused ? theme.selected : theme.selectedIdle) : undefined}
					/>
				);
			})}
		</Pane>
	);
});
