// The program as one CommonJS script with a V8 code cache, built after the ES module bundle
// (scripts/build.mjs):
//
// - dist/explorer-host.js: the explorer's React host (source/ui/run.tsx, App.tsx, Ink, React) as
//   an ES module (Ink's Yoga loads with a top-level await, which CommonJS cannot hold). Its
//   imports of the program's other modules are not bundled: each resolves to the program's own
//   instance, `globalThis[SHARED_MODULES][path]` (source/start/shared.ts), so the first frame and
//   the host share one state machine, one raster with its style ids, one screen.
// - dist/pa-tui.cjs: the program (source/start/bundle.ts), with source/ui/explorer-loader.ts
//   replaced by source/start/explorer-loader.ts, which registers those shared modules (the
//   module 'pa-tui:shared-modules', generated here). Its first line names a hash of the rest: the
//   code cache is made for that text, and only used with it.
// - then dist/pa-tui.cjs.cache, by bin/make-code-cache.cjs in a clean environment.

import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'source');
/** The host's own modules; every other module of source/ it imports is the program's. */
const HOST_FILES = new Set([join(SOURCE, 'ui', 'run.tsx'), join(SOURCE, 'ui', 'App.tsx')]);
const SHARED_MODULES = '__paTuiSharedModules';

/** `common`: the options of the ES module build (define, alias, plugins, minification). */
export async function buildBundle(common) {
	const dist = join(ROOT, 'dist');
	const shared = new Set();
	await build({
		...common,
		entryPoints: {'explorer-host': join(SOURCE, 'ui', 'run.tsx')},
		outdir: dist,
		format: 'esm',
		plugins: [
			...common.plugins,
			{
				name: 'shared-modules',
				setup(b) {
					// Ink's React DevTools hook (loaded only with DEV=true, and react-devtools-core is not shipped).
					b.onResolve({filter: /^\.\/devtools\.js$/}, args =>
						/[\\/]node_modules[\\/]ink[\\/]/.test(args.importer) ? {path: join(ROOT, 'scripts', 'empty-module.mjs')} : undefined,
					);
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
	const sharedModules = [
		...paths.map((path, i) => `import * as m${i} from ${JSON.stringify(join(ROOT, path))};`),
		`export const sharedModules = {${paths.map((path, i) => `${JSON.stringify(path)}: m${i}`).join(', ')}};`,
	].join('\n');
	const result = await build({
		...common,
		entryPoints: [join(SOURCE, 'start', 'bundle.ts')],
		format: 'cjs',
		write: false,
		outfile: join(dist, 'pa-tui.cjs'),
		// The module's own URL, for `new URL(…, import.meta.url)`: __filename is dist/pa-tui.cjs.
		banner: {js: 'var __paTuiModuleUrl = require("node:url").pathToFileURL(__filename).href;'},
		define: {...common.define, 'import.meta.url': '__paTuiModuleUrl'},
		plugins: [
			...common.plugins,
			{
				name: 'explorer-loader',
				setup(b) {
					b.onResolve({filter: /^pa-tui:shared-modules$/}, () => ({path: 'shared-modules', namespace: 'shared-modules'}));
					b.onLoad({filter: /.*/, namespace: 'shared-modules'}, () => ({contents: sharedModules, resolveDir: ROOT, loader: 'js'}));
					b.onResolve({filter: /explorer-loader\.ts$/}, args =>
						resolve(args.resolveDir, args.path) === join(SOURCE, 'ui', 'explorer-loader.ts')
							? {path: join(SOURCE, 'start', 'explorer-loader.ts')}
							: undefined,
					);
				},
			},
		],
	});
	// Read by bin/pa-tui as latin1, one byte a character, which is several times faster than UTF-8
	// for a string this long: the only characters beyond ASCII are in regular expressions (curly
	// quotes, ¥, 【】), where a \\u escape means the same.
	const code = result.outputFiles[0].text.replace(/[\u0080-\uffff]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	const id = createHash('sha256').update(code).digest('hex').slice(0, 32);
	writeFileSync(join(dist, 'pa-tui.cjs'), `// pa-tui bundle ${id}\n${code}`);
	const made = spawnSync(process.execPath, [join(ROOT, 'bin', 'make-code-cache.cjs')], {
		stdio: 'inherit',
		env: {PATH: process.env.PATH ?? ''},
	});
	if (made.status !== 0) throw new Error('bin/make-code-cache.cjs failed');
}
