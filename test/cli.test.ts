import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesCopy, runLint as lint, scratch } from './cliRun';

const ONE_WARNING = 'create tap id 0 host-if-name vpp0 host-if-name vpp1\n';
const AF_XDP = 'show interface\ncreate interface af-xdp host-if eth0\n';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('vpp-lint', () => {
  const dir = scratch();
  const write = (name: string, text: string | Buffer) => {
    const path = join(scratch({ [name]: text }), name);
    return path;
  };

  it('prints file:line:col: severity code message and exits 1 on an error', () => {
    const file = write('bad.vpp', AF_XDP);
    const r = lint([file]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`^${escape(file)}:2:18: error vpp\\.unknown-command .*af_xdp`, 'm'));
  });

  it('exits 0 on a clean file and prints nothing', () => {
    const r = lint([write('good.vpp', 'create tap id 0 host-if-name vpp0\nset interface state tap0 up\n')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  it('prints one JSON array with 0-based UTF-16 ranges in --format json', () => {
    const file = write('astral.vpp', 'comment { 😀 }\ncreate interface af-xdp host-if eth0\n');
    const r = lint(['--format', 'json', file]);
    const results = JSON.parse(r.stdout);
    assert.equal(results.length, 1);
    const range = { start: { line: 1, character: 17 }, end: { line: 1, character: 23 } };
    // the README's shape, plus the fix as an edit when the finding has one right answer
    assert.deepEqual(results[0], { file, range, severity: 'error', code: 'vpp.unknown-command', message: results[0].message, fix: { range, newText: 'af_xdp' } });
  });

  it('picks the language from the name, then from the content, and honours --lang and --vpp-version', () => {
    const conf = write('vpp.conf', 'unix {\n  nodaemon\n}\ncpu {\n  main-core 1\n}\n');
    assert.equal(lint([conf]).code, 0);
    const script = write('init.cfg', 'set interface state GigabitEthernet0/8/0 up\nset interface ip address GigabitEthernet0/8/0 10.0.0.1/24\n');
    assert.equal(lint([script]).code, 0);
    const offload = write('offload.vpp', 'set tap offload tap0 gso-enable\n');
    assert.equal(lint(['--vpp-version', '25.10', offload]).code, 0);
    assert.equal(lint(['--vpp-version=26.02', offload]).code, 1);
    assert.equal(lint(['--lang', 'startup', offload]).code, 1);
  });

  it('searches a folder recursively for the files the editor takes as VPP, and skips the rest quietly', () => {
    const root = scratch({
      'deploy/vpp/setup.cli': AF_XDP,
      'deploy/host/startup.conf': 'unix {\n  nodaemon\n}\nheapsize 1G\n',
      'deploy/host/init.cfg': 'set interface state GigabitEthernet0/8/0 up\nset interface ip address GigabitEthernet0/8/0 10.0.0.1/24\n',
      'deploy/nginx.conf': 'server {\n  listen 80;\n}\n',
      'notes.txt': 'Remember to create interface af-xdp on Monday.\n',
      'image.conf': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]),
      'node_modules/x/bad.vpp': AF_XDP,
      'README.md': AF_XDP,
    });
    const r = lint(['--format', 'json', '.'], { cwd: root });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    const files = [...new Set(JSON.parse(r.stdout).map((f: { file: string }) => f.file))];
    assert.deepEqual(files, ['deploy/host/startup.conf', 'deploy/vpp/setup.cli']);
    const checked = lint(['--format', 'checkstyle', 'deploy'], { cwd: root }).stdout.match(/<file name="[^"]+"/g);
    assert.deepEqual(checked, ['<file name="deploy/host/init.cfg"', '<file name="deploy/host/startup.conf"', '<file name="deploy/vpp/setup.cli"']);
  });

  it('expands quoted globs, and says so when one matches nothing', () => {
    const root = scratch({ 'a/one.vpp': AF_XDP, 'a/b/two.vpp': AF_XDP, 'a/b/other.txt': AF_XDP });
    const r = lint(['a/**/*.vpp'], { cwd: root });
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split(':')[0]), ['a/b/two.vpp', 'a/one.vpp']);
    const none = lint(['z/**/*.vpp'], { cwd: root });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^vpp-lint: z\/\*\*\/\*\.vpp: no such file/);
  });

  it('reads standard input as -, named and typed by --stdin-filename', () => {
    const r = lint(['--stdin-filename', 'deploy/setup.vpp', '-'], { input: AF_XDP });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^deploy\/setup\.vpp:2:18: error vpp\.unknown-command/);
    const asStartup = lint(['--stdin-filename', 'x.startup.conf', '-'], { input: 'unix {\n  nodaemon\n}\n' });
    assert.equal(asStartup.code, 0);
    const unnamed = lint(['-'], { input: 'hello world\n' });
    assert.equal(unnamed.code, 2);
    assert.match(unnamed.stderr, /^vpp-lint: <stdin>: cannot tell/);
  });

  it('sorts text output by file and position, whatever the order of the arguments', () => {
    const root = scratch({ 'b.vpp': AF_XDP, 'a.vpp': `${AF_XDP}${AF_XDP}` });
    const lines = lint(['b.vpp', 'a.vpp'], { cwd: root }).stdout.trim().split('\n').map((l) => l.split(': ')[0]);
    assert.deepEqual(lines, ['a.vpp:2:18', 'a.vpp:4:18', 'b.vpp:2:18']);
  });

  it('fails on more warnings than --max-warnings, and --quiet reports errors only', () => {
    const file = write('warn.vpp', ONE_WARNING);
    assert.equal(lint([file]).code, 0);
    assert.equal(lint(['--max-warnings', '0', file]).code, 1);
    assert.equal(lint(['--max-warnings=1', file]).code, 0);
    assert.equal(lint(['--quiet', file]).stdout, '');
    const both = write('both.vpp', ONE_WARNING + AF_XDP);
    assert.deepEqual(lint(['--quiet', both]).stdout.trim().split('\n').map((l) => l.split(' ')[1]), ['error']);
  });

  it('ends its options at --, prints its version, and lists every option in --help', () => {
    const odd = scratch({ '--odd.vpp': AF_XDP });
    assert.equal(lint(['--', '--odd.vpp'], { cwd: odd }).code, 1);
    assert.equal(lint(['--odd.vpp'], { cwd: odd }).code, 2);
    const version = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version;
    assert.equal(lint(['--version']).stdout, `${version}\n`);
    const help = lint(['--help']);
    assert.equal(help.code, 0);
    for (const flag of ['--format', '--lang', '--vpp-version', '--stdin-filename', '--max-warnings', '--quiet', '--fix', '--fix-dry-run', '--config', '--print-config', '--source-root', '--version', '--help', '--']) {
      assert.match(help.stdout, new RegExp(`^  (-h, )?${escape(flag)}\\b`, 'm'), `--help lists ${flag}`);
    }
    for (const format of ['text', 'json', 'sarif', 'github', 'checkstyle']) assert.match(help.stdout, new RegExp(`\\b${format}\\b`));
  });

  it('exits 2 with a clear message, never a stack trace, on usage and read errors', () => {
    const cases = [[], ['--format', 'xml', 'x'], ['--vpp-version', '19.08', 'x'], ['--max-warnings', 'some', 'x'], ['--fix', '-'], ['--stdin-filename', 'a.vpp', 'x'], [join(dir, 'missing.vpp')], [write('bin.vpp', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]))], ['--bogus', 'x']];
    for (const args of cases) {
      const r = lint(args);
      assert.equal(r.code, 2, `exit code for ${args.join(' ')}`);
      assert.match(r.stderr, /^vpp-lint: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('runs over examples/ as README says: only broken.vpp, in every format', () => {
    const cwd = examplesCopy();
    for (const format of ['text', 'json', 'sarif', 'github', 'checkstyle']) {
      const r = lint(['--format', format, '.'], { cwd });
      assert.equal(r.code, 1, format);
      assert.equal(r.stderr, '', format);
      assert.match(r.stdout, /broken\.vpp/, format);
      assert.doesNotMatch(r.stdout, /(tap|memif|af_xdp|af_packet|vhost-user|linux-cp)\.vpp.*error/, format);
    }
  });
});
