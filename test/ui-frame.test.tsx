// The program paints each frame as cells (frame.ts frameGrid) and never lets Ink lay it out;
// the tests elsewhere read Ink's rendering of the same frame (FrameView). Both must show the same
// characters with the same styles in every cell, whatever the state: checked here by driving two
// explorers with the same keys, one drawn each way.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type StyledChar, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import chalk from 'chalk';
import {render} from 'ink-testing-library';
import {openCorpus} from '../source/commands/context.ts';
import {createSearchIndex} from '../source/search/index.ts';
import {App} from '../source/ui/App.tsx';
import type {Grid} from '../source/ui/screen.ts';
import {corpusFile} from './helpers/corpus.ts';

const {display: model} = await openCorpus(corpusFile);
const index = createSearchIndex(model);
const KEY = {down: '\u001B[B', up: '\u001B[A', enter: '\r', escape: '\u001B', tab: '\t', pageDown: '\u001B[6~'};

/**
 * A row as seen: each character with its styles (order aside), trailing blanks dropped. Dim is
 * left out: Ink's string output loses it after a bold and dim run (ansi-tokenize closes both
 * with one SGR 22 and does not reopen dim), so an idle pane's title and the separator after it
 * show without it there; the cells, never turned into Ink's string, keep it.
 */
function seen(cells: ReadonlyArray<StyledChar | undefined>): string {
	const parts = cells
		.filter((cell): cell is StyledChar => cell !== undefined && cell.value !== '')
		.map(
			cell =>
				`${cell.value}${cell.styles
					.map(style => style.code)
					.filter(code => code !== '\u001B[2m')
					.sort()
					.join('')}`,
		);
	while (parts.length > 0 && parts.at(-1) === ' ') parts.pop();
	return parts.join('|');
}

const inkRows = (frame: string) => frame.split('\n').map(line => seen(styledCharsFromTokens(tokenize(line))));
const gridRows = (grid: Grid) => grid.map(row => seen(row));
const tick = () => new Promise(resolve => setTimeout(resolve, 20));

const SCRIPT: Array<[string, string]> = [
	['start', ''],
	['↓', KEY.down],
	['↓', KEY.down],
	['y (another year)', 'y'],
	['Tab to sections', KEY.tab],
	['↓', KEY.down],
	['Enter: the text', KEY.enter],
	['j', 'j'],
	['Page Down', KEY.pageDown],
	['f: funds', 'f'],
	['↓ in funds', KEY.down],
	['s: sort', 's'],
	['f: text again', 'f'],
	['?: help', '?'],
	['↓ in help', KEY.down],
	['Esc', KEY.escape],
	['/: search', '/'],
	['typed', 'jilin trainnig'],
	['typed, with a combining accent, an emoji with a skin tone and wide characters', ' cafe\u0301 👍🏽 中文'],
	['and deleted again', '\u007f'.repeat(' cafe\u0301 👍🏽 中文'.length)],
	['↓ in results', KEY.down],
	['Tab: full text', KEY.tab],
	['Enter: open the hit', KEY.enter],
	['n: next match', 'n'],
	['h', 'h'],
	['h', 'h'],
];

for (const [columns, rows] of [
	[120, 40],
	[80, 24],
	[60, 20],
	[44, 12],
	[30, 8],
] as const) {
	for (const color of [true, false]) {
		test(`${columns}×${rows}${color ? '' : ' without colour'}: the cells painted are the cells Ink would draw`, async t => {
			const level = chalk.level;
			// Ink's styles reach its output only with chalk on, as the program sets it (ui/run.tsx).
			chalk.level = 1;
			let grid: Grid = [];
			const size = {columns, rows};
			const ink = render(<App model={model} color={color} size={size} index={index} onQuit={() => {}} />);
			const cells = render(<App model={model} color={color} size={size} index={index} onQuit={() => {}} paint={g => (grid = g)} />);
			t.after(() => {
				ink.unmount();
				cells.unmount();
				chalk.level = level;
			});
			for (const [what, keys] of SCRIPT) {
				for (const key of keys === '' ? [] : keys.length > 1 && !keys.startsWith('\u001B') ? [...keys] : [keys]) {
					ink.stdin.write(key);
					cells.stdin.write(key);
					await tick();
				}
				await tick();
				for (const [y, row] of grid.entries()) assert.equal(row.length, columns, `after ${what}: row ${y} is ${row.length} cells wide`);
				const painted = gridRows(grid);
				const drawn = inkRows(ink.lastFrame() ?? '');
				const row = painted.findIndex((line, i) => line !== drawn[i]);
				const cell = row < 0 ? -1 : [...painted[row]!].findIndex((ch, i) => ch !== drawn[row]![i]);
				assert.deepEqual(
					painted,
					drawn,
					`after ${what}: row ${row}, from ${JSON.stringify(painted[row]?.slice(Math.max(0, cell - 40), cell + 80))} vs ${JSON.stringify(drawn[row]?.slice(Math.max(0, cell - 40), cell + 80))}`,
				);
			}
			assert.equal(cells.lastFrame(), '', 'Ink itself draws nothing of the painted explorer');
		});
	}
}
