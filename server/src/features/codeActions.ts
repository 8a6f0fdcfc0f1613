import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { FixData } from '../analysis/diagnostic';
import { computeDiagnostics } from './diagnostics';
import { insertFixes } from './fixCheck';
import { fixInput, quickFix as action } from './quickFixes/action';
import { fixAll, fixAllOfCode, FIX_ALL_KIND } from './quickFixes/fixAll';
import { moveHeapsize } from './quickFixes/heapsize';
import { pluginFixes, type LinkedStartup } from './quickFixes/plugins';
import { disableForLine } from './quickFixes/suppress';
import { nearestValueFixes } from './quickFixes/values';

export { FIX_ALL_KIND };
export type { LinkedStartup };

export interface CodeActionOptions {
  /** The kinds the client asks for (`CodeActionContext.only`); all when absent. */
  readonly only?: readonly string[];
  /** Every diagnostic of the file as published, for the fix-all actions; computed when absent. */
  readonly all?: readonly Diagnostic[];
  /** The open startup.conf that runs this script, which "Enable <plugin>" edits. */
  readonly linkedStartup?: LinkedStartup;
}

const asks = (only: readonly string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

/**
 * Quick fixes as edits (never commands): replace a word with the suggestion or the nearest valid
 * value, remove what VPP refuses, insert a missing option with a placeholder, move or enable what a
 * release wants elsewhere, silence a line, join a continued line (each `\` + newline becomes one
 * space); and fix-all of one code or of the file
 * (`source.fixAll.vpp`). Removal takes one neighbouring space with it and nothing else, so no
 * character the user wrote outside the offending words is lost.
 */
export function computeCodeActions(analysis: Analysis, uri: string, diagnostics: readonly Diagnostic[], options: CodeActionOptions = {}): CodeAction[] {
  const actionsOf = (d: Diagnostic) => fixesFor(analysis, uri, d, options.linkedStartup);
  const actions: CodeAction[] = [];
  if (asks(options.only, CodeActionKind.QuickFix)) {
    const all = () => options.all ?? computeDiagnostics(analysis);
    for (const d of diagnostics) {
      const fixes = actionsOf(d);
      actions.push(...fixes);
      if (fixes.some((f) => f.isPreferred)) {
        const every = fixAllOfCode(uri, d, all(), actionsOf);
        if (every) actions.push(every);
      }
    }
  }
  if (options.only?.some((k) => asks([k], FIX_ALL_KIND))) {
    const every = fixAll(uri, options.all ?? computeDiagnostics(analysis), actionsOf);
    if (every) actions.push(every);
  }
  return actions;
}

function fixesFor(analysis: Analysis, uri: string, d: Diagnostic, linked: LinkedStartup | undefined): CodeAction[] {
  if (typeof d.code !== 'string' || !d.code.startsWith('vpp.')) return [];
  const input = fixInput(analysis, uri, d);
  const actions = [...nearestValueFixes(input), ...dataFixes(analysis, uri, d), ...pluginFixes(input, linked)];
  // the analysis's own rewrite (the one `vpp-lint --fix` applies) stands for the move when it has one
  const moved = actions.some((a) => a.title.startsWith('Change to `memory')) ? undefined : moveHeapsize(input);
  if (moved) actions.push(moved);
  const disable = disableForLine(input);
  if (disable) actions.push(disable);
  return actions;
}

/**
 * The fixes the current analysis has for the diagnostic: recomputed, never read from the client's
 * `data`, and none when the finding is no longer at that range (the text moved on).
 */
function dataFixes(analysis: Analysis, uri: string, d: Diagnostic): CodeAction[] {
  const actions: CodeAction[] = [];
  const fixes = currentFixes(analysis, d);
  if (!fixes) return actions;
  const inserts = fixes.filter((f): f is Extract<FixData, { kind: 'insert' }> => f.kind === 'insert');
  if (inserts.length > 0 && insertFixes(analysis, d.code as string, analysis.lines.offsetAt(d.range.start), inserts)) actions.push(insertAction(analysis, uri, d, inserts));
  fixes.forEach((fix, index) => {
    if (fix.kind === 'replace') {
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
  return actions;
}

function currentFixes(analysis: Analysis, d: Diagnostic): FixData[] | undefined {
  const start = analysis.lines.offsetAt(d.range.start);
  const end = analysis.lines.offsetAt(d.range.end);
  // a range the text no longer has (past a line's end, say) is clamped by offsetAt: it must map back
  const range = analysis.lines.range(start, end);
  if (range.start.line !== d.range.start.line || range.start.character !== d.range.start.character || range.end.line !== d.range.end.line || range.end.character !== d.range.end.character) return undefined;
  return fixIndex(analysis).get(`${String(d.code)}@${start}-${end}`);
}

// vpp-lint asks for every finding of a file: one index per analysis keeps that linear
const fixIndexes = new WeakMap<Analysis, Map<string, FixData[]>>();

function fixIndex(analysis: Analysis): Map<string, FixData[]> {
  let index = fixIndexes.get(analysis);
  if (!index) {
    index = new Map();
    for (const f of analysis.diagnostics) {
      const key = `${f.code}@${f.start}-${f.end}`;
      if (f.fixes?.length && !index.has(key)) index.set(key, f.fixes);
    }
    fixIndexes.set(analysis, index);
  }
  return index;
}

function insertAction(analysis: Analysis, uri: string, d: Diagnostic, inserts: Extract<FixData, { kind: 'insert' }>[]): CodeAction {
  const edits = inserts.map((f) => ({ range: analysis.lines.range(f.offset, f.offset + (f.replaces ?? 0)), newText: f.text }));
  return action(inserts[0].label, uri, d, edits, true);
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
  const fixes = typeof d.code === 'string' ? currentFixes(analysis, d) : undefined;
  const rewrite = fixes?.find((f): f is Extract<FixData, { kind: 'rewrite' }> => f.kind === 'rewrite');
  if (rewrite) return rewriteEdit(analysis, rewrite);
  const replace = fixes?.find((f): f is Extract<FixData, { kind: 'replace' }> => f.kind === 'replace');
  return replace?.candidates.length === 1 ? { range: d.range, newText: replace.candidates[0] } : undefined;
}

function rewriteEdit(analysis: Analysis, fix: Extract<FixData, { kind: 'rewrite' }>): TextEdit {
  return { range: analysis.lines.range(fix.start, fix.end), newText: fix.text };
}
