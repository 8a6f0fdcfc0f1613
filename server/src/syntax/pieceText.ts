/**
 * The text of an open document kept in pieces of about `PIECE` characters, so that an edit makes a
 * new version without copying the whole text. A JavaScript string of 4 MB edited in the middle is
 * a new string made of three parts, which V8 copies into one flat string the first time anything
 * reads it: 4 MB per keystroke, which was most of an edit's time at 100k lines and most of its
 * garbage. A version here shares every piece but the edited one with the version before it; the
 * whole text is one string only when a feature asks for it (`toString`, once per version).
 *
 * It reads like a string where the analysis of an edit reads one (`length`, `charCodeAt`, `slice`,
 * `indexOf`), so that code written for strings takes either (`TextLike`).
 */

/** How long a piece is made; an edited one is split past twice this, merged with a neighbour under a quarter. */
const PIECE = 16 * 1024;

export class PieceText {
  /** `starts[i]` is the offset of `pieces[i]`; one more entry, the length. */
  private readonly starts: number[];
  private flat: string | undefined;
  /** The piece a read found last: reads go along the text, mostly within one piece. */
  private last = 0;

  private constructor(
    private readonly pieces: readonly string[],
    /** The length pieces are made (tests make it small, so that small texts have many). */
    private readonly piece: number,
    flat?: string,
  ) {
    const starts = new Array<number>(pieces.length + 1);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      starts[i] = at;
      at += pieces[i].length;
    }
    starts[pieces.length] = at;
    this.starts = starts;
    this.length = at;
    this.flat = flat;
  }

  readonly length: number;

  /** The text of `text`, cut into pieces (slices of it: nothing is copied). */
  static of(text: string, piece = PIECE): PieceText {
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += piece) pieces.push(text.slice(at, at + piece));
    return new PieceText(pieces, piece, text);
  }

  /** The index of the piece holding `offset` (the last piece for the length). */
  private pieceAt(offset: number): number {
    const starts = this.starts;
    const n = this.pieces.length;
    const last = this.last;
    if (last < n && starts[last] <= offset && offset < starts[last + 1]) return last;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }

  charCodeAt(offset: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.pieceAt(offset);
    return this.pieces[i].charCodeAt(offset - this.starts[i]);
  }

  /** As `String.prototype.slice` for offsets within the text (negative offsets are not supported). */
  slice(from = 0, to = this.length): string {
    if (this.flat !== undefined) return this.flat.slice(from, to);
    const a = Math.max(0, Math.min(from, this.length));
    const b = Math.max(a, Math.min(to, this.length));
    if (a === b) return '';
    const first = this.pieceAt(a);
    const starts = this.starts;
    if (b <= starts[first + 1]) return this.pieces[first].slice(a - starts[first], b - starts[first]);
    const parts: string[] = [this.pieces[first].slice(a - starts[first])];
    let i = first + 1;
    for (; starts[i + 1] < b; i++) parts.push(this.pieces[i]);
    parts.push(this.pieces[i].slice(0, b - starts[i]));
    return parts.join('');
  }

  /** As `String.prototype.indexOf`. */
  indexOf(search: string, from = 0): number {
    if (this.flat !== undefined) return this.flat.indexOf(search, from);
    const start = Math.max(0, from);
    if (search.length === 0) return Math.min(start, this.length);
    if (start >= this.length) return -1;
    const reach = search.length - 1;
    for (let i = this.pieceAt(start); i < this.pieces.length; i++) {
      const base = this.starts[i];
      const found = this.pieces[i].indexOf(search, Math.max(0, start - base));
      if (found >= 0) return base + found;
      // a match that straddles the end of this piece
      if (reach > 0 && i + 1 < this.pieces.length) {
        const end = this.starts[i + 1];
        const from = Math.max(start, end - reach);
        const across = this.slice(from, end + reach).indexOf(search);
        if (across >= 0) return from + across;
      }
    }
    return -1;
  }

  /** The whole text as one string (made once per version, when a feature reads it whole). */
  toString(): string {
    if (this.flat === undefined) this.flat = this.pieces.join('');
    return this.flat;
  }

  /** The text with `[start, end)` replaced by `inserted`: the pieces outside the edit are shared. */
  edited(start: number, end: number, inserted: string): PieceText {
    const pieces = this.pieces;
    const size = this.piece;
    if (pieces.length === 0) return PieceText.of(inserted, size);
    const first = this.pieceAt(Math.max(0, Math.min(start, this.length)));
    // the piece holding the last replaced character; for an insertion, the one the insertion lands in
    const last = end > start ? this.pieceAt(end - 1) : first;
    const starts = this.starts;
    let joined = pieces[first].slice(0, start - starts[first]) + inserted + pieces[last].slice(end - starts[last]);
    let from = first;
    let to = last + 1;
    // a small piece joins a neighbour, so that deletions do not leave the text in crumbs
    if (joined.length < size / 4) {
      if (to < pieces.length && joined.length + pieces[to].length <= 2 * size) joined += pieces[to++];
      else if (from > 0 && joined.length + pieces[from - 1].length <= 2 * size) joined = pieces[--from] + joined;
    }
    const made: string[] = [];
    if (joined.length <= 2 * size) made.push(flattened(joined));
    else for (let at = 0; at < joined.length; at += size) made.push(flattened(joined.slice(at, at + size)));
    const next = pieces.slice(0, from);
    for (const piece of made) if (piece.length > 0) next.push(piece);
    for (let i = to; i < pieces.length; i++) next.push(pieces[i]);
    return new PieceText(next, size);
  }
}

/** A piece as one flat string (a concatenation is flattened by its first read: done here, on a piece, once). */
function flattened(piece: string): string {
  piece.charCodeAt(0);
  return piece;
}

/** A text as the analysis reads it: a string, or a document's text in pieces. */
export type TextLike = string | PieceText;

/** The whole text as one string. */
export function flatText(text: TextLike): string {
  return typeof text === 'string' ? text : text.toString();
}
