// The React host (Ink, React, App.tsx) for the program run from dist/pa-tui.cjs: built apart as
// the ES module dist/explorer-host.js (Ink's Yoga loads with a top-level await, which CommonJS
// cannot hold), importing the program's own modules from this bundle: they are registered here
// (shared.ts), only when the explorer starts. Put in the place of source/ui/explorer-loader.ts
// by scripts/bundle.mjs, which generates 'pa-tui:shared-modules' from what the host imports.
//
// The import goes through bin/pa-tui (start.ts): in Node 20, code compiled from a V8 code cache
// made in another process has no dynamic import() of its own ("A dynamic import callback was
// not specified").

import {sharedModules} from 'pa-tui:shared-modules';
import type * as Run from '../ui/run.tsx';
import {shareModules} from './shared.ts';
import {importModule} from './start.ts';

export const loadExplorer = (): Promise<typeof Run> => {
	shareModules(sharedModules);
	return importModule(new URL('explorer-host.js', import.meta.url).href) as Promise<typeof Run>;
};
