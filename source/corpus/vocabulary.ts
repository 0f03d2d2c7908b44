// The words and bounds of the corpus format that code outside the schema needs (command options,
// formatting), apart from the schema so that using them does not load zod.

export const regionTypes = ['province', 'autonomous region', 'municipality', 'special administrative region', 'corps'] as const;

/** What an amount is (README, "How figures are read"): money put in, credit, earnings, a measure of an economy, an eligibility line, or none. */
export const figureKinds = ['funds', 'loan', 'income', 'economy', 'threshold', 'other'] as const;
export const figureStatuses = ['actual', 'planned'] as const;
export const figureRoles = ['whole', 'part', 'change'] as const;
/** ISO 4217 codes of the currencies the extractor reads. */
export const currencies = ['CNY', 'USD'] as const;

/**
 * The largest amount a figure may hold, in its own currency: 10^15, a thousand trillion (China's
 * GDP is about 10^14 yuan). Beyond it a number is a garbled table or a hostile file, not money,
 * and would only widen every amount column; the loader refuses it.
 */
export const MAX_AMOUNT = 1e15;
/** The largest percentage change a figure may state (a 10,000-fold rise). */
export const MAX_PERCENT = 1e6;

export type RegionType = (typeof regionTypes)[number];
