import { readdirSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { mayBeVppFile } from '../analysis/sniff';
import { isDirectory } from '../projectConfig';

/** A file to lint; `picked` files were found in a folder or by a glob, and are skipped quietly when they are not VPP. */
export interface InputFile {
  path: string;
  picked: boolean;
}

/** Folders never searched: version control and installed packages. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn', 'node_modules']);

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Turns the command line's files, folders and globs into files, in a stable order (folders sorted).
 * `-` stays `-`. A glob that matches nothing, like a missing file, is returned as given so that the
 * caller reports it.
 */
export function expandInputs(inputs: readonly string[], cwd = process.cwd()): InputFile[] {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') out.push({ path: '-', picked: false });
    else if (isDirectory(resolve(cwd, input))) walk(input, cwd, out);
    else if (GLOB_CHARS.test(input) && !exists(resolve(cwd, input))) {
      const matches = globFiles(input, cwd);
      if (matches.length === 0) out.push({ path: input, picked: false });
      for (const path of matches) out.push({ path, picked: true });
    } else out.push({ path: input, picked: false });
  }
  return out;
}

/** Appends the files under `dir` that `keep` accepts, folders in name order, skipping SKIPPED_FOLDERS. */
function walk(dir: string, cwd: string, out: InputFile[], keep: (path: string) => boolean = mayBeVppFile): void {
  let entries;
  try {
    entries = readdirSync(resolve(cwd, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, cwd, out, keep);
    } else if (entry.isFile() && keep(path)) out.push({ path, picked: true });
  }
}

/** The files a glob matches, searched from the part of it before the first wildcard. */
function globFiles(pattern: string, cwd: string): string[] {
  const normalized = posix.normalize(pattern.replace(/\\/g, '/'));
  const parts = normalized.split('/');
  const base = parts.slice(0, parts.findIndex((p) => GLOB_CHARS.test(p))).join('/') || (normalized.startsWith('/') ? '/' : '.');
  const found: InputFile[] = [];
  walk(base, cwd, found, (path) => minimatch(path.replace(/\\/g, '/'), normalized));
  return found.map((f) => f.path);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
