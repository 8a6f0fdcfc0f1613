#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { guessLanguage } from './analysis/sniff';
import { formatResults } from './lint/formats';
import { expandInputs } from './lint/inputs';
import { applyFixes, lintText, type LintResult } from './lint/lintText';
import { parseArgs, USAGE, UsageError, type LintOptions } from './lint/options';
import { ConfigError, findProjectConfigFile, isDirectory, isIgnored, NO_PROJECT_CONFIG, readProjectConfig, type ProjectConfig } from './projectConfig';
import { NEWEST_RELEASE, type SchemaLayer } from './schema/index';
import { ScriptResolver } from './scriptResolver';
import { readTextFile } from './readTextFile';
import { SourceIndex } from './workspaceSources/sourceIndex';

/** Set by the build (esbuild.mjs) from package.json. */
declare const PACKAGE_VERSION: string;

/** A file that is not text: refused when named, skipped when found in a folder. */
class NotText extends Error {}

/** A regular file or standard input, bounded (readTextFile); binary or not UTF-8 is `NotText`, skipped in a folder. */
function readText(file: string): string {
  try {
    return readTextFile(file);
  } catch (error) {
    const message = (error as Error).message;
    if (/^binary file|^not UTF-8/.test(message)) throw new NotText(message);
    throw error;
  }
}

/** The config file for each folder, read once. */
class Configs {
  private readonly byFile = new Map<string, ProjectConfig>();
  constructor(private readonly explicit?: string) {}

  for(path: string): ProjectConfig {
    const file = this.explicit ?? findProjectConfigFile(path);
    if (!file) return NO_PROJECT_CONFIG;
    let config = this.byFile.get(file);
    if (!config) this.byFile.set(file, (config = readProjectConfig(resolve(file))));
    return config;
  }
}

/** What applies to one file: the command line wins over the config file. */
function settingsFor(path: string, config: ProjectConfig, options: LintOptions) {
  return {
    release: options.release ?? config.release,
    severities: config.severities,
    roots: [config.file ? dirname(config.file) : process.cwd(), ...config.roots],
    sourceRoots: options.sourceRoots.length > 0 ? options.sourceRoots.map((r) => resolve(r)) : config.sourceRoots,
  };
}

/** The vocabulary of the C sources under some folders (`--source-root`, a config's `sourceRoots`), read once per set of folders. */
class Sources {
  private readonly byRoots = new Map<string, Promise<SchemaLayer | undefined>>();

  layerFor(roots: readonly string[]): Promise<SchemaLayer | undefined> {
    if (roots.length === 0) return Promise.resolve(undefined);
    const key = roots.join('\n');
    let layer = this.byRoots.get(key);
    if (!layer) {
      for (const root of roots) if (!isDirectory(root)) process.stderr.write(`vpp-lint: source root ${root} is not a folder; nothing is read from it\n`);
      const index = new SourceIndex((message) => process.stderr.write(`${message}\n`));
      layer = index.scan(roots).then(() => index.layer());
      this.byRoots.set(key, layer);
    }
    return layer;
  }
}

function printConfig(path: string, configs: Configs, options: LintOptions): void {
  const config = configs.for(path);
  const settings = settingsFor(path, config, options);
  const printed = { file: path, configFile: config.file ?? null, ignored: isIgnored(config, path), version: settings.release ?? NEWEST_RELEASE, diagnostics: settings.severities, roots: settings.roots, sourceRoots: settings.sourceRoots };
  process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
}

async function main(argv: string[]): Promise<number> {
  let options: LintOptions;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help' || parsed === 'version') {
      process.stdout.write(parsed === 'help' ? `${USAGE}\n` : `${PACKAGE_VERSION}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`vpp-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const configs = new Configs(options.config);
  if (options.printConfig) {
    try {
      printConfig(options.inputs[0], configs, options);
      return 0;
    } catch (error) {
      process.stderr.write(`vpp-lint: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const sources = new Sources();
  const results: LintResult[] = [];
  const linted: string[] = [];
  let failed = false;
  for (const input of expandInputs(options.inputs)) {
    const name = input.path === '-' ? (options.stdinFilename ?? '<stdin>') : input.path;
    try {
      const config = configs.for(input.path === '-' ? name : input.path);
      if (isIgnored(config, name)) continue;
      const text = readText(input.path);
      const language = options.lang === 'auto' ? guessLanguage(name, text) : options.lang;
      if (!language) {
        if (input.picked) continue;
        throw new Error('cannot tell whether this is a startup.conf or a CLI script; name it *.startup.conf or *.vpp, or pass --lang');
      }
      const settings = settingsFor(name, config, options);
      const resolver = new ScriptResolver(() => settings.roots);
      const uri = input.path === '-' ? undefined : pathToFileURL(resolve(input.path)).toString();
      const layer = await sources.layerFor(settings.sourceRoots);
      const lintOptions = { language, release: settings.release, severities: settings.severities, quiet: options.quiet, scriptExists: uri ? (p: string) => resolver.exists(uri, p) : undefined, layer };
      let found = lintText(name, text, lintOptions);
      if (options.fix !== 'no') {
        const fixed = applyFixes(text, found);
        if (fixed.fixed > 0) {
          if (options.fix === 'write') writeFileSync(input.path, fixed.text);
          else process.stderr.write(`vpp-lint: ${name}: ${fixed.fixed} fix${fixed.fixed === 1 ? '' : 'es'} would be applied\n`);
          found = lintText(name, fixed.text, lintOptions);
        }
      }
      linted.push(name);
      // one by one: a huge file has more findings than a spread call can take
      for (const r of found) results.push(r);
    } catch (error) {
      if (error instanceof NotText && input.picked) continue;
      failed = true;
      const err = error as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      process.stderr.write(error instanceof ConfigError ? `vpp-lint: ${reason}\n` : `vpp-lint: ${name}: ${reason}\n`);
    }
  }
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  process.stdout.write(formatResults(options.format, results, linted, PACKAGE_VERSION));
  if (failed) return 2;
  const warnings = results.filter((r) => r.severity === 'warning').length;
  return results.some((r) => r.severity === 'error') || (options.maxWarnings !== undefined && warnings > options.maxWarnings) ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
