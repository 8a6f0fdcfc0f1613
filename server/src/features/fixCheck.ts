import { analyze, type Analysis } from '../analysis/analyze';
import type { FixData } from '../analysis/diagnostic';

type Insert = Extract<FixData, { kind: 'insert' }>;

/** The error codes of a script text, counted. */
function errorCounts(text: string, analysis: Analysis): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of analyze(text, { language: 'cli', release: analysis.release }).diagnostics) {
    if (d.severity === 'error') counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether inserting a missing option fixes the line: the schema's example may be a kind (`<enum>`,
 * `<interface>`) rather than a value VPP takes, or land where the option before it reads it as its
 * value (after `via ...`). The lines the fix touches are read again with the insertion made: the
 * fix is offered only when `code` has fewer errors there and no other error appears.
 */
export function insertFixes(analysis: Analysis, code: string, start: number, inserts: readonly Insert[]): boolean {
  if (analysis.language !== 'cli' || code !== 'vpp.missing-required') return true;
  const lines = analysis.lines;
  const from = lines.lineStarts[lines.lineOf(start)];
  const to = lines.lineEnd(lines.lineOf(Math.max(...inserts.map((f) => f.offset))));
  const before = analysis.text.slice(from, to);
  let after = before;
  for (const f of [...inserts].sort((a, b) => b.offset - a.offset)) after = after.slice(0, f.offset - from) + f.text + after.slice(f.offset - from);
  const was = errorCounts(before, analysis);
  const now = errorCounts(after, analysis);
  if ((now.get(code) ?? 0) >= (was.get(code) ?? 0)) return false;
  for (const [other, n] of now) if (other !== code && n > (was.get(other) ?? 0)) return false;
  return true;
}
