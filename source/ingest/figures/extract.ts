// Every money figure of a section: the amounts of each sentence, and for each what it is (label,
// kind), its unit, whether it was spent, and how it relates to the amounts around it. Pure
// functions of the text; each attribute is read by its own module.

import type {Figure, FigureKind} from '../../corpus/schema.ts';
import {type Amount, findAmounts} from './amounts.ts';
import {changePercent, changeText, differenceDirection, respectivelyChanges} from './change.ts';
import {kindOf, kindOfLabel} from './kind.ts';
import {isComparisonBase, type LabelSource, moneyNounBefore, nounOfVerb, readLabel, sourceAfter} from './label.ts';
import {perUnitOf} from './per-unit.ts';
import {isEmptyLabel} from './phrases.ts';
import {linkRoles, type RoleInput} from './role.ts';
import {sentences} from './sentences.ts';
import {type StatusRead, statusOf} from './status.ts';

export interface ExtractContext {
	/** The year the report covers: an amount "in 2013" in a report on 2012 is a plan. */
	year?: number;
}

interface Read extends RoleInput {
	how: LabelSource;
	preposition: string;
	change: string | null;
	status: StatusRead;
}

/** Between two differences of one list: "an increase of 7.5 billion yuan, 694 million yuan and 1,154 yuan". */
const LIST_GAP = /^\s*(?:yuan\s+)?(?:,\s*(?:and\s+)?|and\s+)$/i;

function readSentence(text: string, index: number, context: ExtractContext): Read[] {
	const amounts = findAmounts(text);
	const differences = amounts.map(a => differenceDirection(text, a));
	const respectively = /\brespectively\b/i.test(text);
	for (let i = 1; i < amounts.length && respectively; i++) {
		if (
			differences[i] === undefined &&
			differences[i - 1] !== undefined &&
			LIST_GAP.test(text.slice(amounts[i - 1]!.end, amounts[i]!.start))
		) {
			differences[i] = differences[i - 1];
		}
	}
	const bases = amounts.map((a, i) => i > 0 && differences[i] === undefined && isComparisonBase(text.slice(amounts[i - 1]!.end, a.start)));
	// A base stands beside the amount it is compared with: the change read after that amount runs past it.
	const transparent = amounts.map((_, i) => differences[i] !== undefined || bases[i]!);
	const shared = respectivelyChanges(text, amounts, transparent);
	const nextWhole: Array<Amount | undefined> = [];
	let following: Amount | undefined;
	for (let i = amounts.length - 1; i >= 0; i--) {
		nextWhole[i] = following;
		if (!transparent[i]) following = amounts[i];
	}
	const reads: Read[] = [];
	amounts.forEach((amount, i) => {
		const previous = amounts[i - 1];
		const nextStart = amounts[i + 1]?.start ?? text.length;
		const {
			label,
			how,
			preposition = 'for',
		} = readLabel({
			sentence: text,
			amount,
			previous: previous && reads[i - 1] ? {amount: previous, label: reads[i - 1]!.label} : undefined,
			nextStart,
		});
		reads.push({
			sentence: index,
			sentenceText: text,
			amount,
			difference: differences[i],
			base: bases[i]!,
			per: perUnitOf(text, amount, previous?.end ?? 0, nextStart),
			label,
			how,
			preposition,
			change: transparent[i] ? null : (shared.get(i) ?? changeText(text, amount, nextWhole[i])),
			status: statusOf(text, amount, previous?.end ?? 0, nextStart, context.year),
		});
	});
	// "from 12,000 yuan to 15,000 yuan", a base and the amount it is compared with: one thing, one unit.
	reads.forEach((read, i) => {
		const previous = reads[i - 1];
		if (!previous || read.per !== null || read.sentence !== previous.sentence) return;
		if (read.base || /^\s*(?:yuan\s+)?(?:(?:in|of)\s+\d{4}\s+)?to\s+$/i.test(text.slice(previous.amount.end, read.amount.start)))
			read.per = previous.per;
	});
	return reads;
}

const POVERTY_LINE = /\bpoverty\s+(?:lines?|standards?|thresholds?)\b/i;
/** Under this an income or a poverty line is a person's: the yearbook's incomes and lines are per capita unless it says otherwise. */
const PERSONAL_INCOME = 100_000;

function defaultPer(kind: FigureKind, label: string, value: number): string | null {
	if (kind === 'threshold' && POVERTY_LINE.test(label)) return 'person';
	if (
		kind === 'income' &&
		value < PERSONAL_INCOME &&
		!/\b(?:collective|total|labou?r|village|villages|county|counties|enterprises?)\b/i.test(label)
	)
		return 'person';
	return null;
}

/** What a change with no amount to link to changes: "increasing villages' collective income by 8.4 million yuan" → that income. */
function changedThing(read: Read): string {
	const before = read.sentenceText.slice(Math.max(0, read.amount.start - 120), read.amount.start);
	const m = /\b(?:increas|rais|boost|reduc|decreas|lift|improv)\w*\s+(?:the\s+)?([^,;]{1,80}?)\s+(?:by|of)\s+(?:\w+\s+){0,2}$/i.exec(
		before,
	);
	return m ? m[1]! : moneyNounBefore(read.sentenceText, read.amount);
}

/** The figures of one paragraph; `partOf` and `changeOf` count from `offset` (the figures of the section before it). */
function paragraphFigures(paragraph: string, context: ExtractContext, offset: number): Figure[] {
	const reads = sentences(paragraph).flatMap((s, i) => readSentence(s.text, i, context));
	const links = linkRoles(reads);
	const figures: Figure[] = [];
	const previousWhole = (i: number) => {
		for (let j = i - 1; j >= 0 && reads[j]!.sentence === reads[i]!.sentence; j--)
			if (links[j]!.role !== 'change' && !reads[j]!.base) return j;
		return undefined;
	};
	// Labels first, in order (a part's label may be its whole's), then changes (whose target may come after them).
	const labels = reads.map(r => r.label);
	const kinds: Array<FigureKind | undefined> = reads.map(() => undefined);
	reads.forEach((read, i) => {
		const link = links[i]!;
		if (link.role === 'change') return;
		const whole = link.role === 'part' && link.of !== null ? link.of : undefined;
		let label = labels[i]!;
		if (whole !== undefined && (read.how === 'purpose' || read.how === 'source' || read.how === 'none' || read.how === 'nearby')) {
			// "of which 274 million yuan was from the provincial government": the whole's money, from there.
			const source = read.how === 'source' ? label : sourceAfter(read.sentenceText.slice(read.amount.end, read.amount.end + 200));
			const qualifier = read.how === 'purpose' ? `${read.preposition} ${label}` : source;
			label = qualifier === '' ? labels[whole]! : `${labels[whole]} ${qualifier}`;
		}
		const total = previousWhole(i);
		if (read.how !== 'noun' && read.how !== 'previous' && read.per !== null && whole === undefined) {
			// "30 million yuan …, with 7.5 million yuan for each county": the same money, per unit.
			label = total !== undefined ? labels[total]! : moneyNounBefore(read.sentenceText, read.amount) || label;
		}
		if (label === '' || label.startsWith('from ')) {
			const noun = nounOfVerb(read.sentenceText, read.amount);
			label = noun === '' ? label || 'amount' : label === '' ? noun : `${noun} ${label}`;
		}
		labels[i] = label.replace(/\s+/g, ' ');
		// A part, a per-unit share or a base is the kind of money its whole is, unless its own words say otherwise.
		const related = whole ?? (read.per !== null || read.base || read.how === 'previous' ? total : undefined);
		kinds[i] =
			kindOfLabel(labels[i]!) ??
			(related !== undefined ? kinds[related] : undefined) ??
			kindOf(labels[i]!, read.sentenceText, read.amount, read.per);
	});
	reads.forEach((read, i) => {
		const link = links[i]!;
		if (link.role !== 'change') return;
		const own = isEmptyLabel(labels[i]!) ? '' : labels[i]!;
		const word = read.difference === -1 ? 'decrease' : 'increase';
		const target = link.of;
		// "the rural per capita net income … increased by 716 yuan, reaching 6,000 yuan": the change names what it changes.
		if (target !== null && own !== '' && labels[target] === 'amount') {
			labels[target] = own;
			kinds[target] = kindOf(own, reads[target]!.sentenceText, reads[target]!.amount, reads[target]!.per);
		}
		const named = own || `${word} in ${changedThing(read)}`.replace(/ in $/, '');
		labels[i] =
			target !== null && !/\b(?:growth|increase|decrease|rise|drop|increment)\b/i.test(own) ? `${word} in ${labels[target]}` : named;
		kinds[i] = target !== null ? kinds[target] : kindOf(labels[i]!, read.sentenceText, read.amount, read.per);
	});
	reads.forEach((read, i) => {
		const link = links[i]!;
		const target = link.of === null ? undefined : (figures[link.of] ?? undefined);
		let per = read.per;
		let status = read.status.status;
		if (link.of !== null && link.role !== 'whole') {
			const other = reads[link.of]!;
			per ??= other.per;
			// A change is as done as the amount it changes, unless its own words say otherwise ("the growth target of 600 yuan").
			if (link.role === 'change' && !read.status.own) status = other.status.status;
		}
		void target;
		const kind = kinds[i]!;
		per ??= defaultPer(kind, labels[i]!, read.amount.value);
		figures.push({
			text: read.amount.text,
			value: read.amount.value,
			currency: read.amount.currency,
			yuan: read.amount.currency === 'CNY' ? read.amount.value : null,
			sentence: read.sentenceText,
			label: labels[i]!,
			kind,
			per,
			status,
			role: link.role,
			partOf: link.role === 'part' && link.of !== null ? link.of + offset : null,
			changeOf: link.role === 'change' && link.of !== null ? link.of + offset : null,
			change: read.change,
			changePercent: read.difference !== undefined ? null : changePercent(read.change),
			changeYuan: null,
		});
	});
	// A change stated after a part but linked to its whole ("…, of which … 77.69 million yuan was other
	// funds, with an increase of 79.735 million yuan over 2011, up 9.5%"): the whole's change.
	reads.forEach((read, i) => {
		const link = links[i]!;
		if (link.role !== 'change' || link.of === null) return;
		const changed = figures[link.of]!;
		// The change phrase stands just before the change amount, on one of the few amounts before it.
		let holder = -1;
		for (let j = i - 1; j >= Math.max(0, i - 24) && reads[j]!.sentence === read.sentence; j--) {
			if (j !== link.of && figures[j]!.change?.includes(read.amount.text)) {
				holder = j;
				break;
			}
		}
		if (holder !== -1 && changed.change === null) {
			changed.change = figures[holder]!.change;
			changed.changePercent = figures[holder]!.changePercent;
			figures[holder]!.change = null;
			figures[holder]!.changePercent = null;
		}
		// A target ("the income growth target of 600 yuan") is not how much a reached amount changed.
		const target = figures[i]!.status === 'planned' && changed.status === 'actual';
		if (read.amount.currency === 'CNY' && changed.currency === 'CNY' && changed.changeYuan === null && !target)
			changed.changeYuan = (read.difference ?? 1) * read.amount.value;
	});
	return figures;
}

/** Every figure of a section, in order; `partOf` and `changeOf` index this list. */
export function extractSectionFigures(paragraphs: string[], context: ExtractContext = {}): Figure[] {
	const figures: Figure[] = [];
	for (const paragraph of paragraphs) {
		const own = paragraphFigures(paragraph, context, figures.length);
		figures.push(...own);
	}
	return figures;
}

/** The figures of one paragraph on its own. */
export function extractFigures(paragraph: string, context: ExtractContext = {}): Figure[] {
	return paragraphFigures(paragraph, context, 0);
}
