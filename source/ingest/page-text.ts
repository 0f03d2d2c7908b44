// A saved web page → the yearbook text it holds, one paragraph a line, as in a raw text file:
// the title and paragraphs of the page's block elements, without what a site puts around a
// report (navigation, scripts, styles, forms, the footer). The raw-text parser then reads it as
// it reads any text, both heading styles included. Text is kept as the page renders it: runs of
// spaces collapse, non-breaking and ideographic spaces stay (the heading parser reads them).

import {type DefaultTreeAdapterMap, parse} from 'parse5';
import {isTitleLike} from './reports.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements that start and end a line of text (the rest run on inline). */
const BLOCKS = new Set([
	...HEADINGS,
	...['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt'],
	...['fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing'],
	...['main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp'],
]);

/** Never report text: code, styles, controls, embedded media, and the page's navigation and footer. */
const NOT_TEXT = new Set([
	...['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base'],
	...['nav', 'footer', 'aside', 'menu', 'dialog'],
	...['button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'label', 'output'],
	...['iframe', 'frame', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'map', 'img', 'picture'],
]);

const NOT_TEXT_ROLES = new Set(['navigation', 'contentinfo', 'search', 'complementary', 'menu', 'menubar', 'toolbar', 'dialog', 'form']);

/**
 * Words in class and id names that mark a site's furniture (pinyin ones too: daohang is
 * navigation, dibu the bottom, banquan the copyright). Trusted only for an element holding less
 * than half the page's text: a report is never that small a part of its page.
 */
const FURNITURE_WORDS = new Set([
	...['nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs'],
	...['footer', 'foot', 'bottom', 'copyright', 'sidebar', 'side', 'share', 'sharing', 'social', 'toolbar', 'tools'],
	...['pagination', 'pager', 'skip', 'related', 'comment', 'comments', 'advert', 'ads', 'print', 'search', 'login'],
	...['info', 'date', 'byline', 'pubdate', 'publish'],
	...['daohang', 'dibu', 'banquan'],
]);
/** A site's header: furniture unless it holds a heading (an article's own header holds its title). */
const HEADER_WORDS = new Set(['header', 'head', 'top', 'masthead', 'banner', 'logo']);

function attribute(element: Element, name: string): string | undefined {
	return element.attrs.find(a => a.name === name)?.value;
}

function isElement(node: Node): node is Element {
	return 'tagName' in node;
}

function children(node: Node): Node[] {
	return 'childNodes' in node ? node.childNodes : [];
}

function nameWords(element: Element): string[] {
	const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
	return names
		.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/)
		.filter(Boolean)
		.map(w => w.toLowerCase());
}

const textLengths = new WeakMap<Node, number>();
/** Characters of text an element shows (scripts and styles hold none). */
function textLength(node: Node): number {
	let n = textLengths.get(node);
	if (n === undefined) {
		n = node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value.trim().length : 0;
		if (!(isElement(node) && NOT_TEXT.has(node.tagName))) for (const child of children(node)) n += textLength(child);
		textLengths.set(node, n);
	}
	return n;
}

function holds(element: Element, test: (e: Element) => boolean): boolean {
	return children(element).some(child => isElement(child) && (test(child) || holds(child, test)));
}

const holdsHeading = (e: Element) => holds(e, c => c.tagName === 'h1' || c.tagName === 'h2' || c.tagName === 'h3');

function isHidden(element: Element): boolean {
	if (attribute(element, 'hidden') !== undefined || attribute(element, 'aria-hidden') === 'true') return true;
	return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attribute(element, 'style') ?? '');
}

/** Whether the element (and all it holds) is not part of the report. */
function isFurniture(element: Element, pageText: number): boolean {
	const tag = element.tagName;
	if (NOT_TEXT.has(tag) || isHidden(element)) return true;
	// A form around the whole page (ASP.NET sites) holds the report; a search or login form does not.
	if (tag === 'form') return !holds(element, c => c.tagName === 'p' || HEADINGS.has(c.tagName));
	const role = attribute(element, 'role')?.trim().toLowerCase();
	if (role !== undefined && NOT_TEXT_ROLES.has(role)) return true;
	if (tag === 'header' || role === 'banner') return !holdsHeading(element);
	const words = nameWords(element);
	if (words.length === 0 || textLength(element) * 2 >= pageText) return false;
	if (words.some(w => FURNITURE_WORDS.has(w))) return true;
	return words.some(w => HEADER_WORDS.has(w)) && !holdsHeading(element);
}

interface Line {
	text: string;
	/** From a heading element (h1–h6). */
	heading: boolean;
	/** Characters inside links: a line mostly of links is a menu. */
	linkChars: number;
}

class Lines {
	readonly lines: Line[] = [];
	private parts: string[] = [];
	private linkChars = 0;
	private heading = false;

	add(text: string, inLink: boolean, inHeading: boolean): void {
		if (this.parts.length === 0) this.heading = inHeading;
		this.parts.push(text);
		if (inLink) this.linkChars += text.trim().length;
	}

	end(): void {
		// ASCII white space collapses as a browser renders it; other spaces (U+00A0, U+3000) stay.
		const text = this.parts
			.join('')
			.replace(/[\t\n\f\r ]+/g, ' ')
			.replace(/^ | $/g, '');
		if (text !== '') this.lines.push({text, heading: this.heading, linkChars: this.linkChars});
		this.parts = [];
		this.linkChars = 0;
	}
}

function collect(node: Node, into: Lines, pageText: number, inLink = false, inHeading = false, inPre = false): void {
	if (node.nodeName === '#text') {
		const text = (node as DefaultTreeAdapterMap['textNode']).value;
		if (!inPre) into.add(text, inLink, inHeading);
		else
			text.split('\n').forEach((piece, i) => {
				if (i > 0) into.end();
				into.add(piece, inLink, inHeading);
			});
		return;
	}
	if (!isElement(node)) {
		for (const child of children(node)) collect(child, into, pageText, inLink, inHeading, inPre);
		return;
	}
	if (isFurniture(node, pageText)) return;
	const tag = node.tagName;
	if (tag === 'br') {
		into.end();
		return;
	}
	const block = BLOCKS.has(tag);
	if (block) into.end();
	const link = inLink || tag === 'a';
	const heading = inHeading || HEADINGS.has(tag);
	const pre = inPre || tag === 'pre' || tag === 'listing' || tag === 'xmp';
	for (const child of children(node)) collect(child, into, pageText, link, heading, pre);
	if (block) into.end();
}

function find(node: Node, test: (e: Element) => boolean, found: Element[] = []): Element[] {
	for (const child of children(node)) {
		if (isElement(child)) {
			if (test(child)) found.push(child);
			else find(child, test, found);
		}
	}
	return found;
}

/** The element holding the report: the page's <main> or <article> when it marks one, else <body>. */
function mainContent(document: Node): Element | undefined {
	const body = find(document, e => e.tagName === 'body')[0];
	if (!body) return undefined;
	for (const test of [(e: Element) => e.tagName === 'main' || attribute(e, 'role') === 'main', (e: Element) => e.tagName === 'article']) {
		const candidates = find(body, test);
		if (candidates.length > 0) return candidates.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
	}
	return body;
}

/** The document's <title>, or the part of it that reads as a report title ("Title - Site"). */
function documentTitle(document: Node): string | undefined {
	const title = find(document, e => e.tagName === 'title')[0];
	if (!title) return undefined;
	const lines = new Lines();
	for (const child of children(title)) collect(child, lines, 0);
	lines.end();
	const text = lines.lines[0]?.text;
	if (text === undefined) return undefined;
	return [...text.split(/\s+[-|–—]+\s+|_+|\s*--\s*/), text].map(t => t.trim()).find(t => t !== '' && isTitleLike(t));
}

/** The report text of a page (decoded), one paragraph a line; empty when it holds none. */
export function pageText(html: string): string {
	const document = parse(html);
	const root = mainContent(document);
	if (!root) return '';
	const lines = new Lines();
	collect(root, lines, textLength(root));
	lines.end();
	// A line mostly of links is a menu or a list of other pages, not the report.
	let text = lines.lines.filter(l => l.heading || l.linkChars * 2 <= l.text.length);
	// What stands before the report's title is the page's (breadcrumbs, dates, site names).
	const title = text.findIndex(l => l.heading && isTitleLike(l.text));
	if (title >= 0) text = text.slice(title);
	else if (text.length > 0 && !isTitleLike(text[0]!.text)) {
		const fromTitle = documentTitle(document);
		if (fromTitle !== undefined) text = [{text: fromTitle, heading: true, linkChars: 0}, ...text];
	}
	return text.map(l => l.text).join('\n');
}
