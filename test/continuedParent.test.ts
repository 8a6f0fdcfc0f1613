import assert from 'node:assert/strict';
import { described, lintScript } from './lintHelpers';

/**
 * A line-reading command that fails before a `\` continuation hands the continued part to the
 * command above it. Cases are lines VPP 26.06 answered (test/referee/26.06.json).
 */
describe('a continued line whose first part fails', () => {
  const found = (text: string) => described(lintScript(`${text}\n`, { release: '26.06' })).filter((d) => !d.startsWith('hint'));
  const errors = (text: string) => found(text).filter((d) => d.startsWith('error'));

  it('is no error where the parent and the command above it take the rest (VPP accepted these)', () => {
    // itf fails on `vrf-id` without its number; `igmp proxy-dev` reads `1`, and `igmp` runs on nothing
    assert.deepEqual(errors('igmp proxy-dev itf vrf-id \\\n  1'), []);
    assert.ok(found('igmp proxy-dev itf vrf-id \\\n  1').includes('warning vpp.ignored-input [1]'));
    // after the loop: "interface must be specified"
    assert.deepEqual(errors('igmp proxy-dev itf add del vrf-id 1 \\\n  loop0'), []);
  });

  it('keeps the error where the parent\'s verdict stands (VPP: "igmp: unknown input \'1\'")', () => {
    assert.ok(errors('igmp proxy-dev vrf-id \\\n  1').length > 0);
  });

  it('keeps the error where the first part succeeds, so VPP runs the rest as a command', () => {
    assert.deepEqual(errors('igmp proxy-dev itf loop0 vrf-id 1 \\\n  bogus-word').map((d) => d.split(' ')[1]), ['vpp.unknown-command']);
  });
});
