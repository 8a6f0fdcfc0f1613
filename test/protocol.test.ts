import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from './lspClient';

const SERVER = join(import.meta.dirname, '..', 'dist', 'server.js');

describe('language server over stdio', function () {
  let client: LspClient;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
  });

  beforeEach(() => {
    client = new LspClient(SERVER);
  });

  afterEach(() => client.kill());

  it('answers initialize with its capabilities and shuts down cleanly', async () => {
    const result = await client.initialize();
    assert.equal(result.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.ok(result.capabilities.codeActionProvider);
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes diagnostics for the version it analysed, and updates them after an incremental edit', async () => {
    await client.initialize();
    const uri = 'file:///work/setup.vpp';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create interface af-xdp host-if eth0\n' } });
    const first = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    assert.equal(first.diagnostics.length, 1);
    assert.equal(first.diagnostics[0].code, 'vpp.unknown-command');
    assert.deepEqual(first.diagnostics[0].range, { start: { line: 0, character: 17 }, end: { line: 0, character: 23 } });

    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 20 } }, text: '_' }],
    });
    const second = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    assert.deepEqual(second.diagnostics, []);
  });

  it('offers the quick fix as an edit', async () => {
    await client.initialize();
    const uri = 'file:///work/fix.vpp';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create interface af-xdp host-if eth0\n' } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    const fix = actions.find((a: any) => a.isPreferred);
    assert.equal(fix.edit.changes[uri][0].newText, 'af_xdp');
  });

  it('reports one syntax error for a startup.conf with a missing `}`', async () => {
    await client.initialize();
    const uri = 'file:///etc/vpp/startup.conf';
    const text = 'unix {\n  nodaemon\ncpu {\n  main-core 1\n}\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-startup', version: 1, text } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(
      published.diagnostics.map((d: any) => [d.code, d.range.start.line]),
      [['vpp.unclosed-brace', 0]],
    );
  });

  it('survives binary input and still answers', async () => {
    await client.initialize();
    const uri = 'file:///work/bin.vpp';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: '\u0000\u0001\uFFFD{{{}}}\r\r\n'.repeat(1000) } });
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.equal(await client.shutdown(), 0);
  });
});
