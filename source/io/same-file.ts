// Whether paths name one file: through symbolic links, hard links and bind mounts alike, by
// device and inode (a path and its real path always share them). A command that writes must not
// write over what it reads, and one that reads a list of files should read each once.

import {statSync} from 'node:fs';

/** "device:inode" of the file `path` names (links followed); undefined when it cannot be looked at. */
export function fileKey(path: string): string | undefined {
	try {
		const stats = statSync(path, {bigint: true});
		return `${stats.dev}:${stats.ino}`;
	} catch {
		return undefined;
	}
}

/** The first of `paths` that is the same file as `path`; undefined when none is (or `path` does not exist). */
export function sameFileAmong(path: string, paths: readonly string[]): string | undefined {
	const key = fileKey(path);
	return key === undefined ? undefined : paths.find(other => fileKey(other) === key);
}
