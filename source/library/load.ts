// A library read from disk → its reports, validated unless pa-tui wrote it as it is.

import {LIBRARY_VERSION} from './format.ts';
import type {LibraryText} from './read.ts';
import type {LibraryFile} from './schema.ts';

/**
 * `schemaVersion` is the corpus schema version this pa-tui reads, when the caller knows it
 * without loading the schema (the bundled corpus carries it); otherwise the library is validated.
 */
export async function loadLibrary(read: LibraryText, advice: string, schemaVersion?: number): Promise<LibraryFile> {
	const data = read.data as Partial<LibraryFile> | null;
	const trusted =
		read.sealed &&
		schemaVersion !== undefined &&
		data?.libraryVersion === LIBRARY_VERSION &&
		data.schemaVersion === schemaVersion &&
		Array.isArray(data.reports);
	if (trusted) return data as LibraryFile;
	const {parseLibrary} = await import('./validate.ts');
	return parseLibrary(read.data, read.path, advice);
}
