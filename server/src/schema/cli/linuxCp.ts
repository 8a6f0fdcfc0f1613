/**
 * CLI commands of the linux_cp plugin (src/plugins/linux-cp: lcp_cli.c and lcp_adj.c).
 *
 * The companion linux_nl plugin (netlink listener, lcp_nl.c / lcp_router.c) registers no CLI
 * commands in any modelled release; it is configured only through its `linux-nl { ... }`
 * startup.conf section. Both plugins are disabled unless startup.conf enables them.
 */
import type { ArgSpec, CommandSpec, ValueSpec } from '../types';

const ON_OFF: ValueSpec = {
  kind: 'enum',
  values: ['on', 'enable', 'off', 'disable'],
  placeholder: 'on|off',
};

/** The switch commands (`lcp lcp-sync`, `lcp lcp-auto-subint`, ...) read one on/off word. */
const ON_OFF_ARGS: readonly ArgSpec[] = [
  {
    name: 'state',
    values: [ON_OFF],
    doc: '`on`/`enable` or `off`/`disable`; if repeated, the last one wins.',
    repeatable: true,
  },
];

export const LINUX_CP_COMMANDS: readonly CommandSpec[] = [
  {
    path: 'lcp create',
    synopsis: 'lcp create <interface>|<sw_if_index> host-if <linux-name> [netns <namespace>] [tun]',
    doc:
      'Mirrors a VPP interface into Linux: VPP creates a tap (or tun) whose Linux end is named by ' +
      '`host-if`, and punts control traffic between the two. For a sub-interface no new tap is made; ' +
      'a VLAN device is created on the parent pair\'s Linux interface instead, so the parent must be ' +
      'paired first and the sub-interface must be exact-match.',
    plugin: 'linux_cp',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'GigabitEthernet0/8/0' }],
        doc: 'The VPP interface to mirror into Linux.',
      },
      {
        name: 'sw_if_index',
        values: [{ kind: 'uint', placeholder: 'sw_if_index' }],
        doc: 'The VPP interface to mirror, given by its software interface index instead of its name.',
      },
      {
        name: 'host-if',
        keyword: 'host-if',
        values: [{ kind: 'ifname', placeholder: 'vpp0' }],
        doc:
          'Name of the Linux-side interface. VPP refuses names of 16 or more characters and names ' +
          'containing anything other than letters, digits and `- _ % @ : .`.',
      },
      {
        name: 'netns',
        keyword: 'netns',
        values: [{ kind: 'netns', placeholder: 'dataplane' }],
        doc:
          'Linux network namespace (a name under /var/run/netns) to create the Linux interface in; ' +
          'without it the `lcp default netns` setting applies. Names of 31 or more characters are refused.',
      },
      {
        name: 'tun',
        keyword: 'tun',
        doc:
          'Create a layer-3 tun device instead of an Ethernet tap. Required when the VPP interface ' +
          'is not Ethernet (VPP refuses to pair a tap with it).',
      },
    ],
    required: [['interface', 'sw_if_index'], ['host-if']],
    creates: { rule: 'lcp' },
  },
  {
    path: 'lcp delete',
    synopsis: 'lcp delete <interface>|<sw_if_index>',
    doc: 'Removes the Linux mirror of a VPP interface, deleting the tap or VLAN device created for it.',
    plugin: 'linux_cp',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface' }],
        doc: 'The VPP (physical-side) interface whose pair is removed.',
      },
      {
        name: 'sw_if_index',
        values: [{ kind: 'uint', placeholder: 'sw_if_index' }],
        doc: 'The VPP interface, given by its software interface index.',
      },
    ],
    required: [['interface', 'sw_if_index']],
  },
  {
    path: 'lcp default',
    synopsis: 'lcp default netns <namespace> | lcp default clear netns',
    doc:
      'Sets (or with `clear netns` resets) the Linux network namespace used by later `lcp create` ' +
      'commands that give no `netns` of their own.',
    plugin: 'linux_cp',
    strict: true,
    args: [
      {
        name: 'netns',
        keyword: 'netns',
        values: [{ kind: 'netns', placeholder: 'dataplane' }],
        doc:
          'Namespace name under /var/run/netns. A bare `netns` with no name is an error; names of ' +
          '32 or more characters are refused.',
      },
      {
        name: 'clear netns',
        keyword: 'clear netns',
        doc: 'Go back to creating Linux interfaces in VPP\'s own namespace.',
      },
    ],
  },
  {
    path: 'lcp lcp-sync',
    synopsis: 'lcp lcp-sync [on|enable|off|disable]',
    doc:
      'Turns on or off copying VPP-side interface changes (admin state, MTU, addresses) to the ' +
      'paired Linux interfaces.',
    plugin: 'linux_cp',
    strict: true,
    args: ON_OFF_ARGS,
  },
  {
    path: 'lcp lcp-sync-unnumbered',
    synopsis: 'lcp lcp-sync-unnumbered [on|enable|off|disable]',
    doc:
      'Controls whether addresses an unnumbered interface borrows are also copied to its Linux ' +
      'mirror (on by default).',
    plugin: 'linux_cp',
    releases: ['26.06'],
    strict: true,
    args: ON_OFF_ARGS,
  },
  {
    path: 'lcp lcp-auto-subint',
    synopsis: 'lcp lcp-auto-subint [on|enable|off|disable]',
    doc:
      'When on, creating a sub-interface on a paired VPP interface automatically pairs it too, ' +
      'naming the Linux side `<parent host-if>.<sub-id>`.',
    plugin: 'linux_cp',
    strict: true,
    args: ON_OFF_ARGS,
  },
  {
    path: 'lcp param',
    synopsis:
      'lcp param [del-static-on-link-down on|enable|off|disable] [del-dynamic-on-link-down on|enable|off|disable]',
    doc: 'Chooses whether routes through an interface are withdrawn when its link goes down.',
    plugin: 'linux_cp',
    strict: true,
    args: [
      {
        name: 'del-static-on-link-down',
        keyword: 'del-static-on-link-down',
        values: [ON_OFF],
        doc: 'Remove statically configured routes via an interface when its link goes down.',
        repeatable: true,
      },
      {
        name: 'del-dynamic-on-link-down',
        keyword: 'del-dynamic-on-link-down',
        values: [ON_OFF],
        doc: 'Remove dynamically learned routes via an interface when its link goes down.',
        repeatable: true,
      },
    ],
  },
  {
    path: 'lcp ethertype enable',
    synopsis: 'lcp ethertype enable <0xNNNN>|<decimal>|<ethertype-name>',
    doc:
      'Punts frames of one more Ethernet type to the Linux mirror interfaces (for protocols such ' +
      'as LLDP that VPP does not handle itself).',
    plugin: 'linux_cp',
    releases: ['25.06', '25.10', '26.02', '26.06'],
    strict: true,
    order: 'sequence',
    args: [
      {
        name: 'ethertype',
        values: [{ kind: 'ethertype', placeholder: '0x88cc' }],
        doc:
          'The Ethernet type: hexadecimal with a `0x` prefix, decimal (below 65536), or one of VPP\'s ' +
          'type names (such as `CDP`). A name that starts with a digit is read as a number: `802_1_LLDP` ' +
          'is 802, so write LLDP as `0x88cc`. Types VPP already handles itself (IP4, ARP ...) are refused.',
      },
    ],
    required: [['ethertype']],
  },
  {
    path: 'lcp osi-proto enable',
    synopsis: 'lcp osi-proto enable <proto>',
    doc: 'Punts OSI frames of the given protocol number (for example IS-IS) to the Linux mirror interfaces.',
    plugin: 'linux_cp',
    releases: ['26.06'],
    // reads one number and never looks further (lcp_osi_proto_enable_cmd)
    ignoresRest: true,
    strict: true,
    order: 'sequence',
    args: [
      {
        name: 'proto',
        values: [{ kind: 'number', max: 255, placeholder: '0x83' }],
        doc: 'OSI protocol number, decimal or `0x` hexadecimal, at most 255.',
      },
    ],
    required: [['proto']],
  },
  {
    path: 'show lcp',
    synopsis: 'show lcp [phy <interface>]',
    doc: 'Lists the global linux-cp settings and the interface pairs (or the pair of one VPP interface).',
    plugin: 'linux_cp',
    strict: true,
    args: [
      {
        name: 'phy',
        keyword: 'phy',
        values: [{ kind: 'interface' }],
        doc: 'Only show the pair whose VPP side is this interface.',
      },
    ],
  },
  {
    path: 'show lcp adj',
    synopsis: 'show lcp adj [verbose]',
    doc: 'Dumps the adjacency table linux-cp keeps for punted traffic.',
    plugin: 'linux_cp',
    strict: true,
    args: [{ name: 'verbose', keyword: 'verbose', doc: 'Print each entry in full.' }],
  },
  {
    path: 'show lcp ethertype',
    synopsis: 'show lcp ethertype',
    doc: 'Lists the Ethernet types enabled with `lcp ethertype enable`.',
    plugin: 'linux_cp',
    releases: ['25.06', '25.10', '26.02', '26.06'],
    strict: true,
    args: [],
  },
  {
    path: 'show lcp osi-proto',
    synopsis: 'show lcp osi-proto',
    doc: 'Lists the OSI protocols enabled with `lcp osi-proto enable`.',
    plugin: 'linux_cp',
    releases: ['26.06'],
    strict: true,
    args: [],
  },
];
