import assert from 'node:assert/strict';
import { casesFor, formsOf, shortestPath } from '../tools/vpp-referee/cases';
import { matchSubCommands } from '../server/src/analysis/cliModel';
import { schemaFor } from '../server/src/schema/index';
import { described, lintScript } from './lintHelpers';

describe('referee: the lines asked of VPP', () => {
  const schema = schemaFor('26.06');

  it('cuts every command word to the shortest prefix that still resolves to it', () => {
    let cut = 0;
    for (const spec of schema.commands.values()) {
      const short = shortestPath(spec.path, schema.root);
      assert.ok(short, spec.path);
      let node = schema.root;
      for (const word of short.split(' ')) {
        const found = matchSubCommands(node, word);
        assert.equal(found.length, 1, `${short} (${spec.path}) at ${word}`);
        node = found[0];
      }
      assert.equal(node.path, spec.path);
      if (short.length < spec.path.length) cut++;
    }
    assert.ok(cut > 500, `${cut} paths cut`);
  });

  it('gives each line with arguments in braces and continued before its last word', () => {
    const spec = schema.commands.get('create loopback interface')!;
    const forms = formsOf(spec, casesFor(spec), schema.root);
    assert.ok(forms.includes('create loopback interface { mac 02:fe:00:00:00:01 }'), forms.join('\n'));
    assert.ok(forms.includes('create loopback interface mac \\\n  02:fe:00:00:00:01'), forms.join('\n'));
    assert.ok(forms.some((f) => f.startsWith('cr lo')), forms.join('\n'));
  });

  it('asks a command that reads no arguments with a command and a word after it', () => {
    const spec = schema.commands.get('clear errors')!;
    assert.equal(spec.readsNoArgs, true);
    const forms = formsOf(spec, casesFor(spec), schema.root);
    assert.ok(forms.includes('clear errors bogus-word'));
    assert.deepEqual(described(lintScript('clear errors bogus-word\n', { release: '26.06' })), ['error vpp.unknown-option [bogus-word]']);
  });
});

describe('arguments in a { } block', () => {
  it('drops what a function leaves unread there, where the same words on the line run as the next command', () => {
    // VPP hands the function the block's text and frees it afterwards (unformat_vlib_cli_sub_input)
    const stop = (text: string) => described(lintScript(`${text}\n`, { release: '26.06' })).filter((d) => /unknown-option|ignored-input/.test(d));
    assert.deepEqual(stop('set ip neighbor { flush bogus-word }'), ['warning vpp.ignored-input [bogus-word]']);
    assert.deepEqual(stop('set ip neighbor flush bogus-word'), ['error vpp.unknown-option [bogus-word]']);
  });
});
