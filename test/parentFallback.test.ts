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

describe('a check after the loop of a command below a parent that refuses an empty line', () => {
  const errors = (text: string, release: '26.06' | '24.10' = '26.06') => described(lintScript(`${text}\n`, { release })).filter((d) => d.startsWith('error'));

  it('stays an error: the parent runs on nothing and refuses too (VPP 26.06 and 24.10: "set vxlan-gpe-ioam: tunnel local address not specified")', () => {
    assert.deepEqual(errors('set vxlan-gpe-ioam export ipfix'), ['error vpp.missing-required [set vxlan-gpe-ioam export ipfix]', 'error vpp.missing-required [set vxlan-gpe-ioam export ipfix]']);
    assert.equal(errors('set vxlan-gpe-ioam export ipfix src 10.9.0.1', '24.10').length, 1);
    // VPP 26.06 accepted it
    assert.deepEqual(errors('set vxlan-gpe-ioam export ipfix collector 10.9.0.1 src 10.9.0.1 disable'), []);
  });

  it('stays an error after a { } block the function stopped reading in: the parent runs on what follows the block, nothing', () => {
    // VPP 26.06: "set vxlan-gpe-ioam: tunnel local address not specified" for each
    for (const line of ['set vxlan-gpe-ioam export ipfix { collector 10.9.0 }', 'set vxlan-gpe-ioam export ipfix { src }']) {
      assert.ok(errors(line).some((d) => d.startsWith('error vpp.missing-required')), line);
    }
  });

  it('is no error under a parent that accepts an empty line (VPP 26.06 accepted `dns name-server` alone)', () => {
    assert.deepEqual(errors('dns name-server'), []);
  });
});
