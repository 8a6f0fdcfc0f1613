/**
 * startup.conf sections that exist only when their plugin is loaded. A section whose plugin is not
 * loaded (disabled by default, or disabled in `plugins { }`) is an unknown section and VPP refuses
 * to start; see PluginSpec.defaultDisabled for the plugins that must be enabled first.
 */
import type { StartupParam } from '../types';
import { FLOAT, INT, ON_OFF, PATH, SECTION_REPEATS, SIZE, STRING, UINT, between, from, until } from './common';

const linuxCp: StartupParam = {
  key: 'linux-cp',
  plugin: 'linux_cp',
  doc: 'Linux control plane (interface mirroring into the kernel). The linux_cp plugin is disabled by default and must be enabled in `plugins { }`.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'default netns',
      values: [{ kind: 'netns', placeholder: 'dataplane' }],
      doc: 'Network namespace in which Linux interface pairs are created unless given explicitly; the name must be shorter than 32 characters.',
    },
    { key: 'lcp-auto-subint', doc: 'Create Linux sub-interfaces automatically when VPP sub-interfaces are created on a mirrored interface.' },
    { key: 'lcp-sync', doc: 'Copy state changes made in VPP (admin state, MTU, addresses) to the Linux interfaces.' },
    { key: 'del-static-on-link-down', doc: 'Remove static routes through an interface when its link goes down.' },
    { key: 'del-dynamic-on-link-down', doc: 'Remove dynamic routes through an interface when its link goes down.' },
    { key: 'num-rx-queues', values: [UINT], releases: from('24.06'), doc: 'Receive queues of the tap interfaces created for Linux pairs.' },
    { key: 'num-tx-queues', values: [UINT], releases: from('24.06'), doc: 'Transmit queues of the tap interfaces created for Linux pairs.' },
  ],
};

const linuxNl: StartupParam = {
  key: 'linux-nl',
  plugin: 'linux_nl',
  doc: 'Netlink listener that copies routes, addresses and neighbours from Linux into VPP. The linux_nl plugin is disabled by default.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'nl-rx-buffer-size', values: [UINT], doc: 'Receive buffer size of the netlink socket; raise it for full routing tables.' },
    { key: 'nl-batch-size', values: [UINT], doc: 'Netlink messages processed per batch.' },
    { key: 'nl-batch-delay-ms', values: [UINT], doc: 'Pause between batches in milliseconds.' },
  ],
};

const acl: StartupParam = {
  key: 'acl-plugin',
  plugin: 'acl',
  doc: 'Sizing of the ACL plugin\'s connection table and hash-based lookup.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'connection hash buckets', values: [UINT], doc: 'Buckets of the stateful connection table.' },
    { key: 'connection hash memory', values: [SIZE], doc: 'Memory of the stateful connection table.' },
    { key: 'connection count max', values: [UINT], doc: 'Maximum number of tracked connections.' },
    {
      key: 'main heap size',
      values: [SIZE],
      deprecated: 'The ACL plugin now uses the main heap; VPP ignores this setting and warns.',
      doc: 'No longer has any effect.',
    },
    {
      key: 'hash lookup heap size',
      values: [SIZE],
      deprecated: 'The ACL plugin now uses the main heap; VPP ignores this setting and warns.',
      doc: 'No longer has any effect.',
    },
    { key: 'hash lookup hash buckets', values: [UINT], doc: 'Buckets of the ACL hash lookup table.' },
    { key: 'hash lookup hash memory', values: [SIZE], doc: 'Memory of the ACL hash lookup table.' },
    { key: 'use tuple merge', values: [UINT], doc: '1 to use the tuple-merge lookup algorithm, 0 for plain hashing.' },
    { key: 'tuple merge split threshold', values: [UINT], doc: 'Number of colliding rules after which tuple merge splits a table.' },
    { key: 'reclassify sessions', values: [UINT], doc: '1 to re-check existing sessions when an ACL changes.' },
  ],
};

const cnatParams: StartupParam[] = [
  { key: 'session-db-buckets', values: [UINT], releases: until('26.02'), doc: 'Buckets of the session table.' },
  { key: 'session-db-memory', values: [SIZE], releases: until('26.02'), doc: 'Memory of the session table.' },
  { key: 'translation-db-buckets', values: [UINT], doc: 'Buckets of the translation table.' },
  { key: 'translation-db-memory', values: [SIZE], doc: 'Memory of the translation table.' },
  { key: 'client-db-buckets', values: [UINT], doc: 'Buckets of the client table.' },
  { key: 'client-db-memory', values: [SIZE], doc: 'Memory of the client table.' },
  { key: 'snat-db-buckets', values: [UINT], doc: 'Buckets of the source NAT table.' },
  { key: 'snat-db-memory', values: [SIZE], doc: 'Memory of the source NAT table.' },
  { key: 'snat-if-map-len', values: [UINT], doc: 'Size of the source NAT interface map.' },
  { key: 'session-cleanup-timeout', values: [FLOAT], doc: 'Seconds between runs of the session scanner.' },
  { key: 'scanner', values: [ON_OFF], doc: 'Whether the session scanner runs.' },
  { key: 'session-max-age', values: [UINT], doc: 'Seconds after which an idle session expires.' },
  { key: 'tcp-max-age', values: [UINT], doc: 'Seconds after which an idle established TCP session expires.' },
  { key: 'maglev-len', values: [UINT], doc: 'Size of the Maglev lookup table for load balancing.' },
  { key: 'session-max-port-retries', values: [UINT], releases: from('26.06'), doc: 'Attempts to find a free source port for a new session.' },
  { key: 'session-log2-pool-size', values: [UINT], releases: from('26.06'), doc: 'Log2 of the session pool chunk size.' },
  { key: 'session-max', values: [UINT], releases: from('26.06'), doc: 'Maximum number of sessions; too large a value stops VPP.' },
  { key: 'session-max-per-vrf', values: [UINT], releases: from('26.06'), doc: 'Maximum sessions per VRF; may not exceed session-max.' },
];

const cnat: StartupParam = {
  key: 'cnat',
  plugin: 'cnat',
  doc: 'Table sizes and timers of the cloud NAT (cnat) plugin.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: cnatParams,
};

const ct6: StartupParam = {
  key: 'ct6',
  plugin: 'ct6',
  doc: 'IPv6 connection tracker settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'session-hash-buckets', values: [UINT], doc: 'Buckets of the session table.' },
    { key: 'session-hash-memory', values: [SIZE], doc: 'Memory of the session table.' },
    { key: 'session-timeout', values: [FLOAT], doc: 'Seconds after which an idle session expires.' },
  ],
};

const dns: StartupParam = {
  key: 'dns',
  plugin: 'dns',
  doc: 'DNS resolver cache settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'max-cache-size', values: [UINT], doc: 'Maximum number of cached names.' },
    { key: 'max-ttl', values: [UINT], doc: 'Upper bound in seconds on how long an entry is cached.' },
  ],
};

const dslite: StartupParam = {
  key: 'dslite',
  plugin: 'dslite',
  doc: 'DS-Lite mode. Only `ce` may appear here: VPP loops forever (hangs at startup) on any other word.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'ce', doc: 'Act as the customer-edge (B4) side instead of the AFTR.' }],
};

const fateshare: StartupParam = {
  key: 'fateshare',
  plugin: 'fateshare',
  doc: 'Child processes that live and die with VPP, restarted if they exit. The fateshare plugin is disabled by default.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'monitor', values: [PATH], doc: 'Monitor program that supervises the children (default: vpp_fateshare_monitor next to the vpp binary).' },
    { key: 'logfile', values: [PATH], doc: 'Log file of the monitor.' },
    { key: 'command', values: [PATH], repeatable: true, doc: 'Program to start and keep running; may be given several times.' },
  ],
};

const http: StartupParam = {
  key: 'http',
  plugin: 'http',
  doc: 'HTTP plugin FIFO sizing and per-protocol-version settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'first-segment-size', values: [SIZE], doc: 'Size of the first FIFO segment (at least 1M; smaller values are raised with a warning).' },
    { key: 'add-segment-size', values: [SIZE], doc: 'Size of each further FIFO segment (at least 1M).' },
    { key: 'fifo-size', values: [SIZE], doc: 'FIFO size of HTTP sessions, kept between 4K and 2G.' },
    {
      key: 'http2',
      releases: from('25.06'),
      doc: 'HTTP/2 settings advertised to peers. The block is required; an unknown or out-of-range setting stops VPP.',
      strict: true,
      block: [
        { key: 'initial-window-size', values: [UINT], doc: 'Initial flow-control window.' },
        { key: 'max-frame-size', values: [UINT], doc: 'Largest frame payload accepted.' },
        { key: 'max-header-list-size', values: [UINT], doc: 'Largest header list accepted.' },
        { key: 'header-table-size', values: [UINT], doc: 'Size of the HPACK header table.' },
      ],
    },
    {
      key: 'http3',
      releases: from('26.02'),
      doc: 'HTTP/3 settings. Only `max-field-section-size` may appear: VPP hangs at startup on any other word here.',
      strict: true,
      block: [{ key: 'max-field-section-size', values: [UINT], doc: 'Largest header section accepted.' }],
    },
  ],
};

const l2tp: StartupParam = {
  key: 'l2tp',
  plugin: 'l2tp',
  doc: 'How L2TPv3 sessions are looked up for received packets.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'lookup-v6-src', doc: 'Find the session by the IPv6 source address.' },
    { key: 'lookup-v6-dst', doc: 'Find the session by the IPv6 destination address.' },
    { key: 'lookup-session-id', doc: 'Find the session by its session id.' },
  ],
};

const mactime: StartupParam = {
  key: 'mactime',
  plugin: 'mactime',
  doc: 'Time-based MAC filtering table settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'lookup-table-buckets', values: [UINT], doc: 'Buckets of the MAC lookup table.' },
    { key: 'lookup-table-memory', values: [SIZE], doc: 'Memory of the MAC lookup table.' },
    { key: 'timezone_offset', values: [INT], doc: 'Offset from UTC in hours used for time ranges.' },
  ],
};

const nsim: StartupParam = {
  key: 'nsim',
  plugin: 'nsim',
  doc: 'Network delay simulator settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'poll-main-thread', doc: 'Run the simulator\'s wheel on the main thread as well.' }],
};

const quic: StartupParam = {
  key: 'quic',
  plugin: 'quic',
  doc: 'QUIC transport settings. The quic plugin is disabled by default up to 25.02.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'fifo-size', values: [SIZE], doc: 'FIFO size of the underlying UDP sessions; must be below 4G.' },
    { key: 'conn-timeout', values: [UINT], doc: 'Idle connection timeout in milliseconds (default 30000).' },
    { key: 'fifo-prealloc', values: [UINT], doc: 'Number of FIFOs to preallocate.' },
    { key: 'first-segment-size', values: [SIZE], releases: from('26.06'), doc: 'Size of the first FIFO segment.' },
    { key: 'add-segment-size', values: [SIZE], releases: from('26.06'), doc: 'Size of each further FIFO segment.' },
    { key: 'no-tx-pacing', releases: from('26.06'), doc: 'Turn off transmit pacing.' },
    { key: 'respect-app-limited', releases: from('26.06'), doc: 'Honour application-limited periods in congestion control.' },
    { key: 'enable-vnet-crypto', releases: from('26.06'), doc: 'Use VPP\'s crypto framework for QUIC packet protection.' },
  ],
};

const dsa: StartupParam = {
  key: 'dsa',
  plugin: 'dma_intel',
  // dsa_config: `else if (unformat_skip_white_space (input))`
  skipsBlanks: true,
  doc: 'Intel DSA work queues VPP uses as DMA engines.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'dev',
      values: [{ kind: 'string', placeholder: 'wq0.0' }],
      repeatable: true,
      doc: 'A DSA work queue, written `wq<device>.<queue>`.',
    },
  ],
};

const cryptoSwScheduler: StartupParam = {
  key: 'crypto_sw_scheduler',
  plugin: 'crypto_sw_scheduler',
  releases: from('25.02'),
  doc: 'Software crypto scheduler queue sizing.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'crypto-sw-scheduler-queue-size',
      values: [{ kind: 'uint', powerOfTwo: true }],
      doc: 'Length of each per-thread crypto queue; must be a power of two.',
    },
  ],
};

const pvti: StartupParam = {
  key: 'pvti',
  plugin: 'pvti',
  releases: from('24.10'),
  doc: 'Placement of the packet vector tunnel (pvti) bypass feature.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'runs-before', values: [{ kind: 'string', placeholder: 'ip4-lookup' }], doc: 'Feature node the pvti bypass must run before.' }],
};

const selog: StartupParam = {
  key: 'selog',
  plugin: 'selog',
  releases: from('26.02'),
  doc: 'Shared-memory event log settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'ssvm-name', values: [STRING], doc: 'Name of the shared-memory segment.' }],
};

const calicoPolicy: StartupParam = {
  key: 'calico-policy-plugin',
  plugin: 'npol',
  releases: from('26.02'),
  doc: 'Registered by the network policy (npol) plugin; its contents are ignored.',
  repeatable: SECTION_REPEATS,
  strict: false,
  block: [],
};

const testProxy: StartupParam = {
  key: 'test-proxy',
  plugin: 'hs_apps',
  releases: from('26.06'),
  doc: 'Proxy servers of the host-stack test proxy started at boot.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'server',
      repeatable: true,
      doc: 'One proxy server. `listener` and `action` are required; `reverse-connect` also needs `upstream`; `cert` and `key` go together.',
      strict: true,
      block: [
        { key: 'listener', values: [{ kind: 'string', placeholder: 'tcp://0.0.0.0/8080' }], doc: 'URI the proxy listens on.' },
        { key: 'upstream', values: [{ kind: 'string', placeholder: 'tcp://10.0.0.1/80' }], doc: 'URI of the upstream server.' },
        { key: 'cert', values: [PATH], doc: 'TLS certificate file.' },
        { key: 'key', values: [PATH], doc: 'TLS private key file.' },
        { key: 'path', values: [STRING], doc: 'HTTP path handled by this server.' },
        { key: 'action', values: [{ kind: 'enum', values: ['connect', 'reverse-connect'] }], doc: 'Proxy mode.' },
      ],
    },
  ],
};

const ikev2: StartupParam = {
  key: 'ikev2',
  plugin: 'ikev2',
  releases: between('24.10', '26.02'),
  doc: 'IKEv2 plugin threading.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [{ key: 'handoff-thread', values: [UINT], doc: 'Worker thread that handles IKEv2 packets; must not exceed the number of workers.' }],
};

const apiFuzz: StartupParam = {
  key: 'api-fuzz',
  plugin: 'unittest',
  doc: 'Binary API fuzzing for testing (unittest plugin, disabled by default).',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'on', doc: 'Fuzz API messages once the main loop starts.' },
    { key: 'enable', doc: 'Same as `on`.' },
    { key: 'yes', doc: 'Same as `on`.' },
    { key: 'off', doc: 'No fuzzing (the default).' },
    { key: 'disable', doc: 'Same as `off`.' },
    { key: 'no', doc: 'Same as `off`.' },
  ],
};

const vhostUser: StartupParam = {
  key: 'vhost-user',
  plugin: 'vhost',
  doc: 'vhost-user interface defaults.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'coalesce-frames', values: [UINT], doc: 'Packets to gather before interrupting the guest.' },
    { key: 'coalesce-time', values: [FLOAT], doc: 'Longest wait in seconds before interrupting the guest.' },
    { key: 'dont-dump-memory', doc: 'Leave guest memory mappings out of core dumps.' },
  ],
};

export const PLUGIN_SECTIONS: readonly StartupParam[] = [
  linuxCp,
  linuxNl,
  acl,
  cnat,
  ct6,
  dns,
  dslite,
  fateshare,
  http,
  l2tp,
  mactime,
  nsim,
  quic,
  dsa,
  cryptoSwScheduler,
  pvti,
  selog,
  calicoPolicy,
  testProxy,
  ikev2,
  apiFuzz,
  vhostUser,
];
