export function patchStringWidth(source: string): string;
