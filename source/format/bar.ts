// An inline bar for a table row, scaled to the largest value of the table: eighth blocks for a
// smooth length in a UTF-8 terminal, '#' (whole cells) otherwise.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL = '█';

/**
 * `value` of `max` as a bar of at most `cells` cells, padded with spaces to exactly `cells`. A
 * value above zero always shows (one eighth, or one '#'); zero, a negative or an unknown scale shows nothing.
 */
export function bar(value: number, max: number, cells: number, unicode: boolean): string {
	if (cells <= 0) return '';
	const fraction = max > 0 && value > 0 && Number.isFinite(value) ? Math.min(1, value / max) : 0;
	let drawn = '';
	if (fraction > 0) {
		if (unicode) {
			const eighths = Math.max(1, Math.round(fraction * cells * 8));
			drawn = FULL.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
		} else drawn = '#'.repeat(Math.max(1, Math.round(fraction * cells)));
	}
	return drawn + ' '.repeat(cells - [...drawn].length);
}
