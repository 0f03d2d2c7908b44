// Wrapping and measuring text for the terminal (wide characters count as two cells).

import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export function wrap(text: string, width: number): string[] {
	if (width <= 0) return [text];
	return wrapAnsi(text, width, {hard: true, trim: true}).split('\n');
}

export function width(text: string): number {
	return stringWidth(text);
}

/** Pad to a display width; `align` right for numbers. */
export function pad(text: string, cells: number, align: 'left' | 'right' = 'left'): string {
	const fill = ' '.repeat(Math.max(0, cells - width(text)));
	return align === 'right' ? fill + text : text + fill;
}

/** Cut to a display width with an ellipsis. */
export function truncate(text: string, cells: number): string {
	if (width(text) <= cells) return text;
	if (cells <= 1) return '…'.slice(0, cells);
	let out = '';
	for (const ch of text) {
		if (width(out + ch) > cells - 1) break;
		out += ch;
	}
	return `${out}…`;
}
