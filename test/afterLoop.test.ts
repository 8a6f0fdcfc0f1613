import { strict as assert } from 'node:assert';
import { readCliFile } from '../server/src/sourceReader/index';
import { lineErrors } from './lintHelpers';

/**
 * The checks after a command's parse loop, read as what they refuse (sourceReader/requiredAfterLoop.ts
 * and errorConditions.ts), on small functions written the way VPP writes them. Each pattern is one
 * VPP really uses; the function named in a test is where.
 */

function read(declarations: string, branches: string, after: string) {
  const text = `static clib_error_t *
test_cmd_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  unformat_input_t _line_input, *line_input = &_line_input;
  clib_error_t *error = 0;
${declarations}
  if (!unformat_user (input, unformat_line_input, line_input))
    return 0;
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
${branches}
      else
        {
          error = clib_error_return (0, "unknown input '%U'", format_unformat_error, line_input);
          goto done;
        }
    }
${after}
done:
  unformat_free (line_input);
  return error;
}
VLIB_CLI_COMMAND (test_cmd, static) = {
  .path = "test cmd",
  .function = test_cmd_fn,
};
`;
  const found = readCliFile(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].reading.strict, true, found[0].reading.reason);
  return found[0].reading;
}

const TUNNEL_BRANCHES = `      if (unformat (line_input, "del"))
        opn = DEL_TUNNEL;
      else if (unformat (line_input, "src %U", unformat_ip4_address, &src.ip4))
        src_set = 1;
      else if (unformat (line_input, "dst %U", unformat_ip4_address, &dst.ip4))
        {
          dst_set = 1;
        }`;

describe('reading the checks after a parse loop', () => {
  it('a flag set in a branch and an error kept for `done:` (gtpu_add_del_tunnel_command_fn)', () => {
    const r = read(
      '  u8 src_set = 0, dst_set = 0;\n  u8 opn = ADD_TUNNEL;\n  ip46_address_t src, dst;',
      TUNNEL_BRANCHES,
      `  if (dst_set == 0)
    {
      error = clib_error_return (0, "tunnel dst address not specified");
      goto done;
    }`,
    );
    assert.deepEqual(r.required, [['dst']]);
  });

  it('`a == 0 && opn == ADD`: required unless a branch changed `opn`, so one of `src` and `del`', () => {
    const r = read('  u8 src_set = 0, dst_set = 0;\n  u8 opn = ADD_TUNNEL;', TUNNEL_BRANCHES, `  if (src_set == 0 && opn == ADD_TUNNEL)
    return clib_error_return (0, "tunnel src address not specified");`);
    assert.deepEqual(r.required, [['src', 'del']]);
    assert.equal(r.refuses, undefined);
  });

  it('`a == 0 || b == 0` is two required arguments; `~0` sentinels and constants set before the loop', () => {
    const r = read('  u32 sw_if_index = ~0;\n  u32 table = NO_TABLE;', `      if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (line_input, "table %d", &table))
        ;`, `  if (sw_if_index == (u32) ~0 || NO_TABLE == table)
    return clib_error_return (0, "specify interface and table");`);
    assert.deepEqual(r.required, [['interface'], ['table']]);
  });

  it('`ip46_address_is_zero (&x)`, a member set to 0 before the loop, `0 == vec_len (x)`', () => {
    const r = read('  ip46_address_t local = ip46_address_initializer;\n  ip4_address_t collector;\n  u8 *name = 0;\n  collector.as_u32 = 0;', `      if (unformat (line_input, "local %U", unformat_ip46_address, &local, IP46_TYPE_ANY))
        ;
      else if (unformat (line_input, "collector %U", unformat_ip4_address, &collector))
        ;
      else if (unformat (line_input, "name %s", &name))
        ;`, `  if (ip46_address_is_zero (&local))
    return clib_error_return (0, "local address required");
  if (collector.as_u32 == 0)
    return clib_error_return (0, "collector address required");
  if (0 == vec_len (name))
    return clib_error_return (0, "name required");`);
    assert.deepEqual(r.required, [['local'], ['collector'], ['name']]);
  });

  it('a group that holds a required one says nothing more', () => {
    const r = read('  ip46_address_t src = ip46_address_initializer, dst = ip46_address_initializer;', `      if (unformat (line_input, "src %U", unformat_ip46_address, &src))
        ;
      else if (unformat (line_input, "dst %U", unformat_ip46_address, &dst))
        ;`, `  if (ip46_address_is_zero (&src))
    return clib_error_return (0, "src required");
  if (ip46_address_cmp (&src, &dst) == 0)
    return clib_error_return (0, "src and dst are identical");`);
    assert.deepEqual(r.required, [['src']]);
    assert.deepEqual(r.refuses, [{ same: [['src'], ['dst']], says: 'src and dst are identical' }]);
  });

  it('a quiet return on a flag: the checks after it hold unless that flag is given (set_ip_neighbor)', () => {
    const r = read('  u32 sw_if_index = ~0;\n  u8 is_flush = 0;', `      if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (line_input, "flush"))
        is_flush = 1;`, `  if (is_flush)
    {
      flush_all ();
      return 0;
    }
  if (sw_if_index == ~0)
    return clib_error_return (0, "specify interface");`);
    assert.deepEqual(r.required, [['interface', 'flush']]);
  });

  it('a quiet return on a flag that starts at 1 ends the reading: nothing after it is known to run', () => {
    const r = read('  u32 sw_if_index = ~0;\n  u8 is_add = 1;', `      if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (line_input, "add"))
        is_add = 1;`, `  if (is_add)
    {
      add_it ();
      return 0;
    }
  if (sw_if_index == ~0)
    return clib_error_return (0, "specify interface");`);
    assert.equal(r.required, undefined);
  });

  it('`l_port_set != e_port_set`: one port without the other (nat44 "Either both ports are set or none")', () => {
    const r = read('  u8 l_port_set = 0, e_port_set = 0;', `      if (unformat (line_input, "local %U %u", unformat_ip4_address, &l_addr, &l_port))
        l_port_set = 1;
      else if (unformat (line_input, "external %U %u", unformat_ip4_address, &e_addr, &e_port))
        {
          e_port_set = 1;
        }`, `  if (l_port_set != e_port_set)
    {
      error = clib_error_return (0, "Either both ports are set or none.");
      goto done;
    }`);
    assert.deepEqual(r.refuses, [
      { with: [['local']], without: [['external']], says: 'Either both ports are set or none.' },
      { without: [['local']], with: [['external']], says: 'Either both ports are set or none.' },
    ]);
  });

  it('`memcmp (&local.ip4, &remote.ip4, ...) == 0` under a flag: the same address given twice (vxlan_gpe_add_del_tunnel_command_fn)', () => {
    const r = read('  u8 ipv4_set = 0;\n  ip46_address_t local, remote;', `      if (unformat (line_input, "local %U", unformat_ip4_address, &local.ip4))
        ipv4_set = 1;
      else if (unformat (line_input, "remote %U", unformat_ip4_address, &remote.ip4))
        ipv4_set = 1;`, `  if (ipv4_set && memcmp (&local.ip4, &remote.ip4, sizeof (local.ip4)) == 0)
    return clib_error_return (0, "src and remote addresses are identical");`);
    assert.deepEqual(r.refuses, [{ with: [['local', 'remote']], same: [['local'], ['remote']], says: 'src and remote addresses are identical' }]);
  });

  it('`enable && port == 0` with `int enable = 1;`: true until `disable` clears it (udp_echo_enable_disable_command_fn)', () => {
    const r = read('  u32 port = 0;\n  int enable = 1;', `      if (unformat (line_input, "disable"))
        enable = 0;
      else if (unformat (line_input, "port %d", &port))
        ;`, `  if (enable && port == 0)
    return clib_error_return (0, "Please specify a port...");`);
    assert.deepEqual(r.required, [['disable', 'port']]);
  });

  it('members of a struct given by a designated initializer, each set by the branch that names it (gateway_set_output_command_fn)', () => {
    const r = read('  gw_args_t args = { .tenant_id = ~0, .dst_addr = { .as_u32 = ~0 }, .dst_port = ~0 };', `      if (unformat (line_input, "tenant %d", &args.tenant_id))
        ;
      else if (unformat (line_input, "dst %U", unformat_ip4_address, &args.dst_addr))
        ;
      else if (unformat (line_input, "dst-port %d", &args.dst_port))
        ;`, `  if (args.tenant_id == ~0 || args.dst_addr.as_u32 == ~0 || args.dst_port == (u16) ~0)
    {
      error = clib_error_return (0, "missing parameters");
      goto done;
    }`);
    assert.deepEqual(r.required, [['tenant'], ['dst'], ['dst-port']]);
  });

  it('a counter of mandatory reads: `num_m_args < 2` needs two of them, counted as given (create_ipip_tunnel_command_fn)', () => {
    const r = read('  u32 num_m_args = 0;', `      if (unformat (line_input, "src %U", unformat_ip4_address, &src))
        num_m_args++;
      else if (unformat (line_input, "dst %U", unformat_ip4_address, &dst))
        {
          num_m_args++;
        }
      else if (unformat (line_input, "instance %d", &instance))
        ;`, `  if (num_m_args < 2)
    {
      error = clib_error_return (0, "mandatory argument(s) missing");
      goto done;
    }`);
    assert.deepEqual(r.refuses, [{ without: [{ of: ['src', 'dst'], atLeast: 2 }], says: 'mandatory argument(s) missing' }]);
  });

  it('`is_add == is_del` of two flags: neither, or both (vrrp_vr_track_if_command_fn), in an else-if chain kept in `ret`', () => {
    const r = read('  u8 is_add, is_del;\n  clib_error_t *ret = 0;\n  is_add = is_del = 0;', `      if (unformat (line_input, "add"))
        is_add = 1;
      else if (unformat (line_input, "del"))
        is_del = 1;`, `  if (is_add == is_del)
    ret = clib_error_return (0, "One of add,delete must be specified");
  if (ret)
    return ret;`);
    assert.deepEqual(r.required, [['add', 'del']]);
    assert.deepEqual(r.refuses, [{ with: [['add'], ['del']], says: 'One of add,delete must be specified' }]);
  });

  it('two addresses that are equal: both left zero, or given the same (create_gre_tunnel_command_fn)', () => {
    const r = read('  ip46_address_t src = ip46_address_initializer, dst = ip46_address_initializer;', `      if (unformat (line_input, "src %U", unformat_ip46_address, &src))
        ;
      else if (unformat (line_input, "dst %U", unformat_ip46_address, &dst))
        ;`, `  if (ip46_address_is_equal (&src, &dst))
    {
      error = clib_error_return (0, "src and dst are identical");
      goto done;
    }`);
    assert.deepEqual(r.required, [['src', 'dst']]);
    assert.deepEqual(r.refuses, [{ same: [['src'], ['dst']], says: 'src and dst are identical' }]);
  });

  it('a flag set and a vector left empty: `vec_len (args) == 0 && all`', () => {
    const r = read('  u8 all = 0;\n  u8 **args = 0;', `      if (unformat (line_input, "all"))
        all = 1;
      else if (unformat (line_input, "%s", &s))
        vec_add1 (args, s);`, `  if (vec_len (args) == 0 && all)
    return clib_error_return (0, "missing engine");`);
    assert.deepEqual(r.refuses, [{ without: [['string']], with: [['all']], says: 'missing engine' }]);
  });

  it('reads past an if that only returns errors, and stops at one that may return without', () => {
    const r = read('  u32 sw_if_index = ~0, table_id = ~0;\n  u8 is_flush = 0;', `      if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (line_input, "table %d", &table_id))
        ;
      else if (unformat (line_input, "flush"))
        is_flush = 1;`, `  if (table_id != ~0)
    {
      if (!fib_table_find (table_id))
        {
          error = clib_error_return (0, "no table");
          goto done;
        }
    }
  if (sw_if_index == ~0)
    return clib_error_return (0, "interface required");
  if (is_flush)
    {
      flush ();
      goto done;
    }
  if (table_id == ~0)
    return clib_error_return (0, "table required");`);
    assert.deepEqual(r.required, [['interface']]);
  });

  it('an error kept but overwritten before it is returned counts for nothing', () => {
    const r = read('  u32 sw_if_index = ~0;', `      if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;`, `  if (sw_if_index == ~0)
    error = clib_error_return (0, "interface required");
  error = do_it ();`);
    assert.equal(r.required, undefined);
  });

  it('a variable the code changes between the loop and the check is not known there', () => {
    const r = read('  u32 bd_id = ~0;\n  u8 is_add = 1;', `      if (unformat (line_input, "%d", &bd_id))
        ;
      else if (unformat (line_input, "del"))
        is_add = 0;`, `  if (bd_id == ~0)
    {
      if (is_add)
        bd_id = get_unused_id ();
      else
        {
          error = clib_error_return (0, "bridge-domain-id not specified");
          goto done;
        }
    }
  if (bd_id == ~0)
    return clib_error_return (0, "no id");`);
    assert.equal(r.required, undefined);
  });

  it('a `%d` into a `u8` writes past it: the checks hold only without that argument (set_ioam_tunnel_select_command_fn)', () => {
    const r = read('  u8 is_disable = 0;\n  u8 address_set = 0;\n  u8 responses = 3;', `      if (unformat (line_input, "disable"))
        is_disable = 1;
      else if (unformat (line_input, "wait_for_responses %d", &responses))
        ;
      else if (unformat (line_input, "localsid %U", unformat_ip6_address, &sid))
        address_set = 1;`, `  if (is_disable == 0 && !address_set)
    return clib_error_return (0, "localsid is mandatory");`);
    assert.deepEqual(r.required, [['disable', 'localsid', 'wait_for_responses']]);
    // a value that fits the u8 writes zeros past it, which leave both flags 0: as if not given
    assert.deepEqual(r.args?.find((a) => a.name === 'wait_for_responses')?.values?.[0], { kind: 'int', fitsIsUnset: 255 });
  });

  it('a narrow read before a check of a variable that starts at ~0: a value that fits still counts (its zeros may make that one given)', () => {
    const r = read('  u8 trace = 0;\n  u8 md = 0;\n  u32 nsp = ~0;', `      if (unformat (line_input, "md %d", &md))
        ;
      else if (unformat (line_input, "trace"))
        trace = 1;
      else if (unformat (line_input, "nsp %d", &nsp))
        ;`, `  if (nsp == ~0)
    return clib_error_return (0, "nsp required");`);
    assert.deepEqual(r.required, [['nsp', 'md']]);
    assert.equal(r.args?.find((a) => a.name === 'md')?.values?.[0]?.fitsIsUnset, undefined);
  });

  it('the checks an arm starts with, under its condition and no earlier arm\'s (vnet_ip_table_cmd, udp_encap_cli)', () => {
    const r = read('  u32 table_id = ~0, is_add = 1;', `      if (unformat (line_input, "%d", &table_id))
        ;
      else if (unformat (line_input, "del"))
        is_add = 0;
      else if (unformat (line_input, "add"))
        is_add = 1;`, `  if (0 == table_id)
    {
      error = clib_error_return (0, "Can't change the default table");
      goto done;
    }
  else
    {
      if (is_add)
        {
          if (~0 == table_id)
            table_id = get_unused_id ();
          create (table_id);
        }
      else
        {
          if (~0 == table_id)
            {
              error = clib_error_return (0, "No table id");
              goto done;
            }
          delete (table_id);
        }
    }`);
    // `del` given after any `add`: the last given wins
    assert.deepEqual(r.refuses, [{ last: [{ of: ['del'], among: ['del', 'add'] }], without: [['int']], says: 'No table id' }]);
    assert.equal(r.required, undefined);
  });

  it('an arm after another is read only where the earlier one does not hold, and a repeated literal counts once', () => {
    const r = read('  u8 is_del = 0;\n  u32 uei = ~0;\n  u32 fproto = FIB_PROTOCOL_MAX;', `      if (unformat (line_input, "index %d", &uei))
        ;
      else if (unformat (line_input, "add"))
        is_del = 0;
      else if (unformat (line_input, "del"))
        is_del = 1;
      else if (unformat (line_input, "%U %U", unformat_ip4_address, &src.ip4, unformat_ip4_address, &dst.ip4))
        fproto = FIB_PROTOCOL_IP4;`, `  if (!is_del && fproto != FIB_PROTOCOL_MAX)
    {
      add (fproto);
    }
  else if (is_del)
    {
      if (INDEX_INVALID == uei)
        {
          error = clib_error_return (0, "specify udp-encap object index");
          goto done;
        }
      unlock (uei);
    }
  else
    {
      error = clib_error_return (0, "specify some IP addresses");
    }`);
    assert.deepEqual(r.refuses, [{ last: [{ of: ['del'], among: ['del', 'add'] }], without: [['index']], says: 'specify udp-encap object index' }]);
  });

  it('`ip_ver != 4` of a variable the ip4 and ip6 branches set to 4 and 6: the ip6 one given last (ip_source_and_port_range_check_command_fn)', () => {
    const r = read('  int ip_ver = ~0;', `      if (unformat (line_input, "%U/%d", unformat_ip4_address, &a4, &len))
        ip_ver = 4;
      else if (unformat (line_input, "%U/%d", unformat_ip6_address, &a6, &len))
        ip_ver = 6;`, `  if (ip_ver == ~0)
    return clib_error_return (0, "address not specified");
  if (ip_ver == 4)
    do_it ();
  else
    return clib_error_return (0, " IPv6 in subsequent patch");`);
    assert.deepEqual(r.refuses, [{ last: [{ of: ['ip6-prefix'], among: ['ip6-prefix', 'ip4-prefix'] }], says: 'IPv6 in subsequent patch' }]);
  });

  it('a counter a branch adds one to, tested as true: that branch given (vrrp_peers_command_fn)', () => {
    const r = read('  u32 n4, n6;\n  u8 is_ipv6 = 0;\n  n4 = n6 = 0;', `      if (unformat (line_input, "ipv6"))
        is_ipv6 = 1;
      else if (unformat (line_input, "%U", unformat_ip4_address, &a4))
        n4++;
      else if (unformat (line_input, "%U", unformat_ip6_address, &a6))
        n6++;`, `  if (n4 && (n6 || is_ipv6))
    return clib_error_return (0, "Mismatched address families");`);
    assert.deepEqual(r.refuses?.map((x) => x.with), [[['ip4'], ['ip6']], [['ip4'], ['ipv6']]]);
  });

  it('`!ip_address_is_zero (&x)` of an address that starts zero: given, and `0.0.0.0` is as not given (set_ipfix_exporter_command_fn)', () => {
    const r = read('  ip_address_t collector = IP_ADDRESS_V4_ALL_0S, src = IP_ADDRESS_V4_ALL_0S;', `      if (unformat (line_input, "collector %U", unformat_ip4_address, &collector.ip.ip4))
        ;
      else if (unformat (line_input, "src %U", unformat_ip4_address, &src.ip.ip4))
        ;`, `  if (!ip_address_is_zero (&collector) && ip_address_is_zero (&src))
    return clib_error_return (0, "src address required");`);
    assert.deepEqual(r.refuses, [{ with: [['collector']], without: [['src']], says: 'src address required' }]);
    assert.deepEqual(r.args?.map((a) => a.values?.[0]), [{ kind: 'ip4', zeroIsUnset: true }, { kind: 'ip4', zeroIsUnset: true }]);
  });

  it('an error kept before an arm that writes the error variable on its own path is still returned (punt_socket_register_cmd)', () => {
    const r = read('  u8 *socket_name = 0;', `      if (unformat (line_input, "socket %s", &socket_name))
        ;`, `  if (!socket_name)
    error = clib_error_return (0, "socket name not specified");
  else
    error = add_socket (socket_name);`);
    assert.deepEqual(r.required, [['socket']]);
  });

  it('a flag two branches set differently is no flag: `is_add && ...` holds with `add` given after any `del` (the last given wins)', () => {
    const r = read('  u8 is_add = 0;\n  u32 id = ~0;', `      if (unformat (line_input, "add"))
        is_add = 1;
      else if (unformat (line_input, "del"))
        is_add = 0;
      else if (unformat (line_input, "id %d", &id))
        ;`, `  if (is_add && id == ~0)
    return clib_error_return (0, "id required");`);
    assert.deepEqual(r.refuses, [{ last: [{ of: ['add'], among: ['add', 'del'] }], without: [['id']], says: 'id required' }]);
  });

  it('a counter above one: two of the counted arguments together are refused (set_in_out_acl_command_fn)', () => {
    const r = read('  u32 idx_cnt = 0;\n  u32 ip4 = ~0, ip6 = ~0, l2 = ~0;', `      if (unformat (line_input, "ip4-table %d", &ip4))
        idx_cnt++;
      else if (unformat (line_input, "ip6-table %d", &ip6))
        idx_cnt++;
      else if (unformat (line_input, "l2-table %d", &l2))
        idx_cnt++;`, `  if (!idx_cnt)
    return clib_error_return (0, "Table index should be specified.");
  if (idx_cnt > 1)
    return clib_error_return (0, "Only one table index per API is allowed.");`);
    assert.deepEqual(r.required, [['ip4-table', 'ip6-table', 'l2-table']]);
    assert.deepEqual(
      r.refuses?.map((x) => x.with),
      [
        [['ip4-table'], ['ip6-table']],
        [['ip4-table'], ['l2-table']],
        [['ip6-table'], ['l2-table']],
      ],
    );
    assert.equal(r.refuses?.[0].says, 'Only one table index per API is allowed.');
  });

  it('a count above one of a variable that is not a counter says nothing', () => {
    const r = read('  u32 n = 0;', `      if (unformat (line_input, "a %d", &n))
        ;
      else if (unformat (line_input, "b"))
        n++;`, `  if (n > 1)
    return clib_error_return (0, "too many");`);
    assert.equal(r.refuses, undefined);
  });
});

describe('a variable the branches set to numbers', () => {
  it('`enable > 1` of `enable = 2` that on and off set to 1 and 0: neither given (trace_frame_queue)', () => {
    const r = read('  u32 enable = 2;\n  u32 index = ~0;', `      if (unformat (line_input, "on"))
        enable = 1;
      else if (unformat (line_input, "off"))
        enable = 0;
      else if (unformat (line_input, "index %u", &index))
        ;`, `  if (enable > 1)
    {
      error = clib_error_return (0, "expecting on or off");
      goto done;
    }`);
    assert.deepEqual(r.required, [['on', 'off']]);
  });

  it('`!enable` of `enable = 1` that only disable clears, and a vector `%s` fills, in a final else (dhcp6_pd_client_enable_disable_command_fn)', () => {
    const r = read('  u8 *prefix_group = 0;\n  u32 sw_if_index = ~0;\n  u8 enable = 1;', `      if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (line_input, "prefix group %s", &prefix_group));
      else if (unformat (line_input, "disable"))
        enable = 0;`, `  if (prefix_group == 0 && enable)
    error = clib_error_return (0, "Prefix group must be set when enabling");
  else if (sw_if_index != ~0)
    {
      if (dhcp6_pd_client_enable_disable (sw_if_index, prefix_group, enable) != 0)
        error = clib_error_return (0, "Invalid sw_if_index or prefix group");
    }
  else
    error = clib_error_return (0, "Missing sw_if_index");`);
    assert.deepEqual(r.required, [['prefix group', 'disable']]);
    assert.deepEqual(r.refuses, [
      { with: [['prefix group']], without: [['interface']], says: 'Missing sw_if_index' },
      { with: [['disable']], without: [['interface']], says: 'Missing sw_if_index' },
    ]);
  });

  it('when one of the values set also passes the test, needs a branch whose value fails it', () => {
    // mode starts at 2 and `a` keeps it above 1: only `b` (0) lets the line through
    const r = read('  u32 mode = 2;', `      if (unformat (line_input, "a"))
        mode = 3;
      else if (unformat (line_input, "b"))
        mode = 0;`, `  if (mode > 1)
    return clib_error_return (0, "mode");`);
    assert.deepEqual(r.required, [['b']]);
    assert.equal(r.refuses, undefined);
  });
});

describe('uses that cannot change a variable', () => {
  it('a flag handed by value to unformat is still a flag (geneve_add_del_tunnel_command_fn)', () => {
    const r = read('  u8 ipv4_set = 0, ipv6_set = 0;\n  u32 next = ~0;', `      if (unformat (line_input, "local %U", unformat_ip4_address, &local.ip4))
        ipv4_set = 1;
      else if (unformat (line_input, "local %U", unformat_ip6_address, &local.ip6))
        ipv6_set = 1;
      else if (unformat (line_input, "decap-next %d", &next, ipv4_set))
        ;`, `  if (ipv4_set && ipv6_set)
    return clib_error_return (0, "both IPv4 and IPv6 addresses specified");`);
    assert.deepEqual(r.refuses, [{ with: [['local'], ['local#2']], says: 'both IPv4 and IPv6 addresses specified' }]);
  });

  it('nor is one a branch only tests (vxlan_gpe_add_del_tunnel_command_fn\'s `if (ipv6_set)`)', () => {
    const r = read('  u8 ipv4_set = 0, ipv6_set = 0;\n  u32 fib = 0, tmp;', `      if (unformat (line_input, "local %U", unformat_ip4_address, &local.ip4))
        ipv4_set = 1;
      else if (unformat (line_input, "local %U", unformat_ip6_address, &local.ip6))
        ipv6_set = 1;
      else if (unformat (line_input, "encap-vrf-id %d", &tmp))
        {
          if (ipv6_set)
            fib = fib_table_find (FIB_PROTOCOL_IP6, tmp);
          else
            fib = fib_table_find (FIB_PROTOCOL_IP4, tmp);
        }`, `  if (ipv4_set && ipv6_set)
    return clib_error_return (0, "both IPv4 and IPv6 addresses specified");`);
    assert.deepEqual(r.refuses, [{ with: [['local'], ['local#2']], says: 'both IPv4 and IPv6 addresses specified' }]);
  });

  it('one handed by address is not', () => {
    const r = read('  u8 ipv4_set = 0, ipv6_set = 0;\n  u32 next = ~0;', `      if (unformat (line_input, "local %U", unformat_ip4_address, &local.ip4))
        ipv4_set = 1;
      else if (unformat (line_input, "local %U", unformat_ip6_address, &local.ip6))
        ipv6_set = 1;
      else if (unformat (line_input, "decap-next %d", &next, &ipv4_set))
        ;`, `  if (ipv4_set && ipv6_set)
    return clib_error_return (0, "both IPv4 and IPv6 addresses specified");`);
    assert.equal(r.refuses, undefined);
  });
});

describe('the final else of a chain after the loop', () => {
  it('runs when no arm holds: `if (enable != ~0) ... else error` needs enable or disable (adj_cli_counters_set)', () => {
    const r = read('  u32 enable = ~0;', `      if (unformat (line_input, "enable"))
        enable = 1;
      else if (unformat (line_input, "disable"))
        enable = 0;`, `  if (enable != ~0)
    {
      adj_per_adj_counters = enable;
    }
  else
    {
      error = clib_error_return (0, "specify 'enable' or 'disable'");
    }`);
    assert.deepEqual(r.required, [['enable', 'disable']]);
  });

  it('turns `a || (b && c)` around: `del`, or both server and src-address (dhcp4_proxy_set_command_fn)', () => {
    const r = read('  int is_del = 0;\n  int set_src = 0, set_server = 0;', `      if (unformat (line_input, "server %U", unformat_ip4_address, &server.ip4))
        set_server = 1;
      else if (unformat (line_input, "src-address %U", unformat_ip4_address, &src.ip4))
        set_src = 1;
      else if (unformat (line_input, "del"))
        is_del = 1;`, `  if (is_del || (set_server && set_src))
    {
      rv = dhcp4_proxy_set_server (&server, &src, is_del);
      if (rv)
        return clib_error_return (0, "failed");
      return 0;
    }
  else
    return clib_error_return (0, "parse error");`);
    assert.deepEqual(r.required, [['del', 'server'], ['del', 'src-address']]);
  });

  it('says nothing when an arm has a condition it cannot turn around (a bit test)', () => {
    const r = read('  u32 flags = 0;', `      if (unformat (line_input, "a"))
        flags |= 1;
      else if (unformat (line_input, "b"))
        flags |= 2;`, `  if (flags & 1)
    vlib_cli_output (vm, "a");
  else
    return clib_error_return (0, "need a");`);
    assert.equal(r.required, undefined);
    assert.equal(r.refuses, undefined);
  });
});

describe('the checks after the loop on real lines', () => {
  it('two table indexes in `set interface input acl`: VPP 26.06 refused them ("Only one table index per API is allowed.")', () => {
    assert.deepEqual(lineErrors('set interface input acl intfc loop0 ip4-table 1 ip6-table 1'), ['error vpp.conflicting-options [ip6-table 1]']);
    assert.deepEqual(lineErrors('set interface output acl intfc loop0 ip4-table 1 l2-table 0'), ['error vpp.conflicting-options [l2-table 0]']);
    assert.deepEqual(lineErrors('set interface input acl intfc loop0 ip4-table 1'), []);
    assert.deepEqual(lineErrors('set policer classify interface loop0 ip4-table 1 ip6-table 1'), ['error vpp.conflicting-options [ip6-table 1]']);
  });

  it('a final else: VPP 26.06 refused `adjacency counters` and `set dhcp proxy server 10.9.0.1` alone', () => {
    assert.equal(lineErrors('adjacency counters').length, 1);
    assert.deepEqual(lineErrors('adjacency counters enable'), []);
    assert.equal(lineErrors('set dhcp proxy server 10.9.0.1').length, 1);
    assert.deepEqual(lineErrors('set dhcp proxy server 10.9.0.1 src-address 10.9.0.2'), []);
    // `del` passes the final else, then dhcp4_proxy_set_server refuses the zero addresses (VPP 26.06: "Invalid server address")
    assert.deepEqual(lineErrors('set dhcp proxy del'), ['error vpp.missing-required [set dhcp proxy]', 'error vpp.missing-required [set dhcp proxy]']);
  });

  it('VPP 26.06 refused `dhcp6 pd client prefix group ref0` ("Missing sw_if_index")', () => {
    assert.deepEqual(lineErrors('dhcp6 pd client prefix group ref0'), ['error vpp.missing-required [dhcp6 pd client]']);
    assert.deepEqual(lineErrors('dhcp6 pd client loop0 prefix group ref0'), []);
  });
  it('one word for two required groups: VPP 24.10 and 26.06 refused `qos record ip` and `set interface l2 xconnect loop0`', () => {
    // `ip` is the interface (then no source) or the source (then no interface): refused either way
    assert.deepEqual(lineErrors('qos record ip'), ['error vpp.missing-required [qos record]']);
    assert.deepEqual(lineErrors('qos record vlan', '24.10'), ['error vpp.missing-required [qos record]']);
    assert.deepEqual(lineErrors('set interface l2 xconnect loop0'), ['error vpp.missing-required [set interface l2 xconnect]']);
    // VPP accepted these: a word for each group
    assert.deepEqual(lineErrors('qos record loop0 ip enable disable'), []);
    assert.deepEqual(lineErrors('qos record ip loop0'), []);
    // a word the other positional lists is read as that word, as a word shaped as an address is:
    // VPP 24.10 and 26.06 refused `packet-generator mac-filter enable` ("specify interface")
    assert.deepEqual(lineErrors('packet-generator mac-filter enable'), ['error vpp.missing-required [packet-generator mac-filter]']);
  });
  it('two numbers a branch refuses out of order: VPP 24.10 and 26.06 refused `nat44 ei addr-port-assignment-alg default port-range 1 - 1`', () => {
    assert.deepEqual(lineErrors('nat44 ei addr-port-assignment-alg default port-range 1 - 1'), ['error vpp.invalid-value [1]']);
    assert.deepEqual(lineErrors('nat44 ei addr-port-assignment-alg default port-range 1 - 0', '24.10'), ['error vpp.invalid-value [0]']);
    // `%d` into a u32: -1 is 4294967295, above any end
    assert.deepEqual(lineErrors('nat44 ei addr-port-assignment-alg default port-range -1 - 1'), ['error vpp.invalid-value [1]']);
    // the check lets these through (`1 - -1`: the end is 4294967295)
    assert.deepEqual(lineErrors('nat44 ei addr-port-assignment-alg default port-range 1 - 2'), []);
    assert.deepEqual(lineErrors('nat44 ei addr-port-assignment-alg default port-range 1 - -1'), []);
  });
  it('a variable that starts at a name VPP defines as ~0: VPP 26.06 refused `npol interface clear sw_if_index -1` ("interface not specified")', () => {
    // `u32 sw_if_index = NPOL_INVALID_INDEX;` (npol.h: `((u32) ~0)`): `-1` read with `%d` is that value again
    assert.deepEqual(lineErrors('npol interface clear sw_if_index -1'), ['error vpp.missing-required [npol interface clear]']);
    assert.deepEqual(lineErrors('npol interface configure sw_if_index -1'), ['error vpp.missing-required [npol interface configure]']);
    assert.deepEqual(lineErrors('npol interface clear sw_if_index 1'), []);
  });
  it('a flag that starts set, which `add` keeps and `del` clears: VPP 24.10 and 26.06 refused `ip punt policer add` and `udp decap 1 add`', () => {
    // `if (is_add && ~0 == policer_index)`: without `del`, is_add is 1 whether or not `add` is written
    assert.deepEqual(lineErrors('ip punt policer add'), ['error vpp.missing-required [ip punt policer]']);
    assert.deepEqual(lineErrors('ip6 punt policer add', '24.10'), ['error vpp.missing-required [ip6 punt policer]']);
    assert.deepEqual(lineErrors('udp decap 1 add'), ['error vpp.missing-required [udp decap]']);
    assert.deepEqual(lineErrors('ip punt policer add 1'), []);
    assert.deepEqual(lineErrors('ip punt policer del'), []);
    assert.deepEqual(lineErrors('udp decap 1 del'), []);
  });
  it('a read whose branch returns, followed by an error: VPP 26.06 refused `selog emit-elog` alone ("Please specify msg <string>")', () => {
    assert.deepEqual(lineErrors('selog emit-elog'), ['error vpp.missing-required [selog emit-elog]']);
    assert.deepEqual(lineErrors('selog emit-elog msg hello'), []);
  });
  it('`op == CONST` of a variable each branch sets to a named constant: that branch given and no other setter (int_l2_pbb_vtr)', () => {
    const r = read('  u32 vtr_op = L2_VTR_DISABLED;\n  u8 dmac_set = 0;', `      if (unformat (line_input, "disable"))
        vtr_op = L2_VTR_DISABLED;
      else if (vtr_op == L2_VTR_DISABLED && unformat (line_input, "pop"))
        vtr_op = L2_VTR_POP_2;
      else if (vtr_op == L2_VTR_DISABLED && unformat (line_input, "push"))
        vtr_op = L2_VTR_PUSH_2;
      else if (unformat (line_input, "dmac %U", unformat_ethernet_address, dmac))
        dmac_set = 1;`, `  if (vtr_op == L2_VTR_PUSH_2 && !dmac_set)
    return clib_error_return (0, "expecting dmac <address>");`);
    // a later `disable` (or `pop`, read only before `push`) would leave vtr_op another value: claimed only without them
    assert.deepEqual(r.refuses, [{ with: [['push']], without: [['dmac'], ['disable', 'pop']], says: 'expecting dmac <address>' }]);
  });

  it('a named constant a branch sets after a test of another variable is not read', () => {
    const r = read('  u32 vtr_op = L2_VTR_DISABLED;\n  u8 dmac_set = 0, x = 0;', `      if (x && unformat (line_input, "push"))
        vtr_op = L2_VTR_PUSH_2;
      else if (vtr_op == L2_VTR_PUSH_2 && unformat (line_input, "pop"))
        vtr_op = L2_VTR_POP_2;
      else if (unformat (line_input, "dmac %U", unformat_ethernet_address, dmac))
        dmac_set = 1;`, `  if (vtr_op == L2_VTR_PUSH_2 && !dmac_set)
    return clib_error_return (0, "expecting dmac <address>");`);
    assert.equal(r.refuses, undefined);
  });

  it('VPP 26.06 refused `push` and `translate_pbb_stag` without dmac, smac and s_id ("expecting dmac <address> smac <address> s_id <nn>")', () => {
    // no dmac and no s_id: one error for each
    for (const line of ['set interface l2 pbb-tag-rewrite smac 02:fe:00:00:00:01 push', 'set interface l2 pbb-tag-rewrite smac 02:fe:00:00:00:01 translate_pbb_stag 1']) {
      assert.deepEqual(lineErrors(line), Array(2).fill('error vpp.missing-required [set interface l2 pbb-tag-rewrite]'), line);
    }
    assert.deepEqual(lineErrors('set interface l2 pbb-tag-rewrite loop0 push dmac 02:fe:00:00:00:01 smac 02:fe:00:00:00:02 s_id 1'), []);
    assert.deepEqual(lineErrors('set interface l2 pbb-tag-rewrite loop0 pop'), []);
    assert.deepEqual(lineErrors('set interface l2 pbb-tag-rewrite loop0 push disable'), []);
  });
  it('an index still at ~0 compared with the length of a vector is beyond it (trace_frame_queue)', () => {
    const r = read('  u32 enable = 2;\n  u32 index = ~(u32) 0;', `      if (unformat (line_input, "on"))
        enable = 1;
      else if (unformat (line_input, "index %u", &index))
        ;`, `  if (index > vec_len (tm->frame_queue_mains) - 1)
    {
      error = clib_error_return (0, "expecting valid worker handoff queue index");
      goto done;
    }`);
    assert.deepEqual(r.required, [['index']]);
    // any other expression may be as large as ~0: nothing claimed
    const other = read('  u32 index = ~(u32) 0;', `      if (unformat (line_input, "index %u", &index))
        ;`, `  if (index > limit)
    return clib_error_return (0, "bad index");`);
    assert.equal(other.required, undefined);
  });

  it('VPP 24.10 and 26.06 refused `trace frame-queue on` without an index ("expecting valid worker handoff queue index")', () => {
    for (const release of ['24.10', '26.06'] as const) {
      assert.deepEqual(lineErrors('trace frame-queue on', release), ['error vpp.missing-required [trace frame-queue]']);
      assert.deepEqual(lineErrors('trace frame-queue on index 0', release), []);
    }
  });
  it('a bare line refused before a loop that stops at unknown words: VPP 24.10 and 26.06 refused `set interface bond` ("Missing required arguments.")', () => {
    for (const release of ['24.10', '26.06'] as const) {
      assert.deepEqual(lineErrors('set interface bond', release), ['error vpp.missing-required [set interface bond]']);
      assert.deepEqual(lineErrors('set interface bond loop0 weight 2', release), []);
    }
  });
  it('the checks after a loop with a value that takes the rest of the line, on lines without that value: VPP 26.06 refused `set interface handoff { fq-nelts 8 }` ("Please specify an interface...")', () => {
    assert.deepEqual(lineErrors('set interface handoff fq-nelts 8'), ['error vpp.missing-required [set interface handoff]', 'error vpp.missing-required [set interface handoff]']);
    // `workers 0-1 loop0`: unformat_bitmap_list reads numbers on, so which words were the other arguments is not known
    assert.deepEqual(lineErrors('set interface handoff workers 0-1 loop0'), []);
    assert.deepEqual(lineErrors('set interface handoff loop0 workers 0-1'), []);
    // a hand-written command keeps its own checks beside its route path
    assert.ok(lineErrors('ip route via 10.9.0.1 loop0').length > 0);
  });
});
