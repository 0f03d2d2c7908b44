// Money in one unit so magnitudes compare at a glance: millions of yuan, two decimals (up to
// four under a million yuan, so 6,000 yuan is 0.006 and not 0.01).

export const MONEY_UNIT = 'million yuan';

export function formatMillions(yuan: number): string {
	const millions = yuan / 1e6;
	return millions.toLocaleString('en-US', {
		minimumFractionDigits: 2,
		maximumFractionDigits: millions !== 0 && Math.abs(millions) < 1 ? 4 : 2,
	});
}

/** Pad amounts on the right so that, right-aligned, their decimal points line up (0.005 over 12.00). */
export function alignDecimals(amounts: string[]): string[] {
	const fraction = (a: string) => (a.includes('.') ? a.length - a.indexOf('.') : 0);
	const most = Math.max(0, ...amounts.map(fraction));
	return amounts.map(a => a + ' '.repeat(most - fraction(a)));
}
