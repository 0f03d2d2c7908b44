// Figures and reports for a hand-made test corpus: the fields a test cares about, the rest of
// schema 2 filled in as a plain whole amount of yuan put in, in a province's report.

import type {CorpusDocument, Figure} from '../../source/corpus/schema.ts';

export function figureOf(f: Pick<Figure, 'text' | 'sentence' | 'label' | 'change' | 'yuan'> & Partial<Figure>): Figure {
	return {
		value: f.yuan ?? 0,
		currency: 'CNY',
		kind: 'funds',
		per: null,
		status: 'actual',
		role: 'whole',
		partOf: null,
		changeOf: null,
		changePercent: null,
		changeYuan: null,
		...f,
	};
}

/** A whole amount of yuan under a label, written as the text would: "<label> of <yuan> yuan." */
export function yuanFigure(yuan: number, label: string, more: Partial<Figure> = {}): Figure {
	return figureOf({text: `${yuan} yuan`, yuan, sentence: `${label} of ${yuan} yuan.`, label, change: null, ...more});
}

export interface MadeSection {
	heading: string;
	figures: Figure[];
	/** By default "01-s", "02-s"… in order. */
	id?: string;
	/** By default one paragraph: the figures' sentences, as the text they were read from. */
	paragraphs?: string[];
}

/** A province's report holding these sections; its id is "<region>-<year>" unless given. */
export function reportOf(region: string, year: number, sections: MadeSection[], id = `${region.toLowerCase()}-${year}`): CorpusDocument {
	return {
		id,
		region,
		placeName: `${region} Province`,
		regionType: 'province',
		year,
		title: `Poverty Alleviation and Development in ${region} Province`,
		source: `${id}.txt`,
		attribution: null,
		sections: sections.map((s, i) => ({
			id: s.id ?? `${String(i + 1).padStart(2, '0')}-s`,
			heading: s.heading,
			paragraphs: s.paragraphs ?? [s.figures.map(f => f.sentence).join(' ')],
			figures: s.figures,
		})),
	};
}
