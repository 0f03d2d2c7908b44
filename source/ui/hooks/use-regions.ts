// The Regions pane: which region is selected, which year of each region, type-ahead.

import {useCallback, useMemo, useRef, useState} from 'react';
import {type Model, normalizeName} from '../../corpus/model.ts';
import {type ListState, listAction, MOVES, placeCursor} from '../list.ts';
import {documentsOf} from '../model-view.ts';

const TYPE_AHEAD_MS = 1000;

export function useRegions(model: Model, height: number) {
	const [list, setList] = useState<ListState>({cursor: 0, offset: 0});
	const [years, setYears] = useState<Record<string, number>>({});
	const typed = useRef({text: '', at: 0});
	const total = model.regions.length;
	const region = model.regions[Math.min(list.cursor, total - 1)]!;
	const year = years[region.name] ?? region.years.at(-1)!;
	const documents = useMemo(() => documentsOf(region, year), [region, year]);

	const handle = useCallback(
		(action: string): boolean => {
			if (!MOVES.has(action)) return false;
			setList(s => listAction(s, action, height, total) ?? s);
			return true;
		},
		[height, total],
	);

	const select = useCallback(
		(index: number, year?: number) => {
			setList(s => placeCursor(s, index, height, total));
			if (year !== undefined) setYears(y => ({...y, [model.regions[index]!.name]: year}));
		},
		[height, total, model],
	);

	const stepYear = useCallback(
		(delta: number) => {
			const i = region.years.indexOf(year);
			const next = region.years[(i + delta + region.years.length) % region.years.length]!;
			setYears(y => ({...y, [region.name]: next}));
		},
		[region, year],
	);

	/** A letter typed in the pane: jump to the first region starting with what was typed. */
	const typeAhead = useCallback(
		(letter: string, isKey: boolean, now = Date.now()): boolean => {
			if (!/^[a-zA-Z]$/.test(letter)) return false;
			const find = (prefix: string) => model.regions.findIndex(r => normalizeName(r.name).startsWith(prefix.toLowerCase()));
			const active = typed.current.text !== '' && now - typed.current.at < TYPE_AHEAD_MS;
			let prefix = active ? typed.current.text + letter : '';
			let index = prefix ? find(prefix) : -1;
			if (index < 0) {
				// A new word: capitals always, other letters when they are not keys.
				if (isKey && letter === letter.toLowerCase()) return false;
				prefix = letter;
				index = find(prefix);
			}
			typed.current = {text: index >= 0 ? prefix : '', at: now};
			if (index >= 0) setList(s => placeCursor(s, index, height, total));
			return true;
		},
		[model, height, total],
	);

	return {list, region, year, documents, handle, select, stepYear, typeAhead};
}
