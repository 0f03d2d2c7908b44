// A build-time patch of Ink 6.8's output stage, which builds every frame cell by cell:
// - Ink turns every line of every text node into styled characters (tokenize) with a cache that
//   lives for one frame; between two frames of ours almost every line is the same string, so
//   each frame's cache also looks in the previous frame's. Only two frames' worth is ever kept:
//   a longer-lived cache made the heap grow (old garbage) over thousands of keys.
// - Every frame starts as a grid of fresh blank cells, and every row is turned back into a
//   string. With one shared blank cell and cached characters, a row whose cells are the very
//   same objects as last frame's row is the same string: it is reused instead of rebuilt.
// - When pa-tui's output layer has registered to take it (globalThis[Symbol.for('pa-tui.ink-grid')]),
//   the grid itself is handed over and Ink writes the token that taker returns: the output layer
//   diffs cells, so turning rows into strings only for it to parse them back is wasted work.
// Ink never mutates a cell object: it only puts them into the grid and reads them.

const CACHE_FIELD = '    caches = new OutputCaches();';
const BLANK_CELL = `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;
const ROW_STRINGS = `        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');`;

const STYLED = '            cached = styledCharsFromTokens(tokenize(line));';
const WIDTH = '            cached = stringWidth(text);';

const HELPERS = `let previousGeneration;
let currentGeneration;
function nextGeneration() {
    previousGeneration = currentGeneration;
    currentGeneration = new OutputCaches();
    return currentGeneration;
}
const BLANK = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let previousRows = [];
let previousStrings = [];
function rowString(line, y) {
    const before = previousRows[y];
    if (before !== undefined && before.length === line.length) {
        let same = true;
        for (let x = 0; x < line.length; x++) {
            if (line[x] !== before[x]) {
                same = false;
                break;
            }
        }
        if (same) {
            return previousStrings[y];
        }
    }
    const text = styledCharsToString(line.filter(item => item !== undefined)).trimEnd();
    previousRows[y] = line;
    previousStrings[y] = text;
    return text;
}
`;

export function patchInkOutput(source) {
	for (const part of [CACHE_FIELD, BLANK_CELL, ROW_STRINGS, STYLED, WIDTH, 'export default class Output {']) {
		if (!source.includes(part)) throw new Error('ink/build/output.js changed: update scripts/ink-patch.mjs');
	}
	return source
		.replace('export default class Output {', `${HELPERS}export default class Output {`)
		.replace(CACHE_FIELD, '    caches = nextGeneration();')
		.replace(STYLED, '            cached = previousGeneration?.styledChars.get(line) ?? styledCharsFromTokens(tokenize(line));')
		.replace(WIDTH, '            cached = previousGeneration?.widths.get(text) ?? stringWidth(text);')
		.replace(BLANK_CELL, '                row.push(BLANK);')
		.replace(ROW_STRINGS, `        const gridSink = globalThis[Symbol.for('pa-tui.ink-grid')];
        if (gridSink) {
            return { output: gridSink(output), height: output.length };
        }
        const generatedOutput = output.map((line, y) => rowString(line, y)).join('\\n');`);
}
