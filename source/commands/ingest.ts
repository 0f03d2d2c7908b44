// `pa-tui ingest <file…> [--out <path>]`: raw yearbook text or saved pages → corpus file, atomically.

import {buildInputs, readInputs} from '../ingest/inputs.ts';
import {readUserFile} from '../ingest/read-user-file.ts';
import {writeFileAtomic} from '../ingest/write-atomic.ts';
import {EXIT, type Output, UsageError} from './context.ts';

export function serializeCorpus(corpus: unknown): string {
	return `${JSON.stringify(corpus, null, '\t')}\n`;
}

export function runIngest(files: string[], out: string, output: Output): number {
	if (files.length === 0)
		throw new UsageError('ingest needs at least one raw text file: pa-tui ingest data/raw/*.txt --out data/corpus.json');
	const corpus = buildInputs(readInputs(files, readUserFile));
	writeFileAtomic(out, serializeCorpus(corpus));
	const sections = corpus.documents.reduce((n, d) => n + d.sections.length, 0);
	const figures = corpus.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.figures.length, 0), 0);
	output.note(`wrote ${out}: ${corpus.documents.length} reports, ${sections} sections, ${figures} money figures`);
	return EXIT.ok;
}
