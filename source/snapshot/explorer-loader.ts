// The React host (Ink, React, App.tsx) for the explorer started from the snapshot: built apart
// as dist/explorer-host.js, whose imports of the program's own modules are these very modules,
// registered by main.ts (shared.ts), so that the host and the first frame share one state
// machine, one raster and its style ids, one screen. Put in the place of
// source/ui/explorer-loader.ts by the snapshot's build.

import type * as Run from '../ui/run.tsx';
import {importDist} from './esm.ts';

export const loadExplorer = () => importDist<typeof Run>('explorer-host.js');
