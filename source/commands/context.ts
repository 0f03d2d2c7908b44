// What every one-shot command is given: parsed options, the corpus, and where to write.

import {fileURLToPath} from 'node:url';
import {buildModel, type Model, type ReportOrigin} from '../corpus/model.ts';
import {parseCorpusBytes, readCorpusBytes} from '../corpus/read.ts';
import {type Records, readRecords} from '../corpus/records.ts';
import {sanitizeDeep, sanitizeLine} from '../corpus/sanitize.ts';
import type {Corpus, CorpusDocument} from '../corpus/schema.ts';
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
	/**
	 * Reports of the corpus file still to be read (records.ts), when it was opened `lazily`: the
	 * explorer reads them between keys. Undefined once there are none.
	 */
	unread?: Pick<Records, 'readFor' | 'unread'>;
}

/** Each document as the terminal may show it. */
type Shown = (document: CorpusDocument) => CorpusDocument;

interface Read {
	corpus: Corpus;
	shown: Shown;
	records?: Records;
	trusted: boolean;
}

const sanitized: Shown = document => sanitizeDeep(document);
const asIs: Shown = document => document;

/**
 * A corpus file: report by report when laid out as pa-tui writes it (records.ts), else whole.
 * The schema validator (zod) is loaded only for a file other than the bundled corpus.
 */
async function readCorpus(path: string): Promise<Read> {
	const file = readCorpusBytes(path);
	const validate = file.trusted ? undefined : (await import('../corpus/load.ts')).parseCorpus;
	const records = readRecords(file.bytes, file.from, path, validate);
	if (records) {
		const twins = new Map(records.corpus.documents.map((document, i) => [document, records.display[i]!]));
		return {corpus: records.corpus, shown: document => twins.get(document) ?? document, records, trusted: file.trusted};
	}
	const {data, terminalSafe} = parseCorpusBytes(path, file);
	return {corpus: validate ? validate(data, path) : (data as Corpus), shown: terminalSafe ? asIs : sanitized, trusted: file.trusted};
}

/** The view of a source, each document as the terminal may show it, and the file's records. */
async function readView(source: CorpusSource): Promise<{view: View; shown: Shown; read: Read}> {
	if (source.kind === 'file') {
		const read = await readCorpus(source.path);
		return {view: fileView(read.corpus, {kind: 'file', path: source.path}), shown: read.shown, read};
	}
	const bundled = await readCorpus(source.bundled);
	const library = source.library === undefined ? undefined : readLibraryFile(source.library, READ_ADVICE);
	if (!library) return {view: fileView(bundled.corpus, {kind: 'bundled', path: source.bundled}), shown: bundled.shown, read: bundled};
	// A sealed library of the bundled corpus's schema version needs no validator (library/format.ts).
	const {reports} = await loadLibrary(library, READ_ADVICE, bundled.corpus.schemaVersion);
	const fromLibrary = new Set(reports.map(entry => entry.document));
	const libraryShown = library.terminalSafe ? asIs : sanitized;
	return {
		view: mergeLibrary(bundled.corpus, source.bundled, reports, library.path),
		shown: document => (fromLibrary.has(document) ? libraryShown(document) : bundled.shown(document)),
		read: bundled,
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
 * A path stands for that file alone. A corpus file other than the bundled one is validated
 * report by report as each is read: every report now, unless `lazily` (the explorer, which
 * reads the rest between keys: `unread`), so that a one-shot command prints nothing from a
 * corpus with a bad report in it.
 */
export async function openCorpus(source: CorpusSource | string, options: {lazily?: boolean} = {}): Promise<LoadedCorpus> {
	const {view, shown, read} = await readView(typeof source === 'string' ? {kind: 'file', path: source} : source);
	if (read.records && !read.trusted && !options.lazily) read.records.readAll();
	let raw: Model | undefined;
	let display: Model | undefined;
	const models: LoadedCorpus = {
		get raw() {
			raw ??= buildModel(view.corpus, view.origins);
			return raw;
		},
		get display() {
			display ??= buildModel({...view.corpus, documents: view.corpus.documents.map(shown)}, displayOrigins(view.origins));
			return display;
		},
		unread: read.records && read.records.unread() > 0 ? read.records : undefined,
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
