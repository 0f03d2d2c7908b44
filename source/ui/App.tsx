// The React host of the explorer. React's useReducer holds the state and runs the pure update
// (state/update.ts); after each render the state is drawn and painted (terminal/paint.ts). Ink
// mounts this, runs React and owns the lifecycle; it draws nothing (the App renders null) —
// its layout and output stages cost more than the rest of a key press (see the README).

import {useStdin} from 'ink';
import {useEffect, useLayoutEffect, useReducer, useRef} from 'react';
import type {ExplorerState} from './state/state.ts';
import {updateAll} from './state/update.ts';
import {EffectRunner} from './terminal/effects.ts';
import type {KeyReader} from './terminal/input.ts';
import {keyActions, paintState, sizeOf} from './terminal/paint.ts';
import type {Screen} from './terminal/screen.ts';
import type {Theme} from './view/theme.ts';

export interface AppProps {
	screen: Screen;
	keys: KeyReader;
	theme: Theme;
	/** The state the first frame was painted from and keys have moved on since (first-frame.ts). */
	initial: ExplorerState;
	onQuit: () => void;
	/** Ctrl-Z: give the terminal back and stop (session.ts). */
	onSuspend?: () => void;
	/** Called once with a function that repaints the whole frame (after the terminal was given back). */
	onRepaint?: (repaint: () => void) => void;
}

export function App({screen, keys, theme, initial, onQuit, onSuspend, onRepaint}: AppProps) {
	const {stdin} = useStdin();
	const [state, dispatch] = useReducer(updateAll, initial);
	const latest = useRef(state);
	latest.current = state;
	const effects = useRef<EffectRunner | undefined>(undefined);
	effects.current ??= new EffectRunner(
		{suspend: () => onSuspend?.(), send: bytes => screen.send(bytes), invalidate: () => screen.invalidate()},
		state.effects,
	);

	useEffect(() => {
		keys.attach(stdin as unknown as Parameters<KeyReader['attach']>[0]);
		keys.listen(events => dispatch(keyActions(events)));
		return () => keys.listen(undefined);
	}, [keys, stdin]);

	useEffect(() => {
		const onResize = () => dispatch([{type: 'resize', size: sizeOf(screen)}]);
		screen.on('resize', onResize);
		// A resize between the first frame and this subscription would otherwise go unseen.
		onResize();
		return () => {
			screen.off('resize', onResize);
		};
	}, [screen]);

	useEffect(() => {
		onRepaint?.(() => paintState(screen, latest.current, theme));
	}, [onRepaint, screen, theme]);

	useLayoutEffect(() => {
		if (state.quit) {
			onQuit();
			return;
		}
		effects.current?.around(state.effects, () => paintState(screen, state, theme));
	});

	return null;
}
