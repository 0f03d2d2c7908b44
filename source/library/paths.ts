// Where the user's library lives: $XDG_DATA_HOME/pa-tui/library.json, by the XDG Base Directory
// specification (an unset, empty or relative XDG_DATA_HOME means ~/.local/share).

import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

export function libraryPath(env: NodeJS.ProcessEnv = process.env): string {
	const data = env['XDG_DATA_HOME'];
	const base = data && isAbsolute(data) ? data : join(env['HOME'] || homedir(), '.local', 'share');
	return join(base, 'pa-tui', 'library.json');
}
