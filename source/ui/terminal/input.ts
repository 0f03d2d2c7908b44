// Reading keys from the terminal: each read goes through the key parser (input/keys.ts) and
// out as one batch of events; an Esc that may start a sequence waits a moment for the rest.
// The same reader serves the first frame (before Ink has loaded) and the explorer after.

import {ESCAPE_TIMEOUT_MS, type InputEvent, KeyParser} from '../input/keys.ts';

export interface KeySource {
	setEncoding?(encoding: BufferEncoding): unknown;
	on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
	off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
	resume?(): unknown;
	pause?(): unknown;
}

export type Listener = (events: InputEvent[]) => void;

export class KeyReader {
	private readonly parser = new KeyParser();
	private timer: NodeJS.Timeout | undefined;
	private source: KeySource | undefined;
	private listener: Listener | undefined;
	/** Events read while nobody listened (between the first frame and the explorer). */
	private waiting: InputEvent[] = [];

	private readonly onData = (chunk: string | Buffer) => {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.emit(this.parser.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
		if (this.parser.pending) {
			this.timer = setTimeout(() => {
				this.timer = undefined;
				this.emit(this.parser.flush());
			}, ESCAPE_TIMEOUT_MS);
		}
	};

	private emit(events: InputEvent[]): void {
		if (events.length === 0) return;
		if (this.listener) this.listener(events);
		else this.waiting.push(...events);
	}

	/** Start reading a stream (a terminal in raw mode). */
	attach(source: KeySource): void {
		if (this.source === source) return;
		this.detach();
		this.source = source;
		source.setEncoding?.('utf8');
		source.on('data', this.onData);
		source.resume?.();
	}

	/** Hand every batch of events to `listener`, starting with those read before it came. */
	listen(listener: Listener | undefined): void {
		this.listener = listener;
		if (listener && this.waiting.length > 0) {
			const events = this.waiting;
			this.waiting = [];
			listener(events);
		}
	}

	detach(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (!this.source) return;
		this.source.off('data', this.onData);
		this.source.pause?.();
		this.source = undefined;
	}
}
