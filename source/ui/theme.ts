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
		mark: mark => (mark ? marks[mark] : {}),
		selected: color ? {color: 'black', backgroundColor: 'cyan'} : {inverse: true},
		selectedIdle: color ? {bold: true, color: 'cyan'} : {bold: true},
		title: focused => (focused ? titleFocused : titleIdle),
		dim: {dimColor: true},
		status: color ? {color: 'black', backgroundColor: 'white'} : {inverse: true},
		key: color ? {color: 'blue', bold: true} : {bold: true},
	};
}
