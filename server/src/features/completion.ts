import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { cliCompletions } from './completionCli';
import { CompletionSink, type CompletionCaps } from './completionItems';
import { offsetOf, scriptCursor, startupCursor } from './cursor';
import { startupCompletions } from './completionStartup';

export type { CompletionCaps };

/**
 * Completion computed from the words before the cursor in our own tree. Every item replaces the
 * word under the cursor; options and parameters with values come as snippets when the client
 * takes them.
 */
export function computeCompletion(analysis: Analysis, position: Position, caps: CompletionCaps): CompletionList {
  const offset = offsetOf(analysis, position);
  const cursor = analysis.language === 'cli' ? scriptCursor(analysis, offset) : startupCursor(analysis, offset);
  if (!cursor) return { isIncomplete: false, items: [] };
  const range = analysis.lines.range(cursor.replaceStart, cursor.replaceEnd);
  const sink = new CompletionSink(caps, range);
  if (analysis.language === 'cli') cliCompletions(analysis, cursor, sink);
  else startupCompletions(analysis, cursor, sink);
  const isIncomplete = sink.incomplete;
  return caps.editRangeDefault ? { isIncomplete, itemDefaults: { editRange: range }, items: sink.items } : { isIncomplete, items: sink.items };
}
