// What the host does when the state machine asks (state.effects): stop the process (Ctrl-Z), paint
// the whole screen again (Ctrl-L), or
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
	/** Forget what the screen shows: the next frame is painted whole (Ctrl-L). */
	invalidate(): void;
}

/** Performs each effect once: an effect whose number was seen already is not done again. */
export class EffectRunner {
	private done = 0;

	constructor(
		private readonly host: Host,
		/** The state the host started from may carry effects done already (by the first frame's loop). */
		initial: readonly Effect[] = [],
	) {
		this.done = initial.at(-1)?.seq ?? 0;
	}

	/**
	 * Do what the state asks, around painting its frame: copies and redraws before (the frame then
	 * tells of a copy, and the output ends with the frame), a suspend after (the frame is on the
	 * screen when the terminal is given back, and nothing is painted while stopped).
	 */
	around(effects: readonly Effect[], paint: () => void): void {
		const fresh = effects.filter(e => e.seq > this.done);
		if (fresh.length > 0) this.done = fresh.at(-1)!.seq;
		for (const effect of fresh) {
			if (effect.kind === 'copy') this.host.send(osc52(effect.text));
			else if (effect.kind === 'redraw') this.host.invalidate();
		}
		paint();
		if (fresh.some(e => e.kind === 'suspend')) this.host.suspend();
	}
}
