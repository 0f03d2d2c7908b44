// biome-ignore-all lint/suspicious/noArrayIndexKey: columns and segments are positional
// A frame (frame.ts) as an Ink tree: columns of rows side by side, a separator between two, the
// status bar below. The program paints the same frame as cells (frame.ts frameGrid); this tree is
// what ink-testing-library renders in the tests.

import {Box, Text} from 'ink';
import type React from 'react';
import {memo} from 'react';
import type {FrameSpec} from '../frame.ts';
import type {ColumnSpec} from '../pane-rows.ts';
import type {Theme} from '../theme.ts';
import {Row} from './Row.tsx';

function Separator({height}: {height: number}) {
	return (
		<Box width={1} flexShrink={0}>
			<Text dimColor>{Array.from({length: height}, () => '│').join('\n')}</Text>
		</Box>
	);
}

const Column = memo(function Column({column, theme}: {column: ColumnSpec; theme: Theme}) {
	return (
		<Box flexDirection="column" width={column.width} flexShrink={0}>
			{column.rows.map(row => (
				<Row key={row.key} segments={row.segments} width={column.width} theme={theme} style={row.style} />
			))}
		</Box>
	);
});

export function FrameView({frame, theme}: {frame: FrameSpec; theme: Theme}) {
	if (frame.kind === 'notice') return <Text wrap="truncate-end">{frame.text}</Text>;
	const children: React.ReactNode[] = [];
	frame.columns.forEach((column, i) => {
		if (i > 0) children.push(<Separator key={`s${i}`} height={frame.height - 1} />);
		children.push(<Column key={`c${i}`} column={column} theme={theme} />);
	});
	return (
		<Box flexDirection="column" width={frame.width} height={frame.height}>
			<Box flexDirection="row">{children}</Box>
			<Row segments={frame.status.segments} width={frame.width} theme={theme} style={frame.status.style} />
		</Box>
	);
}
