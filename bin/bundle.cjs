// dist/pa-tui.cjs (the program as one CommonJS script) and its V8 code cache, for bin/pa-tui,
// which runs it, and bin/make-code-cache.cjs, which makes the cache: both compile the same text
// the same way, or V8 would not take the cache.
//
// The cache file is a line naming what it was made for (the bundle's hash, from the bundle's
// first line, the Node version and the CPU architecture) and the identity the bundled corpus
// had when its hash was checked, then V8's data. V8 checks its own version and flags and refuses
// data that does not match (the program then compiles from source); it does not check that the
// text is the same beyond its length, which the line does.

'use strict';

const {readFileSync} = require('node:fs');
const {join} = require('node:path');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'pa-tui.cjs');
const CACHE = `${BUNDLE}.cache`;

/** The bundle's text (ASCII, scripts/bundle.mjs), or undefined when there is none. */
function readBundle() {
	try {
		return readFileSync(BUNDLE, 'latin1');
	} catch {
		return undefined;
	}
}

/** The first line of a cache made now for this bundle text, up to the corpus's identity. */
function cacheLine(source) {
	return `pa-tui code cache for ${source.slice(0, source.indexOf('\n'))} on node ${process.version} ${process.arch} corpus `;
}

/** The V8 data of the cache made for this bundle text and this Node, and the corpus's identity; or why there is none. */
function readCache(source) {
	let cache;
	try {
		cache = readFileSync(CACHE);
	} catch {
		return {problem: 'there is no code cache (npm run build, or installing the package, makes it)'};
	}
	const head = Buffer.from(cacheLine(source));
	const end = cache.indexOf(0x0a, head.length);
	if (end === -1 || !cache.subarray(0, head.length).equals(head)) {
		return {problem: 'the code cache was made for another build or another Node (npm run build makes one for this one)'};
	}
	return {data: cache.subarray(end + 1), bundledCorpus: cache.toString('latin1', head.length, end)};
}

/** Compile and run the bundle's module code: its exports, and the script (for its cache). */
function compile(source, cachedData) {
	const vm = require('node:vm');
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: BUNDLE, cachedData});
	const module = {exports: {}};
	script.runInThisContext()(module.exports, require, module, BUNDLE, DIST);
	return {script, exports: module.exports};
}

/** A dynamic import() for the bundle: code compiled from a code cache has none in Node 20. */
const importModule = url => import(url);

module.exports = {BUNDLE, CACHE, readBundle, readCache, cacheLine, compile, importModule};
