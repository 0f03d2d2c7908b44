// Measuring, cutting and wrapping text for the terminal: the program's one width function.
// Wide characters (CJK) count two cells, combining marks none; an emoji sequence is one
// grapheme of two cells.

import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

const ASCII = /^[\x20-\x7e]*$/;
/**
 * Characters that are one cell whatever follows them (no combining marks, no zero-width, no
 * emoji): Latin-1 and Latin Extended, Greek (Δ for a change), general punctuation (dashes,
 * quotes, …), arrows, mathematical operators (− for a negative amount), box drawing. Most of what
 * we draw is these, and they need neither string-width's grapheme segmentation nor its emoji
 * expression, which takes ~40 ms to build on first use (test/text-width.test.ts checks each
 * against it).
 */
export const NARROW =
	/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u03FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2200-\u22FF\u2400-\u2426\u2500-\u25FC]*$/;

/** Display cells of a line of text. */
export function width(text: string): number {
	if (ASCII.test(text) || NARROW.test(text)) return text.length;
	return stringWidth(text);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Text in which every code point is a grapheme of its own: only grapheme bases, none of which
 * joins its neighbour (Hangul jamo, regional indicators, emoji modifiers, spacing marks with
 * the Thai and Lao AM, the Prepend characters of UAX #29). Curly quotes, dashes and CJK are;
 * accents and emoji sequences are not (test/text-width.test.ts checks it against Intl.Segmenter).
 */
export const SINGLE_CODE_POINTS =
	/^(?:(?![\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\p{Mc}\u0e33\u0eb3\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}])\p{Grapheme_Base})*$/u;

/**
 * The characters a reader sees, each kept whole: a letter with its accents, an emoji with its
 * skin tone or joined parts.
 */
export function graphemes(text: string): string[] {
	if (ASCII.test(text) || SINGLE_CODE_POINTS.test(text)) return [...text];
	// Created on first use: it costs ~20 ms, and few texts need it.
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), part => part.segment);
}

export function wrap(text: string, cells: number): string[] {
	if (cells <= 0) return [text];
	return wrapAnsi(text, cells, {hard: true, trim: true}).split('\n');
}

/** Pad to a display width; `align` right for numbers. */
export function pad(text: string, cells: number, align: 'left' | 'right' = 'left'): string {
	const fill = ' '.repeat(Math.max(0, cells - width(text)));
	return align === 'right' ? fill + text : text + fill;
}

/** Cut to a display width with an ellipsis, never inside a grapheme. */
export function truncate(text: string, cells: number): string {
	if (width(text) <= cells) return text;
	if (cells <= 1) return '…'.slice(0, Math.max(0, cells));
	let out = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		const w = width(grapheme);
		if (used + w > cells - 1) break;
		out += grapheme;
		used += w;
	}
	return `${out}…`;
}
