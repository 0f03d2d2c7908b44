// `pa-tui completion bash|zsh|fish`: a completion script with the corpus's region names.

import type {Model} from '../corpus/model.ts';
import {EXIT, UsageError, type Output} from './context.ts';

export const COMMAND_NAMES = ['list', 'show', 'funds', 'search', 'export', 'ingest', 'completion'] as const;

function regionWords(model: Model): string[] {
	return model.regions.map(r => r.name.toLowerCase().replace(/\s+/g, '-'));
}

export function completionScript(shell: string, model: Model): string {
	const commands = COMMAND_NAMES.join(' ');
	const regions = regionWords(model).join(' ');
	switch (shell) {
		case 'bash':
			return `# pa-tui bash completion: eval "$(pa-tui completion bash)"
_pa_tui() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[1]}
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${commands} --help --version" -- "$cur")); return; fi
  case "$prev" in
    show|funds) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "${regions}" -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    ingest) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}
complete -F _pa_tui pa-tui
`;
		case 'zsh':
			return `#compdef pa-tui
# pa-tui zsh completion: eval "$(pa-tui completion zsh)"
_pa_tui() {
  if (( CURRENT == 2 )); then compadd -- ${commands} --help --version; return; fi
  case "$words[2]" in
    show|funds) (( CURRENT == 3 )) && compadd -- ${regions} ;;
    completion) compadd -- bash zsh fish ;;
    ingest) _files ;;
  esac
}
compdef _pa_tui pa-tui
`;
		case 'fish':
			return `# pa-tui fish completion: pa-tui completion fish | source
complete -c pa-tui -f
complete -c pa-tui -n '__fish_use_subcommand' -a '${commands}'
complete -c pa-tui -n '__fish_seen_subcommand_from show funds' -a '${regions}'
complete -c pa-tui -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
complete -c pa-tui -n '__fish_seen_subcommand_from ingest' -F
`;
		default:
			throw new UsageError(`completion takes bash, zsh or fish, not "${shell}"`);
	}
}

export function runCompletion(model: Model, shell: string | undefined, output: Output): number {
	if (shell === undefined) throw new UsageError('completion needs a shell: pa-tui completion bash|zsh|fish');
	output.write(completionScript(shell, model));
	return EXIT.ok;
}
