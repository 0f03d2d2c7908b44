// The explorer from its first frame: the terminal taken, the starting state painted, and keys
// answered by the same state machine until Ink and React have loaded (imported once keys pause:
// ~50 ms of work in pieces of up to ~20 ms); then the state, as the keys left it, is handed to
// the React host (run.tsx). The rest of a corpus file read report by report is read between
// keys from the first frame on. Nothing here imports Ink.

import type {Model} from '../corpus/model.ts';
import {loadExplorer} from './explorer-loader.ts';
import {initialState} from './state/state.ts';
import {updateAll} from './state/update.ts';
import {EffectRunner} from './terminal/effects.ts';
import {KeyReader} from './terminal/input.ts';
import {keyActions, paintState, sizeOf} from './terminal/paint.ts';
import {openSession} from './terminal/session.ts';
import {theme as makeTheme} from './view/theme.ts';

/**
 * Yoga's loader (inside Ink) calls fetch() when there is one, and the first touch of Node's
 * fetch loads its whole HTTP client: about 40 ms for nothing. Hide it while Ink loads.
 */
async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		if (descriptor) Object.defineProperty(globalThis, 'fetch', descriptor);
		else delete (globalThis as {fetch?: unknown}).fetch;
	}
}

/** How long keys must pause before the React host is loaded (its ~20 ms of compiling holds up a key). */
const IDLE_MS = 50;
/** The longest the reading of the rest of the corpus holds up a key (records.ts). */
const READ_SLICE_MS = 4;

export interface ExplorerOptions {
	color: boolean;
	ascii?: boolean;
	/** Reports of the corpus file still to be read: read between keys, from the first frame on. */
	unread?: {readFor(ms: number): boolean};
}

/**
 * The rest of the corpus, read a few milliseconds at a time between keys (setImmediate runs
 * after the keys that came meanwhile). A report that is not valid is thrown out of the loop as
 * an uncaught error: the session puts the terminal back and says it in one line (exit 2).
 */
function readBetweenKeys(unread: ExplorerOptions['unread']): () => void {
	let stopped = !unread;
	const step = () => {
		if (stopped || unread!.readFor(READ_SLICE_MS)) return;
		setImmediate(step);
	};
	setImmediate(step);
	return () => {
		stopped = true;
	};
}

/** Run the explorer until the user leaves; the exit code. */
export async function startExplorer(model: Model, options: ExplorerOptions): Promise<number> {
	const session = openSession(options);
	const theme = makeTheme(session.color, !session.screen.options.ascii);
	const keys = new KeyReader();
	let stopReading = () => {};
	try {
		let state = initialState(model, sizeOf(session.screen));
		paintState(session.screen, state, theme);
		stopReading = readBetweenKeys(options.unread);
		let finished: (() => void) | undefined;
		const left = new Promise<void>(resolve => {
			finished = resolve;
		});
		const effects = new EffectRunner({
			suspend: () => session.suspend(),
			send: bytes => session.screen.send(bytes),
			invalidate: () => session.screen.invalidate(),
		});
		// Keys typed as the first frame appears are answered at once; the host loads when they pause.
		let idle: NodeJS.Timeout | undefined;
		let load: (() => void) | undefined;
		const ink = new Promise<Awaited<ReturnType<typeof loadExplorer>>>((resolve, reject) => {
			load = () => importWithoutFetch(loadExplorer).then(resolve, reject);
		});
		const waitForPause = () => {
			clearTimeout(idle);
			idle = setTimeout(() => load!(), IDLE_MS);
		};
		const apply = (next: typeof state) => {
			state = next;
			if (state.quit) {
				session.restore();
				finished?.();
				return;
			}
			effects.around(state.effects, () => paintState(session.screen, state, theme));
		};
		const onResize = () => apply(updateAll(state, [{type: 'resize', size: sizeOf(session.screen)}]));
		session.screen.on('resize', onResize);
		session.onResume = () => paintState(session.screen, state, theme);
		keys.attach(process.stdin);
		keys.listen(events => {
			apply(updateAll(state, keyActions(events)));
			waitForPause();
		});
		waitForPause();
		await Promise.race([ink, left]);
		clearTimeout(idle);
		session.screen.off('resize', onResize);
		keys.listen(undefined);
		if (state.quit) return 0;
		const {runExplorer} = await ink;
		if (state.quit) return 0;
		return await runExplorer({session, keys, theme, state});
	} catch (error) {
		session.restore();
		return session.report(error);
	} finally {
		stopReading();
		keys.detach();
		session.restore();
		session.detach();
	}
}
