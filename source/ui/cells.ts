// Display width, fast for the common case: printable ASCII is one cell a character.

import {width} from '../format/text.ts';

const ASCII = /^[\x20-\x7e]*$/;

export function cells(text: string): number {
	return ASCII.test(text) ? text.length : width(text);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Text in which every code point is a grapheme of its own: only grapheme bases, none of which
 * joins its neighbour (Hangul jamo, regional indicators, emoji modifiers, spacing marks with
 * the Thai and Lao AM, the Prepend characters of UAX #29). Curly quotes, dashes and CJK are;
 * accents and emoji sequences are not (test/ui-units.test.tsx checks it against Intl.Segmenter).
 */
export const SINGLE_CODE_POINTS =
	/^(?:(?![\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\p{Mc}\u0e33\u0eb3\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}])\p{Grapheme_Base})*$/u;

/**
 * The characters a reader sees, each kept whole: a letter with its accents, an emoji with its
 * skin tone or joined parts. One terminal cell each, two for wide ones, none for a lone mark.
 */
export function graphemes(text: string): string[] {
	if (ASCII.test(text) || SINGLE_CODE_POINTS.test(text)) return [...text];
	// Created on first use: it costs ~20 ms, and few texts need it.
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), part => part.segment);
}
