// The files given to `ingest` and `library add`: yearbook text, or saved web pages turned into
// the same text, then parsed together. One bad file stops the whole call, naming the file.

import {basename} from 'node:path';
import type {Corpus} from '../corpus/schema.ts';
import {quotePath} from '../format/quote.ts';
import {ReadError, readFileLimited} from '../io/read-limited.ts';
import {fileKey} from '../io/same-file.ts';
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

function read(file: string): Buffer {
	try {
		return readFileLimited(file);
	} catch (error) {
		if (error instanceof ReadError) throw new IngestError(file, error.reason);
		throw error;
	}
}

export interface Input extends RawFile {
	/** The path as given. */
	path: string;
	page: boolean;
}

/**
 * Read every file (bounded: io/read-limited.ts), each once: a file named twice (the same path, a
 * link to it, or another file with the same bytes) would give every report in it twice, and
 * `warn` gets one line saying what was left out. A page becomes its report text (UTF-8), as a
 * raw text file would hold it.
 */
export function readInputs(paths: string[], warn: (line: string) => void): Input[] {
	const seen = new Map<string, string>();
	// Files read so far by size: only files of the same size can hold the same bytes.
	const bySize = new Map<number, Array<{path: string; bytes: Buffer}>>();
	const repeats: string[] = [];
	const files: Array<{path: string; bytes: Buffer}> = [];
	for (const path of paths) {
		const key = fileKey(path);
		const earlier = key === undefined ? undefined : seen.get(key);
		if (earlier !== undefined) {
			repeats.push(`${quotePath(path, 60)} is ${path === earlier ? 'named twice' : `the same file as ${quotePath(earlier, 60)}`}`);
			continue;
		}
		if (key !== undefined) seen.set(key, path);
		const bytes = read(path);
		const sameSize = bySize.get(bytes.length) ?? [];
		const twin = sameSize.find(r => r.bytes.equals(bytes));
		if (twin) {
			repeats.push(`${quotePath(path, 60)} holds the same text as ${quotePath(twin.path, 60)}`);
			continue;
		}
		sameSize.push({path, bytes});
		bySize.set(bytes.length, sameSize);
		files.push({path, bytes});
	}
	if (repeats.length > 0) {
		const more = repeats.length > 1 ? ` (and ${repeats.length - 1} more)` : '';
		warn(`pa-tui: warning: each report read once: ${repeats[0]}${more}`);
	}
	const names = files.map(f => basename(f.path));
	return files.map(({path, bytes}, i) => {
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
