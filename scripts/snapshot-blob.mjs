// Make the start-up snapshot for the Node that runs this: dist/snapshot.cjs run once by
// `node --build-snapshot`, its heap written to dist/pa-tui.blob, and beside it the stamp
// dist/pa-tui.blob.node, given that Node binary's modification time, by which bin/pa-tui knows
// the blob is for the node it finds. Run by the build (npm run build, prepare) and, in an
// installed package, by postinstall (copied into dist/ as make-snapshot.mjs). It never fails:
// where a snapshot cannot be made, it says so in one line and pa-tui starts without one.
//
//   node dist/make-snapshot.mjs [dist folder]

import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export function makeSnapshot(dist) {
	const blob = join(dist, 'pa-tui.blob');
	const stamp = `${blob}.node`;
	const partial = `${blob}.partial`;
	// A blob of an earlier build must not outlive it.
	for (const file of [blob, stamp, partial]) rmSync(file, {force: true});
	const entry = join(dist, 'snapshot.cjs');
	if (!existsSync(entry)) return `no ${entry}`;
	// A clean environment: nothing of the installing shell's may be frozen into the snapshot.
	const result = spawnSync(process.execPath, ['--snapshot-blob', partial, '--build-snapshot', entry], {
		cwd: dist,
		env: {},
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 60_000,
	});
	if (result.status !== 0 || !existsSync(partial)) {
		rmSync(partial, {force: true});
		const why = (result.error?.message ?? result.stderr ?? '').trim().split('\n').filter(Boolean).at(-1) ?? `exit ${result.status}`;
		return `node ${process.version} could not make one (${why})`;
	}
	renameSync(partial, blob);
	writeFileSync(stamp, `${process.execPath}\n${process.version}\n`);
	// The binary's own time, to the nanosecond: `touch -r` copies it exactly, utimes to a microsecond.
	try {
		execFileSync('touch', ['-r', process.execPath, stamp], {stdio: 'ignore'});
	} catch {
		const {atime, mtime} = statSync(process.execPath);
		utimesSync(stamp, atime, mtime);
	}
	return undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dist = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)));
	const problem = makeSnapshot(dist);
	if (problem) process.stderr.write(`pa-tui: no start-up snapshot, pa-tui will start without one: ${problem}\n`);
}
