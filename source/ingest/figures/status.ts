// Whether an amount was spent or reached (actual) or is only intended (planned): read from the
// verb that governs it — "will invest", "plans to", "decided to … invest", "signed projects
// worth", "is expected to" — and from a year after the report's own.

import type {FigureStatus} from '../../corpus/schema.ts';
import type {Amount} from './amounts.ts';

/** Words that make what follows an intention, read at a word (with the words after it). */
const PLAN_AT =
	/^(?:will|shall|would|(?:plans?|planned|planning|plan)\s+to|(?:is|are|was|were)\s+(?:going|scheduled|set|due|expected|projected|estimated|planned|intended|about|required)\s+to|(?:aims?|aimed|aiming|strive|strives|striving|strove|intends?|intended|intending|decided|decides|determined|pledged|pledges|promised|promises|vowed|proposed|proposes|agreed|agrees|expects?|expected|hopes?|hoped|seeks?|sought|targets?|targeted|prepares?|prepared|preparing)\s+to|planned|signed|contracted|pledged|promised|proposed|intended|intentional|projected|to\s+be\s+\p{L}+ed|in\s+the\s+(?:next|coming|following)|put\s+forward\s+to|set\s+(?:a|the)\s+(?:target|goal)|applications?\s+for|applied\s+for|target(?:s|ed)?|plans?\s+(?:of|for|to))\b/iu;
/** Past forms that end in -ed do not say "done" when they modify a noun: "integrated funds", "self-raised funds". */
const MONEY_NOUN_AFTER = /^\s+(?:funds?|capital|investment|money|loans?|subsid\w+|grants?|donations?|projects?)\b/i;
/** Irregular past tenses and perfect or past auxiliaries: the amount was spent. */
const DONE =
	/^(?:was|were|has\s+been|have\s+been|had|spent|put|paid|lent|gave|got|made|won|brought|built|sent|took|rose|grew|fell|hit|sold|drew|saw|in\s+fact|actually|already|so\s+far)\b/i;

/** The verb group right after an amount that is the subject: "24 billion yuan will be invested", "… was issued". */
const AFTER = /^(?:\s*(?:yuan|rmb))?(?:\s+(?:of|in)\s+[^,;()]{0,60}?)?\s+(will|shall|is|are|was|were|has|have|had)\b\s*(\p{L}+)?/iu;

/** Past participles that say the money is only agreed, not spent: "… of funds were approved". */
const AGREED = /^(?:approved|pledged|promised|agreed|signed|contracted|committed|budgeted|planned|intended|proposed|earmarked|requested)$/i;

function afterStatus(after: string): FigureStatus | undefined {
	if (/^(?:\s*(?:yuan|rmb))?\s+(?:is\s+|are\s+)?to\s+be\s+\p{L}+ed\b/iu.test(after)) return 'planned';
	if (/^(?:\s*(?:yuan|rmb))?\s+(?:(?:was|were|is|are)\s+)?planned\s+(?:for|to|as)\b/iu.test(after)) return 'planned';
	const m = AFTER.exec(after);
	if (!m) return undefined;
	const aux = m[1]!.toLowerCase();
	const verb = m[2] ?? '';
	if (aux === 'will' || aux === 'shall') return 'planned';
	if (/^(?:to|expected|planned|going|scheduled|estimated|projected|due|intended)$/i.test(verb) && (aux === 'is' || aux === 'are'))
		return 'planned';
	if (AGREED.test(verb)) return 'planned';
	// "was spent", "were issued", "has been put in": done. "was financial relief funds" says nothing of it.
	if (
		/^(?:was|were|has|have|had)$/.test(aux) &&
		(/[^e]ed$/i.test(verb) ||
			DONE.test(verb) ||
			/^(?:been|given|lent|spent|paid|put|raised|won|got|made|used|sent|built|drawn|taken)$/i.test(verb))
	)
		return 'actual';
	return undefined;
}

/**
 * Scans back from the amount to the start of its clause: the nearest word that says "intended"
 * or "done" decides. Words that say neither ("invest", "nine years") are passed over, so
 * "decided to spend nine years and invest 24 billion yuan" is planned.
 */
function beforeStatus(before: string, reportYear: number | undefined): FigureStatus | undefined {
	const starts = [...before.matchAll(/\b\p{L}|\b\d{4}\b/gu)].map(m => m.index!);
	for (let i = starts.length - 1; i >= 0; i--) {
		const rest = before.slice(starts[i]!);
		const year = /^(\d{4})\b/.exec(rest);
		if (year) {
			// "in 2013" or "by 2015" in a report on 2012: a target or a plan.
			const preposition = /\b(?:in|by|before|until|till)\s+(?:the\s+end\s+of\s+)?$/i.test(before.slice(0, starts[i]!));
			if (preposition && reportYear !== undefined && Number(year[1]) > reportYear) return 'planned';
			continue;
		}
		if (PLAN_AT.test(rest)) return 'planned';
		// "will put in", "to put in": a base form, whatever it looks like; the word before it decides.
		if (/\b(?:will|shall|would|to|can|could|may|might|must|should)\s+$/i.test(before.slice(0, starts[i]!))) continue;
		if (DONE.test(rest)) return 'actual';
		const word = /^\p{L}+/u.exec(rest)![0];
		if (/[^e]ed$/i.test(word) && word.length > 4 && !MONEY_NOUN_AFTER.test(rest.slice(word.length))) return 'actual';
	}
	return undefined;
}

export interface StatusRead {
	status: FigureStatus;
	/** Decided by the amount's own words (its verb, or the words since the amount before it), not by a verb further back. */
	own: boolean;
}

/** Whether the amount was spent or reached, or is a plan, a target or money only agreed. */
export function statusOf(sentence: string, amount: Amount, previousEnd: number, nextStart: number, reportYear?: number): StatusRead {
	const after = sentence.slice(amount.end, Math.min(nextStart, amount.end + 100));
	const fromAfter = afterStatus(after);
	if (fromAfter !== undefined) return {status: fromAfter, own: true};
	const near = beforeStatus(sentence.slice(Math.max(previousEnd, amount.start - 240), amount.start), reportYear);
	if (near !== undefined) return {status: near, own: true};
	const window = sentence.slice(Math.max(0, amount.start - 240), amount.start);
	return {status: beforeStatus(window.slice(window.lastIndexOf(';') + 1), reportYear) ?? 'actual', own: false};
}
