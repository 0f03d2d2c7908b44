// Display width, fast for the common case: printable ASCII is one cell a character.

import {width} from '../format/text.ts';

const ASCII = /^[\x20-\x7e]*$/;

export function cells(text: string): number {
	return ASCII.test(text) ? text.length : width(text);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The characters a reader sees, each kept whole: a letter with its accents, an emoji with its
 * skin tone or joined parts. One terminal cell each, two for wide ones, none for a lone mark.
 */
export function graphemes(text: string): string[] {
	if (ASCII.test(text)) return [...text];
	// Created on first use: it costs ~20 ms, and most text is ASCII.
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), part => part.segment);
}
