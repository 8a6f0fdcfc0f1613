import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { FixData } from '../analysis/diagnostic';
import { insertFixes } from './fixCheck';

/**
 * Quick fixes as edits (never commands): replace a word with the suggestion, remove what VPP
 * refuses, insert a missing option with a placeholder, join a continued line (each `\` + newline
 * becomes one space). Removal takes one neighbouring space with it and nothing else, so no
 * character the user wrote outside the offending words is lost.
 */
export function computeCodeActions(analysis: Analysis, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const fixes = currentFixes(analysis, d);
    if (!fixes) continue;
    const inserts = fixes.filter((f): f is Extract<FixData, { kind: 'insert' }> => f.kind === 'insert');
    if (inserts.length > 0 && insertFixes(analysis, d.code as string, analysis.lines.offsetAt(d.range.start), inserts)) actions.push(insertAction(analysis, uri, d, inserts));
    fixes.forEach((fix, index) => {
      if (fix.kind === 'replace') {
        fix.candidates.forEach((candidate, rank) =>
          actions.push(action(`Change to \`${candidate}\``, uri, d, [{ range: d.range, newText: candidate }], index === 0 && rank === 0)),
        );
      } else if (fix.kind === 'remove') {
        const { start, end } = widenOverSpace(analysis.text, fix.start, fix.end);
        const removed = analysis.text.slice(fix.start, fix.end);
        actions.push(action(`Remove \`${removed}\``, uri, d, [{ range: analysis.lines.range(start, end), newText: '' }], false));
      }
    });
  }
  return actions;
}

/**
 * The fixes of the finding `d` stands for, from the analysis of the text as it is now: a client
 * sends back the diagnostics it was given, maybe for an older text (the user typed before new ones
 * arrived) or made up, so nothing in them is trusted. A diagnostic that no longer matches a finding
 * with its code at its range gets no fix.
 */
function currentFixes(analysis: Analysis, d: Diagnostic): FixData[] | undefined {
  if (typeof d.code !== 'string' || !d.code.startsWith('vpp.')) return undefined;
  const start = analysis.lines.offsetAt(d.range.start);
  const end = analysis.lines.offsetAt(d.range.end);
  // a range the text no longer has (past a line's end, say) is clamped by offsetAt: it must map back
  const range = analysis.lines.range(start, end);
  if (range.start.line !== d.range.start.line || range.start.character !== d.range.start.character || range.end.line !== d.range.end.line || range.end.character !== d.range.end.character) return undefined;
  const finding = analysis.diagnostics.find((f) => f.code === d.code && f.start === start && f.end === end && f.fixes?.length);
  return finding?.fixes;
}

function insertAction(analysis: Analysis, uri: string, d: Diagnostic, inserts: Extract<FixData, { kind: 'insert' }>[]): CodeAction {
  const edits = inserts.map((f) => ({ range: analysis.lines.range(f.offset, f.offset + (f.replaces ?? 0)), newText: f.text }));
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
