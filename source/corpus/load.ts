// Validating a corpus against the schema (zod), and reporting the first problem in one line
// that names the file.

import {CorpusError, quote, readCorpusFile} from './read.ts';
import {type Corpus, corpusSchema, SCHEMA_VERSION} from './schema.ts';

export {CorpusError} from './read.ts';

/** A zod issue's path as written in messages: `documents[0].year`. */
export function fieldPath(path: Array<string | number>): string {
	return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** Ids the schema cannot check: document ids unique in the corpus, section ids in a report. */
function duplicateId(corpus: Corpus): string | undefined {
	const documentIds = new Set<string>();
	for (const [d, document] of corpus.documents.entries()) {
		if (documentIds.has(document.id)) return `documents[${d}].id: "${quote(document.id)}" is the id of an earlier report`;
		documentIds.add(document.id);
		const sectionIds = new Set<string>();
		for (const [s, section] of document.sections.entries()) {
			if (sectionIds.has(section.id)) return `documents[${d}].sections[${s}].id: "${quote(section.id)}" is the id of an earlier section`;
			sectionIds.add(section.id);
		}
	}
	return undefined;
}

/** Validate parsed JSON as a corpus; `file` names it in errors. */
export function parseCorpus(data: unknown, file: string): Corpus {
	const name = quote(file, 200);
	if (data !== null && typeof data === 'object' && 'schemaVersion' in data && data.schemaVersion !== SCHEMA_VERSION) {
		const version = JSON.stringify(data.schemaVersion) ?? String(data.schemaVersion);
		throw new CorpusError(`${name}: schemaVersion ${quote(version, 20)} is not supported (this pa-tui reads version ${SCHEMA_VERSION})`);
	}
	const result = corpusSchema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const path = quote(fieldPath(issue.path), 120);
		throw new CorpusError(`${name}: ${path === '' ? 'the top level' : path}: ${quote(issue.message, 160)}`);
	}
	const duplicate = duplicateId(result.data);
	if (duplicate !== undefined) throw new CorpusError(`${name}: ${duplicate}`);
	return result.data;
}

/** Read and validate (unless it is the bundled corpus). */
export function loadCorpus(file: string): Corpus {
	const {data, trusted} = readCorpusFile(file);
	return trusted ? (data as Corpus) : parseCorpus(data, file);
}
