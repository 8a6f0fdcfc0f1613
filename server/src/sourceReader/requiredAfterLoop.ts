import { groupOf, type ArgSpec, type Refusal } from '../schema/types';
import { flatten, returnsError } from './branches';
import { matchBracket, normalizeSpace, stringLiteralValue, splitTopLevel, type Statement } from './cText';
import { isInlined, isInlinedQuietReturn } from './calleeChecks';
import { NO_ENUMS, type EnumConstants } from './enumConstants';
import { readRange, type Range } from './rangeChecks';
import { noneOf, normalizeConstant, readCondition, type Literal, type Term, type VariableFacts } from './errorConditions';

/** A branch of the parse loop: what it tests and does, and the arguments it reads. */
export interface ReadBranch {
  cond: string;
  body: string;
  args: readonly ArgSpec[];
}

/** What the checks after the loop refuse: plain required groups, and the other combinations. */
export interface AfterLoop {
  required: string[][];
  refuses: Refusal[];
  /** The values the checks let through (`if (path_mtu < 68) return clib_error_return (...)`), per variable. */
  ranges: Range[];
}

/**
 * The checks VPP makes right after a command's parse loop that return an error, read as the
 * combinations of arguments they refuse: `if (sw_if_index == ~0) return clib_error_return (...)`
 * (an argument is required), `if (src_set == 0 && opn == ADD)` (unless `del` is given),
 * `if (num_m_args < 3)`, `if (is_add == is_del)`, `ip46_address_cmp (&src, &dst) == 0`. Each
 * check counts only when it runs for every line that reaches it: reading stops at the first
 * statement that may return without an error, and a variable the code touches between the loop
 * and a check is no longer known. An error kept in a variable (`error = clib_error_return (...);
 * goto done;`) counts once the code is seen to return it.
 */
export function requiredAfterLoop(
  before: readonly Statement[],
  after: readonly Statement[],
  branches: readonly ReadBranch[],
  enums: EnumConstants = NO_ENUMS,
  /** The statements of an arm with the checks of the helpers they call put before the calls (calleeChecks.ts). */
  withCalleeChecks: (list: readonly Statement[]) => readonly Statement[] = (list) => list,
  /** Members of globals the command resets on its way out (resetMembers.ts): they start every run at 0. */
  resetOnExit: ReadonlySet<string> = new Set(),
): AfterLoop {
  const facts = variableFacts(before, branches, enums, resetOnExit);
  const errorVars = errorVariables([...before, ...after]);
  const found: { terms: Term[]; says?: string }[] = [];
  type Pending = { terms: Term[]; says?: string; variable: string };
  const ranges: Range[] = [];

  /**
   * Reads a list of statements: `guard` is what must hold for them to run (an OR of terms, each
   * joined to the checks' own), `[[]]` for the statements right after the loop. An arm of an `if`
   * that may go on without an error is read the same way, its condition (and that no earlier arm's
   * held) as its guard: `else if (is_del) { if (INDEX_INVALID == uei) { error = ...; goto done; } ... }`.
   */
  const read = (list: readonly Statement[], guard: readonly Term[], outerUnless: readonly Literal[], outerTainted: ReadonlySet<string>): Pending[] => {
    /** Errors kept in a variable on this path, counted once the code is seen to return it. */
    let pending: Pending[] = [];
    /** Bounds whose error is kept in a variable (`ret = clib_error_return (...); goto done;`), until it is seen returned. */
    let pendingRanges: { range: Range; variable: string }[] = [];
    const confirm = (variable: string) => {
      found.push(...pending.filter((p) => p.variable === variable));
      pending = pending.filter((p) => p.variable !== variable);
      ranges.push(...pendingRanges.filter((p) => p.variable === variable).map((p) => p.range));
      pendingRanges = pendingRanges.filter((p) => p.variable !== variable);
    };
    const top = guard.length === 1 && guard[0].length === 0 && outerUnless.length === 0;
    const unless = [...outerUnless];
    const tainted = new Set(outerTainted);
    let collecting = true;
    /** A helper's quiet return we could not read: its later checks are skipped, the caller's own read on. */
    let skipHelper = false;
    for (const s of list) {
      if (skipHelper && isInlined(s)) continue;
      skipHelper = false;
      const errorTest = errorGuard(s, errorVars, after);
      if (errorTest) {
        // `if (error) goto done;`: an error kept earlier is returned here
        if (errorTest.returns) confirm(errorTest.variable);
        else {
          pending = pending.filter((p) => p.variable !== errorTest.variable);
          pendingRanges = pendingRanges.filter((p) => p.variable !== errorTest.variable);
        }
        continue;
      }
      // a check under `#if` may not be built at all
      if (s.kind === 'simple' && /^\s*#\s*if/.test(s.text)) collecting = false;
      if (s.kind === 'simple') {
        const ret = /^return\s*\(?\s*(\w+)\s*\)?\s*;$/.exec(s.text.trim());
        if (ret && errorVars.has(ret[1])) confirm(ret[1]);
        if (/^[A-Za-z_]\w*\s*:$/.test(s.text.trim())) continue;
      }
      pending = pending.filter((p) => !writes(s.text, p.variable) || writesOnlyErrors(s.text, p.variable));
      pendingRanges = pendingRanges.filter((p) => !writes(s.text, p.variable) || writesOnlyErrors(s.text, p.variable));
      let onlyErrors = false;
      const arms = s.kind === 'if' ? chainArms(s) : [];
      if (s.kind === 'if') {
        const errors = arms.map((arm) => errorArm(arm.body, errorVars, after));
        onlyErrors = !finalElse(s) && errors.every(Boolean);
      }
      /** A condition as the terms under which it holds here: its own, the guard's and the earlier quiet returns'. */
      const holds = (cond: string) =>
        readCondition(cond, facts)
          .filter((t) => t.every((l) => !touches(l, tainted)))
          .flatMap((t) => guard.map((g) => distinct([...t, ...g, ...unless])));
      if (s.kind === 'if' && collecting) {
        // a condition under which VPP returns `error`: now (found), or later if the error is kept (pending)
        const refuse = (cond: string, error: NonNullable<ReturnType<typeof errorArm>>) => {
          const terms = holds(cond);
          if (terms.length === 0) return;
          if (error.keptIn) pending.push({ terms, says: error.says, variable: error.keptIn });
          else found.push({ terms, says: error.says });
        };
        for (const arm of arms) {
          const error = errorArm(arm.body, errorVars, after);
          if (!error) break;
          // a bound checked for every line: a helper's own parameter may be narrower, so not its checks
          const range = top && unless.length === 0 && !isInlined(s) ? readRange(withDefinedNumbers(arm.cond, enums)) : undefined;
          // `x == 0` of a variable that starts at 0 is "not given" (a required argument), not a bound
          const startsElsewhere = (v: string) => /^(?:~0|[1-9]\d*)$/.test(facts.initial(v) ?? '');
          if (range && !tainted.has(range.v) && (!range.zeroRefused || startsElsewhere(range.v))) {
            if (error.keptIn) pendingRanges.push({ range, variable: error.keptIn });
            else ranges.push(range);
          }
          refuse(arm.cond, error);
        }
        // `if (enable != ~0) ... else return clib_error_return (...)`: the else runs when no arm's condition holds
        const last = finalElse(s);
        const error = last && errorArm(last, errorVars, after);
        const none = error ? noneOf(arms.map((arm) => arm.cond)) : undefined;
        if (error && none) refuse(none, error);
        // the checks an arm starts with, under that arm's condition and no earlier one's
        for (const [i, arm] of [...arms, ...(last && !error ? [{ cond: undefined, body: last }] : [])].entries()) {
          if (arm.cond !== undefined && errorArm(arm.body, errorVars, after)) continue;
          const earlier = i === 0 ? '' : noneOf(arms.slice(0, i).map((a) => a.cond));
          if (earlier === undefined) break;
          const cond = [arm.cond, earlier].filter(Boolean).map((c) => `(${c})`).join(' && ');
          const armGuard = holds(cond).map((t) => t.filter((l) => !unless.includes(l)));
          // an error the arm keeps is still to be seen returned after it
          if (armGuard.length) pending.push(...read(withCalleeChecks(flatten([arm.body])), armGuard, unless, tainted));
        }
      }
      // `if (state > SPAN_BOTH) return ...;` of a `span_state_t state`: no value of its type gets there
      if (s.kind === 'if' && !s.else && neverHolds(s.cond, before, enums, tainted)) continue;
      if (mayLeaveQuietly(s, errorVars, after)) {
        pending = [];
        pendingRanges = [];
        // `if (is_flush) { ...; return 0; }`: the checks after it run for the lines without `flush`
        const skip = s.kind === 'if' && !s.else && collecting ? quietGuard(s.cond, facts, tainted) : undefined;
        if (skip) {
          unless.push(skip);
          continue;
        }
        if (isInlinedQuietReturn(s)) {
          skipHelper = true;
          continue;
        }
        collecting = false;
      }
      // a check that only returns errors changes nothing; anything else may change what it names
      if (!onlyErrors) {
        for (const word of s.text.match(/\b[A-Za-z_]\w*\b/g) ?? []) tainted.add(word);
        // `hcm->uri` by name; its pointer alone (`foo (hcm)`) may change any of its members
        for (const m of s.text.matchAll(/\b([A-Za-z_]\w*)\s*->\s*(\w+)/g)) tainted.add(`${m[1]}->${m[2]}`);
        for (const m of s.text.matchAll(/\b([A-Za-z_]\w*)\b(?!\s*->)/g)) tainted.add(`${m[1]}->*`);
      }
      if (!collecting && pending.length === 0 && pendingRanges.length === 0) break;
    }
    return collecting ? pending : [];
  };
  read(after, [[]], [], new Set());
  // a variable a check takes as not given while it holds ~0: a value read as ~0 is not given either
  const unsetLiterals = found.flatMap((f) => f.terms.flat()).flatMap((l) => ((l.kind === 'unset' && !l.atLeast) || (l.kind === 'set' && l.nonZero) ? [l.v] : []));
  const checked = [...new Set(found.flatMap((f) => f.terms.flat()).flatMap((l) => (l.kind === 'same' ? [baseOf(l.a), baseOf(l.b)] : [baseOf(l.v)])))];
  for (const v of new Set(unsetLiterals)) {
    const initial = facts.initial(v);
    if (initial === '~0') ranges.push({ v, allOnesUnset: true, checked });
    else if (initial === '0') ranges.push({ v, zeroUnset: true, checked });
  }
  const pastNarrow = writesPastNarrow(before, branches);
  // a value that fits the narrow variable writes zeros past it: checks that only ask flags starting
  // at 0 to be still 0 hold then as without the argument (VPP 26.06 refused `set ioam ip6
  // sr-tunnel-select wait_for_responses 1`, "SRv6 LocalSID address is mandatory", and accepted `... -1`)
  const zerosKeep = found.length > 0 && found.every((f) => f.terms.every((t) => t.every((l) => l.kind === 'unset' && !l.atLeast && !l.by && facts.initial(l.v) === '0')));
  if (zerosKeep) for (const { v, max } of pastNarrow.variables) ranges.push({ v, fitsUnset: max });
  return { ...toRefusals(found, branches, pastNarrow.names, facts), ranges };
}

/** A term without a literal it repeats (an arm's guard often restates the check's own). */
function distinct(term: Term): Term {
  const seen = new Set<string>();
  return term.filter((l) => {
    const key = JSON.stringify(l);
    return !seen.has(key) && !!seen.add(key);
  });
}

/** A condition with the numbers the file `#define`s written in (`max_msg_size < DEFAULT_MAX_MSG_SIZE` is `max_msg_size < 480`). */
function withDefinedNumbers(cond: string, enums: EnumConstants): string {
  return cond.replace(/\b[A-Z][A-Z0-9_]*\b/g, (name) => String(enums.defined(name) ?? name));
}

/** `v > LARGEST` of a variable declared with an enum type of the file, LARGEST that enum's largest member. */
function neverHolds(cond: string, before: readonly Statement[], enums: EnumConstants, tainted: ReadonlySet<string>): boolean {
  const m = /^\(?\s*([A-Za-z_]\w*)\s*>\s*([A-Za-z_]\w*)\s*\)?$/.exec(normalizeSpace(cond));
  if (!m || tainted.has(m[1])) return false;
  const type = declaredType(m[1], before);
  const largest = type === undefined ? undefined : enums.largest(type);
  return largest !== undefined && enums.value(m[2]) === largest;
}

/** The type a variable is declared with before the loop (`span_state_t state = SPAN_BOTH;`). */
function declaredType(v: string, before: readonly Statement[]): string | undefined {
  for (const s of before) {
    const m = new RegExp(`^\\s*(?:const\\s+)?([A-Za-z_]\\w*)\\s+(?:[^;()]*,\\s*)?${v}\\s*(?:=|;|,)`).exec(s.text);
    if (m && !['return', 'goto'].includes(m[1])) return m[1];
  }
  return undefined;
}

/** The condition of a quiet return as one flag, negated: what the checks after it may count on. */
function quietGuard(cond: string, facts: VariableFacts, tainted: ReadonlySet<string>): Literal | undefined {
  // `state > SPAN_BOTH` of a variable that starts at SPAN_BOTH: false until a branch sets it
  const beyond = /^\(?\s*([A-Za-z_]\w*)\s*(>|<|!=)\s*(.+?)\s*\)?$/.exec(normalizeSpace(cond));
  if (beyond && !tainted.has(beyond[1]) && /^(?:~?\d+|~0|[A-Z][A-Z0-9_]*)$/.test(normalizeConstant(beyond[3])) && facts.initial(beyond[1]) === normalizeConstant(beyond[3]) && facts.initial(beyond[1]) !== 'none') {
    return { kind: 'unset', v: beyond[1] };
  }
  const terms = readCondition(cond, facts);
  if (terms.length !== 1 || terms[0].length !== 1) return undefined;
  const l = terms[0][0];
  if (l.kind === 'same' || tainted.has(baseOf(l.v))) return undefined;
  if (l.kind === 'set') return { kind: 'unset', v: l.v };
  // `if (!is_flush) return 0;` runs the rest only with `flush`; a flag that starts at 1 (`if (is_add)`) never changes
  const initial = facts.initial(l.v);
  return !l.atLeast && initial === '0' && facts.isFlag(l.v) ? { kind: 'set', v: l.v } : undefined;
}

/**
 * A branch that reads a 4-byte number (`%d`, `%u`, `%x`) into a 1- or 2-byte variable writes past it,
 * over whatever the compiler put beside it: VPP 26.06 accepted `set ioam ip6 sr-tunnel-select
 * wait_for_responses -1`, whose `%d` into a `u8` left the flags its check tests not zero. The
 * arguments of such branches: a check holds only for a line without them.
 */
function writesPastNarrow(before: readonly Statement[], branches: readonly ReadBranch[]): { names: string[]; variables: { v: string; max: number }[] } {
  const narrow = new Map<string, number>();
  for (const s of before) {
    const decl = /^\s*(u8|i8|u16|i16|bool|char|unsigned char)\s+([^;]*);/.exec(s.text);
    if (!decl) continue;
    for (const part of splitTopLevel(decl[2])) {
      // `u8 *name` is a pointer and `u8 mac[6]` an array: only plain scalars
      const name = /^(\w+)\s*(?:=|$)/.exec(part.trim());
      if (name) narrow.set(name[1], /16/.test(decl[1]) ? 0xffff : 0xff);
    }
  }
  const reads = branches.map((b) => [...b.cond.matchAll(/\bunformat\s*\(/g)].flatMap((m) => readsIntoNarrow(b.cond.slice(m.index + m[0].length), narrow)));
  return {
    names: branches.filter((_, i) => reads[i].length > 0).flatMap((b) => b.args.map((a) => a.name)),
    variables: [...new Set(reads.flat())].map((v) => ({ v, max: narrow.get(v)! })),
  };
}

/** The arguments of one `unformat (input, "...", ...)` call: a number directive before any `%U` paired with a narrow `&x`. */
function readsIntoNarrow(rest: string, narrow: ReadonlyMap<string, number>): string[] {
  const args = splitTopLevel(rest.slice(0, closingParen(rest)));
  const format = args[1] ? stringLiteralValue(args[1]) : undefined;
  if (format === undefined) return [];
  const directives = [...format.matchAll(/%(?:l|ll|h|hh)?([a-zA-Z])/g)].map((d) => d[0]);
  const out: string[] = [];
  for (let i = 0; i < directives.length && directives[i] !== '%U'; i++) {
    const target = /^&\s*(\w+)$/.exec(args[2 + i] ?? '');
    if (/^%(?:l|ll)?[diuxX]$/.test(directives[i]) && target && narrow.has(target[1])) out.push(target[1]);
  }
  return out;
}

function closingParen(s: string): number {
  let depth = 1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') i = s.indexOf('"', i + 1) < 0 ? s.length : skipString(s, i);
    else if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return s.length;
}

function skipString(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
  return j;
}

/** The variable named in a literal, without a member (`collector` of `collector.as_u32`). */
const baseOf = (v: string) => v.replace(/[.[].*$/, '');

function touches(l: Term[number], tainted: ReadonlySet<string>): boolean {
  return l.kind === 'same' ? taints(l.a, tainted) || taints(l.b, tainted) : taints(l.v, tainted);
}

/** A member through a pointer (`hcm->uri`) is touched by its name, or by its pointer used alone. */
function taints(v: string, tainted: ReadonlySet<string>): boolean {
  const member = /^(\w+)->\w+$/.exec(v);
  return member ? tainted.has(v) || tainted.has(`${member[1]}->*`) : tainted.has(baseOf(v));
}

/** Whether C code names a variable (string literals left out: `"app %u"` does not name `app`). */
function mentions(text: string, variable: string): boolean {
  return new RegExp(`(?<![\\w.>])${variable}\\b`).test(text.replace(/"(?:\\.|[^"\\])*"/g, '""'));
}

function writes(text: string, variable: string): boolean {
  return new RegExp(`(?<![\\w.>])${variable}\\s*(?:=[^=]|\\+\\+|--|[-+|&]=)`).test(text);
}

/**
 * Whether every write of an error variable in a statement makes another error (`if (is_add) { if
 * (!priority) ret = clib_error_return (...); ... }` in vrrp_cli.c): an error kept before it is then
 * still an error, whichever the line ends with.
 */
function writesOnlyErrors(text: string, variable: string): boolean {
  const all = [...text.matchAll(new RegExp(`(?<![\\w.>])${variable}\\s*(?:=[^=]|\\+\\+|--|[-+|&]=)`, 'g'))];
  const errors = [...text.matchAll(new RegExp(`(?<![\\w.>])${variable}\\s*=\\s*clib_error_(?:return|create)\\w*\\s*\\(`, 'g'))];
  return all.length > 0 && all.length === errors.length;
}

const escape = (v: string) => v.replace(/\./g, '\\.');

/** The branches that may set a variable: any mention counts, so that a larger group never makes a false error. */
function setters(branches: readonly ReadBranch[], v: string): ReadBranch[] {
  const base = baseOf(v);
  const path = v.slice(base.length);
  // `args.dst_port` is set by a branch that names `args.dst_port` or `&args`, not one that names `args.src_port`
  const touchesMember = (text: string) =>
    [...text.replace(/"(?:\\.|[^"\\])*"/g, '""').matchAll(new RegExp(`(?<![\\w.>])${base}\\b((?:\\s*\\.\\s*\\w+)*)`, 'g'))].some((m) => {
      const member = m[1].replace(/\s+/g, '');
      return member === '' || path.startsWith(member) || member.startsWith(path);
    });
  return branches.filter((b) => touchesMember(readOnlyUsesOut(b.cond, base)) || touchesMember(readOnlyUsesOut(b.body, base)));
}

/**
 * The text without uses that cannot change a variable: handed by value to `unformat` (gtpu's and
 * geneve's `unformat_decap_next, &decap_next_index, ipv4_set`) or to `fib_ip_proto`, a function,
 * or tested alone (vxlan-gpe's `if (ipv6_set)`).
 */
function readOnlyUsesOut(text: string, base: string): string {
  const byValue = new RegExp(`(\\bunformat\\w*\\s*\\([^;]*?,\\s*)${base}(?=\\s*\\))`, 'g');
  return text
    .replace(byValue, '$1')
    .replace(new RegExp(`\\bfib_ip_proto\\s*\\(\\s*${base}\\s*\\)`, 'g'), 'fib_ip_proto ()')
    .replace(new RegExp(`\\bif\\s*\\(\\s*!?\\s*${base}\\s*\\)`, 'g'), 'if (1)');
}

function variableFacts(before: readonly Statement[], branches: readonly ReadBranch[], enums: EnumConstants, resetOnExit: ReadonlySet<string>): VariableFacts {
  return {
    // a global's member the command resets on its way out (`hcm->uri`, resetMembers.ts) starts at 0
    initial: (v) => initialValue(v, before) ?? (resetOnExit.has(v) ? '0' : undefined),
    constantValue: (name) => enums.value(name),
    isFlag: (name) => {
      const v = escape(name);
      return everySetter(branches, name, (b) => {
        const values = [...b.body.matchAll(new RegExp(`(?<![\\w.>])${v}\\s*=(?!=)\\s*(?:\\w+\\s*=(?!=)\\s*)*([^;,)]*)`, 'g'))].map((m) => normalizeConstant(m[1]));
        const top = topStatements(b.body).some((t) => new RegExp(`^(?:\\w+\\s*=\\s*)*${v}\\s*=(?!=)\\s*(?:\\w+\\s*=\\s*)*\\w+\\s*;$`).test(t));
        return top && values.length > 0 && values.every((x) => /^[1-9]\d*$/.test(x) && x === values[0]);
      });
    },
    readsInto: (name) => {
      if (name.includes('.') || !before.some((s) => new RegExp(`\\*\\s*${name}\\s*=\\s*(?:0|NULL)\\s*[,;]`).test(s.text))) return false;
      const found = setters(branches, name);
      // a string directive fills it with the word read, never empty
      return found.length > 0 && found.every((b) => !mentions(b.body, name) && new RegExp(`^\\s*unformat(?:_user)?\\s*\\(\\s*\\w+\\s*,\\s*"[^"%]*%[sv]"\\s*,\\s*&\\s*${name}\\s*\\)\\s*$`).test(b.cond));
    },
    assigned: (name) => {
      const v = escape(name);
      const out: number[] = [];
      const ok = everySetter(branches, name, (b) => {
        const values = [...b.body.matchAll(new RegExp(`(?<![\\w.>])${v}\\s*=(?!=)\\s*([^;,)]*)`, 'g'))].map((m) => normalizeConstant(m[1]));
        const top = topStatements(b.body).some((t) => new RegExp(`^${v}\\s*=(?!=)\\s*\\d+\\s*;$`).test(t));
        if (!top || values.length !== 1 || !/^\d+$/.test(values[0])) return false;
        out.push(Number(values[0]));
        return true;
      });
      return ok ? out : undefined;
    },
    assignedConstants: (name) => {
      const v = escape(name);
      const initial = initialValue(name, before);
      // a test that `v` still holds its value from before the loop lets the branch run only before the others
      const guard = initial ? new RegExp(`(?<![\\w.>])${v}\\s*==\\s*${escape(initial)}\\s*&&`, 'g') : undefined;
      const found = setters(branches, name);
      const out: string[] = [];
      for (const b of found) {
        const cond = guard ? b.cond.replace(guard, '') : b.cond;
        if (mentions(readOnlyUsesOut(cond, baseOf(name)), baseOf(name))) return undefined;
        const values = [...b.body.matchAll(new RegExp(`(?<![\\w.>])${v}\\s*=(?!=)\\s*([^;,)]*)`, 'g'))].map((m) => normalizeConstant(m[1]));
        const top = topStatements(b.body).some((t) => new RegExp(`^${v}\\s*=(?!=)\\s*[A-Z][A-Z0-9_]*\\s*;$`).test(t));
        if (!top || values.length !== 1 || !/^[A-Z][A-Z0-9_]*$/.test(values[0])) return undefined;
        out.push(values[0]);
      }
      return found.length ? out : undefined;
    },
    isCounter: (name) => {
      const v = escape(name);
      return everySetter(branches, name, (b) => {
        const counts = topStatements(b.body).filter((t) => new RegExp(`^(?:${v}\\s*\\+\\+|\\+\\+\\s*${v}|${v}\\s*\\+=\\s*1|vec_add1\\s*\\(\\s*${v}\\s*,.*\\))\\s*;$`).test(t));
        return counts.length === 1 && b.body.match(new RegExp(`(?<![\\w.>])${v}\\b`, 'g'))?.length === 1;
      });
    },
  };
}

/** Whether a branch's only mentions of `v` write the constant it starts with (`is_del = 0;` for `u8 is_del = 0`). */
function restoresInitial(b: ReadBranch, v: string, initial: string | undefined): boolean {
  if (initial === undefined || !/^(?:~?\d+|~0)$/.test(initial) || mentions(readOnlyUsesOut(b.cond, baseOf(v)), baseOf(v))) return false;
  const name = escape(v);
  const all = b.body.match(new RegExp(`(?<![\\w.>])${name}\\b`, 'g'))?.length ?? 0;
  const restores = [...b.body.matchAll(new RegExp(`(?<![\\w.>])${name}\\s*=(?!=)\\s*([^;,)]*);`, 'g'))].filter((m) => normalizeConstant(m[1]) === initial).length;
  return all > 0 && restores === all;
}

/** Some branch may set `name`, and each one that may does it as `test` wants, never in its own test. */
function everySetter(branches: readonly ReadBranch[], name: string, test: (b: ReadBranch) => boolean): boolean {
  const found = setters(branches, name);
  return found.length > 0 && found.every((b) => !mentions(readOnlyUsesOut(b.cond, baseOf(name)), baseOf(name)) && test(b));
}

/** The simple statements a branch body always runs (not those under an if or a loop). */
function topStatements(body: string): string[] {
  const text = body.trim().replace(/^\{([\s\S]*)\}$/, '$1');
  if (/\b(if|while|for|switch)\b/.test(text)) {
    // keep only what is outside any nested statement: good enough for `x = 1;` beside an if
    return text
      .split(';')
      .map((t) => `${t.trim()};`)
      .filter((t) => !/[{}]|\b(if|while|for|switch|else)\b/.test(t));
  }
  return splitTopLevel(text, ';').map((t) => `${t.trim()};`);
}

const ZERO_INITIALIZERS = /^(?:ip46_address_initializer|ip_address_initializer|IP_ADDRESS_V4_ALL_0S|\{\s*0?\s*\})$/;
const DECLARATION = /^(?:(?:static|const|unsigned|signed|struct|enum)\s+)*[A-Za-z_]\w*(?:\s*\*)*\s+\*?\s*[A-Za-z_]/;

/**
 * A variable's value before the loop: `none` when it is declared without one, undefined when it is
 * not known (set twice differently, passed by address, a parameter or a global).
 */
function initialValue(v: string, before: readonly Statement[]): string | undefined {
  const base = baseOf(v);
  const values: string[] = [];
  let declared = false;
  for (const s of before) {
    if (!mentions(s.text, base)) continue;
    if (s.kind !== 'simple') return undefined;
    const text = normalizeSpace(s.text);
    if (new RegExp(`^(?:clib_memset|memset) ?\\( ?& ?${base} ?, ?0 ?,`).test(text)) {
      values.push('0');
      declared = true;
      continue;
    }
    if (new RegExp(`&\\s*${base}\\b`).test(text)) return undefined;
    const isDeclaration = DECLARATION.test(text) && !/^return\b/.test(text);
    // `gw_args_t args = { .tenant_id = ~0, .src_addr = { .as_u32 = ~0 } };`
    const braces = new RegExp(`(?<![\\w.>])${base} ?= ?\\{`).exec(text);
    if (braces && isDeclaration) {
      const open = braces.index + braces[0].length - 1;
      const close = matchBracket(text, open);
      const value = close > 0 && v !== base ? designated(text.slice(open + 1, close), v.slice(base.length + 1).split('.')) : undefined;
      if (value === undefined) return undefined;
      values.push(value);
      declared = true;
      continue;
    }
    let assigned = false;
    for (const m of text.matchAll(new RegExp(`(?<![\\w.>])(${base}(?:\\.\\w+(?:\\[0\\])?)?)\\s*=(?!=)\\s*([^;,]*)`, 'g'))) {
      assigned = true;
      const value = m[2].split(/=(?!=)/).pop()!.trim();
      const zero = ZERO_INITIALIZERS.test(value) || normalizeConstant(value) === '0';
      if (m[1] === v) values.push(zero ? '0' : normalizeConstant(value));
      else if (m[1] === base && zero) values.push('0');
      else return undefined;
    }
    if (!assigned && !isDeclaration) return undefined;
    if (isDeclaration) declared = true;
  }
  if (values.length === 0) return declared ? 'none' : undefined;
  return values.every((x) => x === values[0]) ? values[0] : undefined;
}

/**
 * The value a struct initializer gives a member: `{ .a = ~0, .b = { .c = 1 } }` gives `b.c` 1, and
 * any member it does not name 0 (as C does); `{ 0 }` gives every member 0.
 */
function designated(body: string, path: readonly string[]): string | undefined {
  const parts = splitTopLevel(body);
  if (parts.length === 0 || (parts.length === 1 && normalizeConstant(parts[0]) === '0')) return '0';
  for (const part of parts) {
    const m = /^\.\s*(\w+)\s*=\s*([\s\S]*)$/.exec(part.trim());
    if (!m) return undefined;
    if (m[1] !== path[0]) continue;
    const value = m[2].trim();
    if (value.startsWith('{') && value.endsWith('}')) return path.length > 1 ? designated(value.slice(1, -1), path.slice(1)) : undefined;
    return path.length === 1 ? normalizeConstant(value) : undefined;
  }
  return '0';
}

/** Variables that hold an error: `clib_error_t *error` or `x = clib_error_return (...)`. */
function errorVariables(statements: readonly Statement[]): Set<string> {
  const out = new Set<string>();
  for (const s of statements) {
    for (const m of s.text.matchAll(/\bclib_error_t\s*\*\s*(\w+)/g)) out.add(m[1]);
    for (const m of s.text.matchAll(/(?<![\w.>])(\w+)\s*=\s*clib_error_(?:return|create)\w*\s*\(/g)) out.add(m[1]);
  }
  return out;
}

/** The arms of an `if / else if` chain, in order, then a final `else` as an arm that always runs. */
function chainArms(s: Extract<Statement, { kind: 'if' }>): { cond: string; body: Statement }[] {
  const arms: { cond: string; body: Statement }[] = [];
  let at: Statement | undefined = s;
  while (at?.kind === 'if') {
    arms.push({ cond: at.cond, body: at.then });
    at = at.else;
  }
  return arms;
}

/** The `else` that ends an `if / else if` chain, if any. */
function finalElse(s: Extract<Statement, { kind: 'if' }>): Statement | undefined {
  let at: Statement | undefined = s;
  while (at?.kind === 'if') at = at.else;
  return at;
}

/** VPP's words in an error it returns, when they are plain text (no `%` directive). */
function errorWords(text: string): string | undefined {
  const m = /clib_error_(?:return|create)\w*\s*\(\s*0\s*,\s*("(?:\\.|[^"\\])*"(?:\s*"(?:\\.|[^"\\])*")*)\s*[,)]/.exec(text);
  const words = m ? stringLiteralValue(m[1]) : undefined;
  return words && !words.includes('%') ? words.trim() : undefined;
}

/**
 * An arm that always ends in an error: `return clib_error_return (...)` (kept empty), or
 * `error = clib_error_return (...)` with or without `goto done` (kept in `error`, which the code
 * must then be seen to return). Undefined for any other arm.
 */
function errorArm(body: Statement, errorVars: ReadonlySet<string>, after: readonly Statement[]): { keptIn?: string; says?: string } | undefined {
  const list = flatten([body]);
  const last = list[list.length - 1];
  if (!last || last.kind !== 'simple') return undefined;
  if (list.slice(0, -1).some((s) => mayLeaveQuietly(s, errorVars, after))) return undefined;
  const text = normalizeSpace(last.text);
  const says = errorWords(text);
  if (returnsError(text)) return { says };
  const assign = (s: Statement | undefined) => (s?.kind === 'simple' ? /^(\w+)\s*=\s*clib_error_(?:return|create)\w*\s*\(/.exec(normalizeSpace(s.text)) : null);
  // `error = clib_error_return (...); return error;`
  const returned = /^return \(?\s*(\w+)\s*\)? ?;$/.exec(text);
  if (returned) {
    const kept = assign(list[list.length - 2]);
    return kept && kept[1] === returned[1] ? { says: errorWords(list[list.length - 2].text) } : undefined;
  }
  const goto = /^goto (\w+) ?;$/.exec(text);
  if (goto) {
    const kept = assign(list[list.length - 2]);
    if (kept && labelReturns(goto[1], kept[1], after)) return { says: errorWords(list[list.length - 2].text) };
    return undefined;
  }
  const kept = assign(last);
  if (kept) return { keptIn: kept[1], says };
  return undefined;
}

/** The code at `label:` returns `variable` without changing it first. */
function labelReturns(label: string, variable: string, after: readonly Statement[]): boolean {
  const at = after.findIndex((s) => s.kind === 'simple' && new RegExp(`^${label}\\s*:$`).test(s.text.trim()));
  if (at < 0) return false;
  for (const s of after.slice(at + 1)) {
    const ret = /^return\s*\(?\s*(\w+)\s*\)?\s*;$/.exec(s.text.trim());
    if (s.kind === 'simple' && ret) return ret[1] === variable;
    if (writes(s.text, variable) || /\b(return|goto|break|continue)\b/.test(s.text) || /clib_error_report/.test(s.text)) return false;
  }
  return false;
}

/** `if (error) return error;` / `if (error) goto done;`, and whether it returns that error. */
function errorGuard(s: Statement, errorVars: ReadonlySet<string>, after: readonly Statement[]): { variable: string; returns: boolean } | undefined {
  if (s.kind !== 'if' || s.else) return undefined;
  const cond = normalizeSpace(s.cond).replace(/^\((.*)\)$/, '$1');
  if (!errorVars.has(cond)) return undefined;
  const body = flatten([s.then]);
  const last = body.length === 1 ? normalizeSpace(body[0].text) : '';
  const ret = /^return \(?\s*(\w+)\s*\)? ?;$/.exec(last);
  if (ret) return { variable: cond, returns: ret[1] === cond };
  const goto = /^goto (\w+) ?;$/.exec(last);
  if (goto) return { variable: cond, returns: labelReturns(goto[1], cond, after) };
  return undefined;
}

/**
 * Whether a statement may leave the function (or jump) without an error: `return 0`, `return rv`,
 * a `goto` or `break` that no error was kept for. Errors and the guards that return them do not count.
 */
function mayLeaveQuietly(s: Statement, errorVars: ReadonlySet<string>, after: readonly Statement[]): boolean {
  if (!/\b(return|goto|break|continue)\b/.test(s.text)) return false;
  if (errorGuard(s, errorVars, after)) return false;
  switch (s.kind) {
    case 'simple': {
      const text = normalizeSpace(s.text);
      if (returnsError(text)) return false;
      return /^(return|goto|break|continue)\b/.test(text) || /\b(return|goto|break|continue)\b/.test(text);
    }
    case 'if':
      return [s.then, s.else].some((b) => b !== undefined && blockLeavesQuietly(b, errorVars, after));
    case 'block':
      return blockLeavesQuietly(s, errorVars, after);
    default:
      return true;
  }
}

/** A block whose exits are all errors: each `goto` right after an error kept for the label's return. */
function blockLeavesQuietly(b: Statement, errorVars: ReadonlySet<string>, after: readonly Statement[]): boolean {
  const list = flatten([b]);
  return list.some((s, i) => {
    const goto = s.kind === 'simple' ? /^goto (\w+) ?;$/.exec(normalizeSpace(s.text)) : null;
    if (goto) {
      const kept = list[i - 1]?.kind === 'simple' ? /^(\w+)\s*=\s*clib_error_(?:return|create)\w*\s*\(/.exec(normalizeSpace(list[i - 1].text)) : null;
      return !(kept && labelReturns(goto[1], kept[1], after));
    }
    const ret = s.kind === 'simple' ? /^return\s*\(?\s*(\w+)\s*\)?\s*;$/.exec(normalizeSpace(s.text)) : null;
    if (ret && errorVars.has(ret[1]) && list[i - 1]?.kind === 'simple' && new RegExp(`^${ret[1]}\\s*=\\s*clib_error_`).test(normalizeSpace(list[i - 1].text))) return false;
    return mayLeaveQuietly(s, errorVars, after);
  });
}

/** Values whose words name them: the same words are the same value (an interface name is unique). */
const ADDRESS_KINDS = new Set(['ip4', 'ip6', 'ip', 'mac', 'interface']);

/** A literal of the refusals: one of the loop's, or the arguments of one branch given (from `many`). */
type RefusalLiteral = Exclude<Literal, { kind: 'many' }> | { kind: 'given'; names: readonly string[] };

/**
 * `idx_cnt > 1` as what we can check: two different branches that count given (each pair of them).
 * The same argument given twice counts too in VPP, but we claim only the surer case.
 */
function manyAsPairs(term: Term, branches: readonly ReadBranch[]): RefusalLiteral[][] {
  const many = term.find((l): l is Extract<Literal, { kind: 'many' }> => l.kind === 'many');
  const rest = term.filter((l) => l !== many) as RefusalLiteral[];
  if (!many) return [rest];
  const groups = setters(branches, many.v).map((b) => b.args.map((a) => a.name)).filter((g) => g.length > 0);
  if (many.atLeast !== 2 || groups.length < 2 || groups.length > 8) return [];
  const out: RefusalLiteral[][] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      if (groups[i].some((n) => groups[j].includes(n))) continue;
      out.push([...rest, { kind: 'given', names: groups[i] }, { kind: 'given', names: groups[j] }]);
    }
  }
  return out;
}

/** The terms as argument names: a term whose variable no branch sets says nothing we can check. */
function toRefusals(found: readonly { terms: Term[]; says?: string }[], branches: readonly ReadBranch[], clobbering: readonly string[], facts: VariableFacts): Omit<AfterLoop, 'ranges'> {
  const names = (v: string) => setters(branches, v).flatMap((b) => b.args.map((a) => a.name));
  // a branch that only writes back the value a variable starts with (`add` of `is_del = 0`) never
  // makes it given: `udp encap add` still has no address nor `del`
  const givers = (v: string) => setters(branches, v).filter((b) => !restoresInitial(b, v, facts.initial(v))).flatMap((b) => b.args.map((a) => a.name));
  /** The arguments of the branches that set `v` to one of `values` (`assigned` lists one per setter, in their order). */
  const namesBy = (v: string, values: readonly (number | string)[]) => {
    const assigned: readonly (number | string)[] | undefined = values.every((x) => typeof x === 'number') ? facts.assigned?.(v) : facts.assignedConstants?.(v);
    const found = setters(branches, v);
    if (!assigned || assigned.length !== found.length) return [];
    return found.filter((_, i) => values.includes(assigned[i])).flatMap((b) => b.args.map((a) => a.name));
  };
  const required: string[][] = [];
  const refuses: Refusal[] = [];
  const seen = new Set<string>();
  for (const { terms: read, says } of found) {
    const terms = read.flatMap((t) => manyAsPairs(t, branches));
    for (const term of terms) {
      const refusal: Refusal = {};
      let empty = false;
      // the other setters of a named constant (`vtr_op == L2_VTR_PUSH_2`) only limit the claim: read last, they are the `unless` of the message
      const otherSetters = (l: RefusalLiteral) => l.kind === 'unset' && !!l.by?.some((x) => typeof x === 'string');
      // a variable the branches set to numbers, some that make the check hold and some not: the last given decides
      const numbers = (l: RefusalLiteral) => (l.kind === 'set' || l.kind === 'unset') && !!l.by?.length && l.by.every((x) => typeof x === 'number');
      const lastOf = new Set<RefusalLiteral>();
      const last: { of: string[]; among: string[] }[] = [];
      for (const a of term) {
        const b = term.find((x) => a.kind === 'set' && x.kind === 'unset' && numbers(a) && numbers(x) && x.v === a.v);
        if (!b || a.kind !== 'set' || b.kind !== 'unset') continue;
        const of = namesBy(a.v, a.by!);
        const among = [...new Set([...of, ...namesBy(a.v, b.by!)])];
        if (!of.length || among.length === of.length) empty = true;
        last.push({ of, among });
        lastOf.add(a).add(b);
      }
      if (last.length) refusal.last = last;
      for (const l of [...term.filter((x) => !otherSetters(x)), ...term.filter(otherSetters)]) {
        if (lastOf.has(l)) continue;
        if (l.kind === 'same') {
          const [a, b] = [names(l.a), names(l.b)];
          // the words compared are each argument's first value: only where that is the address
          const addresses = [l.a, l.b].every((v) => setters(branches, v).every((br) => br.args.every((arg) => ADDRESS_KINDS.has(arg.values?.[0]?.kind ?? ''))));
          if (!a.length || !b.length || !addresses) empty = true;
          refusal.same = [a, b];
          continue;
        }
        const group = l.kind === 'given' ? [...l.names] : (l.kind === 'unset' || l.kind === 'set') && l.by ? namesBy(l.v, l.by) : l.kind === 'unset' ? givers(l.v) : names(l.v);
        if (!group.length) empty = true;
        if (l.kind === 'set' || l.kind === 'given') (refusal.with ??= []).push(group);
        else (refusal.without ??= []).push(l.atLeast ? { of: group, atLeast: l.atLeast } : group);
      }
      // `grp_set && mcast_sw_if_index == ~0`: with and without the same argument never holds
      const withNames = new Set([...(refusal.with ?? []).flat(), ...(refusal.last ?? []).flatMap((l) => l.of)]);
      if (empty || (refusal.without ?? []).some((g) => groupOf(g).of.some((n) => withNames.has(n)))) continue;
      if (clobbering.length) (refusal.without ??= []).push([...clobbering]);
      // none of A and none of B: VPP needs one of A and B, a plain required group
      if (!refusal.with && !refusal.same && !refusal.last && refusal.without?.every((g) => Array.isArray(g))) {
        const group = [...new Set((refusal.without as string[][]).flat())];
        const key = JSON.stringify(group);
        if (!required.some((g) => JSON.stringify(g) === key)) required.push(group);
        continue;
      }
      if (says) refusal.says = says;
      const key = JSON.stringify({ ...refusal, says: undefined });
      if (seen.has(key)) continue;
      seen.add(key);
      refuses.push(refusal);
    }
  }
  // a group that holds a smaller one says nothing more: without `src`, VPP already refuses the line
  const contains = (big: readonly string[], small: readonly string[]) => small.every((n) => big.includes(n));
  const kept = required.filter((g, i) => !required.some((h, j) => j !== i && contains(g, h) && (h.length < g.length || j < i)));
  const implied = (r: Refusal) => (r.without ?? []).some((g) => Array.isArray(g) && kept.some((h) => contains(g as string[], h)));
  // a refusal that asks all another asks and more says nothing more: `udp encap del` is refused once
  const key = (g: unknown) => JSON.stringify(g);
  const within = (small: Refusal, big: Refusal) =>
    small !== big && !small.same && !big.same && key(small.last ?? []) === key(big.last ?? []) && (small.with ?? []).every((g) => (big.with ?? []).some((h) => key(h) === key(g))) && (small.without ?? []).every((g) => (big.without ?? []).some((h) => key(h) === key(g)));
  const left = refuses.filter((r) => !implied(r));
  return { required: kept, refuses: left.filter((r, i) => !left.some((o, j) => within(o, r) && (j < i || !within(r, o)))) };
}
