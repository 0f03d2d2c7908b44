export const NARROW_SOURCE: string;
export function patchStringWidth(source: string): string;
