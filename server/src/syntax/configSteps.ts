import type { IToken } from 'chevrotain';
import type { Steps } from '../analysis/steps';
import { scan } from './lexer';
import { indexingLines, type LineIndex } from './lineIndex';
import { closeGroup, newReport, parseConfigTokens, parseGroupItems, startsNewBlock, type ParseReport } from './parser';
import { LBrace, RBrace, type LexMode } from './tokens';
import { Group, type Item, type SyntaxTree, type Token } from './tree';

/** How much text one step lexes, and about how many significant tokens one step parses. */
export interface ConfigStepSizes {
  lexChars: number;
  parseTokens: number;
}

const SIZES: ConfigStepSizes = { lexChars: 32 * 1024, parseTokens: 8192 };

/**
 * A startup.conf parsed as `parse()` parses it, in steps: lexed a stretch of lines at a time (no
 * token spans a newline), then parsed a run of items at a time (see `readLevel`).
 */
export function* parsingConfig(text: string, mode: LexMode, lineIndex?: LineIndex, sizes = SIZES): Steps<SyntaxTree> {
  const tokens: Token[] = [];
  const significant: IToken[] = [];
  // for each `{`, the index of the `}` that balances it by counting (-1: none)
  const closes: number[] = [];
  const opens: number[] = [];
  let balance = 0;
  for (let from = 0; from < text.length; ) {
    const nl = text.indexOf('\n', from + sizes.lexChars);
    const to = nl < 0 ? text.length : nl + 1;
    scan(
      text,
      mode,
      (kind, start, end, raw) => {
        const token: Token = { kind, text: raw.image, start, end };
        tokens.push(token);
        if (kind === 'word' || kind === 'lbrace' || kind === 'rbrace') {
          raw.payload = token;
          closes.push(-1);
          if (kind === 'lbrace') {
            opens.push(significant.length);
            balance++;
          } else if (kind === 'rbrace') {
            if (opens.length > 0) closes[opens.pop()!] = significant.length;
            balance--;
          }
          significant.push(raw);
        }
      },
      from,
      to,
    );
    from = to;
    yield;
  }
  const lines = lineIndex ?? (yield* indexingLines(text));
  const report = newReport();
  const items: Item[] = [];
  const reader: Reader = { significant, closes, report, lines, unbalanced: balance > 0, size: sizes.parseTokens };
  yield* readLevel(reader, 0, items, undefined, 0);
  return { language: 'startup', text, tokens, lines: [], items, errors: report.errors };
}

/** Significant tokens are words and braces; a word's type depends on the lexer's mode. */
function isWord(t: IToken): boolean {
  return t.tokenType !== LBrace && t.tokenType !== RBrace;
}

interface Reader {
  readonly significant: IToken[];
  readonly closes: readonly number[];
  readonly report: ParseReport;
  readonly lines: LineIndex;
  /** More `{` than `}`: where a missing `}` is guessed depends on it, so it is the whole text's. */
  readonly unbalanced: boolean;
  /** About how many tokens one run holds. */
  readonly size: number;
}

/** Groups up to this deep are read a run of their items at a time when large (`dpdk { dev X { ... } }`). */
const STEPPED_DEPTH = 8;

/**
 * The items of one level, the top level (`node` undefined) or the inside of `node`, a group `depth`
 * deep, from token `from` on, parsed a run at a time into `into`. A run ends where every `{` in it
 * has its `}` by counting: the parser closes a group early when it guesses a `}` is missing, never
 * late, so at that point it is at this level too, or has left it (then the run's parse says where).
 * A group too large for one run is read as a level of its own. Returns where the level ends: the
 * end of the text, or the token that ended the group (its `}`, or a word that closed it).
 */
function* readLevel(r: Reader, from: number, into: Item[], node: Group | undefined, depth: number): Steps<number> {
  const all = r.significant;
  const n = all.length;
  let start = from;
  // parses [start, to); returns where the group ended, if it did
  const flush = (to: number): number | undefined => {
    if (to <= start) return undefined;
    const run = all.slice(start, to);
    if (!node) {
      // a run of top-level items takes every token, so the parser has nothing to say but what it reports
      for (const item of parseConfigTokens(run, r.report, r.lines, r.unbalanced)) into.push(item);
      start = to;
      return undefined;
    }
    const read = parseGroupItems(run, node, depth, r.report, r.lines, r.unbalanced);
    start += read;
    return read < run.length ? start : undefined;
  };
  for (let i = from; i < n; ) {
    const type = all[i].tokenType;
    if (node && type === RBrace) return flush(i + 1)!; // its `}` by counting: the group ends there or before
    if (type === LBrace) {
      const close = r.closes[i] < 0 ? n : r.closes[i];
      if (close - i > r.size && depth < STEPPED_DEPTH) {
        // a word before the `{` is read here: whether it closes this group depends on that `{`
        const word = node && i > start && isWord(all[i - 1]);
        const ended = flush(word ? i - 1 : i);
        if (ended !== undefined) return ended;
        if (word) {
          if (r.unbalanced && startsNewBlock(node, all[i - 1], r.lines)) return i - 1;
          into.push(all[i - 1].payload as Token);
          start = i;
        }
        yield;
        const group = new Group(all[i].payload as Token);
        const end = yield* readLevel(r, i + 1, group.items, group, depth + 1);
        const closed = end < n && all[end].tokenType === RBrace;
        closeGroup(group, closed ? (all[end].payload as Token) : undefined, end === n, r.report);
        into.push(group);
        i = start = closed ? end + 1 : end;
        continue;
      }
      i = Math.min(close + 1, n);
    } else i++;
    // not between a word and a `{`: whether that word closes the group depends on the `{`
    if (i - start >= r.size && !(i < n && all[i].tokenType === LBrace && isWord(all[i - 1]))) {
      const ended = flush(i);
      if (ended !== undefined) return ended;
      yield;
    }
  }
  return flush(n) ?? n;
}
