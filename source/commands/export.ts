// `pa-tui export`: the whole corpus as JSON, in the documented schema.

import type {Model} from '../corpus/model.ts';
import {terminalSafeJson} from '../corpus/sanitize.ts';
import {EXIT, type Output} from './context.ts';

export function runExport(model: Model, output: Output): number {
	output.write(`${terminalSafeJson(model.corpus, 2)}\n`);
	return EXIT.ok;
}
