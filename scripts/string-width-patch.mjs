// A build-time patch of string-width, which Ink calls for every line of every frame.
// string-width creates an Intl.Segmenter when it is imported (~18 ms) and runs a large emoji
// regular expression (~20 ms to compile) on any string that is not printable ASCII — and every
// frame of ours has a few such characters (│ › · …). The patch creates the segmenter on first
// use and gives a second fast path to text made only of characters that are always one cell
// wide and never part of an emoji or a grapheme cluster. test/string-width-patch.test.ts checks
// every one of those characters against the unpatched string-width.

/** Characters that are one cell, whatever follows them (no combining marks, no zero-width, no emoji). */
export const NARROW_SOURCE =
	'^[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2400-\\u2426\\u2500-\\u25FC]*$';

const SEGMENTER = 'const segmenter = new Intl.Segmenter();';
const FAST_PATH = '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n';

export function patchStringWidth(source) {
	if (!source.includes(SEGMENTER) || !source.includes(FAST_PATH)) {
		throw new Error('string-width changed: update scripts/string-width-patch.mjs');
	}
	return source
		.replace(SEGMENTER, 'let segmenterInstance;\nconst segmenter = {segment: text => (segmenterInstance ??= new Intl.Segmenter()).segment(text)};')
		.replace(FAST_PATH, `${FAST_PATH}\tif (/${NARROW_SOURCE}/.test(string)) {\n\t\treturn string.length;\n\t}\n`);
}
