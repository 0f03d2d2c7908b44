// Changing the library: under a lock (two `library add` at once both land), from the file as it
// is now (never from what a command read earlier), validated before it is written, written
// atomically, with the previous file kept as library.json.bak. A library that does not load is
// never overwritten.

import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {lock} from 'proper-lockfile';
import {quote} from '../corpus/read.ts';
import {SCHEMA_VERSION} from '../corpus/schema.ts';
import {WriteError, writeFileAtomic} from '../io/write-atomic.ts';
import {serializeLibrary} from './format.ts';
import {LibraryError, readLibraryFile, shellWord, writeAdvice} from './read.ts';
import type {LibraryEntry} from './schema.ts';
import {parseLibrary} from './validate.ts';

/**
 * A lock whose holder has not touched it for this long is taken over (its holder crashed or was
 * killed): the holder refreshes it every STALE_MS / 2, and a change takes well under a second.
 */
const STALE_MS = 10_000;
/** Waiting for another pa-tui's change: about 25 s at most, long enough to outlast a stale lock. */
const RETRIES = {retries: 100, minTimeout: 20, maxTimeout: 250, factor: 1.5, randomize: true};

export function lockPath(library: string): string {
	return `${library}.lock`;
}

/** The previous library, kept by every change. */
export function backupPath(library: string): string {
	return `${library}.bak`;
}

async function acquire(path: string): Promise<() => Promise<void>> {
	try {
		mkdirSync(dirname(path), {recursive: true});
	} catch (error) {
		throw new LibraryError(path, `cannot create its folder: ${quote((error as Error).message, 120)}`, 'nothing was changed');
	}
	try {
		return await lock(path, {
			realpath: false,
			lockfilePath: lockPath(path),
			stale: STALE_MS,
			retries: RETRIES,
			// The change itself runs without awaiting anything, so no other pa-tui can take the lock
			// over in the middle of it; a lock lost while releasing it leaves the change written.
			onCompromised: () => {},
		});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
			throw new LibraryError(
				path,
				'is being changed by another pa-tui and stayed locked',
				`nothing was changed: try again, or if no pa-tui is running remove its lock (rmdir ${shellWord(lockPath(path))})`,
			);
		}
		throw new LibraryError(path, `cannot be locked: ${quote((error as Error).message, 120)}`, 'nothing was changed');
	}
}

/**
 * Apply `change` to the library's reports as they are now and write the result. `change` may
 * throw to leave the library as it is.
 */
export async function changeLibrary<T>(
	path: string,
	change: (reports: LibraryEntry[]) => {reports: LibraryEntry[]; result: T},
): Promise<T> {
	const release = await acquire(path);
	try {
		const advice = writeAdvice(path);
		const current = readLibraryFile(path, advice);
		const before = current ? parseLibrary(current.data, path, advice).reports : [];
		const {reports, result} = change(before);
		const text = serializeLibrary(SCHEMA_VERSION, reports);
		// Never write a library the loader would refuse.
		parseLibrary(JSON.parse(text), path, 'nothing was changed (this is a bug in pa-tui)');
		try {
			if (current) writeFileAtomic(backupPath(path), current.text);
			writeFileAtomic(path, text);
		} catch (error) {
			if (!(error instanceof WriteError)) throw error;
			throw new LibraryError(error.path, `cannot be written: ${error.reason}`, 'the library was left as it was');
		}
		return result;
	} finally {
		await release().catch(() => {});
	}
}
