// The root component: the explorer hook's state, drawn as one frame (frame.ts). No state and no
// key handling here. With `paint`, the frame goes to the output layer as cells and Ink draws
// nothing (its layout and output stages cost more than the rest of a key press); without it
// (ink-testing-library), Ink draws the same frame.

import {useApp} from 'ink';
import {useLayoutEffect, useMemo} from 'react';
import type {Model} from '../corpus/model.ts';
import {createSearchIndex, type SearchIndex} from '../search/index.ts';
import {FrameView} from './components/FrameView.tsx';
import {explorerFrame, frameGrid} from './frame.ts';
import {useExplorer} from './hooks/use-explorer.ts';
import {type Size, useTerminalSize} from './hooks/use-size.ts';
import type {Grid} from './screen.ts';
import {theme as makeTheme} from './theme.ts';

export interface AppProps {
	model: Model;
	color: boolean;
	/** A fixed size (tests); otherwise the terminal's, followed on resize. */
	size?: Size;
	index?: SearchIndex;
	/** Called on q / Ctrl-C; by default the app exits. */
	onQuit?: () => void;
	/** Where frames go as cells; without it Ink renders them. */
	paint?: (grid: Grid) => void;
}

export function App({model, color, size: fixed, index: given, onQuit, paint}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixed);
	const index = useMemo(() => given ?? createSearchIndex(model), [given, model]);
	const theme = useMemo(() => makeTheme(color), [color]);
	const x = useExplorer(model, index, size, onQuit ?? (() => exit()));
	const frame = explorerFrame(model, x, theme);
	useLayoutEffect(() => {
		if (paint) paint(frameGrid(frame, theme));
	});
	return paint ? null : <FrameView frame={frame} theme={theme} />;
}
