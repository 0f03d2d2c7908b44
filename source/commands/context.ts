// What every one-shot command is given: parsed options, the corpus, and where to write.

import {fileURLToPath} from 'node:url';
import {buildModel, type Model, type ReportOrigin} from '../corpus/model.ts';
import {preloadedCorpusFile} from '../corpus/preloaded.ts';
import {readCorpusFile} from '../corpus/read.ts';
import {sanitizeDeep, sanitizeLine} from '../corpus/sanitize.ts';
import type {Corpus} from '../corpus/schema.ts';
import {fileView, mergeLibrary, type View} from '../corpus/view.ts';
import {OutputError, stdoutWasClosed} from '../io/standard-streams.ts';
import {loadLibrary} from '../library/load.ts';
import {libraryPath} from '../library/paths.ts';
import {READ_ADVICE, readLibraryFile} from '../library/read.ts';

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

/** A corpus file alone (`--corpus`, PA_TUI_CORPUS), or the bundled corpus with the library over it. */
export type CorpusSource = {kind: 'file'; path: string} | {kind: 'default'; bundled: string; library: string | undefined};

export function corpusSource(option: string | undefined, noLibrary: boolean): CorpusSource {
	if (option === '') throw new UsageError('--corpus needs a file name');
	// Set to nothing counts as not set, as for NO_COLOR.
	const file = option ?? (process.env['PA_TUI_CORPUS'] || undefined);
	if (file !== undefined) return {kind: 'file', path: file};
	return {kind: 'default', bundled: defaultCorpusPath(), library: noLibrary ? undefined : libraryPath()};
}

export interface LoadedCorpus {
	/** Data as stored, for JSON output (JSON escapes it). */
	raw: Model;
	/** Every string sanitized for the terminal, for text output and the explorer. */
	display: Model;
}

async function readCorpus(path: string): Promise<{corpus: Corpus; terminalSafe: boolean}> {
	// The bundled corpus is found parsed when the program started from its snapshot (source/snapshot/).
	const {data, trusted, terminalSafe} = preloadedCorpusFile(path) ?? readCorpusFile(path);
	return {corpus: trusted ? (data as Corpus) : (await import('../corpus/load.ts')).parseCorpus(data, path), terminalSafe};
}

/** The view of a source, and whether no string of it needs sanitizing for a terminal. */
async function readView(source: CorpusSource): Promise<{view: View; terminalSafe: boolean}> {
	if (source.kind === 'file') {
		const {corpus, terminalSafe} = await readCorpus(source.path);
		return {view: fileView(corpus, {kind: 'file', path: source.path}), terminalSafe};
	}
	const bundled = await readCorpus(source.bundled);
	const library = source.library === undefined ? undefined : readLibraryFile(source.library, READ_ADVICE);
	if (!library) return {view: fileView(bundled.corpus, {kind: 'bundled', path: source.bundled}), terminalSafe: bundled.terminalSafe};
	// A sealed library of the bundled corpus's schema version needs no validator (library/format.ts).
	const {reports} = await loadLibrary(library, READ_ADVICE, bundled.corpus.schemaVersion);
	return {
		view: mergeLibrary(bundled.corpus, source.bundled, reports, library.path),
		terminalSafe: bundled.terminalSafe && library.terminalSafe,
	};
}

/** Origins with paths safe for a terminal (a file name may hold anything); shared objects stay shared. */
function displayOrigins(origins: Map<string, ReportOrigin>): Map<string, ReportOrigin> {
	const safe = new Map<ReportOrigin, ReportOrigin>();
	const clean = (origin: ReportOrigin): ReportOrigin =>
		origin.kind === 'library'
			? {...origin, path: sanitizeLine(origin.path), sourceFile: sanitizeLine(origin.sourceFile), addedAt: sanitizeLine(origin.addedAt)}
			: {...origin, path: sanitizeLine(origin.path)};
	return new Map([...origins].map(([id, origin]) => [id, safe.get(origin) ?? safe.set(origin, clean(origin)).get(origin)!]));
}

/**
 * Models are built on first use: a JSON command never needs the display one, nor text the raw.
 * The schema validator (zod) is loaded only for a corpus other than the bundled one, and for a
 * library that pa-tui did not write as it is. A path stands for that file alone.
 */
export async function openCorpus(source: CorpusSource | string): Promise<LoadedCorpus> {
	const {view, terminalSafe} = await readView(typeof source === 'string' ? {kind: 'file', path: source} : source);
	let raw: Model | undefined;
	let display: Model | undefined;
	const models: LoadedCorpus = {
		get raw() {
			raw ??= buildModel(view.corpus, view.origins);
			return raw;
		},
		get display() {
			display ??= buildModel(terminalSafe ? view.corpus : sanitizeDeep(view.corpus), displayOrigins(view.origins));
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
