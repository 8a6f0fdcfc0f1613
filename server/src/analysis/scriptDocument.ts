import { NEWEST_RELEASE, schemaFor, type Schema } from '../schema/index';
import { lineInputReader } from '../schema/lineInput';
import { RELEASES, type VppRelease } from '../schema/types';
import { indexingLines, LineIndex } from '../syntax/lineIndex';
import { flatText, type TextLike } from '../syntax/pieceText';
import type { LineNode, SyntaxError, SyntaxTree, Token } from '../syntax/tree';
import { DEFAULT_MAX_FILE_SIZE, type Analysis, type AnalyzeOptions } from './analyze';
import type { CommandUse } from './cliModel';
import { diagnostic, type VppDiagnostic } from './diagnostic';
import { analysedPart, fileTooLarge } from './sizeLimit';
import { findReleaseDirective, findSuppressions, suppressionRequests, type ReleaseDirective, type SuppressionRequest } from './directives';
import { clashDiagnostic, referenceDiagnostic } from './interfaceChecks';
import { adoptModel, affectsDefinitions, ModelBuilder, type InterfaceReference } from './interfaceModel';
import { effectiveUse } from './interfaceNaming';
import { isNameUse, nameUsesOf, ReadersIndex } from './nameUses';
import { findSpanningBlocks, firstUnclosed, spanningBlockDiagnostic } from './spanningBlocks';
import { Segment, segmentAt } from './scriptSegment';
import { finish, type Steps } from './steps';

/**
 * A VPP script is read line by line, so its analysis is kept per logical line (a segment: the text
 * up to and including the newline that ends it; a backslash-newline continues it). An edit
 * re-reads only the segments it touches; the others keep their tokens, tree, command and findings
 * and move with their anchor. What spans lines (blocks over several lines, the first use of a
 * plugin, suppressions, the interface model) is put together again from the per-line parts, which
 * costs a pass over the lines but no parsing.
 */

/** Comments keep what their `vpp-lint` directives ask, so that a version does not read them again. */
const requestCache = new WeakMap<Token, SuppressionRequest[]>();

function requestsOf(comment: Token): SuppressionRequest[] {
  let requests = requestCache.get(comment);
  if (!requests) requestCache.set(comment, (requests = suppressionRequests(comment.text)));
  return requests;
}

/**
 * One change of the text, in the offsets of the text before it; `after` is the whole text after it
 * (the server's documents keep it in pieces: an edit reads only the lines it touches).
 */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly after: TextLike;
  /** The line index of `after`, when the caller keeps one (the server's documents do): not made twice. */
  readonly lines?: LineIndex;
}

const VERSION_WORD = 'vpp-version';

const NO_NAMES: readonly string[] = [];
const NO_SEGMENTS: readonly Segment[] = [];

/**
 * The lines that read one name, in the order they were filed. Most names are read by a few lines,
 * and a name per interface is many names: a short list costs a third of a set.
 */
type Readers = Segment[] | Set<Segment>;
const READERS_IN_A_LIST = 8;

function withReader(readers: Readers | undefined, segment: Segment): Readers {
  if (!readers) return [segment];
  if (readers instanceof Set) return readers.add(segment);
  // a line files all its names at once: a name it reads twice has it last
  if (readers[readers.length - 1] === segment) return readers;
  if (readers.length < READERS_IN_A_LIST) {
    readers.push(segment);
    return readers;
  }
  return new Set(readers).add(segment);
}

/** Takes a line out of a name's readers; returns how many are left. */
function withoutReader(readers: Readers, segment: Segment): number {
  if (readers instanceof Set) {
    readers.delete(segment);
    return readers.size;
  }
  const at = readers.indexOf(segment);
  if (at >= 0) readers.splice(at, 1);
  return readers.length;
}

/** Offsets just past each newline that ends a logical line, in `text[from, to)`. */
function segmentEnds(text: TextLike, from: number, to: number, out: number[]): void {
  let at = from;
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl < 0 || nl >= to) break;
    at = nl + 1;
    if (text.charCodeAt(nl - 1) !== 92 /* \ */) out.push(at);
  }
}

/**
 * Segments covering `text[from, to)`; `to` must be the end of a segment or of the text. A text in
 * pieces is read from a slice of the region (`from` always starts a segment, so its newlines end
 * the same segments there as in the whole text).
 */
function makeSegments(text: TextLike, from: number, to: number): Segment[] {
  const whole = typeof text === 'string';
  const region = whole && from === 0 && to === text.length ? text : text.slice(from, to);
  // the segments read `read`, which starts at `origin` in the document
  const read = whole ? text : region;
  const origin = whole ? 0 : from;
  const ends: number[] = [];
  segmentEnds(read, from - origin, to - origin, ends);
  if (ends[ends.length - 1] !== to - origin && to > from) ends.push(to - origin);
  const hints: number[] = [];
  for (let i = region.indexOf(VERSION_WORD); i >= 0; i = region.indexOf(VERSION_WORD, i + 1)) hints.push(from - origin + i);
  const out: Segment[] = [];
  let start = from - origin;
  let h = 0;
  for (const end of ends) {
    while (h < hints.length && hints[h] < start) h++;
    out.push(new Segment(read, start, end, h < hints.length && hints[h] < end, origin));
    start = end;
  }
  return out;
}

export function releaseOf(directive: ReleaseDirective | undefined, options: AnalyzeOptions): VppRelease {
  return directive?.release ?? options.release ?? NEWEST_RELEASE;
}

/** How much a step of a stepwise analysis reads: a few milliseconds of work at most (steps.ts). */
const STEP_CHARS = 16 * 1024;
const STEP_LINES = 500;

/** The end of the segment holding the newline at `nl` (a continued line goes on to the next newline). */
export function segmentEndAfter(text: TextLike, nl: number): number {
  for (let at = nl; at >= 0; at = text.indexOf('\n', at + 1)) if (text.charCodeAt(at - 1) !== 92) return at + 1;
  return text.length;
}

/** The first index in `list` (ordered by position) whose segment starts at or after `offset`. */
function firstAtOrAfter(list: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].anchor.base < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Replaces `list[from, to)` with `items`, in place: moving the tail is cheaper than copying the list. */
function splice<T>(list: T[], from: number, to: number, items: readonly T[]): void {
  if (items.length <= 1000) list.splice(from, to - from, ...items);
  else {
    const tail = list.splice(to);
    list.length = from;
    for (const item of items) list.push(item);
    for (const item of tail) list.push(item);
  }
}

/** Drops replaced segments from an ordered list and puts the new ones that `keep` in place. */
function merged(list: readonly Segment[], fresh: readonly Segment[], keep: (s: Segment) => boolean): Segment[] {
  const out = list.filter((s) => !s.dead);
  for (const segment of fresh) {
    if (segment.dead || !keep(segment)) continue;
    out.splice(firstAtOrAfter(out, segment.anchor.base), 0, segment);
  }
  return out;
}

/**
 * The analysis of one script, kept up to date across edits. `analyze()` makes a fresh one per call;
 * the server keeps one per open document and feeds it the edits it receives. An update supersedes
 * the analysis the previous call returned: the lists and positions it shares move on with the text.
 */
export class ScriptDocument {
  private segments: Segment[] = [];
  /** The segments that hold a line, with their lines and commands: what the analysis lists. */
  private lineSegments: Segment[] = [];
  private lineNodes: LineNode[] = [];
  private commands: CommandUse[] = [];
  /** Segments with something for the document-wide pass (see `Segment.notable`), in order. */
  private notable: Segment[] = [];
  /** Segments whose line runs a script, in order. */
  private runners: Segment[] = [];
  /** Segments whose interface uses get findings, in order. */
  private flagged: Segment[] = [];
  /** Segments made by edits since the last analysis. */
  private fresh: Segment[] = [];
  private text: TextLike = '';
  private lines = new LineIndex('');
  private release?: VppRelease;
  private schema?: Schema;
  private builder?: ModelBuilder;
  /** The lines bound by each name they read. */
  private readonly readersOf = new ReadersIndex<Readers>();
  /** How many lines use each name (certain, whole VPP uses), from the references of the bound lines. */
  private readonly useCounts = new Map<string, number>();
  /** Edits since the last analysis touched a line that creates or deletes interfaces. */
  private definitionsChanged = true;
  /**
   * Since the last analysis: the commands that created or deleted interfaces and are gone, and the
   * region of the new text each change replaced (undefined when the whole text is read again, as on a
   * new release), for the model to fold a single change in where it happened.
   */
  private deadDefiners = new Set<CommandUse>();
  private edits: { from: number; to: number }[] | undefined = [];
  private limitedLast = false;

  constructor(private readonly options: AnalyzeOptions) {}

  /** Analyses `text` from scratch. */
  reset(text: string): Analysis {
    return finish(this.resetting(text));
  }

  /**
   * Analyses `text` from scratch in steps: the generator yields between batches of lines, so that
   * a caller can let other work run while a very large file is read.
   */
  *resetting(text: string): Generator<void, Analysis> {
    this.text = text;
    const limit = this.limit;
    this.limitedLast = text.length > limit;
    const parsed = analysedPart(text, limit);
    this.segments = [];
    for (let from = 0; from < parsed.length; ) {
      const nl = parsed.indexOf('\n', from + STEP_CHARS);
      const to = nl < 0 ? parsed.length : segmentEndAfter(parsed, nl);
      for (const segment of makeSegments(parsed, from, to)) this.segments.push(segment);
      from = to;
      yield;
    }
    this.fresh = [];
    this.release = undefined;
    this.lines = yield* indexingLines(text);
    return yield* this.assembling(parsed);
  }

  /** The lists of segments with a line, notable or running a script, made afresh from every segment. */
  private *listingAll(): Steps<void> {
    this.lineSegments = [];
    this.lineNodes = [];
    this.commands = [];
    this.notable = [];
    this.runners = [];
    for (let i = 0; i < this.segments.length; i++) {
      const s = this.segments[i];
      if (s.line) {
        this.lineSegments.push(s);
        this.lineNodes.push(s.line);
        this.commands.push(s.use!);
      }
      if (s.notable) this.notable.push(s);
      if (s.execPath) this.runners.push(s);
      if (i % STEP_LINES === STEP_LINES - 1) yield;
    }
  }

  /** Applies the changes (each in the offsets of the text before it) and analyses the result. */
  update(changes: readonly TextChange[]): Analysis {
    const last = changes[changes.length - 1];
    if (!last) return this.reset(flatText(this.text));
    if (this.limitedLast || this.release === undefined || changes.some((c) => c.after.length > this.limit)) return this.reset(flatText(last.after));
    for (const change of changes) this.apply(change);
    return finish(this.assembling(this.text));
  }

  /**
   * Where the findings of the last analysis stop being final if the text went on: at the first
   * line whose `{` no later line closes (a line after it may, making the lines between one block),
   * else at the end of the text.
   */
  settledBefore(): number {
    const open = firstUnclosed(this.notable.filter((s) => s.balance !== 0));
    return open ? open.anchor.base : this.text.length;
  }

  private get limit(): number {
    return this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  private apply(change: TextChange): void {
    const { start, end, after } = change;
    const delta = change.text.length - (end - start);
    const before = this.text;
    this.lines = change.lines?.text === after ? change.lines : this.lines.edited(start, end, change.text, after);
    this.text = after;
    const segments = this.segments;
    if (segments.length === 0) {
      this.segments = makeSegments(after, 0, after.length);
      for (const segment of this.segments) this.take(segment);
      this.lineSegments = this.segments.filter((seg) => seg.line);
      this.lineNodes = this.lineSegments.map((seg) => seg.line!);
      this.commands = this.lineSegments.map((seg) => seg.use!);
      this.definitionsChanged = true;
      this.edits = undefined;
      return;
    }
    const first = segmentAt(segments, start);
    const from = segments[first].anchor.base;
    const editEnd = start + change.text.length;
    // the first newline after the edit that is not a `\` continuation, in the old text as in the
    // new, ends a segment: the segments after it are kept. Right after the edit, the character
    // before it is the edit's in the new text and was `before[end - 1]` in the old one.
    let to = after.length;
    let last = segments.length - 1;
    for (let nl = after.indexOf('\n', editEnd); nl >= 0; nl = after.indexOf('\n', nl + 1)) {
      if (nl === editEnd && (nl === 0 || (end > 0 && before.charCodeAt(end - 1) === 92))) continue;
      if (after.charCodeAt(nl - 1) !== 92) {
        to = nl + 1;
        last = segmentAt(segments, to - delta - 1);
        break;
      }
    }
    const oldTo = segments[last].anchor.base + segments[last].length;
    const fresh = makeSegments(after, from, to);
    for (const segment of fresh) this.take(segment);
    for (let i = first; i <= last; i++) {
      const old = segments[i];
      old.dead = true;
      this.forget(old);
      if (old.use && affectsDefinitions(old.use)) {
        this.definitionsChanged = true;
        this.deadDefiners.add(effectiveUse(old.use)!);
      }
    }
    this.edits?.push({ from, to });
    // the lists of lines are cut where the replaced segments were, before the rest moves
    const lo = firstAtOrAfter(this.lineSegments, from);
    const hi = firstAtOrAfter(this.lineSegments, oldTo);
    const withLines = fresh.filter((seg) => seg.line);
    splice(this.lineSegments, lo, hi, withLines);
    splice(this.lineNodes, lo, hi, withLines.map((seg) => seg.line!));
    splice(this.commands, lo, hi, withLines.map((seg) => seg.use!));
    for (let i = last + 1; i < segments.length; i++) segments[i].anchor.base += delta;
    splice(segments, first, last + 1, fresh);
  }

  /** Analyses a segment an edit made, with the release in force (a new release redoes them all). */
  private take(segment: Segment): void {
    this.fresh.push(segment);
    if (this.schema) segment.analyze(this.schema, this.options);
    if (segment.use && affectsDefinitions(segment.use)) this.definitionsChanged = true;
  }

  private directive(parsed: TextLike, candidates: readonly Segment[]): ReleaseDirective | undefined {
    const hinted = candidates.find((s) => s.versionHint);
    if (!hinted) return undefined;
    const base = hinted.anchor.base;
    const found = findReleaseDirective(parsed.slice(base, base + hinted.length));
    return found && { ...found, start: found.start + base, end: found.end + base };
  }

  private *assembling(parsed: TextLike): Generator<void, Analysis> {
    const options = this.options;
    const text = this.text;
    const lines = this.lines;
    const fresh = this.fresh;
    this.fresh = [];

    // the release first: a new one (or a first analysis) redoes every line
    let notable = this.release === undefined ? this.segments.filter((s) => s.versionHint) : merged(this.notable, fresh, (s) => s.notable);
    const directive = this.directive(parsed, notable);
    const release = releaseOf(directive, options);
    const releaseChanged = release !== this.release;
    if (releaseChanged) {
      this.release = release;
      this.schema = schemaFor(release, options.layer);
      for (let i = 0; i < this.segments.length; i++) {
        this.segments[i].analyze(this.schema, this.options);
        if (i % STEP_LINES === STEP_LINES - 1) yield;
      }
      yield* this.listingAll();
      notable = this.notable;
      this.definitionsChanged = true;
      this.edits = undefined;
    }
    this.notable = notable;
    if (!releaseChanged) this.runners = merged(this.runners, fresh, (s) => s.execPath !== undefined);
    const schema = this.schema!;

    const blocks = findSpanningBlocks(notable.filter((s) => s.balance !== 0));
    const swallowed = (segment: Segment) => blocks.some((b) => segment.anchor.base >= b.first.anchor.base && segment.anchor.base <= b.last.anchor.base);
    const errors: SyntaxError[] = [];
    const diagnostics: VppDiagnostic[] = [];
    let deepSeen = false;
    for (const segment of notable) {
      if (segment.errors.length === 0) continue;
      const shift = segment.anchor.base - segment.parsedAt;
      const inBlock = blocks.length > 0 && swallowed(segment);
      for (const e of segment.errors) {
        // one report per document for nesting too deep, as the parser of a whole document gives
        if (e.code === 'vpp.nesting-too-deep') {
          if (deepSeen) continue;
          deepSeen = true;
        }
        const moved = shift === 0 ? e : { ...e, start: e.start + shift, end: e.end + shift };
        errors.push(moved);
        // in a script VPP reads an unclosed `{` to the end of the line and accepts it
        if (inBlock || moved.atEnd) continue;
        diagnostics.push(diagnostic(moved.code as VppDiagnostic['code'], moved.message, moved.start, moved.end));
      }
    }
    const lineNodes = this.lineNodes;
    for (const b of blocks) diagnostics.push(spanningBlockDiagnostic(b.first.line!, b.last.line!, flatText(parsed), lines, lineReaderOf(b.first.use, release)));
    if (directive && !directive.release) {
      diagnostics.push(diagnostic('vpp.unknown-release', `VPP ${directive.value} is not a release we model (${RELEASES.join(', ')}); using ${release}.`, directive.start, directive.end));
    }
    if (this.limitedLast) diagnostics.push(fileTooLarge(flatText(text), this.limit, parsed.length, lines));
    const warnedPlugins = new Set<string>();
    const lintComments: Token[] = [];
    for (const segment of notable) {
      for (const c of segment.lintComments) lintComments.push(c);
      if (segment.checks.length === 0 || (blocks.length > 0 && swallowed(segment))) continue;
      let p = 0;
      for (const d of segment.checks) {
        if (d.code === 'vpp.plugin-disabled') {
          const plugin = segment.plugins[p++];
          if (warnedPlugins.has(plugin)) continue;
          warnedPlugins.add(plugin);
        }
        diagnostics.push(d);
      }
    }
    const suppressions = findSuppressions(lintComments, (o) => lines.lineOf(o), requestsOf);

    const tree = lazyTree(parsed, lineNodes, errors, this.segments, () => flatText(this.text));
    const analysis: Analysis = {
      language: 'cli',
      // made one string only when a feature reads the text whole (see PieceText)
      get text(): string {
        return flatText(text);
      },
      lines,
      tree,
      release,
      releaseDirective: directive,
      schema,
      commands: this.commands,
      scriptRuns: this.runners.map((s) => s.execPath!),
      startup: undefined,
      diagnostics,
      suppressions,
      limited: this.limitedLast,
    };
    const builder = yield* this.updatingModel(analysis, fresh, releaseChanged);
    // the interface findings come last, as the model needs the finished analysis
    for (const def of builder.clashes) diagnostics.push(clashDiagnostic(def, lines));
    for (const segment of this.flagged) for (const f of segment.findings) diagnostics.push(referenceDiagnostic(f.ref, f.finding, lines));
    return analysis;
  }

  /** Binds a line's uses, and files the line under the names they read. */
  private bind(segment: Segment, builder: ModelBuilder): void {
    this.uncountUses(segment);
    segment.bind(builder);
    this.countUses(segment);
    if (segment.names || !segment.use) return;
    const names = (segment.names = builder.namesReadBy(segment.use));
    for (const name of names) {
      const readers = this.readersOf.get(name);
      const now = withReader(readers, segment);
      if (now !== readers) this.readersOf.set(name, now);
    }
  }

  /** Takes a line that an edit replaced out of the index of names. */
  private forget(segment: Segment): void {
    this.uncountUses(segment);
    for (const name of segment.names ?? NO_NAMES) {
      const readers = this.readersOf.get(name);
      if (readers && withoutReader(readers, segment) === 0) this.readersOf.delete(name);
    }
    segment.names = undefined;
  }

  /**
   * Counts the names a bound line uses (each once per line), and keeps them on the line to take them out
   * again. Completion reads each counted name's uses again, so a count left over costs a look, not a wrong answer.
   */
  private countUses(segment: Segment): void {
    let names: string[] | undefined;
    for (const r of segment.references) if (isNameUse(r) && !names?.includes(r.name)) (names ??= []).push(r.name);
    segment.usedNames = names ?? NO_NAMES;
    for (const name of segment.usedNames) this.useCounts.set(name, (this.useCounts.get(name) ?? 0) + 1);
  }

  private uncountUses(segment: Segment): void {
    for (const name of segment.usedNames ?? NO_NAMES) {
      const left = (this.useCounts.get(name) ?? 0) - 1;
      if (left > 0) this.useCounts.set(name, left);
      else this.useCounts.delete(name);
    }
    segment.usedNames = undefined;
  }

  /** Binds every line afresh. */
  private *bindingAll(builder: ModelBuilder): Generator<void> {
    this.readersOf.clear();
    this.useCounts.clear();
    for (const segment of this.segments) segment.names = segment.usedNames = undefined;
    for (let i = 0; i < this.lineSegments.length; i++) {
      this.bind(this.lineSegments[i], builder);
      if (i % STEP_LINES === STEP_LINES - 1) yield;
    }
    this.flagged = this.lineSegments.filter((s) => s.findings.length > 0);
  }

  /** Binds again the lines that read a changed name, and the new lines. */
  private rebind(builder: ModelBuilder, changed: ReadonlySet<string>, fresh: readonly Segment[]): void {
    const again = new Set<Segment>();
    for (const segment of fresh) if (!segment.dead && segment.line) again.add(segment);
    for (const name of changed) for (const segment of this.readersOf.get(name) ?? NO_SEGMENTS) again.add(segment);
    for (const segment of again) this.bind(segment, builder);
    const kept = this.flagged.filter((s) => !again.has(s));
    this.flagged = merged(kept, [...again].sort((a, b) => a.anchor.base - b.anchor.base), (s) => s.findings.length > 0);
  }

  private *updatingModel(analysis: Analysis, fresh: readonly Segment[], everyLine: boolean): Generator<void, ModelBuilder> {
    let builder = this.builder;
    const edited = this.edits?.length === 1 ? this.edits[0] : undefined;
    const dead = this.deadDefiners;
    this.deadDefiners = new Set();
    this.edits = [];
    if (!builder) {
      builder = this.builder = new ModelBuilder(analysis);
      builder.collectDefinitions();
      yield;
      yield* this.bindingAll(builder);
    } else if (this.definitionsChanged) {
      const added = edited ? fresh.filter((s) => !s.dead && s.use && affectsDefinitions(s.use)).map((s) => s.use!) : [];
      if (!edited || !builder.splice(analysis, dead, added, edited.from, edited.to)) {
        // a definition kept from the previous build keeps its references (and what a fold that
        // could not finish touched counts as changed): only the uses of changed names are bound again
        builder = this.builder = new ModelBuilder(analysis, builder, edited ? builder.changedNames : undefined);
        builder.collectDefinitions();
        yield;
      }
      if (everyLine) yield* this.bindingAll(builder);
      else this.rebind(builder, builder.changedNames, fresh);
    } else {
      for (const segment of fresh) if (!segment.dead && !segment.bound) this.bind(segment, builder);
      this.flagged = merged(this.flagged, fresh, (s) => s.findings.length > 0);
    }
    this.definitionsChanged = false;
    const lineSegments = this.lineSegments;
    let references: InterfaceReference[] | undefined;
    adoptModel(analysis, {
      definitions: builder.definitions,
      definitionsVersion: builder.definitionsVersion,
      get references(): readonly InterfaceReference[] {
        if (!references) {
          references = [];
          for (const segment of lineSegments) for (const r of segment.references) references.push(r);
        }
        return references;
      },
      acceptedNamed: (name) => builder.acceptedNamed(name),
      acceptedRanges: builder.acceptedRanges,
      // read from the index of readers and the lines as they are when asked (no request reads an older analysis)
      nameUses: nameUsesOf(this.readersOf, this.useCounts, lineSegments),
    });
    return builder;
  }
}

/** The path of the command a line runs when it reads its arguments with unformat_line_input. */
function lineReaderOf(use: CommandUse | undefined, release: VppRelease): string | undefined {
  return use?.kind === 'command' && lineInputReader(use.node.path, release) ? use.node.path : undefined;
}

/**
 * The tree of a script, whose flat token list is put together only when a feature asks for it, with
 * the trivia read from `currentText()` (the document's text as the segments are now).
 */
function lazyTree(text: TextLike, lines: LineNode[], errors: SyntaxError[], segments: readonly Segment[], currentText: () => string): SyntaxTree {
  let tokens: Token[] | undefined;
  return {
    language: 'cli',
    get text(): string {
      return flatText(text);
    },
    lines,
    items: [],
    errors,
    get tokens(): readonly Token[] {
      if (!tokens) {
        tokens = [];
        const now = currentText();
        for (const s of segments) s.tokensIn(now, tokens);
      }
      return tokens;
    },
    tokensNear(offset: number): readonly Token[] {
      if (tokens || segments.length === 0) return this.tokens;
      const i = segmentAt(segments, offset);
      const near: Token[] = [];
      const now = currentText();
      for (let k = Math.max(0, i - 1); k <= Math.min(segments.length - 1, i + 1); k++) segments[k].tokensIn(now, near);
      return near;
    },
  };
}
