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

	run(effect: Effect | undefined): void {
		if (!effect || effect.seq <= this.done) return;
		this.done = effect.seq;
		if (effect.kind === 'suspend') this.host.suspend();
		else this.host.send(osc52(effect.text));
	}
}
