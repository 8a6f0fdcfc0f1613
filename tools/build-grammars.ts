/**
 * Writes the TextMate grammars from the schema:
 *
 *   grammars/vpp-cli.tmLanguage.json                 source.vpp          (CLI scripts)
 *   grammars/vpp-startup.tmLanguage.json             source.vpp-startup  (startup.conf)
 *   grammars/vpp-markdown-injection.tmLanguage.json  fenced ```vpp / ```vpp-startup blocks in Markdown
 *
 * Usage: npx tsx tools/build-grammars.ts [--check]
 *   --check  writes nothing; exits 1 when a committed grammar differs from what the schema gives now.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliGrammar } from './grammar/cliGrammar';
import { markdownInjection } from './grammar/markdownInjection';
import type { Grammar } from './grammar/shared';
import { startupGrammar } from './grammar/startupGrammar';
import { collectVocabulary } from './grammar/vocabulary';

const GENERATED = 'Generated from the VPP schema by tools/build-grammars.ts; edit the generator, not this file.';

export const GRAMMAR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'grammars');

/** File name (inside `grammars/`) → file content. */
export function buildGrammars(): Map<string, string> {
  const vocabulary = collectVocabulary();
  const json = (grammar: Grammar) => `${JSON.stringify({ comment: GENERATED, ...grammar }, null, 2)}\n`;
  return new Map([
    ['vpp-cli.tmLanguage.json', json(cliGrammar(vocabulary))],
    ['vpp-startup.tmLanguage.json', json(startupGrammar(vocabulary))],
    ['vpp-markdown-injection.tmLanguage.json', json(markdownInjection())],
  ]);
}

/** The grammar files whose committed content differs from a fresh build. */
export function staleGrammars(dir = GRAMMAR_DIR): string[] {
  const stale: string[] = [];
  for (const [name, content] of buildGrammars()) {
    let current: string | undefined;
    try {
      current = readFileSync(join(dir, name), 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== content) stale.push(name);
  }
  return stale;
}

function main(args: string[]): void {
  if (args.includes('--check')) {
    const stale = staleGrammars();
    if (stale.length > 0) {
      console.error(`out of date (run npx tsx tools/build-grammars.ts): ${stale.join(', ')}`);
      process.exitCode = 1;
    }
    return;
  }
  mkdirSync(GRAMMAR_DIR, { recursive: true });
  for (const [name, content] of buildGrammars()) writeFileSync(join(GRAMMAR_DIR, name), content);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
