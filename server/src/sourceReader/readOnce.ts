import type { ArgSpec } from '../schema/types';
import { normalizeSpace, type Statement } from './cText';
import type { LoopBranch } from './loopBody';

/**
 * Arguments VPP reads in one pass of its loop only: the branches test a flag that is set once one of
 * them is read. Either a guard that turns itself off (`else if (!enable_set) { enable_set = 1; if
 * (unformat (i, "disable")) ... }`, nat44 forwarding) or a test in the branch's own condition
 * (`if (!is_set && unformat (line_input, "enable")) ...`, det44 plugin) with the flag set in that
 * branch, or after the chain on every pass when every branch tests it.
 */
export class OnceGroups {
  private readonly byFlag = new Map<string, { names: string[]; setInBranch: boolean }>();

  constructor(private readonly loopBody: Statement) {}

  add(branch: LoopBranch, args: readonly ArgSpec[]): void {
    const flag = onceFlag(branch);
    if (!flag || args.length === 0) return;
    const sets = new RegExp(`\\b${flag}\\s*=\\s*(1|true)\\s*;`);
    const setInBranch = sets.test(branch.body.text);
    if (!setInBranch && !sets.test(this.loopBody.text)) return;
    const group = this.byFlag.get(flag);
    if (group) {
      group.names.push(...args.map((a) => a.name));
      group.setInBranch &&= setInBranch;
    } else this.byFlag.set(flag, { names: args.map((a) => a.name), setInBranch });
  }

  /** The groups whose arguments the reading kept; a flag set on every pass counts only when every branch tests it. */
  groups(branches: readonly LoopBranch[], kept: ReadonlySet<string>): string[][] {
    const out: string[][] = [];
    for (const [flag, group] of this.byFlag) {
      if (!group.setInBranch && !branches.every((b) => onceFlag(b) === flag)) continue;
      const names = group.names.filter((n) => kept.has(n));
      if (names.length) out.push(names);
    }
    return out;
  }
}

/** The flag a branch tests before it reads: `!enable_set` of a guard, `!is_set && unformat (...)`. */
function onceFlag(branch: LoopBranch): string | undefined {
  const cond = normalizeSpace(branch.cond);
  if (branch.guarded) return /^! ?(\w+)$/.exec(cond)?.[1];
  return /^! ?(\w+) ?&&/.exec(cond)?.[1];
}
