/**
 * CPU time per edit of a 100k-line create-dense script along the server's own path, in process: the
 * `didChange` message read (JSON), the change applied to the `TextDocument` through
 * `AnalysisCache.update` (as `TextDocuments` does), the analysis of that version (`AnalysisCache.get`),
 * its diagnostics (`checkLinks`, `computeDiagnostics`) and the `publishDiagnostics` message written
 * (JSON) — what server.ts does between a `didChange` and its diagnostics, without the stdio, the event
 * loop's turns and the other process of the stdio figures (bench/run.ts). The edits are those of
 * bench/run.ts on `dense-100k`: typing at the end of the middle line, a character on a `create tap`
 * line's id, a create line deleted and put back, a create line typed after an Enter, 1,000 lines
 * pasted and removed.
 *
 *     npx tsx bench/serverEditCpu.ts [--lines=100000] [--rounds=8] [--only=typing,create,delete,type,paste]
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../server/src/documents';
import { checkLinks } from '../server/src/features/links';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { limitHeapGrowth } from '../server/src/heapGrowth';
import { generateDense } from './generate';
import { percentile } from './lspTimer';
import { linesLike } from './editLines';

type Position = { line: number; character: number };
type Change = { range: { start: Position; end: Position }; text: string };

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const at = (line: number, character: number): Position => ({ line, character });

/** The server's documents: `PieceDocument` where the server has it, else the library's (an older checkout, for a "before" figure). */
async function documentMaker(): Promise<(uri: string, languageId: string, version: number, text: string) => TextDocument> {
  try {
    const { PieceDocument } = (await import('../server/src/pieceDocument')) as { PieceDocument: { create: (uri: string, languageId: string, version: number, text: string) => TextDocument } };
    return PieceDocument.create;
  } catch {
    return TextDocument.create;
  }
}

export async function runServerEditCpu(options: { lines?: number; rounds?: number; only?: string[] } = {}): Promise<Record<string, number[]>> {
  const create = await documentMaker();
  const size = options.lines ?? 100_000;
  const rounds = options.rounds ?? 8;
  const text = generateDense(size);
  const lines = text.split('\n');
  const mid = lines.length >> 1;
  const uri = 'file:///bench/d100k.vpp';
  const cache = new AnalysisCache();
  const settings = { ...DEFAULT_SETTINGS, delayMs: 0 };
  let doc = create(uri, 'vpp-cli', 1, text);
  let version = 1;
  const publish = () => {
    const analysis = cache.get(doc, settings, {});
    const links = analysis ? checkLinks(analysis, () => true) : [];
    const diagnostics = analysis ? computeDiagnostics(analysis, settings.severities, links, settings.maxDiagnostics) : [];
    return JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } }).length;
  };
  publish();
  /** One `didChange` to its diagnostics; its CPU time in ms. */
  const change = (c: Change): number => {
    const t = cpuMs();
    version++;
    const message = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [c] } });
    const params = JSON.parse(message).params as { contentChanges: Change[] };
    doc = cache.update(doc, params.contentChanges, version);
    publish();
    return cpuMs() - t;
  };
  const out: Record<string, number[]> = {};
  const kinds: Record<string, () => number[]> = {
    // bench/run.ts `edit-to-diagnostics`: ` typing` typed at the end of the middle line and deleted again
    typing: () => {
      const times: number[] = [];
      let line = mid;
      while (line > 0 && !/\S/.test(lines[line])) line--;
      const base = lines[line].length;
      const word = ' typing';
      for (let r = 0; r < rounds * 5; r++) {
        for (let i = 0; i < word.length; i++) times.push(change({ range: { start: at(line, base + i), end: at(line, base + i) }, text: word[i] }));
        for (let i = word.length; i > 0; i--) times.push(change({ range: { start: at(line, base + i - 1), end: at(line, base + i) }, text: '' }));
      }
      return times;
    },
    // `edit-create-line`: a `1` after the id of a `create tap id N` line, then deleted
    create: () => {
      const times: number[] = [];
      for (const { line, end } of linesLike(lines, /^create tap id \d+/, rounds * 4)) {
        times.push(change({ range: { start: at(line, end), end: at(line, end) }, text: '1' }));
        times.push(change({ range: { start: at(line, end), end: at(line, end + 1) }, text: '' }));
      }
      return times;
    },
    // `delete-create-line` and its undo
    delete: () => {
      const times: number[] = [];
      for (const { line } of linesLike(lines, /^create /, rounds * 4)) {
        times.push(change({ range: { start: at(line, 0), end: at(line + 1, 0) }, text: '' }));
        times.push(change({ range: { start: at(line, 0), end: at(line, 0) }, text: `${lines[line]}\n` }));
      }
      return times;
    },
    // `type-create-line`: Enter at the end of the middle line, then a create line typed one character per change
    type: () => {
      const times: number[] = [];
      const typed = ['create tap id 4242 host-if-name vtyped', 'create loopback interface', 'create interface memif id 4243 socket-id 0 master'];
      for (let r = 0; r < rounds; r++) {
        const line = typed[r % typed.length];
        const end = lines[mid].length;
        times.push(change({ range: { start: at(mid, end), end: at(mid, end) }, text: '\n' }));
        for (let c = 0; c < line.length; c++) times.push(change({ range: { start: at(mid + 1, c), end: at(mid + 1, c) }, text: line[c] }));
        change({ range: { start: at(mid, end), end: at(mid + 1, line.length) }, text: '' });
      }
      return times;
    },
    // `paste-1000-lines` / `remove-1000-lines`: 1,000 create-dense lines with interfaces of their own pasted in the middle, then removed
    paste: () => {
      const times: number[] = [];
      const block = generateDense(1_000, 2, true);
      for (let r = 0; r < rounds; r++) {
        times.push(change({ range: { start: at(mid, 0), end: at(mid, 0) }, text: block }));
        times.push(change({ range: { start: at(mid, 0), end: at(mid + 1_000, 0) }, text: '' }));
      }
      return times;
    },
  };
  for (const [name, run] of Object.entries(kinds)) {
    if (options.only && !options.only.includes(name)) continue;
    out[name] = run();
  }
  return out;
}


if (process.argv[1]?.endsWith('serverEditCpu.ts')) {
  // as the server does at its start
  limitHeapGrowth();
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const result = await runServerEditCpu({ lines: arg('lines') ? Number(arg('lines')) : undefined, rounds: arg('rounds') ? Number(arg('rounds')) : undefined, only: arg('only')?.split(',') });
  for (const [name, times] of Object.entries(result)) {
    const r = (v: number) => Math.round(v * 100) / 100;
    process.stdout.write(`${JSON.stringify({ name, edits: times.length, p50: r(percentile(times, 50)), p99: r(percentile(times, 99)), mean: r(times.reduce((a, b) => a + b, 0) / times.length) })}\n`);
  }
}
