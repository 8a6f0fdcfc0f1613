/**
 * Refusals at a word VPP looks up among names made at run time (`node ref0` of `set sfdp sp-node`:
 * unformat_vlib_node found no graph node `ref0`; `reason ref0` of `set punt`; a packet-generator
 * stream `ref0`): VPP stopped there because the referee's VPP had no such name, which says which
 * names it had, not whether the line is written right (ValueSpec.lookup, read from VPP's source).
 */
import { matchSubCommands } from '../../server/src/analysis/cliModel';
import { schemaFor, type CommandNode } from '../../server/src/schema/index';
import type { ArgSpec, CommandSpec, VppRelease } from '../../server/src/schema/types';

/** A recorded line's words, its `{ }` braces and `\` continuations taken as blanks. */
export function lineWords(line: string): string[] {
  return line.replace(/[{}\\]/g, ' ').split(/\s+/).filter(Boolean);
}

/** What kind of name VPP looked up at the word it stopped at (`rest`), when it stopped at one. */
export function refusedAtLookup(line: string, rest: string | undefined, release: VppRelease): string | undefined {
  const stopped = rest?.replace(/\.\.\.$/, '').trim().split(/\s+/).filter(Boolean) ?? [];
  const schema = schemaFor(release);
  const words = lineWords(line);
  const command = deepestCommand(schema.root, words);
  if (command) {
    const { spec, n } = command;
    const args: readonly ArgSpec[] = spec.args ?? [];
    if (!stopped[0]) return lookedUpAfterLoop(args, words.slice(n));
    const keyword = args.filter((a) => a.keyword === stopped[0]);
    // `node ref0`: the keyword matched and its looked-up value did not (without a value it is the line's fault)
    if (keyword.length) return stopped.length > 1 ? keyword.map((a) => a.values?.[0]?.lookup).find(Boolean) : undefined;
    // a word no keyword names, where the command reads a looked-up name by itself (a stream's name)
    return args.find((a) => !a.keyword && a.values?.[0]?.lookup)?.values?.[0]?.lookup;
  }
  return undefined;
}

/** The command VPP runs for the line's words, each a unique prefix of a path word (`set in hw`), and how many words it took. */
export function deepestCommand(root: CommandNode, words: readonly string[]): { spec: CommandSpec; n: number } | undefined {
  let node = root;
  let found: { spec: CommandSpec; n: number } | undefined;
  for (const [i, word] of words.entries()) {
    const next = matchSubCommands(node, word);
    if (next.length !== 1) break;
    node = next[0];
    if (node.command) found = { spec: node.command, n: i + 1 };
  }
  return found;
}

/**
 * A refusal quoting no input (after the loop: "unknown hardware class `'", "Unknown arc name
 * (ref0)...", "please specify valid hash name") of a line that gives every word up to a looked-up
 * value: the first such value is what VPP lacked. Positional arguments are counted in order;
 * one with a keyword must be in the line with all its values after it.
 */
function lookedUpAfterLoop(args: readonly ArgSpec[], given: readonly string[]): string | undefined {
  let positional = 0;
  for (const arg of args) {
    const values = arg.values ?? [];
    const at = values.findIndex((v) => v.lookup);
    if (!arg.keyword) {
      positional += values.length;
      if (at >= 0) return given.length >= positional ? values[at].lookup : undefined;
      continue;
    }
    const k = arg.keyword.split(' ');
    const start = given.findIndex((_, i) => k.every((w, j) => given[i + j] === w));
    if (at >= 0 && start >= 0 && given.length >= start + k.length + values.length) return values[at].lookup;
  }
  return undefined;
}
