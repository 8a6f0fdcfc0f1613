import type { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { diagnostic, type VppDiagnostic } from '../analysis/diagnostic';
import type { ConfigEntry } from '../analysis/startupModel';
import { isTemplated } from '../syntax/tokens';
import type { Token } from '../syntax/tree';

/**
 * Links to the CLI scripts VPP runs: `unix { exec FILE }` and `unix { startup-config FILE }` in
 * startup.conf, `exec FILE` in a script. Where a path points (VPP reads it relative to its working
 * directory) and whether it exists are the caller's to say, so these stay pure.
 */

/** startup.conf parameters, by section, whose value is a CLI script VPP runs once it is up. */
const SCRIPT_PARAMETERS: ReadonlyMap<string, readonly string[]> = new Map([['unix', ['exec', 'startup-config']]]);

export interface ScriptPath {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

export function scriptPaths(analysis: Analysis): ScriptPath[] {
  const tokens: Token[] = [];
  if (analysis.language === 'startup') {
    for (const section of analysis.startup?.sections ?? []) {
      const keys = SCRIPT_PARAMETERS.get(section.param?.key ?? '');
      if (!keys) continue;
      for (const entry of section.children as ConfigEntry[]) if (keys.includes(entry.param?.key ?? '') && entry.values[0]?.token) tokens.push(entry.values[0].token);
    }
  } else {
    for (const token of analysis.scriptRuns) tokens.push(token);
  }
  return tokens.filter((t) => !isTemplated(t.text)).map((t) => ({ path: t.text, start: t.start, end: t.end }));
}

export function computeDocumentLinks(analysis: Analysis, documentUri: string, resolve: (path: string) => string | undefined): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const p of scriptPaths(analysis)) {
    const target = resolve(p.path);
    if (target && target !== documentUri) out.push({ range: analysis.lines.range(p.start, p.end), target, tooltip: 'Open the script VPP runs' });
  }
  return out;
}

export function checkLinks(analysis: Analysis, exists: (path: string) => boolean): VppDiagnostic[] {
  return scriptPaths(analysis)
    .filter((p) => !exists(p.path))
    .map((p) =>
      diagnostic('vpp.missing-script', `\`${p.path}\` does not exist: VPP would report "failed to open" and run none of its commands.`, p.start, p.end),
    );
}
