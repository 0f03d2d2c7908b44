// Placeholder until the explorer lands: print the corpus summary.

import type {Model} from '../corpus/model.ts';
import {runList} from '../commands/list.ts';
import {processOutput} from '../commands/context.ts';

export async function runExplorer(model: Model, options: {color: boolean}): Promise<number> {
	return runList(model, false, processOutput(!options.color));
}
