// The README's key reference, generated from the one binding table (npm run keys-doc).

import {helpLines} from './state/bindings.ts';

export function keysMarkdown(): string {
	const out: string[] = [];
	for (const line of helpLines()) {
		if (line.title !== undefined) {
			if (out.length > 0) out.push('');
			out.push(`**${line.title}**`, '', '| key | does |', '|---|---|');
		} else {
			out.push(`| \`${line.label!.replace(/\|/g, '\\|')}\` | ${line.description!.replace(/\|/g, '\\|')} |`);
		}
	}
	return `${out.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('keys-doc.ts')) process.stdout.write(keysMarkdown());
