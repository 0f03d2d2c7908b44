// signal-exit 3 (the version Ink depends on, so the bundle holds one copy) ships no types.
declare module 'signal-exit' {
	/** Call `handler` on exit, or on a fatal signal before dying of it; returns a remover. */
	export default function onExit(
		handler: (code: number | null, signal: string | null) => void,
		options?: {alwaysLast?: boolean},
	): () => void;
}
