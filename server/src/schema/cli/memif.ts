/**
 * memif shared-memory interfaces (memif_plugin.so).
 *
 * Source: src/plugins/memif/cli.c, memif.c (memif_create_if, memif_socket_filename_add_del) and
 * device.c (naming). The CLI is unchanged across the modeled releases.
 */
import type { CommandSpec } from '../types';

const IF_OR_INDEX = [
  {
    name: 'interface',
    values: [{ kind: 'interface', placeholder: 'memif0/0' }],
    doc: 'The memif interface to delete.',
  },
  {
    name: 'sw_if_index',
    keyword: 'sw_if_index',
    values: [{ kind: 'uint', placeholder: '1' }],
    doc: 'Selects the interface by its software interface index instead of by name.',
  },
] as const;

export const MEMIF_COMMANDS: readonly CommandSpec[] = [
  {
    path: 'create memif socket',
    bareIsNoop: true,
    synopsis: 'create memif socket id <n> filename <path>',
    doc:
      'Registers a memif control socket under a numeric id so interfaces can use it with `socket-id`. ' +
      'Both `id` (not 0, which is the built-in default socket) and `filename` are required.',
    plugin: 'memif',
    strict: true,
    args: [
      {
        name: 'id',
        keyword: 'id',
        values: [{ kind: 'uint', min: 1, max: 4294967294, placeholder: '1' }],
        doc: 'Socket id to register; 0 is reserved for the default socket.',
      },
      {
        name: 'filename',
        keyword: 'filename',
        values: [{ kind: 'path', placeholder: '/run/vpp/memif1.sock' }],
        doc: 'Path of the UNIX socket; a relative name is placed in the VPP run directory.',
      },
    ],
    required: [['id'], ['filename']],
  },
  {
    path: 'delete memif socket',
    bareIsNoop: true,
    synopsis: 'delete memif socket id <n>',
    doc: 'Unregisters a memif socket id; it must exist and no interface may still use it.',
    plugin: 'memif',
    strict: true,
    args: [
      {
        name: 'id',
        keyword: 'id',
        values: [{ kind: 'uint', min: 1, max: 4294967294, placeholder: '1' }],
        doc: 'Socket id to remove; the default socket 0 cannot be deleted.',
      },
    ],
    required: [['id']],
  },
  {
    path: 'create interface memif',
    synopsis:
      'create interface memif [id <n>] [socket-id <n>] [master|slave] [mode ip] [ring-size <n>] ' +
      '[buffer-size <n>] [rx-queues <n>] [tx-queues <n>] [hw-addr <mac>] [secret <string>] [no-zero-copy] [use-dma]',
    doc:
      'Creates a memif interface that exchanges packets with another process through shared memory. ' +
      'VPP names it `memif<socket-id>/<id>` (memif0/0 with the defaults). ' +
      'Everything is optional, but a completely bare command creates nothing.',
    plugin: 'memif',
    strict: true,
    args: [
      {
        name: 'id',
        keyword: 'id',
        values: [{ kind: 'uint', placeholder: '0' }],
        doc: 'Interface id within the socket (default 0); both peers must use the same id, and it must be unused on that socket.',
      },
      {
        name: 'socket-id',
        keyword: 'socket-id',
        values: [{ kind: 'uint', placeholder: '0' }],
        doc: 'Control socket to use (default 0, the built-in socket); other ids must first be made with `create memif socket`.',
      },
      {
        name: 'master',
        keyword: 'master',
        doc: 'VPP owns the shared memory and listens on the socket. If both roles are given, the last wins.',
      },
      {
        name: 'slave',
        keyword: 'slave',
        doc: 'VPP connects to a master peer (the default role).',
      },
      {
        name: 'mode ip',
        keyword: 'mode ip',
        doc: 'Creates a layer-3 interface carrying IP packets without an Ethernet header.',
      },
      {
        name: 'ring-size',
        keyword: 'ring-size',
        values: [{ kind: 'uint', powerOfTwo: true, max: 32768, placeholder: '1024' }],
        doc: 'Descriptors per ring: a power of two, at most 32768 (default 1024).',
      },
      {
        name: 'buffer-size',
        keyword: 'buffer-size',
        values: [{ kind: 'uint', placeholder: '2048' }],
        doc: 'Size in bytes of each shared-memory packet buffer (default 2048).',
      },
      {
        name: 'rx-queues',
        keyword: 'rx-queues',
        values: [{ kind: 'uint', min: 1, max: 255, placeholder: '1' }],
        doc: 'Number of receive queues, 1 to 255 (default 1).',
      },
      {
        name: 'tx-queues',
        keyword: 'tx-queues',
        values: [{ kind: 'uint', min: 1, max: 255, placeholder: '1' }],
        doc: 'Number of transmit queues, 1 to 255 (default 1).',
      },
      {
        name: 'hw-addr',
        keyword: 'hw-addr',
        values: [{ kind: 'mac', placeholder: '02:fe:00:00:00:01' }],
        doc: 'MAC address for the VPP interface (Ethernet mode); a random one is used when omitted.',
      },
      {
        name: 'secret',
        keyword: 'secret',
        values: [{ kind: 'string', placeholder: 'secret' }],
        doc: 'Shared secret the peer must present when connecting.',
      },
      {
        name: 'no-zero-copy',
        keyword: 'no-zero-copy',
        doc: 'As slave, copies packets into the shared buffers instead of mapping VPP buffers (zero-copy is the default).',
      },
      {
        name: 'use-dma',
        keyword: 'use-dma',
        doc: 'Uses a DMA engine for copying packets when one is available.',
      },
    ],
    creates: { rule: 'memif' },
  },
  {
    path: 'delete interface memif',
    synopsis: 'delete interface memif {<interface> | sw_if_index <n>}',
    doc:
      'Deletes a memif interface. VPP refuses interfaces of another type; with no argument at all the ' +
      'command silently does nothing.',
    plugin: 'memif',
    strict: true,
    args: IF_OR_INDEX,
  },
  {
    path: 'show memif',
    synopsis: 'show memif [<interface> ...] [descriptors]',
    doc: 'Shows memif sockets and interfaces: role, mode, connection state, regions and queues.',
    plugin: 'memif',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'memif0/0' }],
        doc: 'Limits the output to this interface; may be given several times. All are shown when omitted.',
        repeatable: true,
      },
      {
        name: 'descriptors',
        keyword: 'descriptors',
        doc: 'Also dumps the descriptor rings of each queue.',
      },
    ],
  },
];
