import React, {memo} from 'react';
import type {Region} from '../../corpus/model.ts';
import {regionLabel} from '../model-view.ts';
import type {Segment} from '../reading.ts';
import {visibleSlice} from '../window.ts';
import type {Theme} from '../theme.ts';
import {Pane} from './Pane.tsx';
import {Row} from './Row.tsx';

interface Props {
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

export const RegionsPane = memo(function RegionsPane({regions, cursor, offset, year, focused, width, height, theme}: Props) {
	const {start, rows} = visibleSlice(regions, offset, height);
	return (
		<Pane title={`Regions (${regions.length})`} focused={focused} width={width} height={height} theme={theme}>
			{rows.map((region, i) => {
				const selected = start + i === cursor;
				const label = regionLabel(region, width - 2);
				const segments: Segment[] = [{text: selected ? '› ' : '  '}, {text: label}];
				// The selected region's chosen year, when it has several.
				if (selected && region.years.length > 1) {
					const at = label.lastIndexOf(String(year));
					if (at >= 0) segments.splice(1, 1, {text: label.slice(0, at)}, {text: String(year), mark: 'heading'}, {text: label.slice(at + 4)});
				}
				return <Row key={region.name} segments={segments} width={width} theme={theme} style={selected ? (focused ? theme.selected : theme.selectedIdle) : undefined} />;
			})}
		</Pane>
	);
});
