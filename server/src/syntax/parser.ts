import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken } from 'chevrotain';
import { scan } from './lexer';
import { LineIndex } from './lineIndex';
import { Continuation, LBrace, Newline, RBrace, Whitespace, Word, type LexMode } from './tokens';
import { Group, Line, type Item, type LineNode, type SyntaxError, type SyntaxTree, type Token } from './tree';

/** Deeper `{` nesting than this is reported, not recursed into, so no input can exhaust the stack. */
export const MAX_NESTING = 200;

/** State shared by the lines of one document: only the first too-deep nesting is reported. */
export interface ParseReport {
  readonly errors: SyntaxError[];
  deepReported: boolean;
}

export function newReport(): ParseReport {
  return { errors: [], deepReported: false };
}

/** The tree token a chevrotain token stands for (the lexer's caller puts it in `payload`). */
function tokenOf(t: IToken): Token {
  return t.payload as Token;
}

/**
 * One grammar for both languages: a document is a sequence of words and `{ }` groups. In a script,
 * newlines are significant and split the document into logical lines; a group cannot span lines,
 * because VPP reads a script line by line before it looks at braces. A script is parsed one
 * logical line at a time (`line`), so that an edit re-parses only the lines it touches.
 */
class VppParser extends EmbeddedActionsParser {
  private lineMode = false;
  private report: ParseReport = newReport();
  private depth = 0;
  /** Set when the text has more `{` than `}`, to guess where a missing `}` belongs. */
  private unbalanced = false;
  private lines?: LineIndex;
  /** The group whose items `groupItems` reads (a large group is read a run of its items at a time). */
  private openGroup?: Group;

  constructor() {
    super([Word, LBrace, RBrace, Newline, Whitespace, Continuation], { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  private begin(significant: IToken[], lineMode: boolean, report: ParseReport, lines?: LineIndex, unbalanced = !lineMode && braceBalance(significant) > 0): void {
    this.lineMode = lineMode;
    this.report = report;
    this.lines = lines;
    this.depth = 0;
    this.unbalanced = unbalanced;
    this.input = significant;
  }

  private end(): void {
    for (const e of this.errors) this.report.errors.push(parserError(e.token));
  }

  /** The significant tokens of one script line (no newline among them). */
  parseLine(significant: IToken[], report: ParseReport, breaks: readonly Token[]): LineNode | undefined {
    if (significant.length === 0) return undefined;
    this.begin(significant, true, report);
    const line = this.line();
    this.end();
    if (line && breaks.length > 0) (line as Line).breaks = breaks.slice();
    return line;
  }

  /**
   * The significant tokens of a whole startup.conf (newlines left out), or of a run of its top-level
   * items; `unbalanced` is then the whole document's, which decides where a missing `}` is guessed.
   */
  parseConfig(significant: IToken[], report: ParseReport, lines: LineIndex, unbalanced?: boolean): Item[] {
    this.begin(significant, false, report, lines, unbalanced);
    const items = this.configDocument();
    this.end();
    return items;
  }

  /**
   * A run of the items of `node`, a group `depth` deep that the caller opened: they go into
   * `node.items`. Returns how many tokens were read: all of them, or fewer where the group ends (at
   * its `}`, or at a word that closes it, see `closesImplicitly`). The caller cuts the runs where
   * every `{` in them has its `}` and no word before the cut is followed by `{`, so that nothing the
   * parser decides looks past a run.
   */
  parseGroupItems(significant: IToken[], node: Group, depth: number, report: ParseReport, lines: LineIndex, unbalanced: boolean): number {
    this.begin(significant, false, report, lines, unbalanced);
    this.depth = depth;
    this.openGroup = node;
    this.groupItems();
    this.openGroup = undefined;
    // stopping before the end of the input is how the group ends, not an error
    this.errors = this.errors.filter((e) => e.name !== 'NotAllInputParsedException');
    this.end();
    const next = this.LA(1);
    return next.tokenType === EOF ? significant.length : significant.indexOf(next);
  }

  /** Ends a group read with `parseGroupItems`, as the `group` rule ends one. */
  closeGroup(node: Group, close: Token | undefined, atEnd: boolean, report: ParseReport): void {
    node.close = close;
    node.complete();
    if (!close) report.errors.push(missingClose(node, false, atEnd));
  }

  private groupItems = this.RULE('groupItems', () => {
    const node = this.openGroup as Group;
    this.MANY({
      GATE: () => this.depth <= MAX_NESTING && !this.closesImplicitly(node),
      DEF: () => {
        const item = this.SUBRULE(this.innerItem);
        this.ACTION(() => node.items.push(item));
      },
    });
  });

  private configDocument = this.RULE('configDocument', () => {
    const items: Item[] = [];
    this.MANY(() => {
      const item = this.SUBRULE(this.topItem);
      this.ACTION(() => items.push(item));
    });
    return items;
  });

  private line = this.RULE('line', (): LineNode => {
    const items: Item[] = [];
    this.AT_LEAST_ONE(() => {
      const item = this.SUBRULE(this.topItem);
      this.ACTION(() => items.push(item));
    });
    // a line is kept for the whole document: an array grown by push holds room for 17 items
    return this.ACTION(() => new Line(items.slice()));
  });

  /** A word, a group, or a `}` that closes nothing. */
  private topItem = this.RULE('topItem', (): Item => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.innerItem) },
      {
        ALT: () => {
          const t = this.CONSUME(RBrace);
          return this.ACTION(() => {
            const token = tokenOf(t);
            this.report.errors.push({ code: 'vpp.unexpected-brace', message: 'Unexpected `}`: it closes no `{`.', start: token.start, end: token.end });
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
          return this.ACTION(() => tokenOf(t));
        },
      },
      { ALT: () => this.SUBRULE(this.group) },
    ]);
  });

  private group = this.RULE('group', (): Group => {
    const open = this.CONSUME(LBrace);
    const node = this.ACTION(() => {
      this.depth++;
      return new Group(tokenOf(open));
    });
    this.MANY({
      GATE: () => this.depth <= MAX_NESTING && !this.closesImplicitly(node),
      DEF: () => {
        const item = this.SUBRULE(this.innerItem);
        this.ACTION(() => node.items.push(item));
      },
    });
    this.ACTION(() => {
      if (this.depth > MAX_NESTING) this.skipToClose();
    });
    this.OPTION({
      GATE: () => this.depth > MAX_NESTING || !this.closesImplicitly(node),
      DEF: () => {
        const close = this.CONSUME(RBrace);
        this.ACTION(() => (node.close = tokenOf(close)));
      },
    });
    this.ACTION(() => {
      node.complete();
      this.depth--;
      if (this.depth >= MAX_NESTING) this.reportTooDeep(node.open);
      else if (!node.close) this.report.errors.push(missingClose(node, this.lineMode, this.LA(1).tokenType === EOF));
    });
    return node;
  });

  /**
   * Skips what a group too deep to analyse holds, up to its own `}` (or the end). Parsing it would
   * recurse, or make an item per brace: 100,000 `{` took a second of chevrotain rules.
   */
  private skipToClose(): void {
    let open = 0;
    for (let next = this.LA(1); next.tokenType !== EOF; next = this.LA(1)) {
      if (next.tokenType === RBrace) {
        if (open === 0) return;
        open--;
      } else if (next.tokenType === LBrace) open++;
      this.SKIP_TOKEN();
    }
  }

  /**
   * Where braces do not balance, a word at the start of a line that is indented no deeper than the
   * line that opened this group, and is followed by `{`, starts a new block: the `}` is missing.
   */
  private closesImplicitly(node: Group): boolean {
    if (this.lineMode || !this.unbalanced || !this.lines || !node) return false;
    const next = this.LA(1);
    if (!tokenMatcher(next, Word) || !tokenMatcher(this.LA(2), LBrace)) return false;
    return startsNewBlock(node, next, this.lines);
  }

  private reportTooDeep(open: Token): void {
    if (this.report.deepReported) return;
    this.report.deepReported = true;
    this.report.errors.push({
      code: 'vpp.nesting-too-deep',
      message: `Braces nested deeper than ${MAX_NESTING} levels: what lies deeper is not analysed.`,
      start: open.start,
      end: open.end,
    });
  }
}

function missingClose(node: Group, lineMode: boolean, atEnd: boolean): SyntaxError {
  const where = lineMode ? 'before the end of the line' : atEnd ? 'at the end of the block' : 'before the next block';
  return {
    code: 'vpp.unclosed-brace',
    message: `This \`{\` is never closed: add \`}\` ${where}.`,
    start: node.open.start,
    end: node.open.end,
    // VPP reads an unclosed `{` to the end of its input and accepts it: only a `}` missing before
    // more configuration changes what VPP reads
    atEnd: lineMode || atEnd,
  };
}

/**
 * Whether `word`, followed by `{` in a text with more `{` than `}`, closes `node` (see
 * `closesImplicitly`). The document's offsets: a run of items may have been lexed apart from the text before it.
 */
export function startsNewBlock(node: Group, word: IToken, lines: LineIndex): boolean {
  const start = tokenOf(word).start;
  if (!lines.startsLine(start)) return false;
  return lines.indentAt(start) <= lines.indentAt(node.open.start);
}

/** `{` count minus `}` count. */
function braceBalance(significant: readonly IToken[]): number {
  let balance = 0;
  for (const t of significant) balance += t.tokenType === LBrace ? 1 : t.tokenType === RBrace ? -1 : 0;
  return balance;
}

function parserError(t: IToken): SyntaxError {
  const token = t.payload as Token | undefined;
  const start = token ? token.start : Number.isFinite(t.startOffset) ? t.startOffset : 0;
  return { code: 'vpp.syntax', message: `Unexpected \`${t.image}\`.`, start, end: start + (t.image?.length ?? 0) };
}

let sharedParser: VppParser | undefined;

function parser(): VppParser {
  return (sharedParser ??= new VppParser());
}

/** Parses the significant chevrotain tokens of startup.conf, or of a run of its top-level items (see `parseConfig`). */
export function parseConfigTokens(significant: IToken[], report: ParseReport, lines: LineIndex, unbalanced?: boolean): Item[] {
  return parser().parseConfig(significant, report, lines, unbalanced);
}

/** See `VppParser.parseGroupItems`. */
export function parseGroupItems(significant: IToken[], node: Group, depth: number, report: ParseReport, lines: LineIndex, unbalanced: boolean): number {
  return parser().parseGroupItems(significant, node, depth, report, lines, unbalanced);
}

/** See `VppParser.closeGroup`. */
export function closeGroup(node: Group, close: Token | undefined, atEnd: boolean, report: ParseReport): void {
  parser().closeGroup(node, close, atEnd, report);
}

/**
 * Parses the significant chevrotain tokens of one script line, each carrying its tree token as
 * `payload`; `breaks` are its continuations that leave a newline in VPP's input (see `LineNode.breaks`).
 */
export function parseScriptLine(significant: IToken[], report: ParseReport, breaks: readonly Token[] = []): LineNode | undefined {
  return parser().parseLine(significant, report, breaks);
}

/** Collects a script line's breaks from its tokens in order: continuations not right after a comment. */
export class BreakCollector {
  readonly breaks: Token[] = [];
  private afterComment = false;

  reset(): void {
    this.breaks.length = 0;
    this.afterComment = false;
  }

  see(token: Token): void {
    if (token.kind === 'continuation' && !this.afterComment) this.breaks.push(token);
    this.afterComment = token.kind === 'comment';
  }
}

/**
 * Parses a whole document. A script goes line by line, as VPP reads it; startup.conf as one
 * sequence of items and groups.
 */
export function parse(text: string, language: 'cli' | 'startup', mode: LexMode, lineIndex?: LineIndex): SyntaxTree {
  const tokens: Token[] = [];
  const significant: IToken[] = [];
  const report = newReport();
  const lines: LineNode[] = [];
  const breaks = new BreakCollector();
  const endLine = () => {
    const line = parseScriptLine(significant, report, breaks.breaks);
    if (line) lines.push(line);
    significant.length = 0;
    breaks.reset();
  };
  scan(text, mode, (kind, start, end, raw) => {
    const token: Token = { kind, text: raw.image, start, end };
    tokens.push(token);
    breaks.see(token);
    if (kind === 'word' || kind === 'lbrace' || kind === 'rbrace') {
      raw.payload = token;
      significant.push(raw);
    } else if (kind === 'newline' && language === 'cli') endLine();
  });
  if (language === 'cli') {
    endLine();
    return { language, text, tokens, lines, items: [], errors: report.errors };
  }
  const items = parseConfigTokens(significant, report, lineIndex ?? new LineIndex(text));
  return { language, text, tokens, lines: [], items, errors: report.errors };
}
