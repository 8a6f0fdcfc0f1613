/**
 * CPU time per edit of a 100k-line create-dense script, in process (no LSP, no JSON, no other
 * document): what `ScriptDocument.update` costs for the edits users make, so that a change to the
 * incremental analysis can be judged apart from the noise of the stdio figures. Prints p50/p99 of
 * `process.cpuUsage` (user + system, GC threads included) per edit kind, and the heap after.
 *
 *     npx tsx bench/editCpu.ts [--lines=100000] [--rounds=40] [--quick]
 *     npx tsx bench/run.ts --only=edit-cpu
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ScriptDocument, type TextChange } from '../server/src/analysis/scriptDocument';
import { generateDense, rng } from './generate';
import { percentile } from './lspTimer';

type Report = (name: string, value: number, unit: string, workload: string) => void;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One kind of edit: the changes of one round at a line picked for it (`undo` changes are applied, not timed). */
interface Shape {
  name: string;
  /** The lines this edit can land on. */
  lines: RegExp;
  /** Only the first tenth of the file (the worst case for edits whose effect runs to the end). */
  early?: boolean;
  timed: (line: { start: number; text: string }) => Edit[];
  undo: (line: { start: number; text: string }) => Edit[];
}

const PASTE = generateDense(100, 7, true);

const SHAPES: Shape[] = [
  {
    // a digit typed at the end of a `host-if-name` value, then deleted: the tap's Linux name changes
    name: '(a) type a character in an option value',
    lines: /^create tap id \d+ host-if-name \S+$/,
    timed: (l) => [{ start: l.start + l.text.length, end: l.start + l.text.length, text: '7' }, { start: l.start + l.text.length, end: l.start + l.text.length + 1, text: '' }],
    undo: () => [],
  },
  {
    // every later automatic loopback takes another instance: the worst case of the model
    name: '(b) delete a `create loopback interface` line early',
    lines: /^create loopback interface$/,
    early: true,
    timed: (l) => [{ start: l.start, end: l.start + l.text.length + 1, text: '' }],
    undo: (l) => [{ start: l.start, end: l.start, text: `${l.text}\n` }],
  },
  {
    // the deletion names another loopback, which frees no instance: the automatic loopbacks after it
    // take other ones (the stdio figure `edit-delete-line` of bench/run.ts), then back
    name: "(b'') type a character on a `delete loopback interface` line early",
    lines: /^delete loopback interface intfc loop\d+$/,
    early: true,
    timed: (l) => [{ start: l.start + l.text.length, end: l.start + l.text.length, text: '7' }, { start: l.start + l.text.length, end: l.start + l.text.length + 1, text: '' }],
    undo: () => [],
  },
  {
    name: "(b') delete a plain line",
    lines: /^set interface (state|ip address) /,
    timed: (l) => [{ start: l.start, end: l.start + l.text.length + 1, text: '' }],
    undo: (l) => [{ start: l.start, end: l.start, text: `${l.text}\n` }],
  },
  {
    name: '(d) insert a line',
    lines: /^set interface state /,
    timed: (l) => [{ start: l.start, end: l.start, text: 'set interface state loop0 down\n' }],
    undo: (l) => [{ start: l.start, end: l.start + 'set interface state loop0 down\n'.length, text: '' }],
  },
  {
    // interfaces of their own (tap ids from 8,000, loopback instances from 12,000), as bench/run.ts pastes
    name: '(e) paste a 100-line block',
    lines: /^set interface state /,
    timed: (l) => [{ start: l.start, end: l.start, text: PASTE }],
    undo: (l) => [{ start: l.start, end: l.start + PASTE.length, text: '' }],
  },
  {
    name: 'typing a word at the end of a use line',
    lines: /^(set interface|ip route add) /,
    timed: (l) => {
      const end = l.start + l.text.length;
      const word = ' typing';
      const out: Edit[] = [];
      for (let i = 0; i < word.length; i++) out.push({ start: end + i, end: end + i, text: word[i] });
      for (let i = word.length; i > 0; i--) out.push({ start: end + i - 1, end: end + i, text: '' });
      return out;
    },
    undo: () => [],
  },
];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The `count` lines matching a shape, spread over the file (or its first tenth), seeded. */
function linesFor(text: string, shape: Shape, count: number, seed: number): number[] {
  const lines = text.split('\n');
  const limit = shape.early ? Math.floor(lines.length / 10) : lines.length;
  const candidates: number[] = [];
  for (let i = 0; i < limit; i++) if (shape.lines.test(lines[i])) candidates.push(i);
  const random = rng(seed);
  const out: number[] = [];
  for (let k = 0; k < count && candidates.length > 0; k++) out.push(candidates[Math.floor(random() * candidates.length)]);
  return out;
}

function lineAt(text: string, line: number): { start: number; text: string } {
  let start = 0;
  for (let i = 0; i < line; i++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return { start, text: text.slice(start, end < 0 ? text.length : end) };
}

export function runEditCpu(report: Report, options: { lines?: number; rounds?: number; quick?: boolean } = {}): void {
  const size = options.lines ?? 100_000;
  const rounds = options.rounds ?? (options.quick ? 8 : 40);
  const workload = `dense-${size / 1000}k in process`;
  let text = generateDense(size);
  const script = new ScriptDocument({ language: 'cli', release: '26.06' });
  let t = cpuMs();
  script.reset(text);
  report('edit-cpu-open', cpuMs() - t, 'ms', workload);
  const apply = (e: Edit): TextChange => {
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    return { ...e, after: text };
  };
  for (const [k, shape] of SHAPES.entries()) {
    const times: number[] = [];
    // the first round is a warm-up: it compiles the code paths of this kind of edit
    for (const [round, n] of linesFor(text, shape, rounds + 1, k + 1).entries()) {
      const line = lineAt(text, n);
      for (const e of shape.timed(line)) {
        const change = apply(e);
        t = cpuMs();
        script.update([change]);
        if (round > 0) times.push(cpuMs() - t);
      }
      for (const e of shape.undo(line)) script.update([apply(e)]);
    }
    report('edit-cpu-p50', percentile(times, 50), 'ms', `${workload}: ${shape.name}`);
    report('edit-cpu-p99', percentile(times, 99), 'ms', `${workload}: ${shape.name} (${times.length} edits)`);
  }
  gc();
  report('edit-cpu-heap-after', process.memoryUsage().heapUsed / 1e6, 'MB', workload);
}

if (process.argv[1]?.endsWith('editCpu.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  runEditCpu((name, value, unit, workload) => process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, workload })}\n`), {
    lines: arg('lines') ? Number(arg('lines')) : undefined,
    rounds: arg('rounds') ? Number(arg('rounds')) : undefined,
    quick: process.argv.includes('--quick'),
  });
}
