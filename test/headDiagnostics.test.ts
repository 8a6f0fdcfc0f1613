import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze, type AnalyzeOptions } from '../server/src/analysis/analyze';
import { analyzeHead, HEAD_CHARS, HEAD_FIRST_SIZE, headCut } from '../server/src/analysis/scriptHead';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { headDiagnostics } from '../server/src/features/headDiagnostics';
import { generateDense, generateScript } from '../bench/generate';
import { LspClient, SERVER } from './lspClient';
import { seededRandom } from './seededRandom';

/**
 * A large script's head is analysed first and its diagnostics published while the rest is read
 * (issue 16, item 3). What is published then must be what the whole script has there: no finding the
 * whole script lacks, none with other words, none missing before the settled offset.
 */

const OPTIONS: AnalyzeOptions = { language: 'cli', release: '26.06' };

/**
 * The whole script's diagnostics that end at or before `settled`, less those a head leaves out: the
 * codes it drops, and a use before a creation below `settled` (the head has no such creation).
 */
function wholeBefore(text: string, settled: number): Diagnostic[] {
  const whole = analyze(text, OPTIONS);
  const settledLine = whole.lines.lineOf(settled);
  const createdBelow = (d: Diagnostic) => d.code === 'vpp.use-before-create' && Number(/created only on line (\d+)/.exec(d.message)![1]) - 1 >= settledLine;
  return computeDiagnostics(whole).filter((d) => d.code !== 'vpp.undefined-interface' && d.code !== 'vpp.more-not-shown' && !createdBelow(d) && whole.lines.offsetAt(d.range.end) <= settled);
}

function assertHeadAgrees(text: string, what: string): { settled: number; shown: number } {
  const head = analyzeHead(text, OPTIONS);
  assert.ok(head, `${what}: a head is read first`);
  const shown = headDiagnostics(head);
  // as they go over the wire: one line of JSON each, so that a difference reads as one
  const published = shown.map((d) => JSON.stringify(d));
  const expected = wholeBefore(text, head.settled).map((d) => JSON.stringify(d));
  assert.deepEqual(
    { onlyInHead: published.filter((d) => !expected.includes(d)), onlyInWhole: expected.filter((d) => !published.includes(d)) },
    { onlyInHead: [], onlyInWhole: [] },
    what,
  );
  assert.deepEqual(published, expected, `${what}: in the same order`);
  return { settled: head.settled, shown: shown.length };
}

/** Lines that make findings reach across lines: blocks over several lines, continuations, suppressions, names created later. */
const TRICKY = [
  'comment {',
  '}',
  'packet-generator new {',
  '  name x',
  '  node ethernet-input',
  '}',
  '{',
  '}}',
  'create tap id 4000 \\',
  'set interface state tap4000 up',
  'set interface state loop9000 up',
  'create loopback interface instance 9000',
  '# vpp-lint: disable-next-line',
  'set interfce state tap0 up',
  '# vpp-lint: disable-line vpp.unknown-command',
  'show version verbose bogus',
  'exec /nonexistent/other.vpp',
  'create sub-interfaces tap4000 7',
  'delete tap tap4000',
];

/** A script of about `chars` characters: lines of the generated benchmark script with tricky lines strewn in. */
function mixedScript(seed: number, chars: number): string {
  const random = seededRandom(seed);
  // its `# vpp-version` line stays at the top: one below the head would keep the head from being read first
  const pool = generateScript(3000, seed).split('\n').filter((line) => !line.includes('vpp-version'));
  const out: string[] = [];
  let size = 0;
  while (size < chars) {
    const line = random() < 0.15 ? TRICKY[Math.floor(random() * TRICKY.length)] : pool[Math.floor(random() * pool.length)];
    out.push(line);
    size += line.length + 1;
  }
  return `${out.join('\n')}\n`;
}

describe('the head of a large script, published first', () => {
  it('is read only for scripts from HEAD_FIRST_SIZE on, cut at the end of a logical line', () => {
    assert.equal(headCut('set interface state tap0 up\n'.repeat(100)), undefined);
    const text = 'set interface state tap0 up\n'.repeat(Math.ceil(HEAD_FIRST_SIZE / 28) + 1);
    const cut = headCut(text)!;
    assert.ok(cut > HEAD_CHARS && cut < HEAD_CHARS + 40, `cut at ${cut}`);
    assert.equal(text[cut - 1], '\n');
    // a `\` continues the line: the cut goes past the whole logical line
    const continued = `${'x'.repeat(HEAD_CHARS - 2)}\n${'create tap id 1 \\\n'.repeat(3)}host-if-name a\n${'show version\n'.repeat(20_000)}`;
    assert.equal(continued.slice(0, headCut(continued)).endsWith('create tap id 1 \\\nhost-if-name a\n'), true);
  });

  it('is not read first when a directive below it reaches back into it', () => {
    const base = generateDense(8000);
    assert.ok(headCut(base) !== undefined);
    assert.equal(headCut(`${base}# vpp-version: 24.10\n`), undefined);
    assert.equal(headCut(`${base}# vpp-lint: disable-file vpp.unknown-command\n`), undefined);
    assert.equal(headCut(base, base.length - 1), undefined, 'a script too large to be read gets no head');
    assert.equal(analyzeHead(base, { language: 'startup' }), undefined, 'only scripts');
  });

  it('agrees with the whole create-dense and generated benchmark scripts', () => {
    const dense = assertHeadAgrees(generateDense(10_000), 'dense-10k');
    assert.ok(dense.settled > HEAD_CHARS);
    const script = assertHeadAgrees(generateScript(10_000), 'script-10k');
    assert.ok(script.shown > 0, 'the generated script has mistakes in its head');
  });

  it('leaves out a name created only below the head, which is a use before its creation there', () => {
    const top = 'set interface state loop7000 up\n';
    const text = `${top}${'show version\n'.repeat(HEAD_FIRST_SIZE / 12)}create loopback interface instance 7000\n`;
    const head = analyzeHead(text, OPTIONS)!;
    assert.deepEqual(computeDiagnostics(head.analysis).map((d) => d.code), ['vpp.undefined-interface']);
    assert.deepEqual(headDiagnostics(head), []);
    assert.deepEqual(computeDiagnostics(analyze(text, OPTIONS)).map((d) => d.code), ['vpp.use-before-create']);
  });

  it('stops at a `{` the head does not close: a line below may close it and make the lines between one block', () => {
    const filler = 'show version\n'.repeat(Math.floor(HEAD_CHARS / 13) - 10);
    const text = `set interfce state tap0 up\n${filler}packet-generator new {\n${'set interfce state tap0 up\n'.repeat(20)}}\n${'show version\n'.repeat(HEAD_FIRST_SIZE / 12)}`;
    const head = analyzeHead(text, OPTIONS)!;
    assert.equal(head.settled, text.indexOf('packet-generator'));
    assert.deepEqual(headDiagnostics(head).map((d) => d.range.start.line), [0]);
    const whole = computeDiagnostics(analyze(text, OPTIONS));
    assert.ok(!whole.some((d) => d.code === 'vpp.unknown-command' && d.range.start.line > 1), 'the whole script reads the block as one');
    assertHeadAgrees(text, 'an open block across the cut');
  });

  it('agrees with the whole script on seeded mixes of blocks, continuations, suppressions and late creations', () => {
    let settledEarly = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const text = mixedScript(seed, HEAD_FIRST_SIZE + 4096);
      const { settled } = assertHeadAgrees(text, `seed ${seed}`);
      if (settled < headCut(text)!) settledEarly++;
    }
    assert.ok(settledEarly > 0, 'some mixes leave a block open across the cut');
  });
});

describe('the head of a large script, over stdio', () => {
  it('publishes the head first for the opened version, then the whole script for the same version', async function () {
    const client = new LspClient(SERVER);
    try {
      await client.initialize();
      const uri = 'file:///tmp/head-first.vpp';
      const text = `set interfce state tap0 up\n${generateDense(10_000)}show versoin\n`;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vpp-cli', version: 1, text } });
      const whole = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 2, 60_000);
      const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params);
      assert.deepEqual(
        published.map((p) => [p.version, p.diagnostics.map((d: Diagnostic) => [d.code, d.range.start.line])]),
        [
          [1, [['vpp.unknown-command', 0]]],
          [1, [['vpp.unknown-command', 0], ['vpp.unknown-command', text.split('\n').length - 2]]],
        ],
      );
      assert.deepEqual(published[0].diagnostics[0], whole.diagnostics[0], 'the finding of the head is that of the whole script, word for word');
    } finally {
      client.kill();
    }
  });
});
