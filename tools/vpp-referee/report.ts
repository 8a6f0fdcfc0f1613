/** Agreement between VPP's recorded verdicts and our analysis, per command family and overall. */
import { coverageOf } from './coverage';
import { knownRules, ruleFor, type KnownRule } from './known';
import { judge, reread, withBlockEvidence, type RecordedCase, type RefereeRecord } from './verdicts';

export interface FamilyFigures {
  lines: number;
  /** Lines whose VPP verdict is about syntax (accepted or refused by the parser). */
  judged: number;
  agreed: number;
  /** Lines VPP refused at a word it named, and on how many we put an error on that word. */
  tokenJudged: number;
  tokenAgreed: number;
  byVerdict: Record<string, number>;
}

export interface Disagreement {
  case: RecordedCase;
  weRefuse: boolean;
}

export interface Summary {
  families: Map<string, FamilyFigures>;
  total: FamilyFigures;
  /** Every disagreement, those of rules that say VPP's verdict depends on state included. */
  disagreements: Disagreement[];
  /** How many of them depend on state (test/referee/known.json `state`): not judged. */
  stateDependent: number;
}

function empty(): FamilyFigures {
  return { lines: 0, judged: 0, agreed: 0, tokenJudged: 0, tokenAgreed: 0, byVerdict: {} };
}

export function summarise(record: RefereeRecord): Summary {
  const families = new Map<string, FamilyFigures>();
  const total = empty();
  const disagreements: Disagreement[] = [];
  const rules = knownRules(record.release);
  let stateDependent = 0;
  for (const recorded of withBlockEvidence(record.cases)) {
    const c = reread(recorded, record.release);
    const j = judge(c, record.release);
    if (j.agree === false && ruleFor(rules, c.line)?.state) {
      disagreements.push({ case: c, weRefuse: j.weRefuse });
      stateDependent++;
      j.agree = undefined;
      j.onToken = undefined;
    }
    const family = families.get(c.family) ?? empty();
    families.set(c.family, family);
    for (const f of [family, total]) {
      f.lines++;
      f.byVerdict[c.verdict] = (f.byVerdict[c.verdict] ?? 0) + 1;
      if (j.agree !== undefined) {
        f.judged++;
        if (j.agree) f.agreed++;
      }
      if (j.onToken !== undefined) {
        f.tokenJudged++;
        if (j.onToken) f.tokenAgreed++;
      }
    }
    if (j.agree === false) disagreements.push({ case: c, weRefuse: j.weRefuse });
  }
  return { families, total, disagreements, stateDependent };
}

/** What kind of check refused a line we pass: the parser at a word, or a check after the loop. */
function missKind(c: RecordedCase): string {
  const m = (c.message ?? '').toLowerCase();
  if (c.rest !== undefined || /unknown input|parse error|unexpected input|expected|expecting/.test(m)) return 'the parser, at a word';
  if (/specify|specified|required|mandatory|missing|must be given|not set/.test(m)) return 'a missing argument, after the loop';
  return 'a value or a combination, after the loop';
}

/** A rule's reason as the report prints it, marked where VPP's verdict depends on state. */
function reasonText(rule: KnownRule): string {
  return `${rule.state ? '*Depends on state*: ' : ''}${rule.reason}`;
}

function missRows(misses: readonly Disagreement[], rules: readonly KnownRule[]): string[] {
  // one row per reason (test/referee/known.json), else per command and what VPP checked
  const groups = new Map<string, { reason: string; ds: Disagreement[] }>();
  for (const d of misses) {
    const rule = ruleFor(rules, d.case.line);
    const key = rule ? rule.lines : `${d.case.line.split(/\s+/).slice(0, 3).join(' ')}\u0000${missKind(d.case)}`;
    const group = groups.get(key) ?? { reason: rule ? reasonText(rule) : `not yet explained (${missKind(d.case)})`, ds: [] };
    group.ds.push(d);
    groups.set(key, group);
  }
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '\\n');
  return [...groups.values()]
    .sort((a, b) => b.ds.length - a.ds.length)
    .map(({ reason, ds }) => {
      const example = ds[0].case;
      const said = (example.message ?? '').split('\n')[0];
      return `| ${ds.length} | \`${cell(example.line)}\`: ${cell(said)} | ${cell(reason)} |`;
    });
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(2)} %`);

/** How many strict commands and sections were asked, and the others grouped by why they were not. */
function coverageLines(record: RefereeRecord): string[] {
  const c = coverageOf(record);
  const byWhy = new Map<string, string[]>();
  for (const n of c.notAsked) {
    const why = n.why || 'not asked, for no listed reason';
    byWhy.set(why, [...(byWhy.get(why) ?? []), n.name]);
  }
  return [
    `Asked: ${c.commandsAsked} of ${c.commands} strict commands, ${c.sectionsAsked} of ${c.sections} startup.conf sections. Not asked:`,
    '',
    ...[...byWhy]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([why, names]) => `- ${names.length}, ${why}: ${names.map((n) => `\`${n}\``).join(', ')}`),
  ];
}

export function formatReport(record: RefereeRecord, s: Summary): string {
  const rules = knownRules(record.release);
  const rows = [...s.families.entries()].sort(([a], [b]) => a.localeCompare(b));
  const line = (name: string, f: FamilyFigures) =>
    `| ${name} | ${f.lines} | ${f.byVerdict.accepted ?? 0} | ${f.byVerdict.parse ?? 0} | ${f.byVerdict.state ?? 0} | ${(f.byVerdict.crash ?? 0) + (f.byVerdict.timeout ?? 0)} | ${pct(f.agreed, f.judged)} | ${pct(f.tokenAgreed, f.tokenJudged)} |`;
  const out = [
    `## VPP ${record.release} (${record.vpp})`,
    '',
    '| family | lines | accepted | refused by parser | refused for state | crash/timeout | verdict agreement | on VPP\'s word |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(([name, f]) => line(name, f)),
    line('**all**', s.total),
    '',
    ...coverageLines(record),
    '',
    `${s.disagreements.length} disagreements, ${s.stateDependent} of them on lines whose verdict depends on state (a rule marked \`state\`: left out of the agreement).`,
    '',
    `Lines VPP accepted where we report an error (each with its reason, test/referee/known.json):`,
    '',
    ...s.disagreements.filter((d) => d.weRefuse).map((d) => {
      const rule = ruleFor(rules, d.case.line);
      const reason = rule ? reasonText(rule) : 'not yet explained';
      const vpp = d.case.verdict === 'accepted' ? 'accepts it' : `refuses it (${(d.case.message ?? '').split('\n')[0]}) but accepts it once an interface bears the word it stopped at`;
      return `- \`${d.case.line.replace(/\n/g, '\\n')}\`: VPP ${vpp}; we report an error. ${reason}`;
    }),
    '',
    'Lines VPP refused where we report no error (misses), by reason (test/referee/known.json):',
    '',
    '| lines | an example, with VPP\'s words | why we report no error |',
    '|---|---|---|',
    ...missRows(s.disagreements.filter((d) => !d.weRefuse), rules),
  ];
  return out.join('\n');
}

/** docs/vpp-agreement.md: what the referee is, then each release's figures and disagreements. */
export function formatDocument(records: readonly RefereeRecord[]): string {
  const summaries = records.map((r) => summarise(r));
  const reached = summaries.every((s) => s.total.judged > 0 && s.total.agreed / s.total.judged >= 0.99);
  return [
    '# Agreement with real VPP',
    '',
    'Generated by `npx tsx tools/vpp-referee/run.ts --report --release ' + records.map((r) => r.release).join(',') + ' --doc docs/vpp-agreement.md`',
    'from the answers VPP built from source gave (`test/referee/<release>.json`, recorded by',
    '`tools/vpp-referee/run.ts`; see tools/vpp-referee/README.md for how lines are made, asked and classified).',
    '`npm test` replays every recorded line through our analysis (test/referee.test.ts).',
    '',
    '*Verdict agreement*: of the lines VPP accepted or its parser refused, the share where we report an error',
    'exactly when VPP refused. Lines VPP refused for state or environment (an interface that exists already, no',
    '`/dev/vhost-net` in the sandbox, a queue count the veth lacks) say nothing about syntax and are left out, as',
    'are refusals that vanished once the word VPP stopped at named an interface, or turned into a refusal for',
    'state (`delete interface memif bogus-option` with a loopback named `bogus-option`: "not a memif',
    'interface"): VPP refuses those lines either way, and which refusal depends on the interfaces there are.',
    '*On VPP\'s word*: of the refused lines where VPP quoted the input it stopped at, the share where one of our errors falls on the',
    'argument VPP stopped at: the word it quotes first and the values we read with it (VPP quotes `vrf abc` where the `vrf` branch',
    'failed on `abc`), or a startup.conf parameter with all its words and values; or, where VPP refused the line again once',
    'that word named an interface, the word it quoted then (we read any word as the interface it may name).',
    'A disagreement whose reason says VPP\'s verdict *depends on state* (which interfaces there are and of which kind,',
    'the CPUs, a table VPP looks a name up in; a rule marked `state` in test/referee/known.json) is left out too.',
    'Each line VPP accepted and we flag, and each line VPP refused and we pass (misses, grouped by reason), is',
    'listed with its reason (test/referee/known.json); `npm test` fails on a disagreement without one. The goal',
    `is 99 % verdict agreement per release; ${reached ? 'each release below reaches it' : 'the figures below fall short of it'}, and \`npm test\` holds the`,
    'measured floor (test/referee/floor.json).',
    '',
    ...records.map((r, i) => formatReport(r, summaries[i])),
    '',
  ].join('\n');
}
