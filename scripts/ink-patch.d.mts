export function patchInkOutput(source: string): string;
