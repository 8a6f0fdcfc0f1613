import { ERROR_RETURN, flatten, returnsError } from './branches';
import { matchBracket, normalizeSpace, parseStatement, parseStatements, skipLiteral, splitTopLevel, type Statement } from './cText';
import { normalizeConstant } from './errorConditions';
import type { CFunction } from './registrations';

/**
 * Many commands hand what their loop read to a helper and turn its answer into the error:
 * `rv = nsim_configure (nsm, bandwidth, delay, ...); switch (rv) { case VNET_API_ERROR_INVALID_VALUE:
 * return clib_error_return (0, "invalid bandwidth %.2f", bandwidth); ... }`, where the helper starts
 * with `if (bandwidth == 0.0) return VNET_API_ERROR_INVALID_VALUE;`. VPP 26.06 refused `set nsim
 * delay 1 ms` that way. The helper's leading checks, written in the command's variables and ending
 * in the command's own error, are put before the call, so that the checks after the loop
 * (requiredAfterLoop.ts) read them like any other.
 *
 * Only a helper of the same file, called with the command's variables, and only its checks up to
 * the first statement that may return something we cannot tell is an error: reading less only ever
 * loses errors.
 */
export function inlineCalleeChecks(after: readonly Statement[], functions: ReadonlyMap<string, CFunction> | undefined, before: readonly Statement[] = []): Statement[] {
  if (!functions || functions.size === 0) return [...after];
  const out: Statement[] = [];
  for (const [i, s] of after.entries()) {
    const checks = s.kind === 'simple' ? calleeChecks(s, after.slice(i + 1), functions, before) : undefined;
    if (checks) {
      for (const c of checks) inlined.add(c);
      out.push(...checks);
    }
    out.push(s);
  }
  return out;
}

const inlined = new WeakSet<Statement>();

/** Whether a statement is a helper's check put before its call (its variables may be narrower than the caller's). */
export const isInlined = (s: Statement): boolean => inlined.has(s);

/** What the caller does with each value the helper may return: the error it returns, or undefined for none. */
type Outcome = (returned: string) => Statement | undefined | 'unknown';

function calleeChecks(s: Statement, rest: readonly Statement[], functions: ReadonlyMap<string, CFunction>, before: readonly Statement[]): Statement[] | undefined {
  const text = normalizeSpace(s.text);
  // `return helper (...)` of a helper that returns a clib_error_t: its errors are the command's
  const direct = /^return \(?\s*(\w+) ?\((.*)\)\s*\)? ?;$/.exec(text);
  if (direct) {
    const fn = functions.get(direct[1]);
    if (!fn || !ERROR_RETURN.test(fn.body)) return undefined;
    return inline(fn, splitTopLevel(direct[2]), before, (r) => (ERROR_RETURN.test(r) ? { kind: 'simple', text: `return ${r};` } : ZERO.has(normalizeConstant(r)) ? undefined : 'unknown'));
  }
  const call = /^(?:(?:int|i32|u32|vnet_api_error_t) )?(\w+) = (\w+) ?\((.*)\) ?;$/.exec(text);
  if (!call) return undefined;
  const [, rv, name, args] = call;
  const fn = functions.get(name);
  if (!fn) return undefined;
  const outcome = rvOutcome(rv, rest);
  return outcome ? inline(fn, splitTopLevel(args), before, outcome) : undefined;
}

const ZERO = new Set(['0']);

/**
 * How the statement after the call that tests `rv` turns a returned value into an error:
 * `if (rv)`, `if (rv != 0)`, `if (rv < 0)`, `if (rv == X)`, or `switch (rv)` with its cases.
 */
function rvOutcome(rv: string, rest: readonly Statement[]): Outcome | undefined {
  const next = rest.find((s) => new RegExp(`(?<![\\w.>])${rv}\\b`).test(s.text));
  if (!next) return undefined;
  if (next.kind === 'if') {
    const cond = normalizeSpace(next.cond).replace(/^\((.*)\)$/, '$1').replace(/\s/g, '');
    if (!ERROR_RETURN.test(next.then.text)) return undefined;
    const arm = next.then;
    // a returned constant the test catches is the error arm; 0 passes; anything else is not known
    const when = (caught: (constant: string, returned: string) => boolean): Outcome => (r) => {
      if (!isConstant(r)) return 'unknown';
      const constant = normalizeConstant(r);
      return caught(constant, r) ? arm : ZERO.has(constant) ? undefined : 'unknown';
    };
    if (cond === rv || cond === `${rv}!=0` || cond === `0!=${rv}`) return when((constant) => !ZERO.has(constant));
    if (cond === `${rv}<0`) return when((_, returned) => isNegative(returned));
    const equal = new RegExp(`^${rv}==(\\w+)$`).exec(cond);
    if (equal) return when((constant) => constant === equal[1]);
    return undefined;
  }
  if (next.kind === 'loop' && next.keyword === 'switch' && normalizeSpace(next.cond) === rv) {
    // `error = clib_error_return (...); break;` right before a label is `goto` that label (wireguard_cli.c)
    const following = rest[rest.indexOf(next) + 1];
    const label = following?.kind === 'simple' ? /^(\w+)\s*:$/.exec(following.text.trim())?.[1] : undefined;
    return switchOutcome(next.body, label);
  }
  return undefined;
}

/**
 * `switch (rv) { case 0: break; case X: return clib_error_return (...); default: ... }`, an arm
 * also `error = clib_error_return (...); goto done;` (gtpu.c) or output before its `break`.
 */
function switchOutcome(body: Statement, labelAfter?: string): Outcome | undefined {
  type Arm = Statement | undefined | 'unknown';
  const arms = new Map<string, Arm>();
  let fallback: Arm = undefined;
  let labels: string[] = [];
  let statements: string[] = [];
  const close = () => {
    const arm = armOutcome(statements, labelAfter);
    for (const label of labels) {
      if (label === 'default') fallback = arm;
      else arms.set(normalizeConstant(label), arm);
    }
  };
  for (const s of flatten([body])) {
    if (s.kind !== 'simple') {
      if (!labels.length) return undefined;
      statements.push(s.text);
      continue;
    }
    let text = s.text.trim();
    const here: string[] = [];
    for (let m; (m = /^(?:case\s+([\w~-]+)|(default))\s*:\s*/.exec(text)); text = text.slice(m[0].length)) here.push(m[1] ?? 'default');
    if (here.length) {
      if (labels.length) close();
      labels = here;
      statements = [];
    } else if (!labels.length) return undefined;
    if (text) statements.push(text);
  }
  if (labels.length) close();
  // a value no case names takes the default only when the cases that are no error are 0 alone
  const quiet = [...arms].filter(([, a]) => a === undefined || a === 'unknown').map(([k, a]) => (a === 'unknown' ? '?' : k));
  const others: Arm = quiet.every((k) => ZERO.has(k)) ? fallback : 'unknown';
  return (r) => {
    if (!isConstant(r)) return 'unknown';
    const k = normalizeConstant(r);
    if (arms.has(k)) return arms.get(k);
    return ZERO.has(k) ? undefined : others;
  };
}

/** One arm of the switch: no error (ends in `break` with no error or jump before), the error it returns, or unknown. */
function armOutcome(statements: readonly string[], labelAfter?: string): Statement | undefined | 'unknown' {
  const last = normalizeSpace(statements[statements.length - 1] ?? '');
  const before = statements.slice(0, -1);
  const jumps = (t: string) => /\b(return|goto|break|continue)\b/.test(t);
  const keeps = (t: string | undefined) => /^\w+ ?= ?clib_error_(?:return|create)\w* ?\(/.test(normalizeSpace(t ?? ''));
  if (/^break ?;$/.test(last) && labelAfter && keeps(before[before.length - 1]) && !before.some(jumps) && before.slice(0, -1).every((t) => !/clib_error/.test(t))) {
    return reparse(`{ ${before.join(' ')} goto ${labelAfter}; }`) ?? 'unknown';
  }
  if (/^break ?;$/.test(last)) return before.some((t) => jumps(t) || /clib_error/.test(t)) ? 'unknown' : undefined;
  if (before.some((t) => jumps(t))) return 'unknown';
  const returns = returnsError(last);
  const kept = /^goto \w+ ?;$/.test(last) && /^\w+ ?= ?clib_error_(?:return|create)\w* ?\(/.test(normalizeSpace(before[before.length - 1] ?? ''));
  if (!returns && !kept) return 'unknown';
  const text = `{ ${statements.join(' ')} }`;
  return reparse(text) ?? 'unknown';
}

const isConstant = (r: string) => /^(?:-?\d+|~0|[A-Z][A-Z0-9_]*)$/.test(normalizeConstant(r));
/** VPP's error codes (`VNET_API_ERROR_*`, api_errno.h) are all negative. */
const isNegative = (r: string) => /^\(?\s*-\s*\d+\s*\)?$|^VNET_API_ERROR_/.test(r.trim());

/**
 * The helper's leading statements in the caller's words: its parameters renamed to the arguments
 * (`args->x` to `args.x` for `&args`), its own variables kept apart, each `return` turned into
 * what the caller does with it. Stops before the first statement that may return a value whose
 * outcome is not known, or no error.
 */
function inline(fn: CFunction, args: readonly string[], before: readonly Statement[], outcome: Outcome): Statement[] | undefined {
  const statements = parseStatements(fn.body);
  if (!statements) return undefined;
  const rename = renaming(fn.params, args);
  const out: Statement[] = [];
  for (const s of flatten(statements)) {
    if (!/\breturn\b/.test(s.text)) {
      if (/\b(goto|break|continue)\b/.test(s.text) || s.kind === 'loop') break;
      const stmt = reparse(rename(s.text));
      if (!stmt) break;
      out.push(stmt);
      continue;
    }
    let quiet = false;
    const text = rename(s.text).replace(/\breturn\b\s*([^;]*);/g, (_, value: string) => {
      const o = outcome(value.trim());
      if (o === undefined || o === 'unknown') {
        quiet = true;
        return `return ${value};`;
      }
      return o.text.trim().startsWith('{') ? o.text : `{ ${o.text} }`;
    });
    if (s.kind !== 'if' || /\b(goto|break|continue)\b/.test(s.text)) break;
    if (quiet) {
      // `if (state > SPAN_BOTH) return VNET_API_ERROR_UNIMPLEMENTED;` (span.c): a return that is no
      // error the caller shows, before the checks that are; requiredAfterLoop.ts reads the checks
      // after it only for the lines where its condition is known not to hold
      if (s.else || !/^return\b[^;]*;$/.test(normalizeSpace(s.then.text).replace(/^\{ ?(.*?) ?\}$/, '$1'))) break;
      const stmt = reparse(`if (${rename(s.cond)}) return 0;`);
      if (!stmt) break;
      quietReturns.add(stmt);
      out.push(stmt);
      continue;
    }
    const stmt = reparse(allOnesBeyond(text, s.cond, fn, rename, before));
    if (!stmt) break;
    out.push(stmt);
  }
  // a quiet return with no check after it only ends the reading early
  while (out.length && quietReturns.has(out[out.length - 1])) out.pop();
  return out.length && out.some((s) => s.kind === 'if' && !quietReturns.has(s)) ? out : undefined;
}

const quietReturns = new WeakSet<Statement>();

const UNSIGNED_MAX: Record<string, number> = { u8: 0xff, u16: 0xffff, u32: 0xffffffff, u64: Number.MAX_SAFE_INTEGER, uword: Number.MAX_SAFE_INTEGER };

/**
 * `id > SR_PT_ID_MAX` of an unsigned parameter holds for all ones, whatever the caller's variable
 * was (`u32 id = ~0` passed as a `u16` is 0xffff): the check is written `(id == ~0 || id > ...)`
 * so that the reader sees the argument is required (VPP 26.06 refused `sr pt add iface loop0`:
 * "The iface id value invalid."). Only against a number below the type's largest value, or a
 * limit named `..._MAX` that is not a type's (`U16_MAX`).
 */
function allOnesBeyond(text: string, cond: string, fn: CFunction, rename: (text: string) => string, before: readonly Statement[]): string {
  const parts = splitTopLevel(normalizeSpace(cond).replace(/^\((.*)\)$/, '$1'), '||');
  const extra: string[] = [];
  for (const part of parts) {
    const m = /^\(?\s*(\w+) ?(>|>=) ?(\w+)\s*\)?$/.exec(part.trim());
    if (!m) continue;
    const i = fn.params.indexOf(m[1]);
    const type = i >= 0 ? /^(?:const\s+)?(u8|u16|u32|u64|uword)\s+\w+$/.exec(fn.paramDecls?.[i] ?? '')?.[1] : undefined;
    if (!type) continue;
    const limit = /^\d+$/.test(m[3]) ? Number(m[3]) < UNSIGNED_MAX[type] : /^[A-Z][A-Z0-9_]*_MAX$/.test(m[3]) && !/^(?:U|I|UINT|INT)\d*_MAX$/.test(m[3]);
    // the caller's variable as wide as the parameter at least: a `u16` ~0 passed as a `u32` is 0xffff
    const arg = rename(m[1]);
    const callerType = /^\w+$/.test(arg) ? before.map((b) => new RegExp(`^\\s*(u8|u16|u32|u64|uword)\\s+(?:[^;(]*,\\s*)?${arg}\\s*=`).exec(b.text)?.[1]).find(Boolean) : undefined;
    if (limit && callerType && UNSIGNED_MAX[callerType] >= UNSIGNED_MAX[type]) extra.push(`${arg} == ~0`);
  }
  if (!extra.length) return text;
  const at = text.indexOf('(');
  const close = at >= 0 ? matchBracket(text, at) : -1;
  return close > at ? `if (${extra.join(' || ')} || ${text.slice(at + 1, close)})${text.slice(close + 1)}` : text;
}

/** Whether a statement is a helper's return that is no error of the command, put before its call. */
export const isInlinedQuietReturn = (s: Statement): boolean => quietReturns.has(s);

function reparse(text: string): Statement | undefined {
  const parsed = parseStatement(text, 0);
  return parsed && text.slice(parsed.end).trim() === '' ? parsed.stmt : undefined;
}

const KEYWORDS = new Set(['if', 'else', 'return', 'sizeof', 'int', 'char', 'void', 'unsigned', 'signed', 'long', 'short', 'struct', 'enum', 'const', 'static', 'bool', 'uword', 'f64', 'f32', 'u8', 'u16', 'u32', 'u64', 'i8', 'i16', 'i32', 'i64', 'NULL', 'true', 'false']);

/** Renames the helper's words: parameters to the caller's arguments, its own variables to names the caller cannot have. */
function renaming(params: readonly string[], args: readonly string[]): (text: string) => string {
  const direct = new Map<string, string>();
  const pointer = new Map<string, string>();
  params.forEach((p, i) => {
    const a = normalizeSpace(args[i] ?? '');
    if (/^[A-Za-z_]\w*(?:\.\w+)*$/.test(a)) direct.set(p, a);
    else if (/^& ?[A-Za-z_]\w*(?:\.\w+)*$/.test(a)) pointer.set(p, a.replace(/^& ?/, ''));
  });
  return (text) => {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const end = skipLiteral(text, i);
        out += text.slice(i, end);
        i = end;
        continue;
      }
      const word = /^[A-Za-z_]\w*/.exec(text.slice(i, i + 200));
      if (!word || (i > 0 && /\w/.test(text[i - 1]))) {
        out += c;
        i++;
        continue;
      }
      const w = word[0];
      const before = text.slice(0, i).trimEnd();
      const after = text.slice(i + w.length);
      i += w.length;
      const member = before.endsWith('.') || before.endsWith('->');
      const arrow = /^\s*->\s*/.exec(after);
      if (member || KEYWORDS.has(w) || /^[A-Z][A-Z0-9_]*$/.test(w) || /_t$/.test(w) || /^\s*\(/.test(after)) out += w;
      else if (direct.has(w)) out += direct.get(w);
      else if (pointer.has(w) && arrow) {
        out += `${pointer.get(w)}.`;
        i += arrow[0].length;
      } else if (pointer.has(w)) out += `&${pointer.get(w)}`;
      // (the pointer itself: `ip46_address_is_zero (addr)` of `&server_addr`, dhcp4_proxy_set_server)
      else out += `callee__${w}`;
    }
    return out;
  };
}
