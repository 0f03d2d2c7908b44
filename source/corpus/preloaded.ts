// A corpus file read ahead of time: the start-up snapshot (source/snapshot/) reads the bundled
// corpus when it is built, so that a command started from it finds the corpus parsed. It stands
// in for the file only while the file is the one that was read: same device, inode, size,
// modification and change time (a change time cannot be set back by hand), else the file is
// read again as usual.

import {type Stats, statSync} from 'node:fs';
import {type ReadFile, readCorpusFile} from './read.ts';

interface Preloaded {
	path: string;
	identity: string;
	file: ReadFile;
}

let preloaded: Preloaded | undefined;

function identityOf(stats: Stats): string {
	return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** Read `path` now, to be used by a later `preloadedCorpusFile(path)`. */
export function preloadCorpusFile(path: string): void {
	const identity = identityOf(statSync(path));
	preloaded = {path, identity, file: readCorpusFile(path)};
}

/** The file as read ahead of time, when it is still the same file; else undefined (read it). */
export function preloadedCorpusFile(path: string): ReadFile | undefined {
	if (preloaded?.path !== path) return undefined;
	try {
		return identityOf(statSync(path)) === preloaded.identity ? preloaded.file : undefined;
	} catch {
		return undefined;
	}
}
