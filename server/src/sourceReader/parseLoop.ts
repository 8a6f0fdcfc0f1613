import { markLookedUpAfterLoop } from './lookedUpAfterLoop';
import type { ArgSpec, ReadCommandArgs } from '../schema/types';
import { addBranchArgs, ERROR_RETURN, flatten, lineInputSwitch, loose, READS_INPUT, readsAfterBranch, readsFrom, shortCond } from './branches';
import { normalizeSpace, parseStatements, withoutLiterals, type Statement } from './cText';
import type { UnformatResolver } from './formatString';
import { loopChain, openLineInputBlocks, requiredRead } from './loopBody';
import { NO_ENUMS, type EnumConstants } from './enumConstants';
import { requiredAfterLoop, type ReadBranch } from './requiredAfterLoop';
import { membersResetOnExit } from './resetMembers';
import { inlineCalleeChecks } from './calleeChecks';
import { rangeArgs, withRanges } from './rangeChecks';
import { branchRangeArgs, type BranchRead } from './branchRanges';
import type { CFunction } from './registrations';
import { readSequence, type RequiredRead } from './sequence';
import { withSequenceRanges } from './sequenceRanges';
import { readSequenceThenLoop } from './sequenceLoop';
import { markOrderedValues } from './orderedValues';
import { OnceGroups } from './readOnce';

/**
 * Reads a CLI command function the way VPP runs it: the `unformat` calls of its
 * `while (unformat_check_input (i) != UNFORMAT_END_OF_INPUT)` loop become `ArgSpec`s, and the
 * command is strict only when every branch was understood and the loop refuses what no branch
 * reads. Anything else leaves it loose, with the reason.
 */
export function readCommandFunction(body: string, inputName: string, resolve: UnformatResolver, functions?: ReadonlyMap<string, CFunction>, enums: EnumConstants = NO_ENUMS): ReadCommandArgs {
  const statements = parseStatements(body);
  if (!statements) return loose('the function body is C this reader does not follow');
  if (!usesInput(body, inputName)) return { strict: true, args: [], readsNoArgs: true };
  // `if (session_sdl_is_enabled () == 0) { unformat_skip_line (input); ... }`: in some state VPP
  // takes any words without reading them, which no reading of the loop can say
  if (new RegExp(`\\bunformat_skip_line\\s*\\(\\s*${inputName}\\b`).test(body)) return loose('skips the whole line in some state, whatever it holds');
  const flat = openLineInputBlocks(flatten(statements), inputName);
  const loops = flat.filter((s): s is Extract<Statement, { kind: 'loop' }> => s.kind === 'loop' && INPUT_LOOP.test(normalizeSpace(s.cond)));
  const reads = flat.filter((s) => READS_INPUT.test(s.text) && s.kind !== 'loop');
  if (loops.length === 0) {
    // `while (!unformat_eof (input, NULL)) { if (unformat (input, "repeat")) ... }` (arping): a loop
    // of another shape reads the words after the sequence, which the sequence alone would refuse
    const other = readSequenceThenLoop(flat, inputName, resolve, leavesLoop);
    if (other) return other;
    if (reads.length > 0 && refusesAnyInput(reads[0], inputName)) return { strict: true, args: [] };
    if (reads.length === 0 && discardsLine(body, inputName)) return { strict: true, args: [], order: 'sequence', ignoresRest: true };
    const requiredReads: RequiredRead[] = [];
    return withSequenceRanges(readSequence(reads, inputName, resolve, flat, requiredReads), flat, reads, requiredReads);
  }
  if (loops.length > 1) return loose('reads its input in more than one loop');
  const loop = loops[0];
  const input = INPUT_LOOP.exec(normalizeSpace(loop.cond))![1];
  if (input !== inputName && !new RegExp(`unformat_user ?\\( ?${inputName} ?, ?unformat_line_input ?, ?&?${input} ?\\)`).test(normalizeSpace(body))) {
    return loose(`loops over \`${input}\`, which is not the command's input`);
  }

  // before the loop only `unformat_user (input, unformat_line_input, line_input)` and reads whose
  // failure is an error (the first, required, words of the line) may read
  const at = flat.indexOf(loop);
  let bareIsNoop: boolean | undefined;
  let bareRefused = false;
  const args: ArgSpec[] = [];
  const names = new Set<string>();
  const requiredFirst: string[][] = [];
  for (const s of reads) {
    const bare = lineInputSwitch(s, input);
    if (bare === undefined) {
      const first = flat.indexOf(s) < at ? requiredRead(s, input) : undefined;
      if (first === undefined) return loose('reads arguments outside its loop');
      const before = args.length;
      const problem = addBranchArgs(first, input, resolve, args, names, false);
      if (problem) return loose(problem);
      requiredFirst.push(args.slice(before).map((a) => a.name));
      continue;
    }
    if (bare === 'unclear') return loose('reads its line input in a way this reader does not follow');
    if (bare === 'noop') bareIsNoop = true;
    else bareRefused = true;
  }

  const chain = loopChain(loop.body, input);
  if (typeof chain === 'string') return loose(chain);
  const read: ReadBranch[] = [];
  const checked: BranchRead[] = [];
  const once = new OnceGroups(loop.body);
  for (const branch of chain.branches) {
    const body = branch.body.text;
    // a guard (`else if (!enable_set) { enable_set = 1; if (unformat (i, "enable")) ... }`) reads
    // the words of its inner chain, or none, after which the loop goes on: each is one more branch
    const then = branch.guarded ? [[]] : readsFrom(body, input) ? readsAfterBranch(branch.body, input, resolve) : [[]];
    if (typeof then === 'string') return loose(`the branch for \`${shortCond(branch.cond)}\` ${then}`);
    // `break`, `goto` or `return` in a branch: VPP reads nothing after this argument
    const leaves = leavesLoop(branch.body);
    if (leaves === 'maybe') return loose(`the branch for \`${shortCond(branch.cond)}\` may or may not leave the loop`);
    const before = args.length;
    for (const cond of branch.guarded ?? [branch.cond]) {
      const problem = addBranchArgs(cond, input, resolve, args, names, true, then);
      if (problem) return loose(problem);
    }
    if (leaves) for (const arg of args.slice(before)) arg.endsInput = true;
    once.add(branch, args.slice(before));
    if (!branch.guarded) markOrderedValues(branch.cond, branch.body, args.slice(before), flat.slice(0, at));
    // a guard's own test (`!enable_set`) is not what sets its flag: the words it reads are
    read.push({ cond: branch.guarded ? branch.guarded.join(' || ') : branch.cond, body, args: args.slice(before) });
    if (!branch.guarded) checked.push({ cond: branch.cond, body: branch.body, args: args.slice(before) });
  }
  markLookedUpAfterLoop(read, flat.slice(at + 1));
  // `unformat (i, ",")`: VPP reads `47,` as a number and a comma; we read words, so we cannot follow
  const separator = args.find((a) => a.keyword && /^[^A-Za-z0-9]+$/.test(a.keyword));
  if (separator) return loose(`reads \`${separator.keyword}\` as a word of its own, which may also end the word before it`);
  const final = chain.final;
  const reason = finalElseReason(final, flat.slice(at + 1));
  // the helpers the command hands its values to check some of them first (calleeChecks.ts)
  // a global's member the command resets on its way out starts every run at 0 (resetMembers.ts)
  const reset = membersResetOnExit(flat.slice(0, at), flat.slice(at), functions, body);
  const withCalleeChecks = (list: readonly Statement[]) => inlineCalleeChecks(list, functions, flat.slice(0, at));
  const afterLoop = requiredAfterLoop(flat.slice(0, at), withCalleeChecks(flat.slice(at + 1)), read, enums, withCalleeChecks, reset);
  const required = [...requiredFirst, ...afterLoop.required];
  const refuses = afterLoop.refuses;
  const stops = reason === STOPS_AT_UNKNOWN;
  // a bare line is refused, but one with a word no branch reads is not when the loop stops there;
  // however many arguments the loop reads (VPP 26.06 refused `nat44 add static mapping` alone)
  // a loop that stops at an unknown word still has VPP refuse the bare line (VPP 24.10 and 26.06
  // refused `set interface bond` alone: "Missing required arguments.")
  // (a required group already refuses the bare line: one error for it, as VPP gives one)
  if (bareRefused && args.length > 0 && required.length === 0) required.unshift(args.map((a) => a.name));
  // `vlib_cli_output (...); goto done;` on an unknown word jumps over the checks after the loop too
  if (stops && final && leavesQuietly(final) && /\b(goto|return)\b/.test(final.text)) required.length = refuses.length = 0;
  // a value that takes the rest of the line (a route path) also takes any argument written after it:
  // which were given is then not known, and the analysis checks these only on lines without it
  // a loop that refuses unknown words never reads a keyword an earlier keyword begins
  const shadowed = reason && !stops ? new Set<string>() : shadowedKeywords(args);
  if (shadowed.size && !refuses.some((r) => JSON.stringify(r).match(/"([^"]+)"/g)?.some((q) => shadowed.has(q.slice(1, -1))))) {
    args.splice(0, args.length, ...args.filter((a) => !shadowed.has(a.name)));
    const kept = required.map((g) => g.filter((name) => !shadowed.has(name))).filter((g) => g.length > 0);
    required.splice(0, required.length, ...kept);
  }
  const bounds = [...rangeArgs(afterLoop.ranges, flat.slice(0, at), read), ...branchRangeArgs(checked, flat.slice(0, at), (v) => returnedAfter(v, flat.slice(at + 1)))];
  const ranged = withRanges(args, bounds);
  const result: ReadCommandArgs = { strict: !reason || stops, args: ranged };
  if (reason && !stops) result.reason = reason;
  if (stops) result.ignoresRest = true;
  // the bare line refused before the loop and a check after it may ask for the same group (`set nat workers`)
  if (required.length) result.required = required.filter((g, i) => required.findIndex((h) => JSON.stringify(h) === JSON.stringify(g)) === i);
  if (refuses.length) result.refuses = refuses;
  if (bareIsNoop) result.bareIsNoop = true;
  const readOnce = once.groups(chain.branches, new Set(ranged.map((a) => a.name)));
  if (readOnce.length && result.strict) result.readOnce = readOnce;
  return withReadsFirst(result, requiredFirst);
}

/**
 * The words a function reads once before its loop, each required (`if (!unformat (line_input, "%U",
 * unformat_ip_prefix, &pfx)) return ...error`), come first, once: the loop never reads them again
 * (VPP 26.06 stopped at the second prefix of `cnat client add 10.9.0.1/24 10.9.0.1/24 fib`). A
 * sequence of them, then the loop from `loopFrom` on.
 */
function withReadsFirst(result: ReadCommandArgs, requiredFirst: readonly string[][]): ReadCommandArgs {
  const names = requiredFirst.flat();
  if (names.length === 0 || !result.strict || result.reason) return result;
  // only when they are still the first arguments, in the order read
  if (!names.every((name, i) => result.args[i]?.name === name)) return result;
  const choices = requiredFirst.filter((g) => g.length > 1);
  return { ...result, order: 'sequence', loopFrom: names.length, ...(choices.length ? { choices: [...(result.choices ?? []), ...choices] } : {}) };
}

/**
 * Whether the function body touches its input at all: the name in a string (`"input instances:"`)
 * or cast away (`(void) input;`, sfdp's expiry commands) is no use.
 */
function usesInput(body: string, inputName: string): boolean {
  const code = withoutLiterals(body).replace(new RegExp(`\\(\\s*void\\s*\\)\\s*${inputName}\\s*;`, 'g'), '');
  return new RegExp(`\\b${inputName}\\b`).test(code);
}

const INPUT_LOOP = /^unformat_check_input ?\( ?&?(\w+) ?\) != (?:\( ?uword ?\) ?)?UNFORMAT_END_OF_INPUT$/;

/** `if (unformat_check_input (input) != UNFORMAT_END_OF_INPUT) return clib_error_return (...)`. */
function refusesAnyInput(stmt: Statement, input: string): boolean {
  return stmt.kind === 'if' && !stmt.else && new RegExp(`^unformat_check_input ?\\( ?&?${input} ?\\) != (?:\\( ?uword ?\\) ?)?UNFORMAT_END_OF_INPUT$`).test(normalizeSpace(stmt.cond)) && ERROR_RETURN.test(stmt.then.text);
}

/**
 * `if (unformat_user (input, unformat_line_input, line_input)) unformat_free (line_input);` and no
 * other use of either (show crypto engines): VPP takes the whole line and never looks at it, so any
 * words are accepted, and ignored. Any other use of the line input (handed to a helper, printed)
 * is not this.
 */
function discardsLine(body: string, inputName: string): boolean {
  const text = normalizeSpace(withoutLiterals(body));
  const inputUses = text.match(new RegExp(`\\b${inputName}\\b`, 'g')) ?? [];
  const take = new RegExp(`unformat_user ?\\( ?${inputName} ?, ?unformat_line_input ?, ?&?(\\w+) ?\\)`).exec(text);
  if (!take || inputUses.length !== 1) return false;
  const line = take[1];
  const lineUses = (text.match(new RegExp(`\\b${line}\\b`, 'g')) ?? []).length;
  const declared = (text.match(new RegExp(`\\* ?${line} ?= ?& ?_${line}\\b`, 'g')) ?? []).length;
  const freed = (text.match(new RegExp(`\\bunformat_free ?\\( ?${line} ?\\)`, 'g')) ?? []).length;
  return lineUses === 1 + declared + freed;
}

const LEAVES = /\b(break|goto|return)\b/;

/**
 * Whether a branch body always leaves the loop (`true`), never does (`false`), or only sometimes
 * (`maybe`). Leaving only to report an error counts as never: the command then fails anyway.
 */
function leavesLoop(body: Statement): boolean | 'maybe' {
  if (!LEAVES.test(body.text)) return false;
  for (const s of flatten([body])) {
    if (s.kind === 'simple' && LEAVES.test(s.text)) return true;
    if (s.kind === 'loop' && LEAVES.test(s.text)) return 'maybe';
    if (s.kind === 'if' && LEAVES.test(s.text) && !ERROR_RETURN.test(s.text)) return 'maybe';
  }
  return false;
}

/** The first statement after the loop that mentions `variable` is `return variable;` or `if (variable) return / goto ...`. */
function returnedAfter(variable: string, after: readonly Statement[]): boolean {
  const escaped = variable.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  // statements that only write the variable (`error = clib_error_return (...); goto done;`) do not read it
  const mentions = (text: string) => [...text.matchAll(new RegExp(`(^|[^\\w.>])${escaped}\\b(?!\\s*=[^=])`, 'g'))].length > 0;
  const first = after.find((s) => mentions(s.text));
  if (!first) return false;
  if (first.kind === 'simple') return normalizeSpace(first.text).replace(/[\s()]/g, '') === `return${variable};`;
  // `if (error) ; else if ...` or `if (!err) { ... }`, and the function ends with `return error;`:
  // what follows runs only without an error, and the error is what the function returns
  const cond = first.kind === 'if' ? normalizeSpace(first.cond).replace(/\s/g, '') : '';
  const last = after[after.length - 1];
  const endsReturning = last?.kind === 'simple' && normalizeSpace(last.text).replace(/[\s()]/g, '') === `return${variable};`;
  if (first.kind === 'if' && endsReturning && ((cond === variable && /^;?$/.test(first.then.text.trim())) || (cond === `!${variable}` && !mentions(first.then.text)))) return true;
  return first.kind === 'if' && normalizeSpace(first.cond).replace(/\s/g, '') === variable && /\b(return|goto)\b/.test(first.then.text);
}

const STOPS_AT_UNKNOWN = 'stops at the first word it does not know and ignores the rest (else break)';

function finalElseReason(final: Statement | undefined, after: readonly Statement[]): string | undefined {
  if (!final) return 'no final else: VPP would loop on an unknown word';
  const text = final.text;
  const code = text.replace(/"(\\.|[^"\\])*"/g, '""');
  // an error on every unknown word: not one that depends on a condition, nor a break beside it
  if (ERROR_RETURN.test(text) && !/\b(if|break|switch|while|for)\b|\?/.test(code)) return undefined;
  // `error = clib_error_return (...); break;` and after the loop `if (error) return error;`
  const kept = /([\w.>-]+)\s*=\s*(?:clib_error_(?:return|create)\w*|unformat_parse_error)\s*\(/.exec(code);
  if (kept && /\bbreak\s*;/.test(code) && !/\b(if|switch|while|for|return|goto)\b/.test(code) && returnedAfter(kept[1].replace(/\s/g, ''), after)) return undefined;
  // `break` alone, or beside a warning or an error nobody returns: VPP stops there without an error
  if (/\bbreak\s*;/.test(code) && !/\b(if|switch|while|for|return|goto)\b|=/.test(code)) {
    // unless the loop is followed by an error every good branch jumps over (`goto done`): ikev2's
    // `r = clib_error_return (0, "parse error ...")` (VPP 26.06 refused `ikev2 profile set ... strng`)
    const next = after[0]?.text.replace(/"(\\.|[^"\\])*"/g, '""') ?? '';
    if (!/^\s*(if|switch|while|for)\b/.test(next) && (ERROR_RETURN.test(next) || /^\s*[\w.>-]+\s*=\s*clib_error_(?:return|create)\w*\s*\(/.test(next))) return undefined;
    return STOPS_AT_UNKNOWN;
  }
  // `vlib_cli_output (vm, "parse error ..."); goto done;`: VPP prints it but returns no error, so a
  // script goes on; what it did is stop at the word
  if (leavesQuietly(final)) return STOPS_AT_UNKNOWN;
  return 'what the final else does with an unknown word is not an error this reader recognises';
}


/** Output calls, then `goto label;`, `break;` or `return` without an error: nothing else. */
function leavesQuietly(final: Statement): boolean {
  const statements = flatten([final]);
  const last = statements[statements.length - 1];
  if (!last || last.kind !== 'simple' || !/^(goto \w+|break|return(?: \(?(?:0|NULL)\)?)?);$/.test(normalizeSpace(last.text))) return false;
  return statements.slice(0, -1).every((s) => s.kind === 'simple' && /^(vlib_cli_output|clib_warning|unformat_free|vec_free) ?\(/.test(normalizeSpace(s.text)) && !/clib_error/.test(s.text));
}

/**
 * Keywords VPP never reads because an earlier branch reads only a keyword that begins them: unformat
 * matches a literal against the start of the input without asking for the word to end (unformat.c's
 * match_input_with_format), so `dnat` takes `dnat-only` and leaves `-only`, which the loop refuses
 * (VPP 26.06, `set cnat snat-policy dnat-only`).
 */
function shadowedKeywords(args: readonly ArgSpec[]): Set<string> {
  const out = new Set<string>();
  args.forEach((early, i) => {
    if (!early.keyword || early.values?.length) return;
    const head = early.keyword.split(' ');
    for (const late of args.slice(i + 1)) {
      const words = late.keyword?.split(' ');
      if (!words || words.length < head.length) continue;
      const at = head.length - 1;
      if (words.slice(0, at).join(' ') === head.slice(0, at).join(' ') && words[at] !== head[at] && words[at].startsWith(head[at])) out.add(late.name);
    }
  });
  return out;
}

