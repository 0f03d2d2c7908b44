// A section as lines for the reading pane: wrapped to a width, with the spans to highlight
// (money amounts, search matches) carried through the wrapping. Pure.

import {editDistance} from '../../corpus/model.ts';
import type {CorpusDocument, Section} from '../../corpus/schema.ts';
import {width as cells, graphemes} from '../../format/text.ts';
import {wordStartPatterns} from '../../search/patterns.ts';
import {type Line, type Mark, OPENING, type Segment} from './spec.ts';

interface Span {
	start: number;
	end: number;
	mark: Mark;
	/** Which figure or match this span is. */
	index: number;
}

export interface SectionView {
	lines: Line[];
	/** For each search match, in reading order, the line it starts on. */
	matchLines: number[];
	/** For each figure of the section, the line it is on (-1 when not found in the text). */
	figureLines: number[];
	/** For each paragraph, its first line; and for each paragraph, the index of its first match. */
	paragraphLines: number[];
	paragraphFirstMatch: number[];
}

export interface ReadOptions {
	/** Figure to show as selected (from the funds table). */
	selectedFigure?: number;
	/** Words to highlight (a full-text search). */
	query?: string;
	/** Which match is current (n/N). */
	currentMatch?: number;
}

/** Locate every figure's text in the paragraphs, in order; a figure not found is skipped. */
export function figureSpans(section: Section): Array<{paragraph: number; start: number; end: number} | undefined> {
	const out: Array<{paragraph: number; start: number; end: number} | undefined> = [];
	let p = 0;
	let at = 0;
	for (const figure of section.figures) {
		let found: {paragraph: number; start: number; end: number} | undefined;
		for (let q = p; q < section.paragraphs.length && !found; q++) {
			const i = section.paragraphs[q]!.indexOf(figure.text, q === p ? at : 0);
			if (i >= 0) found = {paragraph: q, start: i, end: i + figure.text.length};
		}
		// Out of order in the text: look from the start.
		for (let q = 0; q < section.paragraphs.length && !found; q++) {
			const i = section.paragraphs[q]!.indexOf(figure.text);
			if (i >= 0) found = {paragraph: q, start: i, end: i + figure.text.length};
		}
		if (found) {
			p = found.paragraph;
			at = found.end;
		}
		out.push(found);
	}
	return out;
}

export function queryTerms(query: string | undefined): string[] {
	return (query ?? '')
		.toLowerCase()
		.split(/\s+/)
		.filter(t => t.length > 0);
}

function matchSpans(text: string, terms: string[]): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	// Where a word starts, as the full-text search matches: "rain" is not in "training".
	for (const pattern of wordStartPatterns(terms)) {
		for (const m of text.matchAll(pattern)) out.push([m.index!, m.index! + m[0].length]);
	}
	out.sort((a, b) => a[0] - b[0]);
	// Drop overlaps.
	const merged: Array<[number, number]> = [];
	for (const r of out) {
		const last = merged.at(-1);
		if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
		else merged.push([...r]);
	}
	return merged;
}

/** Greedy word wrap that keeps character offsets: [start, end) of each line in `text`. */
export function wrapOffsets(text: string, width: number): Array<[number, number]> {
	const lines: Array<[number, number]> = [];
	if (width <= 0) return [[0, text.length]];
	const words = [...text.matchAll(/\S+/g)].map(m => [m.index!, m.index! + m[0].length] as [number, number]);
	let lineStart = -1;
	let lineEnd = -1;
	let used = 0;
	for (let [start, end] of words) {
		let w = cells(text.slice(start, end));
		// The gap as it stands: two spaces after a full stop are two cells.
		const gap = lineStart >= 0 ? cells(text.slice(lineEnd, start)) : 0;
		if (lineStart >= 0 && used + gap + w <= width) {
			lineEnd = end;
			used += gap + w;
			continue;
		}
		if (lineStart >= 0) lines.push([lineStart, lineEnd]);
		// A word longer than the line is cut.
		while (w > width) {
			let cut = start;
			let cw = 0;
			const parts = graphemes(text.slice(start, end));
			for (const g of parts) {
				const c = cells(g);
				if (cw + c > width) break;
				cw += c;
				cut += g.length;
			}
			// Not even one grapheme fits: it goes on a line of its own (the raster cuts it).
			if (cut === start) cut = start + parts[0]!.length;
			lines.push([start, cut]);
			start = cut;
			w = cells(text.slice(start, end));
		}
		lineStart = start;
		lineEnd = end;
		used = w;
	}
	if (lineStart >= 0) lines.push([lineStart, lineEnd]);
	if (lines.length === 0) lines.push([0, 0]);
	return lines;
}

/** Cut [from, to) of `text` into segments by spans (sorted, non-overlapping). */
function segmentsOf(text: string, from: number, to: number, spans: Span[]): Segment[] {
	const out: Segment[] = [];
	let at = from;
	for (const s of spans) {
		if (s.end <= from || s.start >= to) continue;
		const a = Math.max(s.start, from);
		const b = Math.min(s.end, to);
		if (a > at) out.push({text: text.slice(at, a)});
		if (b > a) out.push({text: text.slice(Math.max(a, at), b), mark: s.mark});
		at = Math.max(at, b);
	}
	if (at < to) out.push({text: text.slice(at, to)});
	if (out.length === 0) out.push({text: ''});
	return out;
}

function wrapPlain(text: string, width: number, mark?: Mark): Line[] {
	return wrapOffsets(text, width).map(([a, b]) => [mark ? {text: text.slice(a, b), mark} : {text: text.slice(a, b)}]);
}

/** The lines of a section in the reading pane. */
export function sectionView(
	document: CorpusDocument,
	region: string,
	sectionIndex: number,
	width: number,
	options: ReadOptions = {},
	/** Where the report comes from ("library, jilin-2010.html"), shown after its title. */
	origin?: string,
): SectionView {
	const section = document.sections[sectionIndex];
	const lines: Line[] = [];
	const matchLines: number[] = [];
	const paragraphLines: number[] = [];
	const paragraphFirstMatch: number[] = [];
	if (!section) return {lines: [[{text: 'No section.'}]], matchLines, figureLines: [], paragraphLines, paragraphFirstMatch};
	lines.push(...wrapPlain(section.heading || OPENING, width, 'heading'));
	lines.push(...wrapPlain(`${region} · ${document.year} · ${document.title}${origin ? ` · ${origin}` : ''}`, width, 'meta'));
	lines.push([{text: ''}]);
	const figures = figureSpans(section);
	const figureLines = figures.map(() => -1);
	const terms = queryTerms(options.query);
	let matchIndex = 0;
	section.paragraphs.forEach((text, p) => {
		// A tab or line break inside a paragraph is a space: one cell, and the offsets stay.
		const paragraph = text.replace(/[\t\n\r\f\v]/g, ' ');
		if (p > 0) lines.push([{text: ''}]);
		paragraphLines.push(lines.length);
		paragraphFirstMatch.push(matchIndex);
		const spans: Span[] = [];
		figures.forEach((f, i) => {
			if (f && f.paragraph === p)
				spans.push({start: f.start, end: f.end, mark: i === options.selectedFigure ? 'money-selected' : 'money', index: i});
		});
		const matches = terms.length > 0 ? matchSpans(paragraph, terms) : [];
		// Matches win over money where they overlap: drop money spans that overlap a match.
		const kept = spans.filter(s => !matches.some(([a, b]) => a < s.end && s.start < b));
		for (const [a, b] of matches) {
			kept.push({start: a, end: b, mark: matchIndex === options.currentMatch ? 'match-current' : 'match', index: matchIndex});
			matchIndex++;
		}
		kept.sort((x, y) => x.start - y.start);
		for (const [a, b] of wrapOffsets(paragraph, width)) {
			const lineNo = lines.length;
			for (const s of kept) {
				if (s.start >= a && s.start < b) {
					if (s.mark === 'match' || s.mark === 'match-current') matchLines[s.index] = lineNo;
					else figureLines[s.index] = lineNo;
				}
			}
			lines.push(segmentsOf(paragraph, a, b, kept));
		}
	});
	return {lines, matchLines, figureLines, paragraphLines, paragraphFirstMatch};
}

/** Segments of `text` with [start, end) ranges marked. */
export function highlight(text: string, ranges: Array<[number, number]>, mark: Mark): Segment[] {
	const spans = [...ranges].sort((a, b) => a[0] - b[0]).map(([start, end], index) => ({start, end, mark, index}));
	return segmentsOf(text, 0, text.length, spans);
}

/**
 * What to highlight in a heading found by a fuzzy search: the words that match a query word
 * closely (a prefix, or a typo or two: "relocaton" marks "Relocation"), which reads better
 * than fuse.js's scattered character ranges; those are the fallback.
 */
export function headingRanges(heading: string, query: string, fuzzy: Array<[number, number]>): Array<[number, number]> {
	const terms = queryTerms(query)
		.map(t => t.replace(/[^a-z0-9]/g, ''))
		.filter(t => t.length >= 2);
	const ranges: Array<[number, number]> = [];
	for (const m of heading.matchAll(/[\p{L}\p{N}]+/gu)) {
		const word = m[0].toLowerCase();
		const hit = terms.some(t => {
			if (word.startsWith(t) || (t.length >= 4 && t.startsWith(word) && word.length >= 4)) return true;
			const allowed = t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0;
			return allowed > 0 && editDistance(t, word.slice(0, t.length + 1)) <= allowed;
		});
		if (hit) ranges.push([m.index!, m.index! + m[0].length]);
	}
	return ranges.length > 0 ? ranges : fuzzy;
}
