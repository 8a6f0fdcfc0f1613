import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken } from 'chevrotain';
import { Continuation, LBrace, Newline, RBrace, Whitespace, Word, lexerFor, type LexMode } from './tokens';
import { LineIndex } from './lineIndex';
import type { GroupNode, Item, LineNode, SyntaxError, SyntaxTree, Token, TokenKind } from './tree';

/** Deeper `{` nesting than this is reported, not recursed into, so no input can exhaust the stack. */
export const MAX_NESTING = 200;

const KIND_BY_NAME: Record<string, TokenKind> = {
  ScriptWord: 'word',
  ConfigWord: 'word',
  LegacyConfigWord: 'word',
  Stray: 'word',
  LBrace: 'lbrace',
  RBrace: 'rbrace',
  Newline: 'newline',
  Whitespace: 'whitespace',
  Comment: 'comment',
  Continuation: 'continuation',
};

function toToken(t: IToken): Token {
  return { kind: KIND_BY_NAME[t.tokenType.name], text: t.image, start: t.startOffset, end: t.startOffset + t.image.length };
}

/**
 * One grammar for both languages: a document is a sequence of words and `{ }` groups. In a script,
 * newlines are significant and split the document into logical lines; a group cannot span lines,
 * because VPP reads a script line by line before it looks at braces.
 */
class VppParser extends EmbeddedActionsParser {
  private lineMode = false;
  private syntaxErrors: SyntaxError[] = [];
  private depth = 0;
  private deepReported = false;
  /** Set when the text has more `{` than `}`, to guess where a missing `}` belongs. */
  private unbalanced = false;
  private lines: LineIndex = new LineIndex('');

  constructor() {
    super([Word, LBrace, RBrace, Newline, Whitespace, Continuation], { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  parseDocument(text: string, significant: IToken[], lineMode: boolean): { lines: LineNode[]; items: Item[]; errors: SyntaxError[] } {
    this.lines = new LineIndex(text);
    this.lineMode = lineMode;
    this.syntaxErrors = [];
    this.depth = 0;
    this.deepReported = false;
    let opens = 0;
    let closes = 0;
    for (const t of significant) {
      if (t.tokenType === LBrace) opens++;
      else if (t.tokenType === RBrace) closes++;
    }
    this.unbalanced = opens > closes;
    this.input = significant;
    const result = lineMode ? this.scriptDocument() : this.configDocument();
    for (const e of this.errors) this.syntaxErrors.push(parserError(e.token));
    return { ...result, errors: this.syntaxErrors };
  }

  private scriptDocument = this.RULE('scriptDocument', () => {
    const lines: LineNode[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(Newline); } },
        {
          ALT: () => {
            const line = this.SUBRULE(this.line);
            this.ACTION(() => lines.push(line));
          },
        },
      ]);
    });
    return { lines, items: [] as Item[] };
  });

  private configDocument = this.RULE('configDocument', () => {
    const items: Item[] = [];
    this.MANY(() => {
      const item = this.SUBRULE(this.topItem);
      this.ACTION(() => items.push(item));
    });
    return { lines: [] as LineNode[], items };
  });

  private line = this.RULE('line', (): LineNode => {
    const items: Item[] = [];
    this.AT_LEAST_ONE(() => {
      const item = this.SUBRULE(this.topItem);
      this.ACTION(() => items.push(item));
    });
    return this.ACTION(() => ({ type: 'line', items, start: items[0].start, end: items[items.length - 1].end }) as LineNode);
  });

  /** A word, a group, or a `}` that closes nothing. */
  private topItem = this.RULE('topItem', (): Item => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.innerItem) },
      {
        ALT: () => {
          const t = this.CONSUME(RBrace);
          return this.ACTION(() => {
            const token = toToken(t);
            this.syntaxErrors.push({ code: 'vpp.unexpected-brace', message: 'Unexpected `}`: it closes no `{`.', start: token.start, end: token.end });
            return token;
          });
        },
      },
    ]);
  });

  private innerItem = this.RULE('innerItem', (): Item => {
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(Word);
          return this.ACTION(() => toToken(t));
        },
      },
      { ALT: () => this.SUBRULE(this.group) },
    ]);
  });

  private group = this.RULE('group', (): GroupNode => {
    const open = this.CONSUME(LBrace);
    const node = this.ACTION(() => {
      this.depth++;
      const openToken = toToken(open);
      return { type: 'group', open: openToken, items: [] as Item[], start: openToken.start, end: openToken.end } as GroupNode;
    });
    this.MANY({
      GATE: () => this.depth <= MAX_NESTING && !this.closesImplicitly(node),
      DEF: () => {
        const item = this.SUBRULE(this.innerItem);
        this.ACTION(() => node.items.push(item));
      },
    });
    this.OPTION({
      GATE: () => this.depth <= MAX_NESTING && !this.closesImplicitly(node),
      DEF: () => {
        const close = this.CONSUME(RBrace);
        this.ACTION(() => (node.close = toToken(close)));
      },
    });
    this.ACTION(() => {
      this.depth--;
      const last = node.close ?? node.items[node.items.length - 1];
      node.end = last ? last.end : node.open.end;
      if (this.depth >= MAX_NESTING) this.reportTooDeep(node.open);
      else if (!node.close) this.syntaxErrors.push(this.missingClose(node));
    });
    return node;
  });

  /**
   * Where braces do not balance, a word at the start of a line that is indented no deeper than the
   * line that opened this group, and is followed by `{`, starts a new block: the `}` is missing.
   */
  private closesImplicitly(node: GroupNode): boolean {
    if (this.lineMode || !this.unbalanced || !node) return false;
    const next = this.LA(1);
    if (!tokenMatcher(next, Word) || !tokenMatcher(this.LA(2), LBrace)) return false;
    if (!this.lines.startsLine(next.startOffset)) return false;
    return this.lines.indentAt(next.startOffset) <= this.lines.indentAt(node.open.start);
  }

  private reportTooDeep(open: Token): void {
    if (this.deepReported) return;
    this.deepReported = true;
    this.syntaxErrors.push({
      code: 'vpp.nesting-too-deep',
      message: `Braces nested deeper than ${MAX_NESTING} levels: what lies deeper is read as plain words.`,
      start: open.start,
      end: open.end,
    });
  }

  private missingClose(node: GroupNode): SyntaxError {
    const atEnd = this.LA(1).tokenType === EOF;
    const where = this.lineMode ? 'before the end of the line' : atEnd ? 'at the end of the block' : 'before the next block';
    return {
      code: 'vpp.unclosed-brace',
      message: `This \`{\` is never closed: add \`}\` ${where}.`,
      start: node.open.start,
      end: node.open.end,
      // VPP reads an unclosed `{` to the end of its input and accepts it: only a `}` missing before
      // more configuration changes what VPP reads
      atEnd: this.lineMode || atEnd,
    };
  }
}

function parserError(t: IToken): SyntaxError {
  const start = Number.isFinite(t.startOffset) ? t.startOffset : 0;
  return { code: 'vpp.syntax', message: `Unexpected \`${t.image}\`.`, start, end: start + (t.image?.length ?? 0) };
}

let sharedParser: VppParser | undefined;

function parser(): VppParser {
  return (sharedParser ??= new VppParser());
}

const TRIVIA = new Set<TokenKind>(['whitespace', 'comment', 'continuation']);

export function parse(text: string, language: 'cli' | 'startup', mode: LexMode): SyntaxTree {
  const lexed = lexerFor(mode).tokenize(text);
  const tokens = lexed.tokens.map(toToken);
  const significant = lexed.tokens.filter((t, i) => {
    const kind = tokens[i].kind;
    if (TRIVIA.has(kind)) return false;
    return language === 'cli' || kind !== 'newline';
  });
  const { lines, items, errors } = parser().parseDocument(text, significant, language === 'cli');
  return { language, text, tokens, lines, items, errors };
}
