// What a report is about: its region, the kind of region, and the year it covers — all read
// from the report's own title and text, with China's divisions as domain data (gazetteer.ts).

import type {RegionType} from '../corpus/vocabulary.ts';
import {findDivision} from './gazetteer.ts';

export type {RegionType} from '../corpus/vocabulary.ts';

export interface RegionInfo {
	/** Short canonical name: "Hebei", "Inner Mongolia", "Xinjiang Production and Construction Corps". */
	region: string;
	/** The place as the title writes it: "Guangxi Zhuang Autonomous Regions". */
	placeName: string;
	regionType: RegionType;
}

const TYPE_SUFFIXES: Array<[RegExp, RegionType]> = [
	[/\s+Autonomous\s+Regions?$/i, 'autonomous region'],
	[/\s+Province$/i, 'province'],
	[/\s+(?:Municipality|City)$/i, 'municipality'],
];

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Poverty Alleviation and Development in Hebei Province" → "Hebei Province"; "Liaoning-Qinghai Pairing-off…" → "Liaoning". */
export function placeFromTitle(title: string): string {
	const inMatch = /\bin\s+(?:the\s+)?(\p{Lu}[^,;:]*)$/u.exec(title);
	if (inMatch) return inMatch[1]!.trim();
	const lead = /^(\p{Lu}[\p{L}’']*)/u.exec(title);
	return lead ? lead[1]! : title;
}

function countMatches(text: string, pattern: RegExp): number {
	return [...text.matchAll(pattern)].length;
}

function inferTypeFromText(name: string, text: string): RegionType {
	const n = escapeRegExp(name);
	if (new RegExp(`${n}(?:\\s+\\p{Lu}\\p{Ll}+)?\\s+Autonomous\\s+Region`, 'u').test(text)) return 'autonomous region';
	if (new RegExp(`${n}\\s+Province\\b`).test(text)) return 'province';
	if (new RegExp(`${n}\\s+(?:Municipality|City)\\b`).test(text)) return 'municipality';
	const votes: Array<[RegionType, number]> = [
		['province', countMatches(text, /\bprovinc(?:e|ial)\b/gi)],
		['autonomous region', countMatches(text, /\b(?:autonomous region|regional)\b/gi)],
		['municipality', countMatches(text, /\bmunicipal(?:ity)?\b/gi)],
	];
	votes.sort((a, b) => b[1] - a[1]);
	return votes[0]![0];
}

/**
 * The shortest leading part of a name that the report itself uses on its own:
 * "Guangxi Zhuang" → "Guangxi" ("Guangxi issued…"), but "Inner Mongolia" stays whole.
 */
function shortestUsedPrefix(name: string, text: string): string {
	const words = name.split(/\s+/);
	for (let n = 1; n < words.length; n++) {
		const prefix = escapeRegExp(words.slice(0, n).join(' '));
		const nextWord = escapeRegExp(words[n]!);
		if (new RegExp(`\\b${prefix}\\b(?!\\s+${nextWord})`).test(text)) return words.slice(0, n).join(' ');
	}
	return name;
}

/**
 * The region of a report: the division its title names, whichever way the text names it later
 * ("Poverty Alleviation and Development in Guangxi Zhuang Autonomous Region" is Guangxi); a place
 * the gazetteer does not know is read from the title's own words.
 */
export function regionOf(title: string, text: string): RegionInfo {
	const placeName = placeFromTitle(title);
	const division = findDivision(placeName) ?? findDivision(title);
	if (division) return {region: division.name, placeName, regionType: division.type};
	if (/\bCorps$/.test(placeName)) return {region: placeName, placeName, regionType: 'corps'};
	for (const [suffix, type] of TYPE_SUFFIXES) {
		if (suffix.test(placeName)) {
			const name = placeName.replace(suffix, '');
			const region = type === 'autonomous region' ? shortestUsedPrefix(name, text) : name;
			return {region, placeName, regionType: type};
		}
	}
	return {region: placeName, placeName, regionType: inferTypeFromText(placeName, text)};
}

/** A year that is the base of a comparison: "over 2009", "than that in 2009", "compared with 2011", "the same period of 2011". */
const BASE_YEAR =
	/\b(?:over|than|compared\s+(?:with|to)|against|the\s+same\s+period\s+(?:of|in|last\s+year,?))\s+(?:that\s+(?:of|in)\s+|the\s+(?:end|level|figure)\s+of\s+|the\s+same\s+period\s+(?:of|in)\s+)?$/i;

/**
 * The year a report covers: the year its text names most often ("In 2012, …"), the later one on a
 * tie. Targets ("by 2020") and ranges ("(2011-2020)") are plan periods, not the reporting year; a
 * year in a comparison ("up 13.1% over 2009", "177 million yuan more than that in 2009") is the
 * base year: when the text names no other, the report covers the year after it.
 */
export function yearOf(text: string): number | undefined {
	const counts = new Map<number, number>();
	const bases = new Set<number>();
	const withoutRanges = text.replace(/\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b/g, ' ');
	for (const m of withoutRanges.matchAll(/\b(?:19|20)\d\d\b/g)) {
		const year = Number(m[0]);
		const before = withoutRanges.slice(Math.max(0, m.index! - 60), m.index!);
		if (BASE_YEAR.test(before)) {
			bases.add(year);
			continue;
		}
		if (/\b(?:in|of|end\s+of|year|since|during)\s+$/i.test(before)) counts.set(year, (counts.get(year) ?? 0) + 1);
	}
	let best: number | undefined;
	let bestCount = 0;
	for (const [year, count] of counts) {
		if (count > bestCount || (count === bestCount && best !== undefined && year > best)) {
			best = year;
			bestCount = count;
		}
	}
	if (best === undefined && bases.size > 0) return Math.max(...bases) + 1;
	return best;
}

export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’']/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
