/**
 * Writes the parts of package.json that restate schema facts (the release list and one severity
 * setting per diagnostic code) and the schema of `.vpp-lint.json`, so neither drifts from the code. `npm run build` runs
 * it; a test checks that the committed package.json is in sync.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DIAGNOSTIC_CODES, settingKeyOf, type DiagnosticCode } from '../server/src/analysis/diagnostic';
import { CONFIG_FILE_NAME } from '../server/src/projectConfig';
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
    'vpp.diagnostics.maxPerFile': {
      type: 'number',
      default: 1000,
      minimum: 1,
      scope: 'resource',
      markdownDescription: 'Diagnostics shown per file at most; one notice says how many more there are.',
    },
    'vpp.maxFileSize': {
      type: 'number',
      default: 5000000,
      minimum: 1,
      scope: 'resource',
      markdownDescription: 'Files with more characters than this are analysed only up to this size.',
    },
    'vpp.hover.detail': {
      type: 'string',
      enum: ['short', 'full'],
      default: 'short',
      scope: 'resource',
      markdownDescription:
        'How much a hover shows: `short` gives the syntax, one sentence and the facts; `full` adds the long text of the course (the VPP interfaces guide the interface notes come from): how each interface type works, how to verify it, corrections.',
    },
    'vpp.sourceRoots': {
      type: 'array',
      items: { type: 'string' },
      default: [],
      scope: 'window',
      markdownDescription:
        'Folders whose C files (your VPP plugin) add CLI commands and startup.conf sections: `VLIB_CLI_COMMAND`, `VLIB_CONFIG_FUNCTION` and `VLIB_PLUGIN_REGISTER` are read with their parse loops. Empty: each workspace folder, or the `sourceRoots` its `.vpp-lint.json` names. A path that is not absolute is taken from the first workspace folder.',
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

/** The JSON schema of `.vpp-lint.json`, which VS Code uses to complete and check the file (`jsonValidation`). */
export function configFileSchema(): Record<string, unknown> {
  const diagnostics: Record<string, unknown> = {};
  for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
    diagnostics[settingKeyOf(code as DiagnosticCode)] = {
      enum: ['error', 'warning', 'information', 'hint', 'off'],
      default: info.severity,
      markdownDescription: `Severity of \`${code}\`: ${info.summary}`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${CONFIG_FILE_NAME}: VPP configuration checks for the editor and vpp-lint`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      version: { enum: [...RELEASES], markdownDescription: 'The VPP release to check against (the setting `vpp.version` wins in the editor, `--vpp-version` in vpp-lint; a `# vpp-version:` comment in a file wins over all).' },
      diagnostics: { type: 'object', additionalProperties: false, properties: diagnostics, markdownDescription: 'Severity per diagnostic code, without `vpp.`: `"plugin-disabled": "off"`.' },
      ignore: { type: 'array', items: { type: 'string' }, markdownDescription: 'Globs of files and folders to leave alone, relative to this file: `["vendor/**", "legacy/*.vpp"]`.' },
      roots: { type: 'array', items: { type: 'string' }, markdownDescription: 'Folders, relative to this file, where the scripts named by `startup-config` / `exec` are looked for.' },
      sourceRoots: {
        type: 'array',
        items: { type: 'string' },
        markdownDescription:
          'Folders, relative to this file, whose C files (your VPP plugin, or a VPP tree) add CLI commands and startup.conf sections (`--source-root` wins in vpp-lint, the setting `vpp.sourceRoots` in the editor).',
      },
    },
  };
}

export const CONFIG_SCHEMA_PATH = 'schemas/vpp-lint.schema.json';

export function syncedManifest(manifest: Record<string, any>): Record<string, any> {
  return {
    ...manifest,
    contributes: { ...manifest.contributes, configuration: manifestConfiguration(), jsonValidation: [{ fileMatch: CONFIG_FILE_NAME, url: `./${CONFIG_SCHEMA_PATH}` }] },
  };
}

if (process.argv[1]?.endsWith('sync-manifest.ts')) {
  const path = new URL('../package.json', import.meta.url);
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const next = `${JSON.stringify(syncedManifest(manifest), null, 2)}\n`;
  if (readFileSync(path, 'utf8') !== next) writeFileSync(path, next);
  const schemaPath = new URL(`../${CONFIG_SCHEMA_PATH}`, import.meta.url);
  const schema = `${JSON.stringify(configFileSchema(), null, 2)}\n`;
  mkdirSync(new URL('.', schemaPath), { recursive: true });
  if (!existsSync(schemaPath) || readFileSync(schemaPath, 'utf8') !== schema) writeFileSync(schemaPath, schema);
}
