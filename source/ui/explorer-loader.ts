// Where the React host (Ink, React, App.tsx) comes from: its own chunk of the bundle, imported
// once the first frame is painted. The start-up snapshot cannot import ES modules by itself: its
// build puts source/snapshot/explorer-loader.ts in this module's place.

export const loadExplorer = () => import('./run.tsx');
