// Full-text search narrows the last query's sentences as a query is typed on: what it finds must
// be what a fresh search finds, for every keystroke, typing forward, deleting, or changing scope.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openCorpus} from '../source/commands/context.ts';
import {createSearchIndex, type TextHit} from '../source/search/index.ts';
import {corpusFile} from './helpers/corpus.ts';

const {display: model} = await openCorpus(corpusFile);
const summary = (hits: TextHit[]) =>
	hits.map(h => `${h.document.id}#${h.sectionIndex}.${h.paragraphIndex} ${h.excerpt.slice(0, 40)} ${JSON.stringify(h.ranges)}`);

test('typing a query one key at a time finds, at every key, what a fresh search finds', () => {
	const typed = createSearchIndex(model);
	const keystrokes: string[] = [];
	// "relocation guangxi": at "guang" the scope becomes Guangdong and Guangxi, at "guangx" Guangxi
	// alone while the terms stay the same.
	for (const query of ['relocation', 'jilin training', 'migrant workers 2012', 'hebei rel', 'poverty alleviation', 'relocation guangxi']) {
		for (let i = 1; i <= query.length; i++) keystrokes.push(query.slice(0, i));
		// Then deleting back to two characters.
		for (let i = query.length - 1; i >= 2; i--) keystrokes.push(query.slice(0, i));
	}
	let nonEmpty = 0;
	for (const query of keystrokes) {
		const got = summary(typed.text(query, 200));
		if (got.length > 0) nonEmpty++;
		assert.deepEqual(got, summary(createSearchIndex(model).text(query, 200)), JSON.stringify(query));
	}
	assert.ok(nonEmpty > keystrokes.length / 2, 'most of these queries find something');
});
