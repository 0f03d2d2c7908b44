// A corpus file read report by report. pa-tui writes corpora as JSON with an indent (`ingest`,
// `export`), and in that layout each report's object starts and ends on lines of its own at the
// second level of indentation: a scan of the bytes for the lines that close them finds every
// report without parsing any (strings hold no raw line breaks, and deeper lines are indented
// further). Up front only each report's header (id, region, year, title, …: what the region
// list and the first frame need) is parsed, from the lines before its sections; the sections
// are parsed, validated and checked for text to sanitize when first asked for, one report at a
// time. A file laid out otherwise is parsed whole (read.ts).
//
// What a reader of the corpus sees does not change: documents are plain objects whose
// `sections` is an accessor until first read, then a plain value. A report that is not valid is
// an error (CorpusError) where it is first read; `readAll` reads every one (one-shot commands,
// before they print anything), `readFor` a slice of time's worth (the explorer, between keys).

import {CorpusError, isTerminalSafeJson, jsonProblem, quote} from './read.ts';
import {sanitizeDeep, sanitizeLine} from './sanitize.ts';
import type {Corpus, CorpusDocument, Section} from './schema.ts';

/** Validates parsed JSON as a corpus (load.ts parseCorpus), loaded only for files not trusted. */
export type Validator = (data: unknown, file: string) => Corpus;

export interface Records {
	/** The corpus, its documents read lazily. */
	corpus: Corpus;
	/** Each document as the terminal may show it (sanitized where its text needs it), as lazily. */
	display: CorpusDocument[];
	/** How many documents are still to be read. */
	unread(): number;
	/** Read (parse, validate, check) every document not read yet; throws the first problem. */
	readAll(): void;
	/** Read documents for about `ms` milliseconds; true once every one is read. */
	readFor(ms: number): boolean;
}

interface Slice {
	start: number;
	end: number;
	/** Where the line `"sections": [` starts (its line break), or -1 when the header cannot be cut off. */
	sections: number;
}

/** The lines pa-tui writes before the documents: `{`, `<i>"schemaVersion": N,`, `<i>"documents": [`. */
const TOP = /^\{\n([\t ]{1,8})"schemaVersion": ([^\n,]{1,40}),\n\1"documents": \[\n/;

/** The documents' places in the file, or undefined when it is not laid out as pa-tui writes it. */
function slicesOf(bytes: Buffer, from: number): {indent: string; version: string; slices: Slice[]} | undefined {
	const head = TOP.exec(bytes.toString('latin1', from, Math.min(bytes.length, from + 120)));
	if (!head) return undefined;
	const indent = head[1]!;
	if (!/^(?:\t+| +)$/.test(indent)) return undefined;
	const twice = indent.repeat(2);
	const close = Buffer.from(`\n${twice}}`);
	const open = Buffer.from(`${twice}{\n`);
	const sectionsLine = Buffer.from(`\n${indent.repeat(3)}"sections": [`);
	const next = Buffer.from(`,\n${twice}{\n`);
	const last = `\n${indent}]\n}`;
	const slices: Slice[] = [];
	let start = from + Buffer.byteLength(head[0]);
	if (!bytes.subarray(start, start + open.length).equals(open)) return undefined;
	for (;;) {
		const at = bytes.indexOf(close, start);
		if (at === -1) return undefined;
		const end = at + close.length;
		const sections = bytes.indexOf(sectionsLine, start);
		slices.push({start, end, sections: sections !== -1 && sections < end ? sections : -1});
		if (bytes.subarray(end, end + next.length).equals(next)) {
			start = end + 2;
			continue;
		}
		const rest = bytes.toString('latin1', end);
		return rest === last || rest === `${last}\n` ? {indent, version: head[2]!, slices} : undefined;
	}
}

/** Line breaks before `offset`: the line a report's text starts on, for error messages. */
function lineOf(bytes: Buffer, offset: number): number {
	let lines = 0;
	for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) lines++;
	return lines;
}

function parseSlice(bytes: Buffer, file: string, start: number, end: number, text = bytes.toString('utf8', start, end)): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		if (!(error instanceof SyntaxError))
			throw new CorpusError(`cannot read corpus ${quote(file, 200)}: ${quote((error as Error).message, 120)}`);
		throw new CorpusError(`${quote(file, 200)}: ${jsonProblem(text, error, lineOf(bytes, start))}`);
	}
}

const AS_ONE = 'pa-tui-report';

/**
 * One document validated alone, its errors named as the file's: the validator sees a corpus of
 * that document only, `documents[0]`, which is the file's `documents[index]`.
 */
function validateOne(validate: Validator, schemaVersion: unknown, document: unknown, file: string, index: number): void {
	try {
		validate({schemaVersion, documents: [document]}, AS_ONE);
	} catch (error) {
		if (!(error instanceof CorpusError)) throw error;
		const prefix = `${AS_ONE}: documents[0]`;
		// A problem of the top level (the schema version) is the file's, not the report's.
		throw new CorpusError(
			error.message.startsWith(prefix)
				? `${quote(file, 200)}: documents[${index}]${error.message.slice(prefix.length)}`
				: `${quote(file, 200)}${error.message.slice(AS_ONE.length)}`,
		);
	}
}

/**
 * The file's documents, read lazily; undefined when it is not laid out as pa-tui writes corpora
 * (then parse it whole). `validate` is given for a file not trusted: each document is validated
 * when first read (the schema version with it), the headers all together before the rest is
 * read (readFor, readAll). Up front, only the shape: the layout, and every header an object.
 */
export function readRecords(bytes: Buffer, from: number, file: string, validate: Validator | undefined): Records | undefined {
	const layout = slicesOf(bytes, from);
	if (!layout) return undefined;
	let schemaVersion: unknown;
	try {
		schemaVersion = JSON.parse(layout.version);
	} catch {
		return undefined;
	}
	const {slices} = layout;
	const headers: Array<Record<string, unknown>> = [];
	for (const slice of slices) {
		let header: unknown;
		if (slice.sections !== -1) {
			try {
				// The header's lines end with a comma: close the object there instead.
				header = JSON.parse(`${bytes.toString('utf8', slice.start, slice.sections).replace(/,$/, '')}\n}`);
			} catch {
				header = undefined;
			}
		}
		// Sections not last, or not found: the whole report, now.
		if (header === undefined) {
			const whole = parseSlice(bytes, file, slice.start, slice.end);
			if (whole !== null && typeof whole === 'object') delete (whole as Record<string, unknown>)['sections'];
			header = whole;
		}
		if (header === null || typeof header !== 'object' || Array.isArray(header)) return undefined;
		headers.push(header as Record<string, unknown>);
	}
	// Every header, with the messages a whole validation would give (types, unique ids): before
	// the reports themselves, which are validated one at a time as they are read.
	let headersValid = !validate;
	const validateHeaders = () => {
		if (headersValid) return;
		validate!({schemaVersion, documents: headers.map(header => ({...header, sections: []}))}, file);
		headersValid = true;
	};

	const documents = headers as unknown as CorpusDocument[];
	const display: CorpusDocument[] = [];
	const pending = new Set(slices.keys());
	const settle = (target: CorpusDocument, sections: Section[]) =>
		Object.defineProperty(target, 'sections', {value: sections, writable: true, enumerable: true, configurable: true});
	const read = (index: number): void => {
		if (!pending.has(index)) return;
		const slice = slices[index]!;
		const text = bytes.toString('utf8', slice.start, slice.end);
		const whole = parseSlice(bytes, file, slice.start, slice.end, text) as Record<string, unknown>;
		if (validate) validateOne(validate, schemaVersion, whole, file, index);
		const header = headers[index]!;
		for (const key of Object.keys(header)) {
			if (key === 'sections') continue;
			// JSON allows a key twice, the last one counting: the header read first must be the document's.
			if (whole[key] !== header[key])
				throw new CorpusError(`${quote(file, 200)}: documents[${index}].${quote(key)}: given twice, with different values`);
		}
		pending.delete(index);
		const sections = whole['sections'] as Section[];
		settle(documents[index]!, sections);
		settle(display[index]!, isTerminalSafeJson(text) ? sections : sanitizeDeep(sections, 'sections'));
	};
	const lazily = (target: CorpusDocument, index: number) =>
		Object.defineProperty(target, 'sections', {
			get: () => {
				read(index);
				return target.sections;
			},
			enumerable: true,
			configurable: true,
		});
	for (const [index, header] of headers.entries()) {
		// Sanitized as a whole document would be: strings of one-line fields lose line breaks too.
		const safe = Object.values(header).every(value => typeof value !== 'string' || sanitizeLine(value) === value);
		display.push(lazily((safe ? {...header} : sanitizeDeep({...header})) as unknown as CorpusDocument, index));
		lazily(documents[index]!, index);
	}

	let cursor = 0;
	const readFor = (ms: number): boolean => {
		const until = Date.now() + ms;
		validateHeaders();
		while (cursor < slices.length) {
			read(cursor++);
			if (Date.now() >= until) break;
		}
		return pending.size === 0;
	};
	return {
		corpus: {schemaVersion, documents} as Corpus,
		display,
		unread: () => pending.size,
		readAll: () => {
			readFor(Number.POSITIVE_INFINITY);
		},
		readFor,
	};
}
