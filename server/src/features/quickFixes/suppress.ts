import type { CodeAction } from 'vscode-languageserver-types';
import { suppressionRequests } from '../../analysis/directives';
import { tokensAround } from '../../syntax/tree';
import { indentOf, insertAt, quickFix, type FixInput } from './action';

/**
 * "Disable <code> for this line": the suppression comment, at the end of the line (VPP ends a
 * line's words at `#` in both languages), or on a line of its own above when the line already has
 * a comment of another kind. A line that a `\` continues, or that continues one, gets none: a
 * comment there would end the command.
 */
export function disableForLine(input: FixInput): CodeAction | undefined {
  const { analysis, diagnostic: d, code, start, uri } = input;
  const lines = analysis.lines;
  const line = lines.lineOf(start);
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnd(line);
  const text = analysis.text;
  const endsWithBackslash = (end: number) => /\\[ \t]*$/.test(text.slice(Math.max(0, end - 200), end));
  if (endsWithBackslash(lineEnd) || (line > 0 && endsWithBackslash(lines.lineEnd(line - 1)))) return undefined;
  const comment = tokensAround(analysis.tree, lineStart).find((t) => t.kind === 'comment' && t.start >= lineStart && t.start < lineEnd);
  const bare = code.slice('vpp.'.length);
  const title = `Disable \`${code}\` for this line`;
  if (!comment) return quickFix(title, uri, d, [insertAt(analysis, lineEnd, ` # vpp-lint: disable-line ${bare}`)], false);
  const requests = suppressionRequests(comment.text);
  if (requests.length === 1 && !requests[0].nextLine && !requests[0].wholeFile) {
    return quickFix(title, uri, d, [insertAt(analysis, comment.end, ` ${bare}`)], false);
  }
  return quickFix(title, uri, d, [insertAt(analysis, lineStart, `${indentOf(analysis, start)}# vpp-lint: disable-next-line ${bare}\n`)], false);
}

/** "Suppress <code> for this file": a `disable-file` comment on the first line. */
export function suppressForFile(input: FixInput): CodeAction {
  const { analysis, diagnostic: d, code, uri } = input;
  return quickFix(`Suppress \`${code}\` for this file`, uri, d, [insertAt(analysis, 0, `# vpp-lint: disable-file ${code.slice('vpp.'.length)}\n`)], false);
}
