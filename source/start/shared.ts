// The program's modules that the explorer's React host (dist/explorer-host.js, an ES module
// imported at run time) imports, by source path. The host's build resolves each such import to
// `globalThis[SHARED_MODULES][path]` (scripts/bundle.mjs), so the host and the program share one
// state machine, one raster with its style ids, one screen.

export const SHARED_MODULES = '__paTuiSharedModules';

export function shareModules(modules: Record<string, unknown>): void {
	(globalThis as Record<string, unknown>)[SHARED_MODULES] = modules;
}
