// The explorer's state and the one place keys are routed: overlays first (help, search), then
// the focused pane, then global keys, every key resolved through the binding table.

import {useInput} from 'ink';
import {useCallback, useMemo, useRef, useState} from 'react';
import type {Model} from '../../corpus/model.ts';
import type {CorpusDocument} from '../../corpus/schema.ts';
import {parseScope, type SearchIndex} from '../../search/index.ts';
import {actionFor, charName, HELP_LINE_COUNT, keyName, scopesFor} from '../keys.ts';
import {computeLayout, type Focus} from '../layout.ts';
import {type ListState, MOVES} from '../list.ts';
import {documentsOf} from '../model-view.ts';
import {type ReadOptions, sectionView} from '../reading.ts';
import {clampOffset} from '../window.ts';
import {useFunds} from './use-funds.ts';
import {offsetToShow, readerKey, useReader} from './use-reader.ts';
import {useRegions} from './use-regions.ts';
import {useSearch} from './use-search.ts';
import {useSections} from './use-sections.ts';
import type {Size} from './use-size.ts';

const ORDER: Focus[] = ['regions', 'sections', 'main'];

export function useExplorer(model: Model, index: SearchIndex, size: Size, onQuit: () => void) {
	const [focus, setFocus] = useState<Focus>('regions');
	const [help, setHelp] = useState<ListState | undefined>(undefined);
	const [fundsOpen, setFundsOpen] = useState(false);
	const layout = computeLayout(size.columns, size.rows, focus, {wideMain: fundsOpen});
	// The text is wrapped to the reading pane's width less a margin each side.
	const mainWidth = Math.max(10, (computeLayout(size.columns, size.rows, 'main').main?.width ?? size.columns) - 2);
	const body = layout.bodyHeight;

	const regions = useRegions(model, body);
	const sections = useSections(regions.documents, body);
	const section = sections.selected;
	const reader = useReader(section?.document, regions.region.name, section?.sectionIndex ?? 0, mainWidth, body);
	// The report of the selected section (Liaoning 2009 has two in one year).
	const fundsDocuments = useMemo(() => (section ? [section.document] : regions.documents), [section, regions.documents]);
	const funds = useFunds(fundsDocuments, Math.max(1, body - 1), fundsOpen, setFundsOpen);
	// The search box and the count line take two lines of the overlay.
	const search = useSearch(index, Math.max(1, layout.height - 3));

	/** Show a section of any report, with marks, in the reading pane. */
	const openSection = useCallback(
		(document: CorpusDocument, sectionIndex: number, marks: ReadOptions, target: (view: ReturnType<typeof sectionView>) => number) => {
			const regionIndex = model.regions.findIndex(r => r.name === document.region);
			if (regionIndex < 0) return;
			const region = model.regions[regionIndex]!;
			regions.select(regionIndex, document.year);
			sections.jump(documentsOf(region, document.year), document.id, sectionIndex);
			const view = sectionView(document, region.name, sectionIndex, mainWidth, marks);
			reader.open(readerKey(document, sectionIndex), offsetToShow(Math.max(0, target(view)), body, view.lines.length), marks);
			funds.setOpen(false);
			setFocus('main');
		},
		[model, regions, sections, reader, funds, mainWidth, body],
	);

	const openSearchResult = useCallback(() => {
		const result = search.selected;
		if (!result) return;
		search.close();
		if (result.kind === 'heading') {
			openSection(result.hit.document, result.hit.sectionIndex, {}, () => 0);
			return;
		}
		const {document, sectionIndex, paragraphIndex} = result.hit;
		// As the full-text search does: a query that is only a region or year searches for those words.
		const rest = parseScope(model, search.query).rest;
		const query = rest.trim() === '' ? search.query : rest;
		const probe = sectionView(document, document.region, sectionIndex, mainWidth, {query});
		const first = probe.paragraphFirstMatch[paragraphIndex] ?? 0;
		const currentMatch = Math.min(first, Math.max(0, probe.matchLines.length - 1));
		openSection(document, sectionIndex, {query, currentMatch}, view => view.matchLines[currentMatch] ?? 0);
	}, [search, model, mainWidth, openSection]);

	const openFundsRow = useCallback(() => {
		const row = funds.selected;
		if (!row) return;
		openSection(row.document, row.sectionIndex, {selectedFigure: row.figureIndex}, view => view.figureLines[row.figureIndex] ?? 0);
	}, [funds.selected, openSection]);

	const moveFocus = useCallback((to: (i: number) => number) => setFocus(f => ORDER[Math.max(0, Math.min(2, to(ORDER.indexOf(f))))]!), []);

	const route = useCallback(
		(input: string, name: string) => {
			if (name === 'ctrl-c') {
				onQuit();
				return;
			}
			if (help) {
				const action = actionFor(name, ['help', 'list']);
				if (action === 'help.close') setHelp(undefined);
				else if (action && MOVES.has(action)) {
					// The help scrolls like text: by line and page.
					const height = Math.max(1, layout.height - 2);
					const page = Math.max(1, height - 1);
					const step: Record<string, (o: number) => number> = {
						'nav.up': o => o - 1,
						'nav.down': o => o + 1,
						'nav.pageUp': o => o - page,
						'nav.pageDown': o => o + page,
						'nav.top': () => 0,
						'nav.bottom': () => HELP_LINE_COUNT,
					};
					setHelp(h => (h ? {cursor: 0, offset: clampOffset(step[action]!(h.offset), height, HELP_LINE_COUNT)} : h));
				}
				return;
			}
			if (search.open) {
				const action = actionFor(name, ['search']);
				if (action === 'search.cancel') search.close();
				else if (action === 'search.open') openSearchResult();
				else search.handle(action, name, input);
				return;
			}
			const scopes = scopesFor(focus, funds.open);
			if (focus === 'regions' && input.length === 1 && regions.typeAhead(input, actionFor(name, scopes) !== undefined)) return;
			const action = actionFor(name, scopes);
			switch (action) {
				case undefined:
					return;
				case 'app.quit':
					onQuit();
					return;
				case 'app.help':
					setHelp({cursor: 0, offset: 0});
					return;
				case 'app.search':
					search.start();
					return;
				case 'app.funds':
					funds.setOpen(!funds.open);
					if (!funds.open) setFocus('main');
					return;
				case 'app.back':
					if (focus === 'main' && funds.open) funds.setOpen(false);
					else if (focus === 'main' && reader.hasMarks) reader.clearMarks();
					else moveFocus(i => i - 1);
					return;
				case 'focus.next':
					setFocus(f => ORDER[(ORDER.indexOf(f) + 1) % 3]!);
					return;
				case 'focus.prev':
					setFocus(f => ORDER[(ORDER.indexOf(f) + 2) % 3]!);
					return;
				case 'focus.left':
					moveFocus(i => i - 1);
					return;
				case 'focus.right':
					moveFocus(i => i + 1);
					return;
				case 'year.next':
					regions.stepYear(1);
					return;
				case 'year.prev':
					regions.stepYear(-1);
					return;
				case 'nav.open':
					if (focus === 'regions') setFocus('sections');
					else if (focus === 'sections') setFocus('main');
					else if (funds.open) openFundsRow();
					return;
				default:
			}
			if (focus === 'regions') regions.handle(action);
			else if (focus === 'sections') sections.handle(action);
			else if (funds.open) funds.handle(action);
			else reader.handle(action);
		},
		[help, search, focus, funds, regions, sections, reader, layout.height, onQuit, openSearchResult, openFundsRow, moveFocus],
	);

	// Keys go through one queue, in order. Keys typed faster than they are read arrive as one
	// run of text ("jj\r"); each key is routed after the previous one has rendered, so it sees
	// the state that key left, except runs that add up in state: text typed into the search
	// box (one search, one frame) and a held movement key (jjjj: one frame).
	const latest = useRef({route, help, searchOpen: search.open, scopes: scopesFor(focus, funds.open), type: search.handle});
	latest.current = {route, help, searchOpen: search.open, scopes: scopesFor(focus, funds.open), type: search.handle};
	const queue = useRef<Array<{input: string; name: string}>>([]);
	const draining = useRef(false);
	const drain = useCallback(() => {
		const {route, help, searchOpen, scopes, type} = latest.current;
		const item = queue.current.shift();
		if (!item) {
			draining.current = false;
			return;
		}
		// Ink hands Ctrl+letter over as the bare letter: those are commands (C-n, C-p), not text.
		const printable = (k: {input: string; name: string}) =>
			k.input.length === 1 && k.input >= ' ' && k.name !== 'enter' && k.name !== 'tab' && !k.name.startsWith('ctrl-');
		if (searchOpen && !help && printable(item)) {
			let text = item.input;
			while (queue.current[0] && printable(queue.current[0])) text += queue.current.shift()!.input;
			type(undefined, 'text', text);
		} else if (!help && !searchOpen && MOVES.has(actionFor(item.name, scopes) ?? '')) {
			route(item.input, item.name);
			while (queue.current[0]?.name === item.name) route(queue.current.shift()!.input, item.name);
		} else {
			route(item.input, item.name);
		}
		if (queue.current.length > 0) setTimeout(drain, 0);
		else draining.current = false;
	}, []);
	useInput((input, key) => {
		// Ctrl-C quits at once, however many keys are still waiting in the queue.
		if (keyName(input, key) === 'ctrl-c') {
			queue.current.length = 0;
			latest.current.route(input, 'ctrl-c');
			return;
		}
		const run = input.length > 1 && !input.includes('\x1b') && !key.ctrl && !key.meta;
		queue.current.push(...(run ? [...input].map(ch => ({input: ch, name: charName(ch)})) : [{input, name: keyName(input, key)}]));
		if (!draining.current) {
			draining.current = true;
			drain();
		}
	});

	const position = useMemo(() => {
		if (focus === 'regions') return `${regions.list.cursor + 1}/${model.regions.length}`;
		if (focus === 'main' && funds.open) return funds.rows.length === 0 ? '0/0' : `${funds.list.cursor + 1}/${funds.rows.length}`;
		if (!section) return '';
		return `${section.sectionIndex + 1}/${section.document.sections.length}`;
	}, [focus, regions.list.cursor, model, funds.open, funds.list.cursor, funds.rows.length, section]);

	return {layout, focus, help, regions, sections, section, reader, funds, search, position, scopes: scopesFor(focus, funds.open)};
}
