// `pa-tui library add|list|remove|path`: the user's own reports, merged over the bundled corpus
// by every other command (commands/context.ts).

import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {readCorpusFile} from '../corpus/read.ts';
import {sanitizeLine, terminalSafeJson} from '../corpus/sanitize.ts';
import type {Corpus, CorpusDocument} from '../corpus/schema.ts';
import {style} from '../format/style.ts';
import {pad, truncate, width} from '../format/text.ts';
import {READ_ADVICE, readLibraryFile} from '../library/read.ts';
import type {LibraryEntry} from '../library/schema.ts';
import {defaultCorpusPath, EXIT, type Output, UsageError} from './context.ts';
import {LIBRARY_SUBCOMMANDS} from './options.ts';

/** "2024-05-01 14:03", local time. */
function when(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function counts(document: CorpusDocument): string {
	const figures = document.sections.reduce((n, s) => n + s.figures.length, 0);
	return `${document.sections.length} sections, ${figures} money figures`;
}

async function readReports(path: string): Promise<LibraryEntry[]> {
	const read = readLibraryFile(path, READ_ADVICE);
	if (!read) return [];
	const {parseLibrary} = await import('../library/validate.ts');
	return parseLibrary(read.data, path, READ_ADVICE).reports;
}

async function list(path: string, json: boolean, output: Output): Promise<number> {
	const reports = await readReports(path);
	const rows = reports.map(({document: d, sourceFile, addedAt}) => ({
		id: d.id,
		region: d.region,
		year: d.year,
		title: d.title,
		sourceFile,
		addedAt,
	}));
	if (json) {
		output.write(`${terminalSafeJson(rows, 2)}\n`);
		return EXIT.ok;
	}
	if (rows.length === 0) {
		output.note(`the library is empty: pa-tui library add <file…> adds reports to it (${path})`);
		return EXIT.ok;
	}
	const s = style(output.color);
	const safe = rows.map(r => ({
		...r,
		id: sanitizeLine(r.id),
		region: sanitizeLine(r.region),
		title: sanitizeLine(r.title),
		sourceFile: sanitizeLine(r.sourceFile),
	}));
	const idWidth = Math.max(2, ...safe.map(r => width(r.id)));
	const regionWidth = Math.max(6, ...safe.map(r => width(r.region)));
	const fixed = idWidth + regionWidth + 2 + 4 + 2 + 16 + 2 + 2;
	// To a terminal the title and the source share what is left; piped, nothing is cut.
	const titleWidth = output.isTerminal ? Math.max(10, Math.floor((output.columns - fixed - 2) * 0.6)) : Infinity;
	const sourceWidth = output.isTerminal ? Math.max(10, output.columns - fixed - 2 - titleWidth) : Infinity;
	const natural = Math.min(titleWidth, Math.max(5, ...safe.map(r => width(r.title))));
	output.write(
		`${s.bold(`${pad('ID', idWidth)}  ${pad('REGION', regionWidth)}  YEAR  ${pad('ADDED', 16)}  ${pad('TITLE', natural)}  SOURCE`)}\n`,
	);
	for (const r of safe) {
		const source = width(r.sourceFile) > sourceWidth ? `…${r.sourceFile.slice(-(sourceWidth - 1))}` : r.sourceFile;
		output.write(
			`${pad(r.id, idWidth)}  ${pad(r.region, regionWidth)}  ${r.year}  ${pad(when(r.addedAt), 16)}  ${pad(truncate(r.title, natural), natural)}  ${source}\n`,
		);
	}
	return EXIT.ok;
}

/** Ids of the bundled corpus, to say which added report stands in for a bundled one. */
function bundledIds(): Set<string> {
	try {
		const {data} = readCorpusFile(defaultCorpusPath());
		return new Set((data as Corpus).documents.map(d => d.id));
	} catch {
		return new Set();
	}
}

async function add(path: string, files: string[], output: Output): Promise<number> {
	if (files.length === 0)
		throw new UsageError('library add needs at least one text file or saved page: pa-tui library add jilin-2010.html');
	// Everything is read and parsed before the library is touched: one bad file, nothing changes.
	const [{buildInputs, readInputs}, {changeLibrary}] = await Promise.all([import('../ingest/inputs.ts'), import('../library/store.ts')]);
	// A file named twice (a shell glob and a name, a link) is read once, not added as a second report.
	const inputs = readInputs(files, line => output.note(line));
	const corpus = buildInputs(inputs);
	const sourceOf = new Map(inputs.map(i => [i.name, resolve(i.path)]));
	const addedAt = new Date().toISOString();
	const added = corpus.documents.map(document => ({addedAt, sourceFile: sourceOf.get(document.source) ?? document.source, document}));
	const {replaced, total} = await changeLibrary(path, reports => {
		const next = [...reports];
		const at = new Map(next.map((entry, i) => [entry.document.id, i]));
		const replaced = new Map<string, LibraryEntry>();
		for (const entry of added) {
			const i = at.get(entry.document.id);
			if (i === undefined) {
				at.set(entry.document.id, next.length);
				next.push(entry);
			} else {
				replaced.set(entry.document.id, next[i]!);
				next[i] = entry;
			}
		}
		return {reports: next, result: {replaced, total: next.length}};
	});
	const bundled = bundledIds();
	for (const {document: d, sourceFile} of added) {
		const what = `${d.region} ${d.year}, "${d.title}" (${counts(d)}) from ${sourceFile}`;
		const old = replaced.get(d.id);
		if (!old) output.note(`added ${d.id}: ${what}`);
		else {
			const retitled = old.document.title === d.title ? '' : `; it was "${old.document.title}"`;
			output.note(`replaced ${d.id} (added ${when(old.addedAt)} from ${old.sourceFile}${retitled}): ${what}`);
		}
		if (bundled.has(d.id)) output.note(`  ${d.id} stands in for the bundled report of that id (pa-tui --no-library shows the bundled one)`);
	}
	output.note(`library ${path}: ${total} report${total === 1 ? '' : 's'}`);
	return EXIT.ok;
}

async function remove(path: string, ids: string[], output: Output): Promise<number> {
	if (ids.length === 0)
		throw new UsageError('library remove needs the id of a report: pa-tui library remove jilin-2010 (pa-tui library list shows them)');
	if (!existsSync(path)) throw new UsageError(`the library is empty: no report "${ids[0]}" to remove (${path})`);
	const {changeLibrary} = await import('../library/store.ts');
	const {removed, total} = await changeLibrary(path, reports => {
		const missing = ids.filter(id => !reports.some(r => r.document.id === id));
		if (missing.length > 0) {
			throw new UsageError(
				`no report ${missing.map(id => `"${id}"`).join(', ')} in the library, so nothing was removed (pa-tui library list shows its ids)`,
			);
		}
		const wanted = new Set(ids);
		return {
			reports: reports.filter(r => !wanted.has(r.document.id)),
			result: {removed: reports.filter(r => wanted.has(r.document.id)), total: reports.length - wanted.size},
		};
	});
	const bundled = bundledIds();
	for (const {document: d} of removed) {
		output.note(
			`removed ${d.id}: ${d.region} ${d.year}, "${d.title}"${bundled.has(d.id) ? ' (the bundled report of that id shows again)' : ''}`,
		);
	}
	output.note(`library ${path}: ${total} report${total === 1 ? '' : 's'}`);
	return EXIT.ok;
}

/** `path` is the library's (library/paths.ts). */
export async function runLibrary(args: string[], options: {json: boolean; path: string}, output: Output): Promise<number> {
	const [subcommand, ...rest] = args;
	if (subcommand === undefined) throw new UsageError('library needs one of add, list, remove, path (see pa-tui library --help)');
	if (!(LIBRARY_SUBCOMMANDS as readonly string[]).includes(subcommand)) {
		throw new UsageError(`library has no subcommand "${subcommand}": add, list, remove or path (see pa-tui library --help)`);
	}
	if (options.json && subcommand !== 'list') throw new UsageError(`library ${subcommand} does not take --json (see pa-tui library --help)`);
	const {path} = options;
	switch (subcommand) {
		case 'path':
			if (rest.length > 0) throw new UsageError(`library path: unexpected argument "${rest[0]}"`);
			output.write(`${output.isTerminal ? sanitizeLine(path) : path}\n`);
			return EXIT.ok;
		case 'list':
			if (rest.length > 0) throw new UsageError(`library list: unexpected argument "${rest[0]}"`);
			return list(path, options.json, output);
		case 'add':
			return add(path, rest, output);
		default:
			return remove(path, rest, output);
	}
}
