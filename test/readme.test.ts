// The README's key reference is the one generated from the binding table (npm run keys-doc).

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {keysMarkdown} from '../source/ui/keys-doc.ts';
import {root} from './helpers/corpus.ts';

test('README lists every key exactly as the help overlay does', () => {
	const readme = readFileSync(`${root}README.md`, 'utf8');
	const block = /<!-- keys:start -->\n([\s\S]*?)<!-- keys:end -->/.exec(readme)?.[1];
	assert.ok(block, 'README has the keys block');
	assert.equal(block, keysMarkdown());
});
