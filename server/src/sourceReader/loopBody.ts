import { ERROR_RETURN, flatten, readsFrom } from './branches';
import { normalizeSpace, type Statement } from './cText';

/**
 * The shapes of a command function around and inside its parse loop that VPP writes besides the
 * plain `if / else if` chain: a loop opened only when the line has words, the first words read
 * before the loop, several chains in a row, and a branch guarded by what was read before.
 */

/** One branch of the loop: what it tests and runs. */
export interface LoopBranch {
  cond: string;
  body: Statement;
  /**
   * For a guard that reads nothing itself (`else if (!enable_set) { enable_set = 1; if (unformat
   * (i, "disable")) ... else if (unformat (i, "enable")) ... }`): the conditions of its inner reads.
   */
  guarded?: string[];
}

export interface LoopChain {
  branches: LoopBranch[];
  final?: Statement;
}

const NOT_A_CHAIN = 'the loop body is not a single if / else if chain';

/**
 * The branches of a loop body. Besides one chain, VPP writes several chains in a row, each but the
 * last without a final else (`if (unformat (i, "mac %U", ...)) ; if (unformat (i, "instance %d",
 * ...)) ... else break;`): one pass may read a word with each. Every line VPP accepts is then made
 * of words some branch reads, so reading them as one chain accepts at least what VPP accepts (it
 * may accept more: VPP refuses `igmp loop0 enable`, whose second pass ends in the last chain's else).
 */
export function loopChain(body: Statement, input: string): LoopChain | string {
  let statements: Statement[] = [body];
  while (statements.length === 1 && statements[0].kind === 'block') statements = statements[0].body;
  // declarations and bookkeeping around the chain (`u32 sw_if_index;`, `num_m_args++;`, `is_set = 1;`)
  const plain = (s: Statement) => s.kind === 'simple' && !readsFrom(s.text, input) && !/\b(break|return|goto|continue)\b/.test(s.text);
  while (statements.length > 1 && plain(statements[0])) statements = statements.slice(1);
  while (statements.length > 1 && plain(statements[statements.length - 1])) statements = statements.slice(0, -1);
  // `if (unformat (...)) continue; if (unformat (...)) { ...; continue; } return clib_error_return (...);`:
  // the statement after the ifs runs when none of them went round again, as a final else would
  let last: Statement | undefined;
  if (statements.length > 1 && statements[statements.length - 1].kind !== 'if') last = statements.pop();
  else if (statements.length > 1 && nothingMatched(statements, input)) last = (statements.pop() as Extract<Statement, { kind: 'if' }>).then;
  const chains = statements.map(ifChain);
  if (chains.length === 0 || chains.some((c) => !c)) return NOT_A_CHAIN;
  const all = chains as LoopChain[];
  if (last) {
    if (readsFrom(last.text, input)) return NOT_A_CHAIN;
    all.push({ branches: [], final: last });
  }
  // the chains before the last: every branch reads, and nothing runs when none matches
  for (const c of all.slice(0, -1)) if (c.final || c.branches.some((b) => !readsFrom(b.cond, input))) return NOT_A_CHAIN;
  const branches = all.flatMap((c) => c.branches).map((b) => (readsFrom(b.cond, input) ? b : { ...b, guarded: guardedReads(b, input) }));
  return { branches, final: all[all.length - 1].final };
}

function ifChain(stmt: Statement): LoopChain | undefined {
  if (stmt.kind !== 'if') return undefined;
  const branches: LoopBranch[] = [];
  let at: Statement | undefined = stmt;
  while (at?.kind === 'if') {
    branches.push({ cond: at.cond, body: at.then });
    at = at.else;
  }
  return { branches, final: at };
}

/**
 * The reads of a guard branch: its test is plain state (`!enable_set`, `not_set`), and its body
 * one chain of reads with nothing read in their bodies. When no inner read matches, the loop goes
 * round again with the same word (the guard having turned itself off) and the final else judges it.
 */
function guardedReads(branch: LoopBranch, input: string): string[] | undefined {
  if (/[(]|\bunformat/.test(branch.cond)) return undefined;
  const reads = flatten([branch.body]).filter((s) => readsFrom(s.text, input));
  const chain = reads.length === 1 ? ifChain(reads[0]) : undefined;
  if (!chain || chain.branches.some((b) => !readsFrom(b.cond, input) || readsFrom(b.body.text, input))) return undefined;
  if (chain.final && (readsFrom(chain.final.text, input) || /\b(break|return|goto)\b/.test(chain.final.text))) return undefined;
  return chain.branches.map((b) => b.cond);
}

/**
 * `if (unformat_user (input, unformat_line_input, line_input)) { while (...) ...; unformat_free (line_input); }`:
 * without words VPP skips the block, as a loop that runs no pass would; opened up in place.
 */
export function openLineInputBlocks(statements: readonly Statement[], inputName: string): Statement[] {
  const opens = new RegExp(`^unformat_user ?\\( ?${inputName} ?, ?unformat_line_input ?, ?&?\\w+ ?\\)$`);
  return statements.flatMap((s) => (s.kind === 'if' && !s.else && opens.test(normalizeSpace(s.cond)) ? flatten([s.then]) : [s]));
}

/**
 * A read before the loop whose failure is an error: `if (!unformat (line_input, "%U", unformat_ip_prefix, &pfx))
 * return / goto with an error`, or `if (unformat (...)) ; else return error;`. Its condition, or undefined.
 */
export function requiredRead(s: Statement, input: string): string | undefined {
  if (s.kind !== 'if' || !readsFrom(s.cond, input)) return undefined;
  const cond = normalizeSpace(s.cond);
  const negated = /^!\s*(.*)$/.exec(cond);
  if (negated) {
    if (s.else || readsFrom(s.then.text, input) || !ERROR_RETURN.test(s.then.text)) return undefined;
    const inner = negated[1].trim();
    return inner.startsWith('(') && inner.endsWith(')') ? inner.slice(1, -1).trim() : inner;
  }
  if (!s.else || s.else.kind === 'if' || readsFrom(s.then.text, input) || readsFrom(s.else.text, input)) return undefined;
  if (/\b(return|goto|break)\b/.test(s.then.text) || !ERROR_RETURN.test(s.else.text)) return undefined;
  return cond;
}

/**
 * `if (!something_parsed) { ret = clib_error_return (...); goto out; }` after ifs that each set
 * `something_parsed = 1` when they read (bfd_cli.c): an error when no read matched, as a final else.
 */
function nothingMatched(statements: readonly Statement[], input: string): boolean {
  const last = statements[statements.length - 1];
  if (last.kind !== 'if' || last.else || readsFrom(last.text, input) || !ERROR_RETURN.test(last.then.text)) return false;
  const flag = /^!\s*(\w+)$/.exec(normalizeSpace(last.cond))?.[1];
  if (!flag) return false;
  const sets = new RegExp(`\\b${flag}\\s*=\\s*(1|true)\\s*;`);
  return statements.slice(0, -1).every((s) => {
    const chain = ifChain(s);
    return !!chain && !chain.final && chain.branches.every((b) => readsFrom(b.cond, input) && sets.test(b.body.text));
  });
}
