// The start-up snapshot's program (dist/snapshot.cjs → dist/pa-tui.blob, built by
// scripts/snapshot.mjs; bin/pa-tui starts Node from the blob when it was made by that Node). Built
// once: the code is loaded and compiled and the bundled corpus read, parsed and checked. Run:
// straight to the command. `ingest` and `library` run from the ES module bundle (dist/cli.js):
// they need the HTML parser and the lock, which the snapshot leaves out.

import {dirname, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {startupSnapshot} from 'node:v8';
import type * as Cli from '../cli.ts';
import {commandOf, run} from '../cli.ts';
import {defaultCorpusPath} from '../commands/context.ts';
import {preloadCorpusFile} from '../corpus/preloaded.ts';
import {importDist, setDist} from './esm.ts';
import {type SharedModules, shareModules} from './shared.ts';

declare global {
	/** The URL dist/cli.js has in the package: what `import.meta.url` stands for in this bundle. */
	var __paTuiCliUrl: string;
}

/** The package's paths, from a file two levels down in it (bin/pa-tui, dist/snapshot.cjs). */
function locate(file: string): void {
	const root = resolve(dirname(file), '..');
	setDist(resolve(root, 'dist'));
	globalThis.__paTuiCliUrl = pathToFileURL(resolve(root, 'dist', 'cli.js')).href;
}

const ES_MODULE_COMMANDS = new Set(['ingest', 'library']);

export function snapshotMain(shared: SharedModules): void {
	// While the snapshot is built: argv[1] is dist/snapshot.cjs.
	locate(process.argv[1]!);
	preloadCorpusFile(defaultCorpusPath());
	startupSnapshot.setDeserializeMainFunction(() => {
		// Started from the blob: argv[1] is bin/pa-tui (the launcher passes it), then the arguments.
		locate(process.argv[1]!);
		shareModules(shared);
		const argv = process.argv.slice(2);
		const blob = process.execArgv[process.execArgv.indexOf('--snapshot-blob') + 1] ?? 'the snapshot';
		const start = {snapshot: blob};
		if (ES_MODULE_COMMANDS.has(commandOf(argv) ?? '')) {
			void importDist<typeof Cli>('cli.js').then(cli => cli.run(argv, start));
			return;
		}
		void run(argv, start);
	});
}
