// Splitting a raw file into report blocks: title, paragraphs, attribution.

import {isHeadingLike} from './headings.ts';
import {IngestError, quoteRaw} from './raw-text.ts';

export interface Line {
	text: string;
	/** 1-based line number in the raw file. */
	line: number;
}

export interface ReportBlock {
	title: Line;
	paragraphs: Line[];
	attribution: Line[] | null;
}

const EDGE_SPACE = /[\s\u00a0\u3000\ufeff]/;

/**
 * Trimmed of spaces, non-breaking and ideographic spaces and BOMs. By hand: a regular expression
 * `[\s…]+$` takes time quadratic in a long run of spaces inside the line.
 */
function trimEdges(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && EDGE_SPACE.test(text[start]!)) start++;
	while (end > start && EDGE_SPACE.test(text[end - 1]!)) end--;
	return text.slice(start, end);
}

/** Non-blank lines, trimmed; lines of only spaces or non-breaking spaces are not paragraphs. */
export function contentLines(text: string): Line[] {
	const lines: Line[] = [];
	text.split('\n').forEach((raw, i) => {
		const trimmed = trimEdges(raw);
		if (trimmed !== '') lines.push({text: trimmed, line: i + 1});
	});
	return lines;
}

/**
 * The website footer: trailing lines written mostly in Chinese (the reports are in English), or
 * without a letter (page numbers, rules). A short English line ("It rose.", "(Li Na)") is text.
 */
function isFooterLine(text: string): boolean {
	const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
	const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
	return han > latin || !/\p{L}/u.test(text);
}

export function withoutFooter(lines: Line[]): Line[] {
	let end = lines.length;
	while (end > 0 && isFooterLine(lines[end - 1]!.text)) end--;
	return lines.slice(0, end);
}

export function isTitleLike(text: string): boolean {
	if (text.startsWith('(') || text.startsWith('【')) return false;
	const words = text.split(/\s+/);
	if (words.length > 16 || !isHeadingLike(words)) return false;
	// Titles are in title case: most words that are not short function words are capitalised.
	const content = words.filter(w => w.length > 3);
	const capitalised = content.filter(w => /^[\p{Lu}“"‘']/u.test(w));
	return content.length > 0 && capitalised.length / content.length >= 0.6;
}

/** Lines `(Name, Office)` or `(Name, Office of` + `Region)` at the end of a report. */
function attributionAt(lines: Line[], i: number): number {
	const first = lines[i]!.text;
	if (!first.startsWith('(')) return 0;
	for (let n = 0; n < 3 && i + n < lines.length; n++) {
		const t = lines[i + n]!.text;
		if (n > 0 && t.includes('(')) return 0;
		if (t.endsWith(')')) return n + 1;
		if (t.length > 300) return 0;
	}
	return 0;
}

function firstWords(text: string, n: number): string {
	return text.split(/\s+/).slice(0, n).join(' ').toLowerCase();
}

export function splitReports(file: string, lines: Line[]): ReportBlock[] {
	const body = withoutFooter(lines);
	if (body.length === 0) throw new IngestError(file, 'holds no text (empty apart from a footer or blank lines)');
	let i = 0;
	// A chapter heading ("Local Poverty Alleviation") stands before the first title: skip title-like
	// lines that are directly followed by another title-like line.
	while (i + 1 < body.length && isTitleLike(body[i]!.text) && isTitleLike(body[i + 1]!.text)) i++;
	if (!isTitleLike(body[i]!.text)) {
		throw new IngestError(
			file,
			'holds no recognisable report: expected a title line such as "Poverty Alleviation and Development in Jilin Province"',
			body[i]!.line,
		);
	}
	const titlePattern = firstWords(body[i]!.text, 3);
	const reports: ReportBlock[] = [];
	let current: ReportBlock = {title: body[i]!, paragraphs: [], attribution: null};
	i++;
	const startReport = (title: Line) => {
		reports.push(current);
		current = {title, paragraphs: [], attribution: null};
	};
	while (i < body.length) {
		const line = body[i]!;
		const span = attributionAt(body, i);
		if (span > 0) {
			const after = body[i + span];
			if (after === undefined || isTitleLike(after.text)) {
				current.attribution = body.slice(i, i + span);
				i += span;
				if (after !== undefined) {
					startReport(after);
					i++;
				}
				continue;
			}
		}
		if (current.paragraphs.length > 0 && isTitleLike(line.text) && firstWords(line.text, 3) === titlePattern) {
			startReport(line);
			i++;
			continue;
		}
		current.paragraphs.push(line);
		i++;
	}
	reports.push(current);
	for (const report of reports) {
		if (report.paragraphs.length === 0) {
			throw new IngestError(file, `report "${quoteRaw(report.title.text)}" has no text`, report.title.line);
		}
	}
	return reports;
}
