/** Agreement between VPP's recorded verdicts and our analysis, per command family and overall. */
import { judge, type RecordedCase, type RefereeRecord } from './verdicts';

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
  disagreements: Disagreement[];
}

function empty(): FamilyFigures {
  return { lines: 0, judged: 0, agreed: 0, tokenJudged: 0, tokenAgreed: 0, byVerdict: {} };
}

export function summarise(record: RefereeRecord): Summary {
  const families = new Map<string, FamilyFigures>();
  const total = empty();
  const disagreements: Disagreement[] = [];
  for (const c of record.cases) {
    const j = judge(c, record.release);
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
  return { families, total, disagreements };
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(2)} %`);

export function formatReport(record: RefereeRecord, s: Summary): string {
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
    `${s.disagreements.length} disagreements:`,
    '',
    ...s.disagreements.map((d) => `- \`${d.case.line.replace(/\n/g, '\\n')}\`: VPP ${d.case.verdict === 'accepted' ? 'accepts it' : `refuses it (${(d.case.message ?? '').split('\n')[0]})`}; we ${d.weRefuse ? 'report an error' : 'report no error'}`),
  ];
  return out.join('\n');
}
