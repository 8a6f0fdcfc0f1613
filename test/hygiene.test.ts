import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis/analyze';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { LspClient } from './lspClient';

const SERVER = join(import.meta.dirname, '..', 'dist', 'server.js');

/** The server's own process, which the test client keeps private. */
function processOf(client: LspClient): ChildProcess {
  return (client as unknown as { child: ChildProcess }).child;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** The diagnostics a fresh analysis of `text` gives, as published: code and range. */
function expected(text: string): string[] {
  return computeDiagnostics(analyze(text, { language: 'cli', maxFileSize: 5_000_000 })).map((d) => `${String(d.code)} ${JSON.stringify(d.range)}`);
}

describe('server hygiene', function () {
  this.timeout(30_000);
  let client: LspClient;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
  });

  afterEach(() => client?.kill());

  it('answers a request sent right after an edit for the edited version', async () => {
    client = new LspClient(SERVER);
    await client.initialize({ workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } });
    const uri = 'file:///work/versions.vpp';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create tap id 0\n' } });
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    // no waiting between the edit and the requests: they must see version 2
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } }, text: 'create loopback interface' }],
    });
    const [hover, symbols] = await Promise.all([
      client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 9 } }),
      client.request('textDocument/documentSymbol', { textDocument: { uri } }),
    ]);
    assert.match(hover.contents.value, /loopback/i);
    assert.ok(JSON.stringify(symbols).includes('loop0'), JSON.stringify(symbols));
  });

  it('publishes diagnostics only for the latest version, and right for that version, under rapid edits', async () => {
    client = new LspClient(SERVER);
    await client.initialize();
    const uri = 'file:///work/rapid.vpp';
    let text = 'create tap id 0\nset interface state tap0 up\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text } });
    const texts = new Map<number, string>([[1, text]]);
    let latest = 1;
    // type, delete and retype words on the second line, one character per message, without waiting
    const typed = ' typo bogus';
    for (let i = 0; i < 40; i++) {
      const version = ++latest;
      const line = text.split('\n')[1];
      const change =
        i % 3 === 2
          ? { range: { start: { line: 1, character: line.length - 1 }, end: { line: 1, character: line.length } }, text: '' }
          : { range: { start: { line: 1, character: line.length }, end: { line: 1, character: line.length } }, text: typed[i % typed.length] };
      const lines = text.split('\n');
      lines[1] = change.text ? lines[1] + change.text : lines[1].slice(0, -1);
      text = lines.join('\n');
      texts.set(version, text);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === latest);
    const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params);
    assert.ok(published.length > 0);
    let previous = 0;
    for (const p of published) {
      assert.ok(p.version > previous, `version ${p.version} published after ${previous}`);
      previous = p.version;
      const mine = p.diagnostics.map((d: any) => `${d.code} ${JSON.stringify(d.range)}`);
      assert.deepEqual(mine, expected(texts.get(p.version)!), `diagnostics of version ${p.version}`);
    }
    assert.equal(previous, latest);
  });

  it('with a delay, publishes once for a burst of edits, for its last version', async () => {
    client = new LspClient(SERVER);
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: { diagnostics: { delayMs: 150 } } } });
    client.notify('initialized', {});
    const uri = 'file:///work/burst.vpp';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'show interface\n' } });
    for (let version = 2; version <= 10; version++) {
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `create interface af-xdp host-if eth${version}\n` }] });
    }
    const last = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 10);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const versions = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params.version);
    assert.deepEqual(versions, [10]);
    assert.ok(last.diagnostics.length > 0);
  });

  it('exits by itself, without a crash, when the client goes away in the middle of a request', async () => {
    client = new LspClient(SERVER);
    await client.initialize();
    const uri = 'file:///work/gone.vpp';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create tap id 0\n'.repeat(20_000) } });
    void client.request('textDocument/documentSymbol', { textDocument: { uri } }).catch(() => undefined);
    const child = processOf(client);
    child.stdout?.destroy();
    child.stdin?.destroy();
    const code = await exited(child, 15_000);
    assert.notEqual(code, null);
    assert.doesNotMatch(client.stderr, /uncaught|Unhandled|TypeError|RangeError/);
  });

  it('exits without a crash when only its output breaks (a request to the client cannot be written)', async () => {
    client = new LspClient(SERVER);
    await client.initialize();
    const child = processOf(client);
    child.stdout?.destroy();
    // the open asks the client for the document's settings: a write into the closed pipe
    client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///work/deaf.vpp', languageId: 'vpp-cli', version: 1, text: 'show version\n' } });
    const code = await exited(child, 15_000);
    assert.equal(code, 1);
    assert.doesNotMatch(client.stderr, /uncaught|Unhandled|TypeError|RangeError/);
  });

  for (const how of ['--clientProcessId', 'initialize processId'] as const) {
    it(`exits when its parent process dies (${how})`, async () => {
      const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      const args = [SERVER, '--stdio', ...(how === '--clientProcessId' ? [`--clientProcessId=${parent.pid}`] : [])];
      const server = spawn(process.execPath, args, { stdio: 'pipe' });
      try {
        server.stdout.resume();
        server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: how === '--clientProcessId' ? null : parent.pid, rootUri: null, capabilities: {} } }));
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(server.exitCode, null, 'the server runs while its parent does');
        parent.kill('SIGKILL');
        await exited(parent, 5_000);
        const code = await exited(server, 12_000);
        assert.notEqual(code, null);
      } finally {
        parent.kill('SIGKILL');
        server.kill('SIGKILL');
      }
    });
  }
});
