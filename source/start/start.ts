// How bin/pa-tui starts the program from dist/pa-tui.cjs (bundle.ts), and what it lends it: a
// dynamic import(), which code compiled from a V8 code cache lacks in Node 20, and the identity
// the bundled corpus had when its hash was checked at install (so that no start hashes it).

import {run} from '../cli.ts';
import {defaultCorpusPath} from '../commands/context.ts';
import {bundledCorpusIdentity, trustBundledCorpus} from '../corpus/read.ts';

type Importer = (url: string) => Promise<unknown>;

let importer: Importer | undefined;

export function importModule(url: string): Promise<unknown> {
	if (!importer) return Promise.reject(new Error('dist/pa-tui.cjs was started without an importer (bin/pa-tui gives one)'));
	return importer(url);
}

export interface Lent {
	importModule: Importer;
	/** The bundled corpus's identity when its hash was checked (read.ts fileIdentity), or ''. */
	bundledCorpus: string;
}

/** `how`: how this run started, said under --verbose. */
export function start(argv: string[], how: string, lent: Lent): Promise<void> {
	importer = lent.importModule;
	if (lent.bundledCorpus !== '') trustBundledCorpus(defaultCorpusPath(), lent.bundledCorpus);
	return run(argv, how);
}

/** For bin/make-code-cache.cjs: the identity to lend later starts, '' when the file is not the bundled corpus. */
export function bundledCorpusStamp(): string {
	return bundledCorpusIdentity(defaultCorpusPath()) ?? '';
}
