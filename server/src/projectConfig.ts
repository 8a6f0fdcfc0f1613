import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import type { SeverityOverrides } from './features/diagnostics';
import { readSettings, type VppSettings } from './settings';
import type { VppRelease } from './schema/types';

/** The file both `vpp-lint` and the language server read, found in a file's folder or the nearest one above. */
export const CONFIG_FILE_NAME = '.vpp-lint.json';

/**
 * A repository's `.vpp-lint.json`: the same keys as the `vpp.*` settings (`version`,
 * `diagnostics.<code>`, `sourceRoots`), plus the paths to leave alone and the folders where scripts named by
 * `startup-config` / `exec` are looked for. Paths are relative to the file's folder.
 */
export interface ProjectConfig {
  /** The config file, absolute; undefined when none was found. */
  file?: string;
  release?: VppRelease;
  severities: SeverityOverrides;
  ignore: string[];
  roots: string[];
  /** Folders whose C files add commands and sections (`sourceRoots`, as `vpp.sourceRoots`), absolute. */
  sourceRoots: string[];
}

export const NO_PROJECT_CONFIG: ProjectConfig = { severities: {}, ignore: [], roots: [], sourceRoots: [] };

export class ConfigError extends Error {}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Reads a config file; a file that is not JSON is an error the user must see, unknown keys are ignored. */
export function readProjectConfig(file: string): ProjectConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected a JSON object`);
  const settings = readSettings(raw);
  const section = raw as Record<string, unknown>;
  const base = dirname(file);
  return {
    file,
    release: settings.release,
    severities: settings.severities,
    ignore: strings(section.ignore),
    roots: strings(section.roots).map((r) => resolve(base, r)),
    sourceRoots: settings.sourceRoots.map((r) => resolve(base, r)),
  };
}

/** The config file that governs `path` (a file or a folder): in its folder or the nearest folder above. */
export function findProjectConfigFile(path: string): string | undefined {
  let dir = resolve(path);
  if (!isDirectory(dir)) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Whether the config's `ignore` globs cover `path` (matched relative to the config file's folder). */
export function isIgnored(config: ProjectConfig, path: string): boolean {
  if (!config.file || config.ignore.length === 0) return false;
  const rel = relative(dirname(config.file), resolve(path)).replace(/\\/g, '/');
  if (rel.startsWith('../') || isAbsolute(rel)) return false;
  return config.ignore.some((pattern) => minimatch(rel, pattern, { dot: true }) || minimatch(rel, `${pattern.replace(/\/+$/, '')}/**`, { dot: true }));
}

/**
 * The settings in force for one file: the editor's settings where the user set them, else the
 * config file, else the defaults. `editor` holds only what the user set (the VS Code client drops
 * the defaults before sending; other editors send only what their user wrote).
 */
export function withProjectConfig(editor: VppSettings, config: ProjectConfig): VppSettings {
  return { ...editor, release: editor.release ?? config.release, severities: { ...config.severities, ...editor.severities } };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
