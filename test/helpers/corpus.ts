// Shared by tests: the raw files, the committed corpus, and the binary.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Corpus} from '../../source/corpus/schema.ts';
import {buildCorpus, type RawFile} from '../../source/ingest/build.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const rawDir = `${root}data/raw`;
export const corpusFile = `${root}data/corpus.json`;
export const binary = `${root}bin/pa-tui`;

export function rawFiles(): RawFile[] {
	return readdirSync(rawDir)
		.filter(f => f.endsWith('.txt'))
		.sort()
		.map(name => ({name, bytes: readFileSync(`${rawDir}/${name}`)}));
}

let built: Corpus | undefined;
export function builtCorpus(): Corpus {
	built ??= buildCorpus(rawFiles());
	return built;
}

/**
 * A data folder with no library in it, for every child the tests start: the default view is the
 * bundled corpus and the user's library, and a test must never read (or write) the real one.
 */
export const emptyDataHome = mkdtempSync(join(tmpdir(), 'pa-tui-data-'));
process.on('exit', () => rmSync(emptyDataHome, {recursive: true, force: true}));
/** Environment variables that keep a child away from the real library. */
export const NO_USER_LIBRARY = {XDG_DATA_HOME: emptyDataHome};

export interface RunResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Run the real binary as a child process, piped (not a terminal). */
export function runBinary(args: string[], env: Record<string, string> = {}, input?: string): RunResult {
	const result = spawnSync(process.execPath, [binary, ...args], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...NO_USER_LIBRARY, ...env},
		input,
		timeout: 30_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Run the binary and fail the test, with its stderr, unless it exits 0. */
export function runOk(args: string[], env?: Record<string, string>): RunResult {
	const r = runBinary(args, env);
	assert.equal(r.status, 0, `pa-tui ${args.join(' ')}: ${r.stderr}`);
	return r;
}

/** Run the binary, which must exit 0, and parse what it printed as JSON. */
export function runJson<T>(args: string[], env?: Record<string, string>): T {
	return JSON.parse(runOk(args, env).stdout) as T;
}
