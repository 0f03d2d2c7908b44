// The program as one CommonJS script, dist/pa-tui.cjs, for bin/pa-tui to compile with V8's code
// cache (made at build and at install by bin/make-code-cache.cjs): a start then compiles nothing
// that ran when the cache was made. Built by scripts/bundle.mjs.

export {bundledCorpusStamp, start} from './start.ts';

/** For bin/make-code-cache.cjs only; imported on call, so that no start initializes what it imports. */
export async function warmUp(): Promise<void> {
	await (await import('./warm-up.ts')).warmUp();
}
