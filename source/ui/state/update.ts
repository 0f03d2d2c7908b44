// The explorer's state machine: update(state, action) → the next state. A key is resolved by
// the binding table to an action, and the action's handler (handlers.ts) makes the next state.
// Pure (time comes in with the action), so it runs the same under React (App.tsx), before React
// has loaded (first-frame.ts) and in tests without either.

import type {InputEvent} from '../input/keys.ts';
import {resolveKey} from './bindings.ts';
import {HANDLERS} from './handlers.ts';
import type {ExplorerState, Size} from './state.ts';

export type ExplorerAction = {type: 'key'; event: InputEvent; at: number} | {type: 'resize'; size: Size};

export function update(state: ExplorerState, action: ExplorerAction): ExplorerState {
	switch (action.type) {
		case 'resize':
			return action.size.columns === state.size.columns && action.size.rows === state.size.rows ? state : {...state, size: action.size};
		case 'key': {
			const bound = resolveKey(state, action.event, action.at);
			if (!bound) return state;
			// A notice lasts until the next key that does something.
			return HANDLERS[bound](state.notice === undefined ? state : {...state, notice: undefined}, action.event, action.at);
		}
	}
}

/** Several actions at once (one read from the terminal): one state, one frame. */
export function updateAll(state: ExplorerState, actions: readonly ExplorerAction[]): ExplorerState {
	let next = state;
	for (const action of actions) {
		if (next.quit) break;
		next = update(next, action);
	}
	return next;
}
