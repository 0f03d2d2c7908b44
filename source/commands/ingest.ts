// `pa-tui ingest <file…> [--out <path>]`: raw yearbook text → corpus file, atomically.

import {basename} from 'node:path';
import {quotePath} from '../format/quote.ts';
import {buildCorpus, type RawFile} from '../ingest/build.ts';
import {IngestError} from '../ingest/raw-text.ts';
import {formatSize, RAISE_LIMIT_HINT, ReadError, readFileLimited, readLimit} from '../io/read-limited.ts';
import {fileKey, sameFileAmong} from '../io/same-file.ts';
import {WriteError, writeFileAtomic} from '../io/write-atomic.ts';
import {EXIT, type Output, UsageError} from './context.ts';

export function serializeCorpus(corpus: unknown): string {
	return `${JSON.stringify(corpus, null, '\t')}\n`;
}

/**
 * The raw files, each once: a file named twice (the same path, a link to it, or another file
 * with the same bytes) would give every report in it twice. One note says what was left out.
 */
function readInputs(files: string[], output: Output): RawFile[] {
	const raw: RawFile[] = [];
	const seen = new Map<string, string>();
	// Files read so far by size: only files of the same size can hold the same bytes.
	const bySize = new Map<number, Array<{path: string; bytes: Buffer}>>();
	const repeats: string[] = [];
	for (const file of files) {
		const key = fileKey(file);
		const earlier = key === undefined ? undefined : seen.get(key);
		if (earlier !== undefined) {
			repeats.push(`${quotePath(file, 60)} is ${file === earlier ? 'named twice' : `the same file as ${quotePath(earlier, 60)}`}`);
			continue;
		}
		if (key !== undefined) seen.set(key, file);
		let bytes: Buffer;
		try {
			bytes = readFileLimited(file);
		} catch (error) {
			if (error instanceof ReadError) throw new IngestError(file, error.reason);
			throw error;
		}
		const sameSize = bySize.get(bytes.length) ?? [];
		const twin = sameSize.find(r => r.bytes.equals(bytes));
		if (twin) {
			repeats.push(`${quotePath(file, 60)} holds the same text as ${quotePath(twin.path, 60)}`);
			continue;
		}
		sameSize.push({path: file, bytes});
		bySize.set(bytes.length, sameSize);
		raw.push({name: basename(file), bytes});
	}
	if (repeats.length > 0) {
		const more = repeats.length > 1 ? ` (and ${repeats.length - 1} more)` : '';
		output.note(`pa-tui: warning: each report read once: ${repeats[0]}${more}`);
	}
	return raw;
}

export function runIngest(files: string[], out: string, output: Output): number {
	if (files.length === 0)
		throw new UsageError('ingest needs at least one raw text file: pa-tui ingest data/raw/*.txt --out data/corpus.json');
	if (files.includes('')) throw new UsageError('ingest: an input file name is empty');
	if (out === '') throw new UsageError('ingest: --out needs a file name');
	// Writing over an input would replace the yearbook text with the corpus made from it.
	const input = sameFileAmong(out, files);
	if (input !== undefined) {
		throw new UsageError(`ingest: --out ${quotePath(out, 60)} is the input file ${quotePath(input, 60)}: choose another output`);
	}
	const corpus = buildCorpus(readInputs(files, output));
	const bytes = Buffer.from(serializeCorpus(corpus));
	try {
		writeFileAtomic(out, bytes);
	} catch (error) {
		if (!(error instanceof WriteError)) throw error;
		// A reader that stops early (`ingest --out /dev/stdout | head`), as for every other command.
		if (error.code === 'EPIPE') return EXIT.ok;
		throw new IngestError(out, `cannot write the corpus: ${error.reason}`);
	}
	const sections = corpus.documents.reduce((n, d) => n + d.sections.length, 0);
	const figures = corpus.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.figures.length, 0), 0);
	output.note(`wrote ${quotePath(out)}: ${corpus.documents.length} reports, ${sections} sections, ${figures} money figures`);
	if (bytes.length > readLimit()) {
		output.note(
			`pa-tui: note: ${quotePath(out, 60)} is ${formatSize(bytes.length)}, over the ${formatSize(readLimit())} read limit: to open it, ${RAISE_LIMIT_HINT}`,
		);
	}
	return EXIT.ok;
}
