// Reading a file a user named, with a ceiling on its size. A path can name a device that never
// ends (/dev/zero, /dev/urandom), a pipe fed by a program that never stops, or a file far larger
// than anything pa-tui should hold in memory: without a limit, reading it takes every byte of
// memory there is. Every reader of user files goes through here (corpora, raw yearbook text,
// library files), so that one limit, one option and one set of messages cover them all.

import {closeSync, fstatSync, openSync, readSync, type Stats, statSync} from 'node:fs';

/** The limit when neither --max-size nor PA_TUI_MAX_SIZE says otherwise: 128 MiB. */
export const DEFAULT_READ_LIMIT = 128 * 1024 * 1024;

/** What a user can do about the limit, in every message that names it. */
export const RAISE_LIMIT_HINT = 'raise the limit with --max-size or PA_TUI_MAX_SIZE';

let configuredLimit = DEFAULT_READ_LIMIT;

/** The process-wide limit: set once by the command line (--max-size, PA_TUI_MAX_SIZE). */
export function setReadLimit(bytes: number): void {
	configuredLimit = bytes;
}

export function readLimit(): number {
	return configuredLimit;
}

/** A file that could not be read; `reason` is a short phrase for a one-line message ("no such file"). */
export class ReadError extends Error {
	constructor(
		readonly path: string,
		readonly reason: string,
		readonly code?: string,
	) {
		super(reason);
		this.name = 'ReadError';
	}
}

const UNITS: Record<string, number> = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3};

/** "512M", "2G", "64k", "1048576" (K, M, G are powers of 1024; "MB", "MiB" also read). Undefined if not a size. */
export function parseSize(text: string): number | undefined {
	const m = /^(\d{1,12}(?:\.\d{1,6})?)\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
	if (!m) return undefined;
	const bytes = Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
	return bytes >= 1 ? bytes : undefined;
}

/** 134217728 → "128 MiB", 1536 → "1.5 KiB", 12 → "12 bytes". */
export function formatSize(bytes: number): string {
	for (const [unit, size] of [
		['GiB', 1024 ** 3],
		['MiB', 1024 ** 2],
		['KiB', 1024],
	] as const) {
		if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
	}
	return `${bytes} bytes`;
}

function kindOf(stats: Stats): string | undefined {
	if (stats.isFile() || stats.isFIFO()) return undefined;
	if (stats.isDirectory()) return 'is a directory';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a file';
	if (stats.isSocket()) return 'is a socket, not a file';
	return 'is not a regular file';
}

/** System errors a user can cause by naming a file, as short phrases. */
const REASONS: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EISDIR: 'is a directory',
	ENOTDIR: 'a part of the path is not a folder',
	ENAMETOOLONG: 'the name is too long',
	ELOOP: 'too many symbolic links',
	ENXIO: 'cannot be opened (no such device, or a socket)',
	EIO: 'input/output error',
};

const PIPE_CHUNK = 64 * 1024;

/**
 * The bytes of a regular file or a named pipe (/dev/stdin fed by a pipe counts), at most `limit`
 * of them. A regular file over the limit is refused before a byte is read; a pipe is read up to
 * the limit and then refused. Devices, sockets and directories are refused before they are
 * opened (opening some devices has effects of its own). Throws ReadError, never anything else
 * for a problem of the file.
 */
export function readFileLimited(path: string, limit = readLimit()): Buffer {
	try {
		return read(path, limit);
	} catch (error) {
		if (error instanceof ReadError) throw new ReadError(path, error.reason, error.code);
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== undefined && code in REASONS) throw new ReadError(path, REASONS[code]!, code);
		throw error;
	}
}

function read(path: string, limit: number): Buffer {
	if (path === '') throw new ReadError(path, 'an empty file name');
	const before = kindOf(statSync(path));
	if (before) throw new ReadError(path, before);
	const fd = openSync(path, 'r');
	try {
		const stats = fstatSync(fd);
		// The file may have been replaced between the two looks.
		const kind = kindOf(stats);
		if (kind) throw new ReadError(path, kind);
		if (stats.isFile() && stats.size > limit) {
			throw new ReadError(path, `is ${formatSize(stats.size)}, over the ${formatSize(limit)} read limit (${RAISE_LIMIT_HINT})`, 'E2BIG');
		}
		// A regular file in one buffer, one byte more than its size so that its end is seen at once;
		// a pipe (or a file that grows) in chunks, joined once at the end.
		const chunks: Buffer[] = [];
		let length = 0;
		let size = Math.min(limit + 1, stats.isFile() ? stats.size + 1 : PIPE_CHUNK);
		for (;;) {
			const chunk = Buffer.allocUnsafe(size);
			let filled = 0;
			while (filled < chunk.length) {
				const n = readSync(fd, chunk, filled, chunk.length - filled, null);
				if (n === 0) break;
				filled += n;
			}
			chunks.push(filled < chunk.length ? chunk.subarray(0, filled) : chunk);
			length += filled;
			if (length > limit) {
				throw new ReadError(
					path,
					stats.isFile()
						? `grew past the ${formatSize(limit)} read limit while being read (${RAISE_LIMIT_HINT})`
						: `stopped after ${formatSize(limit)}, the read limit (${RAISE_LIMIT_HINT})`,
					'E2BIG',
				);
			}
			if (filled < chunk.length) break;
			size = Math.min(limit + 1 - length, PIPE_CHUNK * 16);
		}
		return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
	} finally {
		closeSync(fd);
	}
}
