// A saved web page's bytes → text. The encoding comes from a byte-order mark, else from the
// page's own declaration (<meta charset> or <meta http-equiv="Content-Type" content="…;
// charset=…">, found by the HTML parser over the bytes read as Latin-1, which keeps every ASCII
// tag intact whatever the real encoding), else UTF-8. Chinese sites often serve GBK or GB18030;
// Node's TextDecoder reads both.

import {type DefaultTreeAdapterMap, parse} from 'parse5';
import {decodeRaw, IngestError, quoteRaw} from './raw-text.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const BOMS: Array<[number[], string]> = [
	[[0xef, 0xbb, 0xbf], 'utf-8'],
	[[0xfe, 0xff], 'utf-16be'],
	[[0xff, 0xfe], 'utf-16le'],
];

function bomEncoding(bytes: Uint8Array): string | undefined {
	return BOMS.find(([bom]) => bom.every((b, i) => bytes[i] === b))?.[1];
}

function attribute(element: Element, name: string): string | undefined {
	return element.attrs.find(a => a.name === name)?.value;
}

/** The charset in a Content-Type value (`text/html; charset=gb2312`), as browsers read it. */
function charsetOfContentType(content: string): string | undefined {
	const m = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content);
	return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The first encoding a <meta> element of the page declares, in document order. */
function declaredCharset(node: Node): string | undefined {
	if ('tagName' in node && node.tagName === 'meta') {
		const charset = attribute(node, 'charset');
		if (charset !== undefined && charset.trim() !== '') return charset.trim();
		const content = attribute(node, 'content');
		if (attribute(node, 'http-equiv')?.trim().toLowerCase() === 'content-type' && content !== undefined) {
			const declared = charsetOfContentType(content);
			if (declared !== undefined && declared.trim() !== '') return declared.trim();
		}
	}
	const children =
		'content' in node && node.nodeName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
	for (const child of children) {
		const found = declaredCharset(child);
		if (found !== undefined) return found;
	}
	return undefined;
}

function decoderFor(file: string, label: string): TextDecoder {
	// As browsers do: a page cannot declare UTF-16 (its ASCII tags would not have been readable).
	const normalized = /^(?:utf-16|utf-16le|utf-16be|unicode|ucs-2)$/i.test(label) ? 'utf-8' : label;
	try {
		return new TextDecoder(normalized, {fatal: true});
	} catch {
		throw new IngestError(file, `declares the character encoding "${quoteRaw(label, 40)}", which pa-tui cannot read`);
	}
}

/** The page's text; an IngestError naming the file when it cannot be decoded. */
export function decodePage(file: string, bytes: Uint8Array): string {
	const bom = bomEncoding(bytes);
	if (bom === 'utf-8') return decodeRaw(file, bytes);
	if (bom !== undefined) {
		try {
			return new TextDecoder(bom, {fatal: true}).decode(bytes);
		} catch {
			throw new IngestError(file, `starts with a ${bom.toUpperCase()} byte-order mark but is not valid ${bom.toUpperCase()} text`);
		}
	}
	const declared = declaredCharset(parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')));
	if (declared === undefined) {
		try {
			return decodeRaw(file, bytes);
		} catch (error) {
			const line = error instanceof IngestError ? error.line : undefined;
			throw new IngestError(
				file,
				'the page declares no character encoding and is not valid UTF-8: save it as UTF-8, or add <meta charset="…"> naming its encoding (gbk, gb18030, big5, …)',
				line,
			);
		}
	}
	const decoder = decoderFor(file, declared);
	try {
		return decoder.decode(bytes).replace(/^\ufeff/, '');
	} catch {
		throw new IngestError(
			file,
			`is not valid ${decoder.encoding.toUpperCase()} text, though the page declares "${quoteRaw(declared, 40)}"`,
		);
	}
}
