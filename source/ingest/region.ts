// What a report is about: its region, the kind of region, and the year it covers — all read
// from the report's own title and text.

export type RegionType = 'province' | 'autonomous region' | 'municipality' | 'corps';

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

export function regionOf(title: string, text: string): RegionInfo {
	const placeName = placeFromTitle(title);
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

/**
 * The year a report covers: the year its text names most often ("In 2012, …"), the later one on a
 * tie. Targets ("by 2020") and ranges ("(2011-2020)") are plan periods, not the reporting year.
 */
export function yearOf(text: string): number | undefined {
	const counts = new Map<number, number>();
	const withoutRanges = text.replace(/\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b/g, ' ');
	for (const m of withoutRanges.matchAll(/\b(?:in|of|end of|year)\s+((?:19|20)\d\d)\b/gi)) {
		const year = Number(m[1]);
		counts.set(year, (counts.get(year) ?? 0) + 1);
	}
	let best: number | undefined;
	let bestCount = 0;
	for (const [year, count] of counts) {
		if (count > bestCount || (count === bestCount && best !== undefined && year > best)) {
			best = year;
			bestCount = count;
		}
	}
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
