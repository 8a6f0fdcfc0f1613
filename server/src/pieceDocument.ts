import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineIndex } from './syntax/lineIndex';
import { PieceText } from './syntax/pieceText';

/**
 * An open document as `TextDocuments` keeps it, with its text in pieces (syntax/pieceText.ts): the
 * library's `TextDocument` makes every version one new string, which V8 copies whole (4 MB at 100k
 * lines) the first time it is read, and a keystroke's analysis reads it. Positions and offsets map
 * as the library's do (`LineIndex`, with LSP's line breaks); `getText()` makes the whole text one
 * string once per version, for whoever needs it so.
 */
export class PieceDocument implements TextDocument {
  private lines: LineIndex;
  /** The text of this version; a new object per version (what the analysis cache compares). */
  private current: PieceText;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.current = PieceText.of(content);
    this.lines = PieceDocument.indexOf(this.current, content);
  }

  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, content);
  }

  private static indexOf(text: PieceText, content: string): LineIndex {
    return new LineIndex(text, new LineIndex(content).lineStarts);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text of this version in pieces. */
  get text(): PieceText {
    return this.current;
  }

  /** The line index of this version. */
  get lineIndex(): LineIndex {
    return this.lines;
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    if (!range) return this.current.toString();
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return this.current.slice(Math.min(a, b), Math.max(a, b));
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  /** Applies one change; a range's offsets are those of the text before it. */
  apply(change: TextDocumentContentChangeEvent): { start: number; end: number } | undefined {
    if (!('range' in change)) {
      this.current = PieceText.of(change.text);
      this.lines = PieceDocument.indexOf(this.current, change.text);
      return undefined;
    }
    const a = this.offsetAt(change.range.start);
    const b = this.offsetAt(change.range.end);
    const start = Math.min(a, b);
    const end = Math.max(a, b);
    this.current = this.current.edited(start, end, change.text);
    this.lines = this.lines.edited(start, end, change.text, this.current);
    return { start, end };
  }

  /** The library's `TextDocument.update`, for this kind of document. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) this.apply(change);
    this.currentVersion = version;
  }
}
