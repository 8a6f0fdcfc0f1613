import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { FixData } from '../analysis/diagnostic';
import type { DiagnosticData } from './diagnostics';

/**
 * Quick fixes as edits (never commands): replace a word with the suggestion, remove what VPP
 * refuses, insert a missing option with a placeholder. Removal takes one neighbouring space with it
 * and nothing else, so no character the user wrote outside the offending words is lost.
 */
export function computeCodeActions(analysis: Analysis, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const fixes = (d.data as DiagnosticData | undefined)?.fixes;
    if (!fixes || typeof d.code !== 'string' || !d.code.startsWith('vpp.')) continue;
    const inserts = fixes.filter((f): f is Extract<FixData, { kind: 'insert' }> => f.kind === 'insert');
    if (inserts.length > 0) actions.push(insertAction(analysis, uri, d, inserts));
    fixes.forEach((fix, index) => {
      if (fix.kind === 'replace') {
        // the first candidate of the first fix is the preferred one; a lone candidate is also what `vpp-lint --fix` applies
        fix.candidates.forEach((candidate, rank) =>
          actions.push(action(`Change to \`${candidate}\``, uri, d, [{ range: d.range, newText: candidate }], index === 0 && rank === 0)),
        );
      } else if (fix.kind === 'rewrite') {
        actions.push(action(fix.label, uri, d, [rewriteEdit(analysis, fix)], true));
      } else if (fix.kind === 'remove') {
        const { start, end } = widenOverSpace(analysis.text, fix.start, fix.end);
        const removed = analysis.text.slice(fix.start, fix.end);
        actions.push(action(`Remove \`${removed}\``, uri, d, [{ range: analysis.lines.range(start, end), newText: '' }], false));
      }
    });
  }
  return actions;
}

function insertAction(analysis: Analysis, uri: string, d: Diagnostic, inserts: Extract<FixData, { kind: 'insert' }>[]): CodeAction {
  const edits = inserts.map((f) => ({ range: analysis.lines.range(f.offset, f.offset), newText: f.text }));
  return action(inserts[0].label, uri, d, edits, true);
}

function action(title: string, uri: string, d: Diagnostic, edits: TextEdit[], preferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred || undefined, edit: { changes: { [uri]: edits } } };
}

/** Takes the blanks before the removed words (or after them at line start) so no double space remains. */
function widenOverSpace(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  if (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') return { start: s, end };
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return { start, end: e };
}

/**
 * The fix `vpp-lint --fix` applies without asking: a rewrite (`heapsize 1G` -> `memory {
 * main-heap-size 1G }`), or a replacement with a single candidate (`af-xdp` -> `af_xdp`, a
 * did-you-mean with one guess). Removals, inserted placeholders and lists of guesses
 * need a person to choose, so they have none.
 */
export function unambiguousFix(analysis: Analysis, d: Diagnostic): TextEdit | undefined {
  const fixes = (d.data as DiagnosticData | undefined)?.fixes;
  const rewrite = fixes?.find((f): f is Extract<FixData, { kind: 'rewrite' }> => f.kind === 'rewrite');
  if (rewrite) return rewriteEdit(analysis, rewrite);
  const replace = fixes?.find((f): f is Extract<FixData, { kind: 'replace' }> => f.kind === 'replace');
  return replace?.candidates.length === 1 ? { range: d.range, newText: replace.candidates[0] } : undefined;
}

function rewriteEdit(analysis: Analysis, fix: Extract<FixData, { kind: 'rewrite' }>): TextEdit {
  return { range: analysis.lines.range(fix.start, fix.end), newText: fix.text };
}
