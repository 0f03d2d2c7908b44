// The build patches string-width for speed (scripts/string-width-patch.mjs). Its fast path must
// give the same width as the unpatched library for every character it lets through, and the
// patch must still apply to the installed version (the build fails otherwise).

import assert from 'node:assert/strict';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import stringWidth from 'string-width';
import {NARROW_SOURCE, patchStringWidth} from '../scripts/string-width-patch.mjs';

test('every character of the narrow fast path is one cell in the unpatched string-width', () => {
	const narrow = new RegExp(NARROW_SOURCE);
	let checked = 0;
	for (let code = 0x20; code <= 0xffff; code++) {
		const ch = String.fromCharCode(code);
		if (!narrow.test(ch)) continue;
		checked++;
		assert.equal(stringWidth(ch), 1, `U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
		// Nothing it lets through combines with a neighbour into a different width.
		assert.equal(stringWidth(`a${ch}b`), 3, `a U+${code.toString(16)} b`);
	}
	assert.ok(checked > 1000);
	// What it must not let through: combining marks, zero-width characters, emoji, wide characters.
	for (const ch of ['\u0301', '\u200b', '\u00ad', '\u25fd', '中', '😀', '\ufe0f']) assert.ok(!narrow.test(ch), ch);
});

test('the patch applies to the installed string-width and keeps its behaviour', async () => {
	const source = readFileSync(new URL('../node_modules/string-width/index.js', import.meta.url), 'utf8');
	const patched = patchStringWidth(source);
	assert.notEqual(patched, source);
	assert.ok(!patched.includes('const segmenter = new Intl.Segmenter();'), 'the segmenter is created on first use');
	assert.ok(!patched.includes('const rgiEmojiRegex = /'), 'the emoji expression is built on first use');
	// The patched module, run: emoji, wide and combining text measure as the unpatched one does.
	const copy = fileURLToPath(new URL('../node_modules/string-width/index.patch-test.js', import.meta.url));
	writeFileSync(copy, patched);
	try {
		const {default: patchedWidth} = (await import(pathToFileURL(copy).href)) as {default: (text: string) => number};
		for (const text of [
			'abc',
			'😀',
			'👍🏽',
			'👨‍👩‍👧',
			'🇨🇳',
			'1️⃣',
			'中文',
			'é',
			'a\u0301',
			'│ › · …',
			'☺',
			'☺️',
			'\u{1F9D1}\u200D\u{1F33E}',
		]) {
			assert.equal(patchedWidth(text), stringWidth(text), JSON.stringify(text));
		}
	} finally {
		rmSync(copy, {force: true});
	}
});
