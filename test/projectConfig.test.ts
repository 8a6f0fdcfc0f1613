import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { configFileSchema } from '../tools/sync-manifest';
import { runLint, scratch } from './cliRun';
import { LspClient } from './lspClient';

const ROOT = join(import.meta.dirname, '..');

/** The example README gives, read from README itself. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- example: \.vpp-lint\.json -->\n```json\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README has no .vpp-lint.json example');
  return match[1];
}

const REPO = {
  '.vpp-lint.json': JSON.stringify({ version: '25.10', diagnostics: { 'duplicate-option': 'error', 'vpp.plugin-disabled': 'off' }, ignore: ['vendor/**', 'legacy.vpp'], roots: ['scripts'] }),
  'deploy/setup.vpp': 'create tap id 0 host-if-name vpp0 host-if-name vpp1\nset tap offload tap0 gso-enable\nlcp create tap0 host-if vpp0\n',
  'deploy/startup.conf': 'unix {\n  exec /etc/vpp/init.vpp\n  startup-config /etc/vpp/gone.vpp\n}\n',
  'scripts/init.vpp': 'show version\n',
  'vendor/x/bad.vpp': 'create interface af-xdp host-if eth0\n',
  'legacy.vpp': 'create interface af-xdp host-if eth0\n',
};

describe('.vpp-lint.json', () => {
  it('is the example README gives, and it passes the schema VS Code completes it with', () => {
    const validate = new Ajv({ strict: false }).compile(configFileSchema());
    assert.ok(validate(JSON.parse(readmeExample())), JSON.stringify(validate.errors));
    assert.ok(!validate({ diagnostics: { 'no-such-code': 'off' } }));
    assert.ok(!validate({ version: '19.08' }));
    assert.equal(readFileSync(join(ROOT, 'schemas', 'vpp-lint.schema.json'), 'utf8'), `${JSON.stringify(configFileSchema(), null, 2)}\n`, 'run `npm run build`');
  });

  it('gives vpp-lint the release, severities, ignored paths and script roots', () => {
    const cwd = scratch(REPO);
    const r = runLint(['--format', 'json', '.'], { cwd });
    const found = JSON.parse(r.stdout).map((f: { file: string; code: string; severity: string; range: { start: { line: number } } }) => `${f.file}:${f.range.start.line} ${f.severity} ${f.code}`);
    // 25.10 has `set tap offload`; plugin-disabled is off; duplicate-option is an error; vendor/ and legacy.vpp are left alone;
    // init.vpp is found under scripts/, gone.vpp is not
    assert.deepEqual(found, ['deploy/setup.vpp:0 error vpp.duplicate-option', 'deploy/startup.conf:2 warning vpp.missing-script']);
    // the command line wins over the file
    assert.ok(runLint(['--vpp-version', '26.06', 'deploy/setup.vpp'], { cwd }).stdout.includes('vpp.not-in-release'));
    // a file named on the command line but ignored by the config is left alone too (pre-commit passes every staged file)
    assert.equal(runLint(['legacy.vpp'], { cwd }).code, 0);
  });

  it('is shown by --print-config, can be named by --config, and a broken one is an error', () => {
    const cwd = scratch(REPO);
    const printed = JSON.parse(runLint(['--print-config', 'deploy/setup.vpp'], { cwd }).stdout);
    assert.deepEqual(printed, {
      file: 'deploy/setup.vpp',
      configFile: join(cwd, '.vpp-lint.json'),
      ignored: false,
      version: '25.10',
      diagnostics: { 'duplicate-option': 'error', 'plugin-disabled': 'off' },
      roots: [cwd, join(cwd, 'scripts')],
      sourceRoots: [],
    });
    writeFileSync(join(cwd, 'other.json'), '{ "version": "24.02" }');
    assert.equal(JSON.parse(runLint(['--config', 'other.json', '--print-config', 'deploy/setup.vpp'], { cwd }).stdout).version, '24.02');
    writeFileSync(join(cwd, '.vpp-lint.json'), '{ "version": ');
    const broken = runLint(['deploy/setup.vpp'], { cwd });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^vpp-lint: .*\.vpp-lint\.json: /);
  });

  describe('in the language server', () => {
    let client: LspClient;
    afterEach(() => client.kill());

    const open = async (uri: string, text: string, version = 1) => {
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version, text } });
      return (await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version)).diagnostics.map((d: { code: string; severity: number }) => `${d.severity} ${d.code}`);
    };

    it('reads the nearest file above a document, lets the editor settings the user set win, and reads it again when it changes', async () => {
      const dir = scratch(REPO);
      client = new LspClient();
      await client.initialize();
      const setup = pathToFileURL(join(dir, 'deploy', 'setup.vpp')).toString();
      // release 25.10 and the severities from the file
      assert.deepEqual(await open(setup, REPO['deploy/setup.vpp']), ['1 vpp.duplicate-option']);
      // the status bar asks the server which release is in force
      assert.deepEqual(await client.request('vpp/documentInfo', { uri: setup }), { language: 'cli', release: '25.10', fromComment: false });
      // an ignored path gets no diagnostics
      assert.deepEqual(await open(pathToFileURL(join(dir, 'legacy.vpp')).toString(), REPO['legacy.vpp']), []);

      writeFileSync(join(dir, '.vpp-lint.json'), JSON.stringify({ diagnostics: { 'duplicate-option': 'off' } }));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.vpp-lint.json')).toString(), type: 2 }] });
      await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === setup && p.diagnostics.some((d: { code: string }) => d.code === 'vpp.not-in-release'));

      client.settings = { version: '25.10', diagnostics: { delayMs: 0, 'duplicate-option': 'hint' } };
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === setup && p.diagnostics.some((d: { code: string; severity: number }) => d.code === 'vpp.duplicate-option' && d.severity === 4));
      assert.deepEqual(published.diagnostics.map((d: { code: string; severity: number }) => `${d.severity} ${d.code}`), ['4 vpp.duplicate-option', '2 vpp.plugin-disabled']);
    });
  });
});
