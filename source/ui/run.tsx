// Hand the explorer to Ink: it mounts the App (React), which takes the state the first frame
// started (and keys typed since) and goes on from there.

import {render} from 'ink';
import {App} from './App.tsx';
import type {ExplorerState} from './state/state.ts';
import type {KeyReader} from './terminal/input.ts';
import type {Session} from './terminal/session.ts';
import type {Theme} from './view/theme.ts';

/**
 * Ink's stdout. Ink renders the App, which draws nothing, and writes what it rendered (nothing)
 * here, where it is dropped; its size and resize events are the terminal's.
 */
function inkOutput(session: Session): NodeJS.WriteStream {
	const terminal = process.stdout;
	return {
		get columns() {
			return session.screen.columns;
		},
		get rows() {
			return session.screen.rows;
		},
		isTTY: true,
		write: (_data: unknown, ...rest: unknown[]) => {
			const done = rest.find(r => typeof r === 'function') as (() => void) | undefined;
			if (done) queueMicrotask(done);
			return true;
		},
		on: (event: string, listener: () => void) => terminal.on(event, listener),
		off: (event: string, listener: () => void) => terminal.off(event, listener),
		removeListener: (event: string, listener: () => void) => terminal.off(event, listener),
	} as unknown as NodeJS.WriteStream;
}

export async function runExplorer(options: {session: Session; keys: KeyReader; theme: Theme; state: ExplorerState}): Promise<number> {
	const {session, keys, theme, state} = options;
	let repaint: (() => void) | undefined;
	session.onResume = () => repaint?.();
	const instance = render(
		<App
			screen={session.screen}
			keys={keys}
			theme={theme}
			initial={state}
			onQuit={() => {
				session.restore();
				instance.unmount();
			}}
			onSuspend={() => session.suspend()}
			onRepaint={r => {
				repaint = r;
			}}
		/>,
		{stdout: inkOutput(session), stdin: process.stdin, stderr: process.stderr, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	try {
		await instance.waitUntilExit();
	} catch (error) {
		// An error while rendering: Ink's error boundary unmounted the app.
		session.restore();
		return session.report(error);
	}
	return 0;
}
