// Display width, fast for the common case: printable ASCII is one cell a character.

import {width} from '../format/text.ts';

const ASCII = /^[\x20-\x7e]*$/;

export function cells(text: string): number {
	return ASCII.test(text) ? text.length : width(text);
}
