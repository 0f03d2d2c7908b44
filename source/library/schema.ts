// The library file's schema (zod): the envelope around corpus documents, which are checked by the
// corpus schema itself. Loaded only where a library is validated: the start-up path reads a
// library that pa-tui wrote and has not changed since without it (format.ts).

import {z} from 'zod';
import {documentSchema, SCHEMA_VERSION} from '../corpus/schema.ts';
import {LIBRARY_VERSION} from './format.ts';

export const libraryEntrySchema = z
	.object({
		/** When `library add` read the report (ISO 8601, UTC). */
		addedAt: z.string().datetime(),
		/** The text file or saved page it was read from, as an absolute path. */
		sourceFile: z.string().min(1),
		document: documentSchema,
	})
	.strict();

export const librarySchema = z
	.object({
		libraryVersion: z.literal(LIBRARY_VERSION),
		/** The corpus schema version of the documents. */
		schemaVersion: z.literal(SCHEMA_VERSION),
		/** The SHA-256 of the file after its first line, as pa-tui wrote it (format.ts). */
		sha256: z.string().regex(/^[0-9a-f]{64}$/),
		reports: z.array(libraryEntrySchema),
	})
	.strict();

export type LibraryEntry = z.infer<typeof libraryEntrySchema>;
export type LibraryFile = z.infer<typeof librarySchema>;
