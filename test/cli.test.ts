import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

function lint(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vpp-lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpp-lint-'));
  const write = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('prints file:line:col: severity code message and exits 1 on an error', () => {
    const file = write('bad.vpp', 'show interface\ncreate interface af-xdp host-if eth0\n');
    const r = lint(file);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:18: error vpp\\.unknown-command .*af_xdp`, 'm'));
  });

  it('exits 0 on a clean file and prints nothing', () => {
    const r = lint(write('good.vpp', 'create tap id 0 host-if-name vpp0\nset interface state tap0 up\n'));
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  it('prints one JSON array with 0-based UTF-16 ranges in --format json', () => {
    const file = write('astral.vpp', 'comment { 😀 }\ncreate interface af-xdp host-if eth0\n');
    const r = lint('--format', 'json', file);
    const results = JSON.parse(r.stdout);
    assert.equal(results.length, 1);
    assert.deepEqual(results[0], {
      file,
      range: { start: { line: 1, character: 17 }, end: { line: 1, character: 23 } },
      severity: 'error',
      code: 'vpp.unknown-command',
      message: results[0].message,
    });
  });

  it('picks the language from the name, then from the content, and honours --lang and --vpp-version', () => {
    const conf = write('vpp.conf', 'unix {\n  nodaemon\n}\ncpu {\n  main-core 1\n}\n');
    assert.equal(lint(conf).code, 0);
    const script = write('init.cfg', 'set interface state GigabitEthernet0/8/0 up\nset interface ip address GigabitEthernet0/8/0 10.0.0.1/24\n');
    assert.equal(lint(script).code, 0);
    const offload = write('offload.vpp', 'set tap offload tap0 gso-enable\n');
    assert.equal(lint('--vpp-version', '25.10', offload).code, 0);
    assert.equal(lint('--vpp-version', '26.02', offload).code, 1);
    assert.equal(lint('--lang', 'startup', offload).code, 1);
  });

  it('exits 2 with a clear message, never a stack trace, on usage and read errors', () => {
    for (const args of [[], ['--format', 'xml', 'x'], ['--vpp-version', '19.08', 'x'], [join(dir, 'missing.vpp')], [write('bin.vpp', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]))], [dir]]) {
      const r = lint(...args);
      assert.equal(r.code, 2, `exit code for ${args.join(' ')}`);
      assert.match(r.stderr, /^vpp-lint: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
