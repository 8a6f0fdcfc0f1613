import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps UTF-16 offsets to LSP positions and back. Line breaks are `\r\n`, `\n` and a lone `\r`,
 * as LSP defines them.
 */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
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
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return i - start;
  }

  /** True when only blanks stand between the start of its line and `offset`. */
  startsLine(offset: number): boolean {
    return this.indentAt(offset) === offset - this.lineStarts[this.lineOf(offset)];
  }
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}
