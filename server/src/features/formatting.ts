import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { isGroup, type Item, type Token } from '../syntax/tree';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/** A wider indent than this is a client's mistake (a tabSize of a million made a 155 MB reply): it is held here. */
export const MAX_TAB_SIZE = 16;

/**
 * Formats startup.conf by changing only blanks: each line is indented by the depth of the blocks
 * around it, runs of blanks between words shrink to one space, trailing blanks go. Lines stay
 * where they are (a block written on one line stays on one line), comment lines and the blanks
 * before a trailing comment are kept as written (commented-out blocks and aligned comments keep
 * their shape), and whatever belongs to a syntax error is left alone.
 */
export function formatStartup(analysis: Analysis, options: FormatOptions, range?: Range): TextEdit[] {
  if (analysis.language !== 'startup' || analysis.limited) return [];
  const lines = analysis.lines;
  const unit = options.insertSpaces ? ' '.repeat(Math.min(MAX_TAB_SIZE, Math.max(0, Math.floor(options.tabSize) || 0))) : '\t';
  const byLine = tokensByLine(analysis);
  const untouchable = errorLines(analysis);
  const depth = depthCounter(analysis.tree.items);
  const first = range ? Math.max(0, range.start.line) : 0;
  const last = range ? Math.min(lines.lineCount - 1, range.end.line) : lines.lineCount - 1;
  const edits: TextEdit[] = [];
  for (let line = 0; line <= last; line++) {
    const tokens = byLine[line] ?? [];
    // depth is counted in order, so every line up to the range is visited
    const significant = tokens.find((t) => t.kind !== 'whitespace');
    const level = significant ? depth(significant.start) : 0;
    if (line < first || untouchable.has(line)) continue;
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    const wanted = formatLine(tokens, unit.repeat(level));
    if (wanted !== undefined && wanted !== analysis.text.slice(start, end)) edits.push({ range: lines.range(start, end), newText: wanted });
  }
  return edits;
}

const BLANKS = /^[ \t]+$/;
/** `{% if ... %}` and `{# ... #}` lines of a Jinja template. */
const TEMPLATE_STATEMENT = /^\{[%#]/;

/** The line rebuilt from its tokens, or undefined when it holds blanks we do not rewrite (`\f`). */
function formatLine(tokens: readonly Token[], indent: string): string | undefined {
  if (tokens.some((t) => t.kind === 'whitespace' && !BLANKS.test(t.text))) return undefined;
  const firstWord = tokens.findIndex((t) => t.kind !== 'whitespace');
  if (firstWord < 0) return '';
  // comment lines and Jinja statement lines keep their place: they carry their own indentation
  const first = tokens[firstWord];
  if (first.kind === 'comment' || TEMPLATE_STATEMENT.test(first.text)) return undefined;
  let lastWord = tokens.length - 1;
  while (tokens[lastWord].kind === 'whitespace') lastWord--;
  const parts: string[] = [indent];
  for (let i = firstWord; i <= lastWord; i++) {
    const t = tokens[i];
    if (t.kind !== 'whitespace') parts.push(t.text);
    else parts.push(tokens[i + 1]?.kind === 'comment' ? t.text : ' ');
  }
  return parts.join('');
}

/** The tokens of each physical line, cut at the line's end (blanks before `\r\n` end with the `\r`). */
function tokensByLine(analysis: Analysis): Token[][] {
  const lines = analysis.lines;
  const out: Token[][] = [];
  for (const t of analysis.tree.tokens) {
    if (t.kind === 'newline' || t.start === t.end) continue;
    const line = lines.lineOf(t.start);
    const end = Math.min(t.end, lines.lineEnd(line));
    if (end > t.start) (out[line] ??= []).push(end === t.end ? t : { ...t, text: t.text.slice(0, end - t.start), end });
  }
  return out;
}

/** Lines of the top-level blocks that hold a syntax error, plus lines a token crosses: left as written. */
function errorLines(analysis: Analysis): Set<number> {
  const lines = analysis.lines;
  const items = analysis.tree.items;
  const spans: [number, number][] = [];
  const offsets = [...analysis.tree.errors.map((e) => e.start), ...analysis.diagnostics.filter((d) => d.code === 'vpp.syntax').map((d) => d.start)];
  for (const offset of offsets) {
    const k = itemAt(items, offset);
    let start = offset;
    let end = offset;
    if (k >= 0) {
      start = items[k].start;
      end = items[k].end;
      if (isGroup(items[k]) && k > 0 && !isGroup(items[k - 1])) start = items[k - 1].start;
      if (!isGroup(items[k]) && items[k + 1] && isGroup(items[k + 1])) end = items[k + 1].end;
    }
    spans.push([lines.lineOf(start), lines.lineOf(end)]);
  }
  for (const t of analysis.tree.tokens) {
    if (t.kind === 'newline' || t.end <= t.start) continue;
    const line = lines.lineOf(t.start);
    if (lines.lineOf(t.end - 1) !== line) spans.push([line, lines.lineOf(t.end)]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out = new Set<number>();
  let next = 0;
  for (const [first, last] of spans) for (let l = Math.max(first, next); l <= last; l++, next = l) out.add(l);
  return out;
}

/** The index of the top-level item holding an offset, or -1 (items are in text order). */
function itemAt(items: readonly Item[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (offset < item.start) hi = mid - 1;
    else if (offset >= Math.max(item.end, item.start + 1)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * How many blocks enclose an offset: those opened before it and not closed at or before it (a line
 * that starts with `}` sits at the depth of the block's name). Queried with growing offsets.
 */
function depthCounter(items: readonly Item[]): (offset: number) => number {
  const opens: number[] = [];
  const closes: number[] = [];
  const visit = (list: readonly Item[]) => {
    for (const item of list) {
      if (!isGroup(item)) continue;
      opens.push(item.open.start);
      closes.push(item.close ? item.close.start : item.end);
      visit(item.items);
    }
  };
  visit(items);
  opens.sort((a, b) => a - b);
  closes.sort((a, b) => a - b);
  let o = 0;
  let c = 0;
  return (offset) => {
    while (o < opens.length && opens[o] < offset) o++;
    while (c < closes.length && closes[c] <= offset) c++;
    return Math.max(0, o - c);
  };
}
