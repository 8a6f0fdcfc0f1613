/**
 * Writes the parts of package.json that restate schema facts (the release list and one severity
 * setting per diagnostic code), so the manifest never drifts from the code. `npm run build` runs
 * it; a test checks that the committed package.json is in sync.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DIAGNOSTIC_CODES, settingKeyOf, type DiagnosticCode } from '../server/src/analysis/diagnostic';
import { RELEASES } from '../server/src/schema/types';

export function manifestConfiguration(): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    'vpp.version': {
      type: 'string',
      enum: [...RELEASES],
      default: RELEASES[RELEASES.length - 1],
      scope: 'resource',
      markdownDescription: 'The VPP release to check against. A `# vpp-version: 25.10` comment in a file wins over this setting.',
    },
    'vpp.diagnostics.delayMs': {
      type: 'number',
      default: 200,
      minimum: 0,
      scope: 'resource',
      markdownDescription: 'Milliseconds to wait after an edit before diagnostics are published (0 publishes at once).',
    },
    'vpp.maxFileSize': {
      type: 'number',
      default: 5000000,
      minimum: 1,
      scope: 'resource',
      markdownDescription: 'Files with more characters than this are analysed only up to this size.',
    },
    'vpp.sourceRoots': {
      type: 'array',
      items: { type: 'string' },
      default: [],
      scope: 'window',
      markdownDescription:
        'Folders whose C files (your VPP plugin) add CLI commands and startup.conf sections: `VLIB_CLI_COMMAND`, `VLIB_CONFIG_FUNCTION` and `VLIB_PLUGIN_REGISTER` are read with their parse loops. Empty: the workspace folders. A path that is not absolute is taken from the first workspace folder.',
    },
    'vpp.trace.server': {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'window',
      description: 'Traces the communication between VS Code and the VPP language server.',
    },
  };
  for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
    properties[`vpp.diagnostics.${settingKeyOf(code as DiagnosticCode)}`] = {
      type: 'string',
      enum: ['error', 'warning', 'information', 'hint', 'off'],
      default: info.severity,
      scope: 'resource',
      markdownDescription: `Severity of \`${code}\`: ${info.summary}`,
    };
  }
  return { title: 'VPP', properties };
}

export function syncedManifest(manifest: Record<string, any>): Record<string, any> {
  return { ...manifest, contributes: { ...manifest.contributes, configuration: manifestConfiguration() } };
}

if (process.argv[1]?.endsWith('sync-manifest.ts')) {
  const path = new URL('../package.json', import.meta.url);
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const next = `${JSON.stringify(syncedManifest(manifest), null, 2)}\n`;
  if (readFileSync(path, 'utf8') !== next) writeFileSync(path, next);
}
