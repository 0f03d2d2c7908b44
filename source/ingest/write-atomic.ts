// Writing a file so that a reader never sees half of it: write a temporary file beside the
// target, flush it, then rename over the target. A writer killed before the rename leaves the
// target as it was and its temporary file behind; the next write removes such leftovers.

import {
	closeSync,
	fchmodSync,
	fsyncSync,
	openSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {IngestError} from './raw-text.ts';

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Remove temporary files of earlier writes of `path` whose writer is gone. */
function removeStaleTemporaries(path: string): void {
	const dir = dirname(path);
	const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(\\d+)\\.tmp$`);
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const m = pattern.exec(name);
		if (!m) continue;
		const pid = Number(m[1]);
		if (pid === process.pid || !isAlive(pid)) rmSync(join(dir, name), {force: true});
	}
}

function why(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			return 'its folder does not exist';
		case 'EACCES':
		case 'EPERM':
		case 'EROFS':
			return 'permission denied';
		case 'EISDIR':
			return 'is a directory';
		case 'ENOSPC':
			return 'no space left on the device';
		case 'ENOTDIR':
			return 'a part of the path is not a folder';
		default:
			return (error as Error).message;
	}
}

/**
 * Write `content` to `path` atomically; failures are IngestErrors naming `path`. A symbolic link
 * is followed (its target is replaced, the link stays) and the old file's permissions are kept.
 */
export function writeFileAtomic(path: string, content: string): void {
	let target = path;
	let temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		const existing = statSync(path, {throwIfNoEntry: false});
		if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'});
		if (existing && !existing.isFile()) {
			// A device or a pipe (/dev/stdout, a FIFO): write to it; never rename over it.
			writeFileSync(path, content);
			return;
		}
		if (existing) target = realpathSync(path);
		temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
		removeStaleTemporaries(target);
		const fd = openSync(temporary, 'w');
		try {
			if (existing) fchmodSync(fd, existing.mode & 0o7777);
			writeSync(fd, content);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, target);
	} catch (error) {
		try {
			rmSync(temporary, {force: true});
		} catch {
			// nothing was created
		}
		throw new IngestError(path, `cannot write the corpus: ${why(error)}`);
	}
	// Make the rename itself durable; not every system can sync a directory.
	try {
		const fd = openSync(dirname(target), 'r');
		try {
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch {
		// best effort
	}
}
