import { isTemplated } from '../syntax/tokens';
import { isGroup, type GroupNode, type Item, type Token } from '../syntax/tree';
import type { ValueKind, ValueSpec } from '../schema/types';
import { checkShape, checkValue, readsLeadingNumber } from './values';

/**
 * VPP reads a command's arguments, and a startup.conf block, with the same kind of loop: try each
 * keyword in turn, read its values, complain about the rest. This matcher is that loop over our
 * syntax items, shared by script commands and startup.conf sections.
 */

export interface ArgPattern<S> {
  spec: S;
  /** Keyword words; empty for a positional value, `['*']` for "any word" (node names). */
  words: readonly string[];
  values: readonly ValueSpec[];
  block: 'no' | 'optional' | 'required';
  repeatable: boolean;
  /** In a sequence, the index of the first pattern after this one's choice (`CommandSpec.choices`). */
  choiceEnd?: number;
  /**
   * unformat's `%u` / `%d` / `%x` read a number's leading digits and leave the rest of the word in
   * the input, so a branch whose last value is a number is taken for a word that starts with one
   * (`%U %u` reads `10` of `10.9.0.1`). Only where the branches are VPP's, in its order.
   */
  leadingDigits?: boolean;
  /**
   * In a sequence, an element VPP must read at its place (a required one): it reads none after it
   * before it, so a word there is this element or unknown input (`mtu_cmd` reads `%d %U`, and VPP
   * 26.06 stopped at `loop0` of `set interface mtu loop0 9000`).
   */
  readFirst?: boolean;
  /** A group VPP's loop reads in one pass only (`CommandSpec.readOnce`): once one of it is read, none is again. */
  onceGroup?: number;
}

export interface ValueMatch {
  spec: ValueSpec;
  token?: Token;
  /** Tokens taken by a `rest` value. */
  rest?: Token[];
  problem?: string;
}

export interface ArgMatch<S> {
  readonly pattern: ArgPattern<S>;
  readonly keyword: Token[];
  readonly values: ValueMatch[];
  readonly block?: GroupNode;
  readonly start: number;
  readonly end: number;
}

/** A match whose span is read from its tokens, so that it follows them when an edit moves the line. */
class Match<S> implements ArgMatch<S> {
  block?: GroupNode;

  constructor(
    readonly pattern: ArgPattern<S>,
    readonly keyword: Token[],
    readonly values: ValueMatch[],
    /** The item whose start (or, when `startAtEnd`, whose end) starts the match. */
    private readonly first: Item,
    private readonly startAtEnd: boolean,
    /** The item that ends the match before any block. */
    private readonly last: Item,
  ) {}

  get start(): number {
    return this.startAtEnd ? this.first.end : this.first.start;
  }

  get end(): number {
    return (this.block ?? this.last).end;
  }
}

export interface UnknownRun {
  /** The first word VPP would refuse. */
  first: Item;
  /** That word and the words after it that belong to it (up to the next known keyword). */
  items: Item[];
}

export interface MatchResult<S> {
  matches: ArgMatch<S>[];
  unknown: UnknownRun[];
}

function isTemplateWord(item: Item): boolean {
  return !isGroup(item) && isTemplated(item.text);
}

function keywordAt<S>(items: readonly Item[], i: number, pattern: ArgPattern<S>): boolean {
  if (pattern.words.length === 0) return false;
  for (let k = 0; k < pattern.words.length; k++) {
    const item = items[i + k];
    if (!item || isGroup(item)) return false;
    if (pattern.words[k] !== '*' && item.text !== pattern.words[k]) return false;
  }
  // any word followed by its block (`%s %U` with unformat_vlib_cli_sub_input): without the block
  // unformat fails, and the word is unknown input (VPP 26.06: "crypto_engines_config: unknown
  // input ' bogus-param'" for `crypto-engines { bogus-param }`)
  if (pattern.block === 'required' && pattern.words.includes('*')) {
    const after = items[i + pattern.words.length + pattern.values.length];
    if (!after || !isGroup(after)) return false;
  }
  return true;
}

/** `restWhile` patterns compiled once: they are tested for every word a `rest` value may take. */
const REST_WHILE = new Map<string, RegExp>();

/** Whether a `rest` value takes the item: any item, or a word its `restWhile` matches (a template word too). */
function restTakes(item: Item, spec: ValueSpec): boolean {
  if (!spec.restWhile) return true;
  if (isGroup(item)) return false;
  let pattern = REST_WHILE.get(spec.restWhile);
  if (!pattern) REST_WHILE.set(spec.restWhile, (pattern = new RegExp(spec.restWhile)));
  return isTemplated(item.text) || pattern.test(item.text);
}

function positionalFits<S>(item: Item, pattern: ArgPattern<S>): boolean {
  if (isGroup(item) || pattern.values.length === 0) return false;
  const first = pattern.values[0];
  if (pattern.leadingDigits && pattern.values.length === 1 && readsLeadingNumber(item.text, first)) return true;
  // unformat matches the shape (`%U/%d`); limits are checked after it, as a refused value
  if (first.kind === 'rest') return isTemplateWord(item) || restTakes(item, first);
  return isTemplateWord(item) || !checkShape(item.text, first);
}

/** Whether the items from `i` on are values `pattern` accepts, as VPP's unformat would read them. */
function valuesFit<S>(items: readonly Item[], i: number, pattern: ArgPattern<S>): boolean {
  return fittingValues(items, i, pattern) === pattern.values.length;
}

/** How many of `pattern`'s values, in order, the items from `i` on give (all of them after a `rest`). */
function fittingValues<S>(items: readonly Item[], i: number, pattern: ArgPattern<S>): number {
  for (let k = 0; k < pattern.values.length; k++) {
    const spec = pattern.values[k];
    if (spec.kind === 'rest') return pattern.values.length;
    const item = items[i + k];
    if (!item || isGroup(item)) return k;
    const last = k === pattern.values.length - 1;
    if (!isTemplated(item.text) && checkValue(item.text, spec) && !(last && pattern.leadingDigits && readsLeadingNumber(item.text, spec))) return k;
  }
  return pattern.values.length;
}

/** Value kinds with a shape of their own, which a word matches or not whatever VPP holds. */
const SHAPED_KINDS = new Set<ValueKind>(['mac', 'ip4', 'ip6', 'ip', 'ip4-prefix', 'ip6-prefix', 'ip-prefix', 'pci', 'uint', 'int', 'hex', 'number', 'float', 'ip-protocol', 'ethertype', 'mpls-label', 'lisp-eid']);

export function matchArgs<S>(items: readonly Item[], patterns: readonly ArgPattern<S>[], order: 'any' | 'sequence' = 'any', loopFrom = Infinity): MatchResult<S> {
  const scan = newArgScan<S>();
  scanArgs(items, patterns, scan, Infinity, order, loopFrom);
  return argResult(scan);
}

/**
 * Where `scanArgs` stopped in a list of items, to go on from there: a startup.conf block of 20,000
 * entries is matched in steps. The state of VPP's loop between two items is all here.
 */
export interface ArgScan<S> {
  i: number;
  openRun?: UnknownRun;
  cursor: number;
  used?: Set<number>;
  /** The `onceGroup`s read so far. */
  closed?: Set<number>;
  readonly matches: ArgMatch<S>[];
  readonly unknown: UnknownRun[];
}

export function newArgScan<S>(): ArgScan<S> {
  return { i: 0, cursor: 0, matches: [], unknown: [] };
}

export function argResult<S>(scan: ArgScan<S>): MatchResult<S> {
  return { matches: scan.matches.slice(), unknown: scan.unknown.length === 0 ? NO_RUNS : scan.unknown };
}

/** `matchArgs` from where `scan` stopped, until it has read up to item `until` (or a little past it: a match is read whole). */
export function scanArgs<S>(items: readonly Item[], patterns: readonly ArgPattern<S>[], scan: ArgScan<S>, until: number, order: 'any' | 'sequence' = 'any', loopFrom = Infinity): void {
  const keywordPatterns = keywordOrder(patterns);
  let { used, cursor, openRun, i, closed } = scan;
  const { matches, unknown } = scan;

  // VPP's loops try every keyword on every pass, so a repeated option simply overwrites the first,
  // but for a group read in one pass only (`onceGroup`); a function that reads a fixed sequence reads
  // each element once, and no later element, nor the loop after it (`loopFrom`), before a required
  // one; that loop reads its own elements in any order, again and again
  const available = (index: number) => {
    const pattern = patterns[index];
    if (pattern.onceGroup !== undefined && closed?.has(pattern.onceGroup)) return false;
    if (order !== 'sequence') return true;
    if (index >= loopFrom) return !skipsReadFirst(index);
    return index >= cursor && (!used?.has(index) || pattern.repeatable) && !skipsReadFirst(index);
  };
  const skipsReadFirst = (index: number) => {
    const end = Math.min(index, loopFrom);
    for (let k = cursor; k < end; k++) if (patterns[k].readFirst && !used?.has(k)) return true;
    return false;
  };

  while (i < items.length && i < until) {
    const item = items[i];
    let hit: { pattern: ArgPattern<S>; index: number } | undefined;
    for (const candidate of keywordPatterns) {
      if (available(candidate.index) && keywordAt(items, i, candidate.pattern)) {
        hit = candidate;
        break;
      }
    }
    let keyword: Token[] = NO_TOKENS;
    if (hit) {
      // VPP tries its branches in order and backs up when one fails: of the branches with the
      // same words, the first whose values all fit wins (`verbose %d` before `verbose`)
      const words = joinedWords(hit.pattern);
      const sameWords = (p: ArgPattern<S>) => joinedWords(p) === words;
      const after = i + words.split(' ').length;
      // of those that fit, the one that reads the most values: VPP 26.06 read `local-ip-range A - B`
      // with IPv6 addresses as a range, where the branch reading one word would leave `- B` unknown
      const fitting = keywordPatterns.filter((c) => available(c.index) && sameWords(c.pattern) && valuesFit(items, after, c.pattern));
      for (const c of fitting) if (c === fitting[0] || c.pattern.values.length > hit.pattern.values.length) hit = c;
      // none fits: the error goes where the branch that went furthest failed (`set %U id local %U %U`
      // for `set p id local bogus`, not `set %U auth ...` at `id`)
      if (fitting.length === 0) {
        let best = fittingValues(items, after, hit.pattern);
        for (const c of keywordPatterns) {
          if (!available(c.index) || !sameWords(c.pattern)) continue;
          const n = fittingValues(items, after, c.pattern);
          if (n > best) [hit, best] = [c, n];
        }
      }
      keyword = items.slice(i, i + hit.pattern.words.length) as Token[];
      i += hit.pattern.words.length;
    } else {
      // a positional of several values (`%U %U %U`) is read whole or not at all, as unformat does
      const fits = (p: ArgPattern<S>, k: number) => p.words.length === 0 && available(k) && positionalFits(item, p);
      let index = patterns.findIndex((p, k) => fits(p, k) && valuesFit(items, i, p));
      // any word may name an interface, but a word shaped as another positional's value (a MAC,
      // an address) or one of the words it lists (`enable` of `%U` after `%U interface`; a template
      // placeholder is no such word) names none that a script made: VPP's interface lookup fails and
      // it reads that value
      if (index >= 0 && patterns[index].values[0].kind === 'interface') {
        const specific = patterns.findIndex((p, k) => k !== index && fits(p, k) && (SHAPED_KINDS.has(p.values[0].kind) || (p.values[0].kind === 'enum' && !isTemplateWord(item))) && valuesFit(items, i, p));
        if (specific >= 0) index = specific;
      }
      if (index < 0) index = patterns.findIndex((p, k) => fits(p, k) && p.values.length === 1);
      if (index >= 0) hit = { pattern: patterns[index], index };
    }
    if (!hit) {
      if (openRun && !isTemplateWord(item)) openRun.items.push(item);
      else if (!isTemplateWord(item)) {
        openRun = { first: item, items: [item] };
        unknown.push(openRun);
      }
      i++;
      continue;
    }
    openRun = undefined;
    if (hit.pattern.onceGroup !== undefined) (closed ??= new Set()).add(hit.pattern.onceGroup);
    if (order === 'sequence') {
      (used ??= new Set()).add(hit.index);
      cursor = hit.index >= loopFrom ? Math.max(cursor, loopFrom) : hit.pattern.repeatable ? hit.index : (hit.pattern.choiceEnd ?? hit.index + 1);
    }
    const values: ValueMatch[] = [];
    let last: Item = keyword.length ? keyword[keyword.length - 1] : items[i];
    for (const spec of hit.pattern.values) {
      if (spec.kind === 'rest') {
        let end = i;
        while (end < items.length && restTakes(items[end], spec)) end++;
        const rest = items.slice(i, end).filter((x): x is Token => !isGroup(x));
        if (spec.restWhile && rest.length === 0) {
          values.push({ spec, problem: 'missing' });
          break;
        }
        values.push({ spec, rest });
        if (end > i) last = items[end - 1];
        i = end;
        break;
      }
      const next = items[i];
      if (!next || isGroup(next)) {
        values.push({ spec, problem: 'missing' });
        break;
      }
      i++;
      last = next;
      const problem = isTemplated(next.text) ? undefined : checkValue(next.text, spec);
      values.push({ spec, token: next, problem });
    }
    const startToken = keyword[0] ?? values[0]?.token;
    // matches are kept per line for the whole document: exact-size arrays (one grown by push holds room for 17)
    const match = new Match(hit.pattern, keyword, values.slice(), startToken ?? last, !startToken, last);
    if (hit.pattern.block !== 'no' && items[i] && isGroup(items[i])) {
      match.block = items[i] as GroupNode;
      i++;
    }
    matches.push(match);
  }
  scan.i = i;
  scan.openRun = openRun;
  scan.cursor = cursor;
  scan.used = used;
  scan.closed = closed;
}

/** Shared by the matches that have none (most lines): kept per line, an empty array still costs an object. Never written to. */
const NO_TOKENS: Token[] = [];
const NO_RUNS: UnknownRun[] = [];

const joinedCache = new WeakMap<ArgPattern<unknown>, string>();

/** A pattern's keyword words joined by spaces, made once per pattern (matching a line compared them for every keyword). */
function joinedWords<S>(pattern: ArgPattern<S>): string {
  let joined = joinedCache.get(pattern);
  if (joined === undefined) joinedCache.set(pattern, (joined = pattern.words.join(' ')));
  return joined;
}

const orderCache = new WeakMap<readonly ArgPattern<unknown>[], { pattern: ArgPattern<unknown>; index: number }[]>();

/** Keyword patterns, longer keywords first and exact words before the `*` wildcard, as VPP's loops order them. */
function keywordOrder<S>(patterns: readonly ArgPattern<S>[]): { pattern: ArgPattern<S>; index: number }[] {
  let order = orderCache.get(patterns);
  if (!order) {
    order = patterns
      .map((pattern, index) => ({ pattern: pattern as ArgPattern<unknown>, index }))
      .filter((p) => p.pattern.words.length > 0)
      .sort((a, b) => b.pattern.words.length - a.pattern.words.length || wildcardRank(a.pattern) - wildcardRank(b.pattern));
    orderCache.set(patterns, order);
  }
  return order as { pattern: ArgPattern<S>; index: number }[];
}

function wildcardRank<S>(pattern: ArgPattern<S>): number {
  return pattern.words.includes('*') ? 1 : 0;
}
