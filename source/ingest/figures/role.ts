// Whether an amount stands on its own, is a part of an amount stated just before it ("of which
// 570 million yuan was from the central government", "including 132.3 million yuan of …", the
// items of a breakdown), or is how much another amount changed — and which one.

import type {FigureRole} from '../../corpus/schema.ts';
import type {Amount} from './amounts.ts';
import {MONEY_NOUN} from './phrases.ts';

export interface RoleInput {
	/** Index of the sentence in the paragraph. */
	sentence: number;
	sentenceText: string;
	amount: Amount;
	/** The amount states a difference (+1 a rise, -1 a fall), as `differenceDirection` reads it. */
	difference: 1 | -1 | undefined;
	/** The amount is the base a change is measured from ("compared to the figure of 3,964 yuan in 2011"). */
	base: boolean;
	per: string | null;
	/** The label read from the words around the amount ('' when none). */
	label: string;
}

export interface RoleLink {
	role: FigureRole;
	/** Index, in the same list, of the whole (for a part) or of the amount changed (for a change). */
	of: number | null;
}

/** Words that open a part of the amount before: "of which", "including", "among them". */
const PART_MARKER =
	/\b(?:of\s+which|among\s+which|in\s+which|within\s+which|of\s+whom|including|includes?|included|among\s+them|of\s+them|of\s+this|of\s+it|of\s+these|consisting\s+of|composed\s+of|made\s+up\s+of|namely|i\.e\.|the\s+remaining|the\s+rest)\b|:\s*$/i;
/** A sentence that begins by referring to an amount of the sentence before: "Of it, 570 million yuan …". */
const REFERS_BACK =
	/^\s*(?:of\s+(?:it|this|that|these|them|which|the\s+total|the\s+funds|the\s+investment)|among\s+(?:them|which|these|it)|including|in\s+which)\b/i;
/** A sentence that opens on an amount and breaks it down: "Among the 1.3 billion yuan of production funds, 856 million …". */
const AMONG_THE = /^\s*(?:among|of|out\s+of|from)\s+(?:the\s+)?$/i;
/** Words that start a new amount of its own rather than an item of a breakdown. */
const NEW_WHOLE =
	/(?<!\b(?:of|in)\s+the\s+)\b(?:total|totally|totaling|totalling|in\s+all|altogether|overall|another|also|besides|meanwhile|moreover|in\s+addition)\b/i;
/** How many amounts back a whole or a changed amount is looked for (a garbled table run into one sentence stays linear). */
const REACH = 24;
/** Tolerance for rounding when parts are checked against their whole. */
const ROUNDING = 1.005;

function fits(part: RoleInput, whole: RoleInput): boolean {
	return (
		part.amount.currency === whole.amount.currency &&
		part.amount.value <= whole.amount.value * ROUNDING &&
		(part.per === null || whole.per === null || part.per === whole.per) &&
		// A per-unit amount is no part of a total: "50 million yuan of subsidies, 1,000 yuan per person".
		!(part.per !== null && whole.per === null)
	);
}

class Links {
	readonly links: RoleLink[];
	private readonly sums = new Map<number, number>();
	constructor(readonly items: RoleInput[]) {
		this.links = items.map(() => ({role: 'whole', of: null}));
	}
	part(i: number, whole: number): void {
		this.links[i] = {role: 'part', of: whole};
		this.sums.set(whole, this.partsSum(whole) + this.items[i]!.amount.value);
	}
	partsSum(whole: number): number {
		return this.sums.get(whole) ?? 0;
	}
	/** Room left in a whole for one more part: the parts stated so far cannot exceed it. */
	holds(whole: number, part: number): boolean {
		return (
			fits(this.items[part]!, this.items[whole]!) &&
			this.partsSum(whole) + this.items[part]!.amount.value <= this.items[whole]!.amount.value * ROUNDING
		);
	}
	/** The amount itself, or the whole it is a part of, and so on up: the first that can hold `part`. */
	climb(from: number, part: number): number | undefined {
		for (let j: number | null = from, n = 0; j !== null && n < 8; j = this.links[j]!.role === 'part' ? this.links[j]!.of : null, n++) {
			if (fits(this.items[part]!, this.items[j]!)) return j;
		}
		return undefined;
	}
}

/** Roles and links for the amounts of one paragraph, in order. */
export function linkRoles(items: RoleInput[]): RoleLink[] {
	const links = new Links(items);
	const sentences: Array<[number, number]> = [];
	for (let first = 0; first < items.length; ) {
		let last = first;
		while (last + 1 < items.length && items[last + 1]!.sentence === items[first]!.sentence) last++;
		sentences.push([first, last]);
		first = last + 1;
	}
	// Parts first: a change too large for a part is the change of its whole.
	for (const [first, last] of sentences) linkParts(links, first, last);
	for (const [first, last] of sentences) linkChanges(links, first, last);
	closeBreakdowns(links, sentences);
	return links.links;
}

function isChange(items: RoleInput[], i: number): boolean {
	return items[i]!.difference !== undefined;
}

/**
 * Each difference to the amount it changes: the one it leads to ("rose by 20 million yuan to 300
 * million yuan"); a list of differences "respectively" to the amounts listed before it, in order;
 * else the nearest amount before it that is not a change or a base, and that a rise of this size
 * could have come to (an increase of 79.7 million is not the change of 77.7 million: its whole).
 */
function linkChanges(links: Links, first: number, last: number): void {
	const {items} = links;
	const text = items[first]!.sentenceText;
	const respectively = /\brespectively\b/i.test(text);
	for (let i = first; i <= last; i++) {
		if (!isChange(items, i)) continue;
		let end = i;
		while (end + 1 <= last && isChange(items, end + 1)) end++;
		const run = end - i + 1;
		const candidates: number[] = [];
		for (let j = i - 1; j >= Math.max(first, i - REACH); j--) if (!isChange(items, j) && !items[j]!.base) candidates.unshift(j);
		if (respectively && run > 1 && candidates.length >= run) {
			candidates.slice(-run).forEach((j, k) => {
				links.links[i + k] = {role: 'change', of: j};
			});
			i = end;
			continue;
		}
		for (let k = i; k <= end; k++) links.links[k] = {role: 'change', of: changedAmount(links, last, k, candidates)};
		i = end;
	}
}

function changedAmount(links: Links, last: number, i: number, candidates: number[]): number | null {
	const {items} = links;
	const item = items[i]!;
	const next = items[i + 1];
	if (i < last && next) {
		const between = item.sentenceText.slice(item.amount.end, next.amount.start);
		if (
			/^\s*(?:yuan\s+)?(?:over\s+\S+\s+|compared\s+with\s+\S+\s+)?,?\s*(?:to|reaching|to\s+reach|up\s+to)\s+(?:a\s+total\s+of\s+)?$/i.test(
				between,
			)
		)
			return i + 1;
	}
	// "income growth per capita of 3000 yuan" after a profit is no change of the profit: what the change names must be what it changes.
	const named = moneyNouns(item.label);
	const canChange = (j: number) =>
		items[j]!.amount.currency === item.amount.currency &&
		(item.difference === -1 || items[j]!.amount.value > item.amount.value) &&
		(named.length === 0 || moneyNouns(items[j]!.label).some(n => named.includes(n)));
	for (let c = candidates.length - 1; c >= 0; c--) {
		const j = candidates[c]!;
		if (canChange(j)) return j;
		// Too large for this amount: the change of the whole it belongs to.
		const whole = links.links[j]!.role === 'part' ? links.links[j]!.of : null;
		if (whole !== null && canChange(whole)) return whole;
	}
	return null;
}

/** The money nouns of a label, singular: "income growth per capita" → [income]. */
function moneyNouns(label: string): string[] {
	return label
		.toLowerCase()
		.split(/[^\p{L}-]+/u)
		.filter(w => MONEY_NOUN.test(w))
		.map(w => w.replace(/(?:ies)$/, 'y').replace(/s$/, ''));
}

function linkParts(links: Links, first: number, last: number): void {
	const {items} = links;
	const text = items[first]!.sentenceText;
	// The whole whose breakdown is running, outside and inside brackets.
	let breakdown: number | undefined;
	// What the running breakdown has stated so far (a whole may be broken down twice: by source, then by use).
	let stated = 0;
	let bracketWhole: number | undefined;
	let depth = 0;
	let previousEnd = 0;
	let previous: number | undefined;
	for (let i = first; i <= last; i++) {
		const item = items[i]!;
		const segment = text.slice(previousEnd, item.amount.start);
		previousEnd = item.amount.end;
		const wasDepth = depth;
		depth = Math.max(0, depth + (segment.match(/\(/g) ?? []).length - (segment.match(/\)/g) ?? []).length);
		if (depth === 0) bracketWhole = undefined;
		if (isChange(items, i) || item.base) continue;
		const before = previous;
		previous = i;
		if (before === undefined) {
			// "Of it, 570 million yuan was from the central government": a part of the sentence before.
			const back = REFERS_BACK.test(segment) ? lastWholeBefore(links, first, i) : anaphoricWhole(links, first, i);
			if (back !== undefined) {
				links.part(i, back);
				breakdown = back;
				stated = item.amount.value;
			} else if (AMONG_THE.test(segment)) {
				// "Among the 1.3 billion yuan of production funds, 856 million yuan …": what follows breaks it down.
				breakdown = i;
				stated = 0;
			}
			continue;
		}
		// "1.117 billion yuan (847 million yuan from the central government and 270 million …)"
		if (depth > wasDepth && /^[^()]*\([^()]*$/.test(segment)) {
			if (fits(item, items[before]!)) {
				bracketWhole = before;
				links.part(i, before);
			}
			continue;
		}
		if (depth > 0 && bracketWhole !== undefined) {
			if (links.holds(bracketWhole, i)) links.part(i, bracketWhole);
			continue;
		}
		const marker = segment.search(PART_MARKER);
		if (marker !== -1 && !NEW_WHOLE.test(segment.slice(marker))) {
			// The amount just before, or the whole that one is a part of: "a part of a part is part of the nearer one".
			// A per-unit share of an earlier total is passed over: "…, 2112.7 yuan per person, and the remaining 1.221 million yuan".
			let nearest = before;
			while (!fits(item, items[nearest]!) && items[nearest]!.per !== null && nearest > first && !isChange(items, nearest - 1)) nearest--;
			const whole = links.climb(nearest, i);
			if (whole !== undefined) {
				links.part(i, whole);
				if (breakdown !== whole) stated = 0;
				breakdown = whole;
				stated += item.amount.value;
				continue;
			}
		}
		// The next item of a running breakdown: "of which A was …, B was … and C was …".
		if (
			breakdown !== undefined &&
			breakdown !== i &&
			!NEW_WHOLE.test(segment) &&
			fits(item, items[breakdown]!) &&
			stated + item.amount.value <= items[breakdown]!.amount.value * ROUNDING
		) {
			links.part(i, breakdown);
			stated += item.amount.value;
			continue;
		}
		breakdown = undefined;
	}
	// "1.5 million yuan of the project rent of 4.5 million yuan": a part of the amount it is "of the … of".
	for (let i = first; i < last; i++) {
		if (links.links[i]!.role !== 'whole' || isChange(items, i + 1)) continue;
		const between = text.slice(items[i]!.amount.end, items[i + 1]!.amount.start);
		if (/^\s*(?:yuan\s+)?of\s+the\s+[^,;()]{1,60}?\s+of\s+$/i.test(between) && fits(items[i]!, items[i + 1]!)) links.part(i, i + 1);
	}
}

/** For "Of it, …": the last whole of the sentence before that can hold the part. */
function lastWholeBefore(links: Links, first: number, part: number): number | undefined {
	const {items} = links;
	const sentence = items[first - 1]?.sentence;
	if (sentence === undefined || sentence !== items[part]!.sentence - 1) return undefined;
	for (let j = first - 1; j >= Math.max(0, first - REACH) && items[j]!.sentence === sentence; j--) {
		if (links.links[j]!.role === 'whole' && !items[j]!.base && fits(items[part]!, items[j]!)) return j;
	}
	return undefined;
}

function headNoun(label: string): string {
	const ws = label.toLowerCase().split(/\s+/);
	const stop = ws.findIndex((w, i) => i > 0 && /^(?:of|for|from|by|to|in|on)$/.test(w));
	return (stop === -1 ? ws : ws.slice(0, stop)).at(-1)?.replace(/s$/, '') ?? '';
}

/**
 * "327.76 million yuan of the financial anti-poverty funds was used for …": a sentence that
 * opens on an amount "of the" money named before is a part of that money, the last whole of
 * the sentence before whose label ends in the same noun.
 */
function anaphoricWhole(links: Links, first: number, part: number): number | undefined {
	const {items} = links;
	const item = items[part]!;
	const m = /^\s*(?:yuan\s+)?of\s+the\s+([^,;()]{1,80})/i.exec(item.sentenceText.slice(item.amount.end));
	if (!m) return undefined;
	const noun = headNoun(m[1]!.split(/\s+(?:was|were|is|are|has|had|will)\b/)[0]!);
	if (noun === '') return undefined;
	const sentence = items[first - 1]?.sentence;
	if (sentence === undefined || sentence !== item.sentence - 1) return undefined;
	for (let j = first - 1; j >= Math.max(0, first - REACH) && items[j]!.sentence === sentence; j--) {
		if (links.links[j]!.role === 'whole' && headNoun(items[j]!.label) === noun && fits(item, items[j]!)) return j;
	}
	return undefined;
}

/** The amounts from `start` on that add up to `remaining` (two or more, or one after parts already stated), or []. */
function runClosing(links: Links, w: number, remaining: number, start: number, to: number): number[] {
	const {items} = links;
	let sum = 0;
	const run: number[] = [];
	for (let k = start; k <= to; k++) {
		if (links.links[k]!.role !== 'whole' || isChange(items, k) || items[k]!.base || !fits(items[k]!, items[w]!)) return [];
		sum += items[k]!.amount.value;
		run.push(k);
		if (sum > remaining * ROUNDING) return [];
		if (Math.abs(sum - remaining) <= remaining * (ROUNDING - 1) && (run.length >= 2 || links.partsSum(w) > 0)) return run;
	}
	return [];
}

/**
 * A breakdown that goes on in the next sentence: "A total of 638.95 million yuan was invested …,
 * of which 248.55 million yuan …. The province put in 351.42 million yuan … and 38.98 million
 * yuan …" — amounts of the next sentence that, with the parts already stated, add up to the
 * whole (within rounding) are its parts. Only an exact sum links: a coincidence is unlikely.
 */
function closeBreakdowns(links: Links, sentences: Array<[number, number]>): void {
	const {items} = links;
	sentences.forEach(([first, last], s) => {
		const following = sentences[s + 1];
		if (!following) return;
		for (let w = Math.max(first, last - REACH); w <= last; w++) {
			const whole = items[w]!;
			if (links.links[w]!.role === 'change' || whole.base) continue;
			const remaining = whole.amount.value - links.partsSum(w);
			if (remaining <= 0) continue;
			const [from, end] = following;
			const to = Math.min(end, from + REACH);
			// Runs of the next sentence that each add up to what the whole still holds: "for key counties, A, B
			// and C; for non-key counties, D, E and F" may break one amount down twice.
			let found = false;
			for (let start = from; start <= to; start++) {
				const run = runClosing(links, w, remaining, start, to);
				if (run.length === 0) continue;
				for (const r of run) links.part(r, w);
				start = run.at(-1)!;
				found = true;
			}
			if (found) return;
		}
	});
}
