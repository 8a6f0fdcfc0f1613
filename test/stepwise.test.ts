import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzingStartup, type Analysis } from '../server/src/analysis/analyze';
import { argResult, matchArgs, newArgScan, scanArgs } from '../server/src/analysis/args';
import { paramPatterns } from '../server/src/analysis/startupModel';
import type { StartupParam } from '../server/src/schema/types';
import { ScriptDocument } from '../server/src/analysis/scriptDocument';
import { finish } from '../server/src/analysis/steps';
import { AnalysisCache, runInSlices, STEPWISE_SIZE } from '../server/src/documents';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { parsingConfig } from '../server/src/syntax/configSteps';
import { indexingLines, LineIndex } from '../server/src/syntax/lineIndex';
import { MAX_NESTING, parse } from '../server/src/syntax/parser';
import { rebuildText } from '../server/src/syntax/tree';
import { mayName, NameSearches } from '../server/src/scriptResolver';

/**
 * Large documents are analysed in steps (server/src/analysis/steps.ts), so that the server answers
 * about other documents meanwhile: what the steps give must be what one go gives.
 */

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const startupExample = readFileSync(join(EXAMPLES, 'startup.conf'), 'utf8');

/** startup.conf texts that stress where runs of items are cut: missing and stray braces, comments, deep nesting, CRLF. */
const STARTUP_TEXTS: [string, string][] = [
  ['the example, 40 times', startupExample.repeat(40)],
  ['a `}` missing in every other section', 'unix {\n  nodaemon\n  log /tmp/vpp.log\ncpu {\n  main-core 1\n}\n'.repeat(300)],
  ['stray `}` between sections', 'unix { nodaemon }\n}\ncpu { main-core 1 } # c\n'.repeat(300)],
  ['nested deeper than we read, then more sections', `unix ${'{'.repeat(MAX_NESTING + 30)} x ${'}'.repeat(MAX_NESTING + 30)}\n` + 'cpu { main-core 1 }\n'.repeat(200)],
  ['CRLF and words without values', 'unix {\r\n nodaemon\r\n}\r\nbogus\r\nheapsize\r\n'.repeat(300)],
  ['an unclosed block at the end', 'cpu { main-core 1 }\n'.repeat(200) + 'unix {\n nodaemon\n'],
  // one section larger than a run: read a run of its own items at a time
  ['one large plugins section', `plugins {\n${pluginLines(300)}}\nunix { nodaemon }\n`],
  ['a `}` missing inside a large section', `plugins {\n${pluginLines(150)}  plugin lost.so { enable\n${pluginLines(150)}}\ncpu {\n main-core 1\n}\n`],
  ['a stray `}` inside a large section', `plugins {\n${pluginLines(150)}  }\n${pluginLines(150)}}\ncpu { main-core 1 }\n`],
  ['a large section never closed', `unix { nodaemon }\nplugins {\n${pluginLines(300)}`],
  ['a large section, CRLF', `plugins {\r\n${pluginLines(300).replace(/\n/g, '\r\n')}}\r\n`],
  ['nested large sub-sections', `dpdk {\n${'  dev 0000:00:01.0 {\n    num-rx-queues 2\n    name x\n  }\n'.repeat(100)}  dev 0000:00:02.0 {\n${'    num-rx-queues 2\n'.repeat(200)}  }\n}\n`],
  ['a word that closes a large section before a large one', `plugins {\n${pluginLines(100)}\ndpdk {\n${'  dev 0000:00:01.0 { num-rx-queues 2 }\n'.repeat(100)}}\n`],
];

function pluginLines(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `  plugin p${i}_plugin.so { ${i % 2 ? 'enable' : 'disable'} }\n`;
  return out;
}

/** What a tree says, without the chevrotain objects. */
function shape(tree: { items: unknown; errors: unknown; tokens: unknown }): string {
  return JSON.stringify({ items: tree.items, errors: tree.errors, tokens: tree.tokens });
}

/** What an analysis says that a client sees. */
function outcome(a: Analysis): string {
  return JSON.stringify({ diagnostics: a.diagnostics, suppressions: a.suppressions, release: a.release, lines: [...a.lines.lineStarts] });
}

describe('stepwise analysis', function () {
  this.timeout(60_000);

  it('parses startup.conf in runs of items as one parse does, however small the runs', () => {
    for (const [name, text] of STARTUP_TEXTS) {
      for (const mode of ['config', 'legacy-config'] as const) {
        const whole = parse(text, 'startup', mode);
        for (const sizes of [{ lexChars: 64, parseTokens: 1 }, { lexChars: 1000, parseTokens: 37 }]) {
          const stepped = finish(parsingConfig(text, mode, undefined, sizes));
          assert.equal(shape(stepped), shape(whole), `${name}, ${mode}, ${JSON.stringify(sizes)}`);
        }
      }
    }
  });

  it('parses a large section in runs as one parse does, whatever brace is added or left out', () => {
    const base = `unix { nodaemon }\nplugins {\n${pluginLines(12)}}\ndpdk {\n  dev 0000:00:01.0 {\n    num-rx-queues 2\n  }\n  dev 0000:00:02.0 { name y }\n}\ncpu { main-core 1 }\n`;
    // a fixed sequence of pseudo-random edits, the same on every run
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let k = 0; k < 300; k++) {
      let text = base;
      for (let e = 0; e <= next(3); e++) {
        const at = next(text.length);
        const edit = ['{', '}', '\n', '', 'x {'][next(5)];
        text = text.slice(0, at) + edit + text.slice(at + (edit === '' || next(2) ? 1 : 0));
      }
      const whole = shape(parse(text, 'startup', 'config'));
      for (const parseTokens of [1, 2, 5]) assert.equal(shape(finish(parsingConfig(text, 'config', undefined, { lexChars: 16, parseTokens }))), whole, JSON.stringify(text));
    }
  });

  it('analyses a large startup.conf in many steps, with what analyze() gives', () => {
    for (const [name, text] of STARTUP_TEXTS) {
      const steps = analyzingStartup(text, { language: 'startup' });
      let count = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) count++;
      assert.ok(text.length < 32 * 1024 || count > 1, `${name}: in steps`);
      assert.equal(outcome(step.value), outcome(analyze(text, { language: 'startup' })), name);
    }
  });

  it('analyses one section of thousands of entries in many steps, with what analyze() gives', () => {
    const plugins = `plugins {\n${pluginLines(6000)}  plugin p7_plugin.so { enable }\n  plugin bad_plugin.so { bogus }\n  bogus-word\n  plugin default { disable }\n}\n`;
    const dpdk = `dpdk {\n${'  dev 0000:00:01.0 { num-rx-queues 2 name x }\n'.repeat(3000)}  dev 0000:00:02.0 {\n${'    num-rx-queues 2\n'.repeat(5000)}    bogus\n  }\n}\n`;
    for (const text of [plugins, plugins.replace(/\n/g, '\r\n'), dpdk, plugins.replace('  bogus-word\n', '  plugin lost.so { enable\n') + 'cpu {\n main-core x\n}\n']) {
      const steps = analyzingStartup(text, { language: 'startup' });
      let count = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) count++;
      assert.ok(count > 30, `in steps: ${count}`);
      const once = analyze(text, { language: 'startup' });
      assert.ok(once.diagnostics.length > 0);
      assert.equal(outcome(step.value), outcome(once));
      assert.equal(shape(step.value.tree), shape(parse(text, 'startup', 'config')));
    }
  });

  it('matches a block a few items at a time as in one go', () => {
    const text = `plugins {\n${pluginLines(50)}  bogus-word more\n  {{ jinja }} x\n  plugin default { disable }\n  plugin late.so\n}\ndpdk {\n${'  dev 0000:00:01.0 { num-rx-queues 2 }\n  no-multi-seg\n  bogus 1 2\n'.repeat(20)}}\n`;
    const a = analyze(text, { language: 'startup' });
    for (const section of a.startup!.sections) {
      const patterns = paramPatterns(section.param!.block!, a.release);
      const items = section.block!.items;
      const whole = JSON.stringify(matchArgs(items, patterns));
      for (const per of [1, 2, 7, 100]) {
        const scan = newArgScan<StartupParam>();
        while (scan.i < items.length) scanArgs(items, patterns, scan, scan.i + per);
        assert.equal(JSON.stringify(argResult(scan)), whole, `${section.param!.key}, ${per}`);
      }
    }
  });

  it('builds the line index in steps as at once, a CRLF across a step included', () => {
    for (const text of ['a\r\nb\rc\n\nd', '\r\n'.repeat(50), 'x\r'.repeat(33) + '\n']) {
      for (const per of [1, 2, 3, 7]) assert.deepEqual([...finish(indexingLines(text, per)).lineStarts], [...new LineIndex(text).lineStarts], JSON.stringify(text));
    }
  });

  it('reads a script in 16 KB steps as one go over the whole text does', () => {
    const block = readFileSync(join(EXAMPLES, 'tap.vpp'), 'utf8') + readFileSync(join(EXAMPLES, 'broken.vpp'), 'utf8') + 'packet-generator new { \\\n  name x \\\n}\nshow {\n';
    const text = block.repeat(Math.ceil((3 * 16 * 1024) / block.length));
    const stepped = new ScriptDocument({ language: 'cli' }).reset(text);
    // an update of an empty document cuts the whole text into lines at once
    const once = new ScriptDocument({ language: 'cli' });
    once.reset('');
    const whole = once.update([{ start: 0, end: 0, text, after: text }]);
    assert.ok(stepped.diagnostics.length > 10);
    assert.equal(outcome(stepped), outcome(whole));
  });

  it('stops a run that a newer version made useless, and lets other work in between', async () => {
    const text = 'show interface\n'.repeat(40_000);
    let wanted = true;
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      wanted = false;
    }, 1);
    const result = await runInSlices(new ScriptDocument({ language: 'cli' }).resetting(text), () => wanted, 1);
    clearInterval(timer);
    assert.equal(result, undefined);
    assert.ok(ticks > 0);
  });

  it('answers a newer version of a large document, and drops the older run', async () => {
    const cache = new AnalysisCache();
    const v1 = 'create tap id 0\n' + 'show interface\n'.repeat(STEPWISE_SIZE / 15 + 10);
    const doc = TextDocument.create('file:///w/big.vpp', 'vpp-cli', 1, v1);
    let version = 1;
    const first = cache.getStepwise(doc, DEFAULT_SETTINGS, () => version === 1);
    const v2 = v1 + 'bogus-command\n';
    TextDocument.update(doc, [{ text: v2 }], 2);
    version = 2;
    assert.equal(await first, undefined);
    const second = await cache.getStepwise(doc, DEFAULT_SETTINGS, () => version === 2);
    assert.equal(second?.text, v2);
    assert.ok(second!.diagnostics.some((d) => d.code === 'vpp.unknown-command'));
    const startup = TextDocument.create('file:///w/startup.conf', 'vpp-startup', 1, 'unix { nodaemon }\n'.repeat(STEPWISE_SIZE / 18 + 10) + 'bogus 1\n');
    const analysis = await cache.getStepwise(startup, DEFAULT_SETTINGS, () => true);
    assert.equal(outcome(analysis!), outcome(analyze(startup.getText(), { language: 'startup' })));
    // one section larger than the stepwise size: its run is stopped inside the section
    const section = TextDocument.create('file:///w/plugins/startup.conf', 'vpp-startup', 1, `plugins {\n${pluginLines(STEPWISE_SIZE / 20)}}\n`);
    let sectionVersion = 1;
    const older = cache.getStepwise(section, DEFAULT_SETTINGS, () => sectionVersion === 1);
    TextDocument.update(section, [{ text: section.getText() + 'bogus 1\n' }], 2);
    sectionVersion = 2;
    assert.equal(await older, undefined);
    const newer = await cache.getStepwise(section, DEFAULT_SETTINGS, () => sectionVersion === 2);
    assert.ok(newer!.diagnostics.some((d) => d.code === 'vpp.unknown-section'));
    assert.equal(outcome(newer!), outcome(analyze(section.getText(), { language: 'startup' })));
  });

  it('reports braces nested too deep once, at the first `{` beyond the limit, and keeps every token', () => {
    const script = `create tap ${'{'.repeat(100_000)}\nshow version\n`;
    const a = analyze(script, { language: 'cli' });
    const deep = a.diagnostics.filter((d) => d.code === 'vpp.nesting-too-deep');
    assert.equal(deep.length, 1);
    assert.equal(deep[0].start, 'create tap '.length + MAX_NESTING);
    assert.equal(deep[0].end, deep[0].start + 1);
    assert.equal(rebuildText(a.tree), script);

    const startup = `unix ${'{'.repeat(MAX_NESTING + 5)} nodaemon ${'}'.repeat(MAX_NESTING + 5)}\ncpu { main-core x }\n`;
    const s = analyze(startup, { language: 'startup' });
    const found = s.diagnostics.filter((d) => d.code === 'vpp.nesting-too-deep');
    assert.deepEqual(found.map((d) => [d.start, d.end]), [['unix '.length + MAX_NESTING, 'unix '.length + MAX_NESTING + 1]]);
    // the braces beyond the limit close where they should: the next section is read
    assert.ok(s.startup!.sections.some((x) => x.param?.key === 'cpu'));
    assert.equal(rebuildText(s.tree), startup);
  });

  it('looks through a startup.conf for a script only when the text names its file', () => {
    assert.equal(mayName('unix { exec /etc/vpp/setup.vpp }', 'file:///w/setup.vpp'), true);
    assert.equal(mayName('unix { exec /etc/vpp/my%20setup.vpp }', 'file:///w/my%20setup.vpp'), false);
    assert.equal(mayName('unix { exec "my setup.vpp" }', 'file:///w/my%20setup.vpp'), true);
    assert.equal(mayName('unix { exec /etc/vpp/other.vpp }', 'file:///w/setup.vpp'), false);
    assert.equal(mayName('unix { exec setup.vpp }', 'untitled:setup.vpp'), false);
    // remembered per text: a new text of the same document is searched again
    const searches = new NameSearches();
    assert.equal(searches.mayName('file:///w/startup.conf', 'unix { nodaemon }', 'file:///w/setup.vpp'), false);
    assert.equal(searches.mayName('file:///w/startup.conf', 'unix { exec setup.vpp }', 'file:///w/setup.vpp'), true);
    assert.equal(searches.mayName('file:///w/startup.conf', 'unix { exec setup.vpp }', 'file:///w/other.vpp'), false);
  });
});
