// Shared by tests: the raw files, the committed corpus, and the binary.

import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
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

export interface RunResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Run the real binary as a child process, piped (not a terminal). */
export function runBinary(args: string[], env: Record<string, string> = {}, input?: string): RunResult {
	const result = spawnSync(process.execPath, [binary, ...args], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env},
		input,
		timeout: 30_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}
