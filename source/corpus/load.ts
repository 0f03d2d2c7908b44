// Reading a corpus file: parse, validate against the schema, and report the first problem in
// one line that names the file.

import {readFileSync} from 'node:fs';
import {corpusSchema, SCHEMA_VERSION, type Corpus} from './schema.ts';

export class CorpusError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CorpusError';
	}
}

function lineAndColumn(text: string, offset: number): string {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	return `line ${line}, column ${column}`;
}

function jsonProblem(text: string, error: Error): string {
	const position = /position (\d+)/.exec(error.message);
	const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
	const what = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
	return `not valid JSON${where}: ${what}`;
}

function fieldPath(path: Array<string | number>): string {
	return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** Validate parsed JSON as a corpus; `file` names it in errors. */
export function parseCorpus(data: unknown, file: string): Corpus {
	if (data !== null && typeof data === 'object' && 'schemaVersion' in data && data.schemaVersion !== SCHEMA_VERSION) {
		throw new CorpusError(`${file}: schemaVersion ${JSON.stringify(data.schemaVersion)} is not supported (this pa-tui reads version ${SCHEMA_VERSION})`);
	}
	const result = corpusSchema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const path = fieldPath(issue.path);
		throw new CorpusError(`${file}: ${path === '' ? 'the top level' : path}: ${issue.message}`);
	}
	return result.data;
}

export function loadCorpus(file: string): Corpus {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
		throw new CorpusError(`cannot read corpus ${file}: ${why}`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new CorpusError(`${file}: ${jsonProblem(text, error as Error)}`);
	}
	return parseCorpus(data, file);
}
