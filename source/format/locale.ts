// Whether the terminal can be expected to show UTF-8, for what is drawn with characters beyond
// ASCII (bars, borders, marks): the explorer and the one-shot commands decide the same way.

/**
 * The first of LC_ALL, LC_CTYPE and LANG that is set decides (as setlocale does); with none set,
 * assume it can (most terminals today).
 */
export function unicodeLocale(env: NodeJS.ProcessEnv = process.env): boolean {
	for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
		const value = env[name];
		if (value) return /utf-?8/i.test(value);
	}
	return true;
}
