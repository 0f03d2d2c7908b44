// What each money figure is, read from English sentences written for these tests (none is from
// the corpus): the hard cases of issue 11, one by one, and the report's year and region.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Figure} from '../source/corpus/schema.ts';
import {extractFigures, extractSectionFigures} from '../source/ingest/figures/extract.ts';
import {findDivision} from '../source/ingest/gazetteer.ts';
import {regionOf, yearOf} from '../source/ingest/region.ts';

/** The figures of a paragraph, by their text. */
function read(paragraph: string, year = 2012): Map<string, Figure> {
	return new Map(extractFigures(paragraph, {year}).map(f => [f.text, f]));
}

function only(paragraph: string): Figure {
	const figures = extractFigures(paragraph, {year: 2012});
	assert.equal(figures.length, 1, JSON.stringify(figures.map(f => f.text)));
	return figures[0]!;
}

test('"averagely 3.05 million yuan for each village": a per-village amount standing on its own', () => {
	const f = read('Over the year the county put in 18.3 million yuan for road building, averagely 3.05 million yuan for each village.');
	assert.deepEqual([f.get('18.3 million yuan')!.per, f.get('18.3 million yuan')!.role], [null, 'whole']);
	const each = f.get('3.05 million yuan')!;
	assert.equal(each.per, 'village');
	assert.equal(each.role, 'whole');
	assert.equal(each.kind, 'funds');
	assert.equal(each.value, 3_050_000);
});

test('"respectively up 15% and nearly 200%": each change goes to its own amount, in order', () => {
	const f = read(
		'The fund received 506 million yuan in all. Of it, 410 million yuan came from the central treasury and 96 million yuan from the prefecture, respectively up 15% and nearly 200%.',
	);
	assert.equal(f.get('410 million yuan')!.changePercent, 15);
	assert.equal(f.get('96 million yuan')!.changePercent, 200);
	assert.equal(f.get('506 million yuan')!.changePercent, null);
	// "Of it": both are parts of the 506 million of the sentence before.
	assert.equal(f.get('410 million yuan')!.role, 'part');
	assert.equal(f.get('410 million yuan')!.partOf, 0);
	assert.equal(f.get('96 million yuan')!.partOf, 0);
	assert.match(f.get('96 million yuan')!.label, /from prefecture/);
});

test('"a total investment of … of which": the items are parts of the total', () => {
	const figures = extractFigures(
		'The city launched 12 water projects with a total investment of 640 million yuan, of which 210 million yuan was from the provincial budget and 430 million yuan was raised by enterprises.',
	);
	assert.deepEqual(
		figures.map(f => [f.text, f.role, f.partOf, f.kind]),
		[
			['640 million yuan', 'whole', null, 'funds'],
			['210 million yuan', 'part', 0, 'funds'],
			['430 million yuan', 'part', 0, 'funds'],
		],
	);
	assert.equal(figures[0]!.label, 'investment');
	assert.equal(figures[1]!.label, 'investment from provincial budget');
});

test('"signed projects worth …" is money only agreed: planned', () => {
	const f = only('At the investment fair held in May, the prefecture signed projects worth 3.2 billion yuan.');
	assert.equal(f.status, 'planned');
	assert.equal(f.label, 'projects');
});

test('"the standard was raised to 1,500 yuan per person": a threshold per person, reached', () => {
	const f = only('For rural boarding students, the living allowance standard was raised to 1,500 yuan per person.');
	assert.equal(f.kind, 'threshold');
	assert.equal(f.per, 'person');
	assert.equal(f.status, 'actual');
	assert.equal(f.role, 'whole');
});

test('dollars are USD, with no yuan value invented', () => {
	const f = read('The World Bank project had a total investment of $ 71.75 million, of which 30 million US dollars was a loan.');
	const total = f.get('$ 71.75 million')!;
	assert.deepEqual([total.value, total.currency, total.yuan], [71_750_000, 'USD', null]);
	const loan = f.get('30 million US dollars')!;
	assert.deepEqual([loan.value, loan.currency, loan.yuan, loan.kind, loan.role, loan.partOf], [30_000_000, 'USD', null, 'loan', 'part', 0]);
	// "RMB" and "Yuan" are yuan.
	assert.equal(only('The county raised RMB 4 million for schools.').currency, 'CNY');
	assert.equal(only('The county raised RMB 4 million for schools.').yuan, 4_000_000);
});

test('GDP, output and revenue measure an economy; the change beside them is read as numbers', () => {
	const gdp = only("In 2011, the prefecture's GDP was 88.4 billion yuan, up 12.1% over 2010.");
	assert.equal(gdp.kind, 'economy');
	assert.equal(gdp.changePercent, 12.1);
	assert.equal(only('Local fiscal revenue reached 2.6 billion yuan, down 3.4%.').changePercent, -3.4);
	assert.equal(only('Local fiscal revenue reached 2.6 billion yuan, down 3.4%.').kind, 'economy');
});

test('a per capita income is income per person; the increase beside it is its change', () => {
	const f = read('The per capita net income of farmers reached 4,210 yuan, 530 yuan more than that in 2010.');
	const income = f.get('4,210 yuan')!;
	assert.deepEqual([income.kind, income.per, income.role, income.changeYuan], ['income', 'person', 'whole', 530]);
	const change = f.get('530 yuan')!;
	assert.deepEqual([change.role, change.changeOf, change.kind, change.per], ['change', 0, 'income', 'person']);
	assert.equal(change.changeYuan, null, 'the change itself has no change');
	// A fall is negative.
	assert.equal(
		read('The village fund fell to 2.1 million yuan, 300,000 yuan less than that in 2011.').get('2.1 million yuan')!.changeYuan,
		-300_000,
	);
});

test('a poverty line is a threshold per person', () => {
	const f = only('Under the new poverty line of 2300 yuan, the county still had 41,000 poor people.');
	assert.deepEqual([f.kind, f.per, f.label], ['threshold', 'person', 'new poverty line']);
});

test('"decided to spend nine years and invest 24 billion yuan" is a plan, and so are "will" and "plans to"', () => {
	const plan = only(
		'In 2012 the region decided to spend nine years and invest 24 billion yuan to resettle 1.2 million people from remote mountains.',
	);
	assert.equal(plan.status, 'planned');
	assert.equal(plan.kind, 'funds');
	assert.equal(only('The prefecture plans to invest 500 million yuan in 2014.').status, 'planned');
	assert.equal(only('Next year the county will put in 80 million yuan for roads.').status, 'planned');
	assert.equal(only('A further 12 million yuan is expected to be allocated.').status, 'planned');
	// A year after the report's own is a plan; the report's year is not.
	assert.equal(only('In 2014, 9 million yuan goes to the schools.').status, 'planned');
	assert.equal(only('In 2012, 9 million yuan went to the schools.').status, 'actual');
	// Past tense, even after a plan in the same sentence: done.
	const f = read('The county planned to spend 26 million yuan and actually spent 31 million yuan.');
	assert.equal(f.get('26 million yuan')!.status, 'planned');
	assert.equal(f.get('31 million yuan')!.status, 'actual');
});

test('"of which 320 million yuan was financial relief funds": a part of the amount before it, labelled by its own words', () => {
	const f = read('The resettlement programme received 1.811 billion yuan, of which 320 million yuan was financial relief funds.');
	const part = f.get('320 million yuan')!;
	assert.deepEqual([part.role, part.partOf, part.label, part.kind], ['part', 0, 'financial relief funds', 'funds']);
	// A part of a plan is planned.
	const plan = read('The region decided to invest 4 billion yuan, of which 320 million yuan was financial relief funds.');
	assert.equal(plan.get('320 million yuan')!.status, 'planned');
});

test('a part never exceeds its whole, and a part of a part belongs to the nearer one', () => {
	const f = extractFigures(
		'A total of 9 billion yuan was put in, of which 1.2 billion yuan (900 million yuan from the central government and 300 million yuan from the province) was government funds and 7.8 billion yuan was credit loans.',
	);
	assert.deepEqual(
		f.map(x => [x.text, x.role, x.partOf]),
		[
			['9 billion yuan', 'whole', null],
			['1.2 billion yuan', 'part', 0],
			['900 million yuan', 'part', 1],
			['300 million yuan', 'part', 1],
			['7.8 billion yuan', 'part', 0],
		],
	);
	assert.equal(f[4]!.kind, 'loan');
	// "including" a larger amount: not a part of the smaller one before it.
	const g = read('The county issued 4.5 million yuan of interest subsidies (including 90 million yuan planned for discount loans).');
	assert.equal(g.get('90 million yuan')!.role, 'whole');
	assert.equal(g.get('90 million yuan')!.status, 'planned');
});

test('a breakdown stated in the next sentence: amounts that add up to the total are its parts', () => {
	const f = extractFigures(
		'The prefecture invested 60 million yuan in industry. It put 35 million yuan into tea gardens and 25 million yuan into cattle farms.',
	);
	assert.deepEqual(
		f.map(x => [x.role, x.partOf]),
		[
			['whole', null],
			['part', 0],
			['part', 0],
		],
	);
	// Amounts that do not add up stay wholes.
	assert.ok(
		extractFigures(
			'The prefecture invested 60 million yuan in industry. It put 35 million yuan into tea and 20 million yuan into cattle.',
		).every(x => x.role === 'whole'),
	);
});

test('a change too large for the part it follows is the change of the whole', () => {
	const f = extractFigures(
		'The county arranged 500 million yuan of funds, of which 420 million yuan was for roads and 80 million yuan was for schools, an increase of 95 million yuan over 2011.',
	);
	const change = f.find(x => x.text === '95 million yuan')!;
	assert.equal(change.role, 'change');
	assert.equal(change.changeOf, 0);
	assert.equal(f[0]!.changeYuan, 95_000_000);
	assert.equal(f[2]!.changeYuan, null);
});

test('loans and the money that pays for them: "discount loans" are loans, "loan discount funds" are funds', () => {
	assert.equal(only('Banks issued 300 million yuan of discount loans to enterprises.').kind, 'loan');
	assert.equal(only('The province allocated 12 million yuan of loan discount funds.').kind, 'funds');
	assert.equal(only('Credit of 50 million yuan was extended to cooperatives.').kind, 'loan');
	assert.equal(only('The village lost 3 million yuan in the flood, a loss of its harvest.').kind, 'other');
});

test('labels say what the money is: the phrase it is "of", "for" or names, never an empty word', () => {
	assert.equal(
		only('The province issued special anti-poverty funds of 62 million yuan to the counties.').label,
		'special anti-poverty funds',
	);
	assert.equal(only('The province issued 62 million yuan of special anti-poverty funds.').label, 'special anti-poverty funds');
	assert.equal(only('The county put in 7 million yuan for the building of village clinics.').label, 'building of village clinics');
	assert.equal(only('Each student got a subsidy of 900 yuan for house building.').label, 'subsidy');
	const pair = read('Mutual societies issued loans of 14 million yuan in 2012, 3 million yuan more than that in 2011.');
	assert.equal(pair.get('3 million yuan')!.label, 'increase in loans');
});

test('a change of a section is linked within the section: indexes count from the section start', () => {
	const figures = extractSectionFigures(
		['The county put in 10 million yuan.', 'It raised 8 million yuan of funds, 2 million yuan more than that in 2011.'],
		{year: 2012},
	);
	assert.equal(figures[2]!.changeOf, 1);
});

test('the year a report covers: a year in a comparison is the base year', () => {
	assert.equal(yearOf('The funds rose 13.1% over 2009 and were 177 million yuan more than that in 2009.'), 2010);
	assert.equal(yearOf('Output was up 5% on the same period of 2010.'), 2011);
	assert.equal(yearOf('Compared with 2011, the income grew. In 2012, the county built roads. In 2012 it trained people.'), 2012);
	assert.equal(yearOf('By 2020 the plan (2011-2020) will be done.'), undefined);
});

test('the region: the gazetteer names every provincial-level division, whatever spelling the title uses', () => {
	const cases: Array<[string, string, string]> = [
		['Poverty Alleviation and Development in Guangxi Zhuang Autonomous Regions', 'Guangxi', 'autonomous region'],
		['Poverty Alleviation in the Xinjiang Uighur Autonomous Region', 'Xinjiang', 'autonomous region'],
		['Poverty Alleviation and Development in Xizang', 'Tibet', 'autonomous region'],
		['Poverty Alleviation and Development in Nei Mongol', 'Inner Mongolia', 'autonomous region'],
		['Poverty Alleviation and Development in Ningxia Hui Autonomous Region', 'Ningxia', 'autonomous region'],
		[
			'Poverty Alleviation and Development in Xinjiang Production and Construction Corps',
			'Xinjiang Production and Construction Corps',
			'corps',
		],
		['Poverty Alleviation and Development in Chongqing', 'Chongqing', 'municipality'],
		['Poverty Alleviation in Macau Special Administrative Region', 'Macao', 'special administrative region'],
		['Shanghai-Yunnan Pairing-off Poverty Alleviation', 'Shanghai', 'municipality'],
		['Poverty Alleviation and Development in Shaanxi Province', 'Shaanxi', 'province'],
	];
	for (const [title, region, type] of cases) {
		const info = regionOf(title, 'In 2012, work went on.');
		assert.deepEqual([info.region, info.regionType], [region, type], title);
	}
	assert.equal(findDivision('Shanxi')!.name, 'Shanxi');
	assert.equal(findDivision('Guangxi Zhuang')!.people, 'Zhuang');
	// A place the gazetteer does not know is read from the title's words.
	assert.deepEqual(regionOf('Poverty Alleviation and Development in Ruritania Province', 'text'), {
		region: 'Ruritania',
		placeName: 'Ruritania Province',
		regionType: 'province',
	});
});
