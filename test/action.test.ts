import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../tools/ci/runAction';
import { scratch, validateSarif } from './cliRun';

const ROOT = join(import.meta.dirname, '..');

const REPO = {
  'deploy/setup.vpp': 'create tap id 0 host-if-name vpp0 host-if-name vpp1\ncreate interface af-xdp host-if eth0\n',
  'deploy/startup.conf': 'unix {\n  nodaemon\n}\n',
  'ok/tap.vpp': 'create tap id 0 host-if-name vpp0\n',
};

/** The action's shell steps, run as a GitHub runner runs them, with dist/ built (the build step finds it). */
describe('GitHub Action (action.yml)', () => {
  // without dist/, the action's build step runs `npm ci` in this checkout, which replaces the
  // node_modules the tests run from (a worktree's symlinked node_modules was emptied that way)
  before(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  it('annotates the lines with workflow commands and fails on an error', () => {
    const r = runAction(ROOT, scratch(REPO));
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.steps.length, 2);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.deepEqual(annotations.map((l) => l.slice(0, l.indexOf('::', 2))), [
      '::warning file=deploy/setup.vpp,line=1,endLine=1,col=17,endColumn=34,title=vpp.duplicate-option',
      '::error file=deploy/setup.vpp,line=2,endLine=2,col=18,endColumn=24,title=vpp.unknown-command',
    ]);
  });

  it('takes files and globs, the release, a warning limit and more options from its inputs', () => {
    const cwd = scratch(REPO);
    assert.equal(runAction(ROOT, cwd, { files: 'ok deploy/startup.conf' }).status, 0);
    const quiet = runAction(ROOT, cwd, { files: 'deploy/**/*.vpp', args: '--quiet' });
    assert.equal(quiet.status, 1);
    assert.doesNotMatch(quiet.stdout, /::warning/);
    assert.match(quiet.stdout, /::error file=deploy\/setup\.vpp/);
    assert.equal(runAction(ROOT, scratch({ 'a.vpp': REPO['deploy/setup.vpp'].split('\n')[0] }), { 'max-warnings': '0' }).status, 1);
    assert.equal(runAction(ROOT, scratch({ 'a.vpp': 'set tap offload tap0 gso-enable\n' }), { 'vpp-version': '25.10' }).status, 0);
    assert.equal(runAction(ROOT, scratch({ 'a.vpp': 'set tap offload tap0 gso-enable\n' }), { 'vpp-version': '26.02' }).status, 1);
  });

  it('writes SARIF beside the annotations when asked, for upload-sarif', () => {
    const cwd = scratch(REPO);
    const r = runAction(ROOT, cwd, { 'sarif-file': 'vpp.sarif' });
    assert.equal(r.status, 1);
    const log: { runs: { results: unknown[] }[] } = JSON.parse(readFileSync(join(cwd, 'vpp.sarif'), 'utf8'));
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors));
    assert.equal(log.runs[0].results.length, 2);
  });
});
