import { DISPATCHER_WORDS, type CommandNode, type Schema } from '../schema/index';
import type { ArgSpec, CommandSpec } from '../schema/types';
import { isTemplated } from '../syntax/tokens';
import { isGroup, type GroupNode, type Item, type LineNode, type Token } from '../syntax/tree';
import { lineInputReader } from '../schema/lineInput';
import { matchArgs, type ArgPattern, type MatchResult } from './args';

/** One command as VPP would dispatch it: the words that select it and the arguments it reads. */
export interface CommandUse {
  readonly line: LineNode;
  readonly items: readonly Item[];
  readonly kind: 'command' | 'dispatcher' | 'templated' | 'unresolved';
  /** The words that matched command-tree nodes, in order. */
  readonly path: readonly { token: Token; node: CommandNode }[];
  /** The deepest node reached. */
  readonly node: CommandNode;
  readonly command?: CommandSpec;
  readonly args: readonly Item[];
  readonly match?: MatchResult<ArgSpec>;
  /** Why resolution stopped, for the diagnostics pass. */
  readonly failure?: { token: Token; reason: 'unknown' | 'ambiguous'; candidates: CommandNode[] };
  /** A command nested in `uncomment { ... }` or a macro-guarded `$(X) { ... }` block. */
  readonly nested?: CommandUse;
  /** Set when this command is what VPP runs after `comment word` on the same line. */
  readonly leftoverOf?: string;
  /**
   * Set when this command is the part of a continued line that VPP runs as a command of its own,
   * because the command before it reads its arguments to the end of the line (unformat_line_input):
   * that command's path and the `\` + newline where it stopped.
   */
  readonly continuedFrom?: { readonly path: string; readonly at: Token };
  /** Set when this command is what VPP runs after a command (its path) that reads no arguments, on the same line. */
  readonly afterNoArgs?: string;
  /**
   * The arguments are the text of a `{ }` block (`create tap { id 0 }`, or a command inside
   * `uncomment { }`): VPP hands the function that text alone and frees it afterwards, so words the
   * function leaves unread are dropped instead of run as the next command.
   */
  readonly dropsRest?: boolean;
  /** The arguments are one `{ }` block right after the command's words, which VPP reads as a sub-input of their own. */
  readonly braced?: boolean;
  /** Words inside this command's `{ }` after a continuation, which a line-reading command never sees. */
  readonly unread?: { readonly at: Token; readonly items: readonly Item[] };
}

/** VPP reads a command word as a run of letters, digits, `-` and `_`. */
const COMMAND_WORD = /^[A-Za-z0-9_-]+$/;

/**
 * Matches a word against the sub-commands of `node` by VPP's rule: any unique prefix; when several
 * match, an exact match wins.
 */
export function matchSubCommands(node: CommandNode, word: string): CommandNode[] {
  const exact = node.children.get(word);
  if (exact) return [exact];
  const out: CommandNode[] = [];
  for (const child of node.children.values()) if (child.word.startsWith(word)) out.push(child);
  return out;
}

const patternCache = new WeakMap<CommandSpec, ArgPattern<ArgSpec>[]>();

/** The argument patterns of a command, built once per command of a release. */
export function argPatterns(command: CommandSpec): ArgPattern<ArgSpec>[] {
  let patterns = patternCache.get(command);
  if (!patterns) {
    patterns = buildArgPatterns(command);
    patternCache.set(command, patterns);
  }
  return patterns;
}

function buildArgPatterns(command: CommandSpec): ArgPattern<ArgSpec>[] {
  const args = command.args ?? [];
  const patterns: ArgPattern<ArgSpec>[] = args.map((spec) => ({
    spec,
    words: spec.keyword ? spec.keyword.split(' ') : [],
    values: spec.values ?? [],
    block: 'no',
    repeatable: !!spec.repeatable,
    choiceEnd: undefined,
    // a loop that stops quietly at a word it does not know takes the digits and ignores the rest
    leadingDigits: !!command.source && !command.ignoresRest,
  }));
  // a sequence's required element, alone in its group, is read at its place or the function fails
  if (command.order === 'sequence') {
    const loopFrom = command.loopFrom ?? Infinity;
    for (const group of command.required ?? []) {
      const index = group.length === 1 ? args.findIndex((a) => a.name === group[0]) : -1;
      if (index >= 0 && index < loopFrom) patterns[index].readFirst = true;
    }
  }
  (command.readOnce ?? []).forEach((group, k) => {
    for (const name of group) {
      const index = args.findIndex((a) => a.name === name);
      if (index >= 0) patterns[index].onceGroup = k;
    }
  });
  for (const choice of command.choices ?? []) {
    const indexes = choice.map((name) => args.findIndex((a) => a.name === name)).filter((i) => i >= 0);
    const end = Math.max(...indexes) + 1;
    for (const i of indexes) patterns[i].choiceEnd = end;
  }
  return patterns;
}

export function analyzeLine(line: LineNode, schema: Schema): CommandUse {
  return resolveItems(line, line.items, schema);
}

type UseFields = Partial<Omit<CommandUse, 'line' | 'items' | 'kind'>>;

/** Every use has the same fields in the same order (absent ones undefined), so that code reading them stays fast. */
function commandUse(line: LineNode, items: readonly Item[], kind: CommandUse['kind'], schema: Schema, f: UseFields): CommandUse {
  return {
    line,
    items,
    kind,
    // kept per line for the whole document: an array grown by push holds room for 17 items
    path: f.path ? f.path.slice() : [],
    node: f.node ?? schema.root,
    command: f.command,
    args: f.args ?? [],
    match: f.match,
    failure: f.failure,
    nested: f.nested,
    leftoverOf: f.leftoverOf,
    continuedFrom: f.continuedFrom,
    afterNoArgs: f.afterNoArgs,
    dropsRest: f.dropsRest,
    braced: f.braced,
    unread: f.unread,
  };
}

/** Where the words of a command come from, when not from the start of a line. */
interface Origin {
  readonly leftoverOf?: string;
  readonly continuedFrom?: CommandUse['continuedFrom'];
  readonly afterNoArgs?: string;
  /**
   * Inside `uncomment { }` or `$(X) { }`: VPP dispatches the text in the braces once, so what a
   * command leaves unread there is dropped instead of run as the next command.
   */
  readonly inBlock?: boolean;
}

function resolveItems(line: LineNode, items: readonly Item[], schema: Schema, origin: Origin = {}): CommandUse {
  const use = resolveWords(line, items, schema, origin);
  if (origin.continuedFrom) return { ...use, continuedFrom: origin.continuedFrom };
  return origin.afterNoArgs ? { ...use, afterNoArgs: origin.afterNoArgs } : use;
}

function resolveWords(line: LineNode, items: readonly Item[], schema: Schema, origin: Origin): CommandUse {
  const leftoverOf = origin.leftoverOf;
  const first = items[0];
  if (!first || isGroup(first) || first.kind !== 'word') return commandUse(line, items, 'unresolved', schema, { args: items, leftoverOf });
  if (isTemplated(first.text)) {
    // `$(FEATURE) { cmd }`: the macro expands to comment or uncomment, so the block is a command
    const block = items[1];
    if (items.length === 2 && block && isGroup(block)) return commandUse(line, items, 'templated', schema, { nested: nestedUse(line, block, schema), leftoverOf });
    return commandUse(line, items, 'templated', schema, { args: items.slice(1), leftoverOf });
  }
  const dispatcher = DISPATCHER_WORDS.get(first.text);
  if (dispatcher) {
    const block = items[1];
    if (first.text === 'uncomment' && block && isGroup(block)) {
      return commandUse(line, items, 'dispatcher', schema, { command: dispatcher, args: items.slice(1), nested: nestedUse(line, block, schema), leftoverOf });
    }
    // `comment` and `vpplog` read one word or one `{ }` group; VPP runs what follows as a new command
    const leftover = (first.text === 'comment' || first.text === 'vpplog') && items.length > 2 ? items.slice(2) : [];
    const nested = leftover.length > 0 ? resolveItems(line, leftover, schema, { leftoverOf: first.text }) : undefined;
    return commandUse(line, items, 'dispatcher', schema, { command: dispatcher, args: items.slice(1, 2), nested, leftoverOf });
  }

  const path: { token: Token; node: CommandNode }[] = [];
  let node = schema.root;
  let i = 0;
  for (; i < items.length; i++) {
    const item = items[i];
    if (isGroup(item)) break;
    if (isTemplated(item.text)) {
      if (!node.runnable) return commandUse(line, items, 'templated', schema, { path, node, args: items.slice(i), leftoverOf });
      break;
    }
    if (!COMMAND_WORD.test(item.text)) {
      if (node.runnable) break;
      return commandUse(line, items, 'unresolved', schema, { path, node, args: items.slice(i), failure: { token: item, reason: 'unknown', candidates: [] }, leftoverOf });
    }
    const candidates = matchSubCommands(node, item.text);
    if (candidates.length === 1) {
      node = candidates[0];
      path.push({ token: item, node });
      continue;
    }
    if (node.runnable) break;
    return commandUse(line, items, 'unresolved', schema, {
      path,
      node,
      args: items.slice(i),
      failure: { token: item, reason: candidates.length === 0 ? 'unknown' : 'ambiguous', candidates },
      leftoverOf,
    });
  }
  if (!node.runnable) {
    // ran out of words on a bare prefix such as `create interface`
    return commandUse(line, items, 'unresolved', schema, { path, node, args: [], leftoverOf });
  }
  let args = items.slice(i);
  const readsLine = line.breaks !== undefined && lineInputReader(node.path, schema.release) !== undefined;
  let nested: CommandUse | undefined;
  let unread: CommandUse['unread'];
  // VPP accepts a command's arguments wrapped in braces: `create tap { id 0 }`
  const braced = args.length === 1 && isGroup(args[0]);
  if (braced) args = (args[0] as GroupNode).items;
  const stop = readsLine ? lineStop(args, line.breaks!) : undefined;
  if (stop && (braced || origin.inBlock)) {
    // VPP hands the function the text inside the braces; it reads the first line of it and the rest is dropped
    unread = { at: stop.at, items: args.slice(stop.index) };
    args = args.slice(0, stop.index);
  } else if (stop) {
    // the rest stays in VPP's input, and it runs the rest as the next command
    nested = resolveItems(line, args.slice(stop.index), schema, { continuedFrom: { path: node.path, at: stop.at } });
    items = items.slice(0, i + stop.index);
    args = args.slice(0, stop.index);
  }
  const command = node.command;
  if (command?.readsNoArgs && args.length > 0 && !nested && !braced && !origin.inBlock) {
    // the function leaves every word in VPP's input, and vlib_cli_input runs them as the next command
    nested = resolveItems(line, args, schema, { afterNoArgs: node.path });
    items = items.slice(0, i);
    args = [];
  }
  // a `{ }` block (or a block's rest) is handed to a function that never looks at it
  const match = command?.strict && !command.readsNoArgs ? matchArgs(args, argPatterns(command), command.order ?? 'any', command.loopFrom) : undefined;
  const dropsRest = braced || !!origin.inBlock;
  return commandUse(line, items, 'command', schema, { path, node, command, args, match, leftoverOf, nested, unread, dropsRest, braced });
}

/**
 * Where a command that reads its arguments with unformat_line_input stops: at the first break after
 * its first argument (VPP skips blanks, newlines too, before it calls the function). A break inside
 * a `{ }` argument is left alone: what VPP would then run is not a command we can show.
 */
function lineStop(args: readonly Item[], breaks: readonly Token[]): { index: number; at: Token } | undefined {
  const first = args[0];
  if (!first) return undefined;
  const at = breaks.find((b) => b.start > first.start);
  if (!at) return undefined;
  const index = args.findIndex((a) => a.start > at.start);
  if (index < 1 || args[index - 1].end > at.start) return undefined;
  return { index, at };
}

function nestedUse(line: LineNode, block: GroupNode, schema: Schema): CommandUse | undefined {
  if (block.items.length === 0) return undefined;
  return resolveItems(line, block.items, schema, { inBlock: true });
}
