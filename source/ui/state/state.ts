// The explorer's state: everything that a key can change, and nothing that can be derived from
// it (the selected report, the wrapped text, the search results: derive.ts). Plain data; the
// model (the corpus) is shared, never copied.

import type {Model} from '../../corpus/model.ts';
import type {FigureKind} from '../../corpus/schema.ts';
import type {CompareBy} from '../../search/compare.ts';
import type {Focus} from '../view/layout.ts';
import {documentsOf, firstSection, sectionRows} from './derive.ts';
import type {KindFilter} from './funds-table.ts';
import {type ListState, START} from './list.ts';
import {EMPTY_BOX, type TextBox} from './text-box.ts';

export interface Size {
	columns: number;
	rows: number;
}

export type SearchScope = 'headings' | 'text';

/** What the reading pane marks: a search's matches (n/N steps through them), a figure from the funds table. */
export interface ReaderMarks {
	readonly query?: string;
	readonly currentMatch?: number;
	readonly selectedFigure?: number;
}

/** Where the user is: what Backspace goes back to. */
export interface Place {
	readonly focus: Focus;
	/** What the main pane shows. */
	readonly main: 'text' | 'funds' | 'compare';
	/** An overlay over the panes, which takes the keys while it is open. */
	readonly overlay: 'help' | 'search' | undefined;
	readonly regions: {
		readonly list: ListState;
		/** The year shown for each region the user moved to another year. */
		readonly years: Readonly<Record<string, number>>;
		/** The name typed so far to jump to a region, and when its last letter came. */
		readonly typed: {readonly text: string; readonly at: number};
	};
	/** The cursor among the headings of the selected region's reports of the year. */
	readonly sections: {readonly list: ListState};
	readonly reader: {readonly offset: number; readonly marks: ReaderMarks};
	readonly funds: {
		readonly list: ListState;
		readonly sort: 'order' | 'amount';
		/** Which kind of money the table shows (t cycles it). */
		readonly kind: KindFilter;
		/** Only the figures that made a comparison's total (keyOf), and what was compared. */
		readonly only: {readonly keys: readonly string[]; readonly what: string} | undefined;
	};
	readonly search: {readonly box: TextBox; readonly scope: SearchScope; readonly list: ListState};
	readonly compare: CompareState;
}

/** Compare: one kind of money across every report (issue 12). */
export interface CompareState {
	/** What money: matched as `funds --match` does (label and section heading, typos forgiven). */
	readonly box: TextBox;
	/** The keys go to the query box (else to the table). */
	readonly editing: boolean;
	readonly kind: FigureKind;
	/** Planned figures too (else only money spent, reached, issued). */
	readonly planned: boolean;
	/** Amounts per unit (per person, per household…) instead of totals: never added to them. */
	readonly perUnit: boolean;
	readonly by: CompareBy;
	/** Regions × years, with Δ and % between the latest two. */
	readonly matrix: boolean;
	readonly list: ListState;
}

/** What the host does for the state machine (a pure update cannot): each one once, by its number. */
export type Effect =
	| {readonly seq: number; readonly kind: 'suspend'}
	| {readonly seq: number; readonly kind: 'redraw'}
	| {readonly seq: number; readonly kind: 'copy'; readonly text: string};

export interface ExplorerState extends Place {
	readonly model: Model;
	readonly size: Size;
	readonly help: {readonly offset: number};
	/** Places left for another, most recent first: Backspace goes back through them. */
	readonly history: readonly Place[];
	/** A line for the status bar until the next key (what was copied, nothing to go back to). */
	readonly notice: string | undefined;
	/** The status bar shows the one-shot command that prints the current view (`:`). */
	readonly showCommand: boolean;
	/** What was asked of the host lately, oldest first: keys read together may ask several things. */
	readonly effects: readonly Effect[];
	/** Set once the user asked to leave: the host exits. */
	readonly quit: boolean;
}

/** Compare as it opens: funds spent, totals, largest first. */
export const COMPARE_DEFAULTS: CompareState = Object.freeze({
	box: EMPTY_BOX,
	editing: true,
	kind: 'funds',
	planned: false,
	perUnit: false,
	by: 'total',
	matrix: false,
	list: START,
});

/** Where the explorer starts: the first region, its latest year, the first section of its report. */
export function initialState(model: Model, size: Size): ExplorerState {
	const region = model.regions[0];
	return {
		model,
		size,
		focus: 'regions',
		main: 'text',
		overlay: undefined,
		regions: {list: START, years: {}, typed: {text: '', at: 0}},
		sections: {list: {cursor: region ? firstSection(sectionRows(documentsOf(region, region.years.at(-1)!))) : 0, offset: 0}},
		reader: {offset: 0, marks: {}},
		funds: {list: START, sort: 'order', kind: 'all', only: undefined},
		search: {box: EMPTY_BOX, scope: 'headings', list: START},
		compare: COMPARE_DEFAULTS,
		help: {offset: 0},
		history: [],
		notice: undefined,
		showCommand: false,
		effects: [],
		quit: false,
	};
}

/** The part of a state that history keeps. */
export function placeOf(state: ExplorerState): Place {
	const {focus, main, overlay, regions, sections, reader, funds, search, compare} = state;
	return {focus, main, overlay, regions, sections, reader, funds, search, compare};
}
