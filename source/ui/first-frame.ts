// The explorer from its first frame: the terminal taken, the starting state painted, and keys
// answered by the same state machine while Ink and React load (they take ~80 ms to import);
// then the state, as the keys left it, is handed to the React host (run.tsx). Nothing here
// imports Ink.

import type {Model} from '../corpus/model.ts';
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

/** Run the explorer until the user leaves; the exit code. */
export async function startExplorer(model: Model, options: {color: boolean; ascii?: boolean}): Promise<number> {
	const session = openSession(options);
	const theme = makeTheme(session.color, !session.screen.options.ascii);
	const keys = new KeyReader();
	let state = initialState(model, sizeOf(session.screen));
	try {
		paintState(session.screen, state, theme);
		let finished: (() => void) | undefined;
		const left = new Promise<void>(resolve => {
			finished = resolve;
		});
		const effects = new EffectRunner({
			suspend: () => session.suspend(),
			send: bytes => session.screen.send(bytes),
			invalidate: () => session.screen.invalidate(),
		});
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
		keys.listen(events => apply(updateAll(state, keyActions(events))));
		const ink = importWithoutFetch(() => import('./run.tsx'));
		await Promise.race([ink, left]);
		session.screen.off('resize', onResize);
		keys.listen(undefined);
		if (state.quit) return 0;
		const {runExplorer} = await ink;
		if (state.quit) return 0;
		return await runExplorer(model, {session, keys, theme, state});
	} catch (error) {
		session.restore();
		session.report(error);
		return 1;
	} finally {
		keys.detach();
		session.restore();
		session.detach();
	}
}
