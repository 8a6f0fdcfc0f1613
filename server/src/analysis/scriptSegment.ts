import type { IToken } from 'chevrotain';
import type { Schema } from '../schema/index';
import { detached, scan } from '../syntax/lexer';
import { BreakCollector, newReport, parseScriptLine, type ParseReport } from '../syntax/parser';
import { Anchor, AnchoredToken, type Item, type LineNode, type SyntaxError, type Token, type TokenKind } from '../syntax/tree';
import { scanTrivia, type TriviaSink } from '../syntax/trivia';
import type { AnalyzeOptions } from './analyze';
import { checkCommand } from './cliChecks';
import { analyzeLine, type CommandUse } from './cliModel';
import type { VppDiagnostic } from './diagnostic';
import { referenceFinding } from './interfaceChecks';
import type { InterfaceReference, ModelBuilder } from './interfaceModel';
import { LineDiagnostic } from './lineDiagnostic';
import { execPathOf } from './scriptRuns';
import { braceBalance } from './spanningBlocks';

/**
 * One logical line of a script as the script document keeps it (a segment: the text up to and
 * including the newline that ends it; a backslash-newline continues it): its significant tokens,
 * tree, command and findings, at offsets relative to the segment, which moves as edits above it do.
 */

const NONE: readonly Token[] = [];
const NO_FINDINGS: Segment['findings'] = [];
const LINT_WORD = 'vpp-lint';

/** Records which plugins `checkCommand` warned about on one line, in order. */
class PluginRecorder extends Set<string> {
  readonly order: string[] = [];

  override add(plugin: string): this {
    this.order.push(plugin);
    return super.add(plugin);
  }
}

const pluginRecorder = new PluginRecorder();
const NO_CHECKS: readonly VppDiagnostic[] = [];
const NO_PLUGINS: readonly string[] = [];
const NO_REFERENCES: readonly InterfaceReference[] = [];

const DETACHED = new Anchor(0);

/** Collects one line's tokens as the lexer finds them; one for all lines, so that reading a line allocates only what it keeps. */
class LineSink {
  private anchor = DETACHED;
  /** Where the text being read starts in the document (a line may be read from a slice of it). */
  private origin = 0;
  /** The line's significant tokens; the segment keeps a copy of its size (an array grown by push holds room for 17). */
  readonly words: Token[] = [];
  readonly significant: IToken[] = [];
  readonly lint: Token[] = [];
  readonly breaks = new BreakCollector();

  begin(anchor: Anchor, origin: number): void {
    this.anchor = anchor;
    this.origin = origin;
    this.clear();
  }

  /**
   * Lets go of the line it read. The sink lives as long as the server: holding the last segment's
   * anchor and tokens held, through their references and the interface model, its whole document,
   * after it was closed, until another script was read.
   */
  end(): void {
    this.anchor = DETACHED;
    this.origin = 0;
    this.clear();
  }

  private clear(): void {
    this.words.length = 0;
    this.significant.length = 0;
    this.lint.length = 0;
    this.breaks.reset();
  }

  readonly emit = (kind: TokenKind, from: number, _to: number, raw: IToken): void => {
    if (kind === 'word' || kind === 'lbrace' || kind === 'rbrace') {
      const token = new AnchoredToken(kind, interned(raw.image), from + this.origin - this.anchor.base, this.anchor);
      this.breaks.see(token);
      this.words.push(token);
      raw.payload = token;
      this.significant.push(raw);
      return;
    }
    // trivia are made again when asked for (see `Segment.tokensIn`); only those that mean something
    // are kept: continuations that end a command's input, comments with a directive
    const keep = kind === 'continuation' || (kind === 'comment' && raw.image.includes(LINT_WORD));
    const token = keep ? new AnchoredToken(kind, raw.image, from + this.origin - this.anchor.base, this.anchor) : kindOnly(kind);
    this.breaks.see(token);
    if (kind === 'comment' && keep) this.lint.push(token);
  };
}

/**
 * One string for each short word the scripts repeat (`set`, `interface`, `state`, `up`, `ip`...):
 * most of a line's words are command words and keywords, and a string per token was a tenth of the
 * document. Bounded, so that the names of a long session do not pile up; a word seen after it is
 * full keeps its own string.
 */
const INTERNED = new Map<string, string>();
const INTERNED_MAX = 20_000;
const INTERNED_LENGTH = 16;

function interned(word: string): string {
  if (word.length > INTERNED_LENGTH) return word;
  const known = INTERNED.get(word);
  if (known !== undefined) return known;
  if (INTERNED.size < INTERNED_MAX) INTERNED.set(word, word);
  return word;
}

/** What `BreakCollector.see` reads of a trivia token that is not kept: its kind. */
const KIND_ONLY = new Map<TokenKind, Token>();
function kindOnly(kind: TokenKind): Token {
  let token = KIND_ONLY.get(kind);
  if (!token) KIND_ONLY.set(kind, (token = { kind, text: '', start: -1, end: -1 }));
  return token;
}

const lineSink = new LineSink();
const sharedReport: ParseReport = newReport();
const NO_ERRORS: readonly SyntaxError[] = [];

/** A segment is the anchor of its own tokens (one object less per line). */
export class Segment extends Anchor {
  /** The significant tokens (words and braces) in order; trivia are made on demand (`tokensIn`). */
  readonly words: readonly Token[];
  readonly line?: LineNode;
  /** Syntax errors, at offsets valid when the anchor was at `parsedAt`. */
  readonly errors: readonly SyntaxError[];
  readonly parsedAt: number;
  readonly balance: number;
  lintComments: readonly Token[] = NONE;
  /** The segment holds `vpp-version`, so it may hold the release directive. */
  readonly versionHint: boolean;

  /** What depends on the release: the command and its findings. */
  schema?: Schema;
  use?: CommandUse;
  checks: readonly VppDiagnostic[] = NO_CHECKS;
  plugins: readonly string[] = NO_PLUGINS;
  /** The path word, when the line runs a script with `exec`. */
  execPath?: Token;
  references: readonly InterfaceReference[] = NO_REFERENCES;
  /** `references` were bound by the current model. */
  bound = false;
  /** The uses among `references` that get a finding, and which. */
  findings: readonly { ref: InterfaceReference; finding: 'undefined' | 'before-create' }[] = NO_FINDINGS;
  /** An edit replaced the segment. */
  dead = false;
  /** The names its uses were bound by (see `ModelBuilder.namesReadBy`), while in the document's index. */
  names?: readonly string[];
  /** The names of its certain, whole VPP uses, as the document counts them (see `ScriptDocument.countUses`). */
  usedNames?: readonly string[];

  readonly length: number;

  /** The line at `text[start, end)`, where `text` starts at `origin` in the document (a slice of it, or all of it). */
  constructor(text: string, start: number, end: number, versionHint: boolean, origin = 0) {
    super(origin + start);
    this.length = end - start;
    const sink = lineSink;
    sink.begin(this, origin);
    scan(text, 'script', sink.emit, start, end);
    const words = sink.words;
    if (sink.lint.length > 0) this.lintComments = sink.lint.slice();
    const report = sharedReport;
    report.errors.length = 0;
    report.deepReported = false;
    this.line = parseScriptLine(sink.significant, report, sink.breaks.breaks);
    // a line without groups lists its significant tokens as its items: one array for both
    this.words = this.line && sameTokens(this.line.items, words) ? (this.line.items as Token[]) : words.slice();
    this.errors = report.errors.length > 0 ? report.errors.slice() : NO_ERRORS;
    report.errors.length = 0;
    this.parsedAt = origin + start;
    this.balance = this.line ? braceBalance(this.line.items) : 0;
    this.versionHint = versionHint;
    sink.end();
  }

  get anchor(): Anchor {
    return this;
  }

  /**
   * Appends the segment's tokens in order, trivia included, reading the trivia from `text` (the
   * document's text now). Significant tokens, directive comments and continuations that end a
   * command's input are the kept objects; the other trivia are made anew.
   */
  tokensIn(text: string, out: Token[]): void {
    const base = this.anchor.base;
    const end = base + this.length;
    const kept = new KeptTrivia(this.lintComments, this.line?.breaks ?? NONE);
    const trivia: TriviaSink = (kind, from, to) => out.push(kept.take(kind, from) ?? new AnchoredToken(kind, detached(text.slice(from, to)), from - base, this.anchor));
    const mark = out.length;
    let at = base;
    for (const word of this.words) {
      if (!scanTrivia(text, at, word.start, trivia)) return this.lexedIn(text, out, mark);
      out.push(word);
      at = word.end;
    }
    if (!scanTrivia(text, at, end, trivia)) this.lexedIn(text, out, mark);
  }

  /** `tokensIn` by the lexer, for a text whose trivia the scanner did not recognise (not the segment's). */
  private lexedIn(text: string, out: Token[], mark: number): void {
    out.length = mark;
    const base = this.anchor.base;
    const kept = new KeptTrivia(this.lintComments, this.line?.breaks ?? NONE);
    let w = 0;
    scan(text, 'script', (kind, from, _to, raw) => {
      const significant = kind === 'word' || kind === 'lbrace' || kind === 'rbrace';
      out.push((significant ? this.words[w++] : kept.take(kind, from)) ?? new AnchoredToken(kind, raw.image, from - base, this.anchor));
    }, base, Math.min(text.length, base + this.length));
  }

  /** Has something the document-wide pass must look at: findings, braces, directives. */
  get notable(): boolean {
    return this.errors.length > 0 || this.checks.length > 0 || this.lintComments.length > 0 || this.balance !== 0 || this.versionHint;
  }

  bind(builder: ModelBuilder): void {
    if (!this.use) return;
    this.references = builder.referencesOf(this.use);
    this.bound = true;
    let findings: { ref: InterfaceReference; finding: 'undefined' | 'before-create' }[] | undefined;
    for (const ref of this.references) {
      const finding = referenceFinding(ref);
      if (finding) (findings ??= []).push({ ref, finding });
    }
    this.findings = findings ?? NO_FINDINGS;
  }

  analyze(schema: Schema, options: AnalyzeOptions): void {
    this.schema = schema;
    this.references = NO_REFERENCES;
    this.bound = false;
    this.findings = NO_FINDINGS;
    if (!this.line) {
      this.use = undefined;
      this.checks = NO_CHECKS;
      this.plugins = NO_PLUGINS;
      return;
    }
    this.use = analyzeLine(this.line, schema);
    this.execPath = execPathOf(this.use);
    const recorder = pluginRecorder;
    recorder.clear();
    recorder.order.length = 0;
    const checks = checkCommand(this.use, schema, { warned: recorder, switches: options.pluginSwitches, source: options.pluginSource });
    this.checks = checks.length === 0 ? NO_CHECKS : checks.map((d) => new LineDiagnostic(d, this.anchor));
    this.plugins = recorder.order.length === 0 ? NO_PLUGINS : recorder.order.slice();
  }
}

function sameTokens(items: readonly Item[], words: readonly Token[]): boolean {
  if (items.length !== words.length) return false;
  for (let i = 0; i < items.length; i++) if (items[i] !== words[i]) return false;
  return true;
}

/** The trivia a segment keeps as objects (in order), handed out where a feature's token list meets them. */
class KeptTrivia {
  private c = 0;
  private b = 0;

  constructor(
    private readonly comments: readonly Token[],
    private readonly breaks: readonly Token[],
  ) {}

  take(kind: TokenKind, start: number): Token | undefined {
    if (kind === 'comment' && this.comments[this.c]?.start === start) return this.comments[this.c++];
    if (kind === 'continuation' && this.breaks[this.b]?.start === start) return this.breaks[this.b++];
    return undefined;
  }
}

/** The segment holding `offset` among segments in text order: the last that starts at or before it. */
export function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].anchor.base <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
