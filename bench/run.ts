/**
 * `npm run bench`: the language server's speed and memory on generated workloads, measured through
 * the real server (`dist/server.js --stdio`) as an editor drives it, next to the Dockerfile language
 * server on a file of the same size and a bare chevrotain lexing pass as the floor. Prints one JSON
 * line per figure: {name, value, unit, workload}. `--quick` runs fewer repetitions.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexerFor } from '../server/src/syntax/tokens';
import { measureActivation } from './activation';
import { generateDense, generateDockerfile, generateRoutes, generateScript, generateStartup, rng } from './generate';
import { LspTimer, percentile } from './lspTimer';
import { runBlocking } from './blocking';
import { runEditCpu } from './editCpu';
import { runNameRequests } from './nameRequests';
import { runSoak, SOAKS } from './soak';
import { measureSources } from './sources';
import { linesLike } from './editLines';

const ROOT = join(import.meta.dirname, '..');
/** `--server=DIR` measures another build (its `dist/`), such as the code before a change. */
const BUILD = process.argv.find((a) => a.startsWith('--server='))?.slice('--server='.length) ?? ROOT;
const SERVER = join(BUILD, 'dist', 'server.js');
/** `--no-head`: the build publishes a large script's diagnostics once, as builds before the head was read first did. */
const HEAD_FIRST = !process.argv.includes('--no-head');
const PEER = join(ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');
const OUT = join(ROOT, 'bench', 'out');
const quick = process.argv.includes('--quick');
/** `--only=script-10k,dockerfile,soak` limits the run to workloads whose names contain one of these. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => !only || only.some((o) => name.includes(o));

interface Figure {
  name: string;
  value: number;
  unit: string;
  workload: string;
}

const figures: Figure[] = [];

function report(name: string, value: number, unit: string, workload: string): void {
  const figure = { name, value: Math.round(value * 100) / 100, unit, workload };
  figures.push(figure);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

interface Workload {
  name: string;
  languageId: string;
  uri: string;
  text: string;
  opens: number;
  edits: number;
  queries: number;
  /** `dense` and `routes` workloads also get the edit kinds and the interface-name requests (measureShapes). */
  shape?: { editRounds: number; typingRounds: number; pasteRounds: number; nameQueries: number };
}

function workloads(): Workload[] {
  const scale = quick ? 0.3 : 1;
  const n = (x: number) => Math.max(2, Math.round(x * scale));
  return [
    { name: 'script-1k', languageId: 'vpp-cli', uri: 'file:///bench/s1k.vpp', text: generateScript(1_000), opens: n(20), edits: n(60), queries: n(400) },
    { name: 'script-10k', languageId: 'vpp-cli', uri: 'file:///bench/s10k.vpp', text: generateScript(10_000), opens: n(10), edits: n(60), queries: n(400) },
    { name: 'script-100k', languageId: 'vpp-cli', uri: 'file:///bench/s100k.vpp', text: generateScript(100_000), opens: n(4), edits: n(40), queries: n(200) },
    // create-dense scripts and a route table: the interface model under every kind of edit (issue 16)
    { name: 'dense-10k', languageId: 'vpp-cli', uri: 'file:///bench/d10k.vpp', text: generateDense(10_000), opens: n(10), edits: n(60), queries: n(400), shape: { editRounds: n(20), typingRounds: quick ? 1 : 3, pasteRounds: n(6), nameQueries: n(200) } },
    { name: 'dense-100k', languageId: 'vpp-cli', uri: 'file:///bench/d100k.vpp', text: generateDense(100_000), opens: n(4), edits: n(40), queries: n(200), shape: { editRounds: n(8), typingRounds: quick ? 1 : 2, pasteRounds: n(4), nameQueries: n(200) } },
    { name: 'routes-100k', languageId: 'vpp-cli', uri: 'file:///bench/r100k.vpp', text: generateRoutes(100_000), opens: n(4), edits: n(40), queries: n(200), shape: { editRounds: n(8), typingRounds: quick ? 1 : 2, pasteRounds: n(4), nameQueries: n(200) } },
    { name: 'startup-100', languageId: 'vpp-startup', uri: 'file:///bench/s100.startup.conf', text: generateStartup(100), opens: n(20), edits: n(60), queries: n(400) },
    { name: 'startup-1000', languageId: 'vpp-startup', uri: 'file:///bench/s1000.startup.conf', text: generateStartup(1_000), opens: n(10), edits: n(60), queries: n(400) },
  ];
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** Typing a word at the end of the middle line, one character per edit, then deleting it again. */
function typingEdits(text: string, count: number): { range: Range; text: string }[] {
  const lines = text.split('\n');
  let line = lines.length >> 1;
  while (line > 0 && !/\S/.test(lines[line])) line--;
  const base = lines[line].length;
  const word = ' typing';
  const out: { range: Range; text: string }[] = [];
  let typed = 0;
  for (let i = 0; i < count; i++) {
    const forward = Math.floor(i / word.length) % 2 === 0;
    if (forward) {
      const at = { line, character: base + typed };
      out.push({ range: { start: at, end: at }, text: word[typed] });
      typed++;
    } else {
      typed--;
      out.push({ range: { start: { line, character: base + typed }, end: { line, character: base + typed + 1 } }, text: '' });
    }
  }
  return out;
}

/** Requests at random positions before the timed ones (a fresh server compiles its code paths then). */
const WARM_UP_QUERIES = 20;

/** Opening, typing, completion and hover on one workload, in a fresh server. */
async function measureServer(server: string, w: Workload, label: string, withQueries: boolean): Promise<{ open: number; firstOpen: number; edit: number; createEdit?: number }> {
  const timer = new LspTimer(server, [], HEAD_FIRST);
  try {
    const init = await timer.initialize();
    report('start-to-initialized', init, 'ms', label);
    const opens: number[] = [];
    const firsts: number[] = [];
    for (let i = 0; i < w.opens; i++) {
      const uri = `${w.uri}.${i}`;
      const { first, whole } = await timer.openTimed(uri, w.languageId, w.text);
      opens.push(whole);
      firsts.push(first);
      timer.close(uri);
    }
    report('open-to-diagnostics-p50', percentile(opens, 50), 'ms', label);
    report('open-to-diagnostics-min', Math.min(...opens), 'ms', label);
    // a large script's head (scriptHead.ts) has its diagnostics first; else the same as the whole
    report('open-to-first-diagnostics-p50', percentile(firsts, 50), 'ms', label);
    await timer.open(w.uri, w.languageId, w.text);
    const edits: number[] = [];
    for (const e of typingEdits(w.text, w.edits)) edits.push(await timer.change(w.uri, e.range, e.text));
    report('edit-to-diagnostics-p50', percentile(edits, 50), 'ms', label);
    report('edit-to-diagnostics-p99', percentile(edits, 99), 'ms', label);
    const enters: number[] = [];
    const mid = w.text.split('\n').length >> 1;
    for (let i = 0; i < Math.max(1, w.edits >> 3); i++) {
      const at = { line: mid, character: 0 };
      enters.push(await timer.change(w.uri, { start: at, end: at }, '\n'));
      enters.push(await timer.change(w.uri, { start: at, end: { line: mid + 1, character: 0 } }, ''));
    }
    report('newline-edit-to-diagnostics-p50', percentile(enters, 50), 'ms', label);
    if (withQueries) {
      const lines = w.text.split('\n');
      const random = rng(7);
      const completion: number[] = [];
      const hover: number[] = [];
      // the first request after an edit builds what the features share; time it apart
      const position = { line: 0, character: 0 };
      report('first-request-after-edit', await timer.request('textDocument/hover', { textDocument: { uri: w.uri }, position }), 'ms', label);
      const randomPosition = () => {
        const line = Math.floor(random() * lines.length);
        return { line, character: Math.floor(random() * (lines[line].length + 1)) };
      };
      // the first requests of a fresh server pay for compiling the code they run and for the
      // per-document lists they build once; they are reported apart, and the p50/p99 are the steady state
      const cold: { completion: number[]; hover: number[] } = { completion: [], hover: [] };
      for (let i = 0; i < WARM_UP_QUERIES; i++) {
        const position = randomPosition();
        cold.completion.push(await timer.request('textDocument/completion', { textDocument: { uri: w.uri }, position }));
        cold.hover.push(await timer.request('textDocument/hover', { textDocument: { uri: w.uri }, position }));
      }
      report('completion-cold-first', cold.completion[0], 'ms', label);
      report('completion-cold-max', Math.max(...cold.completion), 'ms', label);
      report('hover-cold-max', Math.max(...cold.hover), 'ms', label);
      for (let i = 0; i < w.queries; i++) {
        const position = randomPosition();
        completion.push(await timer.request('textDocument/completion', { textDocument: { uri: w.uri }, position }));
        hover.push(await timer.request('textDocument/hover', { textDocument: { uri: w.uri }, position }));
      }
      report('completion-p50', percentile(completion, 50), 'ms', label);
      report('completion-p99', percentile(completion, 99), 'ms', label);
      report('hover-p50', percentile(hover, 50), 'ms', label);
      report('hover-p99', percentile(hover, 99), 'ms', label);
    }
    const createEdit = w.shape ? await measureShapes(timer, w, label) : undefined;
    report('peak-rss', timer.peakRssMb(), 'MB', label);
    return { open: percentile(opens, 50), firstOpen: percentile(firsts, 50), edit: percentile(edits, 50), createEdit };
  } finally {
    await timer.shutdown();
  }
}

type Position = { line: number; character: number };
const at = (line: number, character: number): Position => ({ line, character });


const CREATE_TAP = /^create tap id \d+/;
const DELETE = /^delete (?:tap tap|loopback interface intfc loop)\d+/;
/** A line that uses an interface, up to the end of the interface's name. */
const USE = /^(?:set interface state |set interface ip address |set interface l2 bridge |ip route add \S+ via \S+ )\S+/;
const CREATE = /^create /;
/** The lines typed character by character, one per round. */
const TYPED = ['create tap id 4242 host-if-name vtyped', 'create loopback interface', 'create interface memif id 4243 socket-id 0 master'];

/**
 * The edit kinds of a create-dense script (issue 16), each timed from its `didChange` to the
 * diagnostics of that version and reported as p50 / p99 over all its edits, forward and back: a
 * character added to a `create tap id N` line's id and removed; the same on a `delete` line's name;
 * the same on the interface name of a line that uses one; a whole create line deleted and put back;
 * a new create line typed in the middle one character per change; 1,000 lines pasted in the middle
 * in one change and removed again. Then interface-name completion on a new `set interface state `
 * line in the middle, and hover on the interface names of lines that use them. Returns the p50 of
 * the create-line edits.
 */
async function measureShapes(timer: LspTimer, w: Workload, label: string): Promise<number> {
  const shape = w.shape!;
  const lines = w.text.split('\n');
  const mid = lines.length >> 1;
  const figure = (name: string, samples: number[]) => {
    if (samples.length === 0) return;
    report(`${name}-p50`, percentile(samples, 50), 'ms', label);
    report(`${name}-p99`, percentile(samples, 99), 'ms', label);
  };
  // (a)-(c): one character in, then out again, at the end of the word of interest, on a different line each round
  const oneCharacter = async (pattern: RegExp): Promise<number[]> => {
    const times: number[] = [];
    for (const { line, end } of linesLike(lines, pattern, shape.editRounds)) {
      times.push(await timer.change(w.uri, { start: at(line, end), end: at(line, end) }, '1'));
      times.push(await timer.change(w.uri, { start: at(line, end), end: at(line, end + 1) }, ''));
    }
    return times;
  };
  const createEdits = await oneCharacter(CREATE_TAP);
  figure('edit-create-line', createEdits);
  figure('edit-delete-line', await oneCharacter(DELETE));
  figure('edit-use-line', await oneCharacter(USE));
  // (d) a create line deleted, then undone
  const removed: number[] = [];
  const restored: number[] = [];
  for (const { line } of linesLike(lines, CREATE, shape.editRounds)) {
    removed.push(await timer.change(w.uri, { start: at(line, 0), end: at(line + 1, 0) }, ''));
    restored.push(await timer.change(w.uri, { start: at(line, 0), end: at(line, 0) }, `${lines[line]}\n`));
  }
  figure('delete-create-line', removed);
  figure('undo-delete-create-line', restored);
  // (e) Enter at the end of the middle line, a create line typed one character per change, then the line removed in one change
  const typing: number[] = [];
  for (let r = 0; r < shape.typingRounds; r++) {
    const typed = TYPED[r % TYPED.length];
    const end = lines[mid].length;
    typing.push(await timer.change(w.uri, { start: at(mid, end), end: at(mid, end) }, '\n'));
    for (let c = 0; c < typed.length; c++) typing.push(await timer.change(w.uri, { start: at(mid + 1, c), end: at(mid + 1, c) }, typed[c]));
    await timer.change(w.uri, { start: at(mid, end), end: at(mid + 1, typed.length) }, '');
  }
  figure('type-create-line', typing);
  // (f) 1,000 lines of the same shape (interfaces of their own ids) pasted in the middle, then removed
  const block = generateDense(1_000, 2, true);
  const pasted: number[] = [];
  const unpasted: number[] = [];
  for (let r = 0; r < shape.pasteRounds; r++) {
    pasted.push(await timer.change(w.uri, { start: at(mid, 0), end: at(mid, 0) }, block));
    unpasted.push(await timer.change(w.uri, { start: at(mid, 0), end: at(mid + 1_000, 0) }, ''));
  }
  figure('paste-1000-lines', pasted);
  figure('remove-1000-lines', unpasted);
  // interface-name completion after `set interface state ` on a new line in the middle
  const prefix = 'set interface state ';
  await timer.change(w.uri, { start: at(mid, 0), end: at(mid, 0) }, `${prefix}\n`);
  const params = { textDocument: { uri: w.uri }, position: at(mid, prefix.length) };
  report('completion-interface-first', await timer.request('textDocument/completion', params), 'ms', label);
  const names: number[] = [];
  for (let i = 0; i < shape.nameQueries; i++) names.push(await timer.request('textDocument/completion', params));
  figure('completion-interface', names);
  // a name typed after it one character per change, completion asked after each (the list says it is
  // incomplete, so the client asks again): a tap created some thousands of lines above, then a word no
  // name fits, which makes the request read the whole list
  const typedNames: number[] = [];
  for (const word of [tapNameAbove(lines, mid - 3_000), 'zz9']) {
    for (let c = 0; c < word.length; c++) {
      await timer.change(w.uri, { start: at(mid, prefix.length + c), end: at(mid, prefix.length + c) }, word[c]);
      typedNames.push(await timer.request('textDocument/completion', { textDocument: { uri: w.uri }, position: at(mid, prefix.length + c + 1) }));
    }
    await timer.change(w.uri, { start: at(mid, prefix.length), end: at(mid, prefix.length + word.length) }, '');
  }
  figure('completion-interface-typed', typedNames);
  await timer.change(w.uri, { start: at(mid, 0), end: at(mid + 1, 0) }, '');
  // hover on the interface names of lines that use them, spread over the file
  const uses = linesLike(lines, USE, Number.POSITIVE_INFINITY);
  const random = rng(11);
  const hovers: number[] = [];
  for (let i = 0; i < shape.nameQueries && uses.length > 0; i++) {
    const { line, end } = uses[Math.floor(random() * uses.length)];
    hovers.push(await timer.request('textDocument/hover', { textDocument: { uri: w.uri }, position: at(line, end - 1) }));
  }
  figure('hover-interface', hovers);
  return percentile(createEdits, 50);
}

/** The name of the nearest `create tap id N` at or above `line` (`tap0` when there is none: routes-100k has a few). */
function tapNameAbove(lines: readonly string[], line: number): string {
  for (let k = Math.min(line, lines.length - 1); k >= 0; k--) {
    const m = /^create tap id (\d+)/.exec(lines[k]);
    if (m) return `tap${m[1]}`;
  }
  return 'tap0';
}

function chevrotainFloor(w: Workload): void {
  const lexer = lexerFor('script');
  const times: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t = performance.now();
    lexer.tokenize(w.text);
    times.push(performance.now() - t);
  }
  report('chevrotain-lex-floor', percentile(times, 50), 'ms', w.name);
}

function lintThroughput(w: Workload): void {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${w.name}.vpp`);
  writeFileSync(file, w.text);
  const times: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const t = performance.now();
    try {
      execFileSync(process.execPath, [join(BUILD, 'dist', 'cli.js'), file], { stdio: 'ignore' });
    } catch {
      // exit status 1: the file has errors, which the generated scripts do on purpose
    }
    times.push(performance.now() - t);
  }
  const mb = statSync(file).size / 1e6;
  report('vpp-lint-throughput', mb / (percentile(times, 50) / 1000), 'MB/s', w.name);
  report('vpp-lint-wall', percentile(times, 50), 'ms', w.name);
}

async function main(): Promise<void> {
  const all = workloads();
  const ours = new Map<string, { open: number; firstOpen: number; edit: number; createEdit?: number }>();
  for (const w of all) {
    if (!wanted(w.name)) continue;
    ours.set(w.name, await measureServer(SERVER, w, w.name, !w.name.endsWith('100k') || !quick));
    if (w.languageId === 'vpp-cli' && w.name !== 'script-1k') chevrotainFloor(w);
  }
  const big = all.find((w) => w.name === 'script-100k');
  if (big && wanted('lint')) lintThroughput(big);
  for (const size of ['10k', '100k']) {
    const name = `dockerfile-${size}`;
    if (!wanted(name)) continue;
    const w = all.find((x) => x.name === `script-${size}`)!;
    // the peer takes about half a minute per edit of the largest file, so it gets fewer rounds there
    const rounds = size === '100k' ? { opens: 1, edits: 4 } : { opens: w.opens, edits: w.edits };
    const docker: Workload = { ...w, ...rounds, name, languageId: 'dockerfile', uri: `file:///bench/${w.name}/Dockerfile`, text: generateDockerfile(w.text.length) };
    const peer = await measureServer(PEER, docker, docker.name, false);
    const mine = ours.get(w.name) ?? (await measureServer(SERVER, w, w.name, false));
    report('peer-open-ratio', peer.open / mine.open, 'x', `${docker.name} vs ${w.name}`);
    report('peer-open-ratio-first', peer.open / mine.firstOpen, 'x', `${docker.name} vs ${w.name}`);
    report('peer-edit-ratio', peer.edit / mine.edit, 'x', `${docker.name} vs ${w.name}`);
    // the create-dense script of the same line count (2-3 % smaller than the script) against the same Dockerfile, when it ran
    const dense = ours.get(`dense-${size}`);
    if (dense) {
      report('peer-open-ratio', peer.open / dense.open, 'x', `${docker.name} vs dense-${size}`);
      report('peer-open-ratio-first', peer.open / dense.firstOpen, 'x', `${docker.name} vs dense-${size}`);
      report('peer-edit-ratio', peer.edit / dense.edit, 'x', `${docker.name} vs dense-${size}`);
      // the peer re-reads the whole file on any change; ours is slowest where a create line changes
      if (dense.createEdit !== undefined) report('peer-edit-ratio-create-line', peer.edit / dense.createEdit, 'x', `${docker.name} vs dense-${size}`);
    }
  }
  if (wanted('edit-cpu')) runEditCpu(report, { quick });
  if (wanted('name-requests')) runNameRequests(report, { positions: quick ? 12 : 40 });
  if (wanted('blocking')) await runBlocking(SERVER, report);
  for (const soak of SOAKS.filter((s) => wanted(s.name))) {
    // at the default heap size, and with the heap capped where a leak soon ends the server
    for (const nodeArgs of [[], ['--max-old-space-size=128']]) await runSoak(SERVER, soak, nodeArgs, report);
  }
  if (wanted('sources')) await measureSources(SERVER, report);
  if (!wanted('activation')) return finish();
  const activation = await measureActivation(join(BUILD, 'dist', 'client.js'));
  report('extension-activation', activation.total, 'ms', 'require + activate dist/client.js, stubbed vscode');
  report('extension-require', activation.require, 'ms', 'require dist/client.js, stubbed vscode');
  finish();
}

function finish(): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, BUILD === ROOT ? 'results.json' : 'results-other-build.json'), `${JSON.stringify({ date: new Date().toISOString(), figures }, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
