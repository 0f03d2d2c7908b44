// The program's modules that the explorer's React host (dist/explorer-host.js, an ES module
// loaded at run time) imports, by source path: the host's build resolves each such import to
// `globalThis[SHARED_MODULES][path]` (scripts/snapshot.mjs).

export const SHARED_MODULES = '__paTuiSharedModules';

export type SharedModules = Record<string, unknown>;

export function shareModules(modules: SharedModules): void {
	(globalThis as Record<string, unknown>)[SHARED_MODULES] = modules;
}
