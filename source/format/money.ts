// Money in one unit so magnitudes compare at a glance: millions of yuan, two decimals (up to
// four under a million yuan, so 6,000 yuan is 0.006 and not 0.01).

import {MAX_AMOUNT} from '../corpus/vocabulary.ts';

export const MONEY_UNIT = 'million yuan';

/** What a number that is no amount of money shows as (beyond the loader's bound, or not finite): the column keeps its width. */
const NOT_A_NUMBER = '–';

/**
 * Number formats, made on first use and kept: `toLocaleString` with options builds a formatter
 * on every call (microseconds each, which a table of a thousand rows on every keystroke feels).
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
	const key = `${minimumFractionDigits}/${maximumFractionDigits}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat('en-US', {minimumFractionDigits, maximumFractionDigits});
		formats.set(key, format);
	}
	return format;
}

/** Millions of the given amount: "847.07", "0.006"; -0 is "0.00"; never exponent notation. */
export function formatMillions(yuan: number): string {
	if (!Number.isFinite(yuan) || Math.abs(yuan) > MAX_AMOUNT) return NOT_A_NUMBER;
	// -0 and tiny negatives round to zero: no "-0.00".
	const millions = yuan / 1e6 + 0;
	const digits = millions !== 0 && Math.abs(millions) < 1 ? 4 : 2;
	const rounded = Math.round(millions * 10 ** digits) / 10 ** digits;
	return numberFormat(2, digits).format(rounded === 0 ? 0 : rounded);
}

/** A plain amount with thousands separators and up to two decimals: 1500 → "1,500", 2112.7 → "2,112.7". */
export function formatUnits(value: number): string {
	if (!Number.isFinite(value) || Math.abs(value) > MAX_AMOUNT) return NOT_A_NUMBER;
	const rounded = Math.round(value * 100) / 100;
	return numberFormat(0, 2).format(rounded === 0 ? 0 : rounded);
}

/** Pad amounts on the right so that, right-aligned, their decimal points line up (0.005 over 12.00). */
export function alignDecimals(amounts: string[]): string[] {
	const fraction = (a: string) => (a.includes('.') ? a.length - a.indexOf('.') : 0);
	const most = Math.max(0, ...amounts.map(fraction));
	return amounts.map(a => a + ' '.repeat(most - fraction(a)));
}

/** A share of a total: "18.2%", "<0.1%" for a sliver, '' when there is none. */
export function formatShare(share: number | null): string {
	if (share === null) return '';
	const percent = share * 100;
	return percent > 0 && percent < 0.05 ? '<0.1%' : `${percent.toFixed(1)}%`;
}

/** A change in percent, signed: "+81.56%", "−3%" (`minus` is '-' where the terminal is not UTF-8). */
export function formatChangePercent(percent: number, minus = '−'): string {
	return `${percent < 0 ? minus : '+'}${formatUnits(Math.abs(percent))}%`;
}
