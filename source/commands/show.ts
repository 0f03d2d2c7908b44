// `pa-tui show <region> [<section query>] [--year N] [--json]`: a report, or its best section.

import Fuse from 'fuse.js';
import type {Model} from '../corpus/model.ts';
import {terminalSafeJson} from '../corpus/sanitize.ts';
import type {CorpusDocument, Section} from '../corpus/schema.ts';
import {quoteText} from '../format/quote.ts';
import {type Style, style} from '../format/style.ts';
import {EXIT, type LoadedCorpus, type Output} from './context.ts';
import {NoMatchError, reportsOfYear, resolveRegion} from './resolve.ts';

export interface ShowOptions {
	region: string;
	query: string | undefined;
	year: number | undefined;
	json: boolean;
}

interface Shown {
	document: CorpusDocument;
	sections: Section[];
}

function words(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(w => w.length >= 3);
}

/**
 * When a region has two reports in a year, words of the query that stand in some titles but not
 * all pick those reports ("qinghai" picks the Liaoning–Qinghai pairing report). Returns the
 * reports picked and what is left of the query for the section search.
 */
export function pickByTitle(documents: CorpusDocument[], query: string): {documents: CorpusDocument[]; rest: string} {
	if (documents.length < 2) return {documents, rest: query};
	const titleWords = documents.map(d => new Set(words(d.title)));
	const picking = new Set(
		words(query).filter(w => {
			const n = titleWords.filter(t => t.has(w)).length;
			return n > 0 && n < documents.length;
		}),
	);
	if (picking.size === 0) return {documents, rest: query};
	const picked = documents.filter((_, i) => [...picking].some(w => titleWords[i]!.has(w)));
	const rest = query
		.split(/\s+/)
		.filter(token => !words(token).some(w => picking.has(w)))
		.join(' ');
	return {documents: picked, rest};
}

/** How much worse than the best a section of another report may score and still be shown. */
const SAME_MATCH = 0.1;

export function selectShown(model: Model, options: ShowOptions, output: Output): Shown[] {
	const region = resolveRegion(model, options.region);
	let query = options.query?.trim() ?? '';
	let year = options.year;
	// A year in the query ("show jilin 2009 training") is taken as --year when that is not given.
	if (year === undefined) {
		const tokens = query.split(/\s+/);
		const at = tokens.findIndex(t => /^\d{4}$/.test(t) && region.years.includes(Number(t)));
		if (at >= 0) {
			year = Number(tokens[at]);
			query = tokens.filter((_, i) => i !== at).join(' ');
		}
	}
	if (year === undefined && query !== '') {
		// Without --year, a query naming a report of one other year by its title ("liaoning qinghai") takes that year.
		const byTitle = pickByTitle(region.documents, query).documents;
		const years = new Set(byTitle.map(d => d.year));
		if (byTitle.length < region.documents.length && years.size === 1) year = byTitle[0]!.year;
	}
	const documents = reportsOfYear(region, year, output);
	const whole = (list: CorpusDocument[]) => list.map(document => ({document, sections: document.sections}));
	if (query === '') return whole(documents);
	const picked = pickByTitle(documents, query);
	if (picked.rest.trim() === '') return whole(picked.documents);
	// The best section of each report; a report whose best is clearly worse than another's is left out.
	const best = picked.documents.flatMap(document => {
		const entries = document.sections.filter(s => s.heading !== '');
		const fuse = new Fuse(entries, {keys: ['heading'], includeScore: true, ignoreLocation: true, threshold: 0.4});
		const [hit] = fuse.search(picked.rest.slice(0, 32), {limit: 1});
		return hit ? [{document, section: hit.item, score: hit.score ?? 0}] : [];
	});
	if (best.length === 0) {
		const year = documents[0]!.year;
		throw new NoMatchError(
			`no section of ${region.name} ${year} matches "${quoteText(picked.rest, 40)}" (headings: pa-tui search "${region.name.toLowerCase()} ${year}")`,
		);
	}
	const top = Math.min(...best.map(b => b.score));
	return best.filter(b => b.score <= top + SAME_MATCH).map(b => ({document: b.document, sections: [b.section]}));
}

/** Money amounts of a paragraph, highlighted. */
export function highlightFigures(paragraph: string, section: Section, s: Style): string {
	const texts = [...new Set(section.figures.map(f => f.text))].sort((a, b) => b.length - a.length);
	if (texts.length === 0) return paragraph;
	const pattern = new RegExp(texts.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
	return paragraph.replace(pattern, m => s.money(m));
}

/** `wrap` is given only for a terminal: piped paragraphs stay whole lines. */
export function renderShownText(shown: Shown[], output: Output, wrap?: (text: string, width: number) => string[]): string {
	const s = style(output.color);
	const width = Math.min(output.columns, 100);
	const lines: string[] = [];
	const para = (text: string) => (wrap && width > 0 ? wrap(text, width) : [text]);
	shown.forEach(({document, sections}, i) => {
		if (i > 0) lines.push('');
		lines.push(s.bold(`${document.title} (${document.year})`));
		lines.push(s.dim(`${document.region} · ${document.regionType} · ${document.id}`));
		for (const section of sections) {
			lines.push('');
			if (section.heading !== '') lines.push(s.accent(s.bold(section.heading)));
			for (const [n, paragraph] of section.paragraphs.entries()) {
				if (n > 0) lines.push('');
				lines.push(...para(highlightFigures(paragraph, section, s)));
			}
		}
		if (document.attribution && sections === document.sections) {
			lines.push('');
			lines.push(s.dim(`(${document.attribution})`));
		}
	});
	return `${lines.join('\n')}\n`;
}

export async function runShow(corpus: LoadedCorpus, options: ShowOptions, output: Output): Promise<number> {
	if (options.json) {
		// Chosen in the sanitized model (notes and errors on stderr stay safe), written as stored.
		const shown = selectShown(corpus.display, options, output);
		const data = shown.map(({document, sections}) => {
			const stored = corpus.raw.documentsById.get(document.id)!;
			const {sections: all, ...meta} = stored;
			const chosen = sections === document.sections ? all : sections.map(s => all.find(a => a.id === s.id)!);
			return {document: meta, sections: chosen};
		});
		output.write(`${terminalSafeJson(data, 2)}\n`);
		return EXIT.ok;
	}
	const shown = selectShown(corpus.display, options, output);
	// Wrapping measures text cells (string-width): loaded only when a terminal needs it.
	const wrap = output.isTerminal ? (await import('../format/text.ts')).wrap : undefined;
	output.write(renderShownText(shown, output, wrap));
	return EXIT.ok;
}
