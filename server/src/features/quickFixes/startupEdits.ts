import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis/analyze';
import type { ConfigEntry } from '../../analysis/startupModel';
import type { GroupNode } from '../../syntax/tree';
import { indentOf, insertAt } from './action';

/**
 * Edits to a startup.conf that add a line to a block or take an entry out, keeping every other
 * character: a block written on one line gets the words before its `}`, one written over several
 * lines a line of its own, indented one step deeper than its `}`.
 */

export function addToBlock(analysis: Analysis, block: GroupNode, line: string): TextEdit | undefined {
  const close = block.close;
  if (!close) return undefined;
  const lines = analysis.lines;
  if (lines.lineOf(block.open.start) === lines.lineOf(close.start)) return insertAt(analysis, close.start, `${needsBlankBefore(analysis, close.start) ? ' ' : ''}${line} `);
  const indent = indentOf(analysis, close.start);
  const closeLineStart = lines.lineStarts[lines.lineOf(close.start)];
  if (analysis.text.slice(closeLineStart, close.start).trim() === '') return insertAt(analysis, closeLineStart, `${indent}  ${line}\n`);
  return insertAt(analysis, close.start, `\n${indent}  ${line}\n${indent}`);
}

function needsBlankBefore(analysis: Analysis, offset: number): boolean {
  return offset > 0 && !/\s/.test(analysis.text[offset - 1]);
}

/** Takes an entry out; when nothing else is on its line, the whole line goes. */
export function removeEntry(analysis: Analysis, entry: ConfigEntry): TextEdit {
  const lines = analysis.lines;
  const line = lines.lineOf(entry.start);
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnd(line);
  const alone = lines.lineOf(entry.end) === line && analysis.text.slice(lineStart, entry.start).trim() === '' && analysis.text.slice(entry.end, lineEnd).trim() === '';
  if (alone) {
    const next = line + 1 < lines.lineStarts.length ? lines.lineStarts[line + 1] : lineEnd;
    return { range: lines.range(lineStart, next), newText: '' };
  }
  return { range: lines.range(entry.start, entry.end), newText: '' };
}

/** Text to add at the end of the file as a new top-level section. */
export function appendSection(analysis: Analysis, section: string): TextEdit {
  const text = analysis.text;
  const lead = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return insertAt(analysis, text.length, `${lead}${section}\n`);
}
