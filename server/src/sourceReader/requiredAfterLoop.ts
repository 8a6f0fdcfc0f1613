import type { ArgSpec } from '../schema/types';
import { ERROR_RETURN } from './branches';
import { normalizeSpace, type Statement } from './cText';

/** A branch of the parse loop: what it tests and does, and the arguments it reads. */
export interface ReadBranch {
  cond: string;
  body: string;
  args: readonly ArgSpec[];
}

/** `x == ~0`, `x == (u32) ~0`, `!x`, `x == 0`, `x == NULL`, `vec_len (x) == 0`: "x was never set". */
const UNSET_TESTS = [/^(\w+) == (?:\( ?u32 ?\) ?)?~ ?0$/, /^!(\w+)$/, /^(\w+) == 0$/, /^(\w+) == NULL$/, /^vec_len \( ?(\w+) ?\) == 0$/];
const SENTINEL = /^(?:\( ?u32 ?\) ?)?~ ?0[uU]?$|^0$|^NULL$/;

/**
 * The arguments VPP requires after its loop: `if (sw_if_index == ~0) return clib_error_return (...)`
 * right after the loop, for a variable only the loop's branches set. Each group names the arguments
 * of the branches that set it. Reading stops at the first statement that may return without an error
 * (a later check would not run for every line), and at any check it does not understand the whole of.
 */
export function requiredAfterLoop(before: readonly Statement[], after: readonly Statement[], branches: readonly ReadBranch[]): string[][] {
  const groups: string[][] = [];
  for (const s of after) {
    if (s.kind === 'if' && !s.else && ERROR_RETURN.test(s.then.text)) {
      for (const operand of normalizeSpace(s.cond).split(' || ')) {
        const variable = UNSET_TESTS.map((re) => re.exec(operand.replace(/^\((.*)\)$/, '$1'))?.[1]).find(Boolean);
        if (!variable || !onlySetInLoop(variable, before)) continue;
        const setters = branches.filter((b) => sets(b, variable));
        const names = setters.flatMap((b) => b.args.map((a) => a.name));
        if (names.length > 0) groups.push(names);
      }
      continue;
    }
    if (/\b(return|goto|break)\b/.test(s.text)) break;
  }
  return groups;
}

/** Any mention counts (`&x`, `x = ...`, `vec_add1 (x, ...)`): a larger group never makes a false error. */
function sets(branch: ReadBranch, variable: string): boolean {
  const mention = new RegExp(`\\b${variable}\\b`);
  return mention.test(branch.cond) || mention.test(branch.body);
}

/** The variable is not given a value before the loop other than the "unset" sentinel. */
function onlySetInLoop(variable: string, before: readonly Statement[]): boolean {
  const assign = new RegExp(`\\b${variable}\\s*=(?!=)\\s*([^;,]*)`, 'g');
  for (const s of before) {
    for (const m of s.text.matchAll(assign)) if (!SENTINEL.test(m[1].trim())) return false;
    if (new RegExp(`&\\s*${variable}\\b`).test(s.text)) return false;
  }
  return true;
}
