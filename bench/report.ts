// The results table: printed to the terminal, written as JSON (bench/results/latest.json) and as
// Markdown (bench/RESULTS.md).

import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

export interface Row {
	group: string;
	metric: string;
	unit: 'ms' | 'B' | 'MB' | 'cells';
	median?: number;
	p95?: number;
	n?: number;
	baseline?: {name: string; median?: number; p95?: number};
	/** The figure the ratio and target use, e.g. "median" or "p95". */
	judged?: 'median' | 'p95';
	/**
	 * The ratio when it is not judged ÷ baseline on one statistic: e.g. the median of per-sample
	 * ratios, each sample against its own allowance.
	 */
	ratio?: number;
	target?: string;
	pass?: boolean;
	note?: string;
}

const fmt = (value: number | undefined, unit: Row['unit']) => {
	if (value === undefined || !Number.isFinite(value)) return '–';
	if (unit === 'B' || unit === 'cells') return `${Math.round(value)}`;
	if (unit === 'MB') return value.toFixed(1);
	return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
};

export function ratioOf(row: Row): number | undefined {
	if (row.ratio !== undefined) return Number.isFinite(row.ratio) ? row.ratio : undefined;
	const judged = row.judged ?? 'median';
	const value = row[judged];
	const base = row.baseline?.[judged];
	if (value === undefined || base === undefined || !Number.isFinite(value) || !Number.isFinite(base) || base === 0) return undefined;
	return value / base;
}

/** Columns holding numbers (right-aligned). */
const NUMERIC = new Set([2, 3, 4, 6, 7, 8]);

const HEADER = ['group', 'metric', 'median', 'p95', 'n', 'baseline', 'base median', 'base p95', 'ratio', 'target', 'result'];

function cells(row: Row): string[] {
	const ratio = ratioOf(row);
	const u = row.unit;
	return [
		row.group,
		row.metric,
		`${fmt(row.median, u)} ${u}`,
		row.p95 === undefined ? '–' : `${fmt(row.p95, u)} ${u}`,
		row.n === undefined ? '–' : String(row.n),
		row.baseline?.name ?? '–',
		row.baseline?.median === undefined ? '–' : `${fmt(row.baseline.median, u)} ${u}`,
		row.baseline?.p95 === undefined ? '–' : `${fmt(row.baseline.p95, u)} ${u}`,
		ratio === undefined ? '–' : `${ratio.toFixed(2)}×`,
		row.target ?? '–',
		row.pass === undefined ? (row.note ? 'n/a' : '–') : row.pass ? 'PASS' : 'MISS',
	];
}

export function textTable(rows: Row[]): string {
	const table = [HEADER, ...rows.map(cells)];
	const widths = HEADER.map((_, i) => Math.max(...table.map(r => [...r[i]!].length)));
	const line = (r: string[]) =>
		r
			.map((c, i) => (NUMERIC.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(HEADER), widths.map(w => '─'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
	const esc = (s: string) => s.replace(/\|/g, '\\|');
	return [
		`| ${HEADER.join(' | ')} |`,
		`|${HEADER.map((_, i) => (NUMERIC.has(i) ? '---:' : '---')).join('|')}|`,
		...rows.map(r => `| ${cells(r).map(esc).join(' | ')} |`),
	].join('\n');
}

export function writeJson(file: string, data: unknown): void {
	mkdirSync(dirname(file), {recursive: true});
	writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

export function writeMarkdown(file: string, title: string, meta: string[], rows: Row[], notes: string[]): void {
	const text = [
		`# ${title}`,
		'',
		...meta.map(m => `- ${m}`),
		'',
		markdownTable(rows),
		'',
		...(notes.length ? ['## Notes', '', ...notes.map(n => `- ${n}`), ''] : []),
	].join('\n');
	writeFileSync(file, text);
}
