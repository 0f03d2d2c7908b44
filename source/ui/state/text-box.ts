// A one-line text box (the search box, the Compare query): its text and cursor, edited by
// grapheme, so that an accent or an emoji with its skin tone is one step and never split.

import {graphemes} from '../../format/text.ts';

export interface TextBox {
	readonly text: string;
	/** Where the cursor is, in graphemes. */
	readonly caret: number;
}

export const EMPTY_BOX: TextBox = Object.freeze({text: '', caret: 0});

/** The longest text a box takes, in graphemes. */
export const BOX_LIMIT = 80;

export function boxOf(text: string): TextBox {
	const kept = graphemes(text).slice(0, BOX_LIMIT);
	return {text: kept.join(''), caret: kept.length};
}

export type BoxEdit = 'eraseBack' | 'eraseOn' | 'eraseWord' | 'eraseAll' | 'caretBack' | 'caretOn' | 'caretStart' | 'caretEnd';

/** The box after an edit at its cursor; the same object when nothing changed. */
export function editBox(box: TextBox, edit: BoxEdit | {insert: string}): TextBox {
	const chars = graphemes(box.text);
	const caret = Math.min(box.caret, chars.length);
	let next: {chars: string[]; caret: number};
	if (typeof edit === 'object') {
		if (edit.insert === '') return box;
		const joined = graphemes(chars.slice(0, caret).join('') + edit.insert);
		next = {chars: [...joined, ...chars.slice(caret)], caret: joined.length};
	} else {
		switch (edit) {
			case 'eraseBack':
				next = caret === 0 ? {chars, caret} : {chars: [...chars.slice(0, caret - 1), ...chars.slice(caret)], caret: caret - 1};
				break;
			case 'eraseOn':
				next = {chars: [...chars.slice(0, caret), ...chars.slice(caret + 1)], caret};
				break;
			case 'eraseWord': {
				const kept = graphemes(
					chars
						.slice(0, caret)
						.join('')
						.replace(/\S*\s*$/, ''),
				);
				next = {chars: [...kept, ...chars.slice(caret)], caret: kept.length};
				break;
			}
			case 'eraseAll':
				next = {chars: [], caret: 0};
				break;
			case 'caretBack':
				next = {chars, caret: Math.max(0, caret - 1)};
				break;
			case 'caretOn':
				next = {chars, caret: Math.min(chars.length, caret + 1)};
				break;
			case 'caretStart':
				next = {chars, caret: 0};
				break;
			case 'caretEnd':
				next = {chars, caret: chars.length};
				break;
		}
	}
	const kept = next.chars.slice(0, BOX_LIMIT);
	const text = kept.join('');
	const at = Math.min(next.caret, kept.length);
	return text === box.text && at === box.caret ? box : {text, caret: at};
}
