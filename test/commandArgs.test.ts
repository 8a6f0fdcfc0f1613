import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFor } from '../server/src/schema/index';
import { RELEASES } from '../server/src/schema/types';
import { described, lintScript } from './lintHelpers';

/**
 * The arguments of commands read from VPP's parsers (data/command-args.json), family by family: a
 * line VPP accepts gets nothing, a line VPP refuses gets an error on the word VPP stops at. Each
 * case names the parser it follows; the words and value kinds come from that parser, not from us.
 */

/** [line, diagnostics as `severity code [text]`]. */
type Case = [string, string[]];

const FAMILIES: Record<string, Case[]> = {
  // set_interface_rx_placement (interface_cli.c), ip4_table_bind_cmd (lookup.c): a fixed sequence
  interfaces: [
    ['set interface rx-placement loop0 queue 0 worker 1', []],
    ['set interface rx-placement loop0 queue zero worker 1', ['error vpp.invalid-value [zero]']],
    ['set interface rx-placement loop0 worker 1 queue 0 main', []],
    // create_pg_if_cmd_fn: `pg%u` is one word; `gso-enabled` must be followed by `gso-size %u`
    ['create packet-generator interface pg1 gso-enabled gso-size 1500', []],
    ['create packet-generator interface pg1 gso-enabled', ['error vpp.missing-value [gso-enabled]']],
    ['create packet-generator interface eth1', ['error vpp.unknown-option [eth1]']],
  ],
  routing: [
    ['set interface ip table loop0 10', []],
    // `if (unformat (input, "%d", &table_id)) ; else return clib_error_return (0, "expected table id ...")`
    // VPP 26.06: "set interface ip table: expected table id `ten'"
    ['set interface ip table loop0 ten', ['error vpp.missing-required [set interface ip table]', 'error vpp.unknown-option [ten]']],
    ['set ip neighbor loop0 10.0.0.2 de:ad:be:ef:00:01 static', []],
    // unformat_mac_address_t also reads three dotted groups
    ['set ip neighbor loop0 10.0.0.2 4.5.6', []],
    // ip_neighbor_cmd ends its loop with `else break` on VPP's input, not a line of its own: what it
    // left is dispatched as the next command, and VPP 26.06 said "unknown input `statik'"
    ['set ip neighbor loop0 10.0.0.2 de:ad:be:ef:00:01 statik', ['error vpp.unknown-option [statik]']],
  ],
  // add_address_command_fn, snat_feature_command_fn (nat44_ed_cli.c)
  NAT: [
    ['nat44 add address 172.16.1.3', []],
    // `%U - %U`: VPP skips blanks between the elements, so the range may be written either way
    ['nat44 add address 172.16.1.3 - 172.16.1.10 tenant-vrf 2', []],
    ['nat44 add address 172.16.1.3-172.16.1.10', []],
    // written as one word, each part keeps its kind: VPP answered "unknown input `10.9.0.1-10.9.0'" and "`ref0'"
    ['nat44 add address 10.9.0.1-10.9.0', ['error vpp.unknown-option [10.9.0.1-10.9.0]']],
    ['nat44 add address ref0', ['error vpp.unknown-option [ref0]']],
    ['nat44 add address 172.16.1.3 tenant-vrf blue', ['error vpp.invalid-value [blue]']],
    ['set interface nat44 in loop0 out loop1', []],
    // `in %U` matches the `in` of `inside`, then finds no interface `side`: no branch reads the line,
    // and the loop's "unknown input" returns before the check of a bare line
    ['set interface nat44 inside loop0', ['error vpp.unknown-option [inside]']],
  ],
  // acl_set_aclplugin_interface_fn (acl.c): its loop breaks on an unknown word
  ACL: [
    ['set acl-plugin interface loop0 input acl 1', []],
    // VPP 26.06 accepted it without a word: when `set acl-plugin interface` fails ("invalid acl": it
    // stops at `acl one`), `set acl-plugin` runs on the rest; so the missing `acl` is a warning too
    ['set acl-plugin interface loop0 input acl one', ['warning vpp.ignored-input [set acl-plugin interface]', 'warning vpp.ignored-input [acl]']],
    ['set acl-plugin interface loop0 output acl 2 del', []],
    // an unknown word here could be an interface name (`%U`), which only the running VPP knows: no finding
    ['set acl-plugin interface loop0 inptu acl 1', []],
  ],
  // ipsec_spd_add_del_command_fn, ipsec_policy_add_del_command_fn (ipsec_cli.c),
  // ikev2_profile_add_del_command_fn (ikev2_cli.c)
  'IPsec/IKEv2': [
    ['ipsec spd add 1', []],
    ['ipsec policy add spd 1 priority 10 outbound action protect sa 1 local-ip-range 10.0.0.1 - 10.0.0.9', []],
    ['ipsec policy add spd 1 priority 10 outbound action protect sa 1 local-ip-range 10.0.0.1-10.0.0.9', []],
    ['ipsec policy add spd 1 priority 10 outbound action protekt sa 1', ['error vpp.invalid-value [protekt]']],
    ['ikev2 profile add pr1', []],
    ['ikev2 profile set pr1 auth shared-key-mic string Vpp123', []],
    // the blanks are optional around the `-` of ip-range and written out in port-range
    ['ikev2 profile set pr1 traffic-selector remote ip-range 0.0.0.0-255.255.255.255 port-range 0 - 65535 protocol 0', []],
    ['ikev2 profile set pr1 auth shared-key-mic strng Vpp123', ['error vpp.invalid-value [strng]']],
  ],
  // vxlan_add_del_tunnel_command_fn (vxlan.c), whose decap-next reads `l2`, `node <name>` or a
  // number (unformat_decap_next); vxlan_gpe_add_del_tunnel_command_fn, with `vni not specified` after the loop
  tunnels: [
    ['create vxlan tunnel src 10.0.0.1 dst 10.0.0.2 vni 5 decap-next node l2-input', []],
    ['create vxlan tunnel src 10.0.0.1 dst 10.0.0.2 vni 5 decap-next 1', []],
    ['create vxlan tunnel src 10.0.0.1 dst 10.0.0.2 vni abc', ['error vpp.invalid-value [abc]']],
    ['create vxlan-gpe tunnel local 10.0.0.1 remote 10.0.0.2 vni 5 next-ip4', []],
    ['create vxlan-gpe tunnel local 10.0.0.1 remote 10.0.0.2 vni five', ['error vpp.invalid-value [five]']],
    ['create vxlan-gpe tunnel local 10.0.0.1 remote 10.0.0.2 vni 5 next-protocol ip4', ['error vpp.unknown-option [next-protocol]']],
    ['create vxlan-gpe tunnel local 10.0.0.1 remote 10.0.0.2', ['error vpp.missing-required [create vxlan-gpe tunnel]']],
  ],
  // bond_create_command_fn, add_member_interface_command_fn (bonding/cli.c); the modes and
  // load-balance words come from unformat_bond_mode / unformat_bond_load_balance (node.h X-macros)
  bonding: [
    ['create bond mode lacp load-balance l34 id 5', []],
    ['create bond mode lacp load-balance l23 hw-addr 02:00:00:00:00:01', []],
    // `load-balance` must be followed by l2, l23 or l34
    ['create bond mode lacp load-balance id 5', ['error vpp.invalid-value [id]', 'error vpp.unknown-option [5]']],
    // `if (mode_is_set == 0) return clib_error_return (0, "Missing bond mode")`
    ['create bond id 5', ['error vpp.missing-required [create bond]']],
    ['bond add BondEthernet0 loop0 passive', []],
    ['bond add BondEthernet0 loop0 pasive', ['error vpp.unknown-option [pasive]']],
  ],
  // cli_add_trace_buffer, cli_filter_trace (trace.c)
  // the checks after the parse loop (sourceReader/requiredAfterLoop.ts); the refused lines are VPP 26.06's
  'after the loop': [
    // "tunnel src address not specified" (and dst, vni, checked after it)
    ['create vxlan tunnel del', ['error vpp.missing-required [create vxlan tunnel]', 'error vpp.missing-required [create vxlan tunnel]', 'error vpp.missing-required [create vxlan tunnel]']],
    ['create vxlan tunnel src 10.9.0.1 dst 10.9.0.2 vni 1', []],
    // `src_set == 0 && opn == GTPU_ADD_TUNNEL`: "tunnel src address not specified", unless `del`
    ['create gtpu tunnel teid 1 dst 10.9.0.1', ['error vpp.missing-required [create gtpu tunnel]']],
    ['create gtpu tunnel teid 1 dst 10.9.0.1 del', []],
    // `ip46_address_is_equal (&src, &dst)`: "src and dst are identical"
    ['create gre tunnel src 10.9.0.1 dst 10.9.0.1', ['error vpp.conflicting-options [dst 10.9.0.1]']],
    ['create gre tunnel src 10.9.0.1 dst 10.9.0.2', []],
    // `num_m_args < 3`: "mandatory argument(s) missing"
    ['map add domain ip4-pfx 10.9.0.1/24', ['error vpp.missing-required [map add domain]']],
    ['map add domain ip4-pfx 10.9.0.1/24 ip6-pfx 2001:db8:9::1/64 ip6-src 2001:db8:9::1/64', []],
    // `is_add == is_del`: "One of add,delete must be specified"
    ['vrrp vr track-if loop0 vr_id 1 add del', ['error vpp.conflicting-options [del]']],
    // `vec_len (args) == 0 && all`: "missing cipher or engine!"
    ['set crypto handler all', ['error vpp.missing-required [set crypto handler]']],
    ['set crypto handler aes-128-gcm openssl', []],
    // `l_port_set != e_port_set`: "Either both ports are set or none."
    ['nat44 add static mapping local 10.9.0.1 1', ['error vpp.missing-required [nat44 add static mapping]']],
    ['nat44 add static mapping local 10.9.0.1 1 external 10.9.0.2 2', []],
    // `ipv4_set && memcmp (&local.ip4, &remote.ip4, ...) == 0`: "src and remote addresses are identical"
    ['create vxlan-gpe tunnel local 10.9.0.1 remote 10.9.0.1 vni 1', ['error vpp.conflicting-options [remote 10.9.0.1]']],
    ['create vxlan-gpe tunnel local 10.9.0.1 remote 10.9.0.2 vni 1', []],
    // after `if (is_flush) { ...; return NULL; }`: "specify interface, IP address and MAC", unless `flush`
    ['set ip neighbor', ['error vpp.missing-required [set ip neighbor]']],
    ['set ip neighbor flush', []],
    // `enable && port == 0`, `enable` set to 1 before the loop: "Please specify a port..."
    ['udp-echo clone 1', ['error vpp.missing-required [udp-echo]']],
    ['udp-echo port 7', []],
    ['udp-echo disable', []],
    // VPP accepted it: when `dns name-server` fails ("Only one server address configed"), `dns` runs on nothing
    ['dns name-server 2001:db8:9::1 10.9.0.1 del', ['warning vpp.ignored-input [10.9.0.1]']],
  ],
  tracing: [
    ['trace add dpdk-input 100', []],
    ['trace add dpdk-input 100 verbose', []],
    ['trace add dpdk-input lots', ['error vpp.unknown-option [dpdk-input]']],
    ['trace filter include ip4-input 10', []],
    // VPP 26.06: "trace filter: expected 'include NODE COUNT' ..., got `inclde ip4-input 10'"
    ['trace filter inclde ip4-input 10', ['error vpp.missing-required [trace filter]', 'error vpp.unknown-option [inclde]']],
  ],
  // loops VPP writes besides one chain: nat44_ed_enable_disable_command_fn (a guard reading enable |
  // disable), session_enable_disable_fn and sw_scheduler_set_worker_crypto (reads nested after a
  // keyword), create_simulated_ethernet_interfaces (two chains in a row), ip4_punt_redirect_cmd (a
  // route path), lb_vip_command_fn (a prefix read before the loop), nat64 (optional reads after
  // enable), l2_bvi_create_cli (a loop run only when the line has words), lisp (a final else that
  // prints and leaves), vxlan_offload_command_fn (branches that continue)
  'loop shapes': [
    ['nat44 plugin enable sessions 1000', []],
    // "unknown input 'sesions 10'": the guard read `enable`, the next pass finds no branch
    ['nat44 plugin enable sesions 10', ['error vpp.unknown-option [sesions]']],
    // "expected enable | disable"
    ['nat44 plugin sessions 10', ['error vpp.missing-required [nat44 plugin]']],
    ['session enable rt-backend sdl', []],
    ['set sw_scheduler worker 1 crypto on', []],
    ['set sw_scheduler worker 1 crypto maybe', ['error vpp.invalid-value [maybe]']],
    ['create loopback interface instance 5 mac 02:00:00:00:00:01', []],
    // the path reads to the end of the line: `rx` is no path word (nor, here, an interface), so
    // unformat_fib_route_path fails and with it the `via` (routePath.ts); before the path it is read
    ['ip punt redirect via 10.0.0.1 loop1 rx loop0', ['error vpp.unknown-option [rx]']],
    ['ip punt redirect rx loop0 via 10.0.0.1 loop1', []],
    ['ip punt redirect add rxx loop0', ['error vpp.unknown-option [rxx]']],
    ['lb vip 2001:db8::/64 encap gre6 new_len 1024', []],
    // "invalid vip prefix": unformat_ip46_prefix needs the length
    ['lb vip 10.0.0.1 encap gre4', ['error vpp.missing-required [lb vip]', 'error vpp.unknown-option [10.0.0.1]']],
    ['nat64 plugin enable bib-buckets 1024 st-memory 100', []],
    ['bvi create instance three', ['error vpp.invalid-value [three]']],
    // VPP prints "parse error" and does nothing, but returns no error: exec goes on
    ['lisp map-register enabel', ['warning vpp.ignored-input [enabel]']],
    ['set flow-offload vxlan hw loop0', ['error vpp.missing-required [set flow-offload vxlan]']],
    // bfd_cli_udp_session_del: its parameter list (an X-macro) has no detect-mult: "Unknown input `detect-mult 3'"
    ['bfd udp session add interface loop0 local-addr 10.0.0.1 peer-addr 10.0.0.2 desired-min-tx 100000 required-min-rx 100000 detect-mult 3', []],
    ['bfd udp session del interface loop0 local-addr 10.0.0.1 peer-addr 10.0.0.2 detect-mult 3', ['error vpp.unknown-option [detect-mult]']],
    // unformat_bitmap_list reads a number from each word as long as there are numbers
    ['set interface handoff loop0 workers 1 2 3', []],
    ['show inacl type ip4 ip6', []],
    ['ila entry direction bidir csum-mode bogus', ['error vpp.invalid-value [bogus]']],
    // the end-of-input tests beside its reads: "You must specify a bridge domain"
    ['set bridge-domain rewrite 10 disable', []],
    ['set bridge-domain rewrite', ['error vpp.missing-required [set bridge-domain rewrite]']],
    ['set sr encaps hop-limit', ['error vpp.missing-required [set sr encaps hop-limit]']],
    // the line is taken and freed unread
    ['show crypto engines verbose', ['warning vpp.ignored-input [verbose]']],
    // `input` only in a string / cast to void: the words are run as the next command
    ['show snort interfaces foo', ['error vpp.unknown-option [foo]']],
    ['test sfdp expiry enable now', ['error vpp.unknown-option [now]']],
    // npol members: a prefix, an address or `PROTO ADDRESS PORT`, again and again
    ['npol ipset add member id 1 10.0.0.0/24 tcp 10.0.0.2 8080', []],
    ['event-logger save trace.elog', []],
    // quic_cli.c: "unknown input" for any line at all
    ['show quic foo', ['error vpp.unknown-option [foo]']],
  ],
};

/** The lines of a family with the interface hint off: these commands use interfaces made elsewhere. */
function diagnosticsOf(line: string): string[] {
  return described(lintScript(`${line}\n`)).filter((d) => !d.includes('vpp.undefined-interface'));
}

describe('command arguments read from VPP parsers', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    it(`${family}: lines VPP accepts pass, lines it refuses are flagged on the word it stops at`, () => {
      for (const [line, expected] of cases) assert.deepEqual(diagnosticsOf(line), expected, line);
    });
  }

  it('keeps the hand-written commands where they exist', () => {
    const tap = schemaFor('26.06').commands.get('create tap')!;
    assert.equal(tap.source, undefined);
    assert.ok(tap.doc && tap.doc.length > 0);
  });

  it('reads each release on its own: an option a later release added is refused before it', () => {
    // proxy_server_create_command_fn gained `idle-timeout` in 25.02
    assert.deepEqual(diagnosticsOf('test proxy server idle-timeout 5 # vpp-version: 26.06').filter((d) => d.startsWith('error')), []);
    const old = described(lintScript('# vpp-version: 24.10\ntest proxy server idle-timeout 5\n'));
    assert.ok(old.some((d) => d.startsWith('error') && d.includes('[idle-timeout]')), old.join('; '));
  });

  it('prints how many command paths are strict per release, and the share of corpus command lines checked strictly', function () {
    const perRelease = RELEASES.map((r) => {
      const commands = [...schemaFor(r).commands.values()];
      return `${r}: ${commands.filter((c) => c.strict).length} of ${commands.length}`;
    });
    const strict2606 = [...schemaFor('26.06').commands.values()].filter((c) => c.strict).length;
    console.log(`      strict command paths: ${perRelease.join(', ')}`);
    assert.ok(strict2606 >= 1000, `${strict2606} strict command paths in 26.06`);
    const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'cli');
    if (!existsSync(corpus)) this.skip();
    let lines = 0;
    let strictLines = 0;
    for (const name of readdirSync(corpus)) {
      const analysis = lintScript(readFileSync(join(corpus, name), 'utf8')).analysis;
      for (const use of analysis.commands) {
        if (use.kind !== 'command' || !use.command) continue;
        lines++;
        if (use.command.strict) strictLines++;
      }
    }
    const share = (100 * strictLines) / lines;
    console.log(`      corpus command lines checked strictly: ${strictLines} of ${lines} (${share.toFixed(1)} %)`);
    assert.ok(share >= 90, `${share.toFixed(1)} %`);
  });
});
