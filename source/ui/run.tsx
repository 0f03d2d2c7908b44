// Start the explorer: full screen in the alternate buffer, and the terminal put back on every
// way out (q, Ctrl-C, SIGINT/SIGTERM/SIGHUP, an uncaught error).

import React from 'react';
import {render} from 'ink';
// Ink's own instance (a dependency of Ink, bundled with it): its level decides which styles reach the screen.
import chalk from 'chalk';
import type {Model} from '../corpus/model.ts';
import {App} from './App.tsx';
import {ENTER, FrameStream, LEAVE} from './screen.ts';
import {unicodeLocale} from './theme.ts';
import {sanitizeLine} from '../corpus/sanitize.ts';

const SIGNALS = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/** `ascii`: draw in ASCII; by default, when the locale is not UTF-8 (LANG=C). */
export async function runExplorer(model: Model, options: {color: boolean; ascii?: boolean}): Promise<number> {
	const stdout = process.stdout;
	const stdin = process.stdin;
	const frames = new FrameStream(stdout, {ascii: options.ascii ?? !unicodeLocale()});
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
	/** After the terminal is put back: one line, whatever the error holds. */
	const report = (error: unknown) => {
		process.stderr.write(`pa-tui: internal error: ${sanitizeLine(error instanceof Error ? error.message : String(error))}\n`);
	};
	const fail = (error: unknown) => {
		restore();
		report(error);
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

	// chalk drops every style, inverse and underline too, for TERM=dumb, an unset or unknown TERM
	// and FORCE_COLOR=0: the selection and the money figures would vanish. Any terminal that
	// takes this screen's cursor moves takes basic SGR too: keep level 1 (16 colours), and leave
	// colour out only where it was refused (NO_COLOR, --no-color, TERM=dumb, FORCE_COLOR=0).
	const forcedOff = ['0', 'false'].includes(process.env['FORCE_COLOR'] ?? '');
	const color = options.color && !forcedOff;
	const chalkLevel = chalk.level;
	if (chalk.level === 0) chalk.level = 1;

	stdout.write(ENTER);
	// Raw mode before the first frame: keys typed as it appears must not be echoed or line-buffered.
	if (stdin.isTTY) stdin.setRawMode(true);
	try {
		const instance = render(<App model={model} color={color} />, {
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
		try {
			await instance.waitUntilExit();
		} catch (error) {
			// An error while rendering: Ink's error boundary unmounted the app.
			restore();
			report(error);
			return 1;
		}
		restore();
		return 0;
	} finally {
		restore();
		detach();
		chalk.level = chalkLevel;
	}
}
