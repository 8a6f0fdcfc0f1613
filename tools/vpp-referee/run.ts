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
 * Options: --limit N (first N lines of each kind), --part cli|startup (ask about one kind, keep the
 * other's recorded answers), --new-only (ask only the script lines the record lacks and keep every
 * recorded answer), --pick FILE (ask only the generated lines listed there, one per line, `<cont>` as in
 * --extra: a sample when a whole run does not fit; with --part startup, the listed startup.conf fragments,
 * keeping the other recorded ones), --reask FILE (ask the recorded script lines listed
 * there again and replace their answers, keeping every other one: after a better classifier or a
 * better choice of the word to name an interface; --reask-unnamed picks the parser's refusals that were
 * never asked again with an interface of the word's name), --extra FILE (more
 * script lines, one per line, `<cont>` standing for a backslash and a newline: questions.txt).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFor } from '../../server/src/schema/index';
import { isRelease, type VppRelease } from '../../server/src/schema/types';
import { generateCases, readLineList, type GeneratedCase } from './cases';
import { formatDocument, formatReport, summarise } from './report';
import { generateStartupCases, type StartupCase } from './startupCases';
import { classify, classifyStartupExit, reread, type RecordedCase, type RefereeRecord } from './verdicts';
import { wordToName } from './renameWord';
import { BASE_SECTIONS, clearScratch, findBuild, hasPlugin, prepareNamespace, removeNamespace, Vpp } from './vpp';

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
  writeFileSync(file, `{\n  "release": ${JSON.stringify(record.release)},\n  "vpp": ${JSON.stringify(record.vpp)},\n${record.notBuilt ? `  "notBuilt": ${JSON.stringify(record.notBuilt)},\n` : ''}  "cases": [\n${body}\n  ]\n}\n`);
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
      if (recorded.verdict === 'parse' && vpp.alive && (await vpp.restore())) {
        const second = await vpp.withInterfaceNamed(wordToName(c.line, release, recorded.rest, vpp.baseline), c.line);
        if (second) {
          const secondVerdict = second.timedOut ? undefined : classify(second.out);
          recorded.asInterface = secondVerdict?.verdict ?? 'timeout';
          if (secondVerdict?.message) recorded.asInterfaceSaid = secondVerdict.message.split('\n')[0];
        }
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
async function askStartup(cases: StartupCase[]): Promise<{ cases: RecordedCase[]; version: string }> {
  const vpp = new Vpp(findBuild(process.env.VPP_BUILD ?? ''));
  prepareNamespace();
  const out: RecordedCase[] = [];
  const started = Date.now();
  try {
    for (const c of cases) {
      const outcome = await vpp.launch(c.line, 20_000, c.plugin ? [c.plugin] : []);
      vpp.stop();
      const answer =
        outcome.verdict === 'started' ? { verdict: 'accepted' as const } : outcome.verdict === 'timeout' ? { verdict: 'timeout' as const } : classifyStartupExit(outcome.output);
      out.push({ line: c.line, family: c.family, startup: true, ...answer });
    }
  } finally {
    vpp.stop();
    removeNamespace();
  }
  console.error(`started VPP with ${cases.length} startup.conf fragments in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { cases: out, version: vpp.version.split('\n')[0] };
}

/** A refusal by the parser that was not asked again with an interface named after a word of the line. */
function unnamed(c: RecordedCase, release: VppRelease): boolean {
  const now = reread(c, release);
  return now.verdict === 'parse' && c.asInterface === undefined && wordToName(c.line, release, now.rest, new Set(['loop0', 'loop1', 'local0'])) !== undefined;
}

function readRecord(release: VppRelease): RefereeRecord {
  return JSON.parse(readFileSync(recordPath(release), 'utf8')) as RefereeRecord;
}

async function main(): Promise<void> {
  const releases = (option('--release') ?? '26.06').split(',');
  if (!releases.every(isRelease)) throw new Error(`unknown release in ${releases.join(', ')}`);
  if (process.argv.includes('--report')) {
    // several releases (--release 26.06,24.10) make one document
    const report = formatDocument(releases.map((r) => readRecord(r as VppRelease)));
    console.log(report);
    const doc = option('--doc');
    if (doc) writeFileSync(doc, report);
    return;
  }
  const release = releases[0] as VppRelease;
  let record: RefereeRecord;
  {
    const build = findBuild(process.env.VPP_BUILD ?? '');
    const all = generateCases(release);
    let cases = all.filter((c) => !c.plugin || hasPlugin(build, c.plugin));
    const missing = [...new Set(all.filter((c) => !cases.includes(c)).map((c) => c.plugin))];
    if (missing.length) console.error(`not asked: commands of plugins this build lacks (${missing.join(', ')})`);
    const notBuilt = [...schemaFor(release).plugins.keys()].filter((p) => !hasPlugin(build, p)).sort();
    const extra = option('--extra');
    if (extra) cases.push(...readLineList(extra).map((line) => ({ line, family: 'extra' })));
    const limit = option('--limit');
    if (limit) cases = cases.slice(0, Number(limit));
    // --part cli|startup asks VPP about one kind and keeps the other kind's answers already recorded
    const part = option('--part') ?? 'all';
    const kept = existsSync(recordPath(release)) ? readRecord(release).cases : [];
    // VPP's answer to a line does not depend on the lines asked before it (the sandbox is restored after each)
    const keptLines = kept.filter((c) => !c.startup);
    const newOnly = process.argv.includes('--new-only');
    if (newOnly) {
      const recorded = new Set(keptLines.map((c) => c.line));
      cases = cases.filter((c) => !recorded.has(c.line));
    }
    const reask = option('--reask');
    if (reask || process.argv.includes('--reask-unnamed')) {
      const wanted = new Set(reask ? readLineList(reask) : keptLines.filter((c) => unnamed(c, release)).map((c) => c.line));
      console.error(`asking ${wanted.size} recorded lines again`);
      const again = await ask(release, keptLines.filter((c) => wanted.has(c.line)).map(({ line, family, plugin }) => ({ line, family, ...(plugin ? { plugin } : {}) })));
      const answers = new Map(again.cases.map((c) => [c.line, c]));
      record = { release, vpp: again.vpp, notBuilt, cases: kept.map((c) => answers.get(c.line) ?? c) };
      writeRecord(record, recordPath(release));
      console.log(formatReport(record, summarise(record)));
      return;
    }
    const pick = option('--pick');
    if (pick) {
      const wanted = new Set(readLineList(pick));
      cases = cases.filter((c) => wanted.has(c.line));
    }
    record = part === 'startup' ? { release, vpp: '', cases: [] } : await ask(release, cases);
    if (newOnly || part === 'startup') record.cases.unshift(...keptLines);
    if (part !== 'cli') {
      let fragments = generateStartupCases(release, BASE_SECTIONS).filter((c) => !c.plugin || hasPlugin(build, c.plugin));
      if (limit) fragments = fragments.slice(0, Number(limit));
      // --pick with --part startup asks the listed fragments and keeps every other recorded one
      const picked = pick && part === 'startup' ? new Set(readLineList(pick)) : undefined;
      if (picked) fragments = fragments.filter((f) => picked.has(f.line));
      const answered = await askStartup(fragments);
      record.vpp ||= answered.version;
      if (picked) record.cases.push(...kept.filter((c) => c.startup && !picked.has(c.line)));
      record.cases.push(...answered.cases);
    } else record.cases.push(...kept.filter((c) => c.startup));
    record.notBuilt = notBuilt;
    writeRecord(record, recordPath(release));
  }
  console.log(formatReport(record, summarise(record)));
}

await main();
