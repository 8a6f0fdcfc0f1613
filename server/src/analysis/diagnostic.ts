/** Diagnostic codes: stable names that drive quick fixes, severity settings and suppressions. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const DIAGNOSTIC_CODES = {
  'vpp.syntax': { severity: 'error', summary: 'Text the parser cannot read.' },
  'vpp.unclosed-brace': { severity: 'error', summary: 'A `{` that is never closed.' },
  'vpp.unexpected-brace': { severity: 'error', summary: 'A `}` that closes nothing.' },
  'vpp.nesting-too-deep': { severity: 'error', summary: 'Braces nested too deep to analyse.' },
  'vpp.file-too-large': { severity: 'information', summary: 'The file is larger than `vpp.maxFileSize`; analysis is limited.' },
  'vpp.unknown-command': { severity: 'error', summary: 'A command word VPP does not know.' },
  'vpp.ambiguous-command': { severity: 'error', summary: 'An abbreviation that matches several commands.' },
  'vpp.unknown-option': { severity: 'error', summary: 'A word the command does not accept.' },
  'vpp.ignored-input': { severity: 'warning', summary: 'Words VPP does not read: the command stops before them and ignores them without an error.' },
  'vpp.missing-required': { severity: 'error', summary: 'A required option is missing.' },
  'vpp.missing-value': { severity: 'error', summary: 'An option without its value.' },
  'vpp.invalid-value': { severity: 'error', summary: 'A value VPP cannot parse or refuses.' },
  'vpp.conflicting-options': { severity: 'error', summary: 'Options VPP refuses together.' },
  'vpp.duplicate-option': { severity: 'warning', summary: 'An option given twice; VPP keeps the last.' },
  'vpp.not-in-release': { severity: 'error', summary: 'A command, option or section the chosen VPP release does not have.' },
  'vpp.unknown-section': { severity: 'error', summary: 'A startup.conf section VPP does not know.' },
  'vpp.unknown-parameter': { severity: 'error', summary: 'A startup.conf parameter the section does not accept.' },
  'vpp.fatal-in-release': { severity: 'error', summary: 'Startup configuration that stops VPP in the chosen release.' },
  'vpp.plugin-disabled': { severity: 'warning', summary: 'Needs a plugin that VPP disables by default.' },
  'vpp.linux-ifname-too-long': { severity: 'warning', summary: 'A Linux interface name over 15 characters.' },
  'vpp.deprecated': { severity: 'warning', summary: 'Accepted but deprecated or without effect.' },
  'vpp.unknown-release': { severity: 'warning', summary: 'A `vpp-version` comment naming a release we do not model.' },
  'vpp.undefined-interface': { severity: 'hint', summary: 'An interface the script uses but does not create.' },
  'vpp.duplicate-interface': { severity: 'error', summary: 'An interface created twice, or a name VPP already gave.' },
  'vpp.use-before-create': { severity: 'warning', summary: 'An interface used before the line that creates it.' },
  'vpp.missing-script': { severity: 'warning', summary: 'A script named in startup.conf that does not exist.' },
  'vpp.more-not-shown': { severity: 'information', summary: 'Findings left out: a run of brace errors from one mistake, or more than `vpp.diagnostics.maxPerFile`.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Data a quick fix needs; carried on the diagnostic so that fixes need no second analysis. */
export type FixData =
  | { kind: 'replace'; candidates: string[] }
  | { kind: 'remove'; start: number; end: number }
  /** Inserts `text` at `offset` in place of the `replaces` characters there (none when absent); the inserts of one diagnostic make one fix. */
  | { kind: 'insert'; offset: number; text: string; label: string; replaces?: number }
  /** The one right rewrite of a span that may be larger than the finding (`heapsize 1G` -> `memory { main-heap-size 1G }`). */
  | { kind: 'rewrite'; start: number; end: number; text: string; label: string };

export interface VppDiagnostic {
  code: DiagnosticCode;
  message: string;
  start: number;
  end: number;
  severity: Severity;
  fixes?: FixData[];
}

export function diagnostic(code: DiagnosticCode, message: string, start: number, end: number, fixes?: FixData[]): VppDiagnostic {
  return { code, message, start, end, severity: DIAGNOSTIC_CODES[code].severity, fixes };
}

/** The setting key for a code: `vpp.unknown-option` is configured as `vpp.diagnostics.unknown-option`. */
export function settingKeyOf(code: DiagnosticCode): string {
  return code.slice('vpp.'.length);
}

/** Words as a message lists them: `a`, `b`, `c`. */
export function codeList(words: readonly string[]): string {
  return words.map((w) => `\`${w}\``).join(', ');
}
