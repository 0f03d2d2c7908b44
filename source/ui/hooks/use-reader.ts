// The reading pane: the section under the Sections cursor, scrolled by line and page, with
// the money amounts marked, and optionally a search's matches to step through with n/N.

import {useCallback, useMemo, useState} from 'react';
import type {CorpusDocument} from '../../corpus/schema.ts';
import {type SectionView, sectionView} from '../reading.ts';
import {clampOffset} from '../window.ts';

export interface ReaderMarks {
	query?: string;
	currentMatch?: number;
	selectedFigure?: number;
}

interface State extends ReaderMarks {
	key: string;
	offset: number;
}

export function readerKey(document: CorpusDocument | undefined, sectionIndex: number): string {
	return document ? `${document.id}#${sectionIndex}` : '';
}

/** The offset that shows `line` a third of the way down the pane. */
export function offsetToShow(line: number, height: number, total: number): number {
	return clampOffset(line - Math.floor(height / 3), height, total);
}

export function useReader(document: CorpusDocument | undefined, region: string, sectionIndex: number, width: number, height: number) {
	const key = readerKey(document, sectionIndex);
	const [state, setState] = useState<State>({key: '', offset: 0});
	const current: State = state.key === key ? state : {key, offset: 0};
	const {query, currentMatch, selectedFigure} = current;
	const view: SectionView = useMemo(
		() =>
			document
				? sectionView(document, region, sectionIndex, width, {query, currentMatch, selectedFigure})
				: {lines: [], matchLines: [], figureLines: [], paragraphLines: [], paragraphFirstMatch: []},
		[document, region, sectionIndex, width, query, currentMatch, selectedFigure],
	);
	const total = view.lines.length;
	const offset = clampOffset(current.offset, height, total);

	const handle = useCallback(
		(action: string): boolean => {
			const page = Math.max(1, height - 1);
			const scroll = (to: (o: number) => number) =>
				setState(s => {
					const base: State = s.key === key ? s : {key, offset: 0};
					return {...base, offset: clampOffset(to(clampOffset(base.offset, height, total)), height, total)};
				});
			switch (action) {
				case 'nav.up':
					scroll(o => o - 1);
					return true;
				case 'nav.down':
					scroll(o => o + 1);
					return true;
				case 'nav.pageUp':
					scroll(o => o - page);
					return true;
				case 'nav.pageDown':
					scroll(o => o + page);
					return true;
				case 'nav.top':
					scroll(() => 0);
					return true;
				case 'nav.bottom':
					scroll(() => total);
					return true;
				case 'match.next':
				case 'match.prev': {
					const n = view.matchLines.length;
					if (n === 0 || current.currentMatch === undefined) return false;
					const next = (current.currentMatch + (action === 'match.next' ? 1 : -1) + n) % n;
					setState({...current, currentMatch: next, offset: offsetToShow(view.matchLines[next]!, height, total)});
					return true;
				}
				default:
					return false;
			}
		},
		[key, height, total, view, current],
	);

	/** Open a section with marks; the offset is computed by the caller for the target view. */
	const open = useCallback((key: string, offset: number, marks: ReaderMarks = {}) => setState({key, offset, ...marks}), []);

	const hasMarks = current.query !== undefined || current.selectedFigure !== undefined;
	const clearMarks = useCallback(() => setState(s => ({key: s.key, offset: s.offset})), []);

	return {view, offset, marks: current as ReaderMarks, hasMarks, handle, open, clearMarks};
}
