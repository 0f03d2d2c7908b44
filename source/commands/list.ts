// `pa-tui list [--json]`: every report with its region, year, title and counts.

import type {Model} from '../corpus/model.ts';
import {terminalSafeJson} from '../corpus/sanitize.ts';
import {style} from '../format/style.ts';
import {pad, truncate, width} from '../format/text.ts';
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
			origin: model.origins.get(d.id)!,
		})),
	);
}

const ORIGIN_WIDTH = 7;

export function runList(model: Model, json: boolean, output: Output): number {
	const rows = reportRows(model);
	if (json) {
		output.write(`${terminalSafeJson(rows, 2)}\n`);
		return EXIT.ok;
	}
	const s = style(output.color);
	const natural = Math.max(6, ...rows.map(r => width(r.region)));
	// Everything but the region and the title: year, counts, origin and the gaps between.
	const fixed = 27 + ORIGIN_WIDTH + 2;
	// To a terminal the region gives way first, so that a title keeps at least 20 cells.
	const regionWidth = output.isTerminal ? Math.max(6, Math.min(natural, output.columns - fixed - 20)) : natural;
	output.write(`${s.bold(`${pad('REGION', regionWidth)}  YEAR  SECTIONS  FIGURES  ${pad('ORIGIN', ORIGIN_WIDTH)}  TITLE`)}\n`);
	// To a terminal a long title is cut at its edge; piped, nothing is cut.
	const titleWidth = output.isTerminal ? Math.max(10, output.columns - regionWidth - fixed) : Infinity;
	for (const r of rows) {
		output.write(
			`${pad(truncate(r.region, regionWidth), regionWidth)}  ${r.year}  ${pad(String(r.sections), 8, 'right')}  ${pad(String(r.figures), 7, 'right')}  ${pad(r.origin.kind, ORIGIN_WIDTH)}  ${truncate(r.title, titleWidth)}\n`,
		);
	}
	return EXIT.ok;
}
