import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { analyze, type Language } from '../analysis/analyze';
import { unambiguousFix } from '../features/codeActions';
import { computeDiagnostics, severityName, type SeverityOverrides } from '../features/diagnostics';
import { checkLinks } from '../features/links';
import type { SchemaLayer } from '../schema/layer';
import type { VppRelease } from '../schema/types';
import { applyEdits } from '../syntax/applyEdits';

/** One finding as `vpp-lint --format json` prints it (README), with its fix when it has one right answer. */
export interface LintResult {
  file: string;
  range: Range;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
  fix?: TextEdit;
}

export interface LintTextOptions {
  language: Language;
  release?: VppRelease;
  severities?: SeverityOverrides;
  /** Whether a script a startup.conf names exists; absent, no file is checked. */
  scriptExists?: (path: string) => boolean;
  quiet?: boolean;
  /** Commands, sections and plugins read from C sources (`--source-root`, `sourceRoots`). */
  layer?: SchemaLayer;
}

/** The findings for one text, in document order, as the editor shows them. */
export function lintText(file: string, text: string, options: LintTextOptions): LintResult[] {
  const analysis = analyze(text, { language: options.language, release: options.release, layer: options.layer });
  const links = options.scriptExists ? checkLinks(analysis, options.scriptExists) : [];
  const results: LintResult[] = [];
  for (const d of computeDiagnostics(analysis, options.severities, links)) {
    const result = toResult(file, d, unambiguousFix(analysis, d));
    if (!options.quiet || result.severity === 'error') results.push(result);
  }
  return results.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function toResult(file: string, d: Diagnostic, fix: TextEdit | undefined): LintResult {
  return { file, range: d.range, severity: severityName(d.severity), code: String(d.code), message: d.message, ...(fix ? { fix } : {}) };
}

/**
 * The text with the findings' fixes applied (each fix touches only its own range; of two
 * fixes that overlap, the first wins) and how many were applied.
 */
export function applyFixes(text: string, results: readonly LintResult[]): { text: string; fixed: number } {
  const { text: out, applied } = applyEdits(text, results.flatMap((r) => (r.fix ? [r.fix] : [])));
  return { text: out, fixed: applied.length };
}
