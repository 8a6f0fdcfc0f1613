#!/usr/bin/env -S npx tsx
/**
 * Real VPP as the referee of our schema.
 *
 *   VPP_BUILD=/path/to/vpp/build npx tsx tools/vpp-referee/run.ts --release 26.06   # ask VPP, record, report
 *   npx tsx tools/vpp-referee/run.ts --release 26.06 --report [--doc FILE]           # report from the record
 *
 * Generates lines from our schema (cases.ts), runs each as a one-line script in a VPP started
 * without hugepages, DPDK or NICs (vpp.ts), classifies the answer (verdicts.ts) and writes
 * test/referee/<release>.json, which test/referee.test.ts replays through our analysis.
 * Options: --limit N (first N lines of each kind), --no-startup (script lines only), --extra FILE (more
 * script lines, one per line, `<cont>` standing for a backslash and a newline: continuation.txt).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRelease, type VppRelease } from '../../server/src/schema/types';
import { generateCases, type GeneratedCase } from './cases';
import { formatReport, summarise } from './report';
import { generateStartupCases } from './startupCases';
import { classify, classifyStartupExit, type RecordedCase, type RefereeRecord } from './verdicts';
import { clearScratch, findBuild, hasPlugin, prepareNamespace, removeNamespace, Vpp } from './vpp';

const RESTART_EVERY = 400;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export function recordPath(release: VppRelease): string {
  return join(import.meta.dirname, '..', '..', 'test', 'referee', `${release}.json`);
}

export function writeRecord(record: RefereeRecord, file: string): void {
  const body = record.cases.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  writeFileSync(file, `{\n  "release": ${JSON.stringify(record.release)},\n  "vpp": ${JSON.stringify(record.vpp)},\n  "cases": [\n${body}\n  ]\n}\n`);
}

function firstWord(rest: string | undefined): string | undefined {
  return rest === undefined ? undefined : /^\S+/.exec(rest.trim())?.[0];
}

async function ask(release: VppRelease, cases: GeneratedCase[]): Promise<RefereeRecord> {
  const build = findBuild(process.env.VPP_BUILD ?? '');
  prepareNamespace();
  const vpp = new Vpp(build);
  const out: RecordedCase[] = [];
  const started = Date.now();
  try {
    await vpp.start();
    let sinceStart = 0;
    for (const [i, c] of cases.entries()) {
      if (!vpp.alive || sinceStart >= RESTART_EVERY) {
        await vpp.start();
        sinceStart = 0;
      }
      clearScratch();
      const answer = await vpp.run(c.line);
      sinceStart++;
      let recorded: RecordedCase;
      if (answer.timedOut) recorded = { ...c, verdict: 'timeout' };
      else if (!vpp.alive) recorded = { ...c, verdict: 'crash' };
      else recorded = { ...c, ...classify(answer.out) };
      if (recorded.verdict === 'parse' && vpp.alive) {
        const second = await vpp.withInterfaceNamed(firstWord(recorded.rest), c.line);
        if (second) recorded.asInterface = second.timedOut ? 'timeout' : classify(second.out).verdict;
      }
      out.push(recorded);
      if (vpp.alive && !answer.timedOut && !(await vpp.restore())) sinceStart = RESTART_EVERY;
      if (answer.timedOut) vpp.stop();
      if ((i + 1) % 500 === 0) console.error(`${i + 1}/${cases.length} lines, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    vpp.stop();
    removeNamespace();
  }
  console.error(`asked VPP ${cases.length} lines in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { release, vpp: vpp.version.split('\n')[0], cases: out };
}

/** Each fragment starts a VPP of its own: started is accepted, a stop at start is VPP's refusal. */
async function askStartup(cases: GeneratedCase[]): Promise<RecordedCase[]> {
  const vpp = new Vpp(findBuild(process.env.VPP_BUILD ?? ''));
  prepareNamespace();
  const out: RecordedCase[] = [];
  const started = Date.now();
  try {
    for (const c of cases) {
      const outcome = await vpp.launch(c.line, 20_000);
      vpp.stop();
      const answer =
        outcome.verdict === 'started' ? { verdict: 'accepted' as const } : outcome.verdict === 'timeout' ? { verdict: 'timeout' as const } : classifyStartupExit(outcome.output);
      out.push({ ...c, startup: true, ...answer });
    }
  } finally {
    vpp.stop();
    removeNamespace();
  }
  console.error(`started VPP with ${cases.length} startup.conf fragments in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return out;
}

async function main(): Promise<void> {
  const release = option('--release') ?? '26.06';
  if (!isRelease(release)) throw new Error(`unknown release ${release}`);
  let record: RefereeRecord;
  if (process.argv.includes('--report')) {
    record = JSON.parse(readFileSync(recordPath(release), 'utf8')) as RefereeRecord;
  } else {
    const build = findBuild(process.env.VPP_BUILD ?? '');
    const all = generateCases(release);
    let cases = all.filter((c) => !c.plugin || hasPlugin(build, c.plugin));
    const missing = [...new Set(all.filter((c) => !cases.includes(c)).map((c) => c.plugin))];
    if (missing.length) console.error(`not asked: commands of plugins this build lacks (${missing.join(', ')})`);
    const extra = option('--extra');
    if (extra) cases.push(...readFileSync(extra, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((line) => ({ line: line.replaceAll('<cont>', '\\\n'), family: 'extra' })));
    const limit = option('--limit');
    if (limit) cases = cases.slice(0, Number(limit));
    record = await ask(release, cases);
    if (!process.argv.includes('--no-startup')) {
      let fragments = generateStartupCases(release);
      if (limit) fragments = fragments.slice(0, Number(limit));
      record.cases.push(...(await askStartup(fragments)));
    }
    writeRecord(record, recordPath(release));
  }
  const report = formatReport(record, summarise(record));
  console.log(report);
  const doc = option('--doc');
  if (doc) writeFileSync(doc, report);
}

await main();
