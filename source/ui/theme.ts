// How marks look, with and without colour. Without colour every mark still shows: underline,
// bold or inverse (NO_COLOR asks for no colour, not for no emphasis).

import type {Mark} from './reading.ts';

export interface TextStyle {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dimColor?: boolean;
	underline?: boolean;
	inverse?: boolean;
}

export interface Theme {
	color: boolean;
	mark(mark: Mark | undefined): TextStyle;
	selected: TextStyle;
	/** The selected row of a pane without focus. */
	selectedIdle: TextStyle;
	title(focused: boolean): TextStyle;
	dim: TextStyle;
	status: TextStyle;
	key: TextStyle;
}

const PLAIN: TextStyle = Object.freeze({});

export function theme(color: boolean): Theme {
	const marks: Record<Mark, TextStyle> = color
		? {
				money: {color: 'yellow', bold: true},
				'money-selected': {color: 'black', backgroundColor: 'yellow', bold: true},
				match: {color: 'black', backgroundColor: 'cyan'},
				'match-current': {color: 'black', backgroundColor: 'magenta', bold: true},
				heading: {color: 'cyan', bold: true},
				meta: {dimColor: true},
			}
		: {
				money: {underline: true},
				'money-selected': {inverse: true, bold: true},
				match: {inverse: true},
				'match-current': {inverse: true, bold: true, underline: true},
				heading: {bold: true},
				meta: {dimColor: true},
			};
	// Fixed objects, so that rows that did not change compare equal and are not re-rendered.
	const titleFocused: TextStyle = color ? {color: 'black', backgroundColor: 'cyan', bold: true} : {inverse: true, bold: true};
	const titleIdle: TextStyle = {bold: true, dimColor: true};
	return {
		color,
		mark: mark => (mark ? marks[mark] : PLAIN),
		selected: color ? {color: 'black', backgroundColor: 'cyan'} : {inverse: true},
		selectedIdle: color ? {bold: true, color: 'cyan'} : {bold: true},
		title: focused => (focused ? titleFocused : titleIdle),
		dim: {dimColor: true},
		// Inverse, not a fixed white: a white bar vanishes on a light terminal background.
		status: {inverse: true},
		key: color ? {color: 'blue', bold: true} : {bold: true},
	};
}

/**
 * Whether the terminal can be expected to show UTF-8: the first of LC_ALL, LC_CTYPE and LANG
 * that is set decides (as setlocale does); with none set, assume it can (most terminals today).
 */
export function unicodeLocale(env: NodeJS.ProcessEnv = process.env): boolean {
	for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
		const value = env[name];
		if (value) return /utf-?8/i.test(value);
	}
	return true;
}

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
	'↑': '^',
	'↓': 'v',
	'←': '<',
	'→': '>',
	'–': '-',
	'—': '-',
	'×': 'x',
};
const CHROME = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'g');

/** The text with every drawing character replaced by its ASCII stand-in (same width). */
export function asciiFallback(text: string): string {
	return text.replace(CHROME, char => ASCII[char] ?? char);
}
