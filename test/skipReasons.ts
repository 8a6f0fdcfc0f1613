import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Why tests were skipped, said once at the end of `npm test` (test/reporter.cjs prints them): a
 * fresh clone has no ../shared/corpus or course, and a bare "N skipped" would not say so.
 */
const reasons: Set<string> = ((globalThis as { vppSkipReasons?: Set<string> }).vppSkipReasons ??= new Set());

/** Skips the running test when `path` is absent, noting why. */
export function skipWithout(context: Mocha.Context, path: string, what: string): void {
  if (existsSync(path)) return;
  reasons.add(`${relative(process.cwd(), path)} is absent (${what})`);
  context.skip();
}

/** ../shared/corpus: real startup.conf files and scripts from public projects. */
export const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** Skips the running test when the corpus (or the part of it at `path`) is absent. */
export function skipWithoutCorpus(context: Mocha.Context, path = CORPUS): void {
  skipWithout(context, path, 'real startup.conf files and scripts from public projects, kept beside the repository, not in it');
}
