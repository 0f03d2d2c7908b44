import React, {memo} from 'react';
import {Box} from 'ink';
import {helpLines} from '../keys.ts';
import {pad, width as cells} from '../../format/text.ts';
import type {Theme} from '../theme.ts';
import {visibleSlice} from '../window.ts';
import {Row, plain} from './Row.tsx';

interface Props {
	offset: number;
	width: number;
	height: number;
	theme: Theme;
}

const LINES = helpLines();
const LABEL = Math.max(...LINES.map(l => cells(l.label ?? ''))) + 2;

/** Every key, generated from the binding table; scrolls with ↑/↓ when it does not fit. */
export const HelpOverlay = memo(function HelpOverlay({offset, width, height, theme}: Props) {
	const bodyHeight = height - 1;
	const {start, rows} = visibleSlice(LINES, offset, bodyHeight);
	const more = LINES.length > bodyHeight ? ` (${start + 1}–${start + rows.length} of ${LINES.length}, ↑/↓ scroll)` : '';
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<Row segments={plain(` Keys${more} · Esc closes`)} width={width} theme={theme} style={theme.title(true)} />
			{rows.map((line, i) =>
				line.title ? (
					<Row key={i} segments={[{text: ` ${line.title}`, mark: 'heading'}]} width={width} theme={theme} />
				) : (
					<Row key={i} segments={[{text: '   '}, {text: pad(line.label ?? '', LABEL), mark: 'money'}, {text: line.description ?? ''}]} width={width} theme={theme} />
				),
			)}
			{Array.from({length: Math.max(0, bodyHeight - rows.length)}, (_, i) => (
				<Row key={`f${i}`} segments={plain('')} width={width} theme={theme} />
			))}
		</Box>
	);
});

