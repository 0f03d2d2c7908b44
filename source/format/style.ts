// Minimal ANSI styling for one-shot output; a no-op when colour is off.

export interface Style {
	bold(text: string): string;
	dim(text: string): string;
	accent(text: string): string;
	money(text: string): string;
	/** An inline bar (compare). */
	bar(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

export function style(color: boolean): Style {
	if (!color) {
		const id = (text: string) => text;
		return {bold: id, dim: id, accent: id, money: id, bar: id};
	}
	return {bold: wrap(1, 22), dim: wrap(2, 22), accent: wrap(36, 39), money: wrap(33, 39), bar: wrap(32, 39)};
}
