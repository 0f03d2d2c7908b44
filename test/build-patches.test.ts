// The build patches string-width so that it builds its segmenter and emoji expression on first
// use (scripts/string-width-patch.mjs): the patch must still apply to the installed version (the
// build fails otherwise) and the patched module must measure as the unpatched one.

import assert from 'node:assert/strict';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import stringWidth from 'string-width';
import {patchStringWidth} from '../scripts/string-width-patch.mjs';

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
