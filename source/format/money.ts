// Money in one unit so magnitudes compare at a glance: millions of yuan, two decimals.

export const MONEY_UNIT = 'million yuan';

export function formatMillions(yuan: number): string {
	const millions = yuan / 1e6;
	const digits = millions !== 0 && Math.abs(millions) < 0.01 ? 4 : 2;
	return millions.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
}
