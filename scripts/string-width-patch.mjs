// A build-time patch of string-width. When imported, string-width creates an Intl.Segmenter
// (~18 ms) and parses a large emoji expression (~40 ms), before the explorer's first frame;
// the patch creates both on first use, which most runs never reach (the program's width
// function, source/format/text.ts, answers for ASCII and other always-narrow text itself).
// test/build-patches.test.ts checks the patched module measures as the unpatched one.

const SEGMENTER = 'const segmenter = new Intl.Segmenter();';
const RGI_EMOJI = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';

export function patchStringWidth(source) {
	if (!source.includes(SEGMENTER) || !source.includes(RGI_EMOJI)) {
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
		);
}
