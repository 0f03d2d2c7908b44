// The bench's side of bench/heap-probe.cjs: ask a program for its memory after a forced collection.

import {connect} from 'node:net';

export const PROBE = new URL('./heap-probe.cjs', import.meta.url).pathname;

/** Heap used after two full collections, in MB; undefined when the program does not answer. */
export function heapAfterGc(socket: string, timeoutMs = 5_000): Promise<number | undefined> {
	return new Promise(resolve => {
		let data = '';
		const client = connect(socket, () => client.write('gc\n'));
		const timer = setTimeout(() => {
			client.destroy();
			resolve(undefined);
		}, timeoutMs);
		client.on('data', chunk => (data += chunk));
		client.on('error', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
		client.on('end', () => {
			clearTimeout(timer);
			try {
				resolve((JSON.parse(data) as {heapUsed: number}).heapUsed / 1024 / 1024);
			} catch {
				resolve(undefined);
			}
		});
	});
}
