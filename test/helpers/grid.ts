// Frames for the output layer's tests, written as lines with SGR codes: each line becomes a row
// of styled cells as frame.ts would build it (a wide character's second cell holds '').

import {type StyledChar, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import type {Grid} from '../../source/ui/screen.ts';

const BLANK: StyledChar = {type: 'char', value: ' ', fullWidth: false, styles: []};

/** `width`: pad (and cut) every row to it, as a frame's rows are; by default rows keep their length. */
export function gridOf(lines: string[], width?: number): Grid {
	return lines.map(text => {
		const row: StyledChar[] = [];
		for (const char of styledCharsFromTokens(tokenize(text))) {
			row.push(char);
			if (char.fullWidth) row.push({...char, value: '', fullWidth: false});
		}
		if (width === undefined) return row;
		while (row.length < width) row.push(BLANK);
		return row.slice(0, width);
	});
}
