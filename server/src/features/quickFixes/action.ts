import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis/analyze';

/** What every quick fix reads: the analysis the diagnostic was found in, and where it stands. */
export interface FixInput {
  readonly analysis: Analysis;
  readonly uri: string;
  readonly diagnostic: Diagnostic;
  readonly code: string;
  /** The diagnostic's range as offsets in the analysed text. */
  readonly start: number;
  readonly end: number;
}

export function fixInput(analysis: Analysis, uri: string, diagnostic: Diagnostic): FixInput {
  const start = analysis.lines.offsetAt(diagnostic.range.start);
  const end = analysis.lines.offsetAt(diagnostic.range.end);
  return { analysis, uri, diagnostic, code: String(diagnostic.code), start, end };
}

/** A quick fix as an edit (never a command), for one diagnostic; `changes` may touch other files. */
export function quickFix(title: string, uri: string, d: Diagnostic, edits: TextEdit[], preferred: boolean, others: Record<string, TextEdit[]> = {}): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred || undefined, edit: { changes: { ...others, ...(edits.length ? { [uri]: edits } : {}) } } };
}

/** An insertion at an offset. */
export function insertAt(analysis: Analysis, offset: number, text: string): TextEdit {
  return { range: analysis.lines.range(offset, offset), newText: text };
}

/** The blanks that start the line holding `offset`. */
export function indentOf(analysis: Analysis, offset: number): string {
  const lineStart = analysis.lines.lineStarts[analysis.lines.lineOf(offset)];
  return /^[ \t]*/.exec(analysis.text.slice(lineStart, offset))![0];
}
