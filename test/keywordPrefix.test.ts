import assert from 'node:assert/strict';
import { described, lintScript } from './lintHelpers';

/** unformat reads a keyword from the start of a longer word; cases VPP 26.06 answered (test/referee/26.06.json). */
describe('a keyword read from the start of a word, the rest run as a command', () => {
  const found = (text: string) => described(lintScript(`${text}\n`, { release: '26.06' })).filter((d) => !d.startsWith('hint'));

  it('is no error where the rest is a command VPP runs on nothing (`q`, the abbreviation of `quit`): VPP accepted these', () => {
    assert.deepEqual(found('sflow direction rxq'), ['warning vpp.ignored-input [rxq]']);
    assert.deepEqual(found('buffer metadata tracking onq'), ['warning vpp.ignored-input [onq]']);
    assert.deepEqual(found('sflow direction rx txq'), ['warning vpp.ignored-input [txq]']);
  });

  it('stays an error where the function itself refuses the rest (VPP: "unknown input \'q\'")', () => {
    assert.deepEqual(found('set ipsec async mode onq'), ['error vpp.unknown-option [onq]']);
  });

  it('stays an error where the rest is no command', () => {
    assert.deepEqual(found('sflow direction rxzz'), ['error vpp.unknown-option [rxzz]']);
  });
});
