import type { Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { CommandUse } from '../analysis/cliModel';
import { lineInputReader } from '../schema/lineInput';
import type { VppRelease } from '../schema/types';
import { firstTokenAt, isGroup, tokensAround, type GroupNode, type Item, type LineNode, type Token } from '../syntax/tree';

/**
 * Where the cursor stands in our own tree: the words before it at each `{ }` nesting level and
 * the partial word under it. Completion, hover and signature help all start from here.
 */

export interface Cursor {
  readonly offset: number;
  /** The items before the cursor, one list per nesting level; the last level holds the cursor. */
  readonly levels: readonly (readonly Item[])[];
  /** The groups the cursor is inside, outermost first (one fewer than `levels`). */
  readonly groups: readonly GroupNode[];
  /** The part of the word under the cursor that stands before it. */
  readonly partial: string;
  /** The word under the cursor (what a completion replaces); empty at the cursor between words. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
}

/** The offset of an LSP position, kept inside the text whatever the client sends. */
export function offsetOf(analysis: Analysis, position: Position): number {
  const line = Number.isFinite(position.line) ? position.line : 0;
  const character = Number.isFinite(position.character) ? position.character : 0;
  return analysis.lines.offsetAt({ line, character });
}

/** Index of the last token that starts before `offset`, or -1. */
function lastTokenBefore(tokens: readonly Token[], offset: number): number {
  return firstTokenAt(tokens, offset) - 1;
}

/** True when the cursor is inside a comment, where nothing is offered. */
export function inComment(analysis: Analysis, offset: number): boolean {
  const tokens = tokensAround(analysis.tree, offset);
  const i = lastTokenBefore(tokens, offset);
  return i >= 0 && tokens[i].kind === 'comment' && offset <= tokens[i].end;
}

/** The word token the cursor touches (inside it, or right after its last character). */
export function wordAt(analysis: Analysis, offset: number): Token | undefined {
  const tokens = tokensAround(analysis.tree, offset);
  const i = lastTokenBefore(tokens, offset + 1);
  if (i >= 0 && tokens[i].kind === 'word' && offset < tokens[i].end) return tokens[i];
  const before = lastTokenBefore(tokens, offset);
  if (before >= 0 && tokens[before].kind === 'word' && offset === tokens[before].end) return tokens[before];
  return undefined;
}

/** The script line the cursor is on (a logical line: continuations joined), if it has any words. */
export function scriptLineAt(analysis: Analysis, offset: number): LineNode | undefined {
  const tokens = tokensAround(analysis.tree, offset);
  let lineStart = 0;
  for (let i = lastTokenBefore(tokens, offset); i >= 0; i--) {
    if (tokens[i].kind === 'newline' && tokens[i].end <= offset) {
      lineStart = tokens[i].end;
      break;
    }
  }
  const lines = analysis.tree.lines;
  const line = lines[firstTokenAt(lines, lineStart)];
  return line && line.start <= offset ? line : undefined;
}

const contains = (use: CommandUse, token: Token) => use.items.length > 0 && use.items[0].start <= token.start && token.end <= use.items[use.items.length - 1].end;

/** The command a script word belongs to: the line's, or the one nested in its `uncomment { }` / macro block. */
export function commandUseAt(analysis: Analysis, token: Token): CommandUse | undefined {
  const line = scriptLineAt(analysis, token.start);
  // a script's commands are its lines' in order: the same index, unless a list is made otherwise
  const at = line ? firstTokenAt(analysis.tree.lines, line.start) : -1;
  let use = line && (analysis.commands[at]?.line === line ? analysis.commands[at] : analysis.commands.find((u) => u.line === line));
  while (use?.nested && contains(use.nested, token)) use = use.nested;
  return use;
}

function containsCursor(group: GroupNode, next: Item | undefined, offset: number): boolean {
  if (offset < group.open.end) return false;
  if (group.close) return offset <= group.close.start;
  // an unclosed group runs until its next sibling (the parser closed it there) or the end
  return !next || offset < next.start;
}

/** Walks a list of items (a script line's, or startup.conf's top level) down to the cursor. */
export function cursorIn(items: readonly Item[], offset: number): Cursor {
  const levels: Item[][] = [[]];
  const groups: GroupNode[] = [];
  let list = items;
  let partial = '';
  let replaceStart = offset;
  let replaceEnd = offset;
  // each round descends into a group, so this ends after at most the nesting depth
  scan: for (;;) {
    const before = levels[levels.length - 1];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (isGroup(item)) {
        if (containsCursor(item, list[i + 1], offset)) {
          groups.push(item);
          levels.push([]);
          list = item.items;
          continue scan;
        }
        if (item.end > offset) break scan;
        before.push(item);
        continue;
      }
      if (item.start >= offset) break scan;
      if (item.kind === 'word' && offset <= item.end) {
        partial = item.text.slice(0, offset - item.start);
        replaceStart = item.start;
        replaceEnd = item.end;
        break scan;
      }
      before.push(item);
    }
    break;
  }
  return { offset, levels, groups, partial, replaceStart, replaceEnd };
}

/** The cursor in a script, or undefined in a comment. An empty line gives one empty level. */
export function scriptCursor(analysis: Analysis, offset: number): Cursor | undefined {
  if (inComment(analysis, offset)) return undefined;
  const line = scriptLineAt(analysis, offset);
  return cursorIn(line ? commandItemsAt(analysis, line, offset) : [], offset);
}

/**
 * The items of the command the cursor is in. A command that reads its arguments to the end of the
 * line stops at a `\` continuation after its first argument, and VPP runs what follows as a command
 * of its own: past that break the cursor is in that command, even before a word of it is typed.
 */
function commandItemsAt(analysis: Analysis, line: LineNode, offset: number): readonly Item[] {
  const lines = analysis.tree.lines;
  let use: CommandUse | undefined = analysis.commands[firstTokenAt(lines, line.start)];
  if (use?.line !== line || !line.breaks) return line.items;
  let from: Token | undefined;
  while (use?.kind === 'command') {
    const rest: CommandUse | undefined = use.nested?.continuedFrom ? use.nested : undefined;
    const at = rest ? rest.continuedFrom!.at : pendingStop(use, line.breaks, analysis.release);
    if (!at || at.end > offset) break;
    from = at;
    use = rest;
  }
  return from ? line.items.filter((item) => item.start > from.start) : line.items;
}

/** The break a line reader with nothing after it yet stops at (its arguments written outside braces). */
function pendingStop(use: CommandUse, breaks: readonly Token[], release: VppRelease): Token | undefined {
  const first = use.args[0];
  if (!first || use.unread || !use.items.includes(first) || !lineInputReader(use.node.path, release)) return undefined;
  return breaks.find((b) => b.start > first.start);
}

/** The cursor in startup.conf, or undefined in a comment. */
export function startupCursor(analysis: Analysis, offset: number): Cursor | undefined {
  if (inComment(analysis, offset)) return undefined;
  return cursorIn(analysis.tree.items, offset);
}

export function wordsOf(items: readonly Item[]): Token[] | undefined {
  const out: Token[] = [];
  for (const item of items) {
    if (isGroup(item) || item.kind !== 'word') return undefined;
    out.push(item);
  }
  return out;
}
