// What the host does when the state machine asks (state.effect): stop the process (Ctrl-Z), or
// put text on the clipboard through the terminal (OSC 52, which tmux passes on with
// set-clipboard; it works over SSH, where no local clipboard tool could). Each request once.

import type {Effect} from '../state/state.ts';

/** OSC 52 "set the clipboard": base64 of the UTF-8 text, ended by BEL (ST is ESC \\, BEL is shorter and as widely read). */
export function osc52(text: string): string {
	return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

export interface Host {
	suspend(): void;
	/** Bytes to the terminal that are not a frame. */
	send(bytes: string): void;
}

/** Performs each effect once: an effect whose number was seen already is not done again. */
export class EffectRunner {
	private done = 0;

	constructor(
		private readonly host: Host,
		/** The state the host started from may carry an effect done already (by the first frame's loop). */
		initial?: Effect,
	) {
		this.done = initial?.seq ?? 0;
	}

	/**
	 * Do what the state asks, around painting its frame: a copy before (the frame then tells of
	 * it, and the output ends with the frame), a suspend after (the frame is on the screen when
	 * the terminal is given back, and nothing is painted while stopped).
	 */
	around(effect: Effect | undefined, paint: () => void): void {
		if (!effect || effect.seq <= this.done) {
			paint();
			return;
		}
		this.done = effect.seq;
		if (effect.kind === 'copy') {
			this.host.send(osc52(effect.text));
			paint();
		} else {
			paint();
			this.host.suspend();
		}
	}
}
