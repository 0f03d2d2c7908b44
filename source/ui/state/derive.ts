// What the state implies, computed when asked and kept while it stays the same: the selected
// region's reports, their headings, the wrapped text of the open section, the funds table, the
// search results. Pure functions of the state (the caches only save work).

import {basename} from 'node:path';
import type {Model, Region} from '../../corpus/model.ts';
import type {CorpusDocument} from '../../corpus/schema.ts';
import {reportNames} from '../../format/report-name.ts';
import type {Comparison} from '../../search/compare.ts';
import {createSearchIndex, type HeadingHit, type SearchIndex, type TextHit, wordsSearched} from '../../search/index.ts';
import {computeLayout, type Layout, readingWidth} from '../view/layout.ts';
import {type SectionView, sectionView} from '../view/reading.ts';
import {OPENING} from '../view/spec.ts';
import {type CompareTable, compareTable, compareWidth, comparisonOf} from './compare-table.ts';
import {type FundsLine, fundsLines, tableWidth} from './funds-table.ts';
import {offsetToShow} from './list.ts';
import type {ExplorerState, ReaderMarks, SearchScope} from './state.ts';

/** A row of the Sections pane: a report title (when the year has more than one) or a heading. */
export type SectionRow =
	| {kind: 'title'; document: CorpusDocument}
	| {kind: 'section'; document: CorpusDocument; sectionIndex: number; heading: string};

export type SectionRef = Extract<SectionRow, {kind: 'section'}>;

const layouts = new WeakMap<ExplorerState, Layout>();

/** Where the panes go for this state; worked out once per state (a key asks several times). */
export function layoutOf(state: ExplorerState): Layout {
	let layout = layouts.get(state);
	if (!layout) {
		layout = layoutFor(state);
		layouts.set(state, layout);
	}
	return layout;
}

function layoutFor(state: ExplorerState): Layout {
	const wide = state.main !== 'text' && state.focus === 'main';
	const wants = !wide
		? undefined
		: state.main === 'funds'
			? tableWidth(currentFundsLines(state))
			: compareWidth(currentCompare(state)!, compareNames(state));
	return computeLayout(state.size.columns, state.size.rows, state.focus, {wideMain: wide, mainWants: wants});
}

/** The Compare view's table, while it is shown. */
export function currentCompare(state: ExplorerState): CompareTable | undefined {
	return state.main === 'compare' ? compareTable(state.model, state.compare) : undefined;
}

let lastNames: {comparison: Comparison; names: Map<string, string>} | undefined;

/** How the Compare view names each report ("Liaoning 2009", or the title of a second report that year). */
export function compareNames(state: ExplorerState): ReadonlyMap<string, string> {
	const comparison = comparisonOf(state.model, state.compare);
	if (lastNames?.comparison !== comparison) lastNames = {comparison, names: reportNames(comparison.rows)};
	return lastNames.names;
}

/** Rows of the Compare table: the pane's body less the query box and the header. */
export function compareListHeight(state: ExplorerState): number {
	return Math.max(1, layoutOf(state).bodyHeight - 2);
}

export function currentRegion(state: ExplorerState): Region | undefined {
	return state.model.regions[state.regions.list.cursor];
}

export function yearOf(state: ExplorerState, region: Region): number {
	return state.regions.years[region.name] ?? region.years.at(-1)!;
}

const documentsCache = new WeakMap<Region, Map<number, CorpusDocument[]>>();

/** A region's reports of a year, the same array each time it is asked. */
export function documentsOf(region: Region, year: number): CorpusDocument[] {
	let years = documentsCache.get(region);
	if (!years) {
		years = new Map();
		documentsCache.set(region, years);
	}
	let documents = years.get(year);
	if (!documents) {
		documents = region.documents.filter(d => d.year === year);
		years.set(year, documents);
	}
	return documents;
}

export function currentDocuments(state: ExplorerState): CorpusDocument[] {
	const region = currentRegion(state);
	return region ? documentsOf(region, yearOf(state, region)) : [];
}

const rowsCache = new WeakMap<CorpusDocument[], SectionRow[]>();

export function sectionRows(documents: CorpusDocument[]): SectionRow[] {
	let rows = rowsCache.get(documents);
	if (rows) return rows;
	rows = [];
	for (const document of documents) {
		if (documents.length > 1) rows.push({kind: 'title', document});
		for (const [sectionIndex, section] of document.sections.entries()) {
			rows.push({kind: 'section', document, sectionIndex, heading: section.heading || OPENING});
		}
	}
	rowsCache.set(documents, rows);
	return rows;
}

/** The row of the first section (a year with two reports starts with a title row). */
export function firstSection(rows: SectionRow[]): number {
	return Math.max(
		0,
		rows.findIndex(r => r.kind === 'section'),
	);
}

export function currentRows(state: ExplorerState): SectionRow[] {
	return sectionRows(currentDocuments(state));
}

export function currentSection(state: ExplorerState): SectionRef | undefined {
	const row = currentRows(state)[state.sections.list.cursor];
	return row?.kind === 'section' ? row : undefined;
}

/** The report the funds table shows: the selected section's (a year may have two). */
export function fundsDocument(state: ExplorerState): CorpusDocument | undefined {
	return currentSection(state)?.document ?? currentDocuments(state)[0];
}

/** Where a report comes from, as the reader's header says it. */
export function originText(model: Model, document: CorpusDocument): string | undefined {
	const origin = model.origins.get(document.id);
	if (!origin) return undefined;
	if (origin.kind === 'bundled') return 'bundled';
	if (origin.kind === 'file') return basename(origin.path);
	return `library: ${basename(origin.sourceFile)}, added ${origin.addedAt.slice(0, 10)}`;
}

/** A section of any report wrapped to the reading pane, with marks. */
export function sectionLines(state: ExplorerState, document: CorpusDocument, sectionIndex: number, marks: ReaderMarks): SectionView {
	const width = readingWidth(state.size.columns, state.size.rows);
	const {query, currentMatch, selectedFigure} = marks;
	return sectionView(
		document,
		document.region,
		sectionIndex,
		width,
		{query, currentMatch, selectedFigure},
		originText(state.model, document),
	);
}

const EMPTY_VIEW: SectionView = {lines: [], matchLines: [], figureLines: [], paragraphLines: [], paragraphFirstMatch: []};
let lastView: {model: Model; key: string; view: SectionView} | undefined;

/** The open section wrapped to the reading pane, with its marks. */
export function readerView(state: ExplorerState): SectionView {
	const section = currentSection(state);
	if (!section) return EMPTY_VIEW;
	const width = readingWidth(state.size.columns, state.size.rows);
	const {query, currentMatch, selectedFigure} = state.reader.marks;
	const key = `${section.document.id}#${section.sectionIndex}/${width}/${query ?? ''}/${currentMatch ?? ''}/${selectedFigure ?? ''}`;
	if (lastView?.key !== key || lastView.model !== state.model) {
		lastView = {model: state.model, key, view: sectionLines(state, section.document, section.sectionIndex, state.reader.marks)};
	}
	return lastView.view;
}

/** The funds table of the report open: its lines (figures, and group titles when sorted by amount). */
export function currentFundsLines(state: ExplorerState): FundsLine[] {
	if (state.main !== 'funds') return [];
	const {sort, kind, only} = state.funds;
	return fundsLines(fundsDocument(state), {sort, kind, only: only ? onlySet(only.keys) : undefined});
}

const onlySets = new WeakMap<readonly string[], ReadonlySet<string>>();
function onlySet(keys: readonly string[]): ReadonlySet<string> {
	let set = onlySets.get(keys);
	if (!set) {
		set = new Set(keys);
		onlySets.set(keys, set);
	}
	return set;
}

/** Rows of the funds table below its header. */
export function fundsListHeight(state: ExplorerState): number {
	return Math.max(1, layoutOf(state).bodyHeight - 1);
}

export type SearchResult = {kind: 'heading'; hit: HeadingHit} | {kind: 'text'; hit: TextHit};

const LIMIT: Record<SearchScope, number> = {headings: 50, text: 200};
const indexes = new WeakMap<Model, SearchIndex>();

/** The search index of a model, built on the first search. */
export function searchIndexOf(model: Model): SearchIndex {
	let index = indexes.get(model);
	if (!index) {
		index = createSearchIndex(model);
		indexes.set(model, index);
	}
	return index;
}

let lastSearch: {model: Model; query: string; scope: SearchScope; results: SearchResult[]} | undefined;

export function searchResults(state: ExplorerState): SearchResult[] {
	const {scope} = state.search;
	const query = state.search.box.text;
	if (state.overlay !== 'search' || query.trim() === '') return [];
	if (lastSearch?.model === state.model && lastSearch.query === query && lastSearch.scope === scope) return lastSearch.results;
	const index = searchIndexOf(state.model);
	const results: SearchResult[] =
		scope === 'headings'
			? index.headings(query, LIMIT.headings).map(hit => ({kind: 'heading' as const, hit}))
			: index.text(query, LIMIT.text).map(hit => ({kind: 'text' as const, hit}));
	lastSearch = {model: state.model, query, scope, results};
	return results;
}

/** Rows of the search results list: the overlay less its box and count lines and the status bar. */
export function searchListHeight(state: ExplorerState): number {
	return Math.max(1, layoutOf(state).height - 3);
}

/** The search overlay is split into results and a preview from this many columns. */
export const PREVIEW_COLUMNS = 100;

/** Widths of the search results and their preview, when the terminal has room for both. */
export function searchWidths(state: ExplorerState): {results: number; preview: number} | undefined {
	const {columns} = state.size;
	if (columns < PREVIEW_COLUMNS) return undefined;
	const results = Math.floor((columns - 1) * 0.5);
	return {results, preview: columns - 1 - results};
}

export interface Preview {
	title: string;
	view: SectionView;
	/** The first line shown: the hit's match a third of the way down, or the top. */
	offset: number;
}

let lastPreview: {key: string; result: SearchResult; preview: Preview} | undefined;

/** The selected hit's section, wrapped to the preview's width, with the query's words marked. */
export function searchPreview(state: ExplorerState): Preview | undefined {
	const widths = searchWidths(state);
	const results = searchResults(state);
	const result = results[Math.min(state.search.list.cursor, results.length - 1)];
	if (!widths || !result) return undefined;
	const key = `${widths.preview}/${state.size.rows}/${state.search.box.text}`;
	if (lastPreview?.result === result && lastPreview.key === key) return lastPreview.preview;
	const {document, sectionIndex} = result.hit;
	const query = wordsSearched(state.model, state.search.box.text);
	const view = sectionView(document, document.region, sectionIndex, widths.preview - 2, {query}, originText(state.model, document));
	const height = Math.max(1, layoutOf(state).height - 2);
	const first = result.kind === 'text' ? (view.matchLines[view.paragraphFirstMatch[result.hit.paragraphIndex] ?? 0] ?? 0) : 0;
	const offset = offsetToShow(first, height, view.lines.length);
	const preview = {title: `${document.region} ${document.year} · ${result.hit.section.heading || OPENING}`, view, offset};
	lastPreview = {key, result, preview};
	return preview;
}
