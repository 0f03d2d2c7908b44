// The commands and the options each takes: one table for argument checking and for completion.

export const COMMAND_NAMES = ['list', 'show', 'funds', 'compare', 'search', 'export', 'ingest', 'library', 'completion'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The options each command takes, without the leading dashes (globals apply to every command). */
export const COMMAND_OPTIONS: Record<CommandName, string[]> = {
	list: ['json'],
	show: ['year', 'json'],
	funds: ['year', 'match', 'kind', 'status', 'whole', 'sort', 'json', 'csv'],
	compare: ['kind', 'year', 'planned', 'per', 'by', 'json', 'csv'],
	search: ['text', 'limit', 'json'],
	export: [],
	ingest: ['out'],
	library: ['json'],
	completion: [],
};

export const GLOBAL_OPTIONS = ['corpus', 'no-library', 'no-color', 'max-size', 'verbose', 'help', 'version'];

/** The subcommands of `library`. */
export const LIBRARY_SUBCOMMANDS = ['add', 'list', 'remove', 'path'] as const;
