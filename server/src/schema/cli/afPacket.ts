/**
 * AF_PACKET host interfaces (af_packet_plugin.so).
 *
 * Source: src/plugins/af_packet/cli.c, af_packet.c and device.c (naming). The CLI grammar is the
 * same in every modeled release (25.10 only changed how queue counts are stored).
 */
import type { CommandSpec } from '../types';

export const AF_PACKET_COMMANDS: readonly CommandSpec[] = [
  {
    path: 'create host-interface',
    bareIsNoop: true,
    synopsis:
      'create host-interface name <linux-ifname> [v2] [hw-addr <mac>] [mode ip] [num-rx-queues <n>] ' +
      '[num-tx-queues <n>] [rx-size <n>] [tx-size <n>] [rx-per-block <n>] [tx-per-block <n>] ' +
      '[qdisc-bypass-disable] [cksum-gso-disable]',
    doc:
      'Attaches VPP to an existing Linux interface (often one end of a veth pair) through an AF_PACKET socket. ' +
      'VPP names the new interface `host-<name>`. `name` is required (only a completely bare command is ' +
      'silently ignored); naming an interface that is already attached just prints the existing one.',
    plugin: 'af_packet',
    strict: true,
    args: [
      {
        name: 'name',
        keyword: 'name',
        values: [{ kind: 'ifname', placeholder: 'vpp1' }],
        doc: 'The Linux interface to attach to; it must exist, and VPP brings it up if it is down.',
      },
      {
        name: 'v2',
        keyword: 'v2',
        doc: 'Uses the older TPACKET_V2 ring format instead of TPACKET_V3.',
      },
      {
        name: 'hw-addr',
        keyword: 'hw-addr',
        values: [{ kind: 'mac', placeholder: '02:fe:00:00:00:01' }],
        doc: 'MAC address for the VPP interface; a random 02:fe:... address is used when omitted.',
      },
      {
        name: 'mode ip',
        keyword: 'mode ip',
        doc: 'Creates a layer-3 (IP, no Ethernet header) interface, e.g. for a Linux TUN or wireguard device.',
      },
      {
        name: 'num-rx-queues',
        keyword: 'num-rx-queues',
        values: [{ kind: 'uint', placeholder: '1' }],
        doc: 'Number of receive queues (default 1); more than one uses packet fanout.',
      },
      {
        name: 'num-tx-queues',
        keyword: 'num-tx-queues',
        values: [{ kind: 'uint', placeholder: '1' }],
        doc: 'Number of transmit queues (default 1).',
      },
      {
        name: 'rx-size',
        keyword: 'rx-size',
        values: [{ kind: 'uint', placeholder: '2048' }],
        doc: 'Size in bytes of each receive ring frame (0 or omitted keeps the built-in default).',
      },
      {
        name: 'tx-size',
        keyword: 'tx-size',
        values: [{ kind: 'uint', placeholder: '2048' }],
        doc: 'Size in bytes of each transmit ring frame (0 or omitted keeps the built-in default).',
      },
      {
        name: 'rx-per-block',
        keyword: 'rx-per-block',
        values: [{ kind: 'uint', placeholder: '32' }],
        doc: 'Number of frames per receive ring block (0 or omitted keeps the built-in default).',
      },
      {
        name: 'tx-per-block',
        keyword: 'tx-per-block',
        values: [{ kind: 'uint', placeholder: '32' }],
        doc: 'Number of frames per transmit ring block (0 or omitted keeps the built-in default).',
      },
      {
        name: 'qdisc-bypass-disable',
        keyword: 'qdisc-bypass-disable',
        doc: 'Sends through the kernel queueing discipline instead of bypassing it (bypass is the default).',
      },
      {
        name: 'cksum-gso-disable',
        keyword: 'cksum-gso-disable',
        doc: 'Does not use the Linux interface checksum/GSO offloads even when it supports them.',
      },
    ],
    required: [['name']],
    creates: { rule: 'host-interface' },
  },
  {
    path: 'delete host-interface',
    bareIsNoop: true,
    synopsis: 'delete host-interface name <linux-ifname>',
    doc:
      'Deletes the AF_PACKET interface attached to the given Linux interface (the Linux name, not `host-...`). ' +
      'An unknown name is silently ignored.',
    plugin: 'af_packet',
    strict: true,
    args: [
      {
        name: 'name',
        keyword: 'name',
        values: [{ kind: 'ifname', placeholder: 'vpp1' }],
        doc: 'Linux name of the interface that was given to `create host-interface name`.',
      },
    ],
    required: [['name']],
  },
  {
    path: 'set host-interface l4-cksum-offload',
    synopsis: 'set host-interface l4-cksum-offload <interface> [on|off]',
    doc:
      'Historic command kept for compatibility: VPP accepts it but it has no effect in any modeled release ' +
      '(offloads are chosen at create time, see `cksum-gso-disable`).',
    plugin: 'af_packet',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'host-vpp1' }],
        doc: 'The VPP host interface (`host-<name>`).',
      },
      {
        name: 'on',
        keyword: 'on',
        doc: 'Would enable L4 checksum offload.',
        deprecated: 'This setting has no effect: VPP ignores it.',
      },
      {
        name: 'off',
        keyword: 'off',
        doc: 'Would disable L4 checksum offload.',
        deprecated: 'This setting has no effect: VPP ignores it.',
      },
    ],
  },
  {
    path: 'set host-interface qdisc-bypass',
    synopsis: 'set host-interface qdisc-bypass <interface> [enable|disable]',
    bareIsNoop: true,
    doc:
      'Turns kernel qdisc bypass on or off for an existing host interface (without a keyword it is turned off). ' +
      'VPP refuses interfaces that are not AF_PACKET ones.',
    plugin: 'af_packet',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'host-vpp1' }],
        doc: 'The VPP host interface (`host-<name>`).',
      },
      {
        name: 'enable',
        keyword: 'enable',
        doc: 'Sends packets straight to the driver, bypassing the kernel queueing discipline.',
      },
      {
        name: 'disable',
        keyword: 'disable',
        doc: 'Sends packets through the kernel queueing discipline. The last of enable/disable wins.',
      },
    ],
    required: [['interface']],
  },
];
