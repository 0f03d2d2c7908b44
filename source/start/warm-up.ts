// What the code cache holds: the functions a start compiles. warmUp runs once, when the cache is
// made (bin/make-code-cache.cjs, in a process of its own with an empty environment), never when
// pa-tui runs: the one-shot commands on the bundled corpus without the library, their output
// dropped, and the explorer's first frame and some keys drawn for a terminal that is nobody's.
// V8 then writes the bytecode of every function that ran; a start that runs them compiles none.

import {main} from '../cli.ts';
import {defaultCorpusPath, type Output, openCorpus} from '../commands/context.ts';
import {KeyParser} from '../ui/input/keys.ts';
import {initialState} from '../ui/state/state.ts';
import {updateAll} from '../ui/state/update.ts';
import {keyActions, paintState, sizeOf} from '../ui/terminal/paint.ts';
import {Screen} from '../ui/terminal/screen.ts';
import {theme} from '../ui/view/theme.ts';

const COMMANDS = [
	['list'],
	['show', 'jilin', 'investment', '--year', '2009'],
	['show', 'liaoning'],
	['funds', '--match', 'relocation', '--sort', 'amount'],
	['funds', 'hebei', '--csv'],
	['search', 'training'],
	['search', '--text', 'relocation'],
	['completion', 'bash'],
	['show', 'atlantis'],
];

/** ↓ ↓ Tab ↓ Tab j f ↓ Esc / r e l Tab Esc ? Esc, each batch drawn. */
const KEYS = ['\x1b[B', '\x1b[B', '\t', '\x1b[B', '\t', 'j', 'f', '\x1b[B', '\x1b', '/', 'r', 'e', 'l', '\t', '\x1b', '?', '\x1b'];

export async function warmUp(): Promise<void> {
	for (const color of [true, false]) {
		const output: Output = {write: () => {}, note: () => {}, isTerminal: color, color, columns: 100};
		for (const argv of COMMANDS) await main(['--no-library', ...argv], output).catch(() => undefined);
	}
	const {display} = await openCorpus({kind: 'default', bundled: defaultCorpusPath(), library: undefined});
	const screen = new Screen({columns: 120, rows: 40, write: () => true, on: () => undefined, off: () => undefined});
	const look = theme(true);
	let state = initialState(display, sizeOf(screen));
	paintState(screen, state, look);
	const parser = new KeyParser();
	for (const key of KEYS) {
		state = updateAll(state, keyActions(parser.push(key)));
		paintState(screen, state, look);
	}
	// A lone Esc waits for the rest of a sequence; let it go as Esc.
	updateAll(state, keyActions(parser.flush()));
}
