// ES modules from inside the start-up snapshot. Code deserialized from a snapshot has no
// dynamic import() of its own (Node 20: ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); a CommonJS file
// loaded at run time has, so dist/import.cjs (`module.exports = url => import(url)`, written by
// the build) imports for it.

import {createRequire} from 'node:module';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

/** The package's dist/ folder, set when the program starts (main.ts). */
let dist = '';

export function setDist(folder: string): void {
	dist = folder;
}

export function distPath(file: string): string {
	return join(dist, file);
}

/** Import dist/`file` (an ES module of the bundle). */
export function importDist<T>(file: string): Promise<T> {
	const importer = createRequire(distPath('import.cjs'))('./import.cjs') as (url: string) => Promise<T>;
	return importer(pathToFileURL(distPath(file)).href);
}
