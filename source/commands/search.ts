// `pa-tui search <query> [--text] [--limit N] [--json]`

import {terminalSafeJson} from '../corpus/sanitize.ts';
import {quoteText} from '../format/quote.ts';
import {style} from '../format/style.ts';
import {pad, truncate, width, wrap} from '../format/text.ts';
import {createSearchIndex} from '../search/index.ts';
import {EXIT, type LoadedCorpus, type Output} from './context.ts';

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

/** fuse.js scores 0 for a perfect match; people read 1 as perfect. */
export function displayScore(fuseScore: number): number {
	return Number((1 - fuseScore).toFixed(3));
}

export function runSearch(corpus: LoadedCorpus, options: SearchOptions, output: Output): number {
	const model = options.json ? corpus.raw : corpus.display;
	const index = createSearchIndex(model);
	const s = style(output.color);
	const lineWidth = output.isTerminal ? output.columns : 0;
	if (options.text) {
		const hits = index.text(options.query, options.limit);
		if (options.json) {
			output.write(
				`${terminalSafeJson(
					hits.map(h => ({
						documentId: h.document.id,
						region: h.document.region,
						year: h.document.year,
						sectionId: h.section.id,
						heading: h.section.heading,
						paragraph: h.paragraphIndex,
						sentence: h.excerpt,
					})),
					2,
				)}\n`,
			);
		} else {
			const lines: string[] = [];
			for (const h of hits) {
				const where = `${h.document.region} ${h.document.year}`;
				const heading = h.section.heading || '—';
				lines.push(
					`${s.bold(where)}  ${s.accent(lineWidth > 0 ? truncate(heading, Math.max(10, lineWidth - width(where) - 2)) : heading)}`,
				);
				const sentence = highlight(h.excerpt, h.ranges, s.money);
				// To a terminal the sentence is wrapped under the hit, indented; piped, one line.
				lines.push(...(lineWidth > 0 ? wrap(sentence, Math.max(20, lineWidth - 2)) : [sentence]).map(l => `  ${l}`));
			}
			if (lines.length > 0) output.write(`${lines.join('\n')}\n`);
		}
		if (hits.length === 0) output.note(`pa-tui: no sentence matches "${quoteText(options.query, 40)}"`);
		return hits.length > 0 ? EXIT.ok : EXIT.noMatch;
	}
	const hits = index.headings(options.query, options.limit);
	if (options.json) {
		output.write(
			`${terminalSafeJson(
				hits.map(h => ({
					documentId: h.document.id,
					region: h.document.region,
					year: h.document.year,
					sectionId: h.section.id,
					heading: h.heading,
					score: displayScore(h.score),
				})),
				2,
			)}\n`,
		);
	} else {
		const regionWidth = Math.max(0, ...hits.map(h => width(`${h.document.region} ${h.document.year}`)));
		// Region and year, heading, score: aligned columns; to a terminal, long headings are cut.
		const headingRoom = lineWidth > 0 ? Math.max(10, lineWidth - regionWidth - 8) : Infinity;
		const headingWidth = Math.min(headingRoom, Math.max(0, ...hits.map(h => width(h.heading))));
		for (const h of hits) {
			// fuse.js ranges are inclusive.
			const ranges = h.ranges.map(([a, b]) => [a, b + 1] as [number, number]);
			const heading = truncate(h.heading, headingWidth);
			const marked = heading === h.heading ? highlight(h.heading, ranges, s.accent) : heading;
			const fill = ' '.repeat(Math.max(0, headingWidth - width(heading)));
			output.write(
				`${pad(`${h.document.region} ${h.document.year}`, regionWidth)}  ${marked}${fill}  ${s.dim(displayScore(h.score).toFixed(2))}\n`,
			);
		}
	}
	if (hits.length === 0) output.note(`pa-tui: no heading matches "${quoteText(options.query, 40)}" (try --text to search the paragraphs)`);
	return hits.length > 0 ? EXIT.ok : EXIT.noMatch;
}
