import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { settingKeyOf, type DiagnosticCode, type FixData, type Severity, type VppDiagnostic } from '../analysis/diagnostic';
import { WHOLE_FILE } from '../analysis/directives';

export type SeveritySetting = Severity | 'off';

/** Per-code severities from `vpp.diagnostics.<code>`, keyed by the code without `vpp.`. */
export type SeverityOverrides = Readonly<Record<string, SeveritySetting | undefined>>;

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Carried in `Diagnostic.data` so that a quick fix needs no second analysis. */
export interface DiagnosticData {
  fixes?: FixData[];
}

function isSuppressed(d: VppDiagnostic, analysis: Analysis): boolean {
  if (analysis.suppressions.length === 0) return false;
  const line = analysis.lines.lineOf(d.start);
  return analysis.suppressions.some((s) => (s.line === line || s.line === WHOLE_FILE) && (s.codes.size === 0 || s.codes.has(d.code)));
}

/** The diagnostics a user sees: suppressions and severity settings applied, VPP's findings in LSP terms. */
export function computeDiagnostics(analysis: Analysis, overrides: SeverityOverrides = {}, extra: readonly VppDiagnostic[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of [...analysis.diagnostics, ...extra]) {
    const setting = overrides[settingKeyOf(d.code as DiagnosticCode)] ?? d.severity;
    if (setting === 'off' || isSuppressed(d, analysis)) continue;
    const data: DiagnosticData = d.fixes?.length ? { fixes: d.fixes } : {};
    out.push({
      range: analysis.lines.range(d.start, d.end),
      severity: LSP_SEVERITY[setting],
      // no `source`: editors show `source(code)`, and `vpp(vpp.invalid-value)` said `vpp` twice
      code: d.code,
      message: d.message,
      data,
    });
  }
  return out;
}

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}
