import type { Diagnostic } from 'vscode-languageserver-types';
import type { VppDiagnostic } from '../analysis/diagnostic';
import type { ScriptHead } from '../analysis/scriptHead';
import { computeDiagnostics, type SeverityOverrides } from './diagnostics';

/**
 * Codes whose finding on a line can change with the lines below it: a name no line above creates
 * (`vpp.undefined-interface`) is `vpp.use-before-create` when a line below does, and a notice of
 * findings not shown counts the findings below too.
 */
const REACHES_FORWARD: ReadonlySet<string> = new Set(['vpp.undefined-interface', 'vpp.more-not-shown']);

/**
 * The diagnostics of a large script's head that the whole script has too, in the same place with the
 * same words: those before the head's settled offset, less the codes that reach forward; at most
 * `maxPerFile` (the whole script's first ones, as they are in text order).
 */
export function headDiagnostics(head: ScriptHead, overrides: SeverityOverrides = {}, extra: readonly VppDiagnostic[] = [], maxPerFile = Number.POSITIVE_INFINITY): Diagnostic[] {
  const lines = head.analysis.lines;
  const out = computeDiagnostics(head.analysis, overrides, extra).filter((d) => !REACHES_FORWARD.has(String(d.code)) && lines.offsetAt(d.range.end) <= head.settled);
  return out.length > maxPerFile ? out.slice(0, Math.max(0, Math.floor(maxPerFile))) : out;
}
