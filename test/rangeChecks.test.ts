import { strict as assert } from 'node:assert';
import { readCliFile } from '../server/src/sourceReader/index';
import { readRange } from '../server/src/sourceReader/rangeChecks';
import { lineErrors } from './lintHelpers';

/** Bounds VPP checks after a command's parse loop, read as value ranges (sourceReader/rangeChecks.ts). */

function argsOf(declarations: string, branches: string, after: string) {
  const text = `static clib_error_t *
exporter_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
${declarations}
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
${branches}
      else
	break;
    }
${after}
  return 0;
}
VLIB_CLI_COMMAND (exporter_command, static) = {
  .path = "test exporter",
  .function = exporter_fn,
};
`;
  const [found] = readCliFile(text);
  assert.equal(found.reading.strict, true, found.reading.reason);
  return found.reading.args;
}

describe('ranges checked after the loop', () => {
  it('reads the bounds a failing condition leaves', () => {
    assert.deepEqual(readRange('path_mtu > 1450'), { v: 'path_mtu', max: 1450, realBounds: true });
    assert.deepEqual(readRange('(path_mtu < 68)'), { v: 'path_mtu', min: 68, realBounds: true });
    assert.deepEqual(readRange('rx_queues > 255 || rx_queues < 1'), { v: 'rx_queues', min: 1, max: 255, realBounds: true });
    assert.deepEqual(readRange('x >= 0x10'), { v: 'x', max: 15 });
    // a named constant: its value is not read, only that it bounds from above
    assert.deepEqual(readRange('x > MAX_X'), { v: 'x', upperNamed: true });
    assert.equal(readRange('x > 1 || y > 2'), undefined);
    assert.equal(readRange('x > 1 && y'), undefined);
  });

  it('puts them on the value the variable is read into (set_ipfix_exporter_command_fn)', () => {
    const args = argsOf('  u32 path_mtu = 512;', `      if (unformat (input, "path-mtu %u", &path_mtu))
	;`, `  if (path_mtu > 1450)
    return clib_error_return (0, "too big path-mtu value, maximum is 1450");
  if (path_mtu < 68)
    return clib_error_return (0, "too small path-mtu value, minimum is 68");`);
    assert.deepEqual(args[0].values, [{ kind: 'uint', max: 1450, min: 68 }]);
  });

  it('puts a lower bound of 0 on an unsigned variable read with %d (-1 wraps above the upper one), and leaves a narrow variable alone', () => {
    const unsigned = argsOf('  u32 mac_age = 0;', `      if (unformat (input, "mac-age %d", &mac_age))
	;`, `  if (mac_age > 255 || mac_age < 1)
    return clib_error_return (0, "mac age must be less than 256");`);
    // (and a 0, which leaves it at the 0 it starts at: `mac_age < 1` refuses that too)
    assert.deepEqual(unsigned[0].values, [{ kind: 'int', min: 0, max: 255, zeroIsUnset: true }]);
    const narrow = argsOf('  u8 n = 0;', `      if (unformat (input, "n %u", &n))
	;`, `  if (n > 4)
    return clib_error_return (0, "n must be 0-4");`);
    assert.deepEqual(narrow[0].values, [{ kind: 'uint' }]);
  });

  it('says nothing of a check that not every line reaches', () => {
    const args = argsOf('  u32 path_mtu = 512;\n  u8 on = 0;', `      if (unformat (input, "path-mtu %u", &path_mtu))
	;
      else if (unformat (input, "on"))
	on = 1;`, `  if (!on)
    return 0;
  if (path_mtu < 68)
    return clib_error_return (0, "too small");`);
    assert.deepEqual(args[0].values, [{ kind: 'uint' }]);
  });

  it('on real lines: VPP 26.06 refused `set ipfix exporter path-mtu 1` and accepted `path-mtu 1024`', () => {
    assert.deepEqual(lineErrors('set ipfix exporter path-mtu 1'), ['error vpp.invalid-value [1]']);
    assert.deepEqual(lineErrors('set ipfix exporter path-mtu 1024'), []);
  });
});

describe('a 0 refused after the loop, of a variable that starts elsewhere', () => {

  it('reads `if (vrf_id == 0)` of `u32 vrf_id = ~0` as 0 refused, and `== 0` of a variable that starts at 0 as not given', () => {
    assert.deepEqual(readRange('vrf_id == 0'), { v: 'vrf_id', zeroRefused: true });
    const refused = argsOf('  u32 vrf_id = ~0;', `      if (unformat (input, "vrf %d", &vrf_id))
	;`, `  if (vrf_id == 0)
    return clib_error_return (0, " VRF ID can not be 0 (default).");`);
    assert.deepEqual(refused[0].values, [{ kind: 'int', zeroRefused: true }]);
    const unset = argsOf('  u32 vni = 0;', `      if (unformat (input, "vni %d", &vni))
	;`, `  if (vni == 0)
    return clib_error_return (0, "vni not specified");`);
    assert.equal(unset[0].values?.[0].zeroRefused, undefined);
  });

  it('on real lines: VPP 26.06 and 24.10 refused `vrf 0` (" VRF ID can not be 0 (default).")', () => {
    assert.deepEqual(lineErrors('set ip source-and-port-range-check 10.9.0.1/24 port 1 vrf 0'), ['error vpp.invalid-value [0]']);
    assert.deepEqual(lineErrors('set ip source-and-port-range-check 10.9.0.1/24 port 1 vrf 0', '24.10'), ['error vpp.invalid-value [0]']);
    assert.deepEqual(lineErrors('set ip source-and-port-range-check 10.9.0.1/24 port 1 vrf 1'), []);
  });
});

describe('ranges checked right after the reads of a command that reads in sequence', () => {

  it('bounds the value a required read took: `if (log_level > NAT_LOG_DEBUG)` refuses a negative number, which wraps in a u32', () => {
    // VPP 26.06 and 24.10: "nat set logging level: unknown logging level '-1'"; accepted 0 and 1
    assert.deepEqual(lineErrors('nat set logging level -1'), ['error vpp.invalid-value [-1]']);
    assert.deepEqual(lineErrors('nat44 ei set logging level -1', '24.10'), ['error vpp.invalid-value [-1]']);
    assert.deepEqual(lineErrors('nat set logging level 0'), []);
    assert.deepEqual(lineErrors('nat set logging level 1'), []);
  });

  it('reads numeric bounds too (set_sr_hop_limit_command_fn: "Value out of range [1-255]")', () => {
    assert.deepEqual(lineErrors('set sr encaps hop-limit 0'), ['error vpp.invalid-value [0]']);
    assert.deepEqual(lineErrors('set sr encaps hop-limit 256'), ['error vpp.invalid-value [256]']);
    assert.deepEqual(lineErrors('set sr encaps hop-limit 64'), []);
  });
});

describe('a number that reads as the ~0 a check after the loop tests', () => {
  const check = `  if (table_id == ~0)
    return clib_error_return (0, "table-id must be specified");`;

  it('marks the value of a u32 a branch only reads into (svs_table_cli)', () => {
    const args = argsOf('  u32 table_id = ~0;', `      if (unformat (input, "table-id %d", &table_id))
	;`, check);
    assert.deepEqual(args[0].values, [{ kind: 'int', allOnesIsUnset: true }]);
  });

  it('leaves a branch that also sets a flag and a narrower variable; a variable that starts at 0 takes a 0 (vxlan\'s `vni == 0`)', () => {
    // a flag a check tests says the argument was given, whatever its value
    const flagged = argsOf('  u32 table_id = ~0;\n  u8 table_set = 0;', `      if (unformat (input, "table-id %d", &table_id))
	table_set = 1;`, `${check}
  if (!table_set)
    return clib_error_return (0, "no table");`);
    assert.deepEqual(flagged[0].values, [{ kind: 'int' }]);
    // one no check tests changes nothing (sfdp_tenant_add_del_command_fn's `is_del = 0`)
    const untested = argsOf('  u32 table_id = ~0;\n  u8 is_del = 0;', `      if (unformat (input, "table-id %d", &table_id))
	is_del = 0;`, check);
    assert.deepEqual(untested[0].values, [{ kind: 'int', allOnesIsUnset: true }]);
    const narrow = argsOf('  u16 table_id = ~0;', `      if (unformat (input, "table-id %d", &table_id))
	;`, check);
    assert.deepEqual(narrow[0].values, [{ kind: 'int' }]);
    const zero = argsOf('  u32 table_id = 0;', `      if (unformat (input, "table-id %d", &table_id))
	;`, `  if (table_id == 0)
    return clib_error_return (0, "table-id must be specified");`);
    assert.deepEqual(zero[0].values, [{ kind: 'int', zeroIsUnset: true }]);
  });

  it('on real lines: VPP 26.06 and 24.10 refused `svs table table-id -1` ("table-id must be specified")', () => {
    assert.equal(lineErrors('svs table table-id -1').length, 1);
    assert.equal(lineErrors('svs table table-id -1', '24.10').length, 1);
    assert.equal(lineErrors('svs table table-id 4294967295').length, 1);
    assert.deepEqual(lineErrors('svs table table-id 1'), []);
    assert.equal(lineErrors('set dhcpv6 vss table -1').length, 1);
    // VPP 26.06: "missing value of session limit"
    assert.ok(lineErrors('set nat44 session limit 0').length > 0);
    // VPP 26.06: "missing tenant id"
    assert.equal(lineErrors('sfdp tenant add -1').length, 1);
    assert.deepEqual(lineErrors('sfdp tenant add 1'), []);
    assert.deepEqual(lineErrors('set nat44 session limit 10'), []);
  });

  it('marks the number among several branches that set the variable (virtio_pci_delete_command_fn: `sw_if_index %d` or an interface)', () => {
    // VPP 26.06: "please specify interface name or sw_if_index"
    assert.equal(lineErrors('delete interface virtio sw_if_index -1').length, 1);
    assert.deepEqual(lineErrors('delete interface virtio sw_if_index 1'), []);
    // the interface read last is what VPP keeps
    assert.deepEqual(lineErrors('delete interface virtio sw_if_index -1 loop0'), []);
  });
});
