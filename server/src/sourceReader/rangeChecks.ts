import type { ArgSpec, ValueSpec } from '../schema/types';
import { normalizeSpace, splitTopLevel, stripOuterParens, type Statement } from './cText';

/** The values a check after the loop lets through: `if (path_mtu < 68) return clib_error_return (...)` lets 68 and above. */
export interface Range {
  v: string;
  min?: number;
  max?: number;
  /** A check after the loop tests `v` against its `~0` from before the loop (`if (table_id == ~0)`). */
  allOnesUnset?: boolean;
  /** A check after the loop tests `v` against its 0 from before the loop (`if (port == 0)`). */
  zeroUnset?: boolean;
  /** With those: every variable the checks after the loop test. */
  checked?: readonly string[];
  /** An upper bound named by a constant whose value we do not read (`log_level > NAT_LOG_DEBUG`). */
  upperNamed?: boolean;
  /** `v == 0` refused, of a variable that starts at another value (only 0 is refused then). */
  zeroRefused?: boolean;
  /**
   * Every bound is a plain `<` or `>` against its number, so it holds for a real number too:
   * `drop_fraction < 0.0 || drop_fraction > 1.0` lets 0 to 1 through, ends included.
   */
  realBounds?: boolean;
  /** A narrow `v` read with a 4-byte directive: a value from 0 to this writes only zeros past it, as if not given. */
  fitsUnset?: number;
}

/** An argument value a range applies to: the `index`th value of the argument `name`. */
export interface ArgRange {
  name: string;
  index: number;
  min?: number;
  max?: number;
  allOnesUnset?: boolean;
  zeroUnset?: boolean;
  zeroRefused?: boolean;
  fitsUnset?: number;
}

/**
 * The range a failing condition leaves: `x > 1450`, `x < 68`, `x < 1 || x > 10`, on one variable
 * and plain numbers. Undefined for anything else (a named constant, two variables, an `&&`).
 */
export function readRange(cond: string): Range | undefined {
  const zero = /^([A-Za-z_]\w*(?:\.\w+)*) ?== ?0$|^0 ?== ?([A-Za-z_]\w*(?:\.\w+)*)$/.exec(stripOuterParens(normalizeSpace(cond)));
  if (zero) return { v: zero[1] ?? zero[2], zeroRefused: true };
  let v: string | undefined;
  const range: Range = { v: '' };
  let realBounds = true;
  for (const part of splitTopLevel(stripOuterParens(normalizeSpace(cond)), '||')) {
    const named = /^([A-Za-z_]\w*(?:\.\w+)*) ?(>=|>) ?([A-Z][A-Z0-9_]*)$/.exec(stripOuterParens(part));
    if (named && (v === undefined || named[1] === v)) {
      v = named[1];
      range.upperNamed = true;
      realBounds = false;
      continue;
    }
    const m = /^([A-Za-z_]\w*(?:\.\w+)*) ?(<=|>=|<|>) ?(0x[0-9a-fA-F]+|\d+(?:\.\d+)?)[uUlLfF]*$/.exec(stripOuterParens(part));
    if (!m || (v !== undefined && m[1] !== v)) return undefined;
    v = m[1];
    const n = Number(m[3]);
    // `x <= 0.5` bounds a real number with the end left out, which no limit here says
    const whole = Number.isInteger(n);
    if (m[2] === '<=' || m[2] === '>=') {
      if (!whole) return undefined;
      realBounds = false;
    }
    if (m[2] === '<') range.min = Math.max(range.min ?? -Infinity, n);
    else if (m[2] === '<=') range.min = Math.max(range.min ?? -Infinity, n + 1);
    else if (m[2] === '>') range.max = Math.min(range.max ?? Infinity, n);
    else range.max = Math.min(range.max ?? Infinity, n - 1);
  }
  if (v === undefined) return undefined;
  range.v = v;
  if (realBounds) range.realBounds = true;
  return range;
}

const NUMBER_KINDS = new Set(['uint', 'int', 'hex']);
const ADDRESS_KINDS = new Set(['ip4', 'ip6']);

const escaped = (v: string) => v.replace(/\./g, '\\.');

/**
 * The ranges as limits on argument values: only for a variable one branch reads, as the one number
 * of its one argument, and never changes otherwise. A variable narrower than 32 bits is left alone
 * (a read into it wraps, or writes past it), and so is the lower limit of an unsigned variable read
 * with `%d`: `-1` wraps to a large number there. A real number (`%f`, read into an f64) takes
 * bounds that hold for real numbers (`realBounds`).
 */
export function rangeArgs(ranges: readonly Range[], before: readonly Statement[], branches: readonly { cond: string; body: string; args: readonly ArgSpec[] }[]): ArgRange[] {
  const out: ArgRange[] = [];
  for (const r of ranges) {
    const mention = new RegExp(`(?<![\\w.>])${escaped(r.v)}\\b`);
    const setters = branches.filter((b) => mention.test(b.cond) || mention.test(b.body));
    if (r.fitsUnset !== undefined) {
      // the one number of a branch that reads nothing else
      for (const b of setters) {
        const values = b.args.length === 1 ? (b.args[0].values ?? []) : [];
        if (values.length === 1 && (values[0].kind === 'int' || values[0].kind === 'uint')) out.push({ name: b.args[0].name, index: 0, fitsUnset: r.fitsUnset });
      }
      continue;
    }
    if (r.allOnesUnset || r.zeroUnset) {
      out.push(...unsetValueArgs(r.v, setters, declaredType(r.v, before), r.zeroUnset ? 'zero' : 'all-ones', r.checked ?? []));
      continue;
    }
    if (setters.length !== 1) continue;
    const [b] = setters;
    if (mention.test(b.body) || (b.cond.match(new RegExp(`&\\s*${escaped(r.v)}\\b`, 'g')) ?? []).length !== 1 || b.args.length !== 1) continue;
    const arg = b.args[0];
    const type = declaredType(r.v, before);
    const reals = (arg.values ?? []).map((value, index) => ({ value, index })).filter((x) => x.value.kind === 'float');
    if (reals.length === 1 && (arg.values ?? []).every((x) => x.kind === 'float' || x.kind === 'enum')) {
      // `%f` writes an f64: a struct's field (`lcfg.rnd_close`) is one, as nothing else could take it
      if (!r.realBounds || (type !== undefined && type !== 'f64')) continue;
      out.push({ name: arg.name, index: reals[0].index, ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) });
      continue;
    }
    const numbers = (arg.values ?? []).map((value, index) => ({ value, index })).filter((x) => NUMBER_KINDS.has(x.value.kind));
    if (numbers.length !== 1) continue;
    if (!type || /^(?:u8|u16|i8|i16|bool|char)$/.test(type)) continue;
    const unsigned = /^(?:u32|u64|uword|unsigned)$/.test(type);
    const { value, index } = numbers[0];
    // read with `%d` into an unsigned variable, a negative number wraps above any upper limit
    const wraps = unsigned && value.kind === 'int';
    // (an enum's constant lies far below that)
    const min = r.min !== undefined && !wraps ? r.min : wraps && ((r.max !== undefined && r.max < 2 ** 31) || r.upperNamed) ? 0 : undefined;
    if (min === undefined && r.max === undefined && !r.zeroRefused) continue;
    out.push({ name: arg.name, index, ...(min !== undefined ? { min } : {}), ...(r.max !== undefined ? { max: r.max } : {}), ...(r.zeroRefused ? { zeroRefused: true } : {}) });
  }
  return out;
}

/**
 * `-1` read with `%d` into a u32 is ~0 again, and so is 4294967295: the checks see the argument as
 * not given (VPP 26.06: `svs table table-id -1`, "table-id must be specified"; `delete interface
 * virtio sw_if_index -1`). Each branch that reads the variable as its one number and does nothing
 * else (no flag of its own says it was given); the branches that read it otherwise are left alone.
 */
function unsetValueArgs(v: string, setters: readonly { cond: string; body: string; args: readonly ArgSpec[] }[], type: string | undefined, value: 'zero' | 'all-ones', checked: readonly string[]): ArgRange[] {
  // a 0 read into a 32-bit or wider integer that starts at 0 leaves it 0 (a narrower one is written past)
  const integer = value === 'all-ones' ? type === 'u32' : !!type && /^(?:u32|u64|uword|i32|int|i64)$/.test(type);
  const out: ArgRange[] = [];
  for (const b of setters) {
    if (b.args.length !== 1 || !quietBody(b.body, v, checked) || (b.cond.match(new RegExp(`&\\s*${v}\\b`, 'g')) ?? []).length !== 1) continue;
    const values = b.args[0].values ?? [];
    if (values.length !== 1) continue;
    if (integer && (values[0].kind === 'int' || values[0].kind === 'uint')) out.push({ name: b.args[0].name, index: 0, ...(value === 'zero' ? { zeroUnset: true } : { allOnesUnset: true }) });
    // an address that starts all zero and is tested for it (`ip_address_is_zero (&src)`): `0.0.0.0` leaves it so
    else if (value === 'zero' && ADDRESS_KINDS.has(values[0].kind)) out.push({ name: b.args[0].name, index: 0, zeroUnset: true });
  }
  return out;
}

/**
 * A branch body that does nothing the checks after the loop look at: empty, or constants put in
 * variables none of them tests (sfdp's `add %d` also sets `is_del = 0`).
 */
function quietBody(body: string, v: string, checked: readonly string[]): boolean {
  const statements = body.replace(/[{}]/g, ' ').split(';').map((t) => t.trim()).filter(Boolean);
  return statements.every((t) => {
    const m = /^([A-Za-z_]\w*) ?= ?(?:~?\d+|0x[0-9a-fA-F]+|[A-Z][A-Z0-9_]*)$/.exec(t.replace(/\s+/g, ' '));
    return !!m && m[1] !== v && !checked.includes(m[1]);
  });
}

/** The type a variable is declared with before the loop (`u32 path_mtu = 512;`). */
export function declaredType(v: string, before: readonly Statement[]): string | undefined {
  for (const s of before) {
    const m = new RegExp(`^\\s*(?:unsigned\\s+)?(u8|u16|u32|u64|i8|i16|i32|i64|int|uword|bool|char|unsigned|f64)\\s+[^;(]*(?<![\\w.>])${v}\\b(?!\\s*\\[)`).exec(s.text);
    if (m && s.kind === 'simple') return m[1];
  }
  return undefined;
}

/** The arguments with the ranges applied to their values (a range narrows one already there). */
export function withRanges(args: readonly ArgSpec[], ranges: readonly ArgRange[]): ArgSpec[] {
  return args.map((a) => {
    const mine = ranges.filter((r) => r.name === a.name);
    if (!mine.length || !a.values) return a;
    const values: ValueSpec[] = a.values.map((v, i) => {
      let out = v;
      for (const r of mine.filter((x) => x.index === i)) {
        out = { ...out };
        if (r.min !== undefined) out.min = Math.max(out.min ?? -Infinity, r.min);
        if (r.max !== undefined) out.max = Math.min(out.max ?? Infinity, r.max);
        if (r.allOnesUnset) out.allOnesIsUnset = true;
        if (r.zeroUnset) out.zeroIsUnset = true;
        if (r.zeroRefused) out.zeroRefused = true;
        if (r.fitsUnset !== undefined) out.fitsIsUnset = r.fitsUnset;
      }
      return out;
    });
    return { ...a, values };
  });
}
