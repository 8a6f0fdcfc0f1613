import type { ArgSpec, ReadCommandArgs } from '../schema/types';
import { addBranchArgs, ERROR_RETURN, loose, READS_INPUT, readsAfterBranch, readsFrom, shortCond } from './branches';
import { normalizeSpace, type Statement } from './cText';
import type { UnformatResolver } from './formatString';
import { loopChain } from './loopBody';
import { readSequence } from './sequence';

/** `while (!unformat_eof (input, NULL))`: unformat_eof skips blanks and tests the end, as unformat_check_input does. */
const EOF_LOOP = /^! ?unformat_eof ?\( ?&?(\w+) ?, ?(?:NULL|0) ?\)$/;

/**
 * A function that reads its first words once each, in order, then the rest in a loop of its own
 * shape (arping: `[gratuitous] <addr> <intf>`, then `while (!unformat_eof (input, NULL))` over
 * `interval %f` and `repeat %u`, refusing any other word). The loop's arguments come after the
 * sequence's, from `loopFrom` on, in any order and as often as written. Undefined when the function
 * has no such loop; loose when it has one this reader does not follow.
 */
export function readSequenceThenLoop(flat: readonly Statement[], inputName: string, resolve: UnformatResolver, leavesLoop: (body: Statement) => boolean | 'maybe'): ReadCommandArgs | undefined {
  const readsInput = (s: Statement) => READS_INPUT.test(s.text) && readsFrom(s.text, inputName);
  const loop = flat.find((s): s is Extract<Statement, { kind: 'loop' }> => s.kind === 'loop' && readsInput(s));
  if (!loop) return undefined;
  const eof = EOF_LOOP.exec(normalizeSpace(loop.cond));
  const why = loose(`reads its input in a loop this reader does not follow (\`${shortCond(loop.cond)}\`)`);
  if (!eof || eof[1] !== inputName) return why;
  const at = flat.indexOf(loop);
  if (flat.slice(at + 1).some(readsInput) || flat.slice(0, at).some((s) => s.kind === 'loop' && readsInput(s))) return why;
  const first = readSequence(flat.slice(0, at).filter(readsInput), inputName, resolve);
  // the sequence must read `input` itself: one that switched to a line input would leave the loop another input
  if (!first.strict || first.args.length === 0 || /unformat_line_input/.test(flat.slice(0, at).map((s) => s.text).join(' '))) return first.strict ? why : first;
  const chain = loopChain(loop.body, inputName);
  if (typeof chain === 'string') return loose(chain);
  // every unknown word an error: the words the loop does not read are refused, not left over
  const final = chain.final?.text.replace(/"(\\.|[^"\\])*"/g, '""');
  if (!final || !ERROR_RETURN.test(final) || /\b(if|break|switch|while|for)\b|\?/.test(final)) return why;
  const args: ArgSpec[] = [...first.args];
  const names = new Set(args.map((a) => a.name));
  for (const branch of chain.branches) {
    if (branch.guarded) return loose(`a branch tests \`${shortCond(branch.cond)}\``);
    const then = readsFrom(branch.body.text, inputName) ? readsAfterBranch(branch.body, inputName, resolve) : [[]];
    if (typeof then === 'string') return loose(`the branch for \`${shortCond(branch.cond)}\` ${then}`);
    if (leavesLoop(branch.body) !== false) return loose(`the branch for \`${shortCond(branch.cond)}\` may leave the loop`);
    const problem = addBranchArgs(branch.cond, inputName, resolve, args, names, true, then);
    if (problem) return loose(problem);
  }
  if (args.length === first.args.length) return why;
  const result: ReadCommandArgs = { strict: true, args, order: 'sequence', loopFrom: first.args.length };
  if (first.required) result.required = first.required;
  if (first.choices) result.choices = first.choices;
  if (first.bareIsNoop) result.bareIsNoop = true;
  return result;
}
