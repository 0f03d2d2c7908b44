// China's provincial-level divisions, as domain data: official English names, the short names
// reports use, the type of each, the people an autonomous region is named for, and the spellings
// a text may use instead. Plus the Xinjiang Production and Construction Corps, which reports
// like a region.

import type {RegionType} from '../corpus/vocabulary.ts';

export interface Division {
	/** Short name, as the corpus names the region: "Guangxi", "Inner Mongolia", "Hong Kong". */
	name: string;
	/** Official English name: "Guangxi Zhuang Autonomous Region". */
	official: string;
	type: RegionType;
	/** The people an autonomous region is named for. */
	people?: string;
	/** Other spellings and names a text may use: "Xizang", "Uighur", "Nei Mongol", "Macau". */
	variants?: string[];
}

const province = (name: string, variants?: string[]): Division => ({
	name,
	official: `${name} Province`,
	type: 'province',
	...(variants ? {variants} : {}),
});
const municipality = (name: string, variants?: string[]): Division => ({
	name,
	official: `${name} Municipality`,
	type: 'municipality',
	...(variants ? {variants} : {}),
});

export const DIVISIONS: readonly Division[] = [
	province('Anhui'),
	province('Fujian'),
	province('Gansu'),
	province('Guangdong'),
	province('Guizhou'),
	province('Hainan'),
	province('Hebei'),
	province('Heilongjiang'),
	province('Henan'),
	province('Hubei'),
	province('Hunan'),
	province('Jiangsu'),
	province('Jiangxi'),
	province('Jilin'),
	province('Liaoning'),
	province('Qinghai'),
	province('Shaanxi'),
	province('Shandong'),
	province('Shanxi'),
	province('Sichuan'),
	province('Taiwan'),
	province('Yunnan'),
	province('Zhejiang'),
	municipality('Beijing'),
	municipality('Chongqing'),
	municipality('Shanghai'),
	municipality('Tianjin'),
	{name: 'Guangxi', official: 'Guangxi Zhuang Autonomous Region', type: 'autonomous region', people: 'Zhuang'},
	{
		name: 'Inner Mongolia',
		official: 'Inner Mongolia Autonomous Region',
		type: 'autonomous region',
		people: 'Mongol',
		variants: ['Nei Mongol', 'Nei Menggu'],
	},
	{name: 'Ningxia', official: 'Ningxia Hui Autonomous Region', type: 'autonomous region', people: 'Hui'},
	{name: 'Tibet', official: 'Tibet Autonomous Region', type: 'autonomous region', people: 'Tibetan', variants: ['Xizang']},
	{
		name: 'Xinjiang',
		official: 'Xinjiang Uygur Autonomous Region',
		type: 'autonomous region',
		people: 'Uygur',
		variants: ['Xinjiang Uighur', 'Xinjiang Uyghur'],
	},
	{
		name: 'Hong Kong',
		official: 'Hong Kong Special Administrative Region',
		type: 'special administrative region',
		variants: ['Hongkong', 'HKSAR'],
	},
	{name: 'Macao', official: 'Macao Special Administrative Region', type: 'special administrative region', variants: ['Macau', 'Macao SAR']},
	{
		name: 'Xinjiang Production and Construction Corps',
		official: 'Xinjiang Production and Construction Corps',
		type: 'corps',
		variants: ['XPCC', 'Xinjiang Corps', 'Bingtuan'],
	},
];

/** Lower case, letters only: "Guangxi Zhuang Autonomous Regions" and "guangxi zhuang autonomous region" compare. */
function key(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z]+/g, ' ')
		.trim();
}

/** Words of a type that may follow a name, in any case or number: "Province", "Autonomous Regions", "SAR". */
const TYPE_WORDS =
	/\s+(?:province|provinces|autonomous\s+regions?|municipality|city|special\s+administrative\s+regions?|sar|region|regions)$/;

/** Every way of writing each division, longest first, so "Xinjiang Production and Construction Corps" wins over "Xinjiang". */
const NAMES: Array<{name: string; division: Division}> = DIVISIONS.flatMap(division => {
	const forms = [division.name, division.official, ...(division.variants ?? [])];
	if (division.people) forms.push(`${division.name} ${division.people}`);
	const people = division.people === 'Uygur' ? ['Uighur', 'Uyghur'] : [];
	for (const p of people) forms.push(`${division.name} ${p}`);
	return [...new Set(forms.map(key).map(f => f.replace(TYPE_WORDS, '')))].map(name => ({name, division}));
}).sort((a, b) => b.name.length - a.name.length);

/**
 * The division a place name names, however it is written: "Guangxi Zhuang Autonomous Regions",
 * "Xizang", "Xinjiang Uighur Autonomous Region", "the Xinjiang Production and Construction Corps".
 * The first division named in the text wins; the longest name at that place.
 */
export function findDivision(place: string): Division | undefined {
	const text = ` ${key(place)} `;
	let best: {at: number; length: number; division: Division} | undefined;
	for (const {name, division} of NAMES) {
		const at = text.indexOf(` ${name} `);
		if (at === -1) continue;
		if (!best || at < best.at || (at === best.at && name.length > best.length)) best = {at, length: name.length, division};
	}
	return best?.division;
}
