// `pa-tui search <query> [--text] [--limit N] [--json]`

import type {Model} from '../corpus/model.ts';
import {createSearchIndex} from '../search/index.ts';
import {style} from '../format/style.ts';
import {pad, width} from '../format/text.ts';
import {EXIT, type Output} from './context.ts';

export interface SearchOptions {
	query: string;
	text: boolean;
	limit: number;
	json: boolean;
}

function highlight(text: string, ranges: Array<[number, number]>, mark: (s: string) => string): string {
	let out = '';
	let at = 0;
	for (const [a, b] of ranges) {
		if (a < at) continue;
		out += text.slice(at, a) + mark(text.slice(a, b));
		at = b;
	}
	return out + text.slice(at);
}

export function runSearch(raw: Model, display: Model, options: SearchOptions, output: Output): number {
	const model = options.json ? raw : display;
	const index = createSearchIndex(model);
	const s = style(output.color);
	if (options.text) {
		const hits = index.text(options.query, options.limit);
		if (options.json) {
			output.write(`${JSON.stringify(hits.map(h => ({documentId: h.document.id, region: h.document.region, year: h.document.year, sectionId: h.section.id, heading: h.section.heading, paragraph: h.paragraphIndex, sentence: h.excerpt})), null, 2)}\n`);
		} else {
			for (const h of hits) {
				output.write(`${s.bold(`${h.document.region} ${h.document.year}`)}  ${s.accent(h.section.heading || '—')}\n  ${highlight(h.excerpt, h.ranges, s.money)}\n`);
			}
		}
		return hits.length > 0 ? EXIT.ok : EXIT.noMatch;
	}
	const hits = index.headings(options.query, options.limit);
	if (options.json) {
		output.write(`${JSON.stringify(hits.map(h => ({documentId: h.document.id, region: h.document.region, year: h.document.year, sectionId: h.section.id, heading: h.heading, score: Number(h.score.toFixed(3))})), null, 2)}\n`);
	} else {
		const regionWidth = Math.max(0, ...hits.map(h => width(`${h.document.region} ${h.document.year}`)));
		for (const h of hits) {
			// fuse.js ranges are inclusive.
			const ranges = h.ranges.map(([a, b]) => [a, b + 1] as [number, number]);
			output.write(`${pad(`${h.document.region} ${h.document.year}`, regionWidth)}  ${highlight(h.heading, ranges, s.accent)}  ${s.dim((1 - h.score).toFixed(2))}\n`);
		}
	}
	return hits.length > 0 ? EXIT.ok : EXIT.noMatch;
}
