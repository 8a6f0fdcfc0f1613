import { normalizeSpace, splitTopLevel, stripOuterParens } from './cText';

/**
 * The condition of a check after a command's parse loop (`if (src_set == 0 && opn == ADD) return
 * clib_error_return (...)`), read as what it says about the loop's variables: an OR of terms, each
 * an AND of literals. A literal we cannot read drops its whole term (we then never claim the term
 * holds), so reading less only ever loses errors, never makes one.
 */
export type Literal =
  /**
   * `v` still holds its value from before the loop; with `atLeast`, fewer than that many counted reads;
   * with `by`, none of the branches that set it to one of those numbers was given (it may hold another's).
   */
  | { kind: 'unset'; v: string; atLeast?: number; by?: readonly (number | string)[] }
  /**
   * `v` was set by the loop (a flag every branch that touches it sets to the same non-zero constant);
   * with `by`, one of the branches that set it to one of those constants was given.
   */
  | { kind: 'set'; v: string; by?: readonly (number | string)[]; nonZero?: boolean }
  /** A counter the loop adds one to in several branches reached `atLeast` (`idx_cnt > 1`): that many of those branches were given. */
  | { kind: 'many'; v: string; atLeast: number }
  /** Two addresses the loop read are equal (`ip46_address_cmp (&src, &dst) == 0`). */
  | { kind: 'same'; a: string; b: string };

export type Term = Literal[];

/** What the reader knows of a variable of the loop (its value before the loop, how branches set it). */
export interface VariableFacts {
  /**
   * The value before the loop, normalised (`0` for any zero, `~0`, a constant's name), `none` when
   * the function never assigns it before the loop, undefined when that is not known.
   */
  initial(v: string): string | undefined;
  /** Every branch that touches `v` sets it to the same non-zero constant. */
  isFlag(v: string): boolean;
  /** Every branch that touches `v` adds one to it (`num_m_args++`, `vec_add1 (v, ...)`). */
  isCounter(v: string): boolean;
  /** `v` is a vector or pointer that starts empty and that each branch touching it has unformat fill (`"prefix group %s", &prefix_group`). */
  readsInto?(v: string): boolean;
  /** The numbers the branches that touch `v` set it to, one each (`enable = 1;`, `enable = 0;`), or undefined. */
  assigned?(v: string): number[] | undefined;
  /**
   * The constants the branches that touch `v` set it to, one each (`vtr_op = L2_VTR_PUSH_2;`), also
   * where a branch's test asks that `v` still holds its value from before the loop (`vtr_op ==
   * L2_VTR_DISABLED && unformat (input, "push")`), or undefined.
   */
  assignedConstants?(v: string): string[] | undefined;
  /** The value of a constant the file's enums define (`SPAN_BOTH` is 3). */
  constantValue?(name: string): number | undefined;
}

const ZERO = new Set(['0', 'NULL', '{0}', '{}', 'zero']);
/** Tests of an address or a MAC that is still all zero. */
const ZERO_TESTS = /^(?:ip46_address_is_zero|ip_address_is_zero|ip6_address_is_zero|mac_address_is_zero|ip4_address_is_zero) ?\( ?& ?([\w.]+) ?\)$/;
const EQUAL_ADDRESSES = /^(?:ip46_address_is_equal|ip_address_is_equal|ip6_address_is_equal) ?\( ?& ?(\w+) ?, ?& ?(\w+) ?\)$/;
const COMPARE_ADDRESSES = /^(?:ip46_address_cmp|ip_address_cmp|ip6_address_compare) ?\( ?& ?(\w+) ?, ?& ?(\w+) ?\)$|^memcmp ?\( ?& ?(\w+)(?:\.\w+)? ?, ?& ?(\w+)(?:\.\w+)? ?, ?sizeof ?\(.*\) ?\)$/;
/** A variable, a member of one, or a member through a pointer (`hcm->uri`, known only where resetMembers.ts says it starts at 0). */
const VARIABLE = /^[A-Za-z_]\w*(?:\.\w+(?:\[0\])?)*$|^[A-Za-z_]\w*->\w+$/;
const CONSTANT = /^(?:~?\d+|0x[0-9a-fA-F]+|~0|NULL|[A-Z][A-Z0-9_]*)$/;

/**
 * Names VPP defines as a u32 of all ones (`#define INDEX_INVALID ((index_t)(~0))` in dpo.h,
 * `NPOL_INVALID_INDEX ((u32) ~0)` in npol.h): a variable that starts at one is `~0` like any other,
 * so `-1` read into it with `%d` leaves it as if not given (VPP 26.06 refused `npol interface clear
 * sw_if_index -1`, "interface not specified").
 */
const ALL_ONES = new Set(['INDEX_INVALID', 'NPOL_INVALID_INDEX', 'ADJ_INDEX_INVALID', 'APP_INVALID_INDEX', 'APP_NS_INVALID_INDEX', 'APP_NAMESPACE_INVALID_INDEX', 'VLIB_INVALID_NODE_INDEX']);

/**
 * The length of one of VPP's vectors or pools, or its last index (`index > vec_len
 * (tm->frame_queue_mains) - 1`, threads_cli.c): never near 2^32, so an index still at its `~0` from
 * before the loop is beyond it. VPP 26.06 refused `trace frame-queue on` without an index ("expecting
 * valid worker handoff queue index"). `vec_len (x) - 1` of an empty vector wraps, but VPP's code
 * refuses the empty one first, and reading that check as an error of its own only adds one.
 */
const TABLE_SIZE = /^(?:vec_len|pool_elts|pool_len) ?\([^()]*(?:\([^()]*\)[^()]*)*\)(?: ?- ?1)?$/;

/** A constant as the reader compares it: casts, blanks and integer suffixes out (`(u32) ~0` is `~0`). */
export function normalizeConstant(text: string): string {
  const t = text
    .replace(/\(\s*(?:u8|u16|u32|u64|i32|int|uword|u32_t)\s*\)/g, '')
    .replace(/\s+/g, '')
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^(~?)(\d+)[uUlL]+$/, '$1$2')
    .replace(/^~\(?0\)?$/, '~0');
  // `0.0` of an f64 (nsim's `bandwidth == 0.0`) is zero too
  if (/^0x0+$/.test(t) || /^0?\.0+[fF]?$|^0\.0*[fF]?$/.test(t) || t === 'NULL' || t === '0' || t === 'false') return '0';
  if (t === 'true') return '1';
  if (/^0x[fF]{8}$/.test(t) || t === '-1' || ALL_ONES.has(t)) return '~0';
  if (/^\{\s*0?\s*\}$/.test(t)) return '0';
  return t;
}

/** The condition as an OR of terms; only the terms read in full. */
export function readCondition(cond: string, facts: VariableFacts): Term[] {
  const terms: Term[] = [];
  for (const alternative of splitTopLevel(stripOuterParens(normalizeSpace(cond)), '||')) {
    let ways: Term[] = [[]];
    for (const part of splitTopLevel(stripOuterParens(alternative), '&&')) {
      // `(a || b) && c` is `a && c` or `b && c`
      const inner = stripOuterParens(part);
      const read = splitTopLevel(inner, '||').length > 1 ? readCondition(inner, facts) : readLiteral(inner, facts);
      if (!read || read.length === 0) {
        ways = [];
        break;
      }
      // `a == b` of two flags is two ways: neither given, or both
      ways = ways.flatMap((way) => read.map((r) => [...way, ...r]));
      if (ways.length > 16) ways = [];
    }
    terms.push(...ways);
  }
  return terms;
}

/**
 * The condition under which none of `conds` holds, as C text (`!(a && b)` is `!a || !b`), for the
 * final `else` of a chain: `if (enable != ~0) ... else return clib_error_return (...)`. Undefined
 * when one of them has a form this cannot turn around.
 */
export function noneOf(conds: readonly string[]): string | undefined {
  const parts = conds.map((c) => negate(normalizeSpace(c)));
  return parts.every((p): p is string => p !== undefined) ? parts.map((p) => `(${p})`).join(' && ') : undefined;
}

const OPPOSITE: Record<string, string> = { '==': '!=', '!=': '==', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };

function negate(cond: string): string | undefined {
  const text = stripOuterParens(cond);
  const or = splitTopLevel(text, '||');
  const and = splitTopLevel(text, '&&');
  if (or.length > 1 || and.length > 1) {
    const parts = (or.length > 1 ? or : and).map(negate);
    if (parts.some((p) => p === undefined)) return undefined;
    return parts.map((p) => `(${p})`).join(or.length > 1 ? ' && ' : ' || ');
  }
  const not = /^! ?(.*)$/.exec(text);
  if (not && !not[1].startsWith('=')) return stripOuterParens(not[1]);
  // a ternary, an assignment or a bit test is not turned around
  if (/[?=&|]/.test(text.replace(/==|!=|<=|>=/g, ''))) return undefined;
  const cmp = /^(.+?) ?(==|!=|<=|>=|<|>) ?(.+)$/.exec(text);
  if (cmp) return `${cmp[1]} ${OPPOSITE[cmp[2]]} ${cmp[3]}`;
  return `!${text}`;
}


/** A comparison with its sides swapped: `a < b` is `b > a`. */
export const FLIPPED: Readonly<Record<string, string>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** One literal, as the terms it stands for (usually one term of one literal), or undefined. */
function readLiteral(text: string, facts: VariableFacts): Term[] | undefined {
  let m: RegExpExecArray | null;
  if ((m = ZERO_TESTS.exec(text))) return zeroTest(m[1], facts, false);
  if ((m = EQUAL_ADDRESSES.exec(text))) return sameAddresses(m[1], m[2], facts);
  const negated = /^! ?(.*)$/.exec(text);
  if (negated) {
    const inner = stripOuterParens(negated[1]);
    if ((m = COMPARE_ADDRESSES.exec(inner))) return sameAddresses(m[1] ?? m[3], m[2] ?? m[4], facts);
    // `!ip_address_is_zero (&collector)` of an address that starts all zero: given, and not as zeros
    if ((m = ZERO_TESTS.exec(inner))) return zeroTest(m[1], facts, false) ? [[{ kind: 'set', v: m[1], nonZero: true }]] : undefined;
    if ((m = /^vec_len ?\( ?(\w+) ?\)$/.exec(inner))) return unsetBelow(m[1], 1, facts, true);
    // `!enable` of `enable = 1` that only `disable` sets to 0: disable given
    if (VARIABLE.test(inner)) return zeroTest(inner, facts, true) ?? orderedByValues(inner, '==', '0', facts);
    return undefined;
  }
  const cmp = /^(.+?) ?(==|!=|<=|>=|<|>) ?(.+)$/.exec(text);
  if (!cmp) return VARIABLE.test(text) ? truthTest(text, facts) : undefined;
  let [, left, op, right] = cmp;
  left = stripOuterParens(left);
  right = stripOuterParens(right);
  // `0 == x`, `~0 == sw_if_index`: the constant first
  if (CONSTANT.test(normalizeConstant(left)) && !CONSTANT.test(normalizeConstant(right))) {
    [left, right] = [right, left];
    op = FLIPPED[op] ?? op;
  }
  if ((m = COMPARE_ADDRESSES.exec(left)) && op === '==' && normalizeConstant(right) === '0') return sameAddresses(m[1] ?? m[3], m[2] ?? m[4], facts);
  const vec = /^vec_len ?\( ?(\w+) ?\)$/.exec(left);
  const constant = normalizeConstant(right);
  if (vec) {
    if (op === '==' && constant === '0') return unsetBelow(vec[1], 1, facts, true);
    if (op === '<' && /^\d+$/.test(constant)) return unsetBelow(vec[1], Number(constant), facts, true);
    return undefined;
  }
  if (!VARIABLE.test(left)) return undefined;
  if ((op === '>' || op === '>=') && TABLE_SIZE.test(normalizeSpace(right)) && facts.initial(left) === '~0') return [[{ kind: 'unset', v: left }]];
  if (VARIABLE.test(right) && !CONSTANT.test(constant) && op === '==') return equalFlags(left, right, facts, true) ?? sameValues(left, right, facts);
  if (VARIABLE.test(right) && !CONSTANT.test(constant) && op === '!=') return equalFlags(left, right, facts, false);
  if (!CONSTANT.test(constant)) return undefined;
  const initial = facts.initial(left);
  if (op === '==') {
    if (constant === '0' && initial !== undefined && ZERO.has(initial)) return [[{ kind: 'unset', v: left }]];
    if (initial === constant || (initial === 'none' && constant === '~0')) return [[{ kind: 'unset', v: left }]];
    if (initial !== undefined && ZERO.has(initial) && /^[1-9]\d*$/.test(constant)) return setTest(left, facts);
    return orderedByValues(left, op, constant, facts) ?? setToConstant(left, constant, facts);
  }
  if (op === '!=') {
    if (initial !== undefined && initial !== 'none' && CONSTANT.test(initial) && initial !== constant) {
      // `num_m_args != 3`: fewer than three counted reads (more would be refused too, but we do not claim it)
      if (/^\d+$/.test(constant) && ZERO.has(initial) && facts.isCounter(left)) return unsetBelow(left, Number(constant), facts, false);
      // `ip_ver != 4` of `ip_ver = ~0` that the ip4 and ip6 branches set to 4 and 6: also the ip6 one given last
      return [[{ kind: 'unset', v: left }], ...(lastSetTo(left, (x) => String(x) !== constant, facts) ?? [])];
    }
    if (ZERO.has(constant)) return truthTest(left, facts);
    return undefined;
  }
  if (op === '<' && /^\d+$/.test(constant) && Number(constant) >= 1 && initial !== undefined && ZERO.has(initial)) return unsetBelow(left, Number(constant), facts, false);
  if (op === '>' && ZERO.has(constant)) return setTest(left, facts) ?? orderedByValues(left, op, constant, facts);
  const byValue = orderedByValues(left, op, constant, facts);
  if (byValue) return byValue;
  // `idx_cnt > 1` (in_out_acl.c's "Only one table index per API is allowed"): two of the counted arguments
  const least = op === '>' && /^\d+$/.test(constant) ? Number(constant) + 1 : op === '>=' && /^\d+$/.test(constant) ? Number(constant) : 0;
  if (least === 2 && initial !== undefined && ZERO.has(initial) && facts.isCounter(left)) return [[{ kind: 'many', v: left, atLeast: 2 }]];
  return undefined;
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/**
 * `enable > 1` where `enable` starts at 2 and `on`/`off` set it to 1/0 (threads_cli.c's "expecting on
 * or off"): true for the value before the loop and for none the branches set, so "none given"; the
 * other way round, "one given".
 */
function orderedByValues(v: string, op: string, constant: string, facts: VariableFacts): Term[] | undefined {
  const test = COMPARE[op];
  const initial = facts.initial(v);
  const start = initial === undefined ? undefined : /^\d+$/.test(initial) ? Number(initial) : facts.constantValue?.(initial);
  if (!test || !/^\d+$/.test(constant) || start === undefined) return undefined;
  const values = facts.assigned?.(v);
  const before = test(start, Number(constant));
  // `state > 0` of `span_state_t state = SPAN_BOTH` (3), which a `%U` may set to anything: true while not given
  if (!values?.length) return before && /^[A-Z]/.test(initial!) ? [[{ kind: 'unset', v }]] : undefined;
  const set = values.map((x) => test(x, Number(constant)));
  if (before && set.every((x) => !x)) return [[{ kind: 'unset', v }]];
  if (!before && set.every((x) => x)) return [[{ kind: 'set', v }]];
  // `is_add && ...` of `is_add = 1` that `add` keeps and `del` clears: true at least while no `del` is given
  if (before) return [[{ kind: 'unset', v, by: [...new Set(values.filter((_, i) => !set[i]))] }]];
  // `!is_add` of the same: true when `del` is given and `add` is not (the last given would win, so only the surer case)
  return lastSetTo(v, (x) => test(x, Number(constant)), facts);
}

/** The branches that set `v` to a number `holds` takes given, and none of the others: each may set it again, so the last given decides. */
function lastSetTo(v: string, holds: (value: number) => boolean, facts: VariableFacts): Term[] | undefined {
  const values = facts.assigned?.(v);
  if (!values?.length) return undefined;
  const yes = [...new Set(values.filter(holds))];
  const no = [...new Set(values.filter((x) => !holds(x)))];
  if (!yes.length || !no.length) return undefined;
  return [
    [
      { kind: 'set', v, by: yes },
      { kind: 'unset', v, by: no },
    ],
  ];
}

/**
 * `vtr_op == L2_VTR_PUSH_2` of a variable each branch that touches it sets to a named constant
 * (l2_vtr.c's `push`, `pop`, `disable`): true when a branch that sets that constant is given and no
 * branch that sets another one is (the last given would win, so we claim only the surer case).
 */
function setToConstant(v: string, constant: string, facts: VariableFacts): Term[] | undefined {
  const initial = facts.initial(v);
  if (!/^[A-Z][A-Z0-9_]*$/.test(constant) || initial === undefined || initial === 'none' || initial === constant) return undefined;
  const values = facts.assignedConstants?.(v);
  if (!values?.includes(constant)) return undefined;
  const others = [...new Set(values.filter((x) => x !== constant))];
  const set: Literal = { kind: 'set', v, by: [constant] };
  return [others.length ? [set, { kind: 'unset', v, by: others }] : [set]];
}

/** `!x`, `x == 0`, `ip46_address_is_zero (&x)`: x still holds its zero from before the loop. */
function zeroTest(v: string, facts: VariableFacts, legacy: boolean): Term[] | undefined {
  const initial = facts.initial(v);
  if (initial !== undefined && (ZERO.has(initial) || (legacy && initial === 'none'))) return [[{ kind: 'unset', v }]];
  return undefined;
}

/** Fewer than `n` values read into `v`: exactly so for a counter, else only "none" (n = 1) is claimed. */
function unsetBelow(v: string, n: number, facts: VariableFacts, legacy: boolean): Term[] | undefined {
  const initial = facts.initial(v);
  if (initial === undefined || !(ZERO.has(initial) || (legacy && initial === 'none'))) return undefined;
  if (n === 1) return [[{ kind: 'unset', v }]];
  return facts.isCounter(v) ? [[{ kind: 'unset', v, atLeast: n }]] : [[{ kind: 'unset', v }]];
}

/**
 * `x`, `x != 0`: true while `x` keeps a non-zero value from before the loop (`int enable = 1;`,
 * which only `disable` clears), else a flag the loop set.
 */
function truthTest(v: string, facts: VariableFacts): Term[] | undefined {
  const initial = facts.initial(v);
  if (initial !== undefined && /^(?:[1-9]\d*|~0)$/.test(initial)) return orderedByValues(v, '!=', '0', facts) ?? [[{ kind: 'unset', v }]];
  // `prefix_group != 0` of a vector `%s` fills: given
  if (initial !== undefined && ZERO.has(initial) && facts.readsInto?.(v)) return [[{ kind: 'set', v }]];
  // `is_del` of `is_del = 0` that `del` sets and `add` clears again
  return setTest(v, facts) ?? (initial !== undefined && ZERO.has(initial) ? orderedByValues(v, '!=', '0', facts) : undefined);
}

/** `x`, `x != 0`: a flag the loop set, or a counter it added one to (`n_addrs4 && ...`, vrrp_cli.c). */
function setTest(v: string, facts: VariableFacts): Term[] | undefined {
  const initial = facts.initial(v);
  return initial !== undefined && ZERO.has(initial) && (facts.isFlag(v) || facts.isCounter(v)) ? [[{ kind: 'set', v }]] : undefined;
}

/**
 * `is_add == is_del`: two flags both left unset, or both set; `l_port_set != e_port_set` (nat44's
 * "Either both ports are set or none"): one set without the other.
 */
function equalFlags(a: string, b: string, facts: VariableFacts, equal: boolean): Term[] | undefined {
  const both = [a, b].every((v) => {
    const initial = facts.initial(v);
    return initial !== undefined && ZERO.has(initial) && facts.isFlag(v);
  });
  if (!both) return undefined;
  const unset = (v: string): Literal => ({ kind: 'unset', v });
  const set = (v: string): Literal => ({ kind: 'set', v });
  return equal
    ? [
        [unset(a), unset(b)],
        [set(a), set(b)],
      ]
    : [
        [set(a), unset(b)],
        [unset(a), set(b)],
      ];
}

/**
 * `src_sw_if_index == dst_sw_if_index` (span.c): two variables that start alike are equal while
 * neither is given, or when both are given the same words (toRefusals.ts keeps that only for values
 * whose words name them: interfaces, addresses).
 */
function sameValues(a: string, b: string, facts: VariableFacts): Term[] | undefined {
  const initial = facts.initial(a);
  if (initial === undefined || initial === 'none' || facts.initial(b) !== initial) return undefined;
  return [
    [
      { kind: 'unset', v: a },
      { kind: 'unset', v: b },
    ],
    [{ kind: 'same', a, b }],
  ];
}

/** Two addresses that are equal: both still zero (when that is their value before the loop), or read with the same words. */
function sameAddresses(a: string, b: string, facts: VariableFacts): Term[] | undefined {
  const zero = [a, b].every((v) => {
    const initial = facts.initial(v);
    return initial !== undefined && ZERO.has(initial);
  });
  const same: Term = [{ kind: 'same', a, b }];
  if (!zero) return [same];
  return [
    [
      { kind: 'unset', v: a },
      { kind: 'unset', v: b },
    ],
    same,
  ];
}
