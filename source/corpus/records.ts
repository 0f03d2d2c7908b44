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

/** A field of a section whose value spans lines (paragraphs, figures): read with the report. */
const LATER = Symbol('later');

/** A key line of a section, `"key": value` with the comma after it if any. */
const KEY_LINE = /^[\t ]*("(?:[^"\\]|\\.)*"): (.*?),?$/;

/**
 * The sections of a report from their lines, before the report is read: for each section its
 * keys in order, with the value of each one-line field (id, heading) and LATER for the others;
 * undefined when the lines are not as pa-tui writes them (then the report is read whole). The
 * first section's key lines give the keys; every other section is taken to have the same (the
 * schema says so, and reading the report checks it), so that only its leading one-line fields
 * are looked at: one search a section for where it starts.
 */
function outlineOf(bytes: Buffer, slice: Slice, indent: string): Array<Array<[string, unknown]>> | undefined {
	const level = (n: number) => indent.repeat(n);
	const first = slice.sections + 1 + Buffer.byteLength(`${level(3)}"sections": [`);
	if (bytes[first] === 0x5d) return [];
	const open = Buffer.from(`\n${level(4)}{\n`);
	if (!bytes.subarray(first, first + open.length).equals(open)) return undefined;
	const piece = bytes.subarray(0, slice.end);
	const keyLine = Buffer.from(`\n${level(5)}"`);
	const close = piece.indexOf(Buffer.from(`\n${level(4)}}`), first + 1);
	if (close === -1) return undefined;
	/** The key and value of the line starting at `at` (its line break), LATER for an array or object. */
	const field = (at: number): [string, unknown] | undefined => {
		const m = KEY_LINE.exec(bytes.toString('utf8', at + 1, bytes.indexOf(0x0a, at + 1)));
		if (!m) return undefined;
		try {
			// Arrays and objects (even empty ones, on one line) come with the report.
			return [JSON.parse(m[1]!) as string, m[2]!.startsWith('[') || m[2]!.startsWith('{') ? LATER : JSON.parse(m[2]!)];
		} catch {
			return undefined;
		}
	};
	const keys: Array<[string, unknown]> = [];
	for (let k = piece.indexOf(keyLine, first + 1); k !== -1 && k < close; k = piece.indexOf(keyLine, k + 1)) {
		const f = field(k);
		if (!f) return undefined;
		keys.push(f);
	}
	const leading = keys.findIndex(([, value]) => value === LATER);
	const scalars = leading === -1 ? keys.length : leading;
	// A one-line field after one that spans lines: not worth finding; read the report.
	if (keys.slice(scalars).some(([, value]) => value !== LATER)) return undefined;
	/** How each leading line starts: its indent and key. */
	const starts = keys.slice(0, scalars).map(([key]) => Buffer.from(`${level(5)}${JSON.stringify(key)}: `));
	/** The value of the line after `at` (a line break) when it starts as `start` does: a plain string taken as it is. */
	const valueAfter = (at: number, start: Buffer): {value: unknown; end: number} | undefined => {
		const from = at + 1 + start.length;
		const end = piece.indexOf(0x0a, at + 1);
		if (end === -1 || bytes.compare(start, 0, start.length, at + 1, from) !== 0) return undefined;
		const to = bytes[end - 1] === 0x2c ? end - 1 : end;
		const plain = bytes[from] === 0x22 && bytes[to - 1] === 0x22 && to - from >= 2 && !bytes.subarray(from, to).includes(0x5c);
		if (plain) return {value: bytes.toString('utf8', from + 1, to - 1), end};
		try {
			const value: unknown = JSON.parse(bytes.toString('utf8', from, to));
			return value !== null && typeof value === 'object' ? undefined : {value, end};
		} catch {
			return undefined;
		}
	};
	const sections: Array<Array<[string, unknown]>> = [];
	for (let at = first; at !== -1; at = piece.indexOf(open, at + open.length)) {
		const section: Array<[string, unknown]> = [];
		let line = at + open.length - 1;
		for (let i = 0; i < scalars; i++) {
			const found = valueAfter(line, starts[i]!);
			if (!found) return undefined;
			section.push([keys[i]![0], found.value]);
			line = found.end;
		}
		for (const [key] of keys.slice(scalars)) section.push([key, LATER]);
		sections.push(section);
	}
	return sections;
}

/**
 * The file's documents, read lazily; undefined when it is not laid out as pa-tui writes corpora
 * (then parse it whole). A document's `sections` are first given from their lines (outlineOf:
 * ids and headings, what the section list and the heading search need), their other fields
 * read with the whole report when first asked for. `validate` is given for a file not trusted:
 * each report is validated when read (the schema version with it), the headers all together
 * before the rest is read (readFor, readAll). Up front, only the shape: the layout, and every
 * header an object. A section's one-line fields are given before their report is validated only
 * when they are strings (as the schema's are): a report with another is read first.
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
	const {slices, indent} = layout;
	/** Each header's fields as read, apart from the documents (which gain accessors). */
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

	const documents = headers.map(header => ({...header}) as unknown as CorpusDocument);
	const display: CorpusDocument[] = [];
	const pending = new Set(slices.keys());
	const safety = new Map<number, boolean>();
	const safe = (index: number) => {
		let known = safety.get(index);
		if (known === undefined) {
			known = isTerminalSafeJson(bytes, slices[index]!.start, slices[index]!.end);
			safety.set(index, known);
		}
		return known;
	};
	/** Sections given from their lines, to be filled in when their report is read. */
	const outlined = new Map<number, {raw: Section[]; shown: Section[]}>();
	const settle = (target: object, key: string, value: unknown) =>
		Object.defineProperty(target, key, {value, writable: true, enumerable: true, configurable: true});
	const keyTwice = (where: string) => new CorpusError(`${quote(file, 200)}: ${where}: a key is given twice, with different values`);

	const read = (index: number): void => {
		if (!pending.has(index)) return;
		const slice = slices[index]!;
		const whole = parseSlice(bytes, file, slice.start, slice.end) as Record<string, unknown>;
		if (validate) validateOne(validate, schemaVersion, whole, file, index);
		const header = headers[index]!;
		// JSON lets a key come twice, the last one counting: what was given early must be the report's.
		for (const key of Object.keys(header)) if (whole[key] !== header[key]) throw keyTwice(`documents[${index}].${quote(key)}`);
		const sections = whole['sections'] as Section[];
		const outline = outlined.get(index);
		if (outline) {
			if (sections.length !== outline.raw.length) throw keyTwice(`documents[${index}].sections`);
			for (const [s, section] of sections.entries()) {
				const raw = outline.raw[s]! as unknown as Record<string, unknown>;
				const shown = outline.shown[s]! as unknown as Record<string, unknown>;
				const keys = Object.keys(section);
				if (keys.join('\n') !== Object.keys(raw).join('\n')) throw keyTwice(`documents[${index}].sections[${s}]`);
				for (const key of keys) {
					const value = (section as unknown as Record<string, unknown>)[key];
					if (!Object.getOwnPropertyDescriptor(raw, key)!.get) {
						if (raw[key] !== value) throw keyTwice(`documents[${index}].sections[${s}].${quote(key)}`);
						continue;
					}
					settle(raw, key, value);
					if (shown !== raw) settle(shown, key, sanitizeDeep(value, key));
				}
			}
		} else {
			settle(documents[index]!, 'sections', sections);
			settle(display[index]!, 'sections', safe(index) ? sections : sanitizeDeep(sections, 'sections'));
		}
		pending.delete(index);
	};
	/** The sections from their lines (both views), or, when they cannot be, the report read. */
	const outline = (index: number): void => {
		const slice = slices[index]!;
		const fields = slice.sections === -1 ? undefined : outlineOf(bytes, slice, indent);
		if (!fields || (validate && fields.some(section => section.some(([, value]) => value !== LATER && typeof value !== 'string')))) {
			read(index);
			return;
		}
		const stub = (section: Array<[string, unknown]>, sanitized: boolean): Section => {
			const target: Record<string, unknown> = {};
			for (const [key, value] of section) {
				if (value !== LATER) settle(target, key, sanitized ? sanitizeDeep(value, key) : value);
				else
					Object.defineProperty(target, key, {
						get: () => {
							read(index);
							return target[key];
						},
						enumerable: true,
						configurable: true,
					});
			}
			return target as unknown as Section;
		};
		const raw = fields.map(section => stub(section, false));
		const shown = safe(index) ? raw : fields.map(section => stub(section, true));
		outlined.set(index, {raw, shown});
		settle(documents[index]!, 'sections', raw);
		settle(display[index]!, 'sections', shown);
	};
	const lazily = (target: CorpusDocument, index: number) =>
		Object.defineProperty(target, 'sections', {
			get: () => {
				outline(index);
				return target.sections;
			},
			enumerable: true,
			configurable: true,
		});
	for (const [index, header] of headers.entries()) {
		// Sanitized as a whole document would be: strings of one-line fields lose line breaks too.
		const headerSafe = Object.values(header).every(value => typeof value !== 'string' || sanitizeLine(value) === value);
		display.push(lazily((headerSafe ? {...header} : sanitizeDeep({...header})) as unknown as CorpusDocument, index));
		lazily(documents[index]!, index);
	}

	// The reading between keys: the headers validated, every report outlined (the heading search
	// needs no more), then every report read.
	let outlinedUpTo = 0;
	let cursor = 0;
	const readFor = (ms: number): boolean => {
		const until = Date.now() + ms;
		validateHeaders();
		while (outlinedUpTo < slices.length) {
			// Through the accessor, which outlines once.
			void documents[outlinedUpTo++]!.sections;
			if (Date.now() >= until) return false;
		}
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
			validateHeaders();
			for (let i = 0; i < slices.length; i++) read(i);
		},
		readFor,
	};
}
