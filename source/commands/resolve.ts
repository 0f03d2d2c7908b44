// Turning a user's region argument into reports, with the errors a user understands.

import {findRegion, type Model, type Region} from '../corpus/model.ts';
import type {CorpusDocument} from '../corpus/schema.ts';
import {quoteText} from '../format/quote.ts';
import {type Output, UsageError} from './context.ts';

export class NoMatchError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NoMatchError';
	}
}

export function resolveRegion(model: Model, query: string): Region {
	const match = findRegion(model, query);
	if (match.kind === 'found') return match.region;
	if (match.kind === 'ambiguous') {
		throw new UsageError(`"${quoteText(query, 40)}" could be ${match.candidates.map(r => r.name).join(', ')}: say which`);
	}
	throw new NoMatchError(`no region matches "${quoteText(query, 40)}" (try: pa-tui list)`);
}

/** The reports of a region for one year: the given one, or the latest with a note naming the others. */
export function reportsOfYear(region: Region, year: number | undefined, output: Output): CorpusDocument[] {
	if (year !== undefined) {
		const documents = region.documents.filter(d => d.year === year);
		if (documents.length === 0) throw new NoMatchError(`${region.name} has no report for ${year} (it has ${region.years.join(', ')})`);
		return documents;
	}
	const latest = region.years[region.years.length - 1]!;
	const others = region.years.filter(y => y !== latest);
	if (others.length > 0) output.note(`${region.name}: showing ${latest}; also available: ${others.join(', ')} (use --year)`);
	return region.documents.filter(d => d.year === latest);
}
