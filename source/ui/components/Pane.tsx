// A pane: a title line, then exactly `height` body lines.

import React, {type ReactNode} from 'react';
import {Box, Text} from 'ink';
import {Row, plain} from './Row.tsx';
import type {Theme} from '../theme.ts';

interface Props {
	title: string;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
	children: ReactNode[];
}

export function Pane({title, focused, width, height, theme, children}: Props) {
	const filler = Array.from({length: Math.max(0, height - children.length)}, (_, i) => <Row key={`fill-${i}`} segments={plain('')} width={width} theme={theme} />);
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<Row segments={plain(` ${title}`)} width={width} theme={theme} style={theme.title(focused)} />
			{children.slice(0, height)}
			{filler}
		</Box>
	);
}

export function Separator({height}: {height: number}) {
	return (
		<Box width={1} flexShrink={0}>
			<Text dimColor>{Array.from({length: height}, () => '│').join('\n')}</Text>
		</Box>
	);
}
