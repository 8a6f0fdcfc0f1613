/**
 * Device sections: `dpdk { ... }` (dpdk_plugin.so) and the device-framework `devices { ... }`
 * section of vnet.
 */
import type { StartupParam } from '../types';
import { CORELIST, FLOAT, SECTION_REPEATS, STRING, UINT, from } from './common';

/** RSS hash functions accepted inside `rss { ... }` (unformat_rss_fn); the same list in every release. */
const RSS_FUNCTIONS = [
  'ipv4-frag',
  'ipv4-tcp',
  'ipv4-udp',
  'ipv4-sctp',
  'ipv4-other',
  'ipv4',
  'ipv6-tcp-ex',
  'ipv6-udp-ex',
  'ipv6-frag',
  'ipv6-tcp',
  'ipv6-udp',
  'ipv6-sctp',
  'ipv6-other',
  'ipv6-ex',
  'ipv6',
  'l2-payload',
  'port',
  'vxlan',
  'geneve',
  'nvgre',
  'gtpu',
  'esp',
  'l2tpv3',
  'l4-dst-only',
  'l4-src-only',
  'l3-dst-only',
  'l3-src-only',
];

/** Parameters of `dev default { }` and `dev <address> { }` (dpdk_device_config). */
const DEVICE_PARAMS: StartupParam[] = [
  { key: 'num-rx-queues', values: [UINT], doc: 'Number of receive queues; more than one spreads traffic over workers with RSS. With `workers`, it must equal the number of listed workers.' },
  { key: 'num-tx-queues', values: [UINT], doc: 'Number of transmit queues (by default one per thread).' },
  { key: 'num-rx-desc', values: [UINT], doc: 'Receive ring size in descriptors.' },
  { key: 'num-tx-desc', values: [UINT], doc: 'Transmit ring size in descriptors.' },
  { key: 'name', values: [{ kind: 'string', placeholder: 'eth0' }], doc: 'Interface name to use instead of the generated one (e.g. GigabitEthernet2/0/0).' },
  { key: 'tag', values: [STRING], doc: 'Free-form tag attached to the interface.' },
  {
    key: 'workers',
    values: [CORELIST],
    doc: 'Worker threads (by index, e.g. `0-1`) that poll this device\'s receive queues, one queue per worker. The count must match num-rx-queues if both are given.',
  },
  {
    key: 'rss',
    doc: 'Hash functions used for RSS on this device, e.g. `rss { ipv4-tcp ipv4-udp }`.',
    strict: true,
    block: RSS_FUNCTIONS.map((f) => ({ key: f, doc: `Include the ${f} hash type in RSS.` })),
  },
  { key: 'tso', values: [{ kind: 'enum', values: ['on', 'off'] }], doc: 'TCP segmentation offload on this device; needs `enable-tcp-udp-checksum` in the dpdk section.' },
  { key: 'devargs', values: [{ kind: 'string', placeholder: 'key=value,key=value' }], doc: 'Driver-specific arguments passed to DPDK with the device address.' },
  { key: 'rss-queues', values: [CORELIST], doc: 'Receive queues (e.g. `0,2,5-7`) that RSS may steer packets to.' },
  { key: 'max-lro-pkt-size', values: [UINT], doc: 'Largest packet the NIC may build with large receive offload (with `enable-lro`).' },
  { key: 'no-rx-interrupts', releases: from('24.10'), doc: 'Do not use receive interrupts on this device; its queues are always polled.' },
];

const dpdk: StartupParam = {
  key: 'dpdk',
  plugin: 'dpdk',
  doc: 'DPDK devices and EAL options: which NICs VPP takes over (by PCI address), per-device queue settings, offloads, and extra EAL arguments.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'dev default',
      doc: 'Settings applied to every DPDK device that does not set them itself. The `{ }` block is required.',
      strict: true,
      block: DEVICE_PARAMS,
    },
    {
      key: 'dev',
      values: [{ kind: 'string', placeholder: '0000:02:00.0' }],
      repeatable: true,
      blockOptional: true,
      doc: 'Use this device: a PCI address (domain:bus:slot.function) or, on Hyper-V, a VMBus UUID. Listing any device means only listed devices are used; the same address twice stops VPP.',
      strict: true,
      block: DEVICE_PARAMS,
    },
    { key: 'no-hugetlb', doc: 'Run DPDK without huge pages (EAL --no-huge).' },
    { key: 'telemetry', doc: 'Keep DPDK\'s telemetry thread running (it is turned off otherwise).' },
    { key: 'enable-tcp-udp-checksum', doc: 'Let NICs compute TCP/UDP checksums on transmit; needed for TSO. May be followed directly by `enable-outer-checksum-offload`.' },
    // dpdk_config reads "enable-outer-checksum-offload" only right after "enable-tcp-udp-checksum"; alone it is unknown input
    {
      key: 'enable-tcp-udp-checksum enable-outer-checksum-offload',
      doc: 'Transmit checksum offload with outer (tunnel) checksums too. `enable-outer-checksum-offload` is only accepted directly after `enable-tcp-udp-checksum`; on its own VPP rejects it.',
    },
    { key: 'no-tx-checksum-offload', doc: 'Never offload transmit checksums; allows the faster vector PMD paths of some drivers.' },
    { key: 'decimal-interface-names', doc: 'Write bus, slot and function in generated interface names as decimal rather than hexadecimal numbers.' },
    { key: 'no-multi-seg', doc: 'Disable multi-segment (chained) buffers: faster, but no jumbo frames.' },
    { key: 'enable-mbuf-fast-free', releases: from('26.06'), doc: 'Enable the DPDK fast-free transmit offload where the driver supports it.' },
    { key: 'enable-lro', doc: 'Enable large receive offload on devices that support it.' },
    {
      key: 'max-simd-bitwidth',
      values: [{ kind: 'enum', values: ['256', '512'] }],
      doc: 'Widest SIMD DPDK drivers may use (512 enables AVX-512 paths). VPP reads every following word of the section as part of this value, so it only works as the last item of the dpdk section.',
    },
    { key: 'link-state-poll-interval', values: [FLOAT], releases: from('24.06'), doc: 'Seconds between link state polls of DPDK devices.' },
    { key: 'stats-poll-interval', values: [FLOAT], releases: from('24.06'), doc: 'Seconds between statistics polls of DPDK devices.' },
    { key: 'uio-driver', values: [{ kind: 'string', placeholder: 'vfio-pci' }], doc: 'Kernel driver devices are bound to before DPDK takes them: vfio-pci, igb_uio, uio_pci_generic or auto (default).' },
    { key: 'uio-bind-force', doc: 'Bind devices to the UIO driver even if the kernel still has routes through them.' },
    {
      key: 'socket-mem',
      values: [{ kind: 'string', placeholder: '1024,1024' }],
      deprecated: 'socket-mem is ignored: VPP allocates DPDK memory itself and warns when this is set.',
      doc: 'Old per-socket huge page reservation. VPP ignores it and logs a deprecation warning.',
    },
    { key: 'no-pci', doc: 'Do not scan the PCI bus (EAL --no-pci), e.g. when only virtual devices are used.' },
    {
      key: 'blacklist',
      values: [{ kind: 'string', placeholder: '8086:10fb' }],
      repeatable: true,
      doc: 'Keep DPDK away from a device: a PCI vendor:device pair (all such NICs), a PCI address, or a VMBus UUID.',
    },
    { key: 'no-vmbus', doc: 'Do not scan the VMBus (EAL --no-vmbus).' },
    { key: 'trace-dir', values: [{ kind: 'path', placeholder: '/tmp/dpdk-trace' }], releases: from('26.02'), doc: 'Directory for DPDK trace output (EAL --trace-dir).' },
    { key: 'trace-bufsz', values: [{ kind: 'string', placeholder: '1M' }], releases: from('26.06'), doc: 'Size of the DPDK trace buffer (EAL --trace-bufsz).' },
    { key: 'trace', values: [{ kind: 'string', placeholder: 'lib.ethdev.*' }], releases: from('26.02'), doc: 'Enable DPDK trace points matching this pattern (EAL --trace).' },
    { key: 'no-shconf', doc: 'EAL --no-shconf: no shared configuration files.' },
    { key: 'no-hpet', doc: 'EAL --no-hpet: do not use the HPET timer.' },
    { key: 'no-huge', doc: 'EAL --no-huge: run without huge pages.' },
    { key: 'vmware-tsc-map', doc: 'EAL --vmware-tsc-map: use the VMware TSC map instead of the native RDTSC.' },
    { key: 'huge-dir', values: [{ kind: 'path', placeholder: '/dev/hugepages' }], doc: 'EAL --huge-dir: where huge pages are mounted.' },
    { key: 'proc-type', values: [{ kind: 'string', placeholder: 'primary' }], doc: 'EAL --proc-type: primary, secondary or auto.' },
    { key: 'file-prefix', values: [{ kind: 'string', placeholder: 'vpp' }], doc: 'EAL --file-prefix for DPDK runtime files (VPP uses `vpp` when not set).' },
    {
      key: 'vdev',
      values: [{ kind: 'string', placeholder: 'crypto_aesni_mb0,socket_id=0' }],
      repeatable: true,
      doc: 'EAL --vdev: create a DPDK virtual device (crypto PMD, vhost, ...).',
    },
    { key: 'log-level', values: [{ kind: 'string', placeholder: 'notice' }], doc: 'EAL --log-level: DPDK log level, optionally per component.' },
    { key: 'block', values: [{ kind: 'string', placeholder: '0000:02:00.0' }], repeatable: true, doc: 'EAL --block: keep DPDK from probing this device.' },
    { key: 'iova-mode', values: [{ kind: 'enum', values: ['pa', 'va'] }], doc: 'EAL --iova-mode: use physical (pa) or virtual (va) addresses for DMA.' },
    { key: 'base-virtaddr', values: [{ kind: 'string', placeholder: '0x100000000' }], doc: 'EAL --base-virtaddr: base address for DPDK memory mappings.' },
    { key: 'mem-alloc-request', values: [STRING], doc: 'EAL -m: megabytes of memory to reserve.' },
    { key: 'force-ranks', values: [STRING], doc: 'EAL -r: number of memory ranks.' },
    { key: 'default', doc: 'Accepted and ignored.' },
  ],
};

const portParams: StartupParam[] = [
  { key: 'name', values: [{ kind: 'string', placeholder: 'eth0' }], doc: 'Name of the interface created for this port.' },
  { key: 'num-rx-queues', values: [UINT], doc: 'Number of receive queues.' },
  { key: 'num-tx-queues', values: [UINT], doc: 'Number of transmit queues.' },
  { key: 'rx-queue-size', values: [UINT], doc: 'Receive queue size in descriptors.' },
  { key: 'tx-queue-size', values: [UINT], doc: 'Transmit queue size in descriptors.' },
  { key: 'rss-key', values: [STRING], releases: from('25.10'), doc: 'RSS hash key for the port.' },
  { key: 'flags', values: [STRING], doc: 'Port flags understood by the device framework.' },
  { key: 'args', values: [{ kind: 'string', placeholder: "'key=value'" }], doc: 'Driver-specific port arguments in single quotes.' },
];

/*
 * `devices` is stored at startup and parsed later by the dev-config process: a mistake is logged
 * and the rest of the section is skipped, but VPP keeps running. Blocks are therefore not strict.
 */
const devices: StartupParam = {
  key: 'devices',
  doc: 'Devices attached through VPP\'s native device framework (drivers such as iavf, ena, octeon), with per-port interface settings. Errors here are logged, not fatal.',
  repeatable: SECTION_REPEATS,
  strict: false,
  block: [
    {
      key: 'dev',
      values: [{ kind: 'string', placeholder: 'pci/0000:02:00.0' }],
      repeatable: true,
      blockOptional: true,
      doc: 'Attach a device by its bus id, e.g. `pci/0000:02:00.0`.',
      strict: false,
      block: [
        { key: 'driver', values: [STRING], doc: 'Driver to use instead of the one detected.' },
        { key: 'flags', values: [STRING], doc: 'Device flags understood by the device framework.' },
        { key: 'args', values: [{ kind: 'string', placeholder: "'key=value'" }], doc: 'Driver-specific device arguments in single quotes.' },
        {
          key: 'port',
          values: [UINT],
          repeatable: true,
          doc: 'Create an interface on this port of the device.',
          strict: false,
          block: portParams,
        },
      ],
    },
    {
      key: 'driver',
      values: [STRING],
      releases: from('25.06'),
      repeatable: true,
      doc: 'Driver-wide arguments: `driver <name> { args \'...\' }`.',
      strict: false,
      block: [{ key: 'args', values: [{ kind: 'string', placeholder: "'key=value'" }], doc: 'Driver arguments in single quotes.' }],
    },
  ],
};

export const DPDK_SECTIONS: readonly StartupParam[] = [dpdk, devices];
