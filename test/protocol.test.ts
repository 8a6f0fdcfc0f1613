import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ALL_KINDS } from './interfaceFixtures';
import { LspClient, SERVER, serverPerTest } from './lspClient';


describe('language server over stdio', function () {
  const server = serverPerTest();

  it('prints its version for --version, and its usage without a transport, never a stack trace', () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    const asked = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    assert.equal(asked.status, 0);
    assert.equal(asked.stdout, `vpp-language-server ${version}\n`);
    const bare = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /Usage: vpp-language-server --stdio/);
    assert.doesNotMatch(bare.stderr, /\n\s+at /, 'no stack trace');
  });

  it('answers initialize with its capabilities and shuts down cleanly', async () => {
    const result = await server.client.initialize();
    assert.equal(result.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.ok(result.capabilities.codeActionProvider);
    // `{` is no completion trigger: `unix {` + Enter gives a new line, not the first parameter
    assert.deepEqual(result.capabilities.completionProvider.triggerCharacters, [' ']);
    assert.equal(await server.client.shutdown(), 0);
  });

  it('publishes diagnostics for the version it analysed, and updates them after an incremental edit', async () => {
    await server.client.initialize();
    const uri = 'file:///work/setup.vpp';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create interface af-xdp host-if eth0\n' } });
    const first = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    assert.equal(first.diagnostics.length, 1);
    assert.equal(first.diagnostics[0].code, 'vpp.unknown-command');
    assert.deepEqual(first.diagnostics[0].range, { start: { line: 0, character: 17 }, end: { line: 0, character: 23 } });

    server.client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 20 } }, text: '_' }],
    });
    const second = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    assert.deepEqual(second.diagnostics, []);
  });

  it('offers the quick fix as an edit', async () => {
    await server.client.initialize();
    const uri = 'file:///work/fix.vpp';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create interface af-xdp host-if eth0\n' } });
    const published = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const actions = await server.client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    const fix = actions.find((a: any) => a.isPreferred);
    assert.equal(fix.edit.changes[uri][0].newText, 'af_xdp');
  });

  it('reports one syntax error for a startup.conf with a missing `}`', async () => {
    await server.client.initialize();
    const uri = 'file:///etc/vpp/startup.conf';
    const text = 'unix {\n  nodaemon\ncpu {\n  main-core 1\n}\n';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-startup', version: 1, text } });
    const published = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(
      published.diagnostics.map((d: any) => [d.code, d.range.start.line]),
      [['vpp.unclosed-brace', 0]],
    );
  });

  it('completes the tap options and shows course facts on hover, as an editor asks for them', async () => {
    const result = await server.client.initialize({
      workspace: { configuration: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        hover: { contentFormat: ['markdown'] },
      },
    });
    assert.ok(result.capabilities.completionProvider && result.capabilities.hoverProvider && result.capabilities.signatureHelpProvider);
    const uri = 'file:///work/tap.vpp';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create tap id 0 \n' } });
    const completion = await server.client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 16 } });
    const labels = (completion.items ?? completion).map((i: any) => i.label);
    assert.ok(labels.includes('host-if-name'), labels.join(' '));
    assert.ok(!labels.includes('id'), 'id is already given');
    const hover = await server.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /TAP/);
    const help = await server.client.request('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 0, character: 16 } });
    assert.match(help.signatures[0].label, /create tap/);
  });

  it('navigates between an interface and its uses, and renames it everywhere', async () => {
    await server.client.initialize();
    const uri = 'file:///work/kinds.vpp';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: ALL_KINDS } });
    const lines = ALL_KINDS.split('\n');
    const useLine = lines.indexOf('set interface state xdp0 up');
    const at = { line: useLine, character: 'set interface state '.length + 1 };
    const definition = await server.client.request('textDocument/definition', { textDocument: { uri }, position: at });
    assert.equal(definition[0].range.start.line, lines.indexOf('create interface af_xdp host-if enp1s0 name xdp0'));
    const references = await server.client.request('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
    assert.ok(references.length >= 2);
    const prepared = await server.client.request('textDocument/prepareRename', { textDocument: { uri }, position: at });
    assert.equal(prepared.placeholder, 'xdp0');
    const edit = await server.client.request('textDocument/rename', { textDocument: { uri }, position: at, newName: 'fast0' });
    const newTexts = edit.changes[uri].map((e: any) => e.newText);
    assert.ok(newTexts.length >= 2 && newTexts.every((t: string) => t === 'fast0'));
    const symbols = await server.client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((s: any) => s.name === 'xdp0'));
  });

  it('refuses a rename VPP cannot express, with the reason', async () => {
    await server.client.initialize();
    const uri = 'file:///work/old.vpp';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: '# vpp-version: 24.02\ncreate tap id 0\nset interface state tap0 up\n' } });
    await assert.rejects(
      server.client.request('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 21 }, newName: 'uplink' }),
      /./,
    );
  });

  it('formats a startup.conf and lists its sections', async () => {
    await server.client.initialize();
    const uri = 'file:///etc/vpp/startup.conf';
    const text = 'unix {\nnodaemon\n  cli-listen /run/vpp/cli.sock\n}\napi-trace { on }\n';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-startup', version: 1, text } });
    const edits = await server.client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
    const symbols = await server.client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s: any) => s.name), ['unix', 'api-trace']);
    const folds = await server.client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f: any) => f.startLine === 0));
  });

  it('knows which plugins the open startup.conf that runs a script enables', async () => {
    await server.client.initialize();
    const dir = mkdtempSync(join(tmpdir(), 'vpp-plugins-'));
    writeFileSync(join(dir, 'setup.vpp'), 'lcp create GigabitEthernet0/8/0 host-if e0\n');
    const script = pathToFileURL(join(dir, 'setup.vpp')).toString();
    const startup = pathToFileURL(join(dir, 'startup.conf')).toString();
    const enabled = 'unix { startup-config setup.vpp }\nplugins { plugin linux_cp_plugin.so { enable } }\n';
    server.client.notify('textDocument/didOpen', { textDocument: { uri: script, languageId: 'vpp-cli', version: 1, text: 'lcp create GigabitEthernet0/8/0 host-if e0\n' } });
    const alone = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === script);
    assert.deepEqual(alone.diagnostics.map((d: any) => d.code), ['vpp.plugin-disabled']);
    server.client.notify('textDocument/didOpen', { textDocument: { uri: startup, languageId: 'vpp-startup', version: 1, text: enabled } });
    await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === script && p.diagnostics.length === 0);
  });

  it('enables the plugin in the open startup.conf that runs a script, and the warning follows that file as it changes and closes', async () => {
    const result = await server.client.initialize();
    assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.vpp']);
    const dir = mkdtempSync(join(tmpdir(), 'vpp-plugins-'));
    const lcp = 'lcp create GigabitEthernet0/8/0 host-if e0\n';
    writeFileSync(join(dir, 'setup.vpp'), lcp);
    const script = pathToFileURL(join(dir, 'setup.vpp')).toString();
    const startup = pathToFileURL(join(dir, 'startup.conf')).toString();
    const runs = 'unix { startup-config setup.vpp }\n';
    server.client.notify('textDocument/didOpen', { textDocument: { uri: startup, languageId: 'vpp-startup', version: 1, text: runs } });
    server.client.notify('textDocument/didOpen', { textDocument: { uri: script, languageId: 'vpp-cli', version: 1, text: lcp } });
    const warned = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === script && p.diagnostics.length === 1);
    const actions = await server.client.request('textDocument/codeAction', { textDocument: { uri: script }, range: warned.diagnostics[0].range, context: { diagnostics: warned.diagnostics } });
    const enable = actions.find((a: any) => a.title === 'Enable linux_cp in startup.conf');
    assert.ok(enable, actions.map((a: any) => a.title).join(', '));
    const [edit] = enable.edit.changes[startup];
    assert.deepEqual(edit.range.start, { line: 1, character: 0 });
    const enabled = runs + edit.newText;
    server.client.notify('textDocument/didChange', { textDocument: { uri: startup, version: 2 }, contentChanges: [{ text: enabled }] });
    await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === script && p.diagnostics.length === 0);
    server.client.notify('textDocument/didClose', { textDocument: { uri: startup } });
    const again = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === script && p.diagnostics.length === 1);
    assert.equal(again.diagnostics[0].code, 'vpp.plugin-disabled');
  });

  it('watches the scripts startup.conf names, and clears `missing-script` when one appears on disk', async () => {
    await server.client.initialize({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    const dir = mkdtempSync(join(tmpdir(), 'vpp-watch-'));
    const startup = pathToFileURL(join(dir, 'startup.conf')).toString();
    server.client.notify('textDocument/didOpen', { textDocument: { uri: startup, languageId: 'vpp-startup', version: 1, text: 'unix { exec later.vpp }\n' } });
    const missing = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === startup && p.diagnostics.length > 0);
    assert.deepEqual(missing.diagnostics.map((d: any) => d.code), ['vpp.missing-script']);
    const registered = await server.client.waitFor('client/registerCapability', (p) =>
      p.registrations.some((r: any) => r.method === 'workspace/didChangeWatchedFiles' && r.registerOptions.watchers.some((w: any) => w.globPattern === '**/later.vpp')),
    );
    assert.ok(registered);
    writeFileSync(join(dir, 'later.vpp'), 'show version\n');
    server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'later.vpp')).toString(), type: 1 }] });
    await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === startup && p.diagnostics.length === 0);
  });

  it('survives binary input and still answers', async () => {
    await server.client.initialize();
    const uri = 'file:///work/bin.vpp';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: '\u0000\u0001\uFFFD{{{}}}\r\r\n'.repeat(1000) } });
    await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.equal(await server.client.shutdown(), 0);
  });
});
