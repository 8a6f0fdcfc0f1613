import type { ValueSpec } from '../schema/types';

/**
 * One word of an `unformat` format string as a user types it: a literal word, or a value read by
 * one or more `%` directives (`%d`, `%U`, `%U/%d`).
 */
export type FormatWord = { literal: string } | { value: ValueSpec } | { unknown: string };

/**
 * What a `%U` reads, given the name of the unformat function passed for it: one value, or
 * alternatives of several words each (`l2` | `node <name>` | `<int>`), or undefined when unknown.
 */
export type UnformatReading = ValueSpec | ValueSpec[][];
export type UnformatResolver = (fn: string) => UnformatReading | undefined;

/** Alternatives multiply: a format with more than this many ways to read it is not followed. */
const MAX_ALTERNATIVES = 12;

const SIMPLE_DIRECTIVES: Record<string, ValueSpec> = {
  d: { kind: 'int' },
  u: { kind: 'uint' },
  x: { kind: 'hex' },
  f: { kind: 'float' },
  s: { kind: 'string' },
  v: { kind: 'string' },
};

const PREFIX_OF: Record<string, ValueSpec['kind']> = { ip4: 'ip4-prefix', ip6: 'ip6-prefix', ip: 'ip-prefix' };

/**
 * How the release being read has vppinfra's unformat read a directive: set from that release's
 * src/vppinfra/unformat.c before its commands are read (tools/extract-command-args.ts). `%=`
 * assigns its constant and, from 26.02 on, takes a `%u` after the word when there is one (VPP 26.06
 * accepted `show clock verbose 1024`; VPP 24.10 ran the `0` of `show clock verbose 0` as a command).
 */
export const formatReading = { equalsReadsNumber: true };

/**
 * Splits a format string into words at its blanks. VPP skips blanks before each element, so a word
 * of the format is what the user writes as one word. `fns` are the unformat functions passed for
 * the `%U`s, in order. A `%U` that reads one of several shapes forks the result: one list of words
 * per way to read the format. Undefined when the format uses `%_` (explicit blank handling) or `%=`.
 */
export function formatWords(format: string, fns: readonly string[], resolve: UnformatResolver): FormatWord[][] | undefined {
  let ways: FormatWord[][] = [[]];
  const push = (...words: FormatWord[]) => ways.forEach((w) => w.push(...words));
  let fnIndex = 0;
  const pieces = format.split(/\s+/).filter(Boolean);
  // `multihop %_`: a toggle of blank skipping at the very end reads nothing
  if (pieces.length > 1 && pieces[pieces.length - 1] === '%_') pieces.pop();
  for (const piece of pieces) {
    if (!piece.includes('%')) {
      push({ literal: piece });
      continue;
    }
    // `%_%v%_`: a word read without skipping blanks, after the blank the format already skipped
    if (/^%_%[sv]%_$/.test(piece)) {
      push({ value: { kind: 'string' } });
      continue;
    }
    // `verbose %=`: the word alone, or, where unformat.c reads one (`non_default_value`, 26.02 on),
    // followed by a number (`%u`)
    if (piece === '%=') {
      if (formatReading.equalsReadsNumber) ways = ways.flatMap((w) => [[...w, { value: { kind: 'uint' } }], [...w]]);
      continue;
    }
    if (/%[_=|]/.test(piece)) return undefined;
    // the directives and literal runs of this word
    const parts: { directive?: string; text: string }[] = [];
    const re = /%(?:[wlL]{0,2})([a-zA-Z%])|[^%]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(piece))) parts.push(m[1] ? { directive: m[1], text: m[0] } : { text: m[0] });
    const values: ValueSpec[] = [];
    for (const p of parts) {
      if (p.directive === 'U') {
        const fn = fns[fnIndex++];
        const read = fn ? resolve(fn) : undefined;
        if (!read || (Array.isArray(read) && (parts.length > 1 || ways.length * read.length > MAX_ALTERNATIVES))) {
          push({ unknown: fn ?? '%U' });
          return ways;
        }
        if (Array.isArray(read)) {
          ways = ways.flatMap((w) => read.map((alternative) => [...w, ...alternative.map((value) => ({ value }))]));
          continue;
        }
        values.push(read);
      } else if (p.directive && p.directive !== '%') {
        const spec = SIMPLE_DIRECTIVES[p.directive];
        if (!spec) {
          push({ unknown: p.text });
          return ways;
        }
        values.push(spec);
      }
    }
    if (values.length) push({ value: combine(parts, values) });
  }
  return ways;
}

/** One word made of several elements: an address and a length is a prefix; other shapes are a word. */
function combine(parts: readonly { directive?: string; text: string }[], values: readonly ValueSpec[]): ValueSpec {
  if (parts.length === 1 && values.length === 1) return values[0];
  const shape = parts.map((p) => p.text).join('');
  if (values.length === 2 && /^%U\/%[du]$/.test(shape)) {
    const prefix = PREFIX_OF[values[0].kind];
    if (prefix) return { kind: prefix };
  }
  // `pg%u`: a word that starts with the literal, then the value; `0x%x`: hex digits after a `0x`
  // written out, since %x itself reads none (it stops at the `x`)
  const hexMark = parts[0].text === '0x' && values[0]?.kind === 'hex';
  if (parts.length === 2 && !parts[0].directive && values.length === 1 && (/^[A-Za-z][\w-]*$/.test(parts[0].text) || hexMark)) return { ...values[0], prefix: parts[0].text };
  const glued = gluedPiece(parts, values);
  if (glued) return { kind: 'string', glued };
  // other shapes (`%U:%d` over an IPv6 address, whose colons the `:` cannot be told from): any word
  return { kind: 'string' };
}

/** Characters each value kind may hold, besides letters and digits. */
const PUNCTUATION_IN: Partial<Record<ValueSpec['kind'], string>> = { uint: '+', int: '+-', hex: '', number: '', ip4: '.', ip6: ':.', ip: ':.', 'ip-protocol': '_', ethertype: '_' };

/**
 * `%U:%u` (an address and its port), `%u-%u`: values with punctuation between them, written as one
 * word, each part keeping its shape (values.ts reads it by `glued`). Only where no value may hold the
 * punctuation after it, so that the word splits one way. VPP skips blanks before each `%` element,
 * so it also reads `10.0.0.1: 80`; such a spelling is not followed (a word of its own).
 */
function gluedPiece(parts: readonly { directive?: string; text: string }[], values: readonly ValueSpec[]): ValueSpec[] | undefined {
  if (!parts[0].directive || !parts[parts.length - 1].directive) return undefined;
  const out: ValueSpec[] = [];
  let v = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.directive) {
      const value = values[v++];
      const next = parts[k + 1];
      if (!value || (k > 0 && parts[k - 1].directive)) return undefined;
      const holds = PUNCTUATION_IN[value.kind];
      if (holds === undefined || value.prefix !== undefined) return undefined;
      if (next && [...next.text].some((c) => holds.includes(c))) return undefined;
      out.push(value);
    } else {
      if (!/^[^A-Za-z0-9\s%]+$/.test(p.text)) return undefined;
      out.push({ kind: 'enum', values: [p.text] });
    }
  }
  return v === values.length ? out : undefined;
}

/** `ip4`, `udp|tcp`, and for values written as one word their parts: `ip4-ip4`. */
function valueName(v: ValueSpec): string {
  if (v.glued) return v.glued.map(valueName).join('');
  return v.kind === 'enum' ? (v.values ?? []).join('|') : v.kind;
}

/**
 * The name of a read argument: its keyword, or for a positional value its kinds (`ip4 ip4`), with
 * `#2`, `#3` ... on repeats. The reader and the schema both name arguments this way, so that
 * `required` groups in the data find their arguments.
 */
export function argName(keyword: string | undefined, values: readonly ValueSpec[], taken: Set<string>): string {
  const base = keyword ?? values.map(valueName).join(' ');
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}#${n}`;
  taken.add(name);
  return name;
}
