// The real explorer App, mounted by ink-testing-library and fed keys, painting through the real
// raster and diff writer into a fake terminal whose bytes are replayed in a headless xterm: the
// tests read the screen a person would see, cell by cell.

import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import xterm from '@xterm/headless';
import {render} from 'ink-testing-library';
import type {Model} from '../../source/corpus/model.ts';
import {App} from '../../source/ui/App.tsx';
import {type ExplorerState, initialState} from '../../source/ui/state/state.ts';
import {KeyReader} from '../../source/ui/terminal/input.ts';
import {ENTER, Screen} from '../../source/ui/terminal/screen.ts';
import {theme} from '../../source/ui/view/theme.ts';

export const KEY = {
	down: '\u001B[B',
	up: '\u001B[A',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007f',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
};

/** A terminal for the diff writer: a size, resize events, and every byte written kept. */
export class FakeTerminal extends EventEmitter {
	written = '';
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write(data: string) {
		this.written += data;
		return true;
	}
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

export interface Options {
	columns?: number;
	rows?: number;
	color?: boolean;
	ascii?: boolean;
	initial?: ExplorerState;
}

export function mount(model: Model, {columns = 120, rows = 40, color = false, ascii = false, initial}: Options = {}) {
	const terminal = new FakeTerminal(columns, rows);
	const screen = new Screen(terminal, {ascii});
	const keys = new KeyReader();
	const xt = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	let quits = 0;
	let suspends = 0;
	let fed = 0;
	const app = render(
		<App
			screen={screen}
			keys={keys}
			theme={theme(color, !ascii)}
			initial={initial ?? initialState(model, {columns, rows})}
			onQuit={() => quits++}
			onSuspend={() => suspends++}
		/>,
	);
	// The terminal as the session leaves it: alternate screen, no autowrap.
	xt.write(ENTER);
	/** Feed what was written since last time to the headless terminal, and wait until it has it. */
	const sync = async () => {
		const data = terminal.written.slice(fed);
		fed = terminal.written.length;
		if (data !== '') await new Promise<void>(resolve => xt.write(data, resolve));
	};
	/** The screen as lines, trailing blanks dropped (a blank written and a cell never written look alike). */
	const lines = () => {
		const buffer = xt.buffer.active;
		return Array.from({length: xt.rows}, (_, y) => (buffer.getLine(y)?.translateToString(true) ?? '').trimEnd());
	};
	const text = () => lines().join('\n');
	/** The cell at (x, y), as xterm holds it. */
	const cell = (x: number, y: number) => xt.buffer.active.getLine(y)!.getCell(x)!;
	const until = async (ok: (screen: string) => boolean, what: string, ms = 3000) => {
		const end = Date.now() + ms;
		for (;;) {
			await sync();
			if (ok(text())) return text();
			if (Date.now() > end) assert.fail(`timed out waiting for ${what}; screen:\n${text()}`);
			await new Promise(r => setTimeout(r, 5));
		}
	};
	/** Type keys one at a time, each in a read of its own, each after the last has been painted. */
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			await new Promise(r => setTimeout(r, 8));
		}
		await sync();
	};
	/** Bytes as one read from the terminal (a paste, keys typed faster than they are read). */
	const send = async (data: string) => {
		app.stdin.write(data);
		await new Promise(r => setTimeout(r, 20));
		await sync();
	};
	const resize = async (c: number, r: number) => {
		xt.resize(c, r);
		terminal.resize(c, r);
		await new Promise(res => setTimeout(res, 20));
		await sync();
	};
	const dispose = () => {
		app.unmount();
		keys.detach();
		screen.close();
		xt.dispose();
	};
	return {
		app,
		terminal,
		lines,
		text,
		cell,
		until,
		press,
		send,
		resize,
		dispose,
		quits: () => quits,
		suspends: () => suspends,
		written: () => terminal.written,
	};
}

/** The row holding the selection marker. */
export const selectedLine = (screen: string) => screen.split('\n').find(l => l.includes('›')) ?? '';
