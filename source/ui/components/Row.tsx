// biome-ignore-all lint/suspicious/noArrayIndexKey: columns and segments are positional
// One line of styled segments, cut and padded to its width. Every rendered line is one of these.

import {Text} from 'ink';
import {memo} from 'react';
import {fitSegments, type Segment} from '../reading.ts';
import type {TextStyle, Theme} from '../theme.ts';

interface Props {
	segments: Segment[];
	width: number;
	theme: Theme;
	/** A style for the whole line (selection, status bar). */
	style?: TextStyle;
}

function sameSegments(a: Segment[], b: Segment[]): boolean {
	return a.length === b.length && a.every((s, i) => s.text === b[i]!.text && s.mark === b[i]!.mark);
}

/** Rows are rebuilt on every key; most are unchanged, and React can skip those. */
function same(a: Props, b: Props): boolean {
	return a.width === b.width && a.theme === b.theme && a.style === b.style && sameSegments(a.segments, b.segments);
}

export const Row = memo(function Row({segments, width, theme, style}: Props) {
	// Only a styled line (a selection bar) needs its blanks: Ink's cost grows with every character.
	const fitted = fitSegments(segments, width, style !== undefined);
	if (fitted.every(s => s.text.trim() === '') && style === undefined) return <Text> </Text>;
	return (
		<Text wrap="truncate-end" {...style}>
			{fitted.map((s, i) => (
				<Text key={i} {...theme.mark(s.mark)}>
					{s.text}
				</Text>
			))}
		</Text>
	);
}, same);
