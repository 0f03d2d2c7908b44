// Validating a library against its schema (zod): the first problem as one line naming the file
// and the field, as for a corpus.

import {fieldPath} from '../corpus/load.ts';
import {quote} from '../corpus/read.ts';
import {SCHEMA_VERSION} from '../corpus/schema.ts';
import {LIBRARY_VERSION} from './format.ts';
import {LibraryError} from './read.ts';
import {type LibraryFile, librarySchema} from './schema.ts';

function version(data: object, key: string): string | undefined {
	if (!(key in data)) return undefined;
	const value = (data as Record<string, unknown>)[key];
	return quote(JSON.stringify(value) ?? String(value), 20);
}

export function parseLibrary(data: unknown, file: string, advice: string): LibraryFile {
	if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
		const library = version(data, 'libraryVersion');
		if (library !== undefined && library !== String(LIBRARY_VERSION)) {
			throw new LibraryError(file, `libraryVersion ${library} is not supported (this pa-tui reads version ${LIBRARY_VERSION})`, advice);
		}
		const schema = version(data, 'schemaVersion');
		if (schema !== undefined && schema !== String(SCHEMA_VERSION)) {
			throw new LibraryError(
				file,
				`its reports are of corpus schema version ${schema}, this pa-tui reads version ${SCHEMA_VERSION} (add their files again to a new library)`,
				advice,
			);
		}
	}
	const result = librarySchema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const path = quote(fieldPath(issue.path), 120);
		throw new LibraryError(file, `${path === '' ? 'the top level' : path}: ${quote(issue.message, 160)}`, advice);
	}
	const seen = new Set<string>();
	for (const [i, entry] of result.data.reports.entries()) {
		const id = entry.document.id;
		if (seen.has(id)) throw new LibraryError(file, `reports[${i}].document.id: "${quote(id)}" is the id of an earlier report`, advice);
		seen.add(id);
		const sections = new Set<string>();
		for (const [s, section] of entry.document.sections.entries()) {
			if (sections.has(section.id)) {
				throw new LibraryError(
					file,
					`reports[${i}].document.sections[${s}].id: "${quote(section.id)}" is the id of an earlier section`,
					advice,
				);
			}
			sections.add(section.id);
		}
	}
	return result.data;
}
