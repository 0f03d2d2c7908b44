// A build-time patch of string-width, which measures every segment and line the explorer draws.
// string-width creates an Intl.Segmenter (~18 ms) and a large emoji regular expression (~40 ms
// to parse) when it is imported, and runs that expression on any string that is not printable
// ASCII — and every frame of ours has a few such characters (│ › · …). The patch creates the
// segmenter and the expression on first use, and gives a second fast path to text made only of
// characters that are always one cell wide and never part of an emoji or a grapheme cluster.
// test/build-patches.test.ts checks every one of those characters against the unpatched
// string-width, and emoji through the patched one.

/** Characters that are one cell, whatever follows them (no combining marks, no zero-width, no emoji). */
export const NARROW_SOURCE =
	'^[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2400-\\u2426\\u2500-\\u25FC]*$';

const SEGMENTER = 'const segmenter = new Intl.Segmenter();';
// Parsing \p{RGI_Emoji} (a set of strings) takes V8 ~40 ms, and the bundle builds it at import.
const RGI_EMOJI = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const FAST_PATH = '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n';

export function patchStringWidth(source) {
	if (!source.includes(SEGMENTER) || !source.includes(FAST_PATH) || !source.includes(RGI_EMOJI)) {
		throw new Error('string-width changed: update scripts/string-width-patch.mjs');
	}
	return source
		.replace(
			SEGMENTER,
			'let segmenterInstance;\nconst segmenter = {segment: text => (segmenterInstance ??= new Intl.Segmenter()).segment(text)};',
		)
		.replace(
			RGI_EMOJI,
			() =>
				"let rgiEmojiInstance;\nconst rgiEmojiRegex = {test: text => (rgiEmojiInstance ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
		)
		.replace(FAST_PATH, `${FAST_PATH}\tif (/${NARROW_SOURCE}/.test(string)) {\n\t\treturn string.length;\n\t}\n`);
}
