// Every read of a file the user names (raw text, saved pages, the library) goes through here,
// so that limits on what is read (size, devices) are set in one place.

import {readFileSync} from 'node:fs';

/** The file's bytes; errors are Node's (ENOENT, EACCES, EISDIR, …) for the caller to word. */
export function readUserFile(path: string): Uint8Array {
	return readFileSync(path);
}
