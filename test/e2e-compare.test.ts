// Compare through the real binary in a pseudo-terminal, at 80×24 and 120×40: the view, the way
// into the evidence and back, and the copy as the OSC 52 bytes a terminal (or tmux) receives.
// Expectation read from the text (002, Fujian 2012, Poverty Alleviation by Relocation): 7.013
// billion put in, a one-million subsidy and 100 million for the year, 7,114.00 million in all.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {built, LEAVE, launch} from './helpers/pty.ts';

const skip = !built && 'dist/ not built (npm run build)';

for (const [columns, rows] of [
	[80, 24],
	[120, 40],
] as const) {
	test(`${columns}×${rows}: compare relocation, open Fujian's evidence, come back, copy the rows (OSC 52)`, {
		skip,
		timeout: 60000,
	}, async t => {
		const ui = launch({columns, rows});
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
		ui.press('c');
		await ui.until(s => s.includes('What money:'), 'Compare');
		ui.press('relocation');
		let screen = await ui.until(s => /› Fujian\s+2012\s+7,114\.00\s+3\s/.test(s), 'Fujian first');
		for (const line of screen.split('\n')) assert.ok([...line].length <= columns, `fits: ${line}`);
		assert.match(screen.split('\n')[rows - 1]!, /Enter open/);
		ui.press('\r');
		screen = await ui.until(s => s.includes('7,013.00') && /Funds ·.*3 figures/.test(s), "Fujian's figures of the total");
		ui.press('\r');
		await ui.until(s => /Text/.test(s) && s.includes('7.013 billion'), 'the text at the amount');
		ui.press('\u007f');
		await ui.until(s => /Funds ·.*3 figures/.test(s), 'Backspace: the funds table');
		ui.press('\u007f');
		await ui.until(s => s.includes('What money: relocation'), 'Backspace: Compare');
		// Back in the query box, as it was left: Tab to the table, where y copies.
		ui.press('\ty');
		await ui.until(s => /copied \d+ rows as TSV/.test(s), 'the copy note');
		const osc = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(ui.output());
		assert.ok(osc, 'OSC 52 written to the terminal');
		const tsv = Buffer.from(osc[1]!, 'base64').toString('utf8').split('\n');
		assert.equal(tsv[0], 'report\tyuan\tper\tfigures\tshare\tlargest');
		assert.match(tsv[1]!, /^Fujian 2012\t7114000000\t\t3\t/);
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
		assert.ok(ui.output().endsWith(LEAVE));
	});
}
