// Start the explorer: Ink renders the App into the session's frame stream, which paints only
// what changed; the session (session.ts) puts the terminal back on every way out.

import React from 'react';
import {render} from 'ink';
// Ink's own instance (a dependency of Ink, bundled with it): its level decides which styles reach the screen.
import chalk from 'chalk';
import type {Model} from '../corpus/model.ts';
import {App} from './App.tsx';
import {openSession, type Session} from './session.ts';
import type {Grid} from './screen.ts';

/**
 * `session`: the terminal, already taken (and maybe showing the first frame, shell.ts); by
 * default it is taken here. `ascii`: draw in ASCII (by default when the locale is not UTF-8).
 */
export async function runExplorer(model: Model, options: {color: boolean; ascii?: boolean; session?: Session}): Promise<number> {
	const session = options.session ?? openSession(options);
	// chalk drops every style, inverse and underline too, for TERM=dumb, an unset or unknown TERM
	// and FORCE_COLOR=0: the selection and the money figures would vanish. Any terminal that
	// takes this screen's cursor moves takes basic SGR too: keep level 1 (16 colours), and leave
	// colour out only where it was refused (session.color).
	const chalkLevel = chalk.level;
	if (chalk.level === 0) chalk.level = 1;
	try {
		// The App paints its frames as cells; Ink's own output of it is empty, and dropped.
		const paint = (grid: Grid) => session.frames.paintGrid(grid);
		const instance = render(<App model={model} color={session.color} paint={paint} />, {
			stdout: session.frames as unknown as NodeJS.WriteStream,
			stdin: process.stdin,
			stderr: process.stderr,
			// Debug mode hands us each whole frame; FrameStream paints only what changed.
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: true,
			maxFps: 120,
		});
		try {
			await instance.waitUntilExit();
		} catch (error) {
			// An error while rendering: Ink's error boundary unmounted the app.
			session.restore();
			session.report(error);
			return 1;
		}
		session.restore();
		return 0;
	} finally {
		session.restore();
		session.detach();
		chalk.level = chalkLevel;
	}
}
