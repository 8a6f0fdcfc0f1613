import type { CodeAction } from 'vscode-languageserver-types';
import { nearest, suggest } from '../../analysis/suggest';
import type { ValueSpec } from '../../schema/types';
import { quickFix, type FixInput } from './action';
import { missingPositionalEnum, valueAt } from './findings';

/**
 * A refused value gets the valid values nearest to it: `upp` becomes `up`, a ring size of 1000
 * becomes 1024 or 512. A word refused as an unknown option where the command still lacks its
 * positional enum (`set interface state tap0 upp`) gets the enum values it is a typo of.
 */
export function nearestValueFixes(input: FixInput): CodeAction[] {
  const { analysis, diagnostic: d, code, start, end, uri } = input;
  const word = analysis.text.slice(start, end);
  let candidates: string[] = [];
  if (code === 'vpp.invalid-value') {
    const at = valueAt(analysis, start);
    if (at?.spec.kind === 'enum' && at.spec.values) candidates = nearest(word, at.spec.values);
    else if (at?.spec.powerOfTwo) candidates = nearestPowersOfTwo(word, at.spec);
  } else if (code === 'vpp.unknown-option') {
    const at = missingPositionalEnum(analysis, start);
    if (at?.spec.values) candidates = suggest(word, at.spec.values);
  }
  return candidates.map((c, i) => quickFix(`Change to \`${c}\``, uri, d, [{ range: d.range, newText: c }], i === 0));
}

/** The powers of two either side of a number, the closer first, within the value's limits. */
export function nearestPowersOfTwo(text: string, spec: ValueSpec): string[] {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) return [];
  const lower = 2 ** Math.floor(Math.log2(n));
  const upper = lower * 2;
  const fits = (v: number) => (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max);
  const ordered = upper - n < n - lower ? [upper, lower] : [lower, upper];
  return ordered.filter(fits).map(String);
}
