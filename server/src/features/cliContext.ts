import { matchSubCommands } from '../analysis/cliModel';
import { DISPATCHER_WORDS, type CommandNode, type Schema } from '../schema/index';
import type { CommandSpec } from '../schema/types';
import { isTemplated } from '../syntax/tokens';
import { isGroup, type Item } from '../syntax/tree';
import type { Cursor } from './cursor';

/**
 * What the words before the cursor make of a script line, by VPP's own rules: command words are
 * matched by unique prefix down the command tree, and once a runnable command is reached the rest
 * are its arguments. `uncomment { ... }`, `leak-check { ... }` and a macro-guarded `$(X) { ... }`
 * hold a command; `create tap { id 0 }` holds the command's arguments.
 */
export type CliContext =
  /** The cursor is on a command word below `node` (which may itself be runnable, with `args`). */
  | { kind: 'command-word'; node: CommandNode; atRoot: boolean; wordsOnly: boolean }
  /** The cursor is among the arguments of a command. */
  | { kind: 'arguments'; node: CommandNode; command: CommandSpec; args: readonly Item[] }
  | { kind: 'none' };

const NONE: CliContext = { kind: 'none' };

/** Dispatcher words whose `{ ... }` block is a command to run. */
const COMMAND_BLOCK_WORDS = new Set(['uncomment', 'leak-check']);

function holdsCommand(outer: readonly Item[]): boolean {
  if (outer.length !== 1 || isGroup(outer[0])) return false;
  return COMMAND_BLOCK_WORDS.has(outer[0].text) || isTemplated(outer[0].text);
}

export function cliContext(cursor: Cursor, schema: Schema): CliContext {
  return resolveLevels(cursor.levels, schema);
}

function resolveLevels(levels: readonly (readonly Item[])[], schema: Schema): CliContext {
  if (levels.length === 0) return NONE;
  if (levels.length === 1) return resolveItems(levels[0], schema, false);
  const outer = levels[0];
  if (holdsCommand(outer)) return resolveLevels(levels.slice(1), schema);
  if (levels.length !== 2) return NONE;
  // `create tap { id 0 ... }`: braces around the whole argument list
  const head = resolveItems(outer, schema, false);
  if (head.kind !== 'command-word' || !head.node.runnable || !head.node.command) return NONE;
  return { kind: 'arguments', node: head.node, command: head.node.command, args: levels[1] };
}

function resolveItems(items: readonly Item[], schema: Schema, wordsOnly: boolean): CliContext {
  const first = items[0];
  if (!first) return { kind: 'command-word', node: schema.root, atRoot: true, wordsOnly };
  if (isGroup(first) || first.kind !== 'word' || isTemplated(first.text)) return NONE;
  if (!wordsOnly && DISPATCHER_WORDS.has(first.text)) {
    // `help sh int` names a command to describe: its words complete like any command's
    return first.text === 'help' ? resolveItems(items.slice(1), schema, true) : NONE;
  }
  let node = schema.root;
  let i = 0;
  for (; i < items.length; i++) {
    const item = items[i];
    if (isGroup(item) || item.kind !== 'word' || isTemplated(item.text)) break;
    const candidates = matchSubCommands(node, item.text);
    if (candidates.length !== 1) break;
    node = candidates[0];
  }
  if (i === items.length) return { kind: 'command-word', node, atRoot: node === schema.root, wordsOnly };
  if (wordsOnly || !node.runnable || !node.command) return NONE;
  return { kind: 'arguments', node, command: node.command, args: items.slice(i) };
}
