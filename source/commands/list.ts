// `pa-tui list [--json]`: every report with its region, year, title and counts.

import type {Model} from '../corpus/model.ts';
import {pad} from '../format/text.ts';
import {style} from '../format/style.ts';
import {EXIT, type Output} from './context.ts';

export function reportRows(model: Model) {
	return model.regions.flatMap(region =>
		region.documents.map(d => ({
			id: d.id,
			region: d.region,
			regionType: d.regionType,
			year: d.year,
			title: d.title,
			sections: d.sections.length,
			figures: d.sections.reduce((n, s) => n + s.figures.length, 0),
		})),
	);
}

export function runList(model: Model, json: boolean, output: Output): number {
	const rows = reportRows(model);
	if (json) {
		output.write(`${JSON.stringify(rows, null, 2)}\n`);
		return EXIT.ok;
	}
	const s = style(output.color);
	const regionWidth = Math.max(6, ...rows.map(r => r.region.length));
	output.write(`${s.bold(`${pad('REGION', regionWidth)}  YEAR  SECTIONS  FIGURES  TITLE`)}\n`);
	for (const r of rows) {
		output.write(`${pad(r.region, regionWidth)}  ${r.year}  ${pad(String(r.sections), 8, 'right')}  ${pad(String(r.figures), 7, 'right')}  ${r.title}\n`);
	}
	return EXIT.ok;
}
