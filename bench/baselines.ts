// Baselines measured in the same run: `node -e 0` for start-up, and `less` / `vim` answering
// one line of movement for key-to-frame latency and bytes per key.

import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Corpus} from '../source/corpus/schema.ts';
import {atExit, runToExit} from './children.ts';
import {cleanEnv} from './env.ts';
import {PtySession} from './pty.ts';

export async function nodeStart(runs: number): Promise<number[]> {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const result = await runToExit(process.execPath, ['-e', '0'], {timeoutMs: 5_000});
		if (result.code === 0) samples.push(result.ms);
	}
	return samples;
}

export function which(program: string): string | undefined {
	try {
		return execFileSync('sh', ['-c', `command -v ${program}`], {encoding: 'utf8', env: cleanEnv()}).trim() || undefined;
	} catch {
		return undefined;
	}
}

/** A long plain-text file (the corpus paragraphs, wrapped at 72 columns) for less and vim. */
export function longTextFile(corpus: Corpus, lines = 4_000): string {
	const out: string[] = [];
	for (const document of corpus.documents) {
		for (const section of document.sections) {
			for (const paragraph of section.paragraphs) {
				let line = '';
				for (const word of paragraph.split(/\s+/)) {
					if (line.length + word.length + 1 > 72) {
						out.push(line);
						line = word;
					} else line = line ? `${line} ${word}` : word;
				}
				if (line) out.push(line);
				out.push('');
				if (out.length >= lines) break;
			}
		}
	}
	const dir = mkdtempSync(join(tmpdir(), 'pa-tui-bench-'));
	atExit(() => rmSync(dir, {recursive: true, force: true}));
	const file = join(dir, 'long.txt');
	writeFileSync(file, `${out.join('\n')}\n`);
	return file;
}

export interface Viewer {
	name: string;
	/** Start it on `file` at the given size. */
	spawn(file: string, cols: number, rows: number): PtySession;
	down: string;
	up: string;
	quit: string[];
}

export function viewers(): {available: Viewer[]; missing: string[]} {
	// Sessions are recorded so that the cells each key changed can be counted afterwards, as for pa-tui.
	const available: Viewer[] = [];
	const missing: string[] = [];
	const less = which('less');
	if (less) {
		available.push({
			name: 'less',
			spawn: (file, cols, rows) =>
				new PtySession(less, [file], {cols, rows, screen: false, record: true, env: cleanEnv({LESSHISTFILE: '-'})}),
			down: 'j',
			up: 'k',
			quit: ['q'],
		});
	} else missing.push('less');
	const vim = which('vim');
	if (vim) {
		available.push({
			name: 'vim',
			// -n -i NONE: no swap file, no viminfo, so nothing but the screen is written.
			spawn: (file, cols, rows) =>
				new PtySession(vim, ['-u', 'NONE', '-i', 'NONE', '-n', '-c', 'set cursorline', file], {cols, rows, screen: false, record: true}),
			down: 'j',
			up: 'k',
			quit: ['\x1b', ':qa!\r'],
		});
	} else missing.push('vim');
	return {available, missing};
}
