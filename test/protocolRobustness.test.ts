import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, SERVER, serverPerTest } from './lspClient';

/**
 * What a client may do that an editor usually does not: send a version number twice, open a URI
 * again, garble a header, ask before `initialize`, cancel a request. Each answer must be about the
 * text as it is now, and the server must never fall silent.
 */


const TYPO = 'create interface af-xdp host-if eth0\n';
const FINE = 'create interface af_xdp host-if eth0\n';

describe('language server robustness over stdio', function () {
  this.timeout(30_000);
  const server = serverPerTest();

  /**
   * The codes of the next diagnostics published for a version of `uri` (those already read are
   * dropped first; closing a document publishes an empty list without a version).
   */
  function nextCodes(uri: string, send: () => void): Promise<string[]> {
    server.client.notifications.length = 0;
    send();
    return server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version !== undefined).then((p) => p.diagnostics.map((d: { code: string }) => d.code));
  }

  const hoverAt = (uri: string, character: number) => server.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } });

  describe('answers about the text as it is now', () => {
    const uri = 'file:///work/stale.vpp';

    it('when a version number comes again with another text', async () => {
      await server.client.initialize();
      assert.deepEqual(await nextCodes(uri, () => server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: TYPO } })), ['vpp.unknown-command']);
      assert.deepEqual(await nextCodes(uri, () => server.client.notify('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: FINE }] })), []);
      // an incremental change under the same number again
      const edit = { range: { start: { line: 0, character: 19 }, end: { line: 0, character: 20 } }, text: '-' };
      assert.deepEqual(await nextCodes(uri, () => server.client.notify('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [edit] })), ['vpp.unknown-command']);
    });

    it('when the version goes back to one already analysed', async () => {
      await server.client.initialize();
      await nextCodes(uri, () => server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: TYPO } }));
      // version 2 is not analysed before the document is back at version 1, with a third text
      const back = () => {
        server.client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: FINE }] });
        server.client.notify('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: 'show version\n' }] });
      };
      assert.deepEqual(await nextCodes(uri, back), []);
      const hover = await hoverAt(uri, 1);
      assert.match(JSON.stringify(hover), /show version/);
    });

    it('when a URI is opened again, with or without closing it first', async () => {
      await server.client.initialize();
      await nextCodes(uri, () => server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: TYPO } }));
      assert.deepEqual(await nextCodes(uri, () => server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: FINE } })), []);
      assert.match(JSON.stringify(await hoverAt(uri, 19)), /af_xdp/);
      server.client.notify('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual(await nextCodes(uri, () => server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: TYPO } })), ['vpp.unknown-command']);
      // the hover on the mistyped word is about the text now open, not about `af_xdp`
      assert.doesNotMatch(JSON.stringify(await hoverAt(uri, 19)), /AF_XDP interface/);
    });
  });

  for (const bad of ['file:///work/100%zz/startup.conf', 'file://build-host/etc/vpp/startup.conf', 'file:///work/%E2%82/startup.conf']) {
    it(`keeps checking scripts while a startup.conf with an odd URI is open (${bad})`, async () => {
      await server.client.initialize({ workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } });
      server.client.notify('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'vpp-startup', version: 1, text: 'unix { startup-config setup.vpp }\nplugins { plugin linux_cp_plugin.so { enable } }\n' } });
      const script = 'file:///work/setup.vpp';
      assert.deepEqual(await nextCodes(script, () => server.client.notify('textDocument/didOpen', { textDocument: { uri: script, languageId: 'vpp-cli', version: 1, text: TYPO } })), ['vpp.unknown-command']);
      assert.match(JSON.stringify(await hoverAt(script, 2)), /create/);
      // the startup.conf itself is analysed too
      const own = await server.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === bad);
      assert.ok(Array.isArray(own.diagnostics));
    });
  }

  it('refuses a request before initialize with the protocol error', async () => {
    await assert.rejects(server.client.request('textDocument/hover', { textDocument: { uri: 'file:///work/x.vpp' }, position: { line: 0, character: 0 } }), /before initialize/);
    await server.client.initialize();
    assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: 'file:///work/x.vpp' }, position: { line: 0, character: 0 } }), null);
  });

  it('answers a request cancelled while it waited with RequestCancelled', async () => {
    await server.client.initialize();
    const uri = 'file:///work/long.vpp';
    // long enough to be read in steps, during which the cancellation arrives
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create tap id 1\nset interface state tap1 up\n'.repeat(40_000) } });
    const id = (server.client as unknown as { nextId: number }).nextId;
    const hover = server.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    server.client.notify('$/cancelRequest', { id });
    await assert.rejects(hover, /cancelled/);
    // the next one is answered
    assert.match(JSON.stringify(await server.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })), /create/);
  });

  it('keeps a formatting reply small whatever tabSize the server.client sends', async () => {
    await server.client.initialize();
    const uri = 'file:///etc/vpp/startup.conf';
    server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-startup', version: 1, text: 'unix {\nnodaemon\n}\n'.repeat(1000) } });
    const edits = await server.client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 100_000_000, insertSpaces: true } });
    assert.equal(edits.length, 1000);
    assert.ok(edits.every((e: { newText: string }) => e.newText.length <= 16 + 'nodaemon'.length), edits[0].newText.length);
  });

  describe('a message it cannot read', () => {
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

    /** Writes `header` and a body, then a well-formed request; resolves with how the server ended and what it said. */
    function send(header: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
      const child = spawn(process.execPath, [SERVER, '--stdio']);
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stdout += d));
      child.stdin.write(`${header}\r\n\r\n${initialize}`);
      child.stdin.write(`Content-Length: ${initialize.length}\r\n\r\n${initialize}`);
      const timer = setTimeout(() => child.kill(), 25_000);
      return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stderr, stdout }))));
    }

    // too long: the server waits for the rest of the body for a while, then gives up
    for (const header of ['Content-Length: abc', 'Content-Length: -5', 'Content-Length: 3', 'Content-Length: 5000', 'Content-Length: 1000000000000', 'Content-Type: text/plain']) {
      it(`says why and exits after \`${header}\`, so that the server.client starts a fresh server`, async () => {
        const ended = await send(header);
        assert.equal(ended.code, 1, `exit code (killed after 25 s when it stays deaf); stderr: ${ended.stderr}`);
        assert.match(ended.stderr, /out of step/);
      });
    }
  });
});
