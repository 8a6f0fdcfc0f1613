/** The lossless syntax tree shared by both languages. Offsets are UTF-16 code units, as in LSP. */

export type TokenKind = 'word' | 'lbrace' | 'rbrace' | 'newline' | 'whitespace' | 'comment' | 'continuation';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `{ ... }`: in startup.conf a block, in a script a sub-input such as `comment { ... }`. */
export interface GroupNode {
  readonly type: 'group';
  readonly open: Token;
  /** Absent when the group is not closed (a syntax error was reported). */
  readonly close?: Token;
  readonly items: Item[];
  readonly start: number;
  readonly end: number;
}

/** A significant element: a word or a group. */
export type Item = Token | GroupNode;

/** One logical script line: physical lines joined by continuations, comments left out. */
export interface LineNode {
  readonly type: 'line';
  readonly items: Item[];
  /**
   * The `\` + newline continuations that leave a newline in the command's input: VPP keeps it
   * (unformat_vlib_cli_line), and a command that reads its arguments with unformat_line_input
   * stops there. A continuation right after a comment is not one of them: VPP drops it with the comment.
   */
  readonly breaks?: readonly Token[];
  readonly start: number;
  readonly end: number;
}

/**
 * Where a piece of text (a script line) starts in its document. Its tokens keep offsets relative
 * to it, so when an edit above moves the line, moving the anchor moves every token, node and
 * match built on them, and all of them can be kept instead of parsed again.
 */
export class Anchor {
  constructor(public base: number) {}
}

export class AnchoredToken implements Token {
  constructor(
    readonly kind: TokenKind,
    readonly text: string,
    private readonly rel: number,
    private readonly anchor: Anchor,
  ) {}

  get start(): number {
    return this.anchor.base + this.rel;
  }

  get end(): number {
    return this.anchor.base + this.rel + this.text.length;
  }

  toJSON(): Token {
    return { kind: this.kind, text: this.text, start: this.start, end: this.end };
  }
}

/** A group whose span follows its tokens. */
export class Group implements GroupNode {
  readonly type = 'group' as const;
  readonly items: Item[] = [];
  close?: Token;
  /** The token that ends the group, set when the parser is done with it (deep nesting makes walking down too slow). */
  private last?: Token;

  constructor(readonly open: Token) {}

  /** Called once the group's items and `}` are known. */
  complete(): void {
    const last = this.close ?? this.items[this.items.length - 1];
    this.last = !last ? this.open : isGroup(last) ? ((last as Group).last ?? last.open) : last;
  }

  get start(): number {
    return this.open.start;
  }

  get end(): number {
    return (this.last ?? this.open).end;
  }
}

/** A script line whose span follows its items. */
export class Line implements LineNode {
  readonly type = 'line' as const;
  breaks?: readonly Token[];

  constructor(readonly items: Item[]) {}

  get start(): number {
    return this.items[0].start;
  }

  get end(): number {
    return this.items[this.items.length - 1].end;
  }
}

export interface SyntaxError {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** A `{` left open at the end of the input (a script line, or the file), which VPP accepts. */
  readonly atEnd?: boolean;
}

export interface SyntaxTree {
  readonly language: 'cli' | 'startup';
  readonly text: string;
  /** Every token of the text in order, trivia included: their texts concatenate to `text`. */
  readonly tokens: readonly Token[];
  /** Script: the logical lines. startup.conf: the top-level items. */
  readonly lines: readonly LineNode[];
  readonly items: readonly Item[];
  readonly errors: readonly SyntaxError[];
  /**
   * The tokens around `offset` (its script line and the lines either side), in order, for lookups at
   * a position; a tree kept per line gives them without putting the whole token list together.
   */
  tokensNear?(offset: number): readonly Token[];
}

/** The tokens to search for what lies at `offset`: all of them, or a window around it when the tree can give one. */
export function tokensAround(tree: SyntaxTree, offset: number): readonly Token[] {
  return tree.tokensNear ? tree.tokensNear(offset) : tree.tokens;
}

export function isGroup(item: Item | LineNode): item is GroupNode {
  return (item as GroupNode).type === 'group';
}

export function isWord(item: Item): item is Token {
  return (item as Token).kind === 'word';
}

/** A node's children in text order with the trivia between them: the tree's lossless view. */
export type Element = Token | Node;
export type Node = GroupNode | LineNode;

export function elementsOf(tree: SyntaxTree): Element[] {
  const roots: Item[] | LineNode[] = tree.language === 'cli' ? [...tree.lines] : [...tree.items];
  const cursor = { index: 0 };
  return weave(roots, tree.tokens, cursor, Number.POSITIVE_INFINITY);
}

export function childrenOf(node: Node, tokens: readonly Token[]): Element[] {
  const cursor = { index: firstTokenAt(tokens, node.start) };
  const inner: Item[] = isGroup(node) ? [node.open, ...node.items, ...(node.close ? [node.close] : [])] : node.items;
  return weave(inner, tokens, cursor, node.end);
}

function weave(significant: readonly (Item | LineNode)[], tokens: readonly Token[], cursor: { index: number }, end: number): Element[] {
  const out: Element[] = [];
  for (const element of significant) {
    while (cursor.index < tokens.length && tokens[cursor.index].start < element.start) out.push(tokens[cursor.index++]);
    if ('type' in element) {
      const node = element as Node;
      (out as Element[]).push(node);
      while (cursor.index < tokens.length && tokens[cursor.index].start < node.end) cursor.index++;
    } else {
      out.push(element);
      cursor.index++;
    }
  }
  while (cursor.index < tokens.length && tokens[cursor.index].end <= end) out.push(tokens[cursor.index++]);
  return out;
}

/** Index of the first token (or line, or anything in text order) that starts at or after `offset` (binary search). */
export function firstTokenAt(tokens: readonly { readonly start: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rebuilds the source text by walking the tree (not the flat token list). */
export function rebuildText(tree: SyntaxTree): string {
  const parts: string[] = [];
  const visit = (elements: Element[]): void => {
    for (const element of elements) {
      if ('type' in element) visit(childrenOf(element, tree.tokens));
      else parts.push(element.text);
    }
  };
  visit(elementsOf(tree));
  return parts.join('');
}

/** The word tokens of an item list, descending into groups. */
export function* wordsIn(items: readonly Item[]): Generator<Token> {
  for (const item of items) {
    if (isGroup(item)) yield* wordsIn(item.items);
    else if (item.kind === 'word') yield item;
  }
}
