/**
 * CPU time of interface-name completion and hover on a create-dense script, in process (no LSP, no
 * JSON): completion at the end of a new `set interface state ` line (the line inserted at many
 * positions, each an edit of the document, then asked again on the same version), and hover on the
 * interface name of lines that use one. Prints p50/p99 of `process.cpuUsage` per kind of request.
 *
 * `--typed=WORD` completes after `set interface state WORD` instead (a word few names fit reads the whole list).
 * `--typing=WORD,WORD` then, at each position, types each word after `set interface state ` one character
 * per change (as `npm run bench`'s `completion-interface-typed`), completion after each: `completion-interface-typed-*`.
 *
 *     npx tsx bench/nameRequests.ts [--lines=100000] [--positions=40] [--repeats=5] [--typed=tap49] [--typing=tap4242,zz9]
 */
import { ScriptDocument } from '../server/src/analysis/scriptDocument';
import { computeCompletion } from '../server/src/features/completion';
import { computeHover } from '../server/src/features/hover';
import { generateDense, rng } from './generate';
import { percentile } from './lspTimer';

type Report = (name: string, value: number, unit: string, workload: string) => void;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const CAPS = { snippetSupport: true, markdown: true, editRangeDefault: true };
const USE = /^(?:set interface state |set interface ip address |set interface l2 bridge |ip route add \S+ via \S+ )\S+/;
const PREFIX = 'set interface state ';

export function runNameRequests(report: Report, options: { lines?: number; positions?: number; repeats?: number; typed?: string; typing?: string[] } = {}): void {
  const size = options.lines ?? 100_000;
  const positions = options.positions ?? 40;
  const repeats = options.repeats ?? 5;
  const workload = `dense-${size / 1000}k in process${options.typed ? `, typed ${options.typed}` : ''}`;
  let text = generateDense(size);
  const script = new ScriptDocument({ language: 'cli', release: '26.06' });
  let analysis = script.reset(text);
  const lines = text.split('\n');
  const random = rng(5);
  const first: number[] = [];
  const again: number[] = [];
  const items: number[] = [];
  const typing: number[] = [];
  // the first position is a warm-up: it compiles the code paths and makes what one analysis keeps
  for (let p = 0; p <= positions; p++) {
    const line = p === 0 ? lines.length >> 1 : Math.floor(lines.length * (0.05 + 0.9 * random()));
    let start = 0;
    for (let i = 0; i < line; i++) start += lines[i].length + 1;
    const inserted = `${PREFIX}${options.typed ?? ''}\n`;
    text = text.slice(0, start) + inserted + text.slice(start);
    analysis = script.update([{ start, end: start, text: inserted, after: text }]);
    const position = { line, character: inserted.length - 1 };
    for (let r = 0; r <= repeats; r++) {
      const t = cpuMs();
      const list = computeCompletion(analysis, position, CAPS);
      const spent = cpuMs() - t;
      if (p > 0) (r === 0 ? first : again).push(spent);
      if (p > 0 && r === 0) items.push(list.items.length);
    }
    // a word typed one character per change after the inserted text, completion after each
    const at = start + inserted.length - 1;
    for (const word of options.typing ?? []) {
      for (let c = 0; c < word.length; c++) {
        text = text.slice(0, at + c) + word[c] + text.slice(at + c);
        analysis = script.update([{ start: at + c, end: at + c, text: word[c], after: text }]);
        const t = cpuMs();
        computeCompletion(analysis, { line, character: inserted.length - 1 + c + 1 }, CAPS);
        if (p > 0) typing.push(cpuMs() - t);
      }
      text = text.slice(0, at) + text.slice(at + word.length);
      analysis = script.update([{ start: at, end: at + word.length, text: '', after: text }]);
    }
    text = text.slice(0, start) + text.slice(start + inserted.length);
    analysis = script.update([{ start, end: start + inserted.length, text: '', after: text }]);
  }
  if (typing.length > 0) {
    report('completion-interface-typed-p50', percentile(typing, 50), 'ms', `${workload}, typing ${options.typing!.join(' ')}`);
    report('completion-interface-typed-p99', percentile(typing, 99), 'ms', `${workload}, typing ${options.typing!.join(' ')} (${typing.length} requests)`);
  }
  report('completion-interface-first-p50', percentile(first, 50), 'ms', workload);
  report('completion-interface-first-p99', percentile(first, 99), 'ms', `${workload} (${first.length} positions)`);
  report('completion-interface-p50', percentile(again, 50), 'ms', workload);
  report('completion-interface-p99', percentile(again, 99), 'ms', `${workload} (${again.length} requests)`);
  report('completion-interface-items-p50', percentile(items, 50), 'items', workload);
  report('completion-interface-first-max', Math.max(...first), 'ms', workload);
  // hover on the interface names of use lines spread over the file, on the version after those edits
  const uses: { line: number; end: number }[] = [];
  lines.forEach((l, line) => {
    const m = USE.exec(l);
    if (m) uses.push({ line, end: m[0].length });
  });
  const hovers: number[] = [];
  const hoverRandom = rng(11);
  for (let i = 0; i <= positions * repeats; i++) {
    const { line, end } = uses[Math.floor(hoverRandom() * uses.length)];
    const t = cpuMs();
    computeHover(analysis, { line, character: end - 1 }, true);
    if (i > 0) hovers.push(cpuMs() - t);
  }
  report('hover-interface-p50', percentile(hovers, 50), 'ms', workload);
  report('hover-interface-p99', percentile(hovers, 99), 'ms', `${workload} (${hovers.length} requests)`);
}

if (process.argv[1]?.endsWith('nameRequests.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  runNameRequests((name, value, unit, workload) => process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, workload })}\n`), {
    lines: arg('lines') ? Number(arg('lines')) : undefined,
    positions: arg('positions') ? Number(arg('positions')) : undefined,
    repeats: arg('repeats') ? Number(arg('repeats')) : undefined,
    typed: arg('typed'),
    typing: arg('typing')?.split(','),
  });
}
