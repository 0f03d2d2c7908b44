// The environment every child runs in: only what a terminal program needs. Variables such as
// NODE_EXTRA_CA_CERTS or NODE_OPTIONS add ~100 ms to every Node start and would swamp the figures.
// The data folder is an empty one: a library of the user's own would change what is measured.

import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';

const emptyData = mkdtempSync(join(tmpdir(), 'pa-tui-bench-data-'));

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
	return {
		// The node of the `node -e 0` baseline first: bin/pa-tui starts the node found on PATH.
		PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`,
		HOME: process.env.HOME ?? '/tmp',
		XDG_DATA_HOME: emptyData,
		TERM: 'xterm-256color',
		LANG: process.env.LANG && /utf-?8/i.test(process.env.LANG) ? process.env.LANG : 'C.UTF-8',
		...extra,
	};
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));
