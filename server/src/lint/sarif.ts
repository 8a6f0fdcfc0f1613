import { DIAGNOSTIC_CODES, settingKeyOf, type DiagnosticCode } from '../analysis/diagnostic';
import type { LintResult } from './lintText';

const RULE_IDS = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
const HELP_URI = 'https://github.com/vpp-config/vpp-config#diagnostic-codes';

type Level = 'error' | 'warning' | 'note';
const level = (severity: string): Level => (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');

/** SARIF columns are 1-based UTF-16 code units here (`columnKind`), as LSP's are 0-based. */
function region(range: LintResult['range']) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A file as SARIF names it: relative paths stay relative (to the folder vpp-lint ran in), with `/`. */
function artifactUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  return path.startsWith('/') ? `file://${encodeURI(path)}` : encodeURI(path);
}

/** A SARIF 2.1.0 log of one run: every code as a rule with its help, each finding with its fix as a replacement. */
export function sarifLog(results: readonly LintResult[], version: string) {
  const rules = RULE_IDS.map((id) => {
    const { severity, summary } = DIAGNOSTIC_CODES[id];
    const help = `${summary} Silence one line with \`# vpp-lint: disable-line ${id}\`; change its severity with \`"diagnostics": { "${settingKeyOf(id)}": "off" }\` in .vpp-lint.json or the setting \`vpp.diagnostics.${settingKeyOf(id)}\`.`;
    return {
      id,
      name: settingKeyOf(id),
      shortDescription: { text: summary },
      fullDescription: { text: summary },
      help: { text: help, markdown: help },
      helpUri: HELP_URI,
      defaultConfiguration: { level: level(severity) },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vpp-lint', version, informationUri: 'https://github.com/vpp-config/vpp-config', rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: `file://${encodeURI(process.cwd().replace(/\\/g, '/').replace(/\/?$/, '/'))}` } },
        results: results.map((r) => {
          const artifactLocation = r.file.startsWith('/') ? { uri: artifactUri(r.file) } : { uri: artifactUri(r.file), uriBaseId: 'SRCROOT' };
          return {
            ruleId: r.code,
            ...(RULE_IDS.includes(r.code as DiagnosticCode) ? { ruleIndex: RULE_IDS.indexOf(r.code as DiagnosticCode) } : {}),
            level: level(r.severity),
            message: { text: r.message },
            locations: [{ physicalLocation: { artifactLocation, region: region(r.range) } }],
            ...(r.fix
              ? {
                  fixes: [
                    {
                      description: { text: `Change to \`${r.fix.newText}\`` },
                      artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region(r.fix.range), insertedContent: { text: r.fix.newText } }] }],
                    },
                  ],
                }
              : {}),
          };
        }),
      },
    ],
  };
}
