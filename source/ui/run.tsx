// Start the explorer: full screen in the alternate buffer, and the terminal put back on every
// way out (q, Ctrl-C, SIGINT/SIGTERM/SIGHUP, an uncaught error).

import React from 'react';
import {render} from 'ink';
import type {Model} from '../corpus/model.ts';
import {App} from './App.tsx';
import {ENTER, FrameStream, LEAVE} from './screen.ts';

const SIGNALS = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

export async function runExplorer(model: Model, options: {color: boolean}): Promise<number> {
	const stdout = process.stdout;
	const stdin = process.stdin;
	const frames = new FrameStream(stdout);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		frames.close();
		try {
			if (stdin.isTTY) stdin.setRawMode(false);
		} catch {
			// The terminal may be gone (SIGHUP).
		}
		try {
			stdout.write(LEAVE);
		} catch {
			// As above.
		}
	};
	const fail = (error: unknown) => {
		restore();
		process.stderr.write(`pa-tui: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	};
	const onSignal = (signal: keyof typeof SIGNALS) => () => {
		restore();
		process.exit(SIGNALS[signal]);
	};
	const handlers = Object.keys(SIGNALS).map(name => [name, onSignal(name as keyof typeof SIGNALS)] as const);
	for (const [name, handler] of handlers) process.on(name, handler);
	process.on('uncaughtException', fail);
	process.on('unhandledRejection', fail);
	process.on('exit', restore);
	const detach = () => {
		for (const [name, handler] of handlers) process.off(name, handler);
		process.off('uncaughtException', fail);
		process.off('unhandledRejection', fail);
		process.off('exit', restore);
	};

	stdout.write(ENTER);
	// Raw mode before the first frame: keys typed as it appears must not be echoed or line-buffered.
	if (stdin.isTTY) stdin.setRawMode(true);
	try {
		const instance = render(<App model={model} color={options.color} />, {
			stdout: frames as unknown as NodeJS.WriteStream,
			stdin,
			stderr: process.stderr,
			// Debug mode hands us each whole frame; FrameStream paints only what changed.
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: true,
			maxFps: 120,
		});
		await instance.waitUntilExit();
		restore();
		return 0;
	} finally {
		restore();
		detach();
	}
}
