// Grids for the diff writer's tests, written as lines with SGR codes: each line becomes a row of
// typed cells as the raster builds them (a wide character's second cell holds '').

import {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import {BLANK, type Cell, type Grid} from '../../source/ui/raster/raster.ts';
import {styleId} from '../../source/ui/raster/style.ts';
import type {TextStyle} from '../../source/ui/view/spec.ts';

const COLORS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

function styleOf(codes: string[]): TextStyle {
	const style: TextStyle = {};
	for (const code of codes) {
		const n = Number(/\[(\d+)m/.exec(code)?.[1]);
		if (n === 1) style.bold = true;
		else if (n === 2) style.dim = true;
		else if (n === 4) style.underline = true;
		else if (n === 7) style.inverse = true;
		else if (n >= 30 && n < 38) style.color = COLORS[n - 30];
		else if (n >= 40 && n < 48) style.backgroundColor = COLORS[n - 40];
	}
	return style;
}

/** `width`: pad (and cut) every row to it, as a frame's rows are; by default rows keep their length. */
export function gridOf(lines: string[], width?: number): Grid {
	return lines.map(text => {
		const row: Cell[] = [];
		for (const char of styledCharsFromTokens(tokenize(text))) {
			const style = styleId(styleOf(char.styles.map(s => s.code)));
			row.push({ch: char.value, style});
			if (char.fullWidth) row.push({ch: '', style});
		}
		if (width === undefined) return row;
		while (row.length < width) row.push(BLANK);
		return row.slice(0, width);
	});
}
