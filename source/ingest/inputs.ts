// The files given to `ingest` and `library add`: yearbook text, or saved web pages turned into
// the same text, then parsed together. One bad file stops the whole call, naming the file.

import {basename} from 'node:path';
import type {Corpus} from '../corpus/schema.ts';
import {buildCorpus, type RawFile} from './build.ts';
import {decodePage} from './page-encoding.ts';
import {pageText} from './page-text.ts';
import {IngestError} from './raw-text.ts';

const PAGE_NAME = /\.(?:x?html?|shtml)$/i;

// The patterns by which browsers sniff a document as HTML (WHATWG MIME Sniffing, "text/html"),
// each followed by a space or ">", and <meta.
const HTML_START = /^(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<meta|<!--)[ >]/i;

/** A saved page: by its name, or by how its content starts (after white space and a BOM). */
export function isPage(name: string, bytes: Uint8Array): boolean {
	if (PAGE_NAME.test(name)) return true;
	const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256))
		.toString('latin1')
		.replace(/^(?:\xef\xbb\xbf)?[\t\n\f\r ]*/, '');
	return HTML_START.test(start.startsWith('<!--') ? '<!-- ' : start);
}

function read(file: string, readFile: (path: string) => Uint8Array): Uint8Array {
	try {
		return readFile(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new IngestError(
			file,
			code === 'ENOENT'
				? 'no such file'
				: code === 'EISDIR'
					? 'is a directory'
					: code === 'EACCES'
						? 'permission denied'
						: 'cannot be read',
		);
	}
}

export interface Input extends RawFile {
	/** The path as given. */
	path: string;
	page: boolean;
}

/**
 * Read every file with `readFile` (the program's one reader of user files, ingest/read-user-file.ts);
 * a page becomes its report text (UTF-8), as a raw text file would hold it.
 */
export function readInputs(paths: string[], readFile: (path: string) => Uint8Array): Input[] {
	const names = paths.map(path => basename(path));
	return paths.map((path, i) => {
		const bytes = read(path, readFile);
		// Reports are told apart by their file's name: two files of one name go by their paths.
		const name = names.indexOf(names[i]!) === names.lastIndexOf(names[i]!) ? names[i]! : path;
		if (!isPage(path, bytes)) return {path, name, bytes, page: false};
		if (bytes.length === 0) throw new IngestError(path, 'is empty');
		const text = pageText(decodePage(name, bytes));
		if (text.trim() === '') throw new IngestError(name, 'holds no report text (nothing but navigation, scripts, forms or a footer)');
		return {path, name, bytes: Buffer.from(text, 'utf8'), page: true};
	});
}

/**
 * The corpus of the inputs. A line number in an error about a page counts the lines of its
 * report text, not of the HTML: said so, so that nobody looks for it in the page's source.
 */
export function buildInputs(inputs: Input[]): Corpus {
	try {
		return buildCorpus(inputs);
	} catch (error) {
		const page = error instanceof IngestError && error.line !== undefined && inputs.find(i => i.page && i.name === error.file);
		if (!page || !(error instanceof IngestError)) throw error;
		throw new IngestError(error.file, `${error.problem} (paragraph ${error.line} of the page's text)`);
	}
}
