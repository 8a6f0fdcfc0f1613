/**
 * vhost-user interfaces (vhost_plugin.so).
 *
 * Source: src/plugins/vhost/vhost_user.c (CLI functions and vhost_user_create_if) and
 * vhost_user_output.c (interface naming). The CLI is unchanged across the modeled releases.
 */
import type { CommandSpec } from '../types';

export const VHOST_USER_COMMANDS: readonly CommandSpec[] = [
  {
    path: 'create vhost-user',
    bareIsNoop: true,
    synopsis:
      'create vhost-user socket <path> [server] [feature-mask 0x<hex>] [hwaddr <mac>] [renumber <n>] ' +
      '[gso] [packed] [event-idx]',
    doc:
      'Creates a vhost-user interface that talks to a VM (QEMU) or container over a UNIX socket. ' +
      'VPP names it `VirtualEthernet0/0/<n>`, n being the internal device index or the `renumber` value. ' +
      '`socket` is required (only a completely bare `create vhost-user` is silently ignored).',
    plugin: 'vhost',
    strict: true,
    args: [
      {
        name: 'socket',
        keyword: 'socket',
        values: [{ kind: 'path', placeholder: '/run/vpp/vhost1.sock' }],
        doc: 'UNIX socket used for the vhost-user control channel; a socket already used by another interface is refused.',
      },
      {
        name: 'server',
        keyword: 'server',
        doc: 'VPP creates and listens on the socket; without it VPP connects as a client to a socket the peer created.',
      },
      {
        name: 'feature-mask',
        keyword: 'feature-mask',
        values: [{ kind: 'hex', prefix: '0x', placeholder: '0x40400000' }],
        doc: 'Restricts the virtio features VPP offers (debugging aid). VPP only accepts the value written with a `0x` prefix.',
      },
      {
        name: 'hwaddr',
        keyword: 'hwaddr',
        values: [{ kind: 'mac', placeholder: '02:fe:00:00:00:01' }],
        doc: 'MAC address for the VPP interface; a random one is generated when omitted.',
      },
      {
        name: 'renumber',
        keyword: 'renumber',
        // `renumber %d`: VPP takes a sign too (answered by VPP 26.06: `renumber -1` is accepted)
        values: [{ kind: 'int', placeholder: '1' }],
        doc: 'Uses this number in the interface name (VirtualEthernet0/0/<n>). VPP does not check for clashes with existing names.',
      },
      {
        name: 'gso',
        keyword: 'gso',
        doc: 'Offers the TSO/checksum offload features to the guest (off by default).',
      },
      {
        name: 'packed',
        keyword: 'packed',
        doc: 'Offers the virtio packed ring layout (off by default).',
      },
      {
        name: 'event-idx',
        keyword: 'event-idx',
        doc: 'Offers the virtio event-index notification feature (off by default).',
      },
    ],
    required: [['socket']],
    creates: { rule: 'vhost-user' },
  },
  {
    path: 'delete vhost-user',
    synopsis: 'delete vhost-user {<interface> | sw_if_index <n>}',
    doc:
      'Deletes a vhost-user interface; the socket file is left in place. Naming a non-vhost interface ' +
      'is an error; giving no interface at all is silently ignored.',
    plugin: 'vhost',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'VirtualEthernet0/0/0' }],
        doc: 'The vhost-user interface to delete.',
      },
      {
        name: 'sw_if_index',
        keyword: 'sw_if_index',
        // `sw_if_index %d`: VPP 26.06 accepts `sw_if_index -1` (it names no interface and does nothing)
        values: [{ kind: 'int', placeholder: '1' }],
        doc: 'Selects the interface by its software interface index instead of by name.',
      },
    ],
  },
  {
    path: 'show vhost-user',
    synopsis: 'show vhost-user [<interface> ...] [descriptors|desc] [verbose]',
    doc: 'Shows vhost-user interfaces: negotiated features, socket state, queue placement, memory regions and virtqueues.',
    plugin: 'vhost',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'VirtualEthernet0/0/0' }],
        doc: 'Limits the output to this vhost-user interface (naming another kind of interface is an error); may repeat.',
        repeatable: true,
      },
      {
        name: 'descriptors',
        keyword: 'descriptors',
        doc: 'Also dumps the descriptor tables of each virtqueue.',
      },
      {
        name: 'desc',
        keyword: 'desc',
        doc: 'Short form of `descriptors`.',
      },
      {
        name: 'verbose',
        keyword: 'verbose',
        doc: 'With `descriptors`, also expands indirect descriptor tables.',
      },
    ],
  },
];
