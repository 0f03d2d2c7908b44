// The entry: parse arguments, then run a one-shot command or start the explorer. One-shot
// commands never load Ink or React: the explorer is imported only when it is started.

import {type ParseArgsConfig, parseArgs} from 'node:util';
import {corpusPath, EXIT, type Output, openCorpus, processOutput, UsageError} from './commands/context.ts';
import {COMMAND_OPTIONS, GLOBAL_OPTIONS} from './commands/options.ts';
import {NoMatchError} from './commands/resolve.ts';
import {CorpusError} from './corpus/read.ts';
import {sanitizeLine} from './corpus/sanitize.ts';
import {IngestError} from './ingest/raw-text.ts';

declare const PA_TUI_VERSION: string | undefined;
const VERSION = typeof PA_TUI_VERSION === 'string' ? PA_TUI_VERSION : '0.0.0-dev';

const GLOBAL_HELP = `pa-tui — explore the China Poverty Alleviation and Development Yearbook in a terminal

Usage:
  pa-tui                                   interactive explorer
  pa-tui list   [--json]                   every report: region, year, title, sections, money figures
  pa-tui show   <region> [<section query>] [--year N] [--json]
  pa-tui funds  [<region>] [--year N] [--match <query>] [--kind K] [--status S] [--whole]
                [--sort amount|order] [--json | --csv]
  pa-tui search <query> [--text] [--limit N] [--json]
  pa-tui export                            the whole corpus as JSON
  pa-tui ingest <file…> [--out <path>]     build a corpus from raw yearbook text
  pa-tui completion bash|zsh|fish          shell completion, region names included

Global options:
  --corpus <path>   corpus file (also PA_TUI_CORPUS; default: the bundled corpus)
  --no-color        no colours (also NO_COLOR)
  -h, --help        help for pa-tui or a command
  -v, --version     the version

Exit codes: 0 found, 1 nothing matched, 2 usage or corpus error.
Run 'pa-tui <command> --help' for a command's options and an example.
`;

const COMMAND_HELP: Record<string, string> = {
	list: `pa-tui list [--json]
  Every report: region, year, title, number of sections and money figures.
  Example: pa-tui list --json | jq '.[] | select(.year == 2012) | .region'
`,
	show: `pa-tui show <region> [<section query>] [--year N] [--json]
  A whole report, or its best-matching section (fuzzy). Without --year, the latest report
  (stderr names the other years). <region> may be any case, short or full name, a prefix or a
  small typo. Two reports of one region and year are both shown unless the query picks one.
  Example: pa-tui show jilin investment --year 2009
`,
	funds: `pa-tui funds [<region>] [--year N] [--match <query>] [--kind K] [--status S] [--whole]
             [--sort amount|order] [--json | --csv]
  Money figures as a table: amount in million yuan (per-unit amounts in yuan, "1,500 /person";
  plans tagged "plan"), label (parts indented under their whole), change (Δ), section. Without a
  region, across every report. --match keeps figures whose label or section holds the words;
  --kind funds|loan|income|economy|threshold|other|all (commas for several); --status actual or
  planned; --whole only figures that stand on their own; --sort amount ranks wholes of one kind
  (funds unless --kind says), totals apart from per-unit amounts. --csv gives one row per figure.
  Example: pa-tui funds --match relocation --sort amount --status actual
`,
	search: `pa-tui search <query> [--text] [--limit N] [--json]
  Fuzzy search of section headings in every report (typos are fine; a region or year in the
  query narrows it); each hit with region, year, heading and score (1 is a perfect match).
  With --text, search the paragraphs for sentences holding every word and print them.
  Example: pa-tui search "jilin training"
`,
	export: `pa-tui export
  The whole corpus as JSON (schemaVersion 2, documented in the README).
  Example: pa-tui export | jq '.documents | length'
`,
	ingest: `pa-tui ingest <file…> [--out <path>]
  Parse raw yearbook text files and write a corpus (default data/corpus.json). The old file is
  replaced only when the new one is complete.
  Example: pa-tui ingest data/raw/*.txt --out /tmp/corpus.json
`,
	completion: `pa-tui completion bash|zsh|fish
  Print a shell completion script, region names included.
  Example: eval "$(pa-tui completion bash)"
`,
};

const OPTIONS = {
	corpus: {type: 'string'},
	'no-color': {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
	json: {type: 'boolean'},
	csv: {type: 'boolean'},
	year: {type: 'string'},
	match: {type: 'string'},
	sort: {type: 'string'},
	kind: {type: 'string'},
	status: {type: 'string'},
	whole: {type: 'boolean'},
	text: {type: 'boolean'},
	limit: {type: 'string'},
	out: {type: 'string'},
} satisfies ParseArgsConfig['options'];

/** Which options each command accepts (globals apply to all); '' is the explorer. */
const ACCEPTS: Record<string, string[]> = {'': [], ...COMMAND_OPTIONS};
const GLOBAL = GLOBAL_OPTIONS;

function parse(argv: string[]) {
	try {
		return parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true});
	} catch (error) {
		const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').split('\n')[0]!;
		throw new UsageError(`${message} (see pa-tui --help)`);
	}
}

function integer(name: string, value: string | undefined, least = 0): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value) || Number(value) < least) {
		throw new UsageError(`--${name} takes a whole number${least > 0 ? ` of at least ${least}` : ''}, not "${value}"`);
	}
	return Number(value);
}

function expectPositionals(command: string, positionals: string[], min: number, max: number): void {
	if (positionals.length < min) throw new UsageError(`${command}: missing argument (see pa-tui ${command} --help)`);
	if (positionals.length > max)
		throw new UsageError(`${command}: unexpected argument "${positionals[max]}" (see pa-tui ${command} --help)`);
}

/**
 * Yoga's loader (inside Ink) calls fetch() when there is one, and the first touch of Node's
 * fetch loads its whole HTTP client: about 40 ms of start-up for nothing. Hide it while the
 * explorer's modules load, then put it back as it was.
 */
async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		if (descriptor) Object.defineProperty(globalThis, 'fetch', descriptor);
		else delete (globalThis as {fetch?: unknown}).fetch;
	}
}

export async function main(argv: string[], output: Output = processOutput(argv.includes('--no-color'))): Promise<number> {
	const {values, positionals} = parse(argv);
	const [command = '', ...args] = positionals;
	if (values.version) {
		output.write(`${VERSION}\n`);
		return EXIT.ok;
	}
	if (!(command in ACCEPTS)) throw new UsageError(`unknown command "${command}" (see pa-tui --help)`);
	if (values.help) {
		output.write(command === '' ? GLOBAL_HELP : COMMAND_HELP[command]!);
		return EXIT.ok;
	}
	for (const name of Object.keys(values)) {
		if (!GLOBAL.includes(name) && !ACCEPTS[command]!.includes(name)) {
			throw new UsageError(`${command || 'pa-tui'} does not take --${name} (see pa-tui ${command} --help)`.replace('  ', ' '));
		}
	}
	if (command === 'ingest') {
		const {runIngest} = await import('./commands/ingest.ts');
		return runIngest(args, values.out ?? 'data/corpus.json', output);
	}
	const path = corpusPath(values.corpus);
	if (command === '') {
		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			throw new UsageError(
				'the explorer needs a terminal on stdin and stdout; for scripts use pa-tui list, show, funds, search or export (see pa-tui --help)',
			);
		}
		const {display} = await openCorpus(path);
		// The terminal is taken and the first frame painted before Ink loads (ui/shell.ts).
		const [{openSession}, {firstFrame}] = await Promise.all([import('./ui/session.ts'), import('./ui/shell.ts')]);
		const session = openSession({color: output.color});
		try {
			const frame = firstFrame(display, {columns: process.stdout.columns || 80, rows: process.stdout.rows || 24}, session.color);
			if (frame) session.frames.paintGrid(frame);
			const {runExplorer} = await importWithoutFetch(() => import('./ui/run.tsx'));
			return await runExplorer(display, {color: output.color, session});
		} catch (error) {
			// Before the explorer ran (it puts the terminal back itself): the terminal first, then
			// one line, as for any internal error of the explorer.
			session.restore();
			session.detach();
			session.report(error);
			return 1;
		}
	}
	const corpus = await openCorpus(path);
	const year = integer('year', values.year);
	switch (command) {
		case 'list': {
			expectPositionals(command, args, 0, 0);
			const {runList} = await import('./commands/list.ts');
			return runList(values.json ? corpus.raw : corpus.display, Boolean(values.json), output);
		}
		case 'show': {
			expectPositionals(command, args, 1, 64);
			const {runShow} = await import('./commands/show.ts');
			const query = args.slice(1).join(' ');
			return runShow(corpus, {region: args[0]!, query: query === '' ? undefined : query, year, json: Boolean(values.json)}, output);
		}
		case 'funds': {
			expectPositionals(command, args, 0, 1);
			if (values.json && values.csv) throw new UsageError('funds: choose one of --json and --csv');
			const {parseKinds, parseStatus, runFunds} = await import('./commands/funds.ts');
			const sort = (values.sort ?? 'order') as 'amount' | 'order';
			return runFunds(
				corpus,
				{
					region: args[0],
					year,
					match: values.match,
					sort,
					format: values.json ? 'json' : values.csv ? 'csv' : 'text',
					kinds: parseKinds(values.kind),
					status: parseStatus(values.status),
					whole: Boolean(values.whole),
				},
				output,
			);
		}
		case 'search': {
			expectPositionals(command, args, 1, 64);
			const {runSearch} = await import('./commands/search.ts');
			return runSearch(
				corpus,
				{query: args.join(' '), text: Boolean(values.text), limit: integer('limit', values.limit, 1) ?? 20, json: Boolean(values.json)},
				output,
			);
		}
		case 'export': {
			expectPositionals(command, args, 0, 0);
			const {runExport} = await import('./commands/export.ts');
			return runExport(corpus.raw, output);
		}
		case 'completion': {
			expectPositionals(command, args, 1, 1);
			const {runCompletion} = await import('./commands/completion.ts');
			return runCompletion(corpus.display, args[0], output);
		}
		default:
			throw new UsageError(`unknown command "${command}"`);
	}
}

/** Run as the program: one line on stderr for errors a user can cause, never a stack trace. */
export async function run(argv: string[]): Promise<void> {
	// A reader that stops early (`pa-tui list | head`) is not an error.
	process.stdout.on('error', error => {
		if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(EXIT.ok);
		throw error;
	});
	let code: number;
	try {
		code = await main(argv);
	} catch (error) {
		// Messages may quote what the user typed: one line, safe for a terminal.
		if (error instanceof NoMatchError) {
			process.stderr.write(`pa-tui: ${sanitizeLine(error.message)}\n`);
			code = EXIT.noMatch;
		} else if (error instanceof UsageError || error instanceof CorpusError || error instanceof IngestError) {
			process.stderr.write(`pa-tui: ${sanitizeLine(error.message)}\n`);
			code = EXIT.usage;
		} else if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
			code = EXIT.ok;
		} else {
			// A bug, not "nothing matched": 2, as grep does for any error.
			process.stderr.write(`pa-tui: internal error: ${sanitizeLine(String((error as Error)?.message ?? error))}\n`);
			code = EXIT.usage;
		}
	}
	process.exitCode = code;
}
