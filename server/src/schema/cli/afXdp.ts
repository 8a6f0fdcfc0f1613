/**
 * AF_XDP interfaces (af_xdp_plugin.so).
 *
 * Source: src/plugins/af_xdp/cli.c, unformat.c (the argument loop) and device.c (checks done on
 * create). The only CLI change in the modeled releases is `mac-reuse`, added in 26.06.
 */
import type { CommandSpec } from '../types';

const QUEUE_SIZE = { kind: 'uint', powerOfTwo: true, min: 256, max: 32768, zeroIsDefault: true, placeholder: '1024' } as const;

export const AF_XDP_COMMANDS: readonly CommandSpec[] = [
  {
    path: 'create interface af_xdp',
    synopsis:
      'create interface af_xdp host-if <linux-ifname> [name <ifname>] [rx-queue-size <n>] [tx-queue-size <n>] ' +
      '[num-rx-queues <n>|all] [prog <path>] [netns <netns>] [zero-copy|no-zero-copy] [no-syscall-lock] [mac-reuse]',
    doc:
      'Creates a VPP interface that drives an existing Linux interface through AF_XDP sockets. ' +
      'VPP names it after `name` when given, otherwise `<host-if>/<n>` where n is the internal device ' +
      'index (or the pid when `netns pid:<pid>` is used). `host-if` is required.',
    plugin: 'af_xdp',
    strict: true,
    args: [
      {
        name: 'host-if',
        keyword: 'host-if',
        values: [{ kind: 'ifname', placeholder: 'enp1s0', maxLength: 15 }],
        doc: 'The Linux interface to attach to; it must exist (in `netns`, when given). VPP refuses names over 15 characters.',
      },
      {
        name: 'name',
        keyword: 'name',
        values: [{ kind: 'string', placeholder: 'xdp0' }],
        doc: 'Name of the VPP interface, replacing the generated `<host-if>/<n>`.',
      },
      {
        name: 'rx-queue-size',
        keyword: 'rx-queue-size',
        values: [QUEUE_SIZE],
        doc: 'Descriptors per receive ring: a power of two from 256 to 32768 (0 or omitted means 512).',
      },
      {
        name: 'tx-queue-size',
        keyword: 'tx-queue-size',
        values: [QUEUE_SIZE],
        doc: 'Descriptors per transmit ring: a power of two from 256 to 32768 (0 or omitted means 512).',
      },
      {
        name: 'num-rx-queues all',
        keyword: 'num-rx-queues all',
        doc: 'Uses every receive queue the Linux interface has (as many as can be set up).',
      },
      {
        name: 'num-rx-queues',
        keyword: 'num-rx-queues',
        values: [{ kind: 'uint', placeholder: '1' }],
        doc: 'Number of receive queues to use (default 1); asking for more than the device has is an error.',
      },
      {
        name: 'prog',
        keyword: 'prog',
        values: [{ kind: 'path', placeholder: '/usr/lib/vpp/xdp.o' }],
        doc: 'eBPF object file to load on the Linux interface instead of relying on an already attached program.',
      },
      {
        name: 'netns',
        keyword: 'netns',
        values: [{ kind: 'netns', placeholder: 'ns1' }],
        doc: 'Network namespace (name, path or pid:N) in which to find `host-if`.',
      },
      {
        name: 'zero-copy',
        keyword: 'zero-copy',
        doc: 'Insists on zero-copy mode; creation fails if the driver cannot do it. If both modes are given, the last wins.',
      },
      {
        name: 'no-zero-copy',
        keyword: 'no-zero-copy',
        doc: 'Forces copy mode even when the driver supports zero-copy.',
      },
      {
        name: 'no-syscall-lock',
        keyword: 'no-syscall-lock',
        doc: 'Drops the lock VPP otherwise takes around AF_XDP socket syscalls when it runs worker threads.',
      },
      {
        name: 'mac-reuse',
        keyword: 'mac-reuse',
        doc: "Gives the VPP interface the Linux interface's own MAC address instead of a random one.",
        releases: ['26.06'],
      },
    ],
    required: [['host-if']],
    creates: { rule: 'af_xdp' },
  },
  {
    path: 'delete interface af_xdp',
    synopsis: 'delete interface af_xdp {<interface> | sw_if_index <n>}',
    doc:
      'Deletes an AF_XDP interface and detaches from the Linux interface. VPP refuses interfaces of ' +
      'another type; with no argument at all the command silently does nothing.',
    plugin: 'af_xdp',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'enp1s0/0' }],
        doc: 'The AF_XDP interface to delete.',
      },
      {
        name: 'sw_if_index',
        keyword: 'sw_if_index',
        values: [{ kind: 'uint', placeholder: '1' }],
        doc: 'Selects the interface by its software interface index instead of by name.',
      },
    ],
  },
];
