// Writing a file so that a reader never sees half of it: write a temporary file beside the
// target, check that every byte is there, flush it, then rename over the target. On any error the
// target stays as it was and the temporary file is removed; a writer killed before the rename
// leaves its temporary file behind, and the next write of the same target removes such leftovers.
//
// Not write-file-atomic: its synchronous path writes with one fs.writeSync and ignores a short
// count (a disk that fills part-way gets a truncated file renamed over the good one), it does
// not write devices and pipes in place, and its temporary names (a hash) cannot be matched to
// dead writers to clean up after them.

import {
	closeSync,
	fchmodSync,
	fchownSync,
	fstatSync,
	fsyncSync,
	openSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	writeSync,
} from 'node:fs';
import {basename, dirname, join} from 'node:path';

/** A file that could not be written; `reason` is a short phrase for a one-line message. */
export class WriteError extends Error {
	constructor(
		readonly path: string,
		readonly reason: string,
		readonly code?: string,
	) {
		super(reason);
		this.name = 'WriteError';
	}
}

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

const REASONS: Record<string, string> = {
	ENOENT: 'its folder does not exist',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'the file system is read-only',
	EISDIR: 'is a directory',
	ENOSPC: 'no space left on the device',
	EDQUOT: 'disk quota exceeded',
	EFBIG: 'the file would be too large for the file system',
	ENOTDIR: 'a part of the path is not a folder',
	ENAMETOOLONG: 'the name is too long',
	EIO: 'input/output error',
	EPIPE: 'the reading end of the pipe was closed',
	ESHORT: 'the file came out shorter than what was written',
};

function writeError(path: string, error: unknown): WriteError {
	const code = (error as NodeJS.ErrnoException).code;
	return new WriteError(path, (code && REASONS[code]) ?? (error as Error).message, code);
}

/** write(2) may write fewer bytes than asked (a disk filling up): write the rest until all is written. */
function writeAll(fd: number, bytes: Uint8Array): void {
	let at = 0;
	while (at < bytes.length) {
		const n = writeSync(fd, bytes, at, bytes.length - at);
		// No progress and no error: treat as a full device rather than loop for ever.
		if (n <= 0) throw Object.assign(new Error('no progress writing'), {code: 'ENOSPC'});
		at += n;
	}
}

/**
 * Write `content` to `path` atomically. A symbolic link is followed (its target is replaced, the
 * link stays), the old file's permissions (and, for root, its owner) are kept, and a device or
 * named pipe (/dev/stdout, a FIFO) is written in place, never renamed over. Throws WriteError
 * naming `path`; the target is then unchanged and no temporary file is left.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
	const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
	if (path === '') throw new WriteError(path, 'an empty file name');
	let target = path;
	let temporary: string | undefined;
	try {
		const existing = statSync(path, {throwIfNoEntry: false});
		if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'});
		if (existing && !existing.isFile()) {
			const fd = openSync(path, 'w');
			try {
				writeAll(fd, bytes);
			} finally {
				closeSync(fd);
			}
			return;
		}
		if (existing) target = realpathSync(path);
		removeStaleTemporaries(target);
		temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
		const fd = openSync(temporary, 'w');
		try {
			if (existing) {
				fchmodSync(fd, existing.mode & 0o7777);
				if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) fchownSync(fd, existing.uid, existing.gid);
			}
			writeAll(fd, bytes);
			fsyncSync(fd);
			// What the file system holds, not what write(2) said: never rename a short file into place.
			if (fstatSync(fd).size !== bytes.length) throw Object.assign(new Error('short file'), {code: 'ESHORT'});
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, target);
		temporary = undefined;
	} catch (error) {
		if (temporary !== undefined) {
			try {
				rmSync(temporary, {force: true});
			} catch {
				// nothing was created
			}
		}
		throw writeError(path, error);
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
