// What every one-shot command is given: parsed options, the corpus, and where to write.

import {fileURLToPath} from 'node:url';
import {buildModel, type Model} from '../corpus/model.ts';
import {readCorpusFile} from '../corpus/read.ts';
import {sanitizeDeep, sanitizeLine} from '../corpus/sanitize.ts';
import type {Corpus} from '../corpus/schema.ts';
import {OutputError, stdoutWasClosed} from '../io/standard-streams.ts';

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** Exit codes, as grep: 0 found, 1 nothing matched, 2 usage or corpus error. */
export const EXIT = {ok: 0, noMatch: 1, usage: 2} as const;

export interface Output {
	write(text: string): void;
	/** Notes for a person (other years, warnings): standard error, never mixed into data. */
	note(text: string): void;
	isTerminal: boolean;
	color: boolean;
	columns: number;
}

export function defaultCorpusPath(): string {
	return fileURLToPath(new URL('../data/corpus.json', import.meta.url));
}

export function corpusPath(option: string | undefined): string {
	if (option === '') throw new UsageError('--corpus needs a file name');
	// Set to nothing counts as not set, as for NO_COLOR.
	return option ?? (process.env['PA_TUI_CORPUS'] || defaultCorpusPath());
}

export interface LoadedCorpus {
	/** Data as stored, for JSON output (JSON escapes it). */
	raw: Model;
	/** Every string sanitized for the terminal, for text output and the explorer. */
	display: Model;
}

/**
 * Models are built on first use: a JSON command never needs the display one, nor text the raw.
 * The schema validator (zod) is loaded only for a corpus other than the bundled one.
 */
export async function openCorpus(path: string): Promise<LoadedCorpus> {
	const {data, trusted, terminalSafe} = readCorpusFile(path);
	const corpus = trusted ? (data as Corpus) : (await import('../corpus/load.ts')).parseCorpus(data, path);
	let raw: Model | undefined;
	let display: Model | undefined;
	const models: LoadedCorpus = {
		get raw() {
			raw ??= buildModel(corpus);
			return raw;
		},
		get display() {
			display ??= terminalSafe ? models.raw : buildModel(sanitizeDeep(corpus));
			return display;
		},
	};
	return models;
}

export function processOutput(noColor: boolean): Output {
	const isTerminal = Boolean(process.stdout.isTTY);
	let checked = false;
	return {
		write: text => {
			// Checked on the first write only: a command that prints nothing (no match) is not affected.
			if (!checked) {
				checked = true;
				if (stdoutWasClosed()) throw new OutputError('standard output is closed: nothing was written');
			}
			process.stdout.write(text);
		},
		// One line each, safe for a terminal: a note may quote what the user typed.
		note: text => process.stderr.write(`${sanitizeLine(text.replace(/\n+$/, ''))}\n`),
		isTerminal,
		// NO_COLOR counts when set to anything but the empty string (no-color.org).
		color: isTerminal && !noColor && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb',
		columns: isTerminal ? process.stdout.columns || 80 : 0,
	};
}
