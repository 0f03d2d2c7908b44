// Child processes of the bench: every one is registered so that none outlives the bench,
// whatever way it ends (normal exit, an exception, Ctrl-C, the global time limit).

import {spawn} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {cleanEnv} from './env.ts';

interface Killable {
	kill(signal: NodeJS.Signals): unknown;
}

const live = new Set<Killable>();

export function track(child: Killable): () => void {
	live.add(child);
	return () => live.delete(child);
}

const cleanups = new Set<() => void>();

/** Run `fn` when the bench ends, however it ends (temporary files). */
export function atExit(fn: () => void): () => void {
	cleanups.add(fn);
	return () => cleanups.delete(fn);
}

export function killAll(): void {
	for (const fn of cleanups) {
		try {
			fn();
		} catch {
			// best effort
		}
	}
	cleanups.clear();
	for (const child of live) {
		try {
			child.kill('SIGKILL');
		} catch {
			// already gone
		}
	}
	live.clear();
}

let installed = false;
export function installExitHandlers(): void {
	if (installed) return;
	installed = true;
	process.on('exit', killAll);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			killAll();
			process.stderr.write(`\nbench: ${signal}, children killed\n`);
			process.exit(130);
		});
	}
}

export interface RunResult {
	ms: number;
	code: number | null;
	stdoutBytes: number;
	stderr: string;
	timedOut: boolean;
}

/** Run a command to its end with stdout and stderr piped (not a terminal); time spawn → exit. */
export function runToExit(
	file: string,
	args: string[],
	options: {timeoutMs?: number; env?: Record<string, string>; cwd?: string} = {},
): Promise<RunResult> {
	const timeoutMs = options.timeoutMs ?? 10_000;
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(file, args, {env: options.env ?? cleanEnv(), cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe']});
		const untrack = track(child);
		let stdoutBytes = 0;
		let stderr = '';
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => (stdoutBytes += chunk.length));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('error', error => {
			clearTimeout(timer);
			untrack();
			reject(error);
		});
		child.on('exit', code => {
			const ms = performance.now() - start;
			clearTimeout(timer);
			untrack();
			resolve({ms, code, stdoutBytes, stderr, timedOut});
		});
	});
}
