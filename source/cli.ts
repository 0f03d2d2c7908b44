// The entry: parse arguments, then run a one-shot command or start the explorer. One-shot
// commands never load Ink or React: the explorer is imported only when it is started.

import {type ParseArgsConfig, parseArgs} from 'node:util';
import {checkArgumentLengths, checkQuery, joinNegativeNumbers, parseErrorMessage, wholeNumber} from './commands/arguments.ts';
import {corpusSource, EXIT, type Output, openCorpus, processOutput, UsageError} from './commands/context.ts';
import {COMMAND_OPTIONS, GLOBAL_OPTIONS} from './commands/options.ts';
import {NoMatchError} from './commands/resolve.ts';
import {CorpusError} from './corpus/read.ts';
import {sanitizeLine} from './corpus/sanitize.ts';
import {quoteText} from './format/quote.ts';
import {IngestError} from './ingest/raw-text.ts';
import {parseSize, setReadLimit} from './io/read-limited.ts';
import {guardStandardStreams, OutputError} from './io/standard-streams.ts';
import {libraryPath} from './library/paths.ts';

declare const PA_TUI_VERSION: string | undefined;
const VERSION = typeof PA_TUI_VERSION === 'string' ? PA_TUI_VERSION : '0.0.0-dev';

const GLOBAL_HELP = `pa-tui — explore the China Poverty Alleviation and Development Yearbook in a terminal

Usage:
  pa-tui                                   interactive explorer
  pa-tui list   [--json]                   every report: region, year, title, sections, money figures
  pa-tui show   <region> [<section query>] [--year N] [--json]
  pa-tui funds  [<region>] [--year N] [--match <query>] [--kind K] [--status S] [--whole]
                [--sort amount|order] [--json | --csv]
  pa-tui compare <query> [--kind K] [--year N] [--planned] [--per] [--by region|year]
                [--json | --csv]           one kind of money across every report
  pa-tui search <query> [--text] [--limit N] [--json]
  pa-tui export                            the whole corpus as JSON
  pa-tui ingest <file…> [--out <path>]     build a corpus from yearbook text or saved pages
  pa-tui library add <file…>               add reports (text or saved pages) to your library
  pa-tui library list [--json] | remove <id…> | path
  pa-tui completion bash|zsh|fish          shell completion, region names included

Global options:
  --corpus <path>   that corpus file alone (also PA_TUI_CORPUS; default: the bundled corpus
                    with your library over it)
  --no-library      the bundled corpus without your library
  --no-color        no colours (also NO_COLOR)
  --max-size <size> read files up to this size (also PA_TUI_MAX_SIZE; default 128M)
  --verbose         say on stderr how pa-tui started (from its code cache or not)
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
	compare: `pa-tui compare <query> [--kind K] [--year N] [--planned] [--per] [--by region|year]
               [--json | --csv]
  One row per report: the figures whose label or section matches the query (as funds --match),
  added up — wholes only (their parts and changes are in them), in yuan (no exchange rate is
  assumed), actual unless --planned — with the number of figures, the share of the sum, a bar and
  the largest figure. --kind as funds takes (default funds); --per compares amounts per unit
  (the largest of each report, grouped by unit) instead of totals; --by region orders the rows
  A–Z; --by year sets the years side by side, a row per region (Δ and % between its latest two
  years), the regions with one year listed below. What was left out, and why, is noted on stderr.
  Example: pa-tui compare relocation --year 2012
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
  Parse yearbook text files or saved web pages (.html, .htm, .shtml, or any file holding HTML)
  and write a corpus (default data/corpus.json). The old file is replaced only when the new one
  is complete.
  Example: pa-tui ingest data/raw/*.txt --out /tmp/corpus.json
`,
	library: `pa-tui library add <file…> | list [--json] | remove <id…> | path
  Your library of reports, shown by every command together with the bundled ones (a library
  report replaces the bundled one of the same id; --no-library leaves the library out).
    add <file…>    read yearbook text files or saved web pages and add their reports; a report
                   whose id is already in the library is replaced. All files land, or none.
    list [--json]  id, region, year, title, source file and when it was added
    remove <id…>   take reports out of the library
    path           where the library is: $XDG_DATA_HOME/pa-tui/library.json
                   (default ~/.local/share/pa-tui/library.json)
  Every change keeps the previous file as library.json.bak.
  Example: pa-tui library add ~/Downloads/jilin-2010.html && pa-tui show jilin --year 2010
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
	planned: {type: 'boolean'},
	per: {type: 'boolean'},
	by: {type: 'string'},
	text: {type: 'boolean'},
	limit: {type: 'string'},
	out: {type: 'string'},
	'max-size': {type: 'string'},
	'no-library': {type: 'boolean'},
	verbose: {type: 'boolean'},
} satisfies ParseArgsConfig['options'];

/** Which options each command accepts (globals apply to all); '' is the explorer. */
const ACCEPTS: Record<string, string[]> = {'': [], ...COMMAND_OPTIONS};
const GLOBAL = GLOBAL_OPTIONS;

function parse(argv: string[]) {
	checkArgumentLengths(argv);
	const args = joinNegativeNumbers(argv, name => (OPTIONS as Record<string, {type: string}>)[name]?.type === 'string');
	try {
		return parseArgs({args, options: OPTIONS, allowPositionals: true, strict: true});
	} catch (error) {
		throw new UsageError(parseErrorMessage(error as Error));
	}
}

/** --max-size, else PA_TUI_MAX_SIZE: the most any file read may hold. */
function configureReadLimit(option: string | undefined): void {
	const env = process.env['PA_TUI_MAX_SIZE'] || undefined;
	const given = option ?? env;
	if (given === undefined) return;
	const bytes = parseSize(given);
	if (bytes === undefined) {
		const name = option === undefined ? 'PA_TUI_MAX_SIZE' : '--max-size';
		throw new UsageError(`${name} takes a size such as 512M or 2G, not "${quoteText(given, 20)}"`);
	}
	setReadLimit(bytes);
}

function expectPositionals(command: string, positionals: string[], min: number, max: number): void {
	if (positionals.length < min) throw new UsageError(`${command}: missing argument (see pa-tui ${command} --help)`);
	if (positionals.length > max)
		throw new UsageError(`${command}: unexpected argument "${quoteText(positionals[max]!, 40)}" (see pa-tui ${command} --help)`);
}

/** Regions and queries are checked before the corpus is read: refused fast, quoted short. */
function checkQueries(command: string, args: string[], values: {match?: string}): void {
	if ((command === 'show' || command === 'funds') && args[0] !== undefined) checkQuery(`${command}: the region`, args[0]);
	if (command === 'show' && args.length > 1) checkQuery('show: the section query', args.slice(1).join(' '));
	if ((command === 'search' || command === 'compare') && args.length > 0) checkQuery(`${command}: the query`, args.join(' '));
	if (command === 'funds' && values.match !== undefined) checkQuery('funds: --match', values.match);
}

/** `how`: how this run started (bin/pa-tui: the code cache, or why not), said under --verbose. */
export async function main(
	argv: string[],
	output: Output = processOutput(argv.includes('--no-color')),
	how = 'started by a caller of main()',
): Promise<number> {
	const {values, positionals} = parse(argv);
	if (values.verbose) output.note(`pa-tui: ${how}`);
	const [command = '', ...args] = positionals;
	if (values.version) {
		output.write(`${VERSION}\n`);
		return EXIT.ok;
	}
	if (!(command in ACCEPTS)) throw new UsageError(`unknown command "${quoteText(command, 40)}" (see pa-tui --help)`);
	if (values.help) {
		output.write(command === '' ? GLOBAL_HELP : COMMAND_HELP[command]!);
		return EXIT.ok;
	}
	for (const name of Object.keys(values)) {
		if (!GLOBAL.includes(name) && !ACCEPTS[command]!.includes(name)) {
			throw new UsageError(`${command || 'pa-tui'} does not take --${name} (see pa-tui ${command} --help)`.replace('  ', ' '));
		}
	}
	configureReadLimit(values['max-size']);
	if (command === 'ingest') {
		const {runIngest} = await import('./commands/ingest.ts');
		return runIngest(args, values.out ?? 'data/corpus.json', output);
	}
	if (command === 'library') {
		const {runLibrary} = await import('./commands/library.ts');
		return runLibrary(args, {json: Boolean(values.json), path: libraryPath()}, output);
	}
	const source = corpusSource(values.corpus, Boolean(values['no-library']));
	if (command === '') {
		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			throw new UsageError(
				'the explorer needs a terminal on stdin and stdout; for scripts use pa-tui list, show, funds, search or export (see pa-tui --help)',
			);
		}
		// Reports of a corpus file are read as the explorer needs them, the rest between keys.
		const {display, unread} = await openCorpus(source, {lazily: true});
		// The terminal is taken and the first frame painted before Ink loads (ui/first-frame.ts).
		const {startExplorer} = await import('./ui/first-frame.ts');
		releaseStandardStreams();
		return startExplorer(display, {color: output.color, unread});
	}
	const year = wholeNumber('year', values.year);
	checkQueries(command, args, values);
	const corpus = await openCorpus(source);
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
			const sort = values.sort ?? 'order';
			if (sort !== 'amount' && sort !== 'order') throw new UsageError(`--sort takes amount or order, not "${quoteText(sort, 20)}"`);
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
		case 'compare': {
			expectPositionals(command, args, 1, 64);
			if (values.json && values.csv) throw new UsageError('compare: choose one of --json and --csv');
			const [{parseKinds}, {parseBy, runCompare}] = await Promise.all([import('./commands/funds.ts'), import('./commands/compare.ts')]);
			return runCompare(
				corpus,
				{
					query: args.join(' '),
					kinds: parseKinds(values.kind) ?? ['funds'],
					year,
					planned: Boolean(values.planned),
					perUnit: Boolean(values.per),
					by: parseBy(values.by),
					format: values.json ? 'json' : values.csv ? 'csv' : 'text',
				},
				output,
			);
		}
		case 'search': {
			expectPositionals(command, args, 1, 64);
			const {runSearch} = await import('./commands/search.ts');
			return runSearch(
				corpus,
				{query: args.join(' '), text: Boolean(values.text), limit: wholeNumber('limit', values.limit, 1) ?? 20, json: Boolean(values.json)},
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
/** Lets go of standard output's errors (guardStandardStreams) when the explorer takes the terminal. */
let releaseStandardStreams = () => {};

export async function run(argv: string[], how?: string): Promise<void> {
	// A reader that stops early (`pa-tui list | head`) is not an error; a full device is.
	releaseStandardStreams = guardStandardStreams({ok: EXIT.ok, error: EXIT.usage});
	let code: number;
	try {
		code = await main(argv, undefined, how);
	} catch (error) {
		// Messages may quote what the user typed: one line, safe for a terminal.
		if (error instanceof NoMatchError) {
			process.stderr.write(`pa-tui: ${sanitizeLine(error.message)}\n`);
			code = EXIT.noMatch;
		} else if (
			error instanceof UsageError ||
			error instanceof CorpusError ||
			error instanceof IngestError ||
			error instanceof OutputError
		) {
			process.stderr.write(`pa-tui: ${sanitizeLine(error.message)}\n`);
			code = EXIT.usage;
		} else if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
			code = EXIT.ok;
		} else {
			// A bug, not "nothing matched": 2, as grep does for any error.
			process.stderr.write(`pa-tui: internal error: ${quoteText(String((error as Error)?.message ?? error), 200)}\n`);
			code = EXIT.usage;
		}
	}
	process.exitCode = code;
}
