import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from './lspClient';

/**
 * Files no one should write but someone will open: a 10 MB line, 100,000 nested braces, a million
 * lines, binary data. The server must answer (with the "analysis limited" notice where the file is
 * over `vpp.maxFileSize`) and keep answering other documents; vpp-lint must report and exit.
 */

const ROOT = join(import.meta.dirname, '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const LINT = join(ROOT, 'dist', 'cli.js');

/** Bytes that are not text: every byte value, NUL included, in a fixed scramble. */
function binary(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7919 + (i >> 8)) & 0xff;
  return out;
}

const CASES: { name: string; text: () => string; codes: string[]; lintOnly?: boolean; startup?: boolean }[] = [
  { name: 'a 10 MB single line', text: () => 'set interface state tap0 up '.repeat(360_000), codes: ['vpp.file-too-large'] },
  { name: '100,000 nested `{`', text: () => '{'.repeat(100_000), codes: ['vpp.nesting-too-deep'] },
  { name: 'a million lines', text: () => 'show interface\n'.repeat(1_000_000), codes: ['vpp.file-too-large'] },
  // a startup.conf is read in steps too, and a script does not wait for it when it does not name the script
  { name: 'a million lines read as startup.conf', text: () => 'show interface\n'.repeat(1_000_000), codes: ['vpp.file-too-large', 'vpp.unknown-section'], startup: true },
  // 178,000 findings: the test client reads a message that size slowly, so only vpp-lint takes this one
  { name: 'a million lines that each get a finding', text: () => 'set interface state tap0 up\n'.repeat(1_000_000), codes: ['vpp.file-too-large', 'vpp.undefined-interface'], lintOnly: true },
  { name: 'binary data read as text', text: () => binary(1_000_000).toString('latin1'), codes: [] },
];

describe('pathological files', function () {
  this.timeout(120_000);
  let client: LspClient;
  let dir: string;

  before(function () {
    if (!existsSync(SERVER) || !existsSync(LINT)) throw new Error('dist/ is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'vpp-pathological-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => client?.kill());

  for (const c of CASES.filter((x) => !x.lintOnly)) {
    it(`the server answers for ${c.name}, and answers other documents meanwhile`, async () => {
      client = new LspClient(SERVER);
      await client.initialize({ workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } });
      const small = 'file:///work/small.vpp';
      client.notify('textDocument/didOpen', { textDocument: { uri: small, languageId: 'vpp-cli', version: 1, text: 'create tap id 0\n' } });
      await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === small);

      const big = c.startup ? 'file:///work/startup.conf' : 'file:///work/big.vpp';
      const order: string[] = [];
      const text = c.text();
      const opened = performance.now();
      client.notify('textDocument/didOpen', { textDocument: { uri: big, languageId: c.startup ? 'vpp-startup' : 'vpp-cli', version: 1, text } });
      let bigMs = 0;
      const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === big, 110_000).then((p) => {
        order.push('big diagnostics');
        bigMs = performance.now() - opened;
        return p;
      });
      const hover = await client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 8 } });
      const hoverMs = performance.now() - opened;
      order.push('hover on the small document');
      assert.match(hover.contents.value, /tap/i);

      const diagnostics = (await published).diagnostics as { code: string; range: { start: { line: number } } }[];
      for (const code of c.codes) assert.ok(diagnostics.some((d) => d.code === code), `${code} among ${[...new Set(diagnostics.map((d) => d.code))].join(', ')}`);
      const tooLarge = diagnostics.find((d) => d.code === 'vpp.file-too-large');
      if (tooLarge) assert.equal(tooLarge.range.start.line, 0);
      if (c.codes.includes('vpp.file-too-large')) assert.deepEqual(order, ['hover on the small document', 'big diagnostics']);
      // the script's hover does not wait for the startup.conf to be read (it did, 2-4 s, when asking whether it runs the script)
      if (c.startup) assert.ok(hoverMs < bigMs / 2, `hover after ${Math.round(hoverMs)} ms, the startup.conf read in ${Math.round(bigMs)} ms`);

      // the big document itself answers too
      const answer = await client.request('textDocument/hover', { textDocument: { uri: big }, position: { line: 0, character: 1 } });
      assert.ok(answer === null || typeof answer.contents === 'object');
      assert.equal(await client.shutdown(), 0);
    });
  }

  for (const c of CASES.filter((x) => !x.startup)) {
    it(`vpp-lint reports on ${c.name} and exits cleanly`, () => {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.vpp`);
      writeFileSync(file, c.text(), 'latin1');
      const run = spawnSync(process.execPath, [LINT, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      assert.equal(run.signal, null);
      if (c.name.startsWith('binary')) {
        // latin1 text with every byte value holds NUL: vpp-lint refuses it as binary
        assert.equal(run.status, 2);
        assert.match(run.stderr, /binary file/);
        return;
      }
      assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
      const results = JSON.parse(run.stdout) as { code: string }[];
      for (const code of c.codes) assert.ok(results.some((r) => r.code === code), code);
    });
  }

  it('vpp-lint refuses a binary file without reading it as configuration', () => {
    const file = join(dir, 'random.bin');
    writeFileSync(file, binary(200_000));
    const run = spawnSync(process.execPath, [LINT, file], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /binary file/);
    assert.equal(run.stdout, '');
  });

  describe('vpp-lint reads with a bound', () => {
    const lintFile = (file: string, input?: string) => spawnSync(process.execPath, [LINT, '--lang', 'cli', file], { encoding: 'utf8', timeout: 60_000, input });

    it('refuses a FIFO instead of waiting for a writer', function () {
      const fifo = join(dir, 'pipe.vpp');
      if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
      const run = lintFile(fifo);
      assert.equal(run.signal, null, 'it ended by itself');
      assert.equal(run.status, 2);
      assert.match(run.stderr, /not a regular file \(a FIFO\)/);
    });

    it('refuses /dev/zero instead of reading it forever', () => {
      const run = lintFile('/dev/zero');
      assert.equal(run.signal, null);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /not a regular file \(a character device\)/);
    });

    it('refuses a 1.5 GB sparse file by its size, without reading it', () => {
      const file = join(dir, 'sparse.vpp');
      const fd = openSync(file, 'w');
      ftruncateSync(fd, 1536 * 1024 * 1024);
      closeSync(fd);
      const t = performance.now();
      const run = lintFile(file);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /1536 MB, over the 64 MB vpp-lint reads/);
      assert.ok(performance.now() - t < 20_000);
    });

    it('says a large valid ASCII file is too large, not that it is not UTF-8', () => {
      const file = join(dir, 'large.vpp');
      writeFileSync(file, 'show interface\n'.repeat(4_500_000));
      const run = lintFile(file);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /MB, over the 64 MB vpp-lint reads/);
      assert.doesNotMatch(run.stderr, /UTF-8/);
    });

    it('checks a file under the bound, and standard input', () => {
      const file = join(dir, 'fine.vpp');
      writeFileSync(file, 'show interface\n'.repeat(1_000_000));
      const run = spawnSync(process.execPath, [LINT, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout).map((r: { code: string }) => r.code), ['vpp.file-too-large']);
      const piped = lintFile('-', 'show interface\n');
      assert.equal(piped.status, 0, piped.stderr);
    });
  });
});
