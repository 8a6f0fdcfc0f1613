import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';

/** Runs the built linter (dist/cli.js) the way a user or CI does. */

export const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
export const EXAMPLES = join(import.meta.dirname, '..', 'examples');

export function runLint(args: readonly string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, input: options.input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder with the given files (paths relative to it). */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpp-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A copy of examples/ to change freely. */
export function examplesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpp-examples-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

/** The SARIF 2.1.0 schema (rtm.5, the OASIS standard's) as an npm package ships it: nothing is downloaded. */
const SARIF_SCHEMA = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

// the schema's language-tag pattern is not valid as a Unicode regular expression; its URI formats are not checked
const sarifValidator = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(SARIF_SCHEMA);

/** Whether a log passes the SARIF 2.1.0 schema; `errors` says why not. */
export const validateSarif = Object.assign((log: unknown): boolean => sarifValidator(log), {
  get errors() {
    return sarifValidator.errors;
  },
});
