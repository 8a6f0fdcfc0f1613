/**
 * startup.conf sections of the vnet networking core: FIB and L2 tables, interfaces, punt, the host
 * stack (session, tcp, udp, tls), IPsec, crypto engines, legacy tun/tap and SFDP.
 */
import type { StartupParam } from '../types';
import { FLOAT, ON_OFF, PATH, SECTION_REPEATS, SIZE, UINT, from } from './common';

const tableName = (what: string): StartupParam => ({
  key: 'default-table-name',
  values: [{ kind: 'string', placeholder: 'main' }],
  doc: `Name given to the default ${what} table (table 0) in show output.`,
});

const ip: StartupParam = {
  key: 'ip',
  releases: from('24.06'),
  doc: 'IPv4 FIB settings. Before 24.06 there is no `ip` section at all, and options such as `heap-size` were never accepted here.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [tableName('IPv4')],
};

const ip6: StartupParam = {
  key: 'ip6',
  doc: 'IPv6 FIB hash table sizing.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'hash-buckets', values: [UINT], doc: 'Number of buckets of the IPv6 FIB hash table.' },
    { key: 'heap-size', values: [SIZE], doc: 'Memory for the IPv6 FIB hash table; raise it for large IPv6 route tables.' },
    { ...tableName('IPv6'), releases: from('24.06') },
  ],
};

const mpls: StartupParam = {
  key: 'mpls',
  releases: from('24.06'),
  doc: 'MPLS FIB settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [tableName('MPLS')],
};

const l3fib: StartupParam = {
  key: 'l3fib',
  releases: from('25.06'),
  doc: 'Preallocate FIB object pools so that large route tables do not grow them at run time.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'load-balance-pool-size', values: [SIZE], doc: 'Number of load-balance objects to preallocate (K/M/G multipliers allowed).' },
    { key: 'fib-entry-pool-size', values: [SIZE], doc: 'Number of FIB entries to preallocate (K/M/G multipliers allowed).' },
    { key: 'ip4-mtrie-pool-size', values: [SIZE], doc: 'Number of IPv4 mtries to preallocate (K/M/G multipliers allowed).' },
  ],
};

const l2fib: StartupParam = {
  key: 'l2fib',
  doc: 'Size of the L2 MAC learning table.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'table-size', values: [SIZE], doc: 'Memory for the MAC table.' },
    { key: 'num-buckets', values: [{ kind: 'uint', powerOfTwo: true }], doc: 'Number of hash buckets of the MAC table; must be a power of two.' },
  ],
};

const l2learn: StartupParam = {
  key: 'l2learn',
  doc: 'Global MAC learning settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'limit', values: [UINT], doc: 'Maximum number of learned MAC addresses across all bridge domains.' }],
};

const ethernet: StartupParam = {
  key: 'ethernet',
  doc: 'Ethernet defaults.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'default-mtu', values: [{ kind: 'uint', min: 64, max: 9000 }], doc: 'MTU given to new Ethernet interfaces; must be between 64 and 9000.' }],
};

const iface: StartupParam = {
  key: 'interface',
  releases: from('26.06'),
  doc: 'Interface defaults.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'default-rx-mode',
      values: [{ kind: 'enum', values: ['polling', 'interrupt', 'adaptive'] }],
      doc: 'Receive mode new interfaces start in.',
    },
  ],
};

const punt: StartupParam = {
  key: 'punt',
  doc: 'Socket through which punted packets are handed to an external process.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'socket', values: [{ kind: 'path', placeholder: '/run/vpp/punt.sock' }], doc: 'Unix datagram socket VPP binds for punt traffic.' }],
};

const session: StartupParam = {
  key: 'session',
  doc: 'The host stack session layer: enabling it at startup, message queues, lookup table sizes and source port range.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'enable', doc: 'Enable the session layer at startup (otherwise `session enable` is needed). From 24.10 it may be followed by `rt-backend`.' },
    {
      // session_config_fn reads `enable rt-backend rule-table` and `enable rt-backend sdl` as whole
      // literals: `rt-backend` alone is unknown input (VPP 24.10 and 26.06: "session_config_fn:
      // unknown input ` rt-backend rule-table'")
      key: 'enable rt-backend',
      values: [{ kind: 'enum', values: ['rule-table', 'sdl'] }],
      releases: from('24.10'),
      doc: 'Enable the session layer at startup with this session rule engine.',
    },
    { key: 'wrk-mq-length', values: [UINT], doc: 'Length of each worker\'s message queue; values below 2048 are ignored with a warning.' },
    { key: 'wrk-mqs-segment-size', values: [SIZE], doc: 'Size of the shared segment holding the worker message queues.' },
    { key: 'preallocated-sessions', values: [UINT], doc: 'Sessions to preallocate.' },
    { key: 'v4-session-table-buckets', values: [UINT], doc: 'Buckets of the IPv4 session lookup table.' },
    { key: 'v4-halfopen-table-buckets', values: [UINT], doc: 'Buckets of the IPv4 half-open lookup table.' },
    { key: 'v6-session-table-buckets', values: [UINT], doc: 'Buckets of the IPv6 session lookup table.' },
    { key: 'v6-halfopen-table-buckets', values: [UINT], doc: 'Buckets of the IPv6 half-open lookup table.' },
    { key: 'v4-session-table-memory', values: [SIZE], doc: 'Memory of the IPv4 session lookup table; must be below 4G.' },
    { key: 'v4-halfopen-table-memory', values: [SIZE], doc: 'Memory of the IPv4 half-open lookup table; must be below 4G.' },
    { key: 'v6-session-table-memory', values: [SIZE], doc: 'Memory of the IPv6 session lookup table; must be below 4G.' },
    { key: 'v6-halfopen-table-memory', values: [SIZE], doc: 'Memory of the IPv6 half-open lookup table; must be below 4G.' },
    { key: 'local-endpoints-table-memory', values: [SIZE], doc: 'Memory of the local endpoints table; must be below 4G.' },
    { key: 'local-endpoints-table-buckets', values: [UINT], doc: 'Buckets of the local endpoints table.' },
    { key: 'min-src-port', values: [UINT], doc: 'Lowest source port the session layer allocates for outgoing connections.' },
    { key: 'max-src-port', values: [UINT], doc: 'Highest source port the session layer allocates for outgoing connections.' },
    {
      key: 'use-app-socket-api',
      doc: 'Let applications attach over the app socket API. From 26.02 this is the default and the word is accepted without effect.',
    },
    {
      key: 'use-bapi-socket-api',
      releases: from('26.02'),
      deprecated: 'Attaching applications over the binary API is deprecated in favour of the socket API; VPP warns when this is set.',
      doc: 'Make applications attach over the binary API instead of the app socket API.',
    },
    { key: 'poll-main', doc: 'Poll the session queues on the main thread too.' },
    { key: 'use-private-rx-mqs', doc: 'Give each worker private receive message queues.' },
    { key: 'no-adaptive', doc: 'Turn off adaptive polling of the session queues.' },
    { key: 'use-dma', doc: 'Use DMA engines to copy data into FIFOs where available.' },
    { key: 'nat44-original-dst-enable', doc: 'Look up the original destination of NAT44-translated connections (needs the nat plugin).' },
    { key: 'no-dump-segments', releases: from('26.02'), doc: 'Leave shared FIFO segments out of core dumps.' },
    { key: 'evt_qs_memfd_seg', doc: 'Old option kept for compatibility; ignored.' },
    { key: 'segment-baseva', values: [{ kind: 'hex', prefix: '0x', placeholder: '0x200000000' }], doc: 'Old option kept for compatibility; ignored (written with a 0x prefix).' },
    { key: 'evt_qs_seg_size', values: [SIZE], doc: 'Old name of `wrk-mqs-segment-size`.' },
    { key: 'event-queue-length', values: [UINT], doc: 'Old name of `wrk-mq-length`.' },
  ],
};

const ccBlock = (name: string, extra: StartupParam[]): StartupParam => ({
  key: name,
  doc: `Settings of the ${name} congestion control algorithm. The \`{ }\` block is required.`,
  strict: true,
  block: [...extra, { key: 'ssthresh', values: [UINT], doc: 'Initial slow-start threshold in bytes.' }],
});

const tcp: StartupParam = {
  key: 'tcp',
  doc: 'Host stack TCP defaults: FIFO bounds, MTU, offloads, congestion control and connection timers.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'preallocated-connections', values: [UINT], doc: 'Connections to preallocate.' },
    { key: 'preallocated-half-open-connections', values: [UINT], doc: 'Old option kept for compatibility; ignored.' },
    { key: 'buffer-fail-fraction', values: [FLOAT], doc: 'Fraction of buffer allocations made to fail, for testing.' },
    { key: 'max-rx-fifo', values: [SIZE], doc: 'Largest receive FIFO (and so the largest advertised window); must be below 4G.' },
    { key: 'min-rx-fifo', values: [SIZE], doc: 'Smallest receive FIFO; must be below 4G.' },
    { key: 'mtu', values: [UINT], doc: 'Default MTU TCP assumes for its segments.' },
    { key: 'rwnd-min-update-ack', values: [UINT], doc: 'Minimum number of acks between receive window updates.' },
    { key: 'initial-cwnd-multiplier', values: [UINT], doc: 'Initial congestion window in segments.' },
    { key: 'no-tx-pacing', doc: 'Turn off transmit pacing.' },
    { key: 'tso', doc: 'Allow TCP segmentation offload where the interface supports it.' },
    { key: 'no-csum-offload', doc: 'Compute TCP checksums in software.' },
    { key: 'max-gso-size', values: [UINT], doc: 'Largest segment handed to GSO/TSO.' },
    { key: 'cc-algo', values: [{ kind: 'enum', values: ['newreno', 'cubic'] }], doc: 'Default congestion control algorithm.' },
    ccBlock('cubic', [{ key: 'no-fast-convergence', doc: 'Turn off cubic\'s fast convergence.' }]),
    ccBlock('newreno', []),
    { key: 'closewait-time', values: [UINT], doc: 'CLOSE-WAIT timeout in seconds.' },
    { key: 'timewait-time', values: [UINT], doc: 'TIME-WAIT timeout in seconds.' },
    { key: 'finwait1-time', values: [UINT], doc: 'FIN-WAIT-1 timeout in seconds.' },
    { key: 'finwait2-time', values: [UINT], doc: 'FIN-WAIT-2 timeout in seconds.' },
    { key: 'lastack-time', values: [UINT], doc: 'LAST-ACK timeout in seconds.' },
    { key: 'closing-time', values: [UINT], doc: 'CLOSING timeout in seconds.' },
    { key: 'alloc-err-timeout', values: [UINT], doc: 'Retry delay after a buffer allocation failure, in seconds.' },
    { key: 'cleanup-time', values: [UINT], doc: 'Delay before a closed connection is freed, in milliseconds.' },
    { key: 'syn-rcvd-time', values: [UINT], releases: from('24.10'), doc: 'SYN-RECEIVED timeout in seconds.' },
  ],
};

const udp: StartupParam = {
  key: 'udp',
  doc: 'Host stack UDP defaults.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'mtu', values: [UINT], doc: 'Default MTU for UDP sessions.' },
    { key: 'icmp-unreachable-disabled', doc: 'Do not answer packets to closed ports with ICMP unreachable.' },
    { key: 'no-csum-offload', doc: 'Compute UDP checksums in software.' },
  ],
};

const tls: StartupParam = {
  key: 'tls',
  doc: 'Host stack TLS: CA certificates and FIFO segment sizing.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'use-test-cert-in-ca', doc: 'Trust VPP\'s built-in test certificate (testing only).' },
    { key: 'ca-cert-path', values: [PATH], doc: 'File of CA certificates used to verify peers.' },
    { key: 'first-segment-size', values: [SIZE], doc: 'Size of the first FIFO segment TLS allocates.' },
    { key: 'add-segment-size', values: [SIZE], doc: 'Size of each further FIFO segment.' },
    { key: 'fifo-size', values: [SIZE], doc: 'FIFO size of TLS sessions; must be below 4G.' },
    {
      key: 'openssl',
      plugin: 'tlsopenssl',
      releases: from('26.06'),
      doc: 'Settings of the OpenSSL engine. Mistakes inside are reported but do not stop VPP.',
      strict: false,
      block: [{ key: 'provider', values: [{ kind: 'string', placeholder: 'default' }], doc: 'Load this OpenSSL 3 provider.' }],
    },
  ],
};

const numBuckets: StartupParam[] = [{ key: 'num-buckets', values: [UINT], doc: 'Number of hash buckets.' }];

const ipsec: StartupParam = {
  key: 'ipsec',
  doc: 'IPsec lookup structures: SPD fast path, SPD flow caches and tunnel lookup tables.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'ipv4-outbound-spd-fast-path', values: [ON_OFF], doc: 'Use the fast-path (hash based) lookup for outbound IPv4 SPD policies.' },
    { key: 'ipv6-outbound-spd-fast-path', values: [ON_OFF], doc: 'Use the fast-path lookup for outbound IPv6 SPD policies.' },
    { key: 'ipv4-inbound-spd-fast-path', values: [ON_OFF], doc: 'Use the fast-path lookup for inbound IPv4 SPD policies.' },
    { key: 'ipv6-inbound-spd-fast-path', values: [ON_OFF], doc: 'Use the fast-path lookup for inbound IPv6 SPD policies.' },
    { key: 'spd-fast-path-num-buckets', values: [UINT], doc: 'Buckets of the SPD fast-path hash (rounded up to a power of two).' },
    { key: 'ipv4-outbound-spd-flow-cache', values: [ON_OFF], doc: 'Cache outbound IPv4 SPD lookups per flow (ignored when the fast path is on).' },
    { key: 'ipv4-outbound-spd-hash-buckets', values: [UINT], doc: 'Buckets of the outbound flow cache (rounded up to a power of two).' },
    { key: 'ipv4-inbound-spd-flow-cache', values: [ON_OFF], doc: 'Cache inbound IPv4 SPD lookups per flow (ignored when the fast path is on).' },
    { key: 'ipv4-inbound-spd-hash-buckets', values: [UINT], doc: 'Buckets of the inbound flow cache (rounded up to a power of two).' },
    { key: 'ip4', doc: 'IPv4 tunnel lookup table.', strict: true, block: numBuckets },
    { key: 'ip6', doc: 'IPv6 tunnel lookup table.', strict: true, block: numBuckets },
    { key: 'async-handoff-queue-size', values: [UINT], releases: from('24.10'), doc: 'Length of the queues handing packets to async crypto.' },
  ],
};

const tuntap: StartupParam = {
  key: 'tuntap',
  doc: 'The legacy tun/tap punt interface (not `create tap`): a kernel interface that receives packets VPP does not handle itself.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'enable', doc: 'Create the tun/tap interface at startup (needs root).' },
    { key: 'disable', doc: 'Do not create it (the default).' },
    { key: 'mtu', values: [UINT], doc: 'MTU of the kernel interface.' },
    { key: 'ethernet', doc: 'Make it an Ethernet (tap) interface instead of an IP (tun) one.' },
    { key: 'ether', doc: 'Short form of `ethernet`.' },
    { key: 'have-normal-interface', doc: 'Also register it as an ordinary VPP interface.' },
    { key: 'have-normal', doc: 'Short form of `have-normal-interface`.' },
    { key: 'name', values: [{ kind: 'ifname', placeholder: 'vpp0' }], doc: 'Name of the kernel interface.' },
  ],
};

const tap: StartupParam = {
  key: 'tap',
  doc: 'Default MTU of the Linux side of tap interfaces.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'host-mtu', values: [UINT], doc: 'MTU given to the host side of newly created tap interfaces.' }],
  fatal: {
    releases: from('26.02'),
    message: 'From 26.02 tap is a plugin without a `tap` section, so VPP refuses to start; set `host-mtu-size` on `create tap` instead.',
  },
};

const cryptoEngines: StartupParam = {
  key: 'crypto-engines',
  releases: from('25.06'),
  doc: 'Which crypto engines load: a default for all, and enable or disable per engine.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'default',
      doc: '`default { disable }` turns off every engine not enabled by name.',
      strict: false,
      block: [
        { key: 'disable', doc: 'Engines not named elsewhere are disabled.' },
        { key: 'enable', doc: 'Engines not named elsewhere stay enabled (the default).' },
      ],
    },
    {
      key: '*',
      keyName: 'engine',
      repeatable: true,
      doc: 'One crypto engine by name (e.g. `openssl`, `ipsecmb`, `native`). The block is required; naming an engine twice or giving both enable and disable stops VPP.',
      strict: true,
      block: [
        { key: 'enable', doc: 'Use this engine.' },
        { key: 'disable', doc: 'Do not use this engine.' },
      ],
    },
  ],
};

const sfdp: StartupParam = {
  key: 'sfdp',
  releases: from('26.02'),
  doc: 'Sizing of the stateful flow data plane (SFDP) session tables.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'sessions-log2', values: [UINT], doc: 'Log2 of the maximum number of sessions.' },
    { key: 'sessions-per-thread-cache-log2', values: [UINT], doc: 'Log2 of the per-thread session cache size.' },
    { key: 'tenants-log2', values: [UINT], doc: 'Log2 of the maximum number of tenants.' },
    { key: 'eviction-sessions-margin', values: [UINT], doc: 'Free-session margin below which sessions are evicted.' },
    { key: 'timer-interval', values: [{ kind: 'float', max: 60 }], releases: from('26.06'), doc: 'Session timer tick in seconds; must be above 0 and at most 60.' },
    { key: 'no-main', doc: 'Keep SFDP processing off the main thread (only when there are workers).' },
  ],
};

export const NETWORK_SECTIONS: readonly StartupParam[] = [
  ip,
  ip6,
  mpls,
  l3fib,
  l2fib,
  l2learn,
  ethernet,
  iface,
  punt,
  session,
  tcp,
  udp,
  tls,
  ipsec,
  tuntap,
  tap,
  cryptoEngines,
  sfdp,
];

