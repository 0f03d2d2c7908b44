// `pa-tui show <region> [<section query>] [--year N] [--json]`: a report, or its best section.

import Fuse from 'fuse.js';
import type {Model} from '../corpus/model.ts';
import type {CorpusDocument, Section} from '../corpus/schema.ts';
import {style, type Style} from '../format/style.ts';
import {wrap} from '../format/text.ts';
import {EXIT, type Output} from './context.ts';
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

/** When a region has two reports in a year, words of the query may pick one by its title. */
function pickByTitle(documents: CorpusDocument[], query: string): CorpusDocument[] {
	if (documents.length < 2) return documents;
	const words = query.toLowerCase().split(/\s+/).filter(w => w.length >= 3);
	const picked = documents.filter(d => words.some(w => d.title.toLowerCase().includes(w)));
	return picked.length > 0 && picked.length < documents.length ? picked : documents;
}

export function selectShown(model: Model, options: ShowOptions, output: Output): Shown[] {
	const region = resolveRegion(model, options.region);
	let documents = reportsOfYear(region, options.year, output);
	if (options.query === undefined || options.query.trim() === '') return documents.map(document => ({document, sections: document.sections}));
	const byTitle = pickByTitle(documents, options.query);
	const entries = byTitle.flatMap(document => document.sections.filter(s => s.heading !== '').map(section => ({document, section})));
	const fuse = new Fuse(entries, {keys: ['section.heading'], includeScore: true, ignoreLocation: true, threshold: 0.4});
	const [best] = fuse.search(options.query.slice(0, 32), {limit: 1});
	if (!best) {
		if (byTitle.length < documents.length) return byTitle.map(document => ({document, sections: document.sections}));
		throw new NoMatchError(`no section of ${region.name} ${documents[0]!.year} matches "${options.query}"`);
	}
	documents = [best.item.document];
	return [{document: best.item.document, sections: [best.item.section]}];
}

/** Money amounts of a paragraph, highlighted. */
export function highlightFigures(paragraph: string, section: Section, s: Style): string {
	const texts = [...new Set(section.figures.map(f => f.text))].sort((a, b) => b.length - a.length);
	if (texts.length === 0) return paragraph;
	const pattern = new RegExp(texts.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
	return paragraph.replace(pattern, m => s.money(m));
}

export function renderShownText(shown: Shown[], output: Output): string {
	const s = style(output.color);
	const width = output.isTerminal ? Math.min(output.columns, 100) : 0;
	const lines: string[] = [];
	const para = (text: string) => (width > 0 ? wrap(text, width) : [text]);
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

export function runShow(raw: Model, display: Model, options: ShowOptions, output: Output): number {
	if (options.json) {
		const shown = selectShown(raw, options, output);
		const data = shown.map(({document, sections}) => {
			const {sections: _all, ...meta} = document;
			return {document: meta, sections};
		});
		output.write(`${JSON.stringify(data, null, 2)}\n`);
		return EXIT.ok;
	}
	output.write(renderShownText(selectShown(display, options, output), output));
	return EXIT.ok;
}
