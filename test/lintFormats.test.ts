import { strict as assert } from 'node:assert';
import { DIAGNOSTIC_CODES } from '../server/src/analysis/diagnostic';
import { examplesCopy, runLint, scratch, validateSarif } from './cliRun';

const MIXED = {
  'deploy/setup.vpp': 'create tap id 0 host-if-name vpp0 host-if-name vpp1\ncreate interface af-xdp host-if eth0\nset interface state tap9 up\n',
  'deploy/startup.conf': 'unix {\n  nodaemon\n  exec /etc/vpp/missing.vpp\n}\nheapsize 1G\n',
  'deploy/comma, colon: 100%.vpp': 'create interface af-xdp host-if eth0\n',
};

describe('vpp-lint formats', () => {
  it('writes SARIF 2.1.0 that passes the schema, with every code as a rule with its help and fixes as replacements', () => {
    for (const cwd of [examplesCopy(), scratch(MIXED)]) {
      const r = runLint(['--format', 'sarif', '.'], { cwd });
      const log = JSON.parse(r.stdout);
      assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3)));
      const run = log.runs[0];
      assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id), Object.keys(DIAGNOSTIC_CODES));
      for (const rule of run.tool.driver.rules) assert.ok(rule.help.text.includes(DIAGNOSTIC_CODES[rule.id as keyof typeof DIAGNOSTIC_CODES].summary));
      for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      const fixed = run.results.find((res: { fixes?: unknown[] }) => res.fixes);
      assert.deepEqual(fixed.fixes[0].artifactChanges[0].replacements[0].insertedContent, { text: 'af_xdp' });
      assert.deepEqual(fixed.fixes[0].artifactChanges[0].replacements[0].deletedRegion, fixed.locations[0].physicalLocation.region);
    }
    // a log with no findings is valid too
    assert.ok(validateSarif(JSON.parse(runLint(['--format', 'sarif', 'tap.vpp'], { cwd: examplesCopy() }).stdout)));
  });

  it('puts the SARIF regions on the 1-based UTF-16 columns of the JSON ranges', () => {
    const cwd = scratch(MIXED);
    const json = JSON.parse(runLint(['--format', 'json', '.'], { cwd }).stdout);
    const sarif = JSON.parse(runLint(['--format', 'sarif', '.'], { cwd }).stdout).runs[0].results;
    assert.equal(sarif.length, json.length);
    json.forEach((f: { file: string; code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }, i: number) => {
      const { region, artifactLocation } = sarif[i].locations[0].physicalLocation;
      assert.equal(decodeURI(artifactLocation.uri), f.file);
      assert.equal(sarif[i].ruleId, f.code);
      assert.deepEqual(region, { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 });
    });
  });

  it('writes GitHub workflow commands, one per finding, with escaped properties', () => {
    const r = runLint(['--format', 'github', '.'], { cwd: scratch(MIXED) });
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf(' '))), ['::error', '::warning', '::error', '::notice', '::warning', '::error']);
    assert.ok(lines.includes('::error file=deploy/comma%2C colon%3A 100%25.vpp,line=1,endLine=1,col=18,endColumn=24,title=vpp.unknown-command::VPP would say "unknown input": `create interface` has no sub-command `af-xdp`. Did you mean `af_xdp`?'), lines.join('\n'));
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=vpp\.[a-z-]+::[^\n]+$/);
  });

  it('writes Checkstyle XML with every file, escaped', () => {
    const r = runLint(['--format', 'checkstyle', '.'], { cwd: scratch(MIXED) });
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<checkstyle version="4\.3">\n/);
    assert.match(r.stdout, /<file name="deploy\/comma, colon: 100%\.vpp">\n {4}<error line="1" column="18" severity="error" message="VPP would say &quot;unknown input&quot;: [^"]*" source="vpp\.unknown-command"\/>/);
    assert.match(r.stdout, /severity="info" message="`tap9` is not created/);
    assert.equal((r.stdout.match(/<file /g) ?? []).length, 3);
    assert.doesNotMatch(r.stdout.replace(/&(amp|lt|gt|quot|#\d+);/g, ''), /&/);
  });
});
