/**
 * Memory and CPU time of opening a create-dense script, in process (no LSP): the heap the document
 * holds after the open (after a full GC), the CPU time of the open, and the GC share of it. What the
 * compact document of issue 16 is judged by, apart from the noise of the stdio figures.
 *
 *     npx tsx bench/openMem.ts [--lines=100000] [--runs=1] [--snapshot=FILE]
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ScriptDocument } from '../server/src/analysis/scriptDocument';
import { generateDense } from './generate';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** This process's peak resident memory (Linux `VmHWM`), in MB. */
function peakRssMb(): number {
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024);
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const size = Number(arg('lines') ?? 100_000);
const runs = Number(arg('runs') ?? 1);
const text = generateDense(size);
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

async function openOnce(): Promise<ScriptDocument> {
  gcMs = 0;
  const t = cpuMs();
  const script = new ScriptDocument({ language: 'cli', release: '26.06' });
  const analysis = script.reset(text);
  const cpu = cpuMs() - t;
  await new Promise((resolve) => setTimeout(resolve, 10));
  result = { openCpuMs: Math.round(cpu), gcMs: Math.round(gcMs), diagnostics: analysis.diagnostics.length };
  return script;
}

let result: Record<string, number> = {};
// a small document first: the schema and the compiled code are loaded before the baseline
new ScriptDocument({ language: 'cli', release: '26.06' }).reset(generateDense(1000));
// each run in a function of its own: the top-level await kept the last document it returned alive into the
// next run's baseline, which then read ~0 MB for every run after the first
async function measureRun(r: number): Promise<void> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const script = await openOnce();
  if (!script) throw new Error('no document');
  gc();
  const withDocument = process.memoryUsage();
  const snapshot = arg('snapshot');
  if (snapshot && r === runs - 1) writeHeapSnapshot(snapshot);
  const heap = (withDocument.heapUsed - baseline) / 1e6;
  process.stdout.write(`${JSON.stringify({ lines: size, ...result, documentHeapMB: Math.round(heap * 10) / 10, rssMB: Math.round(withDocument.rss / 1e6), peakRssMB: peakRssMb() })}\n`);
}

for (let r = 0; r < runs; r++) await measureRun(r);
