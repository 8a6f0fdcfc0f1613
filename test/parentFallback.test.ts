import assert from 'node:assert/strict';
import { described, lintScript } from './lintHelpers';

/**
 * A command whose `{ }` block fails hands over to the command above it, which runs on what follows
 * the block (nothing). Cases are lines VPP 26.06 answered (test/referee/26.06.json).
 */
describe('a failing { } block under a parent command that accepts an empty line', () => {
  const found = (text: string) => described(lintScript(`${text}\n`, { release: '26.06' })).filter((d) => !d.startsWith('hint'));
  const errors = (text: string) => found(text).filter((d) => d.startsWith('error'));

  it('is a warning where VPP accepted the line: the parent answered without an error', () => {
    // dns_enable_disable_command_fn reads its words directly: on nothing it does nothing
    assert.deepEqual(found('dns name-server { edl }'), ['warning vpp.ignored-input [edl]']);
    assert.deepEqual(errors('dns name-server { 10.9.0.256 }'), []);
    // cnat_snat_policy_set_cmd_fn, above `set cnat snat-policy prefix`
    assert.deepEqual(errors('set cnat snat-policy prefix { rw }'), []);
    assert.deepEqual(errors('set cnat snat-policy prefix { ifb 1 }'), []);
    assert.deepEqual(errors('npol ipset add member { id abc }'), []);
  });

  it('stays an error outside braces, where the parent runs on the word left over (VPP: "dns: unknown input `edl\'")', () => {
    assert.deepEqual(errors('dns name-server edl'), ['error vpp.unknown-option [edl]']);
    assert.ok(errors('set cnat snat-policy prefix rw').length > 0);
  });

  it('stays an error under a parent that reads a line: unformat_line_input fails on nothing (VPP: "expected enable | disable")', () => {
    assert.ok(errors('one map-register fallback-threshold { abc }').length > 0);
  });
});
