// Terminal input → key events. A read from the terminal may hold several keys, half an escape
// sequence, a mouse or focus report nobody asked for, or a bracketed paste; this turns the
// stream into whole keys, whatever the reads' boundaries. Pure but for its buffer.
//
// Why our own: Ink's parser flushes a lone Esc at the next turn of the event loop (so an arrow
// split across two reads becomes Esc and "[B" typed as text), hands unknown sequences (mouse,
// focus) to the app as text, and knows no bracketed paste.

/** A key: a printable character as itself ('j', 'G', '中'), else a name ('down', 'ctrl-c', 'enter'). */
export interface KeyPress {
	kind: 'key';
	name: string;
}

/** Text pasted with bracketed paste: control characters gone, line breaks and tabs as spaces. */
export interface Paste {
	kind: 'paste';
	text: string;
}

export type InputEvent = KeyPress | Paste;

import stripAnsi from 'strip-ansi';

const ESC = '\x1b';
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
/** A paste longer than this is cut: no search needs it, and the terminal may never end it. */
const PASTE_LIMIT = 100_000;
/** How long a lone Esc waits for the rest of a sequence (vim's ttimeoutlen is 100, neovim's 50). */
export const ESCAPE_TIMEOUT_MS = 50;

const CSI_TILDE: Record<string, string> = {
	'1': 'home',
	'2': 'insert',
	'3': 'delete',
	'4': 'end',
	'5': 'pageup',
	'6': 'pagedown',
	'7': 'home',
	'8': 'end',
};
const CSI_FINAL: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift-tab'};
const SS3_FINAL: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end'};

const key = (name: string): KeyPress => ({kind: 'key', name});

/** A C0 control or DEL as a key name. */
function controlName(code: number): string {
	if (code === 0x0d || code === 0x0a) return 'enter';
	if (code === 0x09) return 'tab';
	if (code === 0x7f || code === 0x08) return 'backspace';
	if (code === 0x00) return 'ctrl-space';
	if (code < 0x20) return `ctrl-${String.fromCharCode(code + 0x60)}`;
	return `ctrl-${code}`;
}

/** A CSI sequence's key, or undefined for one we drop (mouse, focus, unknown). */
function csiKey(params: string, final: string): string | undefined {
	// Modifiers (ESC[1;5A): we bind none, so a modified arrow is the arrow.
	if (final === '~') return CSI_TILDE[params.split(';')[0] ?? ''];
	if (params.startsWith('<') || params.startsWith('?') || params.startsWith('>')) return undefined;
	return CSI_FINAL[final];
}

/** The text a key types: a printable character itself, the space bar a space, other keys nothing. */
export function typedText(event: InputEvent): string {
	if (event.kind === 'paste') return pasteText(event.text);
	if (event.name === 'space') return ' ';
	return [...event.name].length === 1 ? event.name : '';
}

/** Text of a paste as typed text: one line, printable, without the escape sequences it held. */
export function pasteText(text: string): string {
	return stripAnsi(text)
		.replace(/[\r\n\t]+/g, ' ')
		.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '');
}

export class KeyParser {
	private buffer = '';
	private paste: string | undefined;

	/** Whether a lone Esc (or the start of a sequence) waits for more input. */
	get pending(): boolean {
		return this.paste === undefined && this.buffer !== '';
	}

	/** Events of a read; an unfinished sequence waits for the next read or for flush(). */
	push(chunk: string): InputEvent[] {
		this.buffer += chunk;
		return this.drain(false);
	}

	/** The time for the rest of a sequence is up: what waits is what it is (a lone Esc is Esc). */
	flush(): InputEvent[] {
		return this.drain(true);
	}

	private drain(final: boolean): InputEvent[] {
		const events: InputEvent[] = [];
		let text = this.buffer;
		let i = 0;
		while (i < text.length) {
			if (this.paste !== undefined) {
				const end = text.indexOf(PASTE_END, i);
				if (end < 0) {
					// Keep a possible start of the end marker for the next read.
					const keep = Math.max(i, text.length - (PASTE_END.length - 1));
					this.paste = (this.paste + text.slice(i, keep)).slice(0, PASTE_LIMIT);
					text = text.slice(keep);
					i = 0;
					if (!final) break;
					this.paste += text;
					text = '';
					events.push({kind: 'paste', text: pasteText(this.paste)});
					this.paste = undefined;
					break;
				}
				events.push({kind: 'paste', text: pasteText((this.paste + text.slice(i, end)).slice(0, PASTE_LIMIT))});
				this.paste = undefined;
				i = end + PASTE_END.length;
				continue;
			}
			const ch = text[i]!;
			const code = ch.charCodeAt(0);
			if (ch !== ESC) {
				if (code < 0x20 || code === 0x7f) {
					events.push(key(controlName(code)));
					i++;
					continue;
				}
				if (code >= 0x80 && code <= 0x9f) {
					// A C1 control: nobody types one.
					i++;
					continue;
				}
				const cp = text.codePointAt(i)!;
				const char = String.fromCodePoint(cp);
				if (char.length === 1 && cp >= 0xd800 && cp <= 0xdfff) {
					// Half a surrogate pair: its other half may come in the next read.
					if (i === text.length - 1 && !final && cp < 0xdc00) break;
					i++;
					continue;
				}
				events.push(key(char === ' ' ? 'space' : char));
				i += char.length;
				continue;
			}
			// An escape sequence, or Esc itself.
			const next = text[i + 1];
			if (next === undefined) {
				if (!final) break;
				events.push(key('escape'));
				i++;
				continue;
			}
			if (next === '[') {
				if (text.startsWith(PASTE_START, i)) {
					this.paste = '';
					i += PASTE_START.length;
					continue;
				}
				// ESC [ parameters (0x30–0x3f) intermediates (0x20–0x2f) final (0x40–0x7e)
				let j = i + 2;
				while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j++;
				while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
				if (j >= text.length) {
					if (!final) break;
					// Cut short and never finished: not a key anyone typed.
					i = text.length;
					continue;
				}
				const finalByte = text.charCodeAt(j);
				if (finalByte < 0x40 || finalByte > 0x7e) {
					// Not a sequence: Esc, then what follows as typed.
					events.push(key('escape'));
					i++;
					continue;
				}
				const params = text.slice(i + 2, j);
				const last = text[j]!;
				// X10 mouse report: ESC [ M and three bytes.
				if (last === 'M' && params === '') {
					if (j + 3 >= text.length && !final) break;
					i = Math.min(text.length, j + 4);
					continue;
				}
				const name = csiKey(params, last);
				if (name) events.push(key(name));
				i = j + 1;
				continue;
			}
			if (next === 'O') {
				const last = text[i + 2];
				if (last === undefined) {
					if (!final) break;
					events.push(key('escape'), key('O'));
					i += 2;
					continue;
				}
				const name = SS3_FINAL[last];
				if (name) events.push(key(name));
				i += 3;
				continue;
			}
			// Esc then a key (Alt+key in most terminals): we bind no Alt keys, so it is Esc, then the key.
			events.push(key('escape'));
			i++;
		}
		this.buffer = text.slice(i);
		return events;
	}
}
