import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../server/src/analysis/analyze';
import { computeSemanticTokens, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, SEMANTIC_TOKENS_LEGEND } from '../server/src/features/semanticTokens';
import { analyzeScript, analyzeStartup } from './helpers';

interface Decoded {
  line: number;
  char: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

/** Turns LSP's relative encoding back into absolute tokens, with the text each covers. */
function decode(analysis: Analysis, data: number[]): Decoded[] {
  assert.equal(data.length % 5, 0);
  const lines = analysis.text.split(/\r\n|\r|\n/);
  const out: Decoded[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaChar, length, type, bits] = data.slice(i, i + 5);
    line += deltaLine;
    char = deltaLine === 0 ? char + deltaChar : deltaChar;
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => bits & (1 << bit));
    out.push({ line, char, length, type: SEMANTIC_TOKENS_LEGEND.tokenTypes[type], modifiers, text: lines[line].slice(char, char + length) });
  }
  return out;
}

function tokens(analysis: Analysis): Decoded[] {
  return decode(analysis, computeSemanticTokens(analysis).data);
}

/** `text type.modifier` strings, easy to compare. */
function summary(analysis: Analysis): string[] {
  return tokens(analysis).map((t) => `${t.text} ${[t.type, ...t.modifiers].join('.')}`);
}

describe('semantic tokens', () => {
  it('has a legend of standard types and our modifiers, `invalid` among them', () => {
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenTypes, [...SEMANTIC_TOKEN_TYPES]);
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenModifiers, [...SEMANTIC_TOKEN_MODIFIERS]);
    assert.ok(SEMANTIC_TOKEN_MODIFIERS.includes('invalid'));
    assert.deepEqual(computeSemanticTokens(analyzeScript('show version\n')).legend, SEMANTIC_TOKENS_LEGEND);
  });

  it('marks the words VPP resolves as a command, abbreviations included', () => {
    assert.deepEqual(summary(analyzeScript('sh int\nshow version\n')), ['sh keyword', 'int keyword', 'show keyword', 'version keyword']);
  });

  it('marks a word that resolves to no command as an invalid keyword', () => {
    assert.deepEqual(summary(analyzeScript('frobnicate now\n')), ['frobnicate keyword.invalid']);
  });

  it('tells the options a strict command knows from the words it refuses, and values of the wrong kind', () => {
    const a = analyzeScript('create tap id 0 hw-addr zz bogus 1\n');
    assert.deepEqual(summary(a), ['create keyword', 'tap keyword', 'id parameter', 'hw-addr parameter', 'zz number.invalid', 'bogus parameter.invalid']);
  });

  it('marks a deprecated option', () => {
    const a = analyzeScript('create host-interface name eth0\nset host-interface l4-cksum-offload host-eth0 on\n');
    assert.ok(summary(a).includes('on parameter.deprecated'), summary(a).join(', '));
  });

  it('marks enum values where the command expects one', () => {
    assert.ok(summary(analyzeScript('create loopback interface\nset interface state loop0 up\n')).includes('up enumMember'));
  });

  it('marks an interface name where the script creates it and where it uses it', () => {
    const a = analyzeScript('create interface af_xdp host-if eth0 name afxdp0\nset interface state afxdp0 up\nset interface state tap9 up\n');
    const names = tokens(a).filter((t) => t.type === 'variable');
    assert.deepEqual(
      names.map((t) => `${t.line}:${t.char} ${t.text} ${t.modifiers.join('.')}`),
      ['0:42 afxdp0 declaration', '1:20 afxdp0 '],
      'tap9 is not created in this script, so it gets no token',
    );
  });

  it('marks commands inside uncomment { } and a macro guard, and what runs after `comment word`, but not the comment', () => {
    const a = analyzeScript('uncomment { show tap }\n$(X) { show version }\ncomment skipped show version\ncomment { show tap }\n');
    assert.deepEqual(summary(a), ['uncomment keyword', 'show keyword', 'tap keyword', 'show keyword', 'version keyword', 'show keyword', 'version keyword']);
  });

  it('marks startup.conf sections and parameters where they stand, `on` included', () => {
    assert.deepEqual(summary(analyzeStartup('unix { nodaemon cli-listen /run/vpp/cli.sock }\napi-trace { on }\nunix interactive\n')), [
      'unix namespace',
      'nodaemon property',
      'cli-listen property',
      'api-trace namespace',
      'on property',
      'unix namespace',
      'interactive property',
    ]);
  });

  it('marks unknown sections and parameters, sections that stop VPP, deprecated parameters and wrong values', () => {
    const a = analyzeStartup('foo { }\nheapsize 2G\ndpdk { socket-mem 1024 }\ncpu { main-core x }\nunix { nodaemon bogus }\nlogging { default-log-level loud }\n', '26.06');
    assert.deepEqual(summary(a), [
      'foo namespace.invalid',
      'heapsize namespace.invalid',
      'dpdk namespace',
      'socket-mem property.deprecated',
      'cpu namespace',
      'main-core property',
      'x number.invalid',
      'unix namespace',
      'nodaemon property',
      'bogus property.invalid',
      'logging namespace',
      'default-log-level property',
      'loud enumMember.invalid',
    ]);
  });

  it('gives positions in UTF-16 code units, on lines split by CRLF', () => {
    const a = analyzeScript('# 😀 é\r\nshow   version\r\n');
    assert.deepEqual(
      tokens(a).map((t) => [t.line, t.char, t.length, t.type]),
      [
        [1, 0, 4, 'keyword'],
        [1, 7, 7, 'keyword'],
      ],
    );
  });

  it('limits the tokens to a range when asked', () => {
    const a = analyzeScript('show version\nshow tap\nshow memif\n');
    const part = decode(a, computeSemanticTokens(a, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } }).data);
    assert.deepEqual(part.map((t) => `${t.line}:${t.text}`), ['1:show', '1:tap']);
  });

  it('survives any text: empty, unbalanced, binary, positions past the end', () => {
    for (const text of ['', '{', '}}}', '\u0000\uFFFF', 'create tap {', 'comment {', 'unix {\n', '$(', '\\']) {
      for (const analysis of [analyzeScript(text), analyzeStartup(text)]) {
        const { data } = computeSemanticTokens(analysis, { start: { line: 0, character: 0 }, end: { line: 99, character: 99 } });
        assert.equal(data.length % 5, 0);
      }
    }
  });

  it('keeps tokens sorted, apart, on one line and inside the text for every example file', () => {
    const dir = fileURLToPath(new URL('grammar/snap/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.vpp') || f.endsWith('.vpp-startup'));
    assert.ok(files.length >= 4);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const a = file.endsWith('.vpp') ? analyzeScript(text) : analyzeStartup(text);
      const lines = text.split(/\r\n|\r|\n/);
      let previousEnd = -1;
      let previousLine = -1;
      for (const t of tokens(a)) {
        assert.ok(t.length > 0 && t.char + t.length <= lines[t.line].length, `${file}: ${JSON.stringify(t)}`);
        assert.ok(t.line > previousLine || t.char >= previousEnd, `${file}: overlapping at ${t.line}:${t.char}`);
        assert.match(t.text, /^\S+$/, file);
        previousLine = t.line;
        previousEnd = t.char + t.length;
      }
    }
  });
});
