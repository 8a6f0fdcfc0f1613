/**
 * CPU time of one-character edits on `delete loopback interface intfc loopN` lines of a create-dense
 * script, in process, split by what the edit does to the automatic loopbacks after it: `loopN` →
 * `loopN7` where `loopN7` is live there (the deletion frees another instance, which the next automatic
 * loopback takes instead: one loopback renamed, the state the same after it) or not (the deletion frees
 * nothing: every later automatic loopback that took a fresh instance takes the next one); and, to
 * compare with, the same edit on a `set interface state` line (no step of the model).
 *
 *     npx tsx bench/loopDelete.ts [--lines=100000] [--rounds=10] [--only=converging|chain|use]
 */
import { ScriptDocument, type TextChange } from '../server/src/analysis/scriptDocument';
import { generateDense, rng } from './generate';
import { percentile } from './lspTimer';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const size = Number(arg('lines') ?? 100_000);
const rounds = Number(arg('rounds') ?? 10);

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Whether the line's deletion, with `7` typed after it, names a loopback live there (the generator's lines only). */
function liveAfterTyping(lines: readonly string[], at: number): boolean {
  const used = new Set<number>();
  for (let i = 0; i < at; i++) {
    const l = lines[i];
    if (l === 'create loopback interface') {
      let n = 0;
      while (used.has(n)) n++;
      used.add(n);
    } else if (l.startsWith('delete loopback interface intfc loop')) used.delete(Number(l.slice(36)));
  }
  // `loop0` → `loop07`, which no loopback is named
  const typed = `${lines[at].slice(36)}7`;
  return String(Number(typed)) === typed && used.has(Number(typed));
}

let text = generateDense(size);
const lines = text.split('\n');
const starts: number[] = [];
for (let i = 0, s = 0; i < lines.length; s += lines[i].length + 1, i++) starts.push(s);
const candidates: number[] = [];
for (let i = 0; i < lines.length / 10; i++) if (/^delete loopback interface intfc loop\d+$/.test(lines[i])) candidates.push(i);
const random = rng(5);
const picks = { converging: [] as number[], chain: [] as number[], 'use line (for comparison)': [] as number[] };
for (let i = 0; i < lines.length / 10 && picks['use line (for comparison)'].length <= rounds; i += 97) if (lines[i].startsWith('set interface state ')) picks['use line (for comparison)'].push(i);
while ((picks.converging.length <= rounds || picks.chain.length <= rounds) && candidates.length > 0) {
  const n = candidates.splice(Math.floor(random() * candidates.length), 1)[0];
  const list = liveAfterTyping(lines, n) ? picks.converging : picks.chain;
  if (list.length <= rounds) list.push(n);
}
const script = new ScriptDocument({ language: 'cli', release: '26.06' });
let t = cpuMs();
script.reset(text);
console.log(`open ${Math.round(cpuMs() - t)} ms CPU (${size} lines)`);
const apply = (start: number, end: number, inserted: string): TextChange => {
  text = text.slice(0, start) + inserted + text.slice(end);
  return { start, end, text: inserted, after: text };
};
for (const [kind, list] of Object.entries(picks)) {
  if (arg('only') && !kind.startsWith(arg('only')!)) continue;
  const times: number[] = [];
  for (const [round, n] of list.entries()) {
    // the lines before this one are as generated: every edit is put back
    const end = starts[n] + lines[n].length;
    for (const change of [apply(end, end, '7'), apply(end, end + 1, '')]) {
      t = cpuMs();
      script.update([change]);
      if (round > 0) times.push(cpuMs() - t);
    }
  }
  console.log(`${kind}: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${times.length} edits)`);
}
