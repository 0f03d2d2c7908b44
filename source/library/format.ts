// The library file as bytes. A library is JSON whose first line holds the versions and a
// SHA-256 sum of the whole file (computed with the sum written as zeros):
//
//   {"libraryVersion": 1, "schemaVersion": 1, "sha256": "…64 hex digits…",
//   "reports": [
//   {"addedAt": "…", "sourceFile": "…", "document": {…a corpus document…}},
//   …
//   ]}
//
// One report a line: compact (JSON.parse time is what the library costs every command) and
// still a file whose changes show report by report in a diff.
//
// pa-tui validates every library it writes; a file whose sum still matches is read without the
// schema validator (zod), which would cost more at start-up than everything else the library
// adds. A file changed by hand, or damaged, no longer matches and is validated in full.

import {sha256} from '../io/sha256.ts';
import type {LibraryEntry} from './schema.ts';

export const LIBRARY_VERSION = 1;

const PLACEHOLDER = '0'.repeat(64);
const SUM_ON_FIRST_LINE = /"sha256": "([0-9a-f]{64})"/;

export function serializeLibrary(schemaVersion: number, reports: LibraryEntry[]): string {
	const lines = reports.map(entry => JSON.stringify(entry)).join(',\n');
	const text = `{"libraryVersion": ${LIBRARY_VERSION}, "schemaVersion": ${schemaVersion}, "sha256": "${PLACEHOLDER}",\n"reports": [${lines === '' ? '' : `\n${lines}\n`}]}\n`;
	// The first occurrence of the placeholder is the one on the first line.
	return text.replace(PLACEHOLDER, sha256(Buffer.from(text)));
}

/** Whether the file is as pa-tui wrote it: the sum on its first line matches. */
export function isSealed(bytes: Uint8Array): boolean {
	let end = bytes.indexOf(0x0a);
	if (end < 0) end = Math.min(bytes.length, 200);
	const first = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(end, 200)).toString('latin1');
	const match = SUM_ON_FIRST_LINE.exec(first);
	if (!match) return false;
	const at = match.index + '"sha256": "'.length;
	const sum = sha256(bytes.subarray(0, at), Buffer.from(PLACEHOLDER), bytes.subarray(at + 64));
	return sum === match[1];
}
