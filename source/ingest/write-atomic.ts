// Writing a file so that a reader never sees half of it: write a temporary file beside the
// target, flush it, then rename over the target.

import {closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
	const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		const fd = openSync(temporary, 'w');
		try {
			writeSync(fd, content);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}
