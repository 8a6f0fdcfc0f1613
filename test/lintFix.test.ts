import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, lintText, type LintResult } from '../server/src/lint/lintText';
import { EXAMPLES, examplesCopy, runLint, scratch } from './cliRun';
import { language, settings, vppText } from './fuzzSupport';

/** Words that draw fixes with one right answer, mixed into the generated text. */
const FIXABLE = ['heapsize 1G', 'heapsize 512M # old', 'memory { main-heap-size 1G }', 'create interface af-xdp host-if eth0', 'set interface stat tap0 up', 'create tap hostif-name vpp0', 'unix { nodaemn }', 'cpu { main-cor 1 }', 'af-xdp', '\n'];

const withFixables = fc.array(fc.oneof(vppText, fc.constantFrom(...FIXABLE)), { maxLength: 6 }).map((parts) => parts.join('\n'));

describe('vpp-lint --fix', () => {
  it('applies only the fixes with one right answer: af-xdp -> af_xdp, a did-you-mean with one candidate, heapsize -> memory', () => {
    const cwd = scratch({ 'a.vpp': 'create interface af-xdp host-if eth0\nset interface ip adress tap0 10.0.0.1/24\nfrobnicate now\n', 'startup.conf': 'unix {\n  nodaemn\n}\nheapsize 2G\n' });
    const r = runLint(['--fix', '--format', 'json', '.'], { cwd });
    assert.equal(readFileSync(join(cwd, 'a.vpp'), 'utf8'), 'create interface af_xdp host-if eth0\nset interface ip address tap0 10.0.0.1/24\nfrobnicate now\n');
    assert.equal(readFileSync(join(cwd, 'startup.conf'), 'utf8'), 'unix {\n  nodaemon\n}\nmemory { main-heap-size 2G }\n');
    // what is left is reported: the unknown command with no candidate
    assert.deepEqual(JSON.parse(r.stdout).map((f: LintResult) => `${f.code} ${f.range.start.line}`), ['vpp.undefined-interface 1', 'vpp.unknown-command 2']);
    assert.equal(r.code, 1);
  });

  it('round-trips the examples: broken.vpp is fixed and passes, the rest are left byte for byte', () => {
    const cwd = examplesCopy();
    const r = runLint(['--fix', '.'], { cwd });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    for (const name of readdirSync(EXAMPLES)) {
      const before = readFileSync(join(EXAMPLES, name), 'utf8');
      const after = readFileSync(join(cwd, name), 'utf8');
      if (name === 'broken.vpp') assert.equal(after, before.replace('interface af-xdp', 'interface af_xdp'));
      else assert.equal(after, before, name);
    }
    assert.equal(runLint(['.'], { cwd }).code, 0);
  });

  it('--fix-dry-run writes nothing and reports what --fix would leave', () => {
    const cwd = scratch({ 'a.vpp': 'create interface af-xdp host-if eth0\n' });
    const r = runLint(['--fix-dry-run', 'a.vpp'], { cwd });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^vpp-lint: a\.vpp: 1 fix would be applied\n$/);
    assert.equal(readFileSync(join(cwd, 'a.vpp'), 'utf8'), 'create interface af-xdp host-if eth0\n');
  });

  it('changes nothing but the ranges of the findings it fixes (property)', () => {
    let fixedSome = 0;
    let rewrote = 0;
    fc.assert(
      fc.property(withFixables, language, (text, lang) => {
        const findings = lintText('f', text, { language: lang });
        const { text: out, fixed } = applyFixes(text, findings);
        // every fix replaces its finding's range, or a span around it (`heapsize 1G` as a whole)
        const fixes = findings.filter((f) => f.fix);
        const doc = TextDocument.create('file:///f', 'x', 0, text);
        for (const f of fixes) {
          if (f.code === 'vpp.fatal-in-release') assert.ok(doc.offsetAt(f.fix!.range.start) <= doc.offsetAt(f.range.start) && doc.offsetAt(f.range.end) <= doc.offsetAt(f.fix!.range.end));
          else assert.deepEqual(f.fix!.range, f.range);
        }
        // the output is the input with those ranges replaced, read through an independent position model
        const spans = fixes.map((f) => ({ start: doc.offsetAt(f.fix!.range.start), end: doc.offsetAt(f.fix!.range.end), text: f.fix!.newText })).sort((a, b) => a.start - b.start);
        let expected = '';
        let at = 0;
        let applied = 0;
        for (const s of spans) {
          if (s.start < at) continue; // overlaps a fix applied before it: left alone
          expected += text.slice(at, s.start) + s.text;
          at = s.end;
          applied++;
        }
        expected += text.slice(at);
        assert.equal(fixed, applied);
        assert.equal(out, expected);
        if (fixed > 0) fixedSome++;
        if (fixes.some((f) => f.code === 'vpp.fatal-in-release')) rewrote++;
      }),
      settings(300),
    );
    assert.ok(fixedSome > 20, `only ${fixedSome} runs had a fix`);
    assert.ok(rewrote > 5, `only ${rewrote} runs had a heapsize rewrite`);
  });
});
