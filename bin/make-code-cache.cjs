// Make dist/pa-tui.cjs.cache, the V8 code cache of dist/pa-tui.cjs for the Node that runs this:
// compile the bundle, run its warmUp (source/start/warm-up.ts: the commands and the explorer's
// first frames, output dropped), and write what V8 compiled. Run by the build, and by
// postinstall in an installed package (a checkout's prepare builds it). It never fails an
// install: where no cache can be made it says so in one line, and pa-tui starts from its ES
// modules instead.
//
//   node bin/make-code-cache.cjs [--postinstall]

'use strict';

const {spawnSync} = require('node:child_process');
const {existsSync, renameSync, rmSync, writeFileSync} = require('node:fs');
const {join} = require('node:path');
const bundle = require('./bundle.cjs');

async function make() {
	const source = bundle.readBundle();
	if (source === undefined) return;
	const {script, exports} = bundle.compile(source, undefined);
	await exports.warmUp();
	const line = `${bundle.cacheLine(source)}${exports.bundledCorpusStamp()}\n`;
	const partial = `${bundle.CACHE}.partial`;
	writeFileSync(partial, Buffer.concat([Buffer.from(line, 'latin1'), script.createCachedData()]));
	renameSync(partial, bundle.CACHE);
}

if (process.argv.includes('--now')) {
	make().then(
		() => process.exit(0),
		error => {
			process.stderr.write(`${error?.message ?? error}\n`);
			process.exit(1);
		},
	);
} else if (!(process.argv.includes('--postinstall') && existsSync(join(__dirname, '..', 'source')))) {
	// A cache of an earlier bundle or Node must not outlive this attempt.
	rmSync(bundle.CACHE, {force: true});
	// In a process of its own, with nothing of the caller's environment (NODE_OPTIONS, a locale).
	const made = spawnSync(process.execPath, [__filename, '--now'], {env: {}, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000});
	if (made.status !== 0) {
		rmSync(bundle.CACHE, {force: true});
		const why = (made.error?.message ?? made.stderr ?? '').trim().split('\n').at(-1) || `exit ${made.status}`;
		process.stderr.write(`pa-tui: no code cache (pa-tui will start from its ES modules): ${why}\n`);
	}
}
