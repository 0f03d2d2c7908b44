// The search overlay: a query box over the headings of every report (fuzzy) or, after Tab,
// over the full text; results update on every key.

import {useCallback, useMemo, useState} from 'react';
import type {HeadingHit, SearchIndex, TextHit} from '../../search/index.ts';
import {type ListState, listAction} from '../list.ts';

export type SearchScope = 'headings' | 'text';

export type SearchResult = {kind: 'heading'; hit: HeadingHit} | {kind: 'text'; hit: TextHit};

const LIMIT = {headings: 50, text: 200};

export function useSearch(index: SearchIndex, height: number) {
	const [open, setOpen] = useState(false);
	const [query, setQuery] = useState('');
	const [scope, setScope] = useState<SearchScope>('headings');
	const [list, setList] = useState<ListState>({cursor: 0, offset: 0});

	const results: SearchResult[] = useMemo(() => {
		if (!open || query.trim() === '') return [];
		return scope === 'headings'
			? index.headings(query, LIMIT.headings).map(hit => ({kind: 'heading' as const, hit}))
			: index.text(query, LIMIT.text).map(hit => ({kind: 'text' as const, hit}));
	}, [index, open, query, scope]);

	const start = useCallback(() => {
		setOpen(true);
		setQuery('');
		setList({cursor: 0, offset: 0});
	}, []);

	const close = useCallback(() => setOpen(false), []);

	const edit = useCallback((next: (q: string) => string) => {
		setQuery(q => next(q).slice(0, 80));
		setList({cursor: 0, offset: 0});
	}, []);

	/** Keys of the search box. Returns false when the key is not the box's. */
	const handle = useCallback(
		(action: string | undefined, name: string, input: string): boolean => {
			switch (action) {
				case 'search.up':
					setList(s => listAction(s, 'nav.up', height, results.length) ?? s);
					return true;
				case 'search.down':
					setList(s => listAction(s, 'nav.down', height, results.length) ?? s);
					return true;
				case 'search.scope':
					setScope(s => (s === 'headings' ? 'text' : 'headings'));
					setList({cursor: 0, offset: 0});
					return true;
				default:
			}
			if (name === 'pageup' || name === 'pagedown') {
				setList(s => listAction(s, name === 'pageup' ? 'nav.pageUp' : 'nav.pageDown', height, results.length) ?? s);
				return true;
			}
			if (name === 'backspace') {
				edit(q => [...q].slice(0, -1).join(''));
				return true;
			}
			if (name === 'ctrl-u') {
				edit(() => '');
				return true;
			}
			if (name === 'ctrl-w') {
				edit(q => q.replace(/\S*\s*$/, ''));
				return true;
			}
			// Printable text, pasted text included; control characters never reach the box.
			const text = input.replace(/[\x00-\x1f\x7f-\x9f]/g, '');
			if (text !== '' && !name.startsWith('ctrl-')) {
				edit(q => q + text);
				return true;
			}
			return false;
		},
		[height, results.length, edit],
	);

	const selected = results[Math.min(list.cursor, Math.max(0, results.length - 1))];
	return {open, query, scope, results, list, selected, start, close, handle};
}
