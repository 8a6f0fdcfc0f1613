import type { ValueSpec } from '../schema/types';
import type { UnformatReading } from './formatString';

/**
 * What VPP's own `unformat_*` functions read, as one word each. A function missing here reads
 * something this reader does not model (several words, a table lookup with side rules, ...): a
 * branch that uses it leaves the command loose. Each entry was checked against the function's
 * source in src/vnet, src/vlib or src/vppinfra.
 */
export const UNFORMAT_KINDS: Readonly<Record<string, ValueSpec>> = {
  // a registered interface name; we cannot know the names, so any word fits
  unformat_vnet_sw_interface: { kind: 'interface' },
  unformat_vnet_hw_interface: { kind: 'interface' },
  unformat_ip4_address: { kind: 'ip4' },
  // a name of protocols.def (format.c): not a number
  unformat_ip_protocol: { kind: 'ip-protocol' },
  unformat_ip6_address: { kind: 'ip6' },
  unformat_ip46_address: { kind: 'ip' },
  // bfd_cli.c's wrapper of unformat_ip46_address (either family)
  bfd_cli_unformat_ip46_address: { kind: 'ip' },
  unformat_ip_address: { kind: 'ip' },
  unformat_ip_prefix: { kind: 'ip-prefix' },
  unformat_ethernet_address: { kind: 'mac' },
  unformat_mac_address: { kind: 'mac' },
  unformat_mac_address_t: { kind: 'mac' },
  unformat_vlib_pci_addr: { kind: 'pci' },
  unformat_memory_size: { kind: 'size' },
  unformat_sw_if_index: { kind: 'interface' },
  // a name looked up in a table VPP fills at run time (nodes, protocols, punt reasons): one word
  unformat_vlib_node: { kind: 'string', lookup: 'graph node' },
  unformat_punt_reason: { kind: 'string', lookup: 'punt reason' },
  unformat_transport_proto: { kind: 'string' },
  unformat_hash_vec_string: { kind: 'string', lookup: 'name' },
  unformat_hash_string: { kind: 'string', lookup: 'name' },
  // a name (`%s` / `%v`, or a registered name matched literally) looked up at run time: one word;
  // `lookup` where the table is filled at run time (perfmon's bundles depend on the CPU)
  unformat_vlib_log_class: { kind: 'string', lookup: 'log class' },
  unformat_perfmon_bundle_name: { kind: 'string', lookup: 'perfmon bundle' },
  unformat_perfmon_source_name: { kind: 'string', lookup: 'perfmon source' },
  unformat_soft_rss_type: { kind: 'string' },
  unformat_vlib_node_variant: { kind: 'string', lookup: 'node variant' },
  unformat_vlib_trace_filter_function: { kind: 'string', lookup: 'trace filter function' },
  unformat_sasc_service: { kind: 'string', lookup: 'sasc service' },
  unformat_punt_client: { kind: 'string', lookup: 'punt client' },
  unformat_vlib_log_level: { kind: 'string' },
  unformat_perfmon_active_type: { kind: 'string' },
  unformat_sfdp_timeout_name: { kind: 'string' },
  // `%U.%s`: a node name and one of its error counters, as one word (`ip4-input.drop`)
  unformat_vlib_error: { kind: 'string' },
  // one word of foreach_syslog_severity / foreach_urpf_mode (X-macros this reader does not expand)
  unformat_syslog_severity: { kind: 'string' },
  unformat_urpf_mode: { kind: 'string' },
  // a hardware interface that is an Ethernet one
  unformat_ethernet_interface: { kind: 'interface' },
  // `%U/%u` over an IPv4 (length up to 32) or IPv6 (up to 128) address (lb/util.c)
  unformat_ip46_prefix: { kind: 'ip-prefix' },
  unformat_ip_address_family: { kind: 'enum', values: ['ip4', 'ipv4', 'IP4', 'IPv4', 'ip6', 'ipv6', 'IP6', 'IPv6'] },
  // `%d`, or the name of an application attached at run time (app_main.app_by_name, application.c)
  unformat_app_index: { kind: 'string', lookup: 'application' },
  // `0x%x`, `%d`, or a name of the fixed table ethernet_init fills from types.def alone
  unformat_ethernet_type_host_byte_order: { kind: 'ethertype' },
  // `%v`, copied into a fixed array (too long a word is refused: we do not know the size)
  unformat_c_string_array: { kind: 'string' },
  // a run of token characters (`a-zA-Z0-9_` unless given)
  unformat_token: { kind: 'string' },
  unformat_ikev2_token: { kind: 'string' },
  // ikev2_format.c builds these from the foreach_ikev2_* lists with a macro: one word of the list,
  // which ikev2ListUnformat reads when the lists are at hand (a word, when not)
  unformat_ikev2_id_type: { kind: 'string' },
  unformat_ikev2_auth_method: { kind: 'string' },
  unformat_ikev2_transform_type: { kind: 'string' },
  unformat_ikev2_transform_encr_type: { kind: 'string' },
  unformat_ikev2_transform_prf_type: { kind: 'string' },
  unformat_ikev2_transform_integ_type: { kind: 'string' },
  unformat_ikev2_transform_dh_type: { kind: 'string' },
  unformat_ikev2_transform_esn_type: { kind: 'string' },
  // hex digits up to the first other character, an even count of them (vppinfra/unformat.c)
  unformat_hex_string: { kind: 'hex-string' },
  // `%s`, refused when it holds `/` or `..` (a file name under /tmp)
  unformat_vlib_tmpfile: { kind: 'string' },
  // `%d`, or one of the reserved label names (`ip4-explicit-null`, `implicit-null`, ...)
  unformat_mpls_unicast_label: { kind: 'mpls-label' },
  // a path: `10.0.0.1 loop0`, `loop0`, `drop`, `10.0.0.1 next-hop-table 2`, `ip4-lookup-in-table 1`,
  // with weights, preferences, out-labels ... over several words, up to the end or the next `via`.
  // Everything after it is taken as read (and required arguments, which may have been written after
  // it, as given: see parseLoop); the command's own keywords there are refused (routePath.ts)
  unformat_fib_route_path: { kind: 'rest', placeholder: '192.0.2.1 loop0', routePath: {} },
  // `%s` until the end of the input: every word left is a pattern
  unformat_stats_patterns: { kind: 'rest', placeholder: 'pattern ...' },
  // the rest of the line
  unformat_line_input: { kind: 'rest' },
  // `%llu` with an optional k/m/g/t right after it (std-formats.c): one word
  unformat_base10: { kind: 'string' },
  // `START:END`, digits read character by character up to the first non-digit (udp_ping_node.c)
  unformat_port_range: { kind: 'string' },
  // `%x:%x:%x:%x`, each part up to 0xffff (ila.c)
  unformat_half_ip6_address: { kind: 'string' },
  // unformat_hex_string, refused when longer than the device's key (dev/format.c)
  unformat_vnet_dev_rss_key: { kind: 'string' },
  // letters, digits, `-` and `,` up to the first other character, then names of foreach_vnet_dev_flag
  unformat_vnet_dev_flags: { kind: 'string' },
  // `any`, `%u/%u`, `%u/0x%x` or `%u`, up to 0xffff (flow_cli.c)
  unformat_ip_port_and_mask: { kind: 'string' },
  // `%u-%u,` / `%u,` / `%u-%u` / `%u` read again and again, over as many words as are numbers
  // (`1-3,5`, but also `1 2 3`): taken as the rest of the line, so no list VPP reads is refused
  unformat_bitmap_list: { kind: 'rest', placeholder: '0-3', restWhile: '^\\d' },
  // any number of the words ip4 / ip6 / l2, none at all included (in_out_acl.c): as the rest
  unformat_acl_type: { kind: 'rest', placeholder: 'ip4', restWhile: '^(ip4|ip6|l2)$' },
  // `any`, a protocol name or `%u`, up to 0xff (flow_cli.c)
  unformat_ip_protocol_and_mask: { kind: 'string' },
  // ila.c: one of these words
  unformat_ila_csum_mode: { kind: 'enum', values: ['none', 'no-action', 'neutral-map', 'adjust-transport'] },
  // `%s` again and again while each word names a device, the first other word read and dropped
  // (dev/format.c): as the rest of the line
  unformat_vnet_dev_vector: { kind: 'rest', placeholder: 'pci/0000:02:00.0', lookup: 'device' },
  // service names (registered at run time) one after another, at least one (sfdp/format.c): as the rest
  unformat_sfdp_service_bitmap: { kind: 'rest', placeholder: 'service' },
  // npol_format.c: an IP prefix or address (one word), or `PROTO ADDRESS PORT`; its commands read
  // members again and again, so any word of the three-word form is taken as a member of its own
  unformat_npol_ipset_member: { kind: 'string' },
  // `0x%x` or `%d`, refused outside 1..65535
  unformat_udp_port: { kind: 'number', min: 1, max: 65535 },
};

/** VPP functions that read one of several shapes, some of more than one word: one list of values per shape. */
export const UNFORMAT_WAYS: Readonly<Record<string, ValueSpec[][]>> = {
  // lisp_types.c: an IP prefix, a MAC, or `A|B` of those (one word each), or an NSH path `SPI:%d SI:%d`
  unformat_gid_address: [[{ kind: 'lisp-eid' }], [{ kind: 'int', prefix: 'SPI:' }, { kind: 'int', prefix: 'SI:' }]],
};

/** Resolves a `%U` function by the tables above. */
export function knownUnformat(fn: string): UnformatReading | undefined {
  return UNFORMAT_KINDS[fn] ?? UNFORMAT_WAYS[fn];
}
