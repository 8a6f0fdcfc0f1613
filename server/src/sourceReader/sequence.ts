import type { ArgSpec, ReadCommandArgs } from '../schema/types';
import { addBranchArgs, ERROR_RETURN, flatten, lineInputSwitch, loose, READS_INPUT, readsFrom, returnsError, shortCond } from './branches';
import { normalizeSpace, type Statement } from './cText';
import type { UnformatResolver } from './formatString';

/**
 * Reads a command function that reads its arguments once each, in order, without a loop:
 *
 *     if (!unformat_user (input, unformat_vnet_sw_interface, vnm, &sw_if_index))
 *       return clib_error_return (0, "unknown interface `%U'", ...);
 *     if (unformat (input, "up")) ... else if (unformat (input, "down")) ... else return error;
 *
 * A read whose failure returns an error is required; the others are optional. VPP never looks at
 * what follows the last read, so the words left over are no error (`ignoresRest`).
 */
export function readSequence(reads: readonly Statement[], inputName: string, resolve: UnformatResolver, all: readonly Statement[] = [], requiredReads: RequiredRead[] = []): ReadCommandArgs {
  let input = inputName;
  const args: ArgSpec[] = [];
  const names = new Set<string>();
  const required: string[][] = [];
  const choices: string[][] = [];
  let bareIsNoop = false;
  let refusesWords = false;
  const readsInput = (s: Statement) => readsFrom(s.text, input);
  for (const read of reads) {
    const s = read.kind === 'if' ? { ...read, cond: withoutEndCheck(normalizeSpace(read.cond), input) } : read;
    if (s.kind === 'if') {
      const cond = s.cond;
      // `if (unformat_check_input (input) == UNFORMAT_END_OF_INPUT) return error;` only refuses the
      // bare line (set sr encaps hop-limit), which the required reads after it refuse as well
      if (!s.else && s.cond === '' && ERROR_RETURN.test(s.then.text) && !readsInput(s.then)) continue;
      const switched = /unformat_user ?\( ?(\w+) ?, ?unformat_line_input ?, ?&?(\w+) ?\)/.exec(cond);
      if (switched && switched[1] === input && args.length === 0) {
        const bare = lineInputSwitch(s, switched[2]);
        if (bare === undefined || bare === 'unclear') return loose('reads its line input in a way this reader does not follow');
        if (bare === 'noop') bareIsNoop = true;
        // `if (!unformat_user (input, unformat_line_input, line_input)) { ...; return 0; } else { error; goto done; }`
        // (show quic): any words at all are refused
        if (s.else && /^!/.test(cond) && ERROR_RETURN.test(s.else.text) && /\b(return|goto)\b/.test(s.else.text) && !readsFrom(s.else.text, switched[2])) refusesWords = true;
        input = switched[2];
        continue;
      }
      const before = args.length;
      const negated = /^!\s*(.*)$/.exec(cond);
      if (negated) {
        // `if (!unformat (input, "%s", &file)) { vlib_cli_output (...); return 0; }` (event-logger save):
        // `%s` fails only on an empty line, for which VPP prints and returns no error: optional
        if (!s.else && !readsInput(s.then) && !ERROR_RETURN.test(s.then.text) && /\breturn 0 ?;/.test(normalizeSpace(s.then.text))) {
          const problem = addBranchArgs(unwrap(negated[1]), input, resolve, args, names, false);
          if (problem) return loose(problem);
          if (args.slice(before).every((a) => !a.keyword && a.values?.length === 1 && a.values[0].kind === 'string' && !a.values[0].prefix && !a.values[0].glued)) continue;
          return loose(`what follows \`${shortCond(cond)}\` is not an error this reader recognises`);
        }
        // `if (!unformat (...)) return error;`: the read is required
        if (s.else || readsInput(s.then) || !ERROR_RETURN.test(s.then.text)) return loose(`what follows \`${shortCond(cond)}\` is not an error this reader recognises`);
        const problem = addBranchArgs(unwrap(negated[1]), input, resolve, args, names, false);
        if (problem) return loose(problem);
        required.push(args.slice(before).map((a) => a.name));
        requiredReads.push({ cond: unwrap(negated[1]), body: '', args: args.slice(before) });
        continue;
      }
      // `if (unformat (a)) ... else if (unformat (b)) ... [else return error;]`
      let at: Statement | undefined = s;
      while (at?.kind === 'if') {
        if (readsInput(at.then)) return loose(`the branch for \`${shortCond(at.cond)}\` reads further`);
        const problem = addBranchArgs(at.cond, input, resolve, args, names, false);
        if (problem) return loose(problem);
        at = at.else;
      }
      if (at && readsInput(at)) return loose(`the else after \`${shortCond(cond)}\` reads further`);
      if (at && ERROR_RETURN.test(at.text)) required.push(args.slice(before).map((a) => a.name));
      // `if (unformat (input, "msg %s", &msg)) { ...; return 0; } return clib_error_return (...);`
      // (selog emit-elog): each read returns, and when none reads VPP returns the error after them
      else if (!at && allArmsReturn(s) && errorReturn(all[all.indexOf(read) + 1])) required.push(args.slice(before).map((a) => a.name));
      // one branch of the chain is taken: `disable pop 1` leaves `pop 1` unread (l2_vtr.c)
      if (args.length - before > 1) choices.push(args.slice(before).map((a) => a.name));
      continue;
    }
    // a read whose result is not looked at: optional
    const call = /^(?:\(void\) ?)?(unformat(?:_user)? ?\(.*\));$/.exec(normalizeSpace(s.text));
    if (s.kind !== 'simple' || !call || READS_INPUT.test(call[1].replace(/^unformat(_user)? ?\(/, ''))) return loose('reads its arguments in a way this reader does not follow');
    const problem = addBranchArgs(call[1], input, resolve, args, names, false);
    if (problem) return loose(problem);
  }
  if (args.length === 0 && refusesWords) return { strict: true, args: [] };
  if (args.length === 0) return loose('reads its input in a way this reader does not follow');
  const result: ReadCommandArgs = { strict: true, args, order: 'sequence', ignoresRest: true };
  const groups = required.filter((g) => g.length > 0);
  if (groups.length) result.required = groups;
  if (choices.length) result.choices = choices;
  if (bareIsNoop) result.bareIsNoop = true;
  return result;
}

/** A read whose failure is an error, with the arguments it read: what a check after it may bound. */
export interface RequiredRead {
  cond: string;
  body: string;
  args: readonly ArgSpec[];
}

/** `(a || b)` without its outer parentheses. */
function unwrap(cond: string): string {
  const text = cond.trim();
  return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1).trim() : text;
}

/**
 * An end-of-input test beside a read: a read fails on an empty input anyway, so
 * `unformat_check_input (i) == UNFORMAT_END_OF_INPUT || !unformat (i, "%d", ...)` is the negated
 * read alone, and `unformat_check_input (i) != UNFORMAT_END_OF_INPUT && unformat (i, "disable")`
 * the read alone (set bridge-domain rewrite). The test alone becomes ''. Other mixes stay as written.
 */
function withoutEndCheck(cond: string, input: string): string {
  const check = `unformat_check_input ?\\( ?&?${input} ?\\) ?`;
  if (new RegExp(`^${check}== ?UNFORMAT_END_OF_INPUT$`).test(cond)) return '';
  const atEnd = new RegExp(`^${check}== ?UNFORMAT_END_OF_INPUT ?\\|\\| ?(!.*)$`).exec(cond);
  if (atEnd && !/\|\||&&/.test(atEnd[1])) return atEnd[1];
  const notAtEnd = new RegExp(`^${check}!= ?(?:\\( ?uword ?\\) ?)?UNFORMAT_END_OF_INPUT ?&& ?([^!(].*)$`).exec(cond);
  if (notAtEnd && !/\|\||&&/.test(notAtEnd[1])) return notAtEnd[1];
  return cond;
}

/** Every arm of an `if / else if` chain ends in a plain `return` of no error, with no other jump before it. */
function allArmsReturn(s: Statement): boolean {
  for (let at: Statement | undefined = s; at?.kind === 'if'; at = at.else) {
    const list = flatten([at.then]);
    const last = list[list.length - 1];
    if (!last || last.kind !== 'simple' || !/^return(?: \(?\s*0\s*\)?)? ?;$/.test(normalizeSpace(last.text))) return false;
    if (list.slice(0, -1).some((x) => /\b(return|goto|break|continue)\b/.test(x.text))) return false;
  }
  return true;
}

function errorReturn(s: Statement | undefined): boolean {
  return s?.kind === 'simple' && returnsError(normalizeSpace(s.text));
}
