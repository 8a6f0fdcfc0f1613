/**
 * startup.conf sections read by vlib, vlibmemory and the vpp executable itself: process setup,
 * API transport, threads, memory, buffers, statistics, logging, plugins and node variants.
 */
import type { StartupParam } from '../types';
import {
  CORELIST,
  FLOAT,
  HEX,
  INT,
  LOG_LEVEL,
  ON_OFF,
  PAGE_SIZE,
  PATH,
  SECTION_REPEATS,
  SIZE,
  STRING,
  UINT,
  between,
  from,
  until,
} from './common';

const unix: StartupParam = {
  key: 'unix',
  doc: 'Process-level settings: daemonising, logging, the CLI (stdin, socket or TCP), the runtime directory, core dumps and the script run at startup.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'interactive', doc: 'Run the debug CLI on the terminal VPP was started from; VPP neither forks into the background nor logs to syslog.' },
    { key: 'nodaemon', doc: 'Stay in the foreground instead of forking into the background; the usual choice under systemd or in a container.' },
    { key: 'nosyslog', doc: 'Write log and error output to stderr instead of syslog, for process supervisors that collect stderr.' },
    { key: 'nocolor', doc: 'Turn off ANSI colours in terminal output.' },
    { key: 'nobanner', doc: 'Do not print the startup banner.' },
    { key: 'cli-prompt', values: [{ kind: 'string', placeholder: 'vpp# ' }], doc: 'Text used as the CLI prompt.' },
    {
      key: 'cli-listen',
      values: [{ kind: 'string', placeholder: '/run/vpp/cli.sock' }],
      doc: 'Where the CLI listens: a Unix socket path (what `vppctl` connects to) or `host:port` for a TCP (telnet-style) listener.',
    },
    {
      key: 'use-current-dir',
      releases: from('25.06'),
      doc: 'Use the directory VPP was started from as its runtime directory (for sockets and other runtime files).',
    },
    { key: 'runtime-dir', values: [PATH], doc: 'Directory for runtime files such as sockets; defaults to /run/vpp for root and /run/user/<uid>/vpp otherwise.' },
    { key: 'cli-line-mode', doc: 'Read CLI input a line at a time instead of a character at a time (no line editing); handy when driving VPP from an editor or debugger.' },
    { key: 'cli-no-banner', doc: 'Do not show the welcome banner on CLI sessions.' },
    { key: 'cli-no-pager', doc: 'Turn off the output pager in CLI sessions.' },
    { key: 'poll-sleep-usec', values: [UINT], doc: 'Sleep this many microseconds between main-loop polls, trading latency for lower CPU use (useful on shared or virtual hosts).' },
    { key: 'cli-pager-buffer-limit', values: [UINT], doc: 'Maximum number of output lines the pager keeps; 0 disables the pager.' },
    { key: 'cli-history-limit', values: [UINT], doc: 'Number of commands kept in CLI history; 0 disables history.' },
    {
      key: 'coredump-size',
      values: [{ kind: 'string', placeholder: 'unlimited' }],
      doc: 'Core file size limit: `unlimited` or a size such as `4G`. Anything else stops VPP at startup.',
    },
    { key: 'full-coredump', doc: 'Ask the kernel to include all mapped memory (not just text, data and bss) in core dumps.' },
    { key: 'startup-config', values: [PATH], doc: 'CLI script run once VPP has started; same as `exec` (the last one given wins).' },
    { key: 'exec', values: [PATH], doc: 'CLI script run once VPP has started; same as `startup-config` (the last one given wins).' },
    { key: 'log', values: [PATH], doc: 'File that receives a startup marker and every CLI command entered, useful when reproducing problems.' },
    {
      key: 'gid',
      values: [{ kind: 'string', placeholder: 'vpp' }],
      doc: 'Group (name or number) VPP switches its effective gid to; the group must exist or VPP stops at startup.',
    },
    { key: 'pidfile', values: [PATH], doc: 'File VPP writes its process id to. A relative name is placed in the runtime directory; an absolute one must lie inside it (and `..` is refused), or VPP stops at startup.' },
  ],
};

const unixCli: StartupParam = {
  key: 'unix-cli',
  doc: 'Registered so that the name is accepted; VPP ignores whatever the block contains (CLI options live in `unix`).',
  repeatable: SECTION_REPEATS,
  strict: false,
  block: [],
};

const apiTrace: StartupParam = {
  key: 'api-trace',
  doc: 'Binary API message tracing. Leaving it on costs little and lets `api trace` and post-mortem dumps show recent API traffic.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'on', doc: 'Turn API tracing on (also enables the post-mortem trace dump). May be followed directly by `nitems N`.' },
    { key: 'enable', doc: 'Same as `on`. May be followed directly by `nitems N`.' },
    // api_trace_config_fn reads `nitems %d` only right after `on` / `enable`; anywhere else it is unknown input
    { key: 'on nitems', values: [INT], doc: 'Turn API tracing on with a trace ring of this many messages (default 256K). `nitems` is only accepted directly after `on` or `enable`; on its own VPP rejects it.' },
    { key: 'enable nitems', values: [INT], doc: 'Same as `on nitems`.' },
    { key: 'save-api-table', values: [{ kind: 'path', placeholder: 'api-table' }], doc: 'File (under /tmp) to which the API message table is written, to compare message ids across builds.' },
  ],
};

const apiQueue: StartupParam = {
  key: 'api-queue',
  doc: 'Length of the queue carrying binary API messages into the main thread.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'length', values: [UINT], doc: 'Queue length in messages; values below 1024 are ignored with a warning.' },
    { key: 'len', values: [UINT], doc: 'Short form of `length`.' },
  ],
};

const apiSegment: StartupParam = {
  key: 'api-segment',
  doc: 'Shared-memory segment used by binary API clients: its name prefix, owner and sizes.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'prefix', values: [{ kind: 'string', placeholder: 'vpp1' }], doc: 'Name prefix for the shared-memory files, needed to run several VPP instances on one host.' },
    { key: 'uid', values: [{ kind: 'string', placeholder: 'vpp' }], doc: 'Owner of the segment, as a number or a user name; an unknown user name stops VPP.' },
    { key: 'gid', values: [{ kind: 'string', placeholder: 'vpp' }], doc: 'Group of the segment, as a number or a group name; an unknown group stops VPP. Clients must be in this group.' },
    { key: 'baseva', values: [HEX], doc: 'Virtual base address at which to map the global segment.' },
    { key: 'global-size', values: [SIZE], doc: 'Size of the global segment; a plain byte count or a number ending in M or G.' },
    { key: 'api-size', values: [SIZE], doc: 'Size of the API segment; a plain byte count or a number ending in M or G.' },
    { key: 'global-pvt-heap-size', values: [SIZE], doc: 'Private heap of the global segment, written as a number ending in M (or as `global-pvt-heap-size size <bytes>`).' },
    { key: 'global-pvt-heap-size size', values: [UINT], doc: 'Private heap of the global segment in bytes.' },
    { key: 'api-pvt-heap-size', values: [SIZE], doc: 'Private heap of the API segment, written as a number ending in M (or as `api-pvt-heap-size size <bytes>`).' },
    { key: 'api-pvt-heap-size size', values: [UINT], doc: 'Private heap of the API segment in bytes.' },
  ],
};

const socksvr: StartupParam = {
  key: 'socksvr',
  doc: 'Unix socket on which binary API clients (govpp, vpp_papi) connect.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'socket-name', values: [{ kind: 'path', placeholder: '/run/vpp/api.sock' }], doc: 'Path of the API socket; defaults to api.sock in the runtime directory.' },
    {
      key: 'default',
      deprecated: '`default` is ignored: VPP reads the word and does nothing with it (the socket is created at its default path anyway).',
      doc: 'Kept for old configs and ignored: the socket is created at its default path anyway.',
    },
  ],
};

const cpu: StartupParam = {
  key: 'cpu',
  doc: 'Thread layout: which core runs the main thread, how many worker threads there are and where they are pinned, and their scheduling policy. An unknown word followed by a number is taken as a thread type and stops VPP; other unknown words silently end the section.',
  repeatable: SECTION_REPEATS,
  // The loop ends with `break`: a word it does not know silently ends the section, unless it reads as
  // a thread type (`corelist-NAME`, `coremask-NAME`, `NAME <count>`); the only one VPP registers is `workers`.
  strict: false,
  lookups: [
    { prefix: 'coremask-', values: [HEX], message: "no such thread type '%s'" },
    { prefix: 'corelist-', values: [CORELIST], message: "no such thread type '%s'" },
    { values: [UINT], message: "no such thread type 3 '%s'" },
  ],
  block: [
    { key: 'main-core', values: [UINT], doc: 'Logical core the main thread is pinned to. Required (from 24.10) when workers are placed with corelist-/coremask-, and (from 25.06) when skip-cores is used.' },
    { key: 'corelist-workers', values: [CORELIST], doc: 'Cores for worker threads, one worker per listed core (e.g. `2-3,18-19`). Cannot be combined with `workers`, and may be given once only.' },
    { key: 'coremask-workers', values: [HEX], doc: 'Hex bit mask of cores for worker threads, one worker per set bit. Cannot be combined with `workers`.' },
    { key: 'workers', values: [UINT], doc: 'Number of worker threads, placed on consecutive free cores after skip-cores and the main core. Cannot be combined with a worker core list.' },
    { key: 'skip-cores', values: [UINT], doc: 'Leave this many of the lowest cores unused when placing threads automatically.' },
    {
      key: 'relative',
      // cpu_config in src/vlib/threads.c reads "relative" from 25.06; before, it is an unknown word that ends the section
      releases: from('25.06'),
      doc: 'Interpret core numbers (main-core and worker core lists) relative to the cores VPP may run on (its affinity set) rather than all host cores.',
    },
    { key: 'use-pthreads', doc: 'Create threads with plain pthreads instead of VPP\'s own thread launcher.' },
    { key: 'thread-prefix', values: [{ kind: 'string', placeholder: 'vpp' }], doc: 'Prefix of the thread names shown by the OS (default `vpp`).' },
    { key: 'numa-heap-size', values: [SIZE], doc: 'Size of the per-NUMA-node heaps.' },
    {
      key: 'scheduler-policy',
      values: [{ kind: 'enum', values: ['other', 'fifo', 'rr', 'batch', 'idle'] }],
      doc: 'Linux scheduling policy for VPP threads.',
    },
    { key: 'scheduler-priority', values: [UINT], doc: 'Thread priority, clamped to the range of the policy; it needs `scheduler-policy fifo` or `rr`, otherwise VPP refuses to start.' },
  ],
};

const memoryParams: StartupParam[] = [
  { key: 'main-heap-size', values: [SIZE], doc: 'Size of the main heap (default 1G); raise it for large FIBs or many sessions.' },
  { key: 'main-heap-page-size', values: [PAGE_SIZE], doc: 'Page size backing the main heap: a size with K/M/G suffix, `default` or `default-hugepage`.' },
  { key: 'default-hugepage-size', values: [PAGE_SIZE], doc: 'Huge page size VPP treats as the default, as a size with K/M/G suffix.' },
];

const memoryDoc = 'Main heap settings, read by the vpp executable before anything else starts.';

const memoryOld: StartupParam = {
  key: 'memory',
  doc: memoryDoc,
  releases: until('25.10'),
  repeatable: SECTION_REPEATS,
  // Up to 25.10 an unknown word makes vpp print an error and exit.
  strict: true,
  block: memoryParams,
};

const memoryNew: StartupParam = {
  key: 'memory',
  doc: memoryDoc,
  releases: from('26.02'),
  repeatable: SECTION_REPEATS,
  // From 26.02 unknown words are skipped silently.
  strict: false,
  block: memoryParams,
};

const heapsize: StartupParam = {
  key: 'heapsize',
  values: [SIZE],
  doc: 'Old way to set the main heap size (a number with optional M or G). Use `memory { main-heap-size ... }` instead.',
  repeatable: SECTION_REPEATS,
  fatal: {
    releases: from('26.02'),
    message: 'From 26.02 `heapsize` is no longer a known section and VPP refuses to start; use `memory { main-heap-size ... }`.',
    // 25.10 read `heapsize <n>[mMgG]` by hand (src/vpp/vnet/main.c); 26.02 reads main-heap-size with unformat_memory_size, which takes the same sizes
    replacement: { section: 'memory', param: 'main-heap-size' },
  },
};

const pluginPath: StartupParam = {
  key: 'plugin_path',
  values: [{ kind: 'path', placeholder: '/usr/lib/x86_64-linux-gnu/vpp_plugins' }],
  doc: 'Directory (or colon-separated directories) VPP loads plugins from; `plugins { path ... }` does the same.',
  repeatable: SECTION_REPEATS,
};

const testPluginPath: StartupParam = {
  key: 'test_plugin_path',
  values: [PATH],
  doc: 'Directory of the API test (vat) plugins.',
  repeatable: SECTION_REPEATS,
};

const plugins: StartupParam = {
  key: 'plugins',
  doc: 'Where plugins are loaded from and which ones are enabled. Plugins disabled by default (linux_cp, linux_nl, ...) must be enabled here before their sections can be used.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'path', values: [{ kind: 'path', placeholder: '/usr/lib/x86_64-linux-gnu/vpp_plugins' }], doc: 'Replace the plugin search path (colon-separated directories).' },
    { key: 'add-path', values: [PATH], doc: 'Add a directory to the plugin search path.' },
    { key: 'name-filter', values: [STRING], doc: 'Only load plugin files whose name matches this filter.' },
    { key: 'vat-path', values: [PATH], doc: 'Search path of the API test (vat) plugins.' },
    { key: 'vat-name-filter', values: [STRING], doc: 'Only load vat plugin files whose name matches this filter.' },
    {
      key: 'plugin default',
      doc: 'Default for every plugin not listed by name: `{ disable }` turns all plugins off so that only those enabled explicitly load.',
      strict: false,
      block: [
        { key: 'disable', doc: 'Plugins not named elsewhere are not loaded.' },
        { key: 'enable', doc: 'Plugins not named elsewhere load as usual (the default).' },
      ],
    },
    {
      key: 'plugin',
      values: [{ kind: 'string', placeholder: 'dpdk_plugin.so' }],
      repeatable: true,
      doc: 'Settings for one plugin, named by its file (e.g. `linux_cp_plugin.so`). The `{ }` block is required; naming the same plugin twice, or giving both enable and disable, stops VPP.',
      strict: true,
      block: [
        { key: 'enable', doc: 'Load the plugin, including plugins that are disabled by default.' },
        { key: 'disable', doc: 'Do not load the plugin.' },
        { key: 'skip-version-check', doc: 'Load the plugin even if it was built for a different VPP version.' },
      ],
    },
  ],
};

const buffers: StartupParam = {
  key: 'buffers',
  doc: 'Packet buffer pools: how many buffers per NUMA node, their data size and the memory page size behind them.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'buffers-per-numa', values: [UINT], doc: 'Buffers allocated on each NUMA node; raise it with many interfaces, queues or workers.' },
    { key: 'page-size', values: [PAGE_SIZE], doc: 'Page size of the buffer memory: a size with K/M/G suffix, `default` or `default-hugepage`.' },
    { key: 'default data-size', values: [UINT], doc: 'Bytes of packet data per buffer (default 2048).' },
    {
      key: 'numa',
      values: [{ kind: 'uint', max: 31 }],
      releases: from('24.10'),
      repeatable: true,
      doc: 'Override the buffer count for one NUMA node: `numa 1 { buffers 32768 }`. Node numbers from 32 up are refused.',
      strict: true,
      block: [{ key: 'buffers', values: [UINT], doc: 'Number of buffers on this NUMA node.' }],
    },
  ],
};

const physmem: StartupParam = {
  key: 'physmem',
  doc: 'Physical (DMA-able) memory VPP reserves for drivers.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'base-addr', values: [{ kind: 'hex', prefix: '0x', placeholder: '0x1000000000' }], doc: 'Virtual base address for the physmem region, written with a 0x prefix.' },
    { key: 'max-size', values: [SIZE], doc: 'Upper limit of physical memory VPP may allocate.' },
  ],
};

const statseg: StartupParam = {
  key: 'statseg',
  doc: 'The statistics shared-memory segment read by `vpp_get_stats` and stats clients.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'socket-name', values: [{ kind: 'path', placeholder: '/run/vpp/stats.sock' }], doc: 'Socket over which stats clients receive the segment.' },
    { key: 'default', deprecated: '`default` is ignored: VPP reads the word and does nothing with it.', doc: 'Kept for old configs and ignored.' },
    { key: 'size', values: [SIZE], doc: 'Size of the stats segment; raise it with many interfaces or nodes.' },
    { key: 'page-size', values: [PAGE_SIZE], doc: 'Page size of the segment memory, as a size with K/M/G suffix, `default` or `default-hugepage`.' },
    { key: 'per-node-counters', values: [ON_OFF], doc: 'Publish per-graph-node counters in the segment.' },
    { key: 'update-interval', values: [FLOAT], doc: 'Seconds between updates of the periodically collected counters.' },
  ],
};

const logging: StartupParam = {
  key: 'logging',
  doc: 'Log buffer size, default levels for the in-memory log and syslog, and per-class overrides.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'size', values: [UINT], doc: 'Number of entries kept in the in-memory log (`show logging`).' },
    { key: 'unthrottle-time', values: [UINT], doc: 'Seconds after which a rate-limited log class may log again.' },
    { key: 'default-log-level', values: [LOG_LEVEL], doc: 'Lowest level recorded in the in-memory log for classes without their own setting.' },
    { key: 'default-syslog-log-level', values: [LOG_LEVEL], doc: 'Lowest level sent to syslog (or stderr) for classes without their own setting.' },
    { key: 'default-kmsg-log-level', values: [LOG_LEVEL], releases: from('26.06'), doc: 'Lowest level written to the kernel log for classes without their own setting.' },
    { key: 'add-to-elog', doc: 'Copy log messages into the event logger as well.' },
    {
      key: 'class',
      values: [{ kind: 'string', placeholder: 'dpdk' }],
      repeatable: true,
      doc: 'Settings for one log class, e.g. `class linux-cp/if { level debug }`. The block is required; configuring a class twice stops VPP.',
      strict: true,
      block: [
        { key: 'level', values: [LOG_LEVEL], doc: 'Lowest level recorded in the in-memory log for this class.' },
        { key: 'syslog-level', values: [LOG_LEVEL], doc: 'Lowest level sent to syslog for this class.' },
        { key: 'kmsg-level', values: [LOG_LEVEL], releases: from('26.06'), doc: 'Lowest level written to the kernel log for this class.' },
        { key: 'rate-limit', values: [UINT], doc: 'Maximum messages per second for this class before it is throttled.' },
      ],
    },
  ],
};

/**
 * Node function variants VPP registers (unformat_vlib_node_variant): `default` plus the CPU
 * variants of foreach_march_variant. The x86 and Arm lists are merged because the target
 * architecture is not known; a variant of the other architecture is not caught.
 */
const ARM_VARIANTS = ['octeontx2', 'thunderx2t99', 'qdf24xx', 'cortexa72', 'neoversen1', 'neoversen2'];
const OLD_X86_VARIANTS = ['scalar', 'hsw', 'trm', 'skx', 'icl', 'adl', 'spr', 'znver3', 'znver4'];

const variantDoc =
  'CPU-specific build of the node function to use; `default` lets VPP choose. Any other name stops VPP (note that `avx2`/`avx512` are not variant names).';

const variantBlock: StartupParam[] = [
  {
    key: 'variant',
    releases: between('24.02', '25.06'),
    values: [{ kind: 'enum', values: ['default', ...OLD_X86_VARIANTS, ...ARM_VARIANTS] }],
    doc: variantDoc,
  },
  {
    key: 'variant',
    releases: ['25.10'],
    values: [{ kind: 'enum', values: ['default', ...OLD_X86_VARIANTS, ...ARM_VARIANTS, 'neoversev2'] }],
    doc: variantDoc,
  },
  {
    key: 'variant',
    releases: ['26.02'],
    values: [{ kind: 'enum', values: ['default', ...OLD_X86_VARIANTS, 'znver5', ...ARM_VARIANTS, 'neoversev2'] }],
    doc: variantDoc,
  },
  {
    key: 'variant',
    releases: from('26.06'),
    values: [{ kind: 'enum', values: ['default', 'scalar', 'x86_64_v3', 'x86_64_v4', ...ARM_VARIANTS, 'neoversev2'] }],
    doc: variantDoc,
  },
];

const node: StartupParam = {
  key: 'node',
  doc: 'Choose which CPU-optimised variant of graph node functions to run, for all nodes or per node.',
  repeatable: SECTION_REPEATS,
  // A word that is not a node name silently ends the section.
  strict: false,
  block: [
    { key: 'default', doc: 'Variant preferred for every node.', strict: true, block: variantBlock },
    {
      key: '*',
      keyName: 'node',
      repeatable: true,
      blockOptional: true,
      doc: 'Variant for one graph node, named as in `show vlib graph` (e.g. `ip4-rewrite { variant ... }`).',
      strict: true,
      block: variantBlock,
    },
  ],
};

const vlib: StartupParam = {
  key: 'vlib',
  doc: 'Debugging aids of the vlib core: memory tracing, the event log, buffer allocation fault injection.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    { key: 'memory-trace', doc: 'Trace heap allocations from startup (for leak hunting; slow).' },
    { key: 'elog-events', values: [UINT], doc: 'Event log ring size in events, rounded up to a power of two.' },
    { key: 'elog-post-mortem-dump', doc: 'Write the event log to a file when VPP crashes.' },
    { key: 'buffer-alloc-success-rate', values: [FLOAT], doc: 'Fraction of buffer allocations that succeed; only in builds with the fault injector, otherwise VPP refuses to start.' },
    { key: 'buffer-alloc-success-seed', values: [UINT], doc: 'Random seed for buffer allocation fault injection; only in builds with the fault injector.' },
  ],
};

const trace: StartupParam = {
  key: 'trace',
  releases: from('26.06'),
  doc: 'Packet trace settings.',
  repeatable: SECTION_REPEATS,
  strict: true,
  block: [
    {
      key: 'timestamp-format',
      values: [{ kind: 'enum', values: ['relative', 'unix', 'datetime'] }],
      doc: 'How packet trace timestamps are shown: relative to startup, as Unix time, or as date and time.',
    },
  ],
};

export const CORE_SECTIONS: readonly StartupParam[] = [
  unix,
  unixCli,
  apiTrace,
  apiQueue,
  apiSegment,
  socksvr,
  cpu,
  memoryOld,
  memoryNew,
  heapsize,
  pluginPath,
  testPluginPath,
  plugins,
  buffers,
  physmem,
  statseg,
  logging,
  node,
  vlib,
  trace,
];
