// A figure for a hand-made test corpus: the fields a test cares about, the rest of schema 2 as a
// plain whole amount of yuan put in.

import type {Figure} from '../../source/corpus/schema.ts';

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
