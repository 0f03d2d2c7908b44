// Key → frame measurements, the same procedure for pa-tui and the baselines: `block` measured
// presses of the "down" key, then as many unmeasured "up" presses to stay inside the list, repeated
// until `count` presses are measured. Each key waits for the previous frame to settle.

import type {PtySession} from './pty.ts';

export interface KeySamples {
	firstByteMs: number[];
	settleMs: number[];
	bytes: number[];
	/** Measured presses that drew nothing at all (end of a list, nothing to scroll, not handled). */
	silent: number;
	/** Each counted press's output in the session transcript (see PtySession.key). */
	spans: Array<[number, number]>;
	/** Cells each counted press changed on screen, and in how many runs (added by cells.ts). */
	cells?: number[];
	runs?: number[];
}

export type KeySpec = string | ((session: PtySession) => string);

const keyOf = (session: PtySession, key: KeySpec) => (typeof key === 'function' ? key(session) : key);

export async function measureKeys(
	session: PtySession,
	down: KeySpec,
	up: KeySpec,
	options: {count: number; block?: number; quietMs?: number; timeoutMs?: number; deadline?: number},
): Promise<KeySamples> {
	const block = options.block ?? 5;
	const quietMs = options.quietMs ?? 50;
	const timeoutMs = options.timeoutMs ?? 1_000;
	const result: KeySamples = {firstByteMs: [], settleMs: [], bytes: [], silent: 0, spans: []};
	let measured = 0;
	while (measured < options.count && !session.exit && (options.deadline === undefined || Date.now() < options.deadline)) {
		for (let i = 0; i < block && measured < options.count; i++, measured++) {
			const r = await session.key(keyOf(session, down), quietMs, timeoutMs);
			if (r.firstByteMs === undefined) {
				result.silent++;
				continue;
			}
			result.firstByteMs.push(r.firstByteMs);
			result.settleMs.push(r.settleMs!);
			result.bytes.push(r.bytes);
			result.spans.push(r.span);
		}
		for (let i = 0; i < block; i++) await session.key(keyOf(session, up), 30, timeoutMs);
	}
	return result;
}
