// Raw files → corpus: the whole ingest stage as one pure function.

import {parseCorpus} from '../corpus/load.ts';
import type {Corpus, CorpusDocument, Section} from '../corpus/schema.ts';
import {SCHEMA_VERSION} from '../corpus/schema.ts';
import {extractSectionFigures} from './figures/extract.ts';
import {type HeadingContext, type HeadingSplit, splitBracketHeading, splitRunInHeading} from './headings.ts';
import {decodeRaw, IngestError, quoteRaw} from './raw-text.ts';
import {type RegionInfo, regionOf, slug, yearOf} from './region.ts';
import {contentLines, type ReportBlock, splitReports} from './reports.ts';

export interface RawFile {
	name: string;
	bytes: Uint8Array;
}

interface ParsedReport {
	file: string;
	block: ReportBlock;
	info: RegionInfo;
	year: number;
	bracketStyle: boolean;
}

function parseFile(file: RawFile): ParsedReport[] {
	const text = decodeRaw(file.name, file.bytes);
	if (text.trim() === '') throw new IngestError(file.name, 'is empty');
	return splitReports(file.name, contentLines(text)).map(block => {
		const body = block.paragraphs.map(p => p.text).join('\n');
		const year = yearOf(body);
		if (year === undefined) {
			throw new IngestError(
				file.name,
				`cannot tell which year report "${quoteRaw(block.title.text)}" covers: its text names no year`,
				block.title.line,
			);
		}
		return {
			file: file.name,
			block,
			info: regionOf(block.title.text, body),
			year,
			bracketStyle: block.paragraphs.some(p => splitBracketHeading(p.text) !== undefined),
		};
	});
}

function headingOf(report: ParsedReport, paragraph: string, context: HeadingContext): HeadingSplit | undefined {
	return report.bracketStyle ? splitBracketHeading(paragraph) : splitRunInHeading(paragraph, context);
}

function sectionsOf(report: ParsedReport, context: HeadingContext): Section[] {
	const sections: Section[] = [];
	let current: Section | undefined;
	for (const {text} of report.block.paragraphs) {
		const split = headingOf(report, text, context);
		if (split || !current) {
			const heading = split?.heading ?? '';
			const number = String(sections.length + 1).padStart(2, '0');
			current = {id: `${number}-${slug(heading) || 'untitled'}`.slice(0, 80), heading, paragraphs: [], figures: []};
			sections.push(current);
		}
		const body = split ? split.body : text;
		if (body !== '') current.paragraphs.push(body);
	}
	for (const section of sections) section.figures = extractSectionFigures(section.paragraphs, {year: report.year});
	return sections;
}

function documentIds(reports: ParsedReport[]): string[] {
	const base = reports.map(r => `${slug(r.info.region)}-${r.year}`);
	const counts = new Map<string, number>();
	for (const id of base) counts.set(id, (counts.get(id) ?? 0) + 1);
	const ids = base.map((id, i) => {
		const shared = counts.get(id)! > 1;
		const r = reports[i]!;
		// The report "in <region>" keeps the plain id; others (a pairing report) are named by title.
		const namesRegion = r.block.title.text.endsWith(r.info.placeName) && /\bin\s/.test(r.block.title.text);
		return shared && !namesRegion ? `${slug(r.block.title.text)}-${r.year}` : id;
	});
	const seen = new Map<string, number>();
	return ids.map(id => {
		const n = (seen.get(id) ?? 0) + 1;
		seen.set(id, n);
		return n === 1 ? id : `${id}-${n}`;
	});
}

export function buildCorpus(files: RawFile[]): Corpus {
	const reports = files.flatMap(parseFile);
	const placeNames = [...new Set(reports.flatMap(r => [r.info.placeName, r.info.region]))].sort((a, b) => b.length - a.length);
	// First pass: headings found with certainty teach the second pass which phrases are headings.
	const knownHeadings = new Set<string>();
	const firstPass: HeadingContext = {placeNames, knownHeadings: new Set()};
	for (const report of reports) {
		for (const {text} of report.block.paragraphs) {
			const split = report.bracketStyle ? splitBracketHeading(text) : splitRunInHeading(text, firstPass);
			if (split && (report.bracketStyle || ('certain' in split && split.certain))) knownHeadings.add(split.heading.toLowerCase());
		}
	}
	const context: HeadingContext = {placeNames, knownHeadings};
	const ids = documentIds(reports);
	const documents: CorpusDocument[] = reports.map((report, i) => ({
		id: ids[i]!,
		region: report.info.region,
		placeName: report.info.placeName,
		regionType: report.info.regionType,
		year: report.year,
		title: report.block.title.text,
		source: report.file,
		attribution: report.block.attribution
			? report.block.attribution
					.map(l => l.text)
					.join(' ')
					.replace(/^\(\s*|\s*\)$/g, '')
			: null,
		sections: sectionsOf(report, context),
	}));
	const corpus: Corpus = {schemaVersion: SCHEMA_VERSION, documents};
	// Never write a corpus the loader would refuse: the loader's own check (schema, unique ids).
	try {
		parseCorpus(corpus, 'the parsed corpus');
	} catch (error) {
		throw new IngestError(files.map(f => f.name).join(', '), `the parsed text does not make a valid corpus (${(error as Error).message})`);
	}
	return corpus;
}
