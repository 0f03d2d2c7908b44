// The explorer against what users and terminals throw at it, through the real binary in a
// pseudo-terminal: the terminal going away, fatal and stop signals, keys racing the exit,
// hostile corpus text, stray escape sequences, pastes, and Ctrl-C behind a flood of keys.
// Needs dist/ (npm test builds it first).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {binary, corpusFile} from './helpers/corpus.ts';
import {built, LEAVE, launch} from './helpers/pty.ts';

const skip = !built && 'dist/ not built (npm run build)';
const ENTER_SCREEN = '\u001B[?1049h';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const dir = mkdtempSync(join(tmpdir(), 'pa-tui-hardening-'));
test.after(() => rmSync(dir, {recursive: true, force: true}));

/** The process's state letter from /proc: R, S, T (stopped), … */
function processState(pid: number): string {
	try {
		return /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? '?';
	} catch {
		return 'gone';
	}
}

async function waitFor(ok: () => boolean, what: string, ms = 5000) {
	const end = Date.now() + ms;
	while (!ok()) {
		if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
		await sleep(10);
	}
}

/** The corpus with its first report's first section rewritten by `edit`. */
function corpusWith(
	name: string,
	edit: (corpus: {documents: Array<{sections: Array<{heading: string; paragraphs: string[]}>}>}) => void,
): string {
	const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));
	edit(corpus);
	const path = join(dir, `${name}.json`);
	writeFileSync(path, JSON.stringify(corpus));
	return path;
}

/** Where the pane separators stand on each body row of the screen: the same columns on every row. */
function separatorColumns(screen: string): Set<string> {
	const rows = screen.split('\n').slice(0, -1);
	return new Set(rows.filter(r => r.includes('│')).map(r => [...r].flatMap((ch, i) => (ch === '│' ? [i] : [])).join(',')));
}

test('the terminal goes away (the pty closed under it): it dies of SIGHUP, without a stack trace', {skip, timeout: 40000}, () => {
	// Python's pty module: the child is the session leader of a pty whose master we close.
	const script = `
import os, pty, select, sys, time
err = open(sys.argv[2], 'wb')
pid, fd = pty.fork()
if pid == 0:
    os.dup2(err.fileno(), 2)
    os.environ['LANG'] = 'C.UTF-8'
    os.execv(sys.argv[3], [sys.argv[3], sys.argv[1]])
seen = b''
end = time.time() + 15
while time.time() < end and b'Regions' not in seen:
    if select.select([fd], [], [], 0.1)[0]:
        seen += os.read(fd, 65536)
os.close(fd)
_, status = os.waitpid(pid, 0)
print('signal' if os.WIFSIGNALED(status) else 'exit', os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))
`;
	const errFile = join(dir, 'hup-stderr');
	const r = spawnSync('python3', ['-c', script, binary, errFile, process.execPath], {encoding: 'utf8', timeout: 30000});
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stdout.trim(), 'signal 1', 'died of SIGHUP: a shell shows exit status 129');
	const stderr = readFileSync(errFile, 'utf8');
	assert.doesNotMatch(stderr, /Assertion|stack trace|EIO/i, stderr);
});

test('SIGQUIT, SIGUSR2 and SIGALRM put the terminal back; SIGUSR1 opens no inspector', {skip, timeout: 60000}, async t => {
	for (const [signal, number] of [
		['SIGQUIT', 3],
		['SIGUSR2', 12],
		['SIGALRM', 14],
	] as const) {
		const ui = launch();
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)'), `${signal}: the first frame`, 15000);
		ui.child.kill(signal);
		const {exitCode} = await ui.exit();
		assert.equal(exitCode, 128 + number, `${signal}: died of it`);
		assert.ok(ui.output().endsWith(LEAVE), `${signal}: the terminal is put back: ${JSON.stringify(ui.output().slice(-30))}`);
		assert.doesNotMatch(ui.stderr(), /\S/, `${signal}: nothing on stderr`);
	}
	const ui = launch();
	t.after(ui.dispose);
	await ui.until(s => s.includes('Regions (29)'), 'SIGUSR1: the first frame', 15000);
	ui.child.kill('SIGUSR1');
	await sleep(300);
	ui.press('j');
	await ui.until(s => /› Chongqing/.test(s), 'SIGUSR1: still answering keys');
	assert.doesNotMatch(ui.screen() + ui.stderr(), /Debugger|inspector|ws:\/\//);
	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
});

test('Ctrl-Z and kill -TSTP suspend like less: the terminal is given back; SIGCONT takes it again and repaints', {
	skip,
	timeout: 60000,
}, async t => {
	for (const how of ['Ctrl-Z', 'SIGTSTP'] as const) {
		const ui = launch();
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)'), `${how}: the first frame`, 15000);
		ui.press('j');
		await ui.until(s => /› Chongqing/.test(s), `${how}: j`);
		if (how === 'Ctrl-Z') ui.press('\u001A');
		else ui.child.kill('SIGTSTP');
		await waitFor(() => processState(ui.child.pid) === 'T', `${how}: the process stopped`);
		await waitFor(() => ui.output().endsWith(LEAVE), `${how}: the terminal given back before stopping`);
		await ui.settled();
		assert.equal(ui.term.buffer.active.type, 'normal', `${how}: the normal screen shows`);
		const before = ui.output().length;
		ui.child.kill('SIGCONT');
		const screen = await ui.until(s => /› Chongqing/.test(s) && s.includes('Regions (29)'), `${how}: repainted after SIGCONT`);
		assert.ok(ui.output().slice(before).includes(ENTER_SCREEN), `${how}: the alternate screen taken again`);
		assert.match(screen.split('\n')[23]!, /Chongqing · 2012/);
		// Raw mode again: a key is a key, not echoed and not waiting for Enter.
		ui.press('j');
		await ui.until(s => /› Fujian/.test(s), `${how}: keys answered after fg`);
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
		assert.ok(ui.output().endsWith(LEAVE));
	}
});

test('q with Ctrl-\\ right behind it: the screen is put back before anything can kill the process', {skip, timeout: 60000}, async t => {
	for (let run = 0; run < 6; run++) {
		const ui = launch();
		t.after(ui.dispose);
		await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
		ui.press('q');
		await sleep(run % 3);
		ui.press('\u001C');
		await ui.exit();
		await ui.settled();
		assert.equal(ui.term.buffer.active.type, 'normal', `run ${run}: back on the normal screen`);
		assert.ok(ui.output().includes(LEAVE), `run ${run}: the screen was left`);
	}
});

test('hostile corpus text: line breaks, tabs and lone surrogates in headings and paragraphs never move the panes', {
	skip,
	timeout: 40000,
}, async t => {
	const corpus = corpusWith('hostile', c => {
		const section = c.documents.find(d => (d as unknown as {region: string}).region === 'Anhui')!.sections[0]!;
		section.heading = 'Over\nview\twith\u0009tabs \ud800 and \udfff';
		section.paragraphs[0] = `Line one\n\n\nline\ttwo\t\t\tthree \ud83d alone ${'\n'.repeat(30)}end. ${section.paragraphs[0]}`;
	});
	for (const [columns, rows] of [
		[120, 40],
		[80, 24],
	] as const) {
		const ui = launch({columns, rows, argv: [binary, '--corpus', corpus]});
		t.after(ui.dispose);
		let screen = await ui.until(s => s.includes('Regions (29)'), `${columns}: the first frame`, 15000);
		assert.equal(separatorColumns(screen).size, 1, `${columns}: the separators stand in one column on every row:\n${screen}`);
		assert.match(screen.split('\n').at(-1)!, /Anhui · 2012 · Over.view.with.tabs/, `${columns}: the status bar on one line`);
		ui.press('\t\t');
		screen = await ui.until(s => /Text/.test(s) && s.includes('Line one'), `${columns}: the text`);
		assert.equal(separatorColumns(screen).size, 1, `${columns}: still one column for the separators:\n${screen}`);
		for (const line of screen.split('\n')) assert.ok([...line].length <= columns, `${columns}: fits: ${line}`);
		ui.press('q');
		assert.equal((await ui.exit()).exitCode, 0);
	}
});

test('an empty corpus: the explorer says there is nothing and what to do, and quits with q', {skip, timeout: 40000}, async t => {
	const empty = join(dir, 'empty.json');
	writeFileSync(empty, JSON.stringify({schemaVersion: JSON.parse(readFileSync(corpusFile, 'utf8')).schemaVersion, documents: []}));
	const ui = launch({argv: [binary, '--corpus', empty]});
	t.after(ui.dispose);
	const screen = await ui.until(s => s.includes('No reports'), 'the empty state', 15000);
	assert.match(screen, /pa-tui ingest/);
	ui.press('jkG/x\r\u001Bf?');
	await sleep(200);
	ui.press('\u001B');
	await sleep(100);
	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
	assert.doesNotMatch(ui.stderr(), /\S/);
});

test('Ctrl-C behind thousands of queued keys, or right after Esc, quits at once', {skip, timeout: 60000}, async t => {
	const ui = launch();
	t.after(ui.dispose);
	await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	ui.press('/');
	await ui.until(s => s.includes('Search headings'), 'the search box');
	const started = Date.now();
	ui.press(`${'relocation '.repeat(300)}\u0003`);
	assert.equal((await ui.exit()).exitCode, 0);
	const took = Date.now() - started;
	assert.ok(took < 2000, `quit after ${took} ms`);
	const esc = launch();
	t.after(esc.dispose);
	await esc.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	esc.press('\u001B\u0003');
	assert.equal((await esc.exit()).exitCode, 0, 'Esc then Ctrl-C in one read');
});

test('stray escape sequences are not keys: mouse and focus reports, split arrows, a bracketed paste', {skip, timeout: 60000}, async t => {
	const ui = launch();
	t.after(ui.dispose);
	await ui.until(s => s.includes('Regions (29)'), 'the first frame', 15000);
	assert.ok(ui.output().includes('\u001B[?2004h'), 'bracketed paste is turned on');
	// A focus report (ESC [ I) once jumped to Inner Mongolia; mouse reports typed their letters.
	ui.press('\u001B[I\u001B[O\u001B[<0;10;5M\u001B[<0;10;5m\u001B[M !!');
	await sleep(150);
	assert.match(ui.screen(), /› Anhui/, 'still on Anhui');
	// An arrow split across two reads is one arrow.
	ui.press('\u001B');
	await sleep(10);
	ui.press('[B');
	await ui.until(s => /› Chongqing/.test(s), 'the split arrow moved down');
	assert.doesNotMatch(ui.screen(), /\[B/);
	ui.press('/');
	await ui.until(s => s.includes('Search headings:'), 'the search box');
	ui.press('\u001B[<0;3;3Mre\u001B[I');
	await ui.until(s => s.includes('Search headings: re█'), 'only the typed letters in the box');
	// A paste: into the box as text, on one line, markers and controls gone.
	ui.press('\u001B[200~loca\u001B[31mtion\ntraining\u001B[201~');
	await ui.until(s => s.includes('Search headings: relocation training█'), 'the pasted text');
	// 79 letters and an emoji: the emoji is kept whole at the 80-character cap, or not at all;
	// at 80 columns the box shows the end of the query, where the cursor is.
	ui.press('\u0015');
	ui.press(`\u001B[200~${'x'.repeat(79)}👍🏽x\u001B[201~`);
	let box = await ui.until(s => s.includes('👍🏽█'), 'the long paste, its end in view');
	assert.match(box.split('\n')[0]!, /^ Search headings: …x+👍🏽█$/);
	assert.ok(!box.includes('\ufffd'), 'no half of a surrogate pair');
	// The results take half the width from 100 columns (a preview takes the rest): 220 hold it all.
	ui.resize(220, 24);
	box = await ui.until(s => s.includes(`Search headings: ${'x'.repeat(79)}👍🏽█`), 'the whole query at 220 columns');
	ui.press('\u001B');
	ui.press('q');
	assert.equal((await ui.exit()).exitCode, 0);
});
