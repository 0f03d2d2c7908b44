// The program's one width function (source/format/text.ts): its fast paths must give what
// string-width gives, and graphemes must be split as Intl.Segmenter splits them.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {graphemes, NARROW, SINGLE_CODE_POINTS, truncate, width} from '../source/format/text.ts';

test('every character of the narrow fast path is one cell in string-width, alone and between letters', () => {
	let checked = 0;
	for (let code = 0x20; code <= 0xffff; code++) {
		const ch = String.fromCharCode(code);
		if (!NARROW.test(ch)) continue;
		checked++;
		assert.equal(stringWidth(ch), 1, `U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
		assert.equal(stringWidth(`a${ch}b`), 3, `a U+${code.toString(16)} b`);
	}
	assert.ok(checked > 1000);
	// What it must not let through: combining marks, zero-width characters, emoji, wide characters.
	for (const ch of ['\u0301', '\u200b', '\u00ad', '\u25fd', '中', '😀', '\ufe0f']) assert.ok(!NARROW.test(ch), ch);
});

test('width: wide, combining and emoji text measured as string-width does', () => {
	for (const text of ['abc', '│ › · …', '😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '中文', 'é', 'a\u0301', '☺️']) {
		assert.equal(width(text), stringWidth(text), JSON.stringify(text));
	}
});

test('truncate cuts at a grapheme, never inside one, and fits the width', () => {
	assert.equal(truncate('Heilongjiang', 6), 'Heilo…');
	assert.equal(truncate('cafe\u0301 noir', 5), 'cafe\u0301…');
	assert.equal(truncate('中文中文', 5), '中文…');
	assert.equal(truncate('👍🏽👍🏽👍🏽', 4), '👍🏽…');
	for (let cells = 0; cells < 8; cells++) assert.ok(width(truncate('中a文b👍🏽c', cells)) <= cells, String(cells));
});

test('text of single-code-point graphemes is told apart as Intl.Segmenter would', () => {
	const segmenter = new Intl.Segmenter();
	const neighbours = ['a', '中', '“', 'é', '\u0915', '\u1100', '😀', '\u0e01', '\u0301', '\u200d', '\ufe0f', '\u{1f3fb}', '\u{1f1e8}'];
	let simple = 0;
	for (let code = 0x20; code < 0x30000; code += code < 0x3000 ? 1 : 13) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const ch = String.fromCodePoint(code);
		for (const other of neighbours) {
			for (const text of [ch + other, other + ch]) {
				if (!SINGLE_CODE_POINTS.test(text)) continue;
				simple++;
				assert.equal([...segmenter.segment(text)].length, [...text].length, `U+${code.toString(16)} next to ${JSON.stringify(other)}`);
			}
		}
	}
	assert.ok(simple > 100_000, `${simple} pairs checked`);
	assert.deepEqual(graphemes('cafe\u0301 👍🏽 “中文”'), ['c', 'a', 'f', 'e\u0301', ' ', '👍🏽', ' ', '“', '中', '文', '”']);
});
