import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from './lspClient';

const ROOT = join(import.meta.dirname, '..');
const PACKAGE = join(ROOT, 'packages', 'vpp-language-server');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

/**
 * The server and the linter as their own npm package (`npm run build` fills it): packed as npm
 * publishes it, installed globally into an empty folder with no registry, and both bins run.
 */
describe('the vpp-language-server npm package', function () {
  this.timeout(120_000);
  let prefix: string;
  let packed: { files: { path: string }[]; name: string; version: string; filename: string };

  before(() => {
    const out = mkdtempSync(join(tmpdir(), 'vpp-pack-'));
    [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', out], PACKAGE));
    prefix = mkdtempSync(join(tmpdir(), 'vpp-global-'));
    // no dependencies to fetch: --offline proves the bundles are all it needs
    npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(out, packed.filename)], prefix);
  });

  it('ships the two bundles, its README and licence, and nothing else, at the extension version', () => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'dist/server.js', 'package.json']);
    const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined);
    assert.equal(packed.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.deepEqual(manifest.dependencies ?? {}, {});
    assert.equal(readFileSync(join(PACKAGE, 'LICENSE'), 'utf8'), readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
  });

  it('installs vpp-lint, which checks a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpp-file-'));
    writeFileSync(join(dir, 'setup.vpp'), 'create interface af-xdp host-if eth0\n');
    const r = spawnSync(join(prefix, 'bin', 'vpp-lint'), ['setup.vpp'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^setup\.vpp:1:18: error vpp\.unknown-command .*af_xdp/);
    assert.equal(spawnSync(join(prefix, 'bin', 'vpp-lint'), ['--version'], { encoding: 'utf8' }).stdout, `${packed.version}\n`);
  });

  it('installs vpp-language-server, which answers initialize over stdio and publishes diagnostics', async () => {
    const client = new LspClient(join(prefix, 'bin', 'vpp-language-server'));
    try {
      const result = await client.initialize();
      assert.equal(result.serverInfo.name, 'vpp-language-server');
      assert.equal(result.serverInfo.version, packed.version);
      const uri = 'file:///work/setup.vpp';
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text: 'create interface af-xdp host-if eth0\n' } });
      const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
      assert.deepEqual(published.diagnostics.map((d: { code: string }) => d.code), ['vpp.unknown-command']);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});
