import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze, type Analysis, type AnalyzeOptions, type Language } from '../server/src/analysis/analyze';
import { computeCodeActions } from '../server/src/features/codeActions';
import { computeDiagnostics, severityName, type SeverityOverrides } from '../server/src/features/diagnostics';
import type { VppRelease } from '../server/src/schema/types';
import { applyEdits } from '../server/src/syntax/applyEdits';

/**
 * The path every consumer takes (the language server and the CLI linter): analyse, turn the
 * findings into LSP diagnostics with the user's severities, and offer quick fixes for them.
 */

export const URI = 'file:///test/config';

export interface Lint {
  analysis: Analysis;
  diagnostics: Diagnostic[];
}

export interface LintOptions {
  release?: VppRelease;
  overrides?: SeverityOverrides;
  maxFileSize?: AnalyzeOptions['maxFileSize'];
}

/**
 * The fixtures here are single commands about interfaces created elsewhere (by DPDK or another
 * script), so the "not created in this file" hint is off unless a test turns it on; the interface
 * model has its own tests.
 */
const FIXTURE_DEFAULTS = { 'undefined-interface': 'off' } as const;

export function lint(text: string, language: Language, options: LintOptions = {}): Lint {
  const analysis = analyze(text, { language, release: options.release, maxFileSize: options.maxFileSize });
  return { analysis, diagnostics: computeDiagnostics(analysis, { ...FIXTURE_DEFAULTS, ...options.overrides }) };
}

export function lintScript(text: string, options?: LintOptions): Lint {
  return lint(text, 'cli', options);
}

export function lintStartup(text: string, options?: LintOptions): Lint {
  return lint(text, 'startup', options);
}

/** The text a diagnostic's range covers, read back through the LSP positions the editor gets. */
export function rangeText(result: Lint, d: Diagnostic): string {
  const lines = result.analysis.lines;
  return result.analysis.text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
}

/** `severity code [covered text]`, one per diagnostic, in document order. */
export function described(result: Lint): string[] {
  return result.diagnostics.map((d) => `${severityName(d.severity)} ${d.code} [${rangeText(result, d)}]`);
}

export function errorsOf(result: Lint): string[] {
  return described(result).filter((d) => d.startsWith('error '));
}

export function actionsFor(result: Lint, d: Diagnostic): CodeAction[] {
  return computeCodeActions(result.analysis, URI, [d]);
}

export function onlyDiagnostic(result: Lint, code: string): Diagnostic {
  const matching = result.diagnostics.filter((d) => d.code === code);
  if (matching.length !== 1) throw new Error(`expected one ${code}, got: ${described(result).join('; ') || 'nothing'}`);
  return matching[0];
}

/** Applies a WorkspaceEdit's edits for `uri` to `text` as an editor would (all ranges refer to the original text). */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined, uri = URI): string {
  const { text: out, skipped } = applyEdits(text, edit?.changes?.[uri] ?? []);
  if (skipped.length > 0) throw new Error(`overlapping edits: ${JSON.stringify(skipped)}`);
  return out;
}

/** The errors `vpp-lint` reports on one script line, described. */
export function lineErrors(line: string, release: VppRelease = '26.06'): string[] {
  return errorsOf(lintScript(`${line}\n`, { release }));
}
