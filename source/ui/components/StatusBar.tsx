import React, {memo} from 'react';
import {hintsFor, type KeyScope} from '../keys.ts';
import {width as cells} from '../../format/text.ts';
import type {Segment} from '../reading.ts';
import type {Theme} from '../theme.ts';
import {Row} from './Row.tsx';

interface Props {
	where: string;
	position: string;
	scopes: KeyScope[];
	width: number;
	theme: Theme;
}

/** Where you are on the left, key hints (from the binding table) on the right as room allows. */
export const StatusBar = memo(function StatusBar({where, position, scopes, width, theme}: Props) {
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
	return <Row segments={[{text: left}, {text: ' '.repeat(gap)}, ...hints]} width={width} theme={theme} style={theme.status} />;
});
