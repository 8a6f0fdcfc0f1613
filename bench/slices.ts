/**
 * How long the server holds its event loop at most while it reads a pathological document afresh:
 * the analysis runs in steps (server/src/analysis/steps.ts), and the server lets other work in
 * between slices of steps, so the longest single step bounds how long another request waits. Prints
 * one JSON line per document and language: the longest step (CPU time, and wall time), the number of
 * steps, the total wall time.
 *
 *     npx tsx bench/slices.ts [--only=NAME-SUBSTRING]
 */
import { analyzingStartup, type AnalyzeOptions } from '../server/src/analysis/analyze';
import { ScriptDocument } from '../server/src/analysis/scriptDocument';
import type { Steps } from '../server/src/analysis/steps';
import { PATHOLOGICAL } from './blocking';

/** CPU time of this process in ms (all its threads: the garbage collector's helpers count too). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The longest step by wall time and by CPU time: on a loaded machine the wall time of a step includes
 * the time the process waited for a core, which the server does not control; the CPU time does not.
 */
function timed<T>(steps: Steps<T>): { longest: number; longestCpu: number; count: number; total: number } {
  let longest = 0;
  let longestCpu = 0;
  let count = 0;
  const begin = performance.now();
  for (;;) {
    const t = performance.now();
    const c = cpuMs();
    const step = steps.next();
    longestCpu = Math.max(longestCpu, cpuMs() - c);
    longest = Math.max(longest, performance.now() - t);
    count++;
    if (step.done) break;
  }
  return { longest, longestCpu, count, total: performance.now() - begin };
}

// the parser is made once per process (chevrotain's grammar analysis): not a step's work
new ScriptDocument({ language: 'cli' }).reset('show version\n');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
for (const language of ['cli', 'startup'] as const) {
  for (const p of PATHOLOGICAL) {
    if ((only && !p.name.includes(only)) || (p.languages && !p.languages.includes(language))) continue;
    // flat, as the server gets it from JSON (`repeat` makes a rope that the first read would flatten)
    const text = JSON.parse(JSON.stringify(p.text())) as string;
    const options: AnalyzeOptions = { language };
    const steps = language === 'cli' ? new ScriptDocument(options).resetting(text) : analyzingStartup(text, options);
    const r = timed(steps);
    const workload = `${p.name} (${language})`;
    console.log(JSON.stringify({ name: 'longest-step-cpu', value: Math.round(r.longestCpu), unit: 'ms', workload, steps: r.count, totalMs: Math.round(r.total) }));
    console.log(JSON.stringify({ name: 'longest-step-wall', value: Math.round(r.longest), unit: 'ms', workload }));
  }
}
