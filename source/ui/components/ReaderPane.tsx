import React, {memo} from 'react';
import type {Line} from '../reading.ts';
import type {Theme} from '../theme.ts';
import {Pane} from './Pane.tsx';
import {Row} from './Row.tsx';

interface Props {
	title: string;
	lines: Line[];
	offset: number;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
}

export const ReaderPane = memo(function ReaderPane({title, lines, offset, focused, width, height, theme}: Props) {
	const visible = lines.slice(offset, offset + height);
	const more = lines.length > height ? ` ${Math.round((Math.min(lines.length, offset + height) / lines.length) * 100)}%` : '';
	return (
		<Pane title={`${title}${more}`} focused={focused} width={width} height={height} theme={theme}>
			{visible.map((line, i) => (
				<Row key={offset + i} segments={[{text: ' '}, ...line]} width={width} theme={theme} />
			))}
		</Pane>
	);
});
