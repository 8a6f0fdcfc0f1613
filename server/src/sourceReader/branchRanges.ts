import type { ArgSpec } from '../schema/types';
import { ERROR_RETURN, flatten } from './branches';
import { normalizeSpace, type Statement } from './cText';
import { rangeArgs, readRange, type ArgRange } from './rangeChecks';

/** One branch of the loop as parseLoop.ts read it: its test, its body and the arguments it reads. */
export interface BranchRead {
  cond: string;
  body: Statement;
  args: readonly ArgSpec[];
}

/**
 * A bound the branch checks right after it reads its value, before anything else:
 * `else if (unformat (line_input, "buckets-log2 %d", &log2)) { if (log2 >= 32) return
 * clib_error_return (0, "buckets-log2 value is too high"); ... }` (lb/cli.c), `if (drop_fraction
 * < 0.0 || drop_fraction > 1.0) return clib_error_return (...)` (nsim.c), or the error kept and the
 * loop left (`error = clib_error_return (...); break;`) when the code after the loop returns it
 * (`keptErrorReturned`). The value alone decides, so the bound is the value's, as rangeChecks.ts
 * reads a check after the loop (a u32 read with `%d` takes `-1` as 4294967295).
 */
export function branchRangeArgs(branches: readonly BranchRead[], before: readonly Statement[], keptErrorReturned: (variable: string) => boolean): ArgRange[] {
  const out: ArgRange[] = [];
  for (const b of branches) {
    const first = flatten([b.body])[0];
    if (!first || first.kind !== 'if' || first.else || !refuses(first.then, keptErrorReturned)) continue;
    const range = readRange(first.cond);
    if (!range) continue;
    // the check runs on every read of this branch, whatever the variable held before it or after
    out.push(...rangeArgs([range], before, [{ cond: b.cond, body: '', args: b.args }]));
  }
  return out;
}

/** `return clib_error_return (...);`, or `{ error = clib_error_return (...); break; }` of an error the code after the loop returns. */
function refuses(then: Statement, keptErrorReturned: (variable: string) => boolean): boolean {
  const statements = flatten([then]).map((s) => normalizeSpace(s.text));
  if (statements.length === 1) return /^return\b/.test(statements[0]) && ERROR_RETURN.test(statements[0]) && !/\b(if|\?)\b/.test(statements[0]);
  if (statements.length !== 2 || !/^break ?;$/.test(statements[1])) return false;
  const kept = /^([\w.>-]+) ?= ?clib_error_return\w* ?\(/.exec(statements[0]);
  return !!kept && keptErrorReturned(kept[1]);
}
