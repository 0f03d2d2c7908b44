// The hard cases of the parser, one by one, on text written for the test.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {buildCorpus} from '../source/ingest/build.ts';
import {parseAmount} from '../source/ingest/figures/amounts.ts';
import {extractFigures} from '../source/ingest/figures/extract.ts';
import {type HeadingContext, splitBracketHeading, splitRunInHeading} from '../source/ingest/headings.ts';
import {decodeRaw, IngestError} from '../source/ingest/raw-text.ts';
import {yearOf} from '../source/ingest/region.ts';

const context: HeadingContext = {
	placeNames: ['Inner Mongolia', 'Ruritania Province', 'Ruritania'],
	knownHeadings: new Set(['industrial poverty alleviation']),
};
const split = (p: string) => splitRunInHeading(p, context);

test('run-in heading glued to the body with no space', () => {
	assert.deepEqual(split('Investment of Anti-poverty FundsIn 2012, the central government gave.'), {
		heading: 'Investment of Anti-poverty Funds',
		body: 'In 2012, the central government gave.',
		certain: true,
	});
	assert.equal(split('Overview2012 is the first year of the plan.')?.heading, 'Overview');
	assert.equal(split('Rain Plan14 million yuan was allocated.')?.heading, 'Rain Plan');
});

test('run-in heading followed by one space, several spaces or a non-breaking space', () => {
	assert.equal(split('Rain Plan In 2012, the province trained 6000 people.')?.heading, 'Rain Plan');
	assert.equal(
		split('Work Conference on Poverty Alleviation\u00a0 From February 29 to March 1, a meeting was held.')?.heading,
		'Work Conference on Poverty Alleviation',
	);
	assert.equal(split('Field Survey   The province carried out field research.')?.heading, 'Field Survey');
});

test('the body may open with a verb, a number or a place name', () => {
	assert.equal(
		split('Entire Village Advancement Comprehensively started supporting 3,277 key villages.')?.heading,
		'Entire Village Advancement',
	);
	assert.equal(split('Social Poverty Alleviation Organized 141 organs and groups to help.')?.heading, 'Social Poverty Alleviation');
	assert.equal(split('Poverty Alleviation by Relocation 1.015 billion yuan was put in.')?.heading, 'Poverty Alleviation by Relocation');
	assert.equal(
		split('Industrial Poverty Alleviation Inner Mongolia allocated 100 million yuan.')?.heading,
		'Industrial Poverty Alleviation',
	);
	assert.equal(split('Poverty Alleviation Planning Ruritania Province formulated the outline.')?.heading, 'Poverty Alleviation Planning');
	assert.equal(split('No. 1 Livelihood Project In 2012, the government made a commitment.')?.heading, 'No. 1 Livelihood Project');
});

test('lower-case, quoted and long headings', () => {
	assert.equal(split('Anti-poverty meeting In 2012, the committee held many meetings.')?.heading, 'Anti-poverty meeting');
	assert.equal(
		split('"Sidao" Poverty Alleviation Program To tackle the key problems, we acted.')?.heading,
		'"Sidao" Poverty Alleviation Program',
	);
	assert.equal(
		split(
			'Demonstration of Comprehensive Poverty Alleviation and Development in Contiguous Poor Areas with Particular Difficulties In 2012, the office issued a notice.',
		)?.heading,
		'Demonstration of Comprehensive Poverty Alleviation and Development in Contiguous Poor Areas with Particular Difficulties',
	);
	assert.equal(
		split('Transformation of overhead cable\u00a0 It transformed 84 cables into bridges.')?.heading,
		'Transformation of overhead cable',
	);
});

test('paragraphs that continue a section have no heading', () => {
	for (const p of [
		'In 2012, the four contiguous poor areas recorded a GDP of 285 billion yuan.',
		'First, raised the poverty line. Based on the new line, we acted.',
		'The provincial government and the military command issued opinions.',
		'Infrastructure construction for poor villages: Taking entire village advancement as a platform, we acted.',
		'Support for Lahu people in Lancang County. In 2012, the government arranged funds.',
		'More than 500 poverty alleviation leading companies invested 6.038 billion yuan.',
		'Ruritania Province achieved significant results in poverty alleviation, but the task is heavy.',
		'Develop innovative ideas and explore poverty alleviation mode. Taking innovation as a motive, we acted.',
	]) {
		assert.equal(split(p), undefined, p);
	}
});

test('bracket headings, trimmed', () => {
	assert.deepEqual(splitBracketHeading('【 Disaster relief poverty alleviation】  Since July 2009, floods.'), {
		heading: 'Disaster relief poverty alleviation',
		body: 'Since July 2009, floods.',
	});
	assert.equal(splitBracketHeading('Liaoning has 15 key counties.'), undefined);
});

test('money: written amounts, words, implied currency, and counts that are not money', () => {
	const figures = (p: string) => extractFigures(p).map(f => [f.text, f.yuan]);
	assert.deepEqual(figures('The central government issued financial anti-poverty funds of 847.07 million yuan.'), [
		['847.07 million yuan', 847070000],
	]);
	assert.deepEqual(figures('Special funds of no less than one million yuan were put in for each village.'), [
		['one million yuan', 1000000],
	]);
	assert.deepEqual(figures('Two million yuan of incentive capital was issued.'), [['Two million yuan', 2000000]]);
	assert.deepEqual(figures('Of this, 274 million Yuan was from the provincial government, 11.6 million more than that in 2008.'), [
		['274 million Yuan', 274000000],
		['11.6 million', 11600000],
	]);
	assert.deepEqual(figures('There were 50 pilot villages and the state invested a total of 8 million for it.'), [['8 million', 8000000]]);
	assert.deepEqual(
		figures(
			'It has a population of 42.46 million, including 21.26 million agricultural people and 2.647 million poor people, and 3.151 million mu of land.',
		),
		[],
	);
	assert.deepEqual(
		figures(
			'Based on the poverty line of 2300 yuan, the province had 7.95 million poor residents, of which 5.61 million were objects of poverty reduction.',
		),
		[['2300 yuan', 2300]],
	);
	assert.deepEqual(figures('Its GDP was 1.5065 trillion Yuan and the income was 6,000 Yuan.'), [
		['1.5065 trillion Yuan', 1506500000000],
		['6,000 Yuan', 6000],
	]);
});

test('money: labels and changes come from the sentence', () => {
	const [f] = extractFigures(
		'In 2009, the central financial department put in 402 million Yuan of anti-poverty funds, up 6.15%, of which most went to villages.',
	);
	assert.equal(f!.label, 'anti-poverty funds');
	assert.equal(f!.change, 'up 6.15%');
	const [g, diff] = extractFigures(
		'The province put in 328 million Yuan of anti-poverty funds, 9.2 million Yuan more than that in 2008, up 2.9%.',
	);
	assert.equal(g!.change, '9.2 million Yuan more than that in 2008, up 2.9%');
	assert.equal(diff!.text, '9.2 million Yuan');
	assert.equal(diff!.change, null);
	const [h] = extractFigures('Each household received a subsidy of 5,000 Yuan per household for housing.');
	// The unit is a field of its own, not words of the label.
	assert.equal(h!.label, 'subsidy');
	assert.equal(h!.per, 'household');
});

test('money: a "respectively" list of changes goes to the amounts before it, in order', () => {
	const changes = (p: string) => extractFigures(p).map(f => [f.text, f.change]);
	assert.deepEqual(
		changes(
			'Of it, 570 million yuan was from the central government and 107 million yuan from the provincial government, respectively up 15% and nearly 200%.',
		),
		[
			['570 million yuan', 'up 15%'],
			['107 million yuan', 'up nearly 200%'],
		],
	);
	assert.deepEqual(
		changes('The GDP and the revenue respectively amounted to 88.101 billion yuan and 7.69 billion yuan, up 19.5% and 23.3%.'),
		[
			['88.101 billion yuan', 'up 19.5%'],
			['7.69 billion yuan', 'up 23.3%'],
		],
	);
});

test('amounts normalise to yuan', () => {
	assert.equal(parseAmount('847.07 million yuan'), 847070000);
	assert.equal(parseAmount('1,680 yuan'), 1680);
	assert.equal(parseAmount('ten thousand yuan'), 10000);
	assert.equal(parseAmount('RMB 3 million'), 3000000);
	assert.equal(parseAmount('2.35546 billion yuan'), 2355460000);
});

test('the year a report covers is read from its text, not a plan period or target', () => {
	assert.equal(yearOf('In 2012, the province acted. By 2020 it will finish the Outline (2011-2020). In 2012, more.'), 2012);
	assert.equal(yearOf('The Outline (2011-2020) was issued.'), undefined);
});

const report = (title: string, body: string) => `${title}\n\n${body}\n\n(Someone, Some Office)\n\n扫描下载手机客户端\n`;

test('CRLF line ends and a byte-order mark give the same corpus as plain LF text', () => {
	const text = report(
		'Poverty Alleviation and Development in Ruritania Province',
		'Overview In 2015, the province did a lot.\n\nRain Plan In 2015, it trained people with 3 million yuan.',
	);
	const plain = buildCorpus([{name: 'a.txt', bytes: Buffer.from(text)}]);
	const windows = buildCorpus([
		{name: 'a.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))])},
	]);
	assert.deepEqual(windows, plain);
	assert.equal(plain.documents[0]!.year, 2015);
	assert.equal(plain.documents[0]!.region, 'Ruritania');
	assert.deepEqual(
		plain.documents[0]!.sections.map(s => s.heading),
		['Overview', 'Rain Plan'],
	);
});

test('bad raw input: one error naming the file (and the line where it helps)', () => {
	const bad = Buffer.concat([Buffer.from('Title Line Here\nsecond line\n'), Buffer.from([0xff, 0xfe, 0x41])]);
	assert.throws(
		() => decodeRaw('bad.txt', bad),
		(e: unknown) => e instanceof IngestError && e.message === 'bad.txt:3: not valid UTF-8 text',
	);
	assert.throws(() => buildCorpus([{name: 'empty.txt', bytes: Buffer.from('  \n\u00a0\n')}]), /empty\.txt: is empty/);
	assert.throws(
		() => buildCorpus([{name: 'prose.txt', bytes: Buffer.from('This is just a sentence, not a report.\nAnother one, also prose.\n')}]),
		/prose\.txt:1: holds no recognisable report/,
	);
});
