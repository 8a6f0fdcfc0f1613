import type { ArgSpec, ReadCommandArgs, ValueSpec } from '../schema/types';
import { balancedParens, normalizeSpace, skipLiteral, splitTopLevel, stringLiteralValue, type Statement } from './cText';
import { argName, formatWords, type FormatWord, type UnformatResolver } from './formatString';

/** What a loop and a fixed sequence of reads share: one `unformat` call read as arguments. */

export const READS_INPUT = /\bunformat(_user|_check_input)?\s*\(/;
export const ERROR_RETURN = /\bclib_error_return\w*\s*\(|\bclib_error_create\s*\(|\bunformat_parse_error\s*\(/;

/** Whether a statement's text returns an error made where it returns (`return clib_error_return (...);`). */
export function returnsError(text: string): boolean {
  return /^return\b/.test(text) && ERROR_RETURN.test(text);
}

/** Whether `text` reads from `input` (`unformat_free` and `unformat_parse_error`, which reports where it stopped, do not read). */
export function readsFrom(text: string, input: string): boolean {
  return new RegExp(`\\bunformat(?!_free\\b|_parse_error\\b)\\w*\\s*\\(\\s*&?${input}\\b`).test(text);
}

export function loose(reason: string): ReadCommandArgs {
  return { strict: false, reason, args: [] };
}

/** Top-level statements with the bodies of plain blocks opened up (not those of ifs and loops). */
export function flatten(statements: readonly Statement[]): Statement[] {
  return statements.flatMap((s) => (s.kind === 'block' ? flatten(s.body) : [s]));
}

/**
 * `if (!unformat_user (input, unformat_line_input, line_input)) return ...`: what VPP does with a
 * bare command (`noop` or `refused`), `unclear`, or undefined when the statement is something else.
 */
export function lineInputSwitch(s: Statement, lineInput: string): 'noop' | 'refused' | 'unclear' | undefined {
  const text = normalizeSpace(s.text);
  if (s.kind !== 'if' || !new RegExp(`unformat_user ?\\( ?\\w+ ?, ?unformat_line_input ?, ?&?${lineInput} ?\\)`).test(text)) return undefined;
  const then = s.then.text;
  if (/clib_error_return|clib_error_create/.test(then)) return 'refused';
  // `return 0;`, or `goto no_input;` to run with the defaults: either way no error
  if (/\b(return|goto)\b/.test(then) && !/clib_error|\berror\s*=/.test(then)) return 'noop';
  return 'unclear';
}

/**
 * Adds the arguments a condition reads (each side of a `||` is a spelling of its own) to `args`;
 * returns why it is not understood, if it is not.
 */
export function addBranchArgs(
  cond: string,
  input: string,
  resolve: UnformatResolver,
  args: ArgSpec[],
  names: Set<string>,
  inLoop: boolean,
  /** Values the branch body goes on to read, one list per way (`gso-enabled` then `gso-size %u`). */
  then: readonly (readonly ValueSpec[])[] = [[]],
): string | undefined {
  for (const alternative of splitTopLevel(cond, '||')) {
    const read = branchArg(alternative, input, resolve);
    if (typeof read === 'string') return read;
    const extended = read.flatMap((arg) => then.map((more) => (more.length ? { ...arg, values: [...(arg.values ?? []), ...more] } : arg)));
    for (const arg of extended) {
      // in a loop, the same words read again by a later branch never match (the first one does);
      // in a sequence, each read takes the next words
      if (inLoop && args.some((a) => a.keyword === arg.keyword && sameValues(a.values, arg.values))) continue;
      arg.name = argName(arg.keyword, arg.values ?? [], names);
      args.push(arg);
    }
  }
  return undefined;
}

export function shortCond(cond: string): string {
  const text = normalizeSpace(cond);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

/** The argument one branch's condition reads, or why it is not understood. */
function branchArg(cond: string, input: string, resolve: UnformatResolver): ArgSpec[] | string {
  const text = unguarded(normalizeSpace(cond), input);
  const call = /^(unformat|unformat_user) ?\(([\s\S]*)\)$/.exec(text);
  if (!call || !balancedParens(call[2])) return `a branch tests \`${shortCond(cond)}\``;
  const params = splitTopLevel(call[2]);
  if (params[0]?.replace(/^&/, '') !== input) return `a branch reads another input: \`${shortCond(cond)}\``;
  let format: string | undefined;
  let fns: string[];
  if (call[1] === 'unformat') {
    format = stringLiteralValue(params[1] ?? '');
    if (format === undefined) return `a format that is not a string literal: \`${shortCond(cond)}\``;
    fns = params.slice(2).filter((p) => /^(?:\w+_)?unformat_\w+$/.test(p));
  } else {
    format = '%U';
    fns = [params[1] ?? ''];
  }
  const ways = formatWords(format, fns, resolve);
  if (!ways) return `a format this reader does not follow: \`${format}\``;
  const args: ArgSpec[] = [];
  for (const words of ways) {
    const unknown = words.find((w) => 'unknown' in w);
    if (unknown && 'unknown' in unknown) return `\`${unknown.unknown}\` is not understood (in \`${format}\`)`;
    // `unformat (input, "")` only skips blanks
    if (words.length > 0) args.push(...wordsArgs(words));
  }
  return args;
}

/** The argument one way of reading a format stands for, written with and without optional blanks. */
function wordsArgs(words: readonly FormatWord[]): ArgSpec[] {
  const keyword: string[] = [];
  const values: ValueSpec[] = [];
  for (const w of words) {
    if ('literal' in w && values.length === 0) keyword.push(w.literal);
    else if ('literal' in w) values.push({ kind: 'enum', values: [w.literal] });
    else if ('value' in w) values.push(w.value);
  }
  const spaced: ArgSpec = keyword.length ? { name: '', keyword: keyword.join(' '), doc: '' } : { name: '', doc: '' };
  if (values.length) spaced.values = values;
  return [spaced, ...gluedValues(values).map((glued) => ({ ...spaced, values: glued }))];
}

const PUNCTUATION = /^[^A-Za-z0-9]+$/;
const isPunctuation = (v: ValueSpec) => v.kind === 'enum' && v.values?.length === 1 && PUNCTUATION.test(v.values[0]);

/**
 * VPP skips blanks before each element of a format, so `%U - %U` also reads `10.0.0.1-10.0.0.9`
 * as one word: the values around a punctuation literal, written without blanks, as one word.
 */
function gluedValues(values: readonly ValueSpec[]): ValueSpec[][] {
  const joints = values.map((v, i) => i).filter((i) => i > 0 && i + 1 < values.length && isPunctuation(values[i]) && !isPunctuation(values[i - 1]) && !isPunctuation(values[i + 1]));
  if (joints.length === 0 || joints.length > 3) return [];
  // every way of writing each joint with or without blanks, but the all-blanks one (`values` itself)
  const out: ValueSpec[][] = [];
  for (let mask = 1; mask < 1 << joints.length; mask++) {
    const glued = new Set(joints.filter((_, k) => mask & (1 << k)));
    const variant: ValueSpec[] = [];
    for (let i = 0; i < values.length; i++) {
      if (glued.has(i + 1)) {
        const from = i;
        i += 2;
        // a glued value may go on: `%d.%d.%d` written without blanks
        while (glued.has(i + 1)) i += 2;
        variant.push({ kind: 'string', glued: values.slice(from, i + 1) });
      } else variant.push(values[i]);
    }
    out.push(variant);
  }
  return out;
}

/**
 * `(mode == LACP || mode == XOR) && unformat (i, "load-balance %U", ...)`: the read, without the
 * guard on what was read before. We accept the words whatever the guard says (a miss, never a
 * false error: when the guard is false VPP refuses them).
 */
function unguarded(cond: string, input: string): string {
  const parts = splitTopLevel(cond, '&&');
  if (parts.length < 2) return cond;
  const reads = parts.filter((p) => readsFrom(p, input));
  return reads.length === 1 && reads[0] === parts[parts.length - 1] ? reads[0].trim() : cond;
}

function sameValues(a: readonly ValueSpec[] | undefined, b: readonly ValueSpec[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Ways of reading after a branch past this many are not followed. */
const MAX_WAYS = 16;

/**
 * What a branch body reads after its condition: one more chain of reads right there, each branch of
 * which may read on in the same way (`worker %u` then `crypto` then `on` or `off`):
 * `if (unformat (i, "gso-size %u", &n)) ; else return clib_error_create (...)` (required), without the
 * else or with an else that only sets state (optional), or `if (!unformat (...)) return error;`.
 * Each way is the values it adds, its literal words as one-word enums.
 */
export function readsAfterBranch(body: Statement, input: string, resolve: UnformatResolver, depth = 0): ValueSpec[][] | string {
  const reads = flatten([body]).filter((s) => readsFrom(s.text, input));
  if (reads.length === 0) return [[]];
  const s = reads[0];
  const further = 'reads further';
  if (reads.length > 1) return optionalReads(reads, input, resolve) ?? further;
  if (s.kind !== 'if' || depth > 3) return further;
  const negated = /^!\s*(.*)$/.exec(normalizeSpace(s.cond));
  if (negated) {
    if (s.else || readsFrom(s.then.text, input) || !ERROR_RETURN.test(s.then.text)) return further;
    return condWays(negated[1].replace(/^\((.*)\)$/, '$1'), input, resolve);
  }
  const ways: ValueSpec[][] = [];
  let at: Statement | undefined = s;
  while (at?.kind === 'if') {
    const read = condWays(at.cond, input, resolve);
    if (typeof read === 'string') return read;
    const then = readsAfterBranch(at.then, input, resolve, depth + 1);
    if (typeof then === 'string') return then;
    for (const first of read) for (const more of then) ways.push([...first, ...more]);
    at = at.else;
  }
  // no else, or one that sets state: the read is optional; an else that refuses makes it required
  if (!at) ways.push([]);
  else if (readsFrom(at.text, input)) return further;
  else if (!ERROR_RETURN.test(at.text)) {
    if (/\b(break|return|goto)\b/.test(at.text)) return further;
    ways.push([]);
  }
  return ways.length > MAX_WAYS ? further : ways;
}

/** The ways one condition reads (each side of a `||`), as values. */
function condWays(cond: string, input: string, resolve: UnformatResolver): ValueSpec[][] | string {
  const args: ArgSpec[] = [];
  const problem = addBranchArgs(cond, input, resolve, args, new Set(), true);
  if (problem) return problem;
  return args.map((a): ValueSpec[] => [...(a.keyword?.split(' ') ?? []).map((w): ValueSpec => ({ kind: 'enum', values: [w] })), ...(a.values ?? [])]);
}

/**
 * `unformat (line_input, "inside vrf %u", &in); unformat (line_input, "outside vrf %u", &out);`:
 * reads whose result nobody looks at, each optional, in this order.
 */
function optionalReads(reads: readonly Statement[], input: string, resolve: UnformatResolver): ValueSpec[][] | undefined {
  let ways: ValueSpec[][] = [[]];
  for (const s of reads) {
    const call = /^(?:\(void\) ?)?(unformat(?:_user)? ?\(.*\));$/.exec(normalizeSpace(s.text));
    if (s.kind !== 'simple' || !call) return undefined;
    const read = condWays(call[1], input, resolve);
    if (typeof read === 'string') return undefined;
    ways = ways.flatMap((way) => [way, ...read.map((r) => [...way, ...r])]);
    if (ways.length > MAX_WAYS) return undefined;
  }
  return ways;
}
