// The explorer's state: everything that a key can change, and nothing that can be derived from
// it (the selected report, the wrapped text, the search results: derive.ts). Plain data; the
// model (the corpus) is shared, never copied.

import type {Model} from '../../corpus/model.ts';
import type {Focus} from '../view/layout.ts';
import {documentsOf, firstSection, sectionRows} from './derive.ts';
import {type ListState, START} from './list.ts';

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

export interface ExplorerState {
	readonly model: Model;
	readonly size: Size;
	readonly focus: Focus;
	/** What the main pane shows. */
	readonly main: 'text' | 'funds';
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
	readonly funds: {readonly list: ListState; readonly sort: 'order' | 'amount'};
	readonly search: {
		readonly query: string;
		/** Where the cursor is in the query, in graphemes. */
		readonly caret: number;
		readonly scope: SearchScope;
		readonly list: ListState;
	};
	readonly help: {readonly offset: number};
	/** Set once the user asked to leave: the host exits. */
	readonly quit: boolean;
	/** Set when the user asked to suspend (Ctrl-Z): the host stops the process, then counts it done. */
	readonly suspend: number;
}

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
		funds: {list: START, sort: 'order'},
		search: {query: '', caret: 0, scope: 'headings', list: START},
		help: {offset: 0},
		quit: false,
		suspend: 0,
	};
}
