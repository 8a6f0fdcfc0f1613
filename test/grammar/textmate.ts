/**
 * Loads our TextMate grammars into vscode-textmate with the Oniguruma engine VS Code uses (both come
 * with vscode-tmgrammar-test), so tests tokenize exactly as the editor does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TextMate from 'vscode-textmate';
import type * as Oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate') as typeof TextMate;
const oniguruma = require('vscode-oniguruma') as typeof Oniguruma;

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Scope name → grammar file, relative to the repository root. */
export const GRAMMAR_FILES: Readonly<Record<string, string>> = {
  'source.vpp': 'grammars/vpp-cli.tmLanguage.json',
  'source.vpp-startup': 'grammars/vpp-startup.tmLanguage.json',
  'markdown.vpp.codeblock': 'grammars/vpp-markdown-injection.tmLanguage.json',
  'text.html.markdown': 'test/grammar/fixtures/markdown-host.tmLanguage.json',
};

let onigLib: Promise<TextMate.IOnigLib> | undefined;

function loadOniguruma(): Promise<TextMate.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

export function createRegistry(): TextMate.Registry {
  return new textmate.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(join(ROOT, file), 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['markdown.vpp.codeblock'] : undefined),
  });
}

export async function loadGrammar(registry: TextMate.Registry, scopeName: string): Promise<TextMate.IGrammar> {
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  return grammar;
}

/**
 * Tokenizes the lines one after the other into the editor's binary token form (scope lists are not
 * spelled out per token, so deep nesting costs no more than it does in VS Code); returns the count.
 */
export function tokenizeLines(grammar: TextMate.IGrammar, lines: readonly string[], state: TextMate.StackElement = textmate.INITIAL): number {
  let stack = state;
  let count = 0;
  for (const line of lines) {
    const result = grammar.tokenizeLine2(line, stack);
    stack = result.ruleStack;
    count += result.tokens.length / 2;
  }
  return count;
}

export const INITIAL = textmate.INITIAL;
