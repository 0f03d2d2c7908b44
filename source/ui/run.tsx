// Start the explorer: Ink reads the keys and runs the App's hooks; the App paints each frame as
// cells into the session's frame stream (screen.ts), which writes only what changed. The session
// (session.ts) puts the terminal back on every way out.

import {render} from 'ink';
import type {Model} from '../corpus/model.ts';
import {App} from './App.tsx';
import type {Grid} from './screen.ts';
import {openSession, type Session} from './session.ts';

/**
 * `session`: the terminal, already taken (and maybe showing the first frame, shell.ts); by
 * default it is taken here. `ascii`: draw in ASCII (by default when the locale is not UTF-8).
 */
export async function runExplorer(model: Model, options: {color: boolean; ascii?: boolean; session?: Session}): Promise<number> {
	const session = options.session ?? openSession(options);
	try {
		const paint = (grid: Grid) => session.frames.paintGrid(grid);
		const instance = render(<App model={model} color={session.color} paint={paint} />, {
			// Ink's stdout: it renders the App (which draws nothing through Ink) and its writes are
			// dropped; its size and resize events are the terminal's.
			stdout: session.frames as unknown as NodeJS.WriteStream,
			stdin: process.stdin,
			stderr: process.stderr,
			// Debug mode: no throttling, and no cursor or erase sequences of Ink's own.
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		});
		try {
			await instance.waitUntilExit();
		} catch (error) {
			// An error while rendering: Ink's error boundary unmounted the app.
			session.restore();
			session.report(error);
			return 1;
		}
		return 0;
	} finally {
		session.restore();
		session.detach();
	}
}
