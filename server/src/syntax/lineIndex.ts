import type { Position, Range } from 'vscode-languageserver-types';
import type { TextLike } from './pieceText';

/**
 * Pushes the starts of the lines that begin in `(from, to]`; returns where the next call starts (past
 * `to` when a `\r\n` straddles it).
 */
function lineStartsIn(text: string, from: number, to: number, starts: number[]): number {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return i;
}

/** The line index of `text`, built a stretch at a time (see analysis/steps.ts). */
export function* indexingLines(text: string, per = 256 * 1024): Generator<void, LineIndex, void> {
  const starts: number[] = [0];
  for (let at = 0; at < text.length; ) {
    at = lineStartsIn(text, at, Math.min(text.length, at + per), starts);
    yield;
  }
  return new LineIndex(text, Int32Array.from(starts));
}

/**
 * Maps UTF-16 offsets to LSP positions and back. Line breaks are `\r\n`, `\n` and a lone `\r`,
 * as LSP defines them.
 */
export class LineIndex {
  /** The offset at which each line starts (a typed array, so that an edit copies it cheaply). */
  readonly lineStarts: Int32Array;

  constructor(
    /** The text, whole or in pieces (read here only a character at a time, near line ends). */
    readonly text: TextLike,
    lineStarts?: Int32Array,
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts: number[] = [0];
    lineStartsIn(typeof text === 'string' ? text : text.toString(), 0, text.length, starts);
    this.lineStarts = Int32Array.from(starts);
  }

  /**
   * The index of the text after replacing `[start, end)` with `inserted`: line starts before the
   * edit are kept, those after it move, and only the edited stretch is scanned.
   */
  edited(start: number, end: number, inserted: string, after: TextLike): LineIndex {
    const old = this.lineStarts;
    const delta = inserted.length - (end - start);
    const keep = Math.max(1, firstAtLeast(old, start));
    // a start depends on the character before it and the one at it, so those in [start, end] are redone
    const fresh: number[] = [];
    for (let p = Math.max(1, start); p <= start + inserted.length; p++) {
      const before = after.charCodeAt(p - 1);
      if (before === 10 || (before === 13 && after.charCodeAt(p) !== 10)) fresh.push(p);
    }
    const tail = Math.max(keep, firstAtLeast(old, end + 1));
    const out = new Int32Array(keep + fresh.length + old.length - tail);
    out.set(old.subarray(0, keep));
    out.set(fresh, keep);
    let k = keep + fresh.length;
    for (let i = tail; i < old.length; i++) out[k++] = old[i] + delta;
    return new LineIndex(after, out);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The position of an offset; one inside a `\r\n` (which no position can name) moves before the line break, as LSP clients do. */
  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.lineStarts[line];
    while (clamped > start && isLineBreak(this.text.charCodeAt(clamped - 1))) clamped--;
    return { line, character: clamped - start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Column of the first non-blank character on the line holding `offset`. */
  indentAt(offset: number): number {
    const start = this.lineStarts[this.lineOf(offset)];
    let i = start;
    while (i < this.text.length && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    return i - start;
  }

  /** True when only blanks stand between the start of its line and `offset`. */
  startsLine(offset: number): boolean {
    return this.indentAt(offset) === offset - this.lineStarts[this.lineOf(offset)];
  }
}

/** The first index whose value is at least `value`, in an ascending array. */
function firstAtLeast(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}
