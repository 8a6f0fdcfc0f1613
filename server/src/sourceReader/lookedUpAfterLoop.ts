import type { ArgSpec } from '../schema/types';
import { flatten } from './branches';
import { matchBracket, normalizeSpace, splitTopLevel, type Statement } from './cText';

/**
 * Functions that look a name up among things VPP registers at run time, and which of their
 * arguments is the name: `set interface feature` reads `%s arc %s` and after its loop hands the
 * words to vnet_get_feature_arc_index (the arcs registered, "Unknown arc name (ref0)...") and
 * vnet_get_feature_reg (the features of that arc); `set interface tx-hash` hands `hash-name %s` to
 * vnet_hash_function_from_name (the VNET_REGISTER_HASH_FUNCTION names, "please specify valid hash
 * name"). Each was checked in VPP's source (feature.c, hash.c).
 */
const RUN_TIME_LOOKUPS: Readonly<Record<string, { at: number; lookup: string }>> = {
  vnet_get_feature_arc_index: { at: 0, lookup: 'feature arc' },
  vnet_get_feature_reg: { at: 1, lookup: 'feature' },
  vnet_hash_function_from_name: { at: 0, lookup: 'hash function' },
};

/**
 * Marks a `%s` / `%v` value `lookup` when the checks after the loop look its variable up among
 * run-time registrations: which words VPP takes then depends on its state, not on the line.
 * Only a branch of one argument whose format words line up with its values; otherwise nothing is
 * marked (marking less only leaves the referee counting such a refusal as the line's).
 */
export function markLookedUpAfterLoop(read: readonly { cond: string; args: readonly ArgSpec[] }[], after: readonly Statement[]): void {
  const looked = lookedUpVariables(flatten([...after]).map((s) => s.text).join('\n'));
  if (looked.size === 0) return;
  for (const branch of read) {
    if (branch.args.length !== 1) continue;
    const arg = branch.args[0] as ArgSpec;
    const byValue = stringVariables(branch.cond, arg);
    if (!byValue) continue;
    const values = [...(arg.values ?? [])];
    let changed = false;
    for (const [index, variable] of byValue) {
      const lookup = looked.get(variable);
      if (lookup && !values[index].lookup) {
        values[index] = { ...values[index], lookup };
        changed = true;
      }
    }
    if (changed) arg.values = values;
  }
}

/** Variables handed, as the name, to a function of RUN_TIME_LOOKUPS, and what it looks them up among. */
function lookedUpVariables(code: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [fn, { at, lookup }] of Object.entries(RUN_TIME_LOOKUPS)) {
    const call = new RegExp(`\\b${fn}\\s*\\(`, 'g');
    for (let m = call.exec(code); m; m = call.exec(code)) {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(code, open);
      if (close < 0) continue;
      const name = /(\w+)\s*$/.exec(splitTopLevel(code.slice(open + 1, close))[at] ?? '')?.[1];
      if (name && !found.has(name)) found.set(name, lookup);
    }
  }
  return found;
}

/** For `unformat (i, "%U %s arc %s", unformat_x, vnm, &a, &b, &c)`: value index -> variable, for the `%s` / `%v` values. */
function stringVariables(cond: string, arg: ArgSpec): Map<number, string> | undefined {
  const call = /^!?\(?\s*unformat(?:_user)? ?\((.*)\)\s*\)?$/.exec(normalizeSpace(cond));
  if (!call) return undefined;
  const parts = splitTopLevel(call[1]).map((p) => p.trim());
  const format = /^"([^"]*)"$/.exec(parts[1] ?? '')?.[1];
  if (format === undefined) return undefined;
  const words = format.split(' ').filter(Boolean).slice(arg.keyword ? arg.keyword.split(' ').length : 0);
  if (words.length !== (arg.values?.length ?? 0)) return undefined;
  const pointers = parts.slice(2);
  const out = new Map<number, string>();
  let next = 0;
  for (const [index, word] of words.entries()) {
    const conversion = /^%(\w)$/.exec(word)?.[1];
    if (!conversion) {
      if (word.includes('%')) return undefined;
      continue;
    }
    // `%U` takes its function and that function's arguments up to the pointer it fills
    if (conversion === 'U') {
      next++;
      while (next < pointers.length && !pointers[next].startsWith('&')) next++;
    }
    const pointer = /^&\s*(\w+)$/.exec(pointers[next++] ?? '')?.[1];
    if (!pointer) return undefined;
    if (conversion === 's' || conversion === 'v') out.set(index, pointer);
  }
  return next === pointers.length ? out : undefined;
}
