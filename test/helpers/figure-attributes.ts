// Figures of the built corpus against the expectations written by reading the text
// (test/expectations/figure-attributes.json): for each attribute, how many amounts match.

import {readFileSync} from 'node:fs';
import type {Corpus, Figure} from '../../source/corpus/schema.ts';
import {root} from './corpus.ts';

export interface ExpectedFigure {
	text: string;
	value: number;
	currency: string;
	kind: string;
	per: string | null;
	status: string;
	role: string;
	/** Index into the report's own list of the whole (part) or the changed amount (change). */
	of: number | null;
	changePercent: number | null;
	changeYuan: number | null;
	note?: string;
}

export interface ExpectedReport {
	source: string;
	title: string;
	figures: ExpectedFigure[];
}

export const ATTRIBUTES = ['value', 'currency', 'kind', 'per', 'status', 'role', 'of', 'changePercent', 'changeYuan'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export function expectedReports(): ExpectedReport[] {
	return JSON.parse(readFileSync(`${root}test/expectations/figure-attributes.json`, 'utf8')).reports;
}

export interface Scored {
	/** Amounts expected. */
	total: number;
	/** Expected amounts the extractor found (same text, in order). */
	found: number;
	right: Record<Attribute, number>;
	misses: Record<Attribute | 'found', string[]>;
}

/**
 * The report's figures in order with report-wide link indices, then each expected amount paired
 * with the next figure of the same text (a missing amount leaves the others paired).
 */
export function score(corpus: Corpus, reports: ExpectedReport[]): Scored {
	const right = Object.fromEntries(ATTRIBUTES.map(a => [a, 0])) as Record<Attribute, number>;
	const misses = Object.fromEntries([...ATTRIBUTES, 'found'].map(a => [a, []])) as unknown as Scored['misses'];
	let total = 0;
	let found = 0;
	for (const report of reports) {
		const document = corpus.documents.find(d => d.source === report.source && d.title === report.title);
		if (!document) throw new Error(`no report "${report.title}" from ${report.source}`);
		const got: Array<{figure: Figure; of: number | null}> = [];
		for (const section of document.sections) {
			const offset = got.length;
			for (const figure of section.figures) {
				const link = figure.partOf ?? figure.changeOf;
				got.push({figure, of: link === null ? null : link + offset});
			}
		}
		// Expected index → produced index, and back.
		const pair = new Map<number, number>();
		const back = new Map<number, number>();
		let cursor = 0;
		report.figures.forEach((want, e) => {
			for (let g = cursor; g < Math.min(got.length, cursor + 8); g++) {
				if (got[g]!.figure.text === want.text) {
					pair.set(e, g);
					back.set(g, e);
					cursor = g + 1;
					return;
				}
			}
		});
		const where = (e: number) => `${document.id} #${e} ${report.figures[e]!.text}`;
		report.figures.forEach((want, e) => {
			total++;
			const g = pair.get(e);
			if (g === undefined) {
				misses.found.push(`${where(e)}: not found`);
				for (const a of ATTRIBUTES) misses[a].push(`${where(e)}: not found`);
				return;
			}
			found++;
			const {figure, of} = got[g]!;
			const actual: Record<Attribute, unknown> = {
				value: figure.value,
				currency: figure.currency,
				kind: figure.kind,
				per: figure.per,
				status: figure.status,
				role: figure.role,
				of: of === null ? null : (back.get(of) ?? `unpaired ${of}`),
				changePercent: figure.changePercent,
				changeYuan: figure.changeYuan,
			};
			for (const a of ATTRIBUTES) {
				const w = want[a];
				const v = actual[a];
				const same = typeof w === 'number' && typeof v === 'number' ? Math.abs(w - v) <= Math.abs(w) * 1e-9 : w === v;
				if (same) right[a]++;
				else
					misses[a].push(
						`${where(e)}: expected ${JSON.stringify(w)}, got ${JSON.stringify(v)} — ${figure.label}${want.note ? ` (note: ${want.note})` : ''}`,
					);
			}
		});
	}
	return {total, found, right, misses};
}
