import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/lspClient';
import { generatedTree } from '../test/myPluginFixture';

/**
 * The user's own C sources: how long the server takes to read a generated tree of 2,000 C files,
 * how soon an open script gets its diagnostics meanwhile, and how soon completion knows an option
 * added to one file after the editor says it changed.
 */
export async function measureSources(server: string, report: (name: string, value: number, unit: string, workload: string) => void): Promise<void> {
  const workload = 'sources-2000 (generated C tree, 2,000 files)';
  const root = generatedTree(2000);
  const client = new LspClient(server);
  try {
    const t0 = performance.now();
    await client.initialize(undefined, { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'tree' }] });
    const read = client.waitFor('window/logMessage', (p) => /vpp: read \d+ C files/.test(p.message), 120_000).then(() => performance.now() - t0);
    const uri = 'file:///bench/sources.vpp';
    const opened = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'show version\nshow p0-f0 \n' } });
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 120_000);
    report('sources-diagnostics-during-read', performance.now() - opened, 'ms', workload);
    report('sources-read', await read, 'ms', workload);

    const file = join(root, 'src', 'plugins', 'p0', 'f0.c');
    writeFileSync(file, readFileSync(file, 'utf8').replace('else if (unformat (input, "verbose"))', 'else if (unformat (input, "brief"))\n        ;\n      else if (unformat (input, "verbose"))'));
    const changed = performance.now();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    for (;;) {
      const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 11 } });
      if ((list?.items ?? list ?? []).some((i: { label: string }) => i.label === 'brief')) break;
      if (performance.now() - changed > 30_000) throw new Error('completion never offered the new option');
    }
    report('sources-live-update', performance.now() - changed, 'ms', `${workload}: one file changed, until completion offers its new option`);
  } finally {
    client.kill();
  }
}
