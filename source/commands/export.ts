// `pa-tui export`: the whole corpus as JSON, in the documented schema.

import type {Model} from '../corpus/model.ts';
import {EXIT, type Output} from './context.ts';

export function runExport(model: Model, output: Output): number {
	output.write(`${JSON.stringify(model.corpus, null, 2)}\n`);
	return EXIT.ok;
}
