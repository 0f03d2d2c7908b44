// Small statistics over timing samples: median and p95 (nearest rank), min, max, mean.

export interface Summary {
	n: number;
	median: number;
	p95: number;
	min: number;
	max: number;
	mean: number;
}

export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	// Nearest-rank: the smallest sample with at least q of the samples at or below it.
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
	const sorted = [...samples].filter(Number.isFinite).sort((a, b) => a - b);
	const n = sorted.length;
	if (n === 0) return {n: 0, median: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN, mean: Number.NaN};
	const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
	return {
		n,
		median,
		p95: quantile(sorted, 0.95),
		min: sorted[0]!,
		max: sorted[n - 1]!,
		mean: sorted.reduce((a, b) => a + b, 0) / n,
	};
}
