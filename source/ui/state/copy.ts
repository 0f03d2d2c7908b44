// What the explorer copies (`y`) and the one-shot command that prints the current view (`:`,
// `Y`): derived from the state, pure. The host sends the copy to the terminal's clipboard.

import {
	compareListHeight,
	compareNames,
	currentCompare,
	currentFundsLines,
	currentRegion,
	currentSection,
	fundsListHeight,
	yearOf,
} from './derive.ts';
import {windowOf} from './list.ts';
import type {ExplorerState} from './state.ts';

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
	return /^[\w./:=@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

const command = (...words: Array<string | undefined | false>) => words.filter((w): w is string => typeof w === 'string').join(' ');

/** The command that prints what the explorer shows. */
export function commandOf(state: ExplorerState): string {
	if (state.overlay === 'search') {
		const query = state.search.box.text.trim();
		return command('pa-tui search', shellWord(query || '…'), state.search.scope === 'text' && '--text');
	}
	if (state.main === 'compare' && state.focus === 'main') {
		const {box, kind, planned, perUnit, matrix, by} = state.compare;
		// The command's --by year is the matrix; it sorts by total or region, not by year.
		const order = matrix && !perUnit ? '--by year' : by === 'region' && '--by region';
		return command(
			'pa-tui compare',
			shellWord(box.text.trim() || '…'),
			kind !== 'funds' && `--kind ${kind}`,
			planned && '--planned',
			perUnit && '--per',
			order,
		);
	}
	const region = currentRegion(state);
	if (!region) return 'pa-tui list';
	const year = `--year ${yearOf(state, region)}`;
	if (state.main === 'funds') {
		const {sort, kind, only} = state.funds;
		// The evidence of a comparison: the wholes of its kind spent, matching its query.
		const evidence =
			only &&
			['--match', shellWord(only.what), `--kind ${state.compare.kind}`, state.compare.planned ? '' : '--status actual', '--whole']
				.filter(Boolean)
				.join(' ');
		const kinds = !only && (kind !== 'all' || sort === 'amount') && `--kind ${kind}`;
		return command('pa-tui funds', shellWord(region.name.toLowerCase()), year, evidence, kinds, sort === 'amount' && '--sort amount');
	}
	const section = currentSection(state);
	const heading = section?.document.sections[section.sectionIndex]?.heading;
	return command('pa-tui show', shellWord(region.name.toLowerCase()), heading ? shellWord(heading) : undefined, year);
}

/** Cells of a TSV row: no tab or line break may stand inside one. */
const tsv = (cells: Array<string | number>) => cells.map(c => String(c).replace(/[\t\r\n]+/g, ' ')).join('\t');

export interface Copy {
	text: string;
	/** For the status bar: what was copied. */
	what: string;
}

/** The current thing: the visible rows of a table or a list of results as TSV, else the section's text. */
export function copyOf(state: ExplorerState): Copy | undefined {
	if (state.focus === 'main' && state.main === 'compare') {
		const table = currentCompare(state);
		if (!table) return undefined;
		const names = compareNames(state);
		const {rows} = windowOf(table.lines, state.compare.list, compareListHeight(state));
		const lines = rows.flatMap(l => {
			if (l.kind === 'region')
				return [
					tsv([
						l.region,
						...table.years.map((_, i) => l.cells[i] ?? ''),
						l.delta ?? '',
						l.percent === undefined ? '' : l.percent.toFixed(1),
					]),
				];
			if (l.kind === 'row')
				return [
					tsv([
						names.get(l.row.documentId)!,
						l.row.yuan,
						l.row.per ?? '',
						l.row.figures.length,
						l.row.share === null ? '' : l.row.share.toFixed(4),
						l.row.largest.figure.label,
					]),
				];
			return [];
		});
		if (lines.length === 0) return undefined;
		const header =
			table.years.length > 0
				? tsv(['region', ...table.years.map(String), 'delta_yuan', 'percent'])
				: tsv(['report', 'yuan', 'per', 'figures', 'share', 'largest']);
		return {text: [header, ...lines].join('\n'), what: `${lines.length} rows as TSV`};
	}
	if (state.focus === 'main' && state.main === 'funds') {
		const {rows} = windowOf(currentFundsLines(state), state.funds.list, fundsListHeight(state));
		const lines = rows.flatMap(l =>
			l.kind === 'figure'
				? [
						tsv([
							l.row.section,
							l.row.figure.label,
							l.row.figure.value,
							l.row.figure.currency,
							l.row.figure.per ?? '',
							l.row.figure.kind,
							l.row.figure.status,
							l.row.figure.role,
							l.delta,
						]),
					]
				: [],
		);
		if (lines.length === 0) return undefined;
		const header = tsv(['section', 'label', 'value', 'currency', 'per', 'kind', 'status', 'role', 'change']);
		return {text: [header, ...lines].join('\n'), what: `${lines.length} rows as TSV`};
	}
	const section = currentSection(state);
	if (!section) return undefined;
	const {heading, paragraphs} = section.document.sections[section.sectionIndex]!;
	const text = [heading, ...paragraphs].filter(Boolean).join('\n\n');
	return {text, what: `the text of "${section.heading}"`};
}
