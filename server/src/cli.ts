#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';
import { analyze, type Language } from './analysis/analyze';
import { languageFromFileName, sniffLanguage } from './analysis/sniff';
import { computeDiagnostics, severityName } from './features/diagnostics';
import type { SchemaLayer } from './schema/layer';
import { isRelease, RELEASES, type VppRelease } from './schema/types';
import { SourceIndex } from './workspaceSources/sourceIndex';

const USAGE = `Usage: vpp-lint [--format text|json] [--lang auto|startup|cli] [--vpp-version X] [--source-root DIR]... FILE...

Checks VPP startup.conf files and CLI scripts as strictly as VPP reads them.
  --format       text (default): file:line:col: severity code message; json: one JSON array
  --lang         auto (default) decides by file name, then by content
  --vpp-version  one of ${RELEASES.join(', ')} (default ${RELEASES[RELEASES.length - 1]});
                 a "# vpp-version: X" comment in a file wins
  --source-root  a folder of C sources (your plugin, or a VPP tree) whose VLIB_CLI_COMMAND,
                 VLIB_CONFIG_FUNCTION and VLIB_PLUGIN_REGISTER add commands and sections
Exit status: 0 no errors, 1 errors found, 2 usage or read error.`;

interface Options {
  format: 'text' | 'json';
  lang: 'auto' | Language;
  release?: VppRelease;
  sourceRoots: string[];
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = { format: 'text', lang: 'auto', sourceRoots: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not ${v}`);
      options.format = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'auto' && v !== 'startup' && v !== 'cli') throw new UsageError(`--lang must be auto, startup or cli, not ${v}`);
      options.lang = v;
    } else if (flag === '--vpp-version') {
      const v = value();
      if (!isRelease(v)) throw new UsageError(`--vpp-version must be one of ${RELEASES.join(', ')}, not ${v}`);
      options.release = v;
    } else if (flag === '--source-root') {
      const dir = value();
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--source-root ${dir} is not a folder`);
      options.sourceRoots.push(dir);
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${flag}`);
    } else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError('no file given');
  return options;
}

export interface LintResult {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** A file is binary when it has NUL bytes or is not UTF-8. */
function readText(file: string): string {
  const bytes = readFileSync(file === '-' ? 0 : file);
  if (bytes.includes(0)) throw new Error('binary file (it contains NUL bytes), not a VPP configuration');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not UTF-8 text, not a VPP configuration');
  }
}

function languageFor(file: string, text: string, lang: Options['lang']): Language | undefined {
  if (lang !== 'auto') return lang;
  const id = languageFromFileName(file) ?? sniffLanguage(text);
  return id === 'vpp-startup' ? 'startup' : id === 'vpp-cli' ? 'cli' : undefined;
}

function lint(file: string, options: Options, layer: SchemaLayer | undefined): LintResult[] {
  const text = readText(file);
  const language = languageFor(file, text, options.lang);
  if (!language) throw new Error('cannot tell whether this is a startup.conf or a CLI script; name it *.startup.conf or *.vpp, or pass --lang');
  const analysis = analyze(text, { language, release: options.release, layer });
  return computeDiagnostics(analysis).map((d) => ({
    file,
    range: d.range,
    severity: severityName(d.severity),
    code: String(d.code),
    message: d.message,
  }));
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`vpp-lint: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const sources = new SourceIndex((message) => process.stderr.write(`${message}\n`));
  if (options.sourceRoots.length > 0) await sources.scan(options.sourceRoots);
  const results: LintResult[] = [];
  let readFailed = false;
  for (const file of options.files) {
    try {
      // one by one: a huge file has more findings than a spread call can take
      for (const r of lint(file, options, sources.layer())) results.push(r);
    } catch (error) {
      readFailed = true;
      const err = error as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      process.stderr.write(`vpp-lint: ${file}: ${reason}\n`);
    }
  }
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else for (const r of results) process.stdout.write(`${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} ${r.code} ${r.message}\n`);
  if (readFailed) return 2;
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
