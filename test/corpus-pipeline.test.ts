// The committed corpus, its faithfulness to the raw text, and the document metadata.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {serializeCorpus} from '../source/commands/ingest.ts';
import {parseCorpus} from '../source/corpus/load.ts';
import {builtCorpus, corpusFile, rawDir} from './helpers/corpus.ts';

test('data/corpus.json is exactly what the pipeline builds from data/raw (run npm run corpus)', () => {
	assert.equal(readFileSync(corpusFile, 'utf8'), serializeCorpus(builtCorpus()));
});

test('the committed corpus passes schema validation', () => {
	const corpus = parseCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), corpusFile);
	assert.equal(corpus.schemaVersion, 2);
});

test('33 reports: four from the 2009 files, 29 from the 2012 file', () => {
	const docs = builtCorpus().documents;
	assert.equal(docs.length, 33);
	assert.equal(docs.filter(d => d.source.startsWith('002_')).length, 29);
	for (const d of docs) assert.equal(d.year, d.source.startsWith('002_') ? 2012 : 2009, d.id);
});

test('ids are unique stable slugs; the Liaoning–Qinghai report has its own', () => {
	const docs = builtCorpus().documents;
	const ids = docs.map(d => d.id);
	assert.equal(new Set(ids).size, ids.length);
	assert.ok(ids.includes('jilin-2009'));
	assert.ok(ids.includes('liaoning-2009'));
	assert.ok(ids.includes('liaoning-2012'));
	const pairing = docs.find(d => d.title === 'Liaoning-Qinghai Pairing-off Poverty Alleviation');
	assert.ok(pairing);
	assert.equal(pairing.region, 'Liaoning');
	assert.notEqual(pairing.id, 'liaoning-2009');
	assert.match(pairing.id, /qinghai/);
});

test('regions and region types read from titles and text', () => {
	const byTitleEnd = (end: string) => builtCorpus().documents.find(d => d.title.endsWith(end) && d.year === 2012)!;
	const cases: Array<[string, string, string]> = [
		['Hebei Province', 'Hebei', 'province'],
		['Inner Mongolia', 'Inner Mongolia', 'autonomous region'],
		['Guangxi Zhuang Autonomous Regions', 'Guangxi', 'autonomous region'],
		['Ningxia Hui Autonomous Region', 'Ningxia', 'autonomous region'],
		['Xinjiang Uygur Autonomous Region', 'Xinjiang', 'autonomous region'],
		['Tibet Autonomous Region', 'Tibet', 'autonomous region'],
		['Chongqing', 'Chongqing', 'municipality'],
		['Xinjiang Production and Construction Corps', 'Xinjiang Production and Construction Corps', 'corps'],
	];
	for (const [end, region, type] of cases) {
		const d = byTitleEnd(end);
		assert.ok(d, end);
		assert.equal(d.region, region, end);
		assert.equal(d.regionType, type, end);
	}
	const regions = new Set(builtCorpus().documents.map(d => d.region));
	assert.equal(regions.size, 29);
});

test('attributions without parentheses, joined over two lines, null where there is none', () => {
	const docs = builtCorpus().documents;
	const corps = docs.find(d => d.regionType === 'corps')!;
	assert.equal(
		corps.attribution,
		'Li Xincheng, Poverty Alleviation Office of Xinjiang Production and Construction Corps Development and Reform Commission',
	);
	assert.equal(docs.find(d => d.id === 'jilin-2012')!.attribution, 'Xu Dongliang, Jilin Provincial Poverty Alleviation Office');
	assert.equal(docs.find(d => d.id === 'jilin-2009')!.attribution, null);
	assert.equal(
		docs.find(d => d.title.startsWith('Liaoning-Qinghai'))!.attribution,
		'Zhang Dongping, Rong Xuefei, Liaoning Provincial Economic Cooperation Office',
	);
});

// Faithfulness: the raw block of each report, found by its title in the raw file, equals
// heading + paragraphs once whitespace and heading brackets are taken out. Nothing lost, moved
// or invented, for all 33 reports.
const squash = (s: string) => s.replace(/[\s\u00a0\u3000【】]+/g, '');

test('faithfulness: every report reproduces its raw text minus title, attribution and footer', () => {
	const docs = builtCorpus().documents;
	const footerStart = '扫描下载手机客户端';
	for (const d of docs) {
		const raw = readFileSync(`${rawDir}/${d.source}`, 'utf8');
		const siblings = docs.filter(o => o.source === d.source);
		const start = raw.indexOf(d.title) + d.title.length;
		const next = siblings[siblings.indexOf(d) + 1];
		const end = next ? raw.indexOf(next.title, start) : raw.indexOf(footerStart, start);
		assert.ok(start > d.title.length - 1 && end > start, d.id);
		let block = raw.slice(start, end);
		if (d.attribution !== null) {
			const open = block.lastIndexOf('(');
			assert.equal(squash(block.slice(open)), squash(`(${d.attribution})`), `${d.id} attribution`);
			block = block.slice(0, open);
		}
		const parsed = d.sections.map(s => s.heading + s.paragraphs.join('')).join('');
		assert.equal(squash(parsed), squash(block), d.id);
	}
});

test('every figure stands in its sentence, and the sentence in its section', () => {
	for (const d of builtCorpus().documents) {
		for (const s of d.sections) {
			for (const f of s.figures) {
				assert.ok(f.sentence.includes(f.text), `${d.id}: ${f.text}`);
				assert.ok(
					s.paragraphs.some(p => p.includes(f.sentence)),
					`${d.id}: sentence of ${f.text}`,
				);
				assert.ok(f.value > 0, `${d.id}: ${f.text}`);
				assert.equal(f.yuan, f.currency === 'CNY' ? f.value : null, `${d.id}: ${f.text}`);
				assert.ok(f.label.length > 0);
			}
		}
	}
});
