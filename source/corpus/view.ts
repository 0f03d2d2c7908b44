// The default view: the bundled corpus with the user's library over it. A library report
// stands in for the bundled report of the same id, in its place; the others follow.

import type {LibraryEntry} from '../library/schema.ts';
import type {ReportOrigin} from './model.ts';
import type {Corpus} from './schema.ts';

export interface View {
	corpus: Corpus;
	origins: Map<string, ReportOrigin>;
}

/** One origin for every report of a corpus file. */
export function fileView(corpus: Corpus, origin: ReportOrigin): View {
	return {corpus, origins: new Map(corpus.documents.map(d => [d.id, origin]))};
}

export function mergeLibrary(bundled: Corpus, bundledPath: string, reports: LibraryEntry[], libraryPath: string): View {
	const bundledOrigin: ReportOrigin = {kind: 'bundled', path: bundledPath};
	const fromLibrary = new Map(reports.map(entry => [entry.document.id, entry]));
	const origins = new Map<string, ReportOrigin>();
	const originOf = (entry: LibraryEntry, replacesBundled: boolean): ReportOrigin => ({
		kind: 'library',
		path: libraryPath,
		sourceFile: entry.sourceFile,
		addedAt: entry.addedAt,
		replacesBundled,
	});
	const documents = bundled.documents.map(document => {
		const entry = fromLibrary.get(document.id);
		if (!entry) {
			origins.set(document.id, bundledOrigin);
			return document;
		}
		origins.set(document.id, originOf(entry, true));
		return entry.document;
	});
	for (const entry of reports) {
		if (origins.has(entry.document.id)) continue;
		origins.set(entry.document.id, originOf(entry, false));
		documents.push(entry.document);
	}
	return {corpus: {...bundled, documents}, origins};
}
