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
  const sink = new CompletionSink(caps, analysis.lines.range(cursor.replaceStart, cursor.replaceEnd));
  if (analysis.language === 'cli') cliCompletions(analysis, cursor, sink);
  else startupCompletions(analysis, cursor, sink);
  return { isIncomplete: false, items: sink.items };
}
