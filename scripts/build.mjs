// Bundle the program with esbuild: one file for the one-shot commands, the explorer (Ink,
// React) in a chunk loaded only when it starts. A bundle starts far faster than node_modules.

import {createHash} from 'node:crypto';
import {readFileSync, rmSync} from 'node:fs';
import {build} from 'esbuild';
import {buildBundle} from './bundle.mjs';
import {patchStringWidth} from './string-width-patch.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Chunk names carry content hashes: clear out the previous build's.
rmSync('dist', {recursive: true, force: true});

const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	// Smaller code compiles faster at start-up; names are kept for readable error reports.
	minifyWhitespace: true,
	minifySyntax: true,
	sourcemap: false,
	legalComments: 'none',
	logLevel: 'warning',
	define: {
		'process.env.NODE_ENV': '"production"',
		PA_TUI_VERSION: JSON.stringify(pkg.version),
		// The bundled corpus, validated by the tests: loading a file with this hash skips validation.
		PA_TUI_CORPUS_SHA256: JSON.stringify(createHash('sha256').update(readFileSync('data/corpus.json')).digest('hex')),
		PA_TUI_CORPUS_BYTES: String(readFileSync('data/corpus.json').length),
	},
	// Ink imports react-devtools-core only when DEV is set; it is an optional peer we never ship.
	alias: {
		'react-devtools-core': './scripts/empty-module.mjs',
		// One string-width for all (wrap-ansi brings an older one with a 30 ms emoji regex).
		'string-width': './node_modules/string-width/index.js',
	},
	plugins: [
		{
			name: 'patch-string-width',
			setup(b) {
				b.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, args => ({
					contents: patchStringWidth(readFileSync(args.path, 'utf8')),
					loader: 'js',
				}));
			},
		},
	],
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
};

await build({...common, entryPoints: {cli: 'source/cli.ts'}, outdir: 'dist', splitting: true, format: 'esm'});
// The same program as one script with a V8 code cache, the faster start (scripts/bundle.mjs).
await buildBundle(common);
