// How marks look, with and without colour. Without colour every mark still shows: underline,
// bold or inverse (NO_COLOR asks for no colour, not for no emphasis).

import type {Mark, TextStyle} from './spec.ts';

export interface Theme {
	color: boolean;
	/** The terminal shows UTF-8: bars in eighth blocks (else '#'). */
	unicode: boolean;
	mark(mark: Mark | undefined): TextStyle;
	selected: TextStyle;
	/** The selected row of a pane without focus. */
	selectedIdle: TextStyle;
	title(focused: boolean): TextStyle;
	separator: TextStyle;
	status: TextStyle;
}

const NONE: TextStyle = Object.freeze({});

export function theme(color: boolean, unicode = true): Theme {
	const marks: Record<Mark, TextStyle> = color
		? {
				money: {color: 'yellow', bold: true},
				'money-selected': {color: 'black', backgroundColor: 'yellow', bold: true},
				match: {color: 'black', backgroundColor: 'cyan'},
				'match-current': {color: 'black', backgroundColor: 'magenta', bold: true},
				heading: {color: 'cyan', bold: true},
				meta: {dim: true},
				key: {color: 'blue', bold: true},
				planned: {color: 'magenta'},
				bar: {color: 'green'},
			}
		: {
				money: {underline: true},
				'money-selected': {inverse: true, bold: true},
				match: {inverse: true},
				'match-current': {inverse: true, bold: true, underline: true},
				heading: {bold: true},
				meta: {dim: true},
				key: {bold: true},
				planned: {underline: true},
				bar: {},
			};
	const titleFocused: TextStyle = color ? {color: 'black', backgroundColor: 'cyan', bold: true} : {inverse: true, bold: true};
	const titleIdle: TextStyle = {bold: true, dim: true};
	return {
		color,
		unicode,
		mark: mark => (mark ? marks[mark] : NONE),
		selected: color ? {color: 'black', backgroundColor: 'cyan'} : {inverse: true},
		selectedIdle: color ? {bold: true, color: 'cyan'} : {bold: true},
		title: focused => (focused ? titleFocused : titleIdle),
		separator: {dim: true},
		// Inverse, not a fixed white: a white bar vanishes on a light terminal background.
		status: {inverse: true},
	};
}

// Moved to format/ so that the one-shot commands decide the same way without loading the view.
export {unicodeLocale} from '../../format/locale.ts';

/**
 * The characters the explorer draws with, and the ASCII each becomes without a UTF-8 locale.
 * One cell for one cell, so the layout computed with the original characters still holds.
 */
const ASCII: Record<string, string> = {
	'│': '|',
	'›': '>',
	'▸': '>',
	'…': '~',
	'·': '-',
	'█': '_',
	'▉': '#',
	'▊': '#',
	'▋': '#',
	'▌': '#',
	'▍': '#',
	'▎': '#',
	'▏': '#',
	'↑': '^',
	'↓': 'v',
	'←': '<',
	'→': '>',
	'–': '-',
	'—': '-',
	'×': 'x',
	Δ: 'D',
};
const CHROME = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'g');

/** The text with every drawing character replaced by its ASCII stand-in (same width). */
export function asciiFallback(text: string): string {
	return text.replace(CHROME, char => ASCII[char] ?? char);
}
