import type { ArgSpec, ReadCommandArgs, ValueSpec } from '../schema/types';
import { normalizeSpace, parseStatements, skipLiteral, splitTopLevel, stringLiteralValue, type Statement } from './cText';
import { argName, formatWords, type UnformatResolver } from './formatString';

/**
 * Reads a CLI command function the way VPP runs it: the `unformat` calls of its
 * `while (unformat_check_input (i) != UNFORMAT_END_OF_INPUT)` loop become `ArgSpec`s, and the
 * command is strict only when every branch was understood and the loop refuses what no branch
 * reads. Anything else leaves it loose, with the reason.
 */
export function readCommandFunction(body: string, inputName: string, resolve: UnformatResolver): ReadCommandArgs {
  const statements = parseStatements(body);
  if (!statements) return loose('the function body is C this reader does not follow');
  if (!new RegExp(`\\b${inputName}\\b`).test(body)) return { strict: false, reason: 'reads no arguments: VPP ignores any words after the command', args: [], ignoresArgs: true };
  const flat = flatten(statements);
  const loops = flat.filter((s): s is Extract<Statement, { kind: 'loop' }> => s.kind === 'loop' && INPUT_LOOP.test(normalizeSpace(s.cond)));
  const reads = flat.filter((s) => READS_INPUT.test(s.text) && s.kind !== 'loop');
  if (loops.length === 0) {
    if (reads.length > 0 && refusesAnyInput(reads[0], inputName)) return { strict: true, args: [] };
    return loose('reads its arguments without a loop; VPP ignores what follows them');
  }
  if (loops.length > 1) return loose('reads its input in more than one loop');
  const loop = loops[0];
  const input = INPUT_LOOP.exec(normalizeSpace(loop.cond))![1];
  if (input !== inputName && !new RegExp(`unformat_user \\( ?${inputName} ?, ?unformat_line_input ?, ?&?${input} ?\\)`).test(normalizeSpace(body))) {
    return loose(`loops over \`${input}\`, which is not the command's input`);
  }

  // before the loop only `unformat_user (input, unformat_line_input, line_input)` may read
  let bareIsNoop: boolean | undefined;
  let bareRefused = false;
  for (const s of reads) {
    const text = normalizeSpace(s.text);
    const lineInput = new RegExp(`unformat_user \\( ?\\w+ ?, ?unformat_line_input ?, ?&?${input} ?\\)`).exec(text);
    if (lineInput && s.kind === 'if') {
      if (/return \(?0\)?;|return \(?error\)?;/.test(normalizeSpace(s.then.text)) && !/clib_error/.test(s.then.text)) bareIsNoop = true;
      else if (/clib_error_return|clib_error_create/.test(s.then.text)) bareRefused = true;
      else return loose('reads its line input in a way this reader does not follow');
      continue;
    }
    if (/\bunformat_free\b/.test(text) && !/\bunformat(_user)?\s*\(/.test(text.replace(/unformat_free/g, ''))) continue;
    return loose('reads arguments outside its loop');
  }

  const chain = ifChain(loop.body);
  if (!chain) return loose('the loop body is not a single if / else if chain');
  const args: ArgSpec[] = [];
  const names = new Set<string>();
  for (const branch of chain.branches) {
    if (new RegExp(`\\bunformat\\w*\\s*\\(\\s*${input}\\b`).test(branch.body.text) || /\bbreak\s*;/.test(branch.body.text)) {
      return loose(`the branch for \`${shortCond(branch.cond)}\` reads further or stops the loop`);
    }
    // `unformat (i, "delete") || unformat (i, "del")`: each spelling is an argument of its own
    for (const alternative of splitOr(branch.cond)) {
      const read = branchArg(alternative, input, resolve);
      if (typeof read === 'string') return loose(read);
      for (const arg of read) {
        // the same words read again in a later branch: the matcher, like VPP, takes the first whose values fit
        if (args.some((a) => a.keyword === arg.keyword && sameValues(a.values, arg.values))) continue;
        arg.name = argName(arg.keyword, arg.values ?? [], names);
        args.push(arg);
      }
    }
  }
  const final = chain.final;
  const reason = finalElseReason(final);
  const required = bareRefused && args.length > 0 && args.length <= 8 ? [args.map((a) => a.name)] : undefined;
  const result: ReadCommandArgs = { strict: !reason, args };
  if (reason) result.reason = reason;
  if (required) result.required = required;
  if (bareIsNoop) result.bareIsNoop = true;
  return result;
}

const INPUT_LOOP = /^unformat_check_input \( ?&?(\w+) ?\) != UNFORMAT_END_OF_INPUT$/;
const READS_INPUT = /\bunformat(_user|_check_input)?\s*\(/;
const ERROR_RETURN = /\bclib_error_return\w*\s*\(|\bclib_error_create\s*\(|\bunformat_parse_error\s*\(/;

/** `if (unformat_check_input (input) != UNFORMAT_END_OF_INPUT) return clib_error_return (...)`. */
function refusesAnyInput(stmt: Statement, input: string): boolean {
  return stmt.kind === 'if' && !stmt.else && new RegExp(`^unformat_check_input \\( ?&?${input} ?\\) != UNFORMAT_END_OF_INPUT$`).test(normalizeSpace(stmt.cond)) && ERROR_RETURN.test(stmt.then.text);
}

function loose(reason: string): ReadCommandArgs {
  return { strict: false, reason, args: [] };
}

/** Top-level statements with the bodies of plain blocks opened up (not those of ifs and loops). */
function flatten(statements: readonly Statement[]): Statement[] {
  return statements.flatMap((s) => (s.kind === 'block' ? flatten(s.body) : [s]));
}

interface Chain {
  branches: { cond: string; body: Statement }[];
  final?: Statement;
}

function ifChain(body: Statement): Chain | undefined {
  let stmt: Statement | undefined = body;
  while (stmt?.kind === 'block' && stmt.body.length === 1) stmt = stmt.body[0];
  if (stmt?.kind !== 'if') return undefined;
  const branches: Chain['branches'] = [];
  let at: Statement | undefined = stmt;
  while (at?.kind === 'if') {
    branches.push({ cond: at.cond, body: at.then });
    at = at.else;
  }
  return { branches, final: at };
}

function finalElseReason(final: Statement | undefined): string | undefined {
  if (!final) return 'no final else: VPP would loop on an unknown word';
  const text = final.text;
  if (ERROR_RETURN.test(text)) return undefined;
  if (/\bbreak\s*;/.test(text)) return 'stops at the first word it does not know and ignores the rest (else break)';
  return 'what the final else does with an unknown word is not an error this reader recognises';
}

function shortCond(cond: string): string {
  const text = normalizeSpace(cond);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

/** The argument one branch's condition reads, or why it is not understood. */
function branchArg(cond: string, input: string, resolve: UnformatResolver): ArgSpec[] | string {
  const text = normalizeSpace(cond);
  const call = /^(unformat|unformat_user) \(([\s\S]*)\)$/.exec(text);
  if (!call || !balanced(call[2])) return `a branch tests \`${shortCond(cond)}\``;
  const params = splitTopLevel(call[2]);
  if (params[0]?.replace(/^&/, '') !== input) return `a branch reads another input: \`${shortCond(cond)}\``;
  let format: string | undefined;
  let fns: string[];
  if (call[1] === 'unformat') {
    format = stringLiteralValue(params[1] ?? '');
    if (format === undefined) return `a format that is not a string literal: \`${shortCond(cond)}\``;
    fns = params.slice(2).filter((p) => /^unformat_\w+$/.test(p));
  } else {
    format = '%U';
    fns = [params[1] ?? ''];
  }
  const words = formatWords(format, fns, resolve);
  if (!words) return `a format this reader does not follow: \`${format}\``;
  if (words.length === 0) return `an empty format in \`${shortCond(cond)}\``;
  const unknown = words.find((w) => 'unknown' in w);
  if (unknown && 'unknown' in unknown) return `\`${unknown.unknown}\` is not understood (in \`${format}\`)`;
  const keyword: string[] = [];
  const values: ValueSpec[] = [];
  for (const w of words) {
    if ('literal' in w && values.length === 0) keyword.push(w.literal);
    else if ('literal' in w) values.push({ kind: 'enum', values: [w.literal] });
    else if ('value' in w) values.push(w.value);
  }
  const spaced: ArgSpec = keyword.length ? { name: '', keyword: keyword.join(' '), doc: '' } : { name: '', doc: '' };
  if (values.length) spaced.values = values;
  const glued = gluedValues(values);
  return glued ? [spaced, { ...spaced, values: glued }] : [spaced];
}

const PUNCTUATION = /^[^A-Za-z0-9]+$/;
const isPunctuation = (v: ValueSpec) => v.kind === 'enum' && v.values?.length === 1 && PUNCTUATION.test(v.values[0]);

/**
 * VPP skips blanks before each element of a format, so `%U - %U` also reads `10.0.0.1-10.0.0.9`
 * as one word: the values around a punctuation literal, written without blanks, as one word.
 */
function gluedValues(values: readonly ValueSpec[]): ValueSpec[] | undefined {
  if (!values.some(isPunctuation)) return undefined;
  const out: ValueSpec[] = [];
  for (let i = 0; i < values.length; i++) {
    if (isPunctuation(values[i + 1] ?? { kind: 'string' }) && !isPunctuation(values[i])) {
      while (i + 2 < values.length && isPunctuation(values[i + 1])) i += 2;
      out.push({ kind: 'string' });
    } else out.push(values[i]);
  }
  return out;
}

/** The operands of a top-level `||`. */
function splitOr(cond: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < cond.length; j++) {
    const c = cond[j];
    if (c === '"' || c === "'") j = skipLiteral(cond, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === '|' && cond[j + 1] === '|') {
      parts.push(cond.slice(start, j));
      start = j + 2;
      j++;
    }
  }
  parts.push(cond.slice(start));
  return parts.map((p) => p.trim());
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function sameValues(a: readonly ValueSpec[] | undefined, b: readonly ValueSpec[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}
