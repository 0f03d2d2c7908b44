// How a table across reports names a report: region and year, or the title when a region has two
// reports that year (Liaoning 2009: the province's own report and the Liaoning-Qinghai pairing).

import {slug} from '../ingest/region.ts';

export interface ReportRef {
	documentId: string;
	region: string;
	year: number;
	title: string;
}

/** documentId → "Region year", or "Title year" for a report that is not the region's own that year. */
export function reportNames(rows: readonly ReportRef[]): Map<string, string> {
	const perRegionYear = new Map<string, Set<string>>();
	for (const r of rows) {
		const key = `${r.region} ${r.year}`;
		perRegionYear.set(key, (perRegionYear.get(key) ?? new Set()).add(r.documentId));
	}
	const names = new Map<string, string>();
	for (const r of rows) {
		const key = `${r.region} ${r.year}`;
		// The report with the plain id (as ingest names it) is the region's own; the other is named by its title.
		const plain = `${slug(r.region)}-${r.year}`;
		names.set(r.documentId, perRegionYear.get(key)!.size > 1 && r.documentId !== plain ? `${r.title} ${r.year}` : key);
	}
	return names;
}
