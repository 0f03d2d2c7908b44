// npm run bench: pa-tui against baselines measured in the same run. Prints a table, writes it as
// JSON (bench/results/latest.json) and Markdown (bench/RESULTS.md). See bench/README.md.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {lengthenSections, writeSyntheticCorpus} from '../scripts/synthetic-corpus.ts';
import {loadCorpus} from '../source/corpus/load.ts';
import {BIN, churn, FIRST_USES, firstUses, keyBytes, PANES, type Pane, QUIT, startUp, typeKeys} from './app.ts';
import {longTextFile, nodeStart, viewers} from './baselines.ts';
import {addCells, allowanceRatios, MOVE_BYTES} from './cells.ts';
import {atExit, installExitHandlers, killAll, runToExit} from './children.ts';
import {benchCompare, COMPARE_QUERIES, type CompareBench} from './compare.ts';
import {cleanEnv, sleep} from './env.ts';
import {type KeySamples, measureKeys} from './keys.ts';
import {heapAfterGc, PROBE} from './probe.ts';
import {type Row, textTable, writeJson, writeMarkdown} from './report.ts';
import {benchSearch, HEADING_QUERIES, type SearchBench, TEXT_QUERIES} from './search.ts';
import {summarize} from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The one-shot figure, as the issue states it. */
const SHOW = ['show', 'jilin', 'investment', '--year', '2009'];
const CORPUS = join(ROOT, 'data/corpus.json');
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const LIMIT_S = Number(process.env.BENCH_LIMIT_S ?? 420);
const RUNS = {
	node: QUICK ? 8 : 20,
	show: QUICK ? 6 : 15,
	frame: QUICK ? 5 : 10,
	frame30: QUICK ? 3 : 6,
	keys: QUICK ? 10 : 30,
};
const SIZES: Array<[number, number]> = [
	[80, 24],
	[200, 60],
];
const FRAME_SIZE: [number, number] = [120, 40];
const KEY_PANES: Pane[] = ['regions', 'sections', 'reading', 'funds'];

installExitHandlers();
const began = Date.now();
const deadline = began + LIMIT_S * 1000;
const hardStop = setTimeout(
	() => {
		process.stderr.write(`bench: over the ${LIMIT_S} s limit, stopping\n`);
		killAll();
		process.exit(1);
	},
	LIMIT_S * 1000 + 30_000,
);
hardStop.unref();

const notes: string[] = [];
const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const log = (message: string) => process.stderr.write(`[${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
const s = summarize;

// ── start-up ────────────────────────────────────────────────────────────────────────────────

interface FrameSamples {
	frame: number[];
	firstByte: number[];
	/** spawn → ↓ (written at the first frame) answered on screen, when asked for. */
	firstKey: number[];
	/** Why a start-up gave no first-key figure. */
	firstKeyMissing: string[];
	/** After the first key: each first use (FIRST_USES), key → frame settled. */
	firstUses: Record<string, number[]>;
	interactive: boolean;
	failures: number;
}

const frameSamples = (): FrameSamples => ({
	frame: [],
	firstByte: [],
	firstKey: [],
	firstKeyMissing: [],
	firstUses: Object.fromEntries(FIRST_USES.map(use => [use.label, []])),
	interactive: false,
	failures: 0,
});

/** One start-up to the first complete frame (and with `firstKey`, to ↓ answered), added to `into`. */
async function firstFrame(into: FrameSamples, corpus: string | undefined, timeoutMs: number, firstKey = false): Promise<void> {
	const result = await startUp(FRAME_SIZE[0], FRAME_SIZE[1], corpus, timeoutMs, {firstKey});
	into.interactive ||= result.interactive;
	if (result.firstByteMs !== undefined) into.firstByte.push(result.firstByteMs);
	if (result.frameMs !== undefined) into.frame.push(result.frameMs);
	else into.failures++;
	if (result.firstKeyMs !== undefined) into.firstKey.push(result.firstKeyMs);
	else if (result.firstKeyMissing) into.firstKeyMissing.push(result.firstKeyMissing);
	if (firstKey && result.firstKeyMs !== undefined && result.interactive) {
		for (const [label, ms] of Object.entries(await firstUses(result.session))) if (ms !== undefined) into.firstUses[label]!.push(ms);
	}
	await result.session.close(QUIT, 1_000);
}

/** First search and first funds table, each start-up's slowest key of it, judged on the p95. */
function firstUseRows(group: string, samples: FrameSamples, suffix = ''): void {
	for (const use of FIRST_USES) {
		const t = s(samples.firstUses[use.label] ?? []);
		if (t.n === 0) continue;
		rows.push({
			group,
			metric: `${use.label}, key → frame${suffix}`,
			unit: 'ms',
			median: t.median,
			p95: t.p95,
			n: t.n,
			target: 'p95 ≤ 50 ms',
			pass: t.p95 <= 50,
			judged: 'p95',
		});
	}
}

// ── keys ────────────────────────────────────────────────────────────────────────────────────

// Sessions are recorded and their screens replayed once closed (cells.ts), so that counting the
// cells each key changed costs nothing while keys are timed.

async function paTuiKeys(pane: Pane, cols: number, rows: number, corpus?: string): Promise<KeySamples | string> {
	const start = await startUp(cols, rows, corpus, 10_000, {record: true});
	const session = start.session;
	let samples: KeySamples;
	try {
		if (start.frameMs === undefined) return 'no first frame';
		if (!start.interactive) return 'exited after its first frame (not interactive)';
		session.dropScreen();
		await session.waitQuiet(100, 2_000);
		await typeKeys(session, PANES[pane].enter);
		const spec = PANES[pane];
		samples = await measureKeys(
			session,
			s => keyBytes(s, spec.down),
			s => keyBytes(s, spec.up),
			{count: RUNS.keys, deadline},
		);
	} finally {
		await session.close(QUIT, 1_000);
	}
	await addCells(samples, session.transcript(), cols, rows);
	return samples;
}

async function viewerKeys(
	viewer: ReturnType<typeof viewers>['available'][number],
	file: string,
	cols: number,
	rows: number,
): Promise<KeySamples | string> {
	const session = viewer.spawn(file, cols, rows);
	let samples: KeySamples;
	try {
		await Promise.race([session.exited, sleep(100)]);
		await session.waitQuiet(200, 3_000);
		if (session.exit) return `exited (${session.exit.code})`;
		samples = await measureKeys(session, viewer.down, viewer.up, {count: RUNS.keys, deadline});
	} finally {
		await session.close(viewer.quit, 1_000);
	}
	await addCells(samples, session.transcript(), cols, rows);
	return samples;
}

/** "vim j 160 cells in 2 runs, 191 B = 0.55× its allowance": the figures behind a cells judgement. */
function cellSummary(name: string, samples: KeySamples): string {
	const judged = allowanceRatios(samples);
	if (!judged || !samples.cells?.length) return '';
	const ratio = summarize(judged.ratios).median;
	const median = (values: number[]) => Math.round(summarize(values).median);
	return `${name} ${median(samples.cells)} cells in ${median(samples.runs!)} runs, ${median(samples.bytes)} B = ${ratio.toFixed(2)}× its allowance`;
}

// ── memory ──────────────────────────────────────────────────────────────────────────────────

interface Memory {
	/** RSS (VmRSS) after start, 500 and 5,000 keys, MB. */
	start?: number;
	k500?: number;
	k5000?: number;
	/** Heap used after a forced full collection at the same points, MB. */
	heapStart?: number;
	heap500?: number;
	heap5000?: number;
	/** The most RSS the process had, start-up included (VmHWM), MB. */
	peak?: number;
	note?: string;
}

let probes = 0;

/** RSS and heap after a forced collection, after start-up and after 500 and 5,000 keys (heap-probe.cjs). */
async function memory(corpus: string | undefined): Promise<Memory> {
	const socket = join(tmpdir(), `pa-tui-bench-${process.pid}-${probes++}.sock`);
	atExit(() => rmSync(socket, {force: true}));
	const start = await startUp(FRAME_SIZE[0], FRAME_SIZE[1], corpus, 15_000, {
		env: {PA_TUI_BENCH_PROBE: socket},
		preload: PROBE,
	});
	const session = start.session;
	try {
		if (!start.interactive) return {note: 'not interactive: nothing to measure after keys'};
		session.dropScreen();
		await session.waitQuiet(200, 3_000);
		const result: Memory = {start: session.rssMB(), heapStart: await heapAfterGc(socket)};
		await churn(session, 500);
		result.k500 = session.rssMB();
		result.heap500 = await heapAfterGc(socket);
		await churn(session, 4_500);
		result.k5000 = session.rssMB();
		result.heap5000 = await heapAfterGc(socket);
		result.peak = session.peakRssMB();
		if (result.heapStart === undefined) result.note = 'the heap probe did not answer';
		if (session.exit) result.note = `pa-tui exited during the key run (code ${session.exit.code})`;
		return result;
	} finally {
		await session.close(QUIT, 1_000);
		rmSync(socket, {force: true});
	}
}

// ── main ────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
	const load = loadavg()[0]!;
	log(`pa-tui bench${QUICK ? ' (quick)' : ''}: ${cpus().length} CPUs, node ${process.version}, load average ${load.toFixed(2)}`);
	if (load > 0.5)
		notes.push(
			`The machine was busy when the bench started (1-minute load average ${load.toFixed(2)} on ${cpus().length} CPUs): timings include contention with other processes.`,
		);

	// Start-up figures and their baseline interleaved, run by run, so that both see the same load.
	log(`start-up: node -e 0, ${SHOW.join(' ')}, first frame, first key and first uses at ${FRAME_SIZE.join('×')}, interleaved …`);
	const nodeMs: number[] = [];
	const showMs: number[] = [];
	const ff = frameSamples();
	for (let i = 0; i < Math.max(RUNS.node, RUNS.show, RUNS.frame) && Date.now() < deadline; i++) {
		if (i < RUNS.node) nodeMs.push(...(await nodeStart(1)));
		if (i < RUNS.show) {
			const r = await runToExit(BIN, SHOW, {timeoutMs: 10_000});
			if (r.code === 0) showMs.push(r.ms);
			else if (i === 0) notes.push(`${SHOW.join(' ')} exited ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
		}
		if (i < RUNS.frame) await firstFrame(ff, undefined, 10_000, true);
	}
	const node = s(nodeMs);
	const show = s(showMs);
	raw.nodeStartMs = nodeMs;
	raw.showMs = showMs;
	raw.firstFrame = ff;
	const interactive = ff.interactive;
	const frame = s(interactive ? ff.frame : ff.firstByte);
	if (!interactive)
		notes.push(
			'bin/pa-tui without arguments printed its output and exited (the explorer placeholder): "first frame" is the time to the first byte of output, and the key and memory figures of pa-tui are skipped.',
		);
	if (ff.failures > 0 && interactive)
		notes.push(
			`${ff.failures} of ${RUNS.frame} start-ups never showed a complete first frame (region "Anhui" and a status bar on the bottom rows) within 10 s.`,
		);

	rows.push({
		group: 'start-up',
		metric: `first frame ${FRAME_SIZE.join('×')}${interactive ? '' : ' (first output)'}`,
		unit: 'ms',
		median: frame.median,
		p95: frame.p95,
		n: frame.n,
		baseline: {name: 'node -e 0', median: node.median, p95: node.p95},
		target: '≤ 2× node',
		judged: 'median',
	});
	if (interactive) {
		const key = s(ff.firstKey);
		rows.push({
			group: 'start-up',
			metric: `first key answered ${FRAME_SIZE.join('×')}`,
			unit: 'ms',
			median: key.median,
			p95: key.p95,
			n: key.n,
			baseline: {name: 'node -e 0', median: node.median, p95: node.p95},
			target: '≤ 3× node',
			judged: 'median',
		});
		notes.push(
			'"first key answered": ↓ written as soon as the first frame is complete (as the arrow in the cursor-key mode the program had asked for by then), spawn → the chunk after which the selection marker has moved from "Anhui" to the next row. A program that paints before it reads keys gets the key from the terminal\'s buffer once it does, and this row shows when that is.',
		);
		const missing = new Set(ff.firstKeyMissing);
		if (missing.size > 0)
			notes.push(
				`first key answered: ${ff.firstKeyMissing.length} of ${ff.frame.length + ff.failures} start-ups gave no figure (${[...missing].join('; ')}).`,
			);
	}
	firstUseRows('start-up', ff);
	rows.push({
		group: 'start-up',
		metric: SHOW.join(' '),
		unit: 'ms',
		median: show.median,
		p95: show.p95,
		n: show.n,
		baseline: {name: 'node -e 0', median: node.median, p95: node.p95},
		target: '≤ 1.5× node',
		judged: 'median',
	});

	// Keys: baselines first, then pa-tui in each pane, at each size.
	const corpus = loadCorpus(CORPUS);
	const file = longTextFile(corpus);
	const {available, missing} = viewers();
	for (const name of missing) notes.push(`baseline ${name} is not installed: skipped.`);
	const keys: Record<string, KeySamples | string> = {};
	// The reading pane shows one section; the longest real one fits a 200×60 screen, so j is timed
	// on the same corpus with every section's text three times over.
	const longDir = mkdtempSync(join(tmpdir(), 'pa-tui-bench-'));
	atExit(() => rmSync(longDir, {recursive: true, force: true}));
	const longCorpus = join(longDir, 'corpus-long-sections.json');
	writeFileSync(longCorpus, JSON.stringify(lengthenSections(corpus, 3)));
	for (const [cols, rowsN] of SIZES) {
		const size = `${cols}×${rowsN}`;
		for (const viewer of available) {
			log(`${viewer.name} j at ${size} …`);
			keys[`${viewer.name} ${size}`] = await viewerKeys(viewer, file, cols, rowsN);
		}
		if (interactive) {
			for (const pane of KEY_PANES) {
				log(`pa-tui ${PANES[pane].label} at ${size} …`);
				keys[`${pane} ${size}`] = await paTuiKeys(pane, cols, rowsN, pane === 'reading' ? longCorpus : undefined);
			}
		}
	}
	rmSync(join(file, '..'), {recursive: true, force: true});
	rmSync(longDir, {recursive: true, force: true});
	raw.keys = keys;
	/** Bytes judged against vim's (a move that changes two lines) or the cells the key changed. */
	type BytesJudge = 'vim' | 'cells' | undefined;
	const keyRows = (
		label: string,
		samples: KeySamples | string | undefined,
		group: string,
		base?: {name: string; samples: KeySamples | string | undefined},
		judge?: BytesJudge,
	) => {
		if (typeof samples !== 'object') {
			rows.push({group, metric: label, unit: 'ms', note: samples ?? 'not run'});
			if (samples) notes.push(`${group} ${label}: ${samples}`);
			return;
		}
		const b = typeof base?.samples === 'object' ? base.samples : undefined;
		const fb = s(samples.firstByteMs);
		const st = s(samples.settleMs);
		const by = s(samples.bytes);
		const bf = b && s(b.firstByteMs);
		const bs = b && s(b.settleMs);
		const bb = b && s(b.bytes);
		const isBaseline = !base;
		rows.push({
			group,
			metric: `${label} first byte`,
			unit: 'ms',
			median: fb.median,
			p95: fb.p95,
			n: fb.n,
			baseline: bf && {name: base!.name, median: bf.median, p95: bf.p95},
			judged: 'p95',
		});
		const settle: Row = {
			group,
			metric: `${label} settle`,
			unit: 'ms',
			median: st.median,
			p95: st.p95,
			n: st.n,
			baseline: bs && {name: base!.name, median: bs.median, p95: bs.p95},
			judged: 'p95',
		};
		if (!isBaseline) Object.assign(settle, {target: 'p95 ≤ 16 ms', pass: st.p95 <= 16});
		rows.push(settle);
		if (judge === 'cells') {
			cellRows(label, samples, group);
		} else {
			const bytes: Row = {
				group,
				metric: `${label} bytes/key`,
				unit: 'B',
				median: by.median,
				p95: by.p95,
				n: by.n,
				baseline: bb && {name: base!.name, median: bb.median, p95: bb.p95},
				judged: 'median',
			};
			if (judge === 'vim' && bb) Object.assign(bytes, {target: '≤ vim', pass: by.median <= bb.median});
			rows.push(bytes);
		}
		if (samples.silent > 0)
			notes.push(`${group} ${label}: ${samples.silent} of ${samples.silent + st.n} presses drew nothing (not counted).`);
	};
	// A move that replaces other panes' content, or scrolls the reading pane: bytes within the
	// allowance of the cells it changed, press by press (cells.ts).
	const cellRows = (label: string, samples: KeySamples, group: string) => {
		const by = s(samples.bytes);
		const judged = allowanceRatios(samples);
		if (!judged) {
			rows.push({group, metric: `${label} bytes/key`, unit: 'B', median: by.median, p95: by.p95, n: by.n, note: 'screens not replayed'});
			return;
		}
		const cells = s(samples.cells!);
		const allowed = s(judged.allowed);
		const ratio = s(judged.ratios);
		rows.push({group, metric: `${label} cells changed/key`, unit: 'cells', median: cells.median, p95: cells.p95, n: cells.n});
		rows.push({
			group,
			metric: `${label} bytes/key`,
			unit: 'B',
			median: by.median,
			p95: by.p95,
			n: by.n,
			baseline: {name: '2×(cells+moves)', median: allowed.median, p95: allowed.p95},
			ratio: ratio.median,
			judged: 'median',
			target: '≤ 2×(cells+moves)',
			pass: ratio.median <= 1,
		});
	};
	for (const [cols, rowsN] of SIZES) {
		const size = `${cols}×${rowsN}`;
		const group = `keys ${size}`;
		for (const viewer of available) keyRows(`${viewer.name} j (baseline)`, keys[`${viewer.name} ${size}`], group);
		if (!interactive) continue;
		const vim = {name: 'vim j', samples: keys[`vim ${size}`]};
		const less = {name: 'less j', samples: keys[`less ${size}`]};
		keyRows(PANES.regions.label, keys[`regions ${size}`], group, vim, 'cells');
		keyRows(PANES.sections.label, keys[`sections ${size}`], group, vim, 'cells');
		keyRows(`${PANES.reading.label} (text ×3)`, keys[`reading ${size}`], group, less, 'cells');
		keyRows(PANES.funds.label, keys[`funds ${size}`], group, vim, 'vim');
	}
	notes.push(
		`Allowance of a key press = 2 × (changed cells + ${MOVE_BYTES} × runs) bytes. A cell changed when its character, width, colours, bold, inverse, underline or dim differ between the screen before the key and after its frame settled (the session's output replayed through xterm headless once the session is closed, so the timings are not disturbed); a run is a maximal horizontal stretch of changed cells in a row, and ${MOVE_BYTES} bytes a typical absolute cursor move ESC[rr;ccH. ${PANES.regions.label} (replaces the sections and reading panes), ${PANES.sections.label} (replaces the reading pane) and ${PANES.reading.label} (scrolls it) are judged on the median over presses of bytes ÷ that press's own allowance, PASS when ≤ 1: each press is held to the change it made (the next region's section list may be short or long), where medians of bytes and of allowances taken apart could pair different presses. The ratio column shows that median; the baseline columns the allowance's median and p95. ${PANES.funds.label} changes two lines and is judged against vim j's bytes.`,
	);
	for (const [cols, rowsN] of SIZES) {
		const size = `${cols}×${rowsN}`;
		const named: Array<[string, KeySamples | string | undefined]> = [
			...available.map((v): [string, KeySamples | string | undefined] => [`${v.name} j`, keys[`${v.name} ${size}`]]),
			...(interactive ? KEY_PANES.map((p): [string, KeySamples | string | undefined] => [PANES[p].label, keys[`${p} ${size}`]]) : []),
		];
		const parts = named.flatMap(([name, samples]) => (typeof samples === 'object' ? [cellSummary(name, samples)] : [])).filter(Boolean);
		if (parts.length) notes.push(`Cells changed per key at ${size}, medians: ${parts.join('; ')}.`);
	}

	// Memory, 1×.
	let mem1: Memory = {note: 'not interactive'};
	if (interactive) {
		log('memory: 5,000 keys …');
		mem1 = await memory(undefined);
	}
	raw.memory = mem1;

	// Search, 1×.
	log('search (in-process) …');
	const search1 = benchSearch(CORPUS, QUICK ? 2 : 3);
	raw.search = search1;
	log('compare box (in-process) …');
	const compare1 = benchCompare(CORPUS, QUICK ? 2 : 3);
	raw.compare = compare1;

	// The 30× corpus.
	const dir = mkdtempSync(join(tmpdir(), 'pa-tui-bench-'));
	atExit(() => rmSync(dir, {recursive: true, force: true}));
	const big = join(dir, 'corpus-30x.json');
	log('synthetic corpus 30× …');
	const bigCount = writeSyntheticCorpus(CORPUS, big, 30);
	log(`first frame, 30× corpus (${bigCount} reports) …`);
	// Each 30× start-up follows a 1× one, so the ratio compares runs under the same load.
	const ff30 = frameSamples();
	const ff1 = frameSamples();
	for (let i = 0; i < RUNS.frame30 && Date.now() < deadline; i++) {
		await firstFrame(ff1, undefined, 10_000, true);
		await firstFrame(ff30, big, 30_000, true);
	}
	raw.firstFrame30 = ff30;
	raw.firstFrame1Paired = ff1;
	const frame30 = s(interactive ? ff30.frame : ff30.firstByte);
	const frame1 = s(interactive ? ff1.frame : ff1.firstByte);
	log('search, 30× corpus …');
	let search30: SearchBench | undefined;
	if (Date.now() < deadline) search30 = benchSearch(big, 1, {heading: HEADING_QUERIES.slice(0, 2), text: TEXT_QUERIES.slice(0, 2)});
	raw.search30 = search30;
	let compare30: CompareBench | undefined;
	if (Date.now() < deadline) compare30 = benchCompare(big, 1);
	raw.compare30 = compare30;
	let mem30: Memory = {note: 'not interactive'};
	if (interactive && Date.now() < deadline) {
		log('memory, 30× corpus …');
		mem30 = await memory(big);
	}
	raw.memory30 = mem30;
	// One-shot on the big corpus too: the same loading path as the explorer, without Ink.
	const show30: number[] = [];
	for (let i = 0; i < (QUICK ? 2 : 3); i++) {
		const r = await runToExit(BIN, [...SHOW, '--corpus', big], {timeoutMs: 30_000});
		if (r.code === 0) show30.push(r.ms);
	}
	raw.show30Ms = show30;
	rmSync(dir, {recursive: true, force: true});

	// Search and memory rows.
	rows.push({
		group: 'search 1×',
		metric: `corpus load + validate (${search1.documents} reports)`,
		unit: 'ms',
		median: search1.loadMs,
		n: 1,
	});
	rows.push({group: 'search 1×', metric: 'heading index build', unit: 'ms', median: search1.indexMs, n: 1});
	rows.push({
		group: 'search 1×',
		metric: 'heading search / keystroke',
		unit: 'ms',
		median: search1.heading.median,
		p95: search1.heading.p95,
		n: search1.heading.n,
		target: 'p95 ≤ 2 ms',
		pass: search1.heading.p95 <= 2,
		judged: 'p95',
	});
	rows.push({
		group: 'search 1×',
		metric: 'full-text search / keystroke',
		unit: 'ms',
		median: search1.text.median,
		p95: search1.text.p95,
		n: search1.text.n,
		target: 'p95 ≤ 10 ms',
		pass: search1.text.p95 <= 10,
		judged: 'p95',
	});
	const memRows = (group: string, m: Memory, cap?: number) => {
		if (m.start === undefined) {
			rows.push({group, metric: 'RSS', unit: 'MB', note: m.note});
			return;
		}
		const capped = (v: number | undefined) => (cap ? {target: `≤ ${cap} MB`, pass: v !== undefined && v <= cap} : {});
		const one = (metric: string, v: number | undefined, extra: Partial<Row> = {}): Row => ({
			group,
			metric,
			unit: 'MB',
			median: v,
			n: 1,
			...extra,
		});
		const minus = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a - b : undefined);
		rows.push(one('RSS after start', m.start, capped(m.start)));
		rows.push(one('RSS after 500 keys', m.k500, capped(m.k500)));
		rows.push(one('RSS after 5,000 keys', m.k5000, capped(m.k5000)));
		rows.push(one('RSS peak, start-up included (VmHWM)', m.peak, capped(m.peak)));
		rows.push(one('RSS growth 500 → 5,000 keys', minus(m.k5000, m.k500)));
		rows.push(one('heap after a full GC, after start', m.heapStart));
		rows.push(one('heap after a full GC, 500 keys', m.heap500));
		rows.push(one('heap after a full GC, 5,000 keys', m.heap5000));
		const growth = minus(m.heap5000, m.heap500);
		rows.push(one('heap growth after GC, 500 → 5,000 keys', growth, {target: '≤ 5 MB', pass: growth !== undefined && growth <= 5}));
		if (m.note) notes.push(`${group}: ${m.note}`);
	};
	memRows('memory 1×', mem1);

	rows.push({
		group: 'corpus 30×',
		metric: `first frame ${FRAME_SIZE.join('×')}${interactive ? '' : ' (first output)'}, ${bigCount} reports`,
		unit: 'ms',
		median: frame30.median,
		p95: frame30.p95,
		n: frame30.n,
		baseline: {name: '1×, interleaved', median: frame1.median, p95: frame1.p95},
		target: '≤ 3× 1×',
		judged: 'median',
	});
	if (interactive) {
		const key30 = s(ff30.firstKey);
		const key1 = s(ff1.firstKey);
		rows.push({
			group: 'corpus 30×',
			metric: `first key answered ${FRAME_SIZE.join('×')}, ${bigCount} reports`,
			unit: 'ms',
			median: key30.median,
			p95: key30.p95,
			n: key30.n,
			baseline: {name: '1×, interleaved', median: key1.median, p95: key1.p95},
			target: '≤ 3× 1×',
			judged: 'median',
		});
		firstUseRows('corpus 30×', ff30, `, ${bigCount} reports`);
	}
	const show30s = s(show30);
	rows.push({
		group: 'corpus 30×',
		metric: SHOW.join(' '),
		unit: 'ms',
		median: show30s.median,
		p95: show30s.p95,
		n: show30s.n,
		baseline: {name: '1× show', median: show.median, p95: show.p95},
		judged: 'median',
	});
	if (search30) {
		rows.push({
			group: 'corpus 30×',
			metric: 'corpus load + validate',
			unit: 'ms',
			median: search30.loadMs,
			n: 1,
			baseline: {name: '1× load', median: search1.loadMs},
			judged: 'median',
		});
		rows.push({
			group: 'corpus 30×',
			metric: 'heading index build',
			unit: 'ms',
			median: search30.indexMs,
			n: 1,
			baseline: {name: '1× build', median: search1.indexMs},
			judged: 'median',
		});
		rows.push({
			group: 'corpus 30×',
			metric: 'heading search / keystroke',
			unit: 'ms',
			median: search30.heading.median,
			p95: search30.heading.p95,
			n: search30.heading.n,
			baseline: {name: '1× heading', median: search1.heading.median, p95: search1.heading.p95},
			judged: 'p95',
			target: 'p95 ≤ 16 ms',
			pass: search30.heading.p95 <= 16,
		});
		rows.push({
			group: 'corpus 30×',
			metric: 'full-text search / keystroke',
			unit: 'ms',
			median: search30.text.median,
			p95: search30.text.p95,
			n: search30.text.n,
			baseline: {name: '1× text', median: search1.text.median, p95: search1.text.p95},
			judged: 'p95',
			target: 'p95 ≤ 16 ms',
			pass: search30.text.p95 <= 16,
		});
		notes.push(
			`Slowest keystroke prefixes: heading 1× "${search1.slowestHeading.query}" ${search1.slowestHeading.ms.toFixed(1)} ms, 30× "${search30.slowestHeading.query}" ${search30.slowestHeading.ms.toFixed(1)} ms; full-text 1× "${search1.slowestText.query}" ${search1.slowestText.ms.toFixed(1)} ms, 30× "${search30.slowestText.query}" ${search30.slowestText.ms.toFixed(1)} ms.`,
		);
	}
	const compareRows = (group: string, c: CompareBench, base?: CompareBench) => {
		rows.push({
			group,
			metric: `compare: open the view (c), ${c.documents} reports`,
			unit: 'ms',
			median: c.openMs,
			n: 1,
			target: '≤ 50 ms',
			pass: c.openMs <= 50,
		});
		rows.push({
			group,
			metric: 'compare: first letter (the figure matcher built)',
			unit: 'ms',
			median: c.firstKeyMs,
			n: 1,
			target: '≤ 50 ms',
			pass: c.firstKeyMs <= 50,
		});
		rows.push({
			group,
			metric: 'compare box / keystroke (update + frame)',
			unit: 'ms',
			median: c.keystroke.median,
			p95: c.keystroke.p95,
			n: c.keystroke.n,
			...(base ? {baseline: {name: '1× compare', median: base.keystroke.median, p95: base.keystroke.p95}} : {}),
			judged: 'p95',
			target: 'p95 ≤ 16 ms',
			pass: c.keystroke.p95 <= 16,
		});
	};
	compareRows('compare 1×', compare1);
	if (compare30) {
		compareRows('corpus 30×', compare30, compare1);
		notes.push(
			`Slowest Compare keystrokes: 1× "${compare1.slowest.query}" ${compare1.slowest.ms.toFixed(1)} ms, 30× "${compare30.slowest.query}" ${compare30.slowest.ms.toFixed(1)} ms (queries: ${COMPARE_QUERIES.map(q => JSON.stringify(q.query)).join(', ')}, the last per unit).`,
		);
	}
	memRows('memory 30×', mem30, 250);
	if (mem1.start !== undefined)
		notes.push(
			'RSS (VmRSS) includes V8 heap headroom: growth between 500 and 5,000 keys can be heap grown before a full collection as well as a leak. The heap rows are taken after two forced full collections (bench/heap-probe.cjs, loaded with node --require into the memory runs only, answering on a Unix socket), so they do not depend on when V8 collects.',
		);
	notes.push(
		`First uses: as soon as the first key is answered, ${FIRST_USES.map(u => u.label).join(' and ')}, each key timed written → last byte of its frame; the row is each start-up's slowest key of that use, ${RUNS.frame} start-ups at 1×, ${RUNS.frame30} at 30× (at 30× right after the first key, while the rest of the corpus may still be being read).`,
	);

	// Ratio targets.
	for (const row of rows) {
		if (row.pass !== undefined || !row.target || !row.baseline) continue;
		const m = /≤ ([\d.]+)×/.exec(row.target);
		const value = row[row.judged ?? 'median'];
		const base = row.baseline[row.judged ?? 'median'];
		if (m && value !== undefined && base !== undefined && Number.isFinite(value) && Number.isFinite(base))
			row.pass = value <= Number(m[1]) * base;
	}

	const elapsed = (Date.now() - began) / 1000;
	const meta = [
		`run ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, node ${process.version}, ${elapsed.toFixed(0)} s${QUICK ? ', --quick' : ''}; load average at start ${load.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)}`,
		`children run with only PATH, HOME, TERM=xterm-256color, LANG (${cleanEnv().LANG}); the key figures of pa-tui and the baselines are each one session per pane and size`,
		"ratio = figure ÷ baseline on the judged statistic (median for start-up and bytes, p95 for latencies and search), except bytes judged against 2×(cells+moves): the median of each press's bytes ÷ its own allowance; search times are in-process, each prefix of the queries typed one character at a time",
		`key-to-frame: "first byte" = key written → first byte back; "settle" = key written → last byte before ${50} ms of quiet; ${RUNS.keys} measured presses, in blocks of 5 down then 5 (unmeasured) up`,
		`heading queries: ${HEADING_QUERIES.map(q => JSON.stringify(q)).join(', ')}; full-text: ${TEXT_QUERIES.map(q => JSON.stringify(q)).join(', ')} (30×: the first two of each)`,
	];
	const table = textTable(rows);
	process.stdout.write(`\n${table}\n\n${notes.map(n => `• ${n}`).join('\n')}\n`);
	writeJson(join(ROOT, 'bench/results/latest.json'), {meta, rows, notes, raw});
	writeMarkdown(join(ROOT, 'bench/RESULTS.md'), 'pa-tui benchmark (npm run bench)', meta, rows, notes);
	log('wrote bench/results/latest.json and bench/RESULTS.md');
}

main()
	.catch(error => {
		process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
		process.exitCode = 1;
	})
	.finally(() => {
		killAll();
		clearTimeout(hardStop);
	});
