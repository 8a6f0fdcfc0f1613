import { isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folders to read C sources from: the `vpp.sourceRoots` setting (relative to the first workspace
 * folder), else for each workspace folder the `sourceRoots` of its `.vpp-lint.json` (`fromConfig`,
 * absolute), else the folder itself.
 */
export function sourceFolders(sourceRoots: readonly string[], workspaceRoots: readonly string[], fromConfig: (root: string) => readonly string[] = () => []): string[] {
  if (sourceRoots.length === 0) return [...new Set(workspaceRoots.flatMap((root) => (fromConfig(root).length > 0 ? fromConfig(root) : [root])))];
  const base = workspaceRoots[0] ?? process.cwd();
  return sourceRoots.map((r) => (isAbsolute(r) ? resolve(r) : resolve(base, r)));
}

/** The path of a watched file event when it is a `.c` file under one of the folders read. */
export function watchedSourceFile(uri: string, folders: readonly string[]): string | undefined {
  if (!uri.startsWith('file:') || !uri.endsWith('.c')) return undefined;
  const path = fileURLToPath(uri);
  return folders.some((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)) ? path : undefined;
}
