// The Sections pane: the headings of the selected region's report(s) for the selected year,
// grouped under each title when the year has two reports. The cursor is kept per report set.

import {useCallback, useMemo, useState} from 'react';
import type {CorpusDocument} from '../../corpus/schema.ts';
import {type ListState, listAction, MOVES, placeCursor} from '../list.ts';
import {firstSection, type SectionRow, sectionRows} from '../model-view.ts';

export function reportKey(documents: CorpusDocument[]): string {
	return documents.map(d => d.id).join('+');
}

export function rowOf(rows: SectionRow[], documentId: string, sectionIndex: number): number {
	const i = rows.findIndex(r => r.kind === 'section' && r.document.id === documentId && r.sectionIndex === sectionIndex);
	return i < 0 ? firstSection(rows) : i;
}

interface State extends ListState {
	key: string;
}

export function useSections(documents: CorpusDocument[], height: number) {
	const key = reportKey(documents);
	const rows = useMemo(() => sectionRows(documents), [documents]);
	const [state, setState] = useState<State>({key: '', cursor: 0, offset: 0});
	const current: State = state.key === key ? state : {key, cursor: firstSection(rows), offset: 0};
	const skip = useCallback((i: number) => rows[i]?.kind === 'title', [rows]);
	const selected = rows[current.cursor];

	const handle = useCallback(
		(action: string): boolean => {
			if (!MOVES.has(action)) return false;
			setState(s => {
				const base: State = s.key === key ? s : {key, cursor: firstSection(rows), offset: 0};
				return {key, ...(listAction(base, action, height, rows.length, skip) ?? base)};
			});
			return true;
		},
		[key, rows, height, skip],
	);

	/** Select a section of a report set that may not be the current one yet. */
	const jump = useCallback(
		(documents: CorpusDocument[], documentId: string, sectionIndex: number) => {
			const rows = sectionRows(documents);
			const index = rowOf(rows, documentId, sectionIndex);
			setState({key: reportKey(documents), ...placeCursor({cursor: 0, offset: Math.max(0, index - 1)}, index, height, rows.length)});
		},
		[height],
	);

	return {rows, list: current as ListState, selected: selected?.kind === 'section' ? selected : undefined, handle, jump};
}
