import { strict as assert } from 'node:assert';
import { errorsOn } from './helpers';
import { errorsOf, lintStartup } from './lintHelpers';
import { readCliFile } from '../server/src/sourceReader/index';
import { judge, reread, type RecordedCase } from '../tools/vpp-referee/verdicts';

/**
 * Lines of the referee's family `other` (test/referee/<release>.json), each pinned with what VPP
 * answered: the analysis refuses what VPP's parser refused and passes what it accepted.
 */


describe('referee, family other: what VPP answered', () => {
  it('reads a word a positional lists (`enable`) as that word, not as an interface of that name', () => {
    // pg_input_mac_filter_cfg tries `%U` unformat_vnet_sw_interface before unformat_vlib_enable_disable;
    // VPP 26.06 and 24.10: "packet-generator mac-filter: specify interface"
    for (const release of ['26.06', '24.10'] as const) {
      for (const line of ['packet-generator mac-filter enable', 'packet-generator mac-filter off', 'packet-generator mac-filter { on }']) {
        assert.deepEqual(errorsOn(line, release), ['packet-generator mac-filter'], `${release}: ${line}`);
      }
    }
    // VPP 26.06 accepted `packet-generator mac-filter loop0` and `... loop0 enable`
    assert.deepEqual(errorsOn('packet-generator mac-filter loop0 enable'), []);
  });

  it('reads an MPLS label as a number or a reserved label name, as unformat_mpls_unicast_label does', () => {
    // VPP 24.10 and 26.06 refused `sr mpls policy add bsid ref0` ("No SR policy BSID or index specified")
    for (const release of ['26.06', '24.10'] as const) {
      // the loop stops at `bsid ref0`, which no branch reads, and the BSID stays unset
      assert.ok(errorsOn('sr mpls policy add bsid ref0', release).includes('bsid'), release);
      for (const label of ['16', 'implicit-null', 'e-nul', '1048575']) assert.deepEqual(errorsOn(`sr mpls policy add bsid ${label}`, release), [], `${release}: ${label}`);
    }
  });

  it('reads the bfd commands\' mandatory parameters from their X-macro lists, per release', () => {
    // bfd_cli.c: CHECK_MANDATORY, "Required parameter `interface' missing." (VPP 24.10, `bfd udp session
    // add desired-min-tx 1`); from 25.02 the interface is optional (multihop sessions)
    assert.ok(errorsOn('bfd udp session add desired-min-tx 1', '24.10').length > 0);
    const full = 'bfd udp session add interface loop0 local-addr 10.9.0.1 peer-addr 10.9.0.2 desired-min-tx 1 required-min-rx 1 detect-mult 3';
    assert.deepEqual(errorsOn(full, '24.10'), []);
    assert.deepEqual(errorsOn(full.replace('interface loop0 ', 'multihop '), '26.06'), []);
    assert.ok(errorsOn(full.replace(' detect-mult 3', ''), '26.06').length > 0);
  });

  it('reads `verbose %=` as the word alone before 26.02, and as the word with an optional number from 26.02 on', () => {
    // src/vppinfra/unformat.c: `%=` takes a `%u` after the word only from 26.02 (`non_default_value`).
    // VPP 24.10 ran the `0` of `show clock verbose 0` as a command ("unknown input `0'"); VPP 26.06
    // accepted `show clock verbose 1024`
    assert.ok(errorsOn('show clock verbose 0', '24.10').includes('0'));
    assert.deepEqual(errorsOn('show clock verbose', '24.10'), []);
    assert.deepEqual(errorsOn('show clock verbose 1024', '26.06'), []);
  });

  it('reads a bitmap list or ACL table types over as many words as fit, and the word after them as the next', () => {
    // unformat_bitmap_list reads numbers and ranges word after word, unformat_acl_type ip4/ip6/l2: VPP
    // 24.10 and 26.06 refused `set nat workers 0-3 bogus-option` ("unknown input 'bogus-option'") and
    // `show inacl type ip4 bogus-option` (the word runs as a command: "unknown input `bogus-option'")
    for (const release of ['26.06', '24.10'] as const) {
      assert.ok(errorsOn('set nat workers 0-3 bogus-option', release).includes('bogus-option'), release);
      assert.ok(errorsOn('show inacl type ip4 bogus-option', release).includes('bogus-option'), release);
      assert.ok(errorsOn('set nat workers ref', release).includes('ref'), release);
      assert.deepEqual(errorsOn('set nat workers 0-3', release), [], release);
      assert.deepEqual(errorsOn('set nat workers 0 2', release), [], release);
      assert.deepEqual(errorsOn('show inacl type ip4 l2', release), [], release);
    }
  });

  it('reads digits, a dot and a digit as no interface name (unformat_vnet_sw_interface reads `N.M` as a sub-interface)', () => {
    // VPP 26.06 refused these with a loopback renamed `10.9.0` (`set interface name loop1 10.9.0`):
    // "unknown input: 'external 10.9.0'", "unknown input '10.9.0'", "ip container: unknown input ''"
    for (const line of ['nat44 add static mapping external 10.9.0', 'ipsec tunnel protect 10.9.0', 'ip container 10.9.0', 'ip container 10.9.0.256']) {
      assert.ok(errorsOn(line).includes('10.9.0' + (line.endsWith('256') ? '.256' : '')), line);
    }
    // a sub-interface name keeps its dot: VPP reads `loop0.100` as sub-interface 100 of loop0
    assert.deepEqual(errorsOn('ipsec tunnel protect loop0.100 sa-in 1 sa-out 2'), []);
  });

  it('keeps an error kept in a variable when a later check only writes other errors into it', () => {
    // vrrp_vr_add_del_command_fn: `if (sw_if_index == ~0) ret = clib_error_return (...)`, then under
    // `if (is_add)` only more errors into `ret`, then `if (ret) goto done;`. VPP 26.06 refused these in
    // a `{ }` block, where the rest after `vr_id` is dropped: "Please specify an interface..."
    for (const line of ['vrrp vr add { vr_id abc }', 'vrrp vr add { vr_id }', 'vrrp vr del { vr_id -1 }']) {
      assert.ok(errorsOn(line).includes(line.split(' {')[0]), line);
    }
    assert.deepEqual(errorsOn('vrrp vr add loop0 vr_id 1'), []);
  });

  it('reads the error a function returns before it reads a word (a check of state, not of the line)', () => {
    const text = `static clib_error_t *
iface_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  unformat_input_t _line_input, *line_input = &_line_input;
  if (vnet_lisp_gpe_enable_disable_status () == 0)
    {
      return clib_error_return (0, "LISP is disabled");
    }
  if (!unformat_user (input, unformat_line_input, line_input))
    return 0;
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (line_input, "vni %d", &vni))
        ;
      else
        return clib_error_return (0, "parse error");
    }
  if (!vni)
    return clib_error_return (0, "vni must be set!");
  return 0;
}
VLIB_CLI_COMMAND (iface_cmd, static) = { .path = "test iface", .function = iface_fn };
`;
    const [found] = readCliFile(text);
    assert.equal(found.reading.refusesBeforeReading, 'LISP is disabled');
    // a check after the first read is of the line, not of state
    assert.equal(readCliFile(text.replace(/  if \(vnet_lisp[\s\S]*?\}\n/, '')).at(0)?.reading.refusesBeforeReading, undefined);
  });

  it('counts a refusal the command above answered, after the command failed its check of state, as the state\'s', () => {
    // VPP 24.10: `session rule` returned "session rule table engine is not enabled" before reading,
    // and `session` then refused the words; LISP was disabled for `gpe iface` in 24.10 and 26.06
    const session: RecordedCase = { line: 'session rule del', family: 'other', verdict: 'parse', message: "session: unknown input `del'", rest: 'del' };
    assert.equal(reread(session, '24.10').verdict, 'state');
    assert.equal(judge(session, '24.10').agree, undefined);
    const gpe: RecordedCase = { line: 'gpe iface vni 1 vrf 1', family: 'other', verdict: 'parse', message: "gpe: parse error: 'vni 1 vrf 1'" };
    assert.equal(reread(gpe, '26.06').verdict, 'state');
    // the command's own refusal stays the parser's
    const own: RecordedCase = { line: 'vrrp vr add { vr_id abc }', family: 'other', verdict: 'parse', message: 'vrrp vr add: Please specify an interface...' };
    assert.equal(reread(own, '26.06').verdict, 'parse');
  });

  it('counts a refusal at a name VPP looks up among those made at run time as the state\'s, not the parser\'s', () => {
    // unformat_vlib_node found no graph node `ref0` in VPP 26.06: "parse error `node ref0 sp-ip4-reassembly'"
    const node: RecordedCase = { line: 'set sfdp sp-node tenant 1 node ref0 sp-ip4-reassembly', family: 'other', verdict: 'parse', message: "set sfdp sp-node: parse error `node ref0 sp-ip4-reassembly'" };
    assert.equal(reread(node, '26.06').verdict, 'state');
    // a packet-generator stream VPP had none of, in 24.10 and 26.06
    for (const release of ['24.10', '26.06'] as const) {
      const stream: RecordedCase = { line: 'packet-generator enable-stream ref0', family: 'other', verdict: 'parse', message: "packet-generator enable-stream: unknown input `ref0'", rest: 'ref0' };
      assert.equal(reread(stream, release).verdict, 'state', release);
    }
    // the keyword without its name is the line's own fault: "parse error `node'"
    const bare: RecordedCase = { line: 'set sfdp sp-node tenant 1 sp-ip4-reassembly node', family: 'other', verdict: 'parse', message: "set sfdp sp-node: parse error `node'" };
    assert.equal(reread(bare, '26.06').verdict, 'parse');
    assert.deepEqual(errorsOn(bare.line), ['node']);
    // and a misspelt keyword stays the parser's
    const typo: RecordedCase = { line: 'set sfdp sp-node tenant 1 sp-ip4-reassembly ndoe ref0', family: 'other', verdict: 'parse', message: "set sfdp sp-node: parse error `ndoe ref0'" };
    assert.equal(reread(typo, '26.06').verdict, 'parse');
  });

  it('counts a refusal after the loop at a name VPP looks up among run-time registrations as the state\'s', () => {
    // VPP 26.06 refused each with `ref0` and accepted the same line with a registered name:
    // `set interface hw-class loop0 Ethernet` (unformat_hash_string over hw_interface_class_by_name),
    // `set interface feature loop0 ip4-rx-urpf-loose arc ip4-unicast` (vnet_get_feature_arc_index,
    // vnet_get_feature_reg), `set interface tx-hash loop0 hash-name hash-eth-l34` (vnet_hash_function_from_name)
    const refused: [string, string][] = [
      ['set interface hw-class loop0 ref0', "set interface hw-class: unknown hardware class `'"],
      ['set in hw loop0 ref0', "set interface hw-class: unknown hardware class `'"],
      ['set interface feature loop0 ref0 arc ref0', 'set interface feature: Unknown arc name (ref0)...'],
      ['set interface feature loop0 ref0 arc ip4-unicast', "set interface feature: Feature (ref0) not registered to arc (ip4-unicast)... See 'show features verbose' for valid feature/arc combinations."],
      ['set interface tx-hash loop0 hash-name ref0', 'set interface tx-hash: please specify valid hash name'],
      ['set in tx-h loop0 hash-name ref0', 'set interface tx-hash: please specify valid hash name'],
    ];
    for (const release of ['24.10', '26.06'] as const) {
      for (const [line, message] of refused) {
        assert.equal(reread({ line, family: 'interfaces', verdict: 'parse', message }, release).verdict, 'state', `${release}: ${line}`);
        assert.deepEqual(errorsOn(line, release), [], `${release}: ${line}`);
      }
    }
    for (const line of ['set interface hw-class loop0 Ethernet', 'set interface feature loop0 ip4-rx-urpf-loose arc ip4-unicast', 'set interface tx-hash loop0 hash-name hash-eth-l34']) {
      assert.deepEqual(errorsOn(line), [], line);
    }
    // the reader marks a `%s` the checks after the loop hand to a run-time lookup (feature.c, 26.06)
    const feature = readCliFile(`
static clib_error_t *
feature_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  u8 *arc_name = 0, *feature_name = 0;
  u32 sw_if_index = ~0;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "%U %s arc %s", unformat_vnet_sw_interface, vnm, &sw_if_index, &feature_name, &arc_name))
        ;
      else
        return clib_error_return (0, "parse error");
    }
  if (vnet_get_feature_arc_index ((const char *) arc_name) == (u8) ~0)
    return clib_error_return (0, "Unknown arc name (%s)... ", arc_name);
  if (vnet_get_feature_reg ((const char *) arc_name, (const char *) feature_name) == 0)
    return clib_error_return (0, "Feature not registered");
  return 0;
}
VLIB_CLI_COMMAND (feature_cmd, static) = { .path = "test feature", .function = feature_fn };
`)[0];
    assert.deepEqual(feature.reading.args[0].values?.map((v) => v.lookup), [undefined, 'feature', undefined, 'feature arc']);
    // without the looked-up word the refusal stays the line's: "unknown hardware interface `'"
    const bare: RecordedCase = { line: 'set interface hw-class', family: 'interfaces', verdict: 'parse', message: "set interface hw-class: unknown hardware interface `'" };
    assert.equal(reread(bare, '26.06').verdict, 'parse');
    // as does a word after the name that VPP quotes: "parse error: 'bogus-option'"
    const extra: RecordedCase = { line: 'set interface tx-hash loop0 hash-name ref0 bogus-option', family: 'interfaces', verdict: 'parse', message: "set interface tx-hash: parse error: 'bogus-option'", rest: 'bogus-option' };
    assert.equal(reread(extra, '26.06').verdict, 'parse');
  });

  it('checks an ethertype against the fixed table of types.def, not as a name of run-time state', () => {
    // unformat_ethernet_type_host_byte_order: `0x%x`, `%d`, or a name ethernet_init added from
    // types.def alone, as written or upper-cased. VPP 26.06 refused `lcp ethertype enable ref0`
    // ("Invalid ethertype") and read `arp`, `ARP` and `0x806` (then "Failed to enable ethertype (-31)",
    // the plugin's own refusal of a type VPP handles itself), and `802_1_LLDP` as the number 802
    // ("Failed to enable ethertype (-7)")
    assert.deepEqual(errorsOn('lcp ethertype enable ref0'), ['ref0', 'lcp ethertype enable']);
    assert.deepEqual(errorsOn('lcp ethertype enable { ref0 }'), ['ref0', 'lcp ethertype enable']);
    // `%d` read 70000, too big: "Invalid ethertype"
    assert.deepEqual(errorsOn('lcp ethertype enable 70000'), ['70000', 'lcp ethertype enable']);
    for (const line of ['lcp ethertype enable arp', 'lcp ethertype enable ARP', 'lcp ethertype enable 0x806', 'lcp ethertype enable 0x88cc', 'lcp ethertype enable 802_1_LLDP']) {
      assert.deepEqual(errorsOn(line), [], line);
    }
  });

  it('takes a branch that writes back the value a variable starts with (`add` of `is_del = 0`) as giving nothing', () => {
    // udp_encap_cli: `if (!is_del && fproto != FIB_PROTOCOL_MAX) ... else if (is_del) ... else error`;
    // VPP 24.10 and 26.06 refused `udp encap add`: "specify some IP addresses"
    for (const release of ['24.10', '26.06'] as const) {
      assert.deepEqual(errorsOn('udp encap add', release), ['udp encap'], release);
      assert.deepEqual(errorsOn('udp encap { add }', release), ['udp encap'], release);
    }
    // the addresses, or `del`, satisfy it (VPP 26.06 refused `udp encap del` only for its missing index)
    assert.deepEqual(errorsOn('udp encap add 10.9.0.1 10.9.0.2'), []);
  });

  it('reads the checks an arm of an `if` starts with: `del` without the id or index VPP needs', () => {
    // vnet_ip_table_cmd (lookup.c) and udp_encap_cli (udp_encap.c), 24.02 to 26.06; VPP 26.06 answered
    // "No table id" and "specify udp-encap object index" to these, and accepted the others
    for (const line of ['ip table del', 'ip table del -1', 'ip6 table del', 'udp encap del', 'udp encap del 10.9.0.1 10.9.0.2']) {
      assert.deepEqual(errorsOn(line), [line.split(' del')[0]], line);
    }
    for (const line of ['ip table del 5', 'ip table del add', 'ip6 table del 7', 'udp encap 10.9.0.1 10.9.0.2 1 2']) assert.deepEqual(errorsOn(line), [], line);
    // the last of `add` and `del` given decides: VPP refused `ip table add del` and `udp encap add del`,
    // accepted `ip table del add`, and refused `udp encap del add` for want of addresses (not claimed)
    assert.deepEqual(errorsOn('ip table add del'), ['ip table']);
    assert.deepEqual(errorsOn('udp encap add del'), ['udp encap']);
    assert.deepEqual(errorsOn('udp encap del add'), []);
    // a 0 refused after the loop counts only as the last value: VPP 26.06 accepted `ip table 0 5`
    assert.deepEqual(errorsOn('ip table 0 5'), []);
    // ip_source_and_port_range_check_command_fn: `if (ip_ver == 4) ... else return clib_error_return (0, " IPv6 in
    // subsequent patch")`, ip_ver set by the prefix read last (VPP 26.06 refused the first two, accepted the others)
    assert.equal(errorsOn('set ip source-and-port-range-check 10.9.0.1/24 vrf 1 port 1 vrf 1 2001:db8:9::1/64').length, 1);
    assert.equal(errorsOn('set ip source-and-port-range-check 2001:db8:9::1/64 vrf 1 port 1').length, 1);
    assert.deepEqual(errorsOn('set ip source-and-port-range-check 2001:db8:9::1/64 vrf 1 port 1 10.9.0.1/24'), []);
    assert.deepEqual(errorsOn('set ip source-and-port-range-check 10.9.0.1/24 vrf 1 port 1'), []);
    // mpls local-label: "no paths" without a prefix or a path; nat64 add static bib: "inside port and
    // address  must be set"; set interface tcp-mss-clamp: `ip4-mss -1` is ~0, "Please specify the Max Segment Size for ip4"
    assert.deepEqual(errorsOn('mpls local-label 33'), ['mpls local-label']);
    assert.deepEqual(errorsOn('mpls local-label 33 10.9.0.0/24'), []);
    assert.deepEqual(errorsOn('nat64 add static bib 10.9.0.1 1'), ['nat64 add static bib']);
  });

  it('a number `%d` reads into a u8 counts as not given when it fits: it writes only zeros past it (set_ioam_tunnel_select_command_fn)', () => {
    // VPP 26.06: "SRv6 LocalSID address is mandatory to receive response." for 0, 1 and 255; 256 and -1
    // leave a byte past it non-zero and were accepted, as was `wait_for_responses 1 disable`
    for (const n of ['0', '1', '255']) {
      assert.deepEqual(errorsOn(`set ioam ip6 sr-tunnel-select wait_for_responses ${n}`), ['set ioam ip6 sr-tunnel-select'], n);
    }
    for (const line of ['set ioam ip6 sr-tunnel-select wait_for_responses 256', 'set ioam ip6 sr-tunnel-select wait_for_responses -1', 'set ioam ip6 sr-tunnel-select wait_for_responses 1 disable']) {
      assert.deepEqual(errorsOn(line), [], line);
    }
    // VPP also refused `disable wait_for_responses 1` (the zeros cleared `is_disable`): which byte lies past is the compiler's, so not claimed
    assert.deepEqual(errorsOn('set ioam ip6 sr-tunnel-select disable wait_for_responses 1'), []);
    // create nsh entry's `ttl %d` into a u8: "nsp not specified", "nsi not specified"
    assert.deepEqual(errorsOn('create nsh entry nsp 1 ttl 1'), ['create nsh entry']);
    assert.deepEqual(errorsOn('create nsh entry nsp 1 nsi 1 ttl 1'), []);
  });

  it('reads a helper\'s checks in an arm (dhcp4_proxy_set_server), a counter as given, and an address tested for zeros', () => {
    // VPP 26.06: "Invalid server address" / "Invalid src address" for `del` without either; both accepted
    assert.deepEqual(errorsOn('set dhcp proxy delete'), ['set dhcp proxy', 'set dhcp proxy']);
    assert.deepEqual(errorsOn('set dhcp proxy del server 10.9.0.1'), ['set dhcp proxy']);
    assert.deepEqual(errorsOn('set dhcp proxy del src-address 10.9.0.2'), ['set dhcp proxy']);
    assert.deepEqual(errorsOn('set dhcp proxy del server 10.9.0.1 src-address 10.9.0.2'), []);
    // vrrp_peers_command_fn: `n_addrs4 && (n_addrs6 || is_ipv6)`, "Mismatched address families"; one family
    // alone got past it to a check of state ("vrrp_vr_set_peers returned -6")
    assert.equal(errorsOn('vrrp peers loop0 vr_id 1 ipv6 10.9.0.1').length, 1);
    assert.equal(errorsOn('vrrp peers loop0 vr_id 1 10.9.0.1 2001:db8:9::1').length, 1);
    assert.deepEqual(errorsOn('vrrp peers loop0 vr_id 1 10.9.0.1'), []);
    assert.deepEqual(errorsOn('vrrp peers loop0 vr_id 1 ipv6 2001:db8:9::1'), []);
    // set_ipfix_exporter_command_fn: `!ip_address_is_zero (&collector) && ip_address_is_zero (&src)`,
    // "src address required"; `collector 0.0.0.0` (which disables the exporter) and both given accepted
    assert.deepEqual(errorsOn('set ipfix exporter collector 10.9.0.1'), ['set ipfix exporter']);
    assert.deepEqual(errorsOn('set ipfix exporter collector 10.9.0.1 src 0.0.0.0'), ['set ipfix exporter']);
    assert.deepEqual(errorsOn('set ipfix exporter collector 0.0.0.0'), []);
    assert.deepEqual(errorsOn('set ipfix exporter collector 10.9.0.1 src 10.9.0.2'), []);
  });
});

describe('referee, startup.conf: keys VPP reads only as part of a longer literal or with a block', () => {
  const startupErrors = (text: string, release: '26.06' | '24.10') => errorsOf(lintStartup(`${text}\n`, { release }));

  it('reads `rt-backend` only in `enable rt-backend rule-table|sdl` (session_config_fn, 24.10 on)', () => {
    // VPP 26.06 and 24.10: "session_config_fn: unknown input ` rt-backend rule-table'"
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(startupErrors('session { rt-backend rule-table }', release), ['error vpp.unknown-parameter [rt-backend]'], release);
      for (const ok of ['session { enable rt-backend rule-table }', 'session { enable rt-backend sdl }', 'session { enable }']) assert.deepEqual(startupErrors(ok, release), [], `${release}: ${ok}`);
    }
  });

  it('reads an engine name only with its block (crypto_engines_config: `%s %U`, unformat_vlib_cli_sub_input)', () => {
    // VPP 26.06: "crypto_engines_config: unknown input ' bogus-param'"
    assert.deepEqual(startupErrors('crypto-engines { bogus-param }', '26.06'), ['error vpp.unknown-parameter [bogus-param]']);
    assert.deepEqual(startupErrors('crypto-engines { openssl { enable } default { disable } }', '26.06'), []);
  });
});
