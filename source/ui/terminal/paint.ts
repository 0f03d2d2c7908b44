// One step of the pipeline's end: a state drawn as a frame spec (view), rasterized to cells,
// painted as the cells that changed (screen). The one way a frame reaches the terminal.

import type {InputEvent} from '../input/keys.ts';
import {rasterize} from '../raster/raster.ts';
import {interruptIn} from '../state/bindings.ts';
import type {ExplorerState} from '../state/state.ts';
import type {ExplorerAction} from '../state/update.ts';
import {view} from '../view/frame.ts';
import type {Theme} from '../view/theme.ts';
import type {Screen} from './screen.ts';

export function paintState(screen: Screen, state: ExplorerState, theme: Theme): void {
	screen.paint(rasterize(view(state, theme), theme.mark));
}

/**
 * A batch of key events as actions, stamped with the time they were read. Ctrl-C wins over
 * everything read with it: quitting never waits behind keys typed before it.
 */
export function keyActions(events: readonly InputEvent[], at = Date.now()): ExplorerAction[] {
	const interrupt = interruptIn(events);
	return (interrupt ? [interrupt] : events).map(event => ({type: 'key', event, at}));
}

export function sizeOf(screen: Screen): {columns: number; rows: number} {
	return {columns: screen.columns, rows: screen.rows};
}
