import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { diagnostic, settingKeyOf, type DiagnosticCode, type FixData, type Severity, type VppDiagnostic } from '../analysis/diagnostic';
import { WHOLE_FILE } from '../analysis/directives';
import { finish, type Steps } from '../analysis/steps';

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

/** The lines that suppress findings, each with its suppressions, read once per call. */
function suppressionsByLine(analysis: Analysis): Map<number, Analysis['suppressions'][number][]> {
  const byLine = new Map<number, Analysis['suppressions'][number][]>();
  for (const s of analysis.suppressions) {
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  }
  return byLine;
}

/** Brace errors that one mistake repeats: every `}` of `}}}}`, every level of a nest left open. */
const CASCADING = new Set<DiagnosticCode>(['vpp.unclosed-brace', 'vpp.unexpected-brace']);

/** Only blanks and braces stand between two offsets: two brace errors there are one mistake's cascade. */
function onlyBracesBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 123 && c !== 125) return false;
  }
  return true;
}

/**
 * Keeps the first error of each cascade of brace errors (the same code, one after another with only
 * blanks and braces between them) and puts one notice after it for the rest: 100,000 `}` are one
 * mistake, not 100,000 findings.
 */
function foldCascades(sorted: readonly VppDiagnostic[], textOf: () => string): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  let head: VppDiagnostic | undefined;
  let last: VppDiagnostic | undefined;
  let folded = 0;
  const close = () => {
    if (head && last && folded > 0) out.push(diagnostic('vpp.more-not-shown', `${folded} more ${head.code === 'vpp.unclosed-brace' ? '`{` left open' : '`}` closing nothing'} right after this one, from the same mistake, are not shown.`, last.start, last.end));
    head = last = undefined;
    folded = 0;
  };
  for (const d of sorted) {
    if (!CASCADING.has(d.code)) {
      out.push(d);
      continue;
    }
    if (head && last && head.code === d.code && onlyBracesBetween(textOf(), last.end, d.start)) {
      last = d;
      folded++;
      continue;
    }
    close();
    out.push(d);
    head = last = d;
  }
  close();
  return out;
}

/** A finding's severity as the user set it for its code (some findings move with their line: no copy is made of them). */
function severityOf(d: VppDiagnostic, overrides: SeverityOverrides): SeveritySetting {
  return overrides[settingKeyOf(d.code as DiagnosticCode)] ?? d.severity;
}

/**
 * The diagnostics a user sees: suppressions and severity settings applied, cascades of brace errors
 * folded, at most `maxPerFile` of them in text order (then one notice for the rest), VPP's findings
 * in LSP terms.
 */
export function computeDiagnostics(analysis: Analysis, overrides: SeverityOverrides = {}, extra: readonly VppDiagnostic[] = [], maxPerFile = Number.POSITIVE_INFINITY): Diagnostic[] {
  return finish(computingDiagnostics(analysis, overrides, extra, maxPerFile));
}

/** How many findings one step of `computingDiagnostics` looks at. */
export const DIAGNOSTICS_PER_STEP = 16384;

/** `computeDiagnostics` in steps (see analysis/steps.ts): a large file has hundreds of thousands of findings. */
export function* computingDiagnostics(analysis: Analysis, overrides: SeverityOverrides = {}, extra: readonly VppDiagnostic[] = [], maxPerFile = Number.POSITIVE_INFINITY): Steps<Diagnostic[]> {
  const suppressions = analysis.suppressions.length > 0 ? suppressionsByLine(analysis) : undefined;
  const visible: VppDiagnostic[] = [];
  let seen = 0;
  for (const list of [analysis.diagnostics, extra]) {
    for (const d of list) {
      if (++seen % DIAGNOSTICS_PER_STEP === 0) yield;
      if (severityOf(d, overrides) === 'off') continue;
      if (suppressions && [analysis.lines.lineOf(d.start), WHOLE_FILE].some((line) => suppressions.get(line)?.some((s) => s.codes.size === 0 || s.codes.has(d.code)))) continue;
      visible.push(d);
    }
  }
  // stable: findings at one place keep the order the analysis gave them
  visible.sort((a, b) => a.start - b.start);
  yield;
  // the text is read only between brace errors (a script's text is one string only when read whole)
  let shown = foldCascades(visible, () => analysis.text);
  yield;
  if (shown.length > maxPerFile) {
    const cap = Math.max(0, Math.floor(maxPerFile));
    const rest = shown.length - cap;
    const first = shown[cap];
    shown = shown.slice(0, cap);
    shown.push(diagnostic('vpp.more-not-shown', `${rest} more findings in this file are not shown (setting \`vpp.diagnostics.maxPerFile\`: ${cap}).`, first.start, first.end));
  }
  const out: Diagnostic[] = [];
  for (const d of shown) {
    const severity = severityOf(d, overrides);
    if (severity === 'off') continue;
    out.push({
      range: analysis.lines.range(d.start, d.end),
      severity: LSP_SEVERITY[severity],
      // no `source`: editors show `source(code)`, and `vpp(vpp.invalid-value)` said `vpp` twice
      code: d.code,
      message: d.message,
      data: (d.fixes?.length ? { fixes: d.fixes } : {}) satisfies DiagnosticData,
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
