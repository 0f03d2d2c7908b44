// `pa-tui ingest <file…> [--out <path>]`: raw yearbook text or saved pages → corpus file, atomically.

import {quotePath} from '../format/quote.ts';
import {buildInputs, readInputs} from '../ingest/inputs.ts';
import {IngestError} from '../ingest/raw-text.ts';
import {formatSize, RAISE_LIMIT_HINT, readLimit} from '../io/read-limited.ts';
import {sameFileAmong} from '../io/same-file.ts';
import {WriteError, writeFileAtomic} from '../io/write-atomic.ts';
import {EXIT, type Output, UsageError} from './context.ts';

export function serializeCorpus(corpus: unknown): string {
	return `${JSON.stringify(corpus, null, '\t')}\n`;
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
	const corpus = buildInputs(readInputs(files, line => output.note(line)));
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
