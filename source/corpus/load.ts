// Validating a corpus against the schema (zod), and reporting the first problem in one line
// that names the file.

import {CorpusError, quote, readCorpusFile} from './read.ts';
import {type Corpus, corpusSchema, SCHEMA_VERSION, type Section} from './schema.ts';

export {CorpusError} from './read.ts';

/** A zod issue's path as written in messages: `documents[0].year`. */
export function fieldPath(path: Array<string | number>): string {
	return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** Links the schema cannot check: a part names a figure of its section, and the yuan field agrees with value and currency. */
function figureProblem(section: Section, at: string): string | undefined {
	for (const [i, f] of section.figures.entries()) {
		const here = `${at}.figures[${i}]`;
		if (f.yuan !== (f.currency === 'CNY' ? f.value : null)) return `${here}.yuan: must equal value when the currency is CNY, else null`;
		for (const [field, link, role] of [
			['partOf', f.partOf, 'part'],
			['changeOf', f.changeOf, 'change'],
		] as const) {
			if (link === null) continue;
			if (f.role !== role) return `${here}.${field}: only a figure whose role is "${role}" links to another`;
			if (link === i || link >= section.figures.length) return `${here}.${field}: ${link} is not another figure of the section`;
		}
	}
	return undefined;
}

/** Ids and links the schema cannot check: document ids unique in the corpus, section ids in a report, figure links. */
function crossCheck(corpus: Corpus): string | undefined {
	const documentIds = new Set<string>();
	for (const [d, document] of corpus.documents.entries()) {
		if (documentIds.has(document.id)) return `documents[${d}].id: "${quote(document.id)}" is the id of an earlier report`;
		documentIds.add(document.id);
		const sectionIds = new Set<string>();
		for (const [s, section] of document.sections.entries()) {
			if (sectionIds.has(section.id)) return `documents[${d}].sections[${s}].id: "${quote(section.id)}" is the id of an earlier section`;
			sectionIds.add(section.id);
			const problem = figureProblem(section, `documents[${d}].sections[${s}]`);
			if (problem !== undefined) return problem;
		}
	}
	return undefined;
}

/** Validate parsed JSON as a corpus; `file` names it in errors. */
export function parseCorpus(data: unknown, file: string): Corpus {
	const name = quote(file, 200);
	if (data !== null && typeof data === 'object' && 'schemaVersion' in data && data.schemaVersion !== SCHEMA_VERSION) {
		const version = JSON.stringify(data.schemaVersion) ?? String(data.schemaVersion);
		if (
			typeof data.schemaVersion === 'number' &&
			Number.isInteger(data.schemaVersion) &&
			data.schemaVersion >= 1 &&
			data.schemaVersion < SCHEMA_VERSION
		) {
			throw new CorpusError(
				`${name}: schema version ${data.schemaVersion}, from an older pa-tui (this one reads version ${SCHEMA_VERSION}); rebuild it from the raw text with pa-tui ingest <file…> --out <path>`,
			);
		}
		throw new CorpusError(`${name}: schemaVersion ${quote(version, 20)} is not supported (this pa-tui reads version ${SCHEMA_VERSION})`);
	}
	const result = corpusSchema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const path = quote(fieldPath(issue.path), 120);
		throw new CorpusError(`${name}: ${path === '' ? 'the top level' : path}: ${quote(issue.message, 160)}`);
	}
	const duplicate = crossCheck(result.data);
	if (duplicate !== undefined) throw new CorpusError(`${name}: ${duplicate}`);
	return result.data;
}

/** Read and validate (unless it is the bundled corpus). */
export function loadCorpus(file: string): Corpus {
	const {data, trusted} = readCorpusFile(file);
	return trusted ? (data as Corpus) : parseCorpus(data, file);
}
