// Where the React host (Ink, React, App.tsx) comes from: its own chunk of the ES module bundle,
// imported once keys pause after the first frame. The one-script build (started from its code
// cache, which has no import() of its own) puts source/start/explorer-loader.ts in this module's place.

export const loadExplorer = () => import('./run.tsx');
