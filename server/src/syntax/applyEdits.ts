import type { TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from './lineIndex';

/**
 * Applies edits whose ranges all refer to `text` as an editor would: from the last to the first.
 * Edits that overlap one applied before them (in document order) are left out and returned, so a
 * caller never gets a garbled merge of two fixes.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit) => ({ edit, start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: typeof spans = [];
  const skipped: TextEdit[] = [];
  for (const span of spans) {
    const previous = kept[kept.length - 1];
    if (previous && span.start < previous.end) skipped.push(span.edit);
    else kept.push(span);
  }
  let out = text;
  for (let i = kept.length - 1; i >= 0; i--) out = out.slice(0, kept[i].start) + kept[i].edit.newText + out.slice(kept[i].end);
  return { text: out, applied: kept.map((s) => s.edit), skipped };
}
