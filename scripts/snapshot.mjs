// The start-up snapshot's bundles (scripts/build.mjs runs this after the ES module bundle):
//
// - dist/explorer-host.js: the explorer's React host (source/ui/run.tsx, App.tsx, Ink, React) as
//   an ES module (Ink's Yoga loads with a top-level await, which a CommonJS snapshot cannot
//   hold). Its imports of the program's other modules are not bundled: each is resolved to the
//   one the snapshot holds (globalThis[SHARED_MODULES][path], source/snapshot/shared.ts), so the
//   first frame and the host share one state machine, one raster with its style ids, one screen.
// - dist/snapshot.cjs: the program as one CommonJS script (what `node --build-snapshot` takes),
//   entered at source/snapshot/main.ts, holding those shared modules; source/ui/explorer-loader.ts
//   replaced by source/snapshot/explorer-loader.ts, which imports the host through dist/import.cjs.
// - then dist/pa-tui.blob, made by scripts/snapshot-blob.mjs (copied to dist/make-snapshot.mjs
//   for postinstall).

import {copyFileSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {makeSnapshot} from './snapshot-blob.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'source');
/** The host's own modules; every other module of source/ it imports comes from the snapshot. */
const HOST_FILES = new Set([join(SOURCE, 'ui', 'run.tsx'), join(SOURCE, 'ui', 'App.tsx')]);
const SHARED_MODULES = '__paTuiSharedModules';
/**
 * Commands that source/snapshot/main.ts hands to dist/cli.js: their modules (the HTML parser, the
 * lock) are left out of the snapshot, which every start deserializes.
 */
const ES_MODULE_COMMANDS = ['ingest', 'library'].map(name => join(SOURCE, 'commands', `${name}.ts`));

/** `common`: the options of the ES module build (define, alias, plugins, minification). */
export async function buildSnapshot(common) {
	const dist = join(ROOT, 'dist');
	const shared = new Set();
	await build({
		...common,
		entryPoints: {'explorer-host': join(SOURCE, 'ui', 'run.tsx')},
		outdir: dist,
		splitting: false,
		format: 'esm',
		plugins: [
			...common.plugins,
			{
				name: 'shared-modules',
				setup(b) {
					b.onResolve({filter: /^\.\.?\//}, args => {
						if (!args.importer.startsWith(SOURCE)) return undefined;
						const file = resolve(args.resolveDir, args.path);
						if (!file.startsWith(SOURCE) || HOST_FILES.has(file)) return undefined;
						const path = relative(ROOT, file);
						shared.add(path);
						return {path, namespace: 'shared'};
					});
					b.onLoad({filter: /.*/, namespace: 'shared'}, args => ({
						contents: `module.exports = globalThis[${JSON.stringify(SHARED_MODULES)}][${JSON.stringify(args.path)}];`,
						loader: 'js',
					}));
				},
			},
		],
	});
	const paths = [...shared].sort();
	const entry = [
		"import {snapshotMain} from './source/snapshot/main.ts';",
		...paths.map((path, i) => `import * as m${i} from './${path}';`),
		`snapshotMain({${paths.map((path, i) => `${JSON.stringify(path)}: m${i}`).join(', ')}});`,
	].join('\n');
	await build({
		...common,
		stdin: {contents: entry, resolveDir: ROOT, sourcefile: 'snapshot-entry.ts', loader: 'ts'},
		outfile: join(dist, 'snapshot.cjs'),
		splitting: false,
		format: 'cjs',
		// `node --build-snapshot` runs one script: nothing may be left to import.
		banner: {},
		define: {...common.define, 'import.meta.url': 'globalThis.__paTuiCliUrl'},
		plugins: [
			...common.plugins,
			{
				name: 'snapshot-modules',
				setup(b) {
					b.onResolve({filter: /explorer-loader\.ts$/}, args =>
						resolve(args.resolveDir, args.path) === join(SOURCE, 'ui', 'explorer-loader.ts')
							? {path: join(SOURCE, 'snapshot', 'explorer-loader.ts')}
							: undefined,
					);
					b.onResolve({filter: /^\.\/commands\//}, args =>
						ES_MODULE_COMMANDS.includes(resolve(args.resolveDir, args.path))
							? {path: args.path, namespace: 'es-module-command'}
							: undefined,
					);
					b.onLoad({filter: /.*/, namespace: 'es-module-command'}, args => ({
						contents: `throw new Error(${JSON.stringify(`${args.path} runs from dist/cli.js, not the snapshot (source/snapshot/main.ts)`)});`,
						loader: 'js',
					}));
				},
			},
		],
	});
	writeFileSync(
		join(dist, 'import.cjs'),
		'// Dynamic import() for code started from the snapshot (source/snapshot/esm.ts).\nmodule.exports = url => import(url);\n',
	);
	copyFileSync(join(ROOT, 'scripts', 'snapshot-blob.mjs'), join(dist, 'make-snapshot.mjs'));
	return makeSnapshot(dist);
}
