/**
 * Lines where our analysis knowingly differs from VPP, each with its reason, kept in
 * test/referee/known.json as `{ "<release>": [{ "lines": "<regex over the line>", "reason": "..." }] }`.
 * The replay test holds that every disagreement has a reason and every reason still has a line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KnownRule {
  lines: string;
  reason: string;
  /**
   * VPP's verdict on these lines depends on state: the interfaces there are and their kinds, the
   * CPUs, a table VPP looks a name up in (its answer or its source shows which). Such lines are left
   * out of the verdict agreement, as refusals for state are, and listed apart.
   */
  state?: boolean;
}

export const KNOWN_FILE = join(import.meta.dirname, '..', '..', 'test', 'referee', 'known.json');

export function knownRules(release: string): KnownRule[] {
  if (!existsSync(KNOWN_FILE)) return [];
  return (JSON.parse(readFileSync(KNOWN_FILE, 'utf8')) as Record<string, KnownRule[]>)[release] ?? [];
}

export function ruleFor(rules: readonly KnownRule[], line: string): KnownRule | undefined {
  return rules.find((r) => new RegExp(r.lines).test(line));
}
