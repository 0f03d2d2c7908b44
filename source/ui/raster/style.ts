// Styles as small numbers. A cell carries a style id; the SGR parameters of each id are
// computed once, when the style is first seen, so painting a frame never turns a style into
// codes, a string or a regular expression again.

import type {TextStyle} from '../view/spec.ts';

export type StyleId = number;

/** The terminal's default style: no attributes. */
export const PLAIN: StyleId = 0;

const COLORS: Record<string, number> = {black: 0, red: 1, green: 2, yellow: 3, blue: 4, magenta: 5, cyan: 6, white: 7};

const ids = new Map<string, StyleId>([['', PLAIN]]);
const looks: TextStyle[] = [{}];
const params: string[] = [''];
const combined = new Map<number, StyleId>();

function keyOf(style: TextStyle): string {
	const {color = '', backgroundColor = '', bold, dim, underline, inverse} = style;
	const flags = `${bold ? 'b' : ''}${dim ? 'd' : ''}${underline ? 'u' : ''}${inverse ? 'i' : ''}`;
	return color === '' && backgroundColor === '' && flags === '' ? '' : `${color}/${backgroundColor}/${flags}`;
}

function sgrOf(style: TextStyle): string {
	const codes: number[] = [];
	if (style.bold) codes.push(1);
	if (style.dim) codes.push(2);
	if (style.underline) codes.push(4);
	if (style.inverse) codes.push(7);
	const fg = style.color === undefined ? undefined : COLORS[style.color];
	if (fg !== undefined) codes.push(30 + fg);
	const bg = style.backgroundColor === undefined ? undefined : COLORS[style.backgroundColor];
	if (bg !== undefined) codes.push(40 + bg);
	return codes.join(';');
}

/** The id of a style; equal-looking styles share one. */
export function styleId(style: TextStyle | undefined): StyleId {
	if (!style) return PLAIN;
	const key = keyOf(style);
	let id = ids.get(key);
	if (id === undefined) {
		id = looks.length;
		ids.set(key, id);
		looks.push({...style});
		params.push(sgrOf(style));
	}
	return id;
}

/** A span's style inside a row's: the span's colours win, attributes add up. */
export function withinRow(row: StyleId, span: StyleId): StyleId {
	if (row === PLAIN) return span;
	if (span === PLAIN) return row;
	const pair = row * 65536 + span;
	let id = combined.get(pair);
	if (id === undefined) {
		const outer = looks[row]!;
		const inner = looks[span]!;
		id = styleId({
			color: inner.color ?? outer.color,
			backgroundColor: inner.backgroundColor ?? outer.backgroundColor,
			bold: outer.bold || inner.bold,
			dim: outer.dim || inner.dim,
			underline: outer.underline || inner.underline,
			inverse: outer.inverse || inner.inverse,
		});
		combined.set(pair, id);
	}
	return id;
}

/** SGR parameters of a style ("1;33"); '' for the default style. */
export function sgrParams(id: StyleId): string {
	return params[id] ?? '';
}
