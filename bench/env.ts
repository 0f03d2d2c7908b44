// The environment every child runs in: only what a terminal program needs. Variables such as
// NODE_EXTRA_CA_CERTS or NODE_OPTIONS add ~100 ms to every Node start and would swamp the figures.

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
		HOME: process.env.HOME ?? '/tmp',
		TERM: 'xterm-256color',
		LANG: process.env.LANG && /utf-?8/i.test(process.env.LANG) ? process.env.LANG : 'C.UTF-8',
		...extra,
	};
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));
