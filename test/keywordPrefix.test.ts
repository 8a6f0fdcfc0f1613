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

describe('a number read from the start of a word', () => {
  const found = (text: string) => described(lintScript(`${text}\n`, { release: '26.06' })).filter((d) => !d.startsWith('hint'));

  it('leaves the rest to be dropped with a { } block: VPP 26.06 accepted these (`%d` reads `1` from `1.5`)', () => {
    assert.deepEqual(found('sflow header-bytes { 1.5 }'), ['warning vpp.ignored-input [1.5]']);
    assert.deepEqual(found('set interface l2 bridge { loop0 1.5 }'), ['warning vpp.ignored-input [1.5]']);
  });

  it('is an error on the line itself, where VPP runs `.5` as a command (VPP refused `sflow header-bytes 1.5`)', () => {
    assert.ok(found('sflow header-bytes 1.5').some((d) => d.startsWith('error')));
  });

  it('is an error where a sequence expects something else first (VPP refused `set interface mtu { loop0 1.5 }`)', () => {
    assert.ok(found('set interface mtu { loop0 1.5 }').some((d) => d.startsWith('error')));
  });
});
