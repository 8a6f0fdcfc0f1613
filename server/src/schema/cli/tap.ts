/**
 * TAP/TUN interfaces (virtio backend over /dev/net/tun + vhost-net).
 *
 * Source: src/vnet/devices/tap/cli.c (core vnet, 24.02 .. 25.10) and src/plugins/tap/cli.c
 * (tap_plugin.so, 26.02 .. 26.06). The move into a plugin dropped `set tap offload`.
 */
import type { ArgSpec, CommandSpec, Releases, VppRelease } from '../types';

/** Releases in which tap lives in core vnet (src/vnet/devices/tap). */
const TAP_CORE: Releases = ['24.02', '24.06', '24.10', '25.02', '25.06', '25.10'];
/** Releases in which tap is the `tap` plugin (src/plugins/tap). */
const TAP_PLUGIN: Releases = ['26.02', '26.06'];

/** Restricts an argument's releases to those of the command it is placed in. */
function within(args: readonly ArgSpec[], releases: Releases): ArgSpec[] {
  const out: ArgSpec[] = [];
  for (const a of args) {
    if (!a.releases) {
      out.push(a);
      continue;
    }
    const r = a.releases.filter((x: VppRelease) => releases.includes(x));
    if (r.length === 0) continue;
    if (r.length === releases.length) {
      const { releases: _all, ...rest } = a;
      out.push(rest);
    } else {
      out.push({ ...a, releases: r });
    }
  }
  return out;
}

/** The same command, once as core vnet (<= 25.10) and once from tap_plugin.so (>= 26.02). */
function coreAndPlugin(spec: CommandSpec): CommandSpec[] {
  return [
    { ...spec, releases: TAP_CORE, args: spec.args && within(spec.args, TAP_CORE) },
    { ...spec, plugin: 'tap', releases: TAP_PLUGIN, args: spec.args && within(spec.args, TAP_PLUGIN) },
  ];
}

const RING_SIZE = { kind: 'uint', powerOfTwo: true, max: 32768, placeholder: '256' } as const;

const CREATE_TAP_ARGS: readonly ArgSpec[] = [
  {
    name: 'id',
    keyword: 'id',
    values: [{ kind: 'uint', max: 8192, placeholder: '0' }],
    doc:
      'Instance number of the new interface; it becomes part of the VPP name (tap<id> or tun<id>). ' +
      'Without it VPP takes the lowest free number. An id already in use is refused; the upper limit ' +
      'is 8192 (1024 in 24.02 and 24.06).',
  },
  {
    name: 'if-name',
    keyword: 'if-name',
    values: [{ kind: 'string', placeholder: 'tap-uplink' }],
    doc: 'Names the VPP interface explicitly instead of the generated tap<id>/tun<id>.',
    releases: ['25.10', '26.02', '26.06'],
  },
  {
    name: 'hw-addr',
    keyword: 'hw-addr',
    values: [{ kind: 'mac', placeholder: '02:fe:00:00:00:01' }],
    doc: 'MAC address of the VPP side of the interface; a random one is generated when omitted.',
  },
  {
    name: 'num-rx-queues',
    keyword: 'num-rx-queues',
    values: [{ kind: 'uint', placeholder: '1' }],
    doc: 'Number of receive queues (default 1); more than one needs a kernel with multi-queue tun support.',
  },
  {
    name: 'num-tx-queues',
    keyword: 'num-tx-queues',
    values: [{ kind: 'uint', placeholder: '1' }],
    doc: 'Number of transmit queues; VPP always uses at least one per worker thread.',
  },
  {
    name: 'rx-ring-size',
    keyword: 'rx-ring-size',
    values: [RING_SIZE],
    doc: 'Descriptors per receive ring: a power of two, at most 32768 (0 or omitted means 256).',
  },
  {
    name: 'tx-ring-size',
    keyword: 'tx-ring-size',
    values: [RING_SIZE],
    doc: 'Descriptors per transmit ring: a power of two, at most 32768 (0 or omitted means 256).',
  },
  {
    name: 'host-if-name',
    keyword: 'host-if-name',
    values: [{ kind: 'ifname', placeholder: 'vpp-tap0' }],
    doc:
      'Name of the Linux-side interface; the kernel picks one (tapN) when omitted. Required together ' +
      'with `attach`.',
  },
  {
    name: 'host-ns',
    keyword: 'host-ns',
    values: [{ kind: 'netns', placeholder: 'ns1' }],
    doc: 'Moves the Linux side into this network namespace (name, path or pid:N); it must already exist.',
  },
  {
    name: 'host-bridge',
    keyword: 'host-bridge',
    values: [{ kind: 'ifname', placeholder: 'br0' }],
    doc: 'Enslaves the Linux side to this existing Linux bridge. Cannot be combined with host IP addresses.',
  },
  {
    name: 'host-ip4-addr',
    keyword: 'host-ip4-addr',
    values: [{ kind: 'ip4-prefix', placeholder: '10.0.0.1/24' }],
    doc: 'IPv4 address and prefix length to configure on the Linux side. Not allowed with `host-bridge`.',
  },
  {
    name: 'host-ip4-gw',
    keyword: 'host-ip4-gw',
    values: [{ kind: 'ip4', placeholder: '10.0.0.254' }],
    doc: 'Installs an IPv4 default route via this gateway on the Linux side.',
  },
  {
    name: 'host-ip6-addr',
    keyword: 'host-ip6-addr',
    values: [{ kind: 'ip6-prefix', placeholder: '2001:db8::1/64' }],
    doc: 'IPv6 address and prefix length to configure on the Linux side. Not allowed with `host-bridge`.',
  },
  {
    name: 'host-ip6-gw',
    keyword: 'host-ip6-gw',
    values: [{ kind: 'ip6', placeholder: '2001:db8::fe' }],
    doc: 'Installs an IPv6 default route via this gateway on the Linux side.',
  },
  {
    name: 'host-mac-addr',
    keyword: 'host-mac-addr',
    values: [{ kind: 'mac', placeholder: '02:fe:00:00:00:02' }],
    doc: 'MAC address to set on the Linux-side interface.',
  },
  {
    name: 'host-mtu-size',
    keyword: 'host-mtu-size',
    values: [{ kind: 'uint', placeholder: '1500' }],
    doc: 'MTU to set on the Linux-side interface; before 26.02 it overrides the `tap { host-mtu }` startup default.',
  },
  {
    name: 'no-gso',
    keyword: 'no-gso',
    doc: 'Leaves GSO off (the default); if both `gso` and `no-gso` appear, the last one wins.',
  },
  {
    name: 'gso',
    keyword: 'gso',
    doc: 'Enables TCP segmentation offload (and checksum offload) between VPP and the kernel.',
  },
  {
    name: 'gro-coalesce',
    keyword: 'gro-coalesce',
    doc: 'Coalesces received TCP segments (GRO); only takes effect together with `gso`.',
  },
  {
    name: 'csum-offload',
    keyword: 'csum-offload',
    doc: 'Enables checksum offload only (ignored when `gso` is also given).',
  },
  {
    name: 'persist',
    keyword: 'persist',
    doc: 'Makes the Linux interface persistent so it outlives the VPP process.',
  },
  {
    name: 'attach',
    keyword: 'attach',
    doc: 'Attaches to an existing persistent Linux tap/tun interface; `host-if-name` must name it.',
    // tap_create_if: "host_if_name is not provided" (answered by VPP 26.06)
    needs: ['host-if-name'],
  },
  {
    name: 'tun',
    keyword: 'tun',
    doc: 'Creates a layer-3 TUN interface (named tun<id>) instead of an Ethernet TAP.',
  },
  {
    name: 'packed',
    keyword: 'packed',
    doc: 'Uses virtio packed rings with vhost-net (needs kernel support).',
  },
  {
    name: 'in-order',
    keyword: 'in-order',
    doc: 'Negotiates in-order descriptor use with vhost-net (needs kernel support).',
  },
  {
    name: 'consistent-qp',
    keyword: 'consistent-qp',
    doc: 'Serves receive and transmit queue N from the same worker thread, for setups that pin flows to queue pairs.',
    releases: ['25.02', '25.06', '25.10', '26.02', '26.06'],
  },
];

const IF_OR_INDEX: readonly ArgSpec[] = [
  {
    name: 'interface',
    values: [{ kind: 'interface', placeholder: 'tap0' }],
    doc: 'The VPP interface to act on.',
  },
  {
    name: 'sw_if_index',
    keyword: 'sw_if_index',
    values: [{ kind: 'uint', placeholder: '1' }],
    doc: 'Selects the interface by its software interface index instead of by name.',
  },
];

const SHOW_ARGS: readonly ArgSpec[] = [
  {
    name: 'interface',
    values: [{ kind: 'interface', placeholder: 'tap0' }],
    doc: 'Limits the output to this interface; may be given several times. All are shown when omitted.',
    repeatable: true,
  },
  {
    name: 'descriptors',
    keyword: 'descriptors',
    doc: 'Also dumps the virtio descriptor tables of every queue.',
  },
];

const CREATE_TAP: CommandSpec = {
  path: 'create tap',
  synopsis:
    'create tap [id <n>] [if-name <name>] [hw-addr <mac>] [num-rx-queues <n>] [num-tx-queues <n>] ' +
    '[rx-ring-size <n>] [tx-ring-size <n>] [host-if-name <name>] [host-ns <netns>] ' +
    '[host-bridge <bridge>] [host-ip4-addr <ip4/len>] [host-ip6-addr <ip6/len>] [host-ip4-gw <ip4>] ' +
    '[host-ip6-gw <ip6>] [host-mac-addr <mac>] [host-mtu-size <n>] [no-gso|gso [gro-coalesce]|csum-offload] ' +
    '[persist] [attach] [tun] [packed] [in-order] [consistent-qp]',
  doc:
    'Creates a virtio-based TAP (or TUN) interface whose other end is a Linux kernel interface, ' +
    'optionally configured (namespace, bridge, addresses, MTU) on the host side. ' +
    'VPP names it `tap<id>` (or `tun<id>` with `tun`, sharing the same id space), where the id is the ' +
    '`id` given or the lowest free one; from 25.10 `if-name <name>` replaces that name. ' +
    'Every option is optional; `attach` requires `host-if-name`.',
  strict: true,
  args: CREATE_TAP_ARGS,
  exclusive: [
    ['host-bridge', 'host-ip4-addr'],
    ['host-bridge', 'host-ip6-addr'],
  ],
  creates: { rule: 'tap' },
};

const DELETE_TAP: CommandSpec = {
  path: 'delete tap',
  synopsis: 'delete tap {<interface> | sw_if_index <n>}',
  doc: 'Deletes a TAP/TUN interface; VPP refuses interfaces that are not tap/tun.',
  strict: true,
  args: IF_OR_INDEX,
  required: [['interface', 'sw_if_index']],
};

const SET_TAP_OFFLOAD: CommandSpec = {
  path: 'set tap offload',
  synopsis:
    'set tap offload {<interface> | sw_if_index <n>} [gso-enable [gro-coalesce] | gso-disable | ' +
    'csum-offload-enable | csum-offload-disable]',
  doc:
    'Changes GSO/checksum offload on an existing TAP interface. If several modes are given, VPP applies ' +
    'only one, preferring gso-enable, then csum-offload-enable, gso-disable, csum-offload-disable. ' +
    'Removed in 26.02 when tap became a plugin.',
  strict: true,
  args: [
    ...IF_OR_INDEX,
    {
      name: 'gso-enable gro-coalesce',
      keyword: 'gso-enable gro-coalesce',
      doc: 'Enables GSO and also GRO coalescing of received TCP segments (`gro-coalesce` must follow `gso-enable` directly).',
    },
    {
      name: 'gso-enable',
      keyword: 'gso-enable',
      doc: 'Enables TCP segmentation offload (and checksum offload) on the interface.',
    },
    { name: 'gso-disable', keyword: 'gso-disable', doc: 'Turns GSO off.' },
    {
      name: 'csum-offload-enable',
      keyword: 'csum-offload-enable',
      doc: 'Enables checksum offload only (turns GSO and coalescing off).',
    },
    { name: 'csum-offload-disable', keyword: 'csum-offload-disable', doc: 'Turns checksum offload off.' },
  ],
  required: [['interface', 'sw_if_index']],
};

const SHOW_TAP: CommandSpec = {
  path: 'show tap',
  synopsis: 'show tap [<interface> ...] [descriptors]',
  doc: 'Shows TAP interfaces: host-side settings, offload state, features and virtqueues.',
  strict: true,
  args: SHOW_ARGS,
};

const SHOW_TUN: CommandSpec = {
  path: 'show tun',
  synopsis: 'show tun [<interface> ...] [descriptors]',
  doc: 'Shows TUN interfaces (created with `create tap ... tun`): host-side settings, offload state and virtqueues.',
  strict: true,
  args: SHOW_ARGS,
};

export const TAP_COMMANDS: readonly CommandSpec[] = [
  ...coreAndPlugin(CREATE_TAP),
  ...coreAndPlugin(DELETE_TAP),
  { ...SET_TAP_OFFLOAD, releases: TAP_CORE },
  ...coreAndPlugin(SHOW_TAP),
  ...coreAndPlugin(SHOW_TUN),
];
