// A pane: a title line, then exactly `height` body lines.

import React, {type ReactNode} from 'react';
import {Box, Text} from 'ink';
import {Row, plain} from './Row.tsx';
import type {Theme} from '../theme.ts';
import type {PaneSpec} from '../pane-rows.ts';

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

/** A pane whose rows were worked out by pane-rows.ts. */
export function PaneRows({spec, focused, width, height, theme}: {spec: PaneSpec; focused: boolean; width: number; height: number; theme: Theme}) {
	return (
		<Pane title={spec.title} focused={focused} width={width} height={height} theme={theme}>
			{spec.rows.map(row => (
				<Row key={row.key} segments={row.segments} width={width} theme={theme} style={row.style} />
			))}
		</Pane>
	);
}
