import { strict as assert } from 'node:assert';
import { createRegistry, loadGrammar, tokenizeLines } from './grammar/textmate';

/**
 * No grammar regex may backtrack catastrophically: each adversarial line (100 KB of one repeated
 * piece) must tokenize at all. Mocha's timeout is the guard; nothing here measures time.
 */

const LINE_LENGTH = 100_000;

/** Runs of single characters and short pieces that the value, word and placeholder rules look at. */
const PIECES = [
  'a', 'Z', '0', '7', 'f', ' ', '\t', ':', '/', '.', ',', '-', '_', '#', '\\', '$', '{', '}', '(', '%', '`', '~',
  '$(', '${', '{{', '{%', '{#', '}}', '%}', '#}', '$(a', '${a', '{{ a', '{{ }',
  '0:', 'a:', 'ff:', '::', '0.', '1.2', '0/', 'a0/', '1-', '1,', '0x', '4G ', '00:', 'ff:ff:',
  'a ', 'a-', 'a_', '-a', 'x.', 'host-', 'a1', '1a', 'aaaa.', '1.2.3.4/', 'Ethernet0/',
  'show ', 'comment ', 'comment {', 'uncomment { ', '$(X) { ', 'a \\', '# \\',
];

interface Context {
  name: string;
  scopeName: string;
  /** Lines before the adversarial one, to put the tokenizer in some state. */
  before: string[];
  /** Text on the adversarial line before the repeated piece. */
  prefix: string;
}

const CONTEXTS: Context[] = [
  { name: 'script, at the start of a line', scopeName: 'source.vpp', before: [], prefix: '' },
  { name: 'script, among arguments', scopeName: 'source.vpp', before: [], prefix: 'set interface state ' },
  { name: 'script, inside comment { }', scopeName: 'source.vpp', before: [], prefix: 'comment { ' },
  { name: 'script, on a continuation line', scopeName: 'source.vpp', before: ['create tap \\'], prefix: '' },
  { name: 'startup.conf, at the top level', scopeName: 'source.vpp-startup', before: [], prefix: '' },
  { name: 'startup.conf, as a section value', scopeName: 'source.vpp-startup', before: [], prefix: 'unix ' },
  { name: 'startup.conf, inside a block', scopeName: 'source.vpp-startup', before: ['dpdk {'], prefix: '' },
  { name: 'Markdown, a fence line', scopeName: 'text.html.markdown', before: [], prefix: '```vpp' },
  { name: 'Markdown, a paragraph', scopeName: 'text.html.markdown', before: [], prefix: 'Some text ' },
  { name: 'Markdown, inside a ```vpp block', scopeName: 'text.html.markdown', before: ['```vpp'], prefix: '' },
  { name: 'Markdown, inside a ```vpp-startup block', scopeName: 'text.html.markdown', before: ['~~~vpp-startup', 'unix {'], prefix: '' },
];

function adversarialLine(prefix: string, piece: string): string {
  return prefix + piece.repeat(Math.ceil(LINE_LENGTH / piece.length)).slice(0, LINE_LENGTH);
}

describe('grammar regexes on adversarial lines', () => {
  const registry = createRegistry();

  for (const context of CONTEXTS) {
    it(`tokenizes every 100 KB run of a repeated piece: ${context.name}`, async function () {
      this.timeout(60_000);
      const grammar = await loadGrammar(registry, context.scopeName);
      for (const piece of PIECES) {
        const tokens = tokenizeLines(grammar, [...context.before, adversarialLine(context.prefix, piece)]);
        assert.ok(tokens > 0, `no tokens for ${JSON.stringify(piece)}`);
      }
    });
  }

  it('tokenizes a long line of every value shape glued and spaced', async function () {
    this.timeout(60_000);
    const shapes = ['02:fe:00:00:00:01', '0000:02:00.0', '2001:db8::1/64', '10.0.0.1/24', '0x1f', '4G', '1-3,5', 'GigabitEthernet0/8/0.100', '/run/vpp/cli.sock', '$(X)', '{{ .Y }}'];
    for (const scopeName of ['source.vpp', 'source.vpp-startup']) {
      const grammar = await loadGrammar(registry, scopeName);
      for (const separator of [' ', '', ':', '.', '/']) {
        const line = shapes.join(separator).repeat(Math.ceil(LINE_LENGTH / 100)).slice(0, LINE_LENGTH);
        assert.ok(tokenizeLines(grammar, [line]) > 0);
      }
    }
  });
});
