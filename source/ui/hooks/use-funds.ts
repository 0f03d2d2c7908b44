// The funds view: the report's money figures as a table, sortable, each row a way into the text.

import {useCallback, useMemo, useState} from 'react';
import type {CorpusDocument} from '../../corpus/schema.ts';
import {type ListState, listAction, MOVES} from '../list.ts';
import {type FundsRow, fundsRows} from '../model-view.ts';
import {reportKey} from './use-sections.ts';

interface State extends ListState {
	key: string;
}

/** Whether the table is open is the explorer's (the layout depends on it). */
export function useFunds(documents: CorpusDocument[], height: number, open: boolean, setOpen: (open: boolean) => void) {
	const [sort, setSort] = useState<'order' | 'amount'>('order');
	const key = `${reportKey(documents)}/${sort}`;
	// Only computed while the table is shown.
	const rows = useMemo(() => (open ? fundsRows(documents, sort) : []), [open, documents, sort]);
	const [state, setState] = useState<State>({key: '', cursor: 0, offset: 0});
	const current: State = state.key === key ? state : {key, cursor: 0, offset: 0};

	const handle = useCallback(
		(action: string): boolean => {
			if (action === 'funds.sort') {
				setSort(s => (s === 'order' ? 'amount' : 'order'));
				return true;
			}
			if (!MOVES.has(action)) return false;
			setState(s => {
				const base: State = s.key === key ? s : {key, cursor: 0, offset: 0};
				return {key, ...(listAction(base, action, height, rows.length) ?? base)};
			});
			return true;
		},
		[key, rows, height],
	);

	const selected: FundsRow | undefined = rows[current.cursor];
	return {open, setOpen, sort, rows, list: current as ListState, selected, handle};
}
