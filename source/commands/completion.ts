// `pa-tui completion bash|zsh|fish`: a completion script with the corpus's region names.

import type {Model} from '../corpus/model.ts';
import {figureKinds, figureStatuses} from '../corpus/vocabulary.ts';
import {quoteText} from '../format/quote.ts';
import {EXIT, type Output, UsageError} from './context.ts';
import {COMMAND_NAMES, COMMAND_OPTIONS, type CommandName, GLOBAL_OPTIONS, LIBRARY_SUBCOMMANDS} from './options.ts';

/** The ids in the library, asked of pa-tui when completing (the library changes; the script does not). */
const LIBRARY_IDS = "pa-tui library list 2>/dev/null | awk 'NR > 1 {print $1}'";

/**
 * Region names as completion words: lower case, words joined by "-", and nothing but [a-z0-9-],
 * so that no name from a corpus needs quoting in a shell script (findRegion ignores the rest).
 */
function regionWords(model: Model): string[] {
	const words = model.regions.map(r =>
		r.name
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, ''),
	);
	return [...new Set(words.filter(w => w !== ''))];
}

const KINDS = [...figureKinds, 'all'].join(' ');
const STATUSES = figureStatuses.join(' ');
const BY = 'region year';

function optionWords(command: CommandName): string {
	return [...COMMAND_OPTIONS[command], ...GLOBAL_OPTIONS.filter(o => o !== 'version')].map(o => `--${o}`).join(' ');
}

export function completionScript(shell: string, model: Model): string {
	const commands = COMMAND_NAMES.join(' ');
	const subcommands = LIBRARY_SUBCOMMANDS.join(' ');
	// Region words stand on a line of their own in each script: [a-z0-9-] and spaces only.
	const regions = regionWords(model).join(' ');
	const bashOptions = COMMAND_NAMES.map(c => `    ${c}) opts="${optionWords(c)}" ;;`).join('\n');
	switch (shell) {
		case 'bash':
			return `# pa-tui bash completion: eval "$(pa-tui completion bash)"
_pa_tui() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command=\${COMP_WORDS[1]} opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${commands} --help --version" -- "$cur")); return; fi
  case "$prev" in
    --corpus|--out) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --sort) COMPREPLY=($(compgen -W "amount order" -- "$cur")); return ;;
    --by) COMPREPLY=($(compgen -W "${BY}" -- "$cur")); return ;;
    --kind) COMPREPLY=($(compgen -W "${KINDS}" -- "$cur")); return ;;
    --status) COMPREPLY=($(compgen -W "${STATUSES}" -- "$cur")); return ;;
    --year|--limit|--match|--max-size) return ;;
  esac
  case "$command" in
${bashOptions}
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return; fi
  case "$command" in
    show|funds) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "\${_pa_tui_regions[*]}" -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    ingest) COMPREPLY=($(compgen -f -- "$cur")) ;;
    library)
      if [ "$COMP_CWORD" -eq 2 ]; then COMPREPLY=($(compgen -W "${subcommands}" -- "$cur"))
      else case "\${COMP_WORDS[2]}" in
        add) COMPREPLY=($(compgen -f -- "$cur")) ;;
        remove) COMPREPLY=($(compgen -W "$(${LIBRARY_IDS})" -- "$cur")) ;;
      esac; fi ;;
  esac
}
_pa_tui_regions=(
  ${regions}
)
complete -F _pa_tui pa-tui
`;
		case 'zsh':
			return `#compdef pa-tui
# pa-tui zsh completion: eval "$(pa-tui completion zsh)"
_pa_tui() {
  if (( CURRENT == 2 )); then compadd -- ${commands} --help --version; return; fi
  case "$words[CURRENT-1]" in
    --corpus|--out) _files; return ;;
    --sort) compadd -- amount order; return ;;
    --by) compadd -- ${BY}; return ;;
    --kind) compadd -- ${KINDS}; return ;;
    --status) compadd -- ${STATUSES}; return ;;
    --year|--limit|--match|--max-size) return ;;
  esac
  if [[ "$words[CURRENT]" == -* ]]; then
    case "$words[2]" in
${COMMAND_NAMES.map(c => `      ${c}) compadd -- ${optionWords(c)} ;;`).join('\n')}
    esac
    return
  fi
  case "$words[2]" in
    show|funds) (( CURRENT == 3 )) && compadd -- $_pa_tui_regions ;;
    completion) compadd -- bash zsh fish ;;
    ingest) _files ;;
    library)
      if (( CURRENT == 3 )); then compadd -- ${subcommands}
      else case "$words[3]" in
        add) _files ;;
        remove) compadd -- \${(f)"$(${LIBRARY_IDS})"} ;;
      esac; fi ;;
  esac
}
_pa_tui_regions=(
  ${regions}
)
compdef _pa_tui pa-tui
`;
		case 'fish':
			return `# pa-tui fish completion: pa-tui completion fish | source
complete -c pa-tui -f
complete -c pa-tui -n '__fish_use_subcommand' -a '${commands}'
set -g __pa_tui_regions \\
    ${regions}
complete -c pa-tui -n '__fish_seen_subcommand_from show funds; and test (count (commandline -opc)) -eq 2' -a "$__pa_tui_regions"
complete -c pa-tui -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
complete -c pa-tui -n '__fish_seen_subcommand_from ingest' -F
complete -c pa-tui -n '__fish_seen_subcommand_from library; and not __fish_seen_subcommand_from ${subcommands}' -a '${subcommands}'
complete -c pa-tui -n '__fish_seen_subcommand_from library; and __fish_seen_subcommand_from add' -F
complete -c pa-tui -n '__fish_seen_subcommand_from library; and __fish_seen_subcommand_from remove' -a "(${LIBRARY_IDS})"
complete -c pa-tui -l corpus -r -F -d 'corpus file'
complete -c pa-tui -l no-library -d 'without your library'
complete -c pa-tui -l no-color -d 'no colours'
complete -c pa-tui -l max-size -x -d 'largest file to read (512M, 2G)'
complete -c pa-tui -l verbose -d 'say how pa-tui started'
complete -c pa-tui -l help -d 'help'
${COMMAND_NAMES.flatMap(c =>
	COMMAND_OPTIONS[c].map(o => {
		const choices: Record<string, string> = {sort: 'amount order', kind: KINDS, status: STATUSES, by: BY};
		const value = choices[o] ? ` -x -a '${choices[o]}'` : o === 'out' ? ' -r -F' : ['year', 'limit', 'match'].includes(o) ? ' -x' : '';
		return `complete -c pa-tui -n '__fish_seen_subcommand_from ${c}' -l ${o}${value}`;
	}),
).join('\n')}
`;
		default:
			throw new UsageError(`completion takes bash, zsh or fish, not "${quoteText(shell, 20)}"`);
	}
}

export function runCompletion(model: Model, shell: string | undefined, output: Output): number {
	if (shell === undefined) throw new UsageError('completion needs a shell: pa-tui completion bash|zsh|fish');
	output.write(completionScript(shell, model));
	return EXIT.ok;
}
