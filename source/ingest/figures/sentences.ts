// Splitting a paragraph into sentences: the unit every figure is read in.

export interface Sentence {
	text: string;
	/** Offset of the sentence in its paragraph. */
	start: number;
}

/** Sentences of a paragraph, with their offsets. Decimal points and "No. 5" do not end one. */
export function sentences(paragraph: string): Sentence[] {
	const result: Sentence[] = [];
	const boundary = /(?<!\b(?:No|Co|Ltd|Mr|Mrs|Dr|St|etc|Nos|i\.e|e\.g))[.!?。](?=["”’)]?\s+["“‘(]?[\p{Lu}\d])/gu;
	let start = 0;
	for (const m of paragraph.matchAll(boundary)) {
		let end = m.index! + 1;
		while (/["”’)]/.test(paragraph.charAt(end))) end++;
		result.push({text: paragraph.slice(start, end).trim(), start});
		start = end;
		while (/\s/.test(paragraph.charAt(start))) start++;
	}
	if (start < paragraph.length) result.push({text: paragraph.slice(start).trim(), start});
	return result.filter(s => s.text !== '');
}
