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
		})),
	);
}

export function runList(model: Model, json: boolean, output: Output): number {
	const rows = reportRows(model);
	if (json) {
		output.write(`${terminalSafeJson(rows, 2)}\n`);
		return EXIT.ok;
	}
	const s = style(output.color);
	const natural = Math.max(6, ...rows.map(r => width(r.region)));
	// To a terminal the region gives way first, so that a title keeps at least 20 cells.
	const regionWidth = output.isTerminal ? Math.max(6, Math.min(natural, output.columns - 27 - 20)) : natural;
	output.write(`${s.bold(`${pad('REGION', regionWidth)}  YEAR  SECTIONS  FIGURES  TITLE`)}\n`);
	// To a terminal a long title is cut at its edge; piped, nothing is cut.
	const titleWidth = output.isTerminal ? Math.max(10, output.columns - regionWidth - 27) : Infinity;
	for (const r of rows) {
		output.write(
			`${pad(truncate(r.region, regionWidth), regionWidth)}  ${r.year}  ${pad(String(r.sections), 8, 'right')}  ${pad(String(r.figures), 7, 'right')}  ${truncate(r.title, titleWidth)}\n`,
		);
	}
	return EXIT.ok;
}
