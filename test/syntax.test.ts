import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../server/src/syntax/parser';
import { rebuildText } from '../server/src/syntax/tree';
import { analyzeScript, analyzeStartup, findings } from './helpers';
import { CORPUS, skipWithoutCorpus } from './skipReasons';


describe('syntax', () => {
  it('splits a script into logical lines, joining backslash continuations and dropping comments', () => {
    const tree = parse('create tap id 0 \\\n  host-if-name vpp0 # the tap\n\n  # whole-line comment\nshow tap\n', 'cli', 'script');
    assert.deepEqual(
      tree.lines.map((l) => l.items.map((i) => ('text' in i ? i.text : '{}'))),
      [['create', 'tap', 'id', '0', 'host-if-name', 'vpp0'], ['show', 'tap']],
    );
  });

  it('ends a script comment at a backslash-newline, as VPP does, joining the next line', () => {
    const tree = parse('show # note \\\ninterface\n', 'cli', 'script');
    assert.equal(tree.lines.length, 1);
    assert.deepEqual(tree.lines[0].items.map((i) => ('text' in i ? i.text : '')), ['show', 'interface']);
  });

  it('reads `#` inside a startup.conf word as a comment only from 26.02', () => {
    const old = analyzeStartup('unix { cli-listen /run/vpp/cli#1.sock }\n', '25.10');
    const word = old.tree.tokens.find((t) => t.text.startsWith('/run'));
    assert.equal(word?.text, '/run/vpp/cli#1.sock');
    const modern = analyzeStartup('unix { cli-listen /run/vpp/cli#1.sock }\n', '26.02');
    assert.ok(modern.tree.tokens.some((t) => t.kind === 'comment' && t.text === '#1.sock }'));
  });

  it('keeps sections written on one line or with `{` on the next line', () => {
    const a = analyzeStartup('api-trace { on }\nunix {interactive}\ncpu\n{\n  main-core 1\n}\n');
    assert.deepEqual(findings(a), []);
    assert.deepEqual(a.startup!.sections.map((s) => s.param?.key), ['api-trace', 'unix', 'cpu']);
  });

  it('reports a missing `}` once, at the block that lacks it, and parses the rest', () => {
    const a = analyzeStartup('unix {\n  nodaemon\ncpu {\n  main-core 1\n}\nbuffers {\n  buffers-per-numa 16384\n}\n');
    assert.deepEqual(findings(a), ['vpp.unclosed-brace {']);
    assert.equal(a.lines.positionAt(a.diagnostics[0].start).line, 0);
    assert.deepEqual(a.startup!.sections.map((s) => s.param?.key), ['unix', 'cpu', 'buffers']);
  });

  it('reports a stray `}` and goes on', () => {
    const a = analyzeStartup('unix { nodaemon }\n}\ncpu { main-core 1 }\n');
    assert.deepEqual(findings(a), ['vpp.unexpected-brace }']);
    assert.equal(a.startup!.sections.length, 2);
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    const text = '{'.repeat(100_000);
    const tree = parse(text, 'startup', 'config');
    assert.ok(tree.errors.some((e) => e.code === 'vpp.nesting-too-deep'));
    assert.equal(rebuildText(tree), text);
  });

  it('is lossless on odd input: CRLF, lone CR, BOM, NUL, tabs, astral characters', () => {
    const samples = ['\uFEFFunix {\r\n  nodaemon\r\n}\r\n', 'a\rb\r\n\tc\u0000d 😀 e\\\r\nf\\', '}}}{{{ # x \\\n y', ''];
    for (const text of samples) {
      for (const [lang, mode] of [['cli', 'script'], ['startup', 'config'], ['startup', 'legacy-config']] as const) {
        assert.equal(rebuildText(parse(text, lang, mode)), text);
      }
    }
  });

  it('rebuilds every corpus file byte for byte from its syntax tree', function () {
    skipWithoutCorpus(this);
    let files = 0;
    for (const dir of ['cli', 'startup']) {
      for (const name of readdirSync(join(CORPUS, dir))) {
        const text = readFileSync(join(CORPUS, dir, name), 'utf8');
        const modes = dir === 'cli' ? (['script'] as const) : (['config', 'legacy-config'] as const);
        for (const mode of modes) assert.equal(rebuildText(parse(text, dir === 'cli' ? 'cli' : 'startup', mode)), text, `${dir}/${name} (${mode})`);
        files++;
      }
    }
    assert.ok(files > 40, `expected the corpus, read ${files} files`);
  });

  it('analyses a script whose block spans lines as one error on the `{`', () => {
    const a = analyzeScript('packet-generator new {\n  name x\n  limit 1\n}\nshow int\n');
    assert.deepEqual(findings(a), ['vpp.unclosed-brace {']);
  });
});
