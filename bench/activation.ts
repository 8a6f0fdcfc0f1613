import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Extension activation without VS Code: `vscode` is replaced by a stub that accepts any call, and
 * the time to require dist/client.js and run its `activate` (no document open, so the server is
 * not started) is measured. It is what the extension itself costs VS Code at start-up.
 */

function stub(): unknown {
  const target = function () {} as unknown as Record<string | symbol, unknown>;
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'textDocuments' || key === 'workspaceFolders') return [];
      if (key === 'prototype') return {};
      return stub();
    },
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

/** The names `vscode` exports, read from its type declarations, so that a bundle copying them finds each. */
function vscodeExports(require: NodeJS.Require): Record<string, unknown> {
  const types = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of types.matchAll(/^\t(?:export )?(?:class|enum|namespace|function|const|let) ([A-Za-z_]\w*)/gm)) names.add(m[1]);
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = stub();
  return out;
}

export async function measureActivation(clientPath: string): Promise<{ require: number; total: number }> {
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = Module._resolveFilename;
  const fake = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeExports(require) };
  Module._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? 'vscode' : resolve(request, ...rest));
  require.cache.vscode = fake as unknown as NodeJS.Module;
  try {
    const t0 = performance.now();
    const extension = require(clientPath) as { activate: (context: unknown) => Promise<void> };
    const t1 = performance.now();
    const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => p, extensionPath: '.' };
    await extension.activate(context);
    const t2 = performance.now();
    return { require: t1 - t0, total: t2 - t0 };
  } finally {
    Module._resolveFilename = resolve;
    delete require.cache.vscode;
  }
}
