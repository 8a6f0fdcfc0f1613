/**
 * Hover documentation for VPP's interface types: what each one is, how it works, when to pick it
 * and how to check that it works.
 *
 * The facts (throughput figures, modes, use cases, the selection matrix and the decision rule) come
 * from the project's interfaces course and are restated here in our own words. Where the course's
 * syntax or details disagree with VPP itself, VPP's source (release 26.06 unless a note says
 * otherwise) wins, and the entry carries a short `courseCorrections` note saying so.
 *
 * Conventions inside the strings:
 * - Markdown is allowed (hover content).
 * - In `verify`, an entry starting with `$ ` is a Linux shell command; every other entry is a VPP CLI
 *   command (checked to exist in VPP 26.06).
 */

export type InterfaceTypeId =
  | 'tap'
  | 'af_xdp'
  | 'vhost-user'
  | 'af_packet'
  | 'linux-cp'
  | 'memif'
  | 'dpdk'
  | 'loopback';

/** One row of the selection matrix: how an interface type rates on each property. */
export interface InterfaceMatrixRow {
  throughput: string;
  kernelBypass: string;
  linuxStackAccess: string;
  zeroCopy: string;
  vmSupport: string;
  setupComplexity: string;
  primaryUse: string;
}

export interface InterfaceTypeDoc {
  id: InterfaceTypeId;
  title: string;
  /** One sentence. */
  summary: string;
  matrix: InterfaceMatrixRow;
  /**
   * Set when the type is not one of the course matrix's columns, so the `matrix` values are our
   * description of how VPP behaves rather than the course's ratings.
   */
  matrixNote?: string;
  /** Markdown: a short paragraph or bullets. */
  howItWorks: string;
  whenToUse: string;
  /** Commands that show it works; `$ ` marks a Linux shell command, the rest are VPP CLI. */
  verify: string[];
  /** Where the course is wrong about VPP, what VPP really does. */
  courseCorrections?: string[];
  /** The VPP CLI command paths (as registered with VLIB_CLI_COMMAND) that belong to this type. */
  commands: string[];
}

const md = (...lines: string[]): string => lines.join('\n');

/** Labels for the matrix properties, in the order the course's matrix lists them. */
export const SELECTION_MATRIX_COLUMNS: readonly { readonly key: keyof InterfaceMatrixRow; readonly label: string }[] = [
  { key: 'throughput', label: 'Max throughput' },
  { key: 'kernelBypass', label: 'Kernel bypass' },
  { key: 'linuxStackAccess', label: 'Linux stack access' },
  { key: 'zeroCopy', label: 'Zero-copy' },
  { key: 'vmSupport', label: 'VM/QEMU support' },
  { key: 'setupComplexity', label: 'Setup complexity' },
  { key: 'primaryUse', label: 'Primary use' },
];

/** The interface types the course's selection matrix compares, in its column order. */
export const COURSE_MATRIX_ORDER: readonly InterfaceTypeId[] = ['dpdk', 'memif', 'tap', 'af_xdp', 'vhost-user', 'af_packet'];

export const INTERFACE_TYPES: readonly InterfaceTypeDoc[] = [
  {
    id: 'dpdk',
    title: 'DPDK (physical NIC)',
    summary: 'VPP takes a physical NIC away from the kernel and drives it itself with DPDK poll-mode drivers, for line-rate forwarding.',
    matrix: {
      throughput: 'Line rate',
      kernelBypass: 'Full',
      linuxStackAccess: 'No',
      zeroCopy: 'Yes',
      vmSupport: 'No',
      setupComplexity: 'Medium',
      primaryUse: 'Physical NIC ports',
    },
    howItWorks: md(
      '- There is no `create` command: ports are listed in the startup.conf `dpdk { dev <pci-addr> { name … num-rx-queues … } }` section and appear when VPP starts, named after speed and PCI location (e.g. `GigabitEthernet0/8/0`).',
      '- The NIC is normally bound to a user-space driver (`uio-driver`, usually `vfio-pci`), so Linux no longer sees it; Mellanox mlx5 ports are the exception, as their DPDK driver works alongside the kernel driver.',
      '- Worker threads poll the RX queues; packet memory comes from hugepages.',
    ),
    whenToUse: 'Any physical traffic that has to move at line rate. It is also the reference for benchmarking (with memif and AF_XDP).',
    verify: ['show hardware-interfaces', 'show interface', 'show dpdk version', 'show pci', 'show interface rx-placement', 'show runtime'],
    commands: ['show dpdk version', 'show dpdk buffer', 'show dpdk physmem', 'set dpdk interface descriptors'],
  },
  {
    id: 'memif',
    title: 'memif (shared-memory interface)',
    summary: 'A packet interface over shared memory between VPP and another process on the same host, such as a second VPP in another container.',
    matrix: {
      throughput: '8–12 Mpps',
      kernelBypass: 'Full',
      linuxStackAccess: 'No',
      zeroCopy: 'Optional',
      vmSupport: 'No',
      setupComplexity: 'Low',
      primaryUse: 'Container-to-container',
    },
    howItWorks: md(
      '- The two peers exchange packets through rings in shared memory regions; a UNIX socket is only used to connect and hand over the memory.',
      '- Socket-id 0 is `memif.sock` in VPP\'s runtime directory (normally `/run/vpp`); add others with `create memif socket id <n> filename <path>`.',
      '- One end is `master` (listens, provides the regions), the other `slave` (connects). VPP names the interface `memif<socket-id>/<id>`.',
      '- A VPP `slave` is zero-copy by default (it lends its own buffers); `no-zero-copy` turns that off. Ring size must be a power of two up to 32768; 1–255 queues each way.',
    ),
    whenToUse: 'A fast path between containers or processes on one host, without going through the kernel.',
    verify: ['show memif', 'show memif memif0/0', 'show interface memif0/0'],
    commands: ['create interface memif', 'delete interface memif', 'create memif socket', 'delete memif socket', 'show memif'],
  },
  {
    id: 'tap',
    title: 'TAP v2 (tap/tun with a virtio backend)',
    summary: 'Creates a new interface that exists on both sides — `tapN` in VPP and a netdev in Linux — so the kernel can send and receive through VPP.',
    matrix: {
      throughput: '500 Kpps–2 Mpps',
      kernelBypass: 'No',
      linuxStackAccess: 'Yes',
      zeroCopy: 'No',
      vmSupport: 'No',
      setupComplexity: 'Low',
      primaryUse: 'Management plane, Linux integration',
    },
    howItWorks: md(
      '- VPP opens a tap (or, with `tun`, a tun) device in the kernel and moves packets over **virtio vrings** served by the kernel\'s vhost-net module — the same ring format a VM\'s virtio NIC uses — so Linux sees every packet.',
      '- VPP calls it `tap<id>` (`tun<id>`); the Linux name is `host-if-name`, or one the kernel picks when that is omitted.',
      '- The Linux side can be set up at creation: `host-ip4-addr`, `host-ip6-addr`, `host-mac-addr`, `host-mtu-size`, `host-ns`, `host-bridge`; the VPP side still needs `set interface state … up` and an address.',
      '- Offloads are chosen at creation (`gso`, `gro-coalesce`, `csum-offload`); `set tap offload` exists only up to VPP 25.10.',
    ),
    whenToUse:
      'Reaching Linux from VPP: SSH to a node through a VPP-terminated interface, routing daemons (FRR OSPF/BGP) or other software needing kernel sockets while VPP does the forwarding, or handing packets to an ordinary Linux process. To show an existing NIC port to Linux, use linux-cp instead.',
    verify: ['show tap tap0', 'show interface tap0', 'show interface address tap0', '$ ip link show vpp0', '$ ping -c 3 10.10.0.1'],
    courseCorrections: [
      'The course places TAP in `src/vnet/devices/tap/`; since VPP 26.02 it is the `tap` plugin (`src/plugins/tap/`, `tap_plugin.so`).',
      'The course says the Linux side gets `vpp0`; that is only because its example passes `host-if-name vpp0` — without it the kernel chooses the name.',
      'The course writes `create tap id 1 \\` with its options on the following lines. VPP keeps the line break of a `\\` continuation, and `create tap` reads its arguments only to the end of a line (`unformat_line_input` in `tap_create_command_fn`): it creates `tap1` with nothing but `id 1`, then runs `host-if-name vpp-ctrl …` as a command and stops with "unknown input". Write the command on one line.',
    ],
    commands: ['create tap', 'delete tap', 'show tap', 'show tun', 'set tap offload'],
  },
  {
    id: 'linux-cp',
    title: 'linux-cp (Linux Control Plane)',
    summary: 'Pairs an interface VPP already owns (typically a DPDK port) with a mirror netdev in Linux, so routing daemons run on it while VPP forwards.',
    matrix: {
      throughput: 'Forwarding at the paired interface\'s rate; punted control traffic at TAP rate',
      kernelBypass: 'As the paired interface for forwarding; control traffic goes through the kernel',
      linuxStackAccess: 'Yes (mirror netdev)',
      zeroCopy: 'No on the punt path',
      vmSupport: 'No',
      setupComplexity: 'Medium',
      primaryUse: 'FRR/BIRD on the ports VPP forwards on',
    },
    matrixNote: 'linux-cp is not a column of the course\'s matrix; these values describe how it behaves in VPP.',
    howItWorks: md(
      '- `lcp create <vpp-if> host-if <name> [netns <ns>] [tun]` builds a pair: the VPP interface and a Linux mirror that is itself a VPP-made TAP (a TUN with `tun`, for point-to-point links).',
      '- ARP and punted control packets (OSPF hellos, BGP…) arriving on the VPP port go up the mirror to Linux; what Linux sends on the mirror leaves through the VPP port.',
      '- The companion `linux_nl` plugin follows Linux over netlink and copies addresses, routes and neighbours into VPP, so you configure Linux (or FRR) and VPP keeps up.',
      '- **TAP vs linux-cp:** TAP adds a *new* interface shared by VPP and Linux; linux-cp gives Linux a twin of an *existing* VPP interface.',
    ),
    whenToUse:
      'A router where FRR or BIRD must run on the same physical ports that VPP forwards at line rate. A container that only needs management access is simpler with a plain TAP.',
    verify: ['show lcp', 'show plugins', 'show tap', '$ ip link show lcp-eth0'],
    courseCorrections: [
      'The course skips that both plugins are disabled by default (`src/plugins/linux-cp/lcp_api.c`, `lcp_nl.c`): enable `linux_cp_plugin.so` and `linux_nl_plugin.so` in startup.conf `plugins { … }`, or `lcp create` is an unknown command.',
      'Pairs are not limited to DPDK interfaces: any VPP interface can be mirrored. The default namespace can also be set in startup.conf: `linux-cp { default netns <ns> }`.',
    ],
    commands: [
      'lcp create',
      'lcp delete',
      'lcp default',
      'lcp lcp-sync',
      'lcp lcp-sync-unnumbered',
      'lcp lcp-auto-subint',
      'lcp param',
      'lcp ethertype enable',
      'lcp osi-proto enable',
      'show lcp',
      'show lcp adj',
      'show lcp ethertype',
      'show lcp osi-proto',
    ],
  },
  {
    id: 'af_xdp',
    title: 'AF_XDP (XDP socket)',
    summary: 'Lets VPP read and write NIC queues that the Linux driver still owns, with an XDP program steering those queues\' packets into an AF_XDP socket.',
    matrix: {
      throughput: '2–8 Mpps',
      kernelBypass: 'Partial (eBPF/XDP)',
      linuxStackAccess: 'Yes',
      zeroCopy: 'Yes (UMEM)',
      vmSupport: 'No',
      setupComplexity: 'Medium',
      primaryUse: 'High performance with kernel visibility',
    },
    howItWorks: md(
      '- An eBPF program on the NIC\'s XDP hook redirects the claimed RX queues to VPP\'s socket; the rest of the traffic stays on the kernel path. No VFIO binding: `ip link` and `ethtool` still see the NIC.',
      '- Packets live in a **UMEM** (shared memory cut into frames) driven by four rings: **fill** (VPP gives the kernel free frames), **RX** (kernel reports received frames), **TX** (VPP queues frames to send), **completion** (kernel returns sent frames). VPP registers its own buffer memory as the UMEM.',
      '- Modes: **native** XDP runs in the driver before an skb exists (best, near DPDK); **generic** runs after skb allocation (any driver, about half the speed); **zero-copy** has the NIC DMA straight into UMEM (fastest, needs driver support — mlx5 has it).',
      '- By default only RX queue 0 is claimed: use `num-rx-queues all` or `ethtool -L <if> combined <n>`. VPP invents its own MAC, so put the netdev in promiscuous mode or copy the MAC with `set interface mac address`. Configured by CLI/API only; there is no startup.conf section.',
    ),
    whenToUse:
      'You want rates close to DPDK but the NIC must stay with its kernel driver (visible to `ip link`/`ethtool`, no VFIO) — e.g. a Mellanox ConnectX-5 under mlx5. Check the kernel with `uname -r`; VPP\'s plugin needs Linux 5.4 or newer.',
    verify: [
      'show interface afxdp0',
      'show hardware-interfaces afxdp0',
      'show interface rx-placement',
      'trace add af_xdp-input 10',
      'show trace',
      '$ ip link show eth0',
      '$ uname -r',
    ],
    courseCorrections: [
      'The course writes `create interface af-xdp`; VPP\'s command is `create interface af_xdp` (underscore) — `src/plugins/af_xdp/cli.c`.',
      'The course\'s `show af-xdp interface` does not exist: the AF_XDP plugin has no show command. Use `show interface <if>` and `show hardware-interfaces <if>` (the latter prints the netdev and flags such as `zero-copy`).',
      'VPP cannot choose native vs generic XDP: the kernel uses native when the driver supports it. What VPP selects is copy vs zero-copy (`no-zero-copy` / `zero-copy`; default lets the kernel decide).',
      'The course\'s fixed 4096-byte UMEM frame is not what VPP does: each frame is one VPP buffer (header plus, by default, 2048 data bytes), and the MTU must stay below the page size minus 256 (about 3000 is safe).',
    ],
    commands: ['create interface af_xdp', 'delete interface af_xdp'],
  },
  {
    id: 'vhost-user',
    title: 'vhost-user (QEMU/KVM VMs)',
    summary: 'Gives a QEMU/KVM guest a standard virtio-net NIC whose rings VPP serves directly from user space, set up over a UNIX socket.',
    matrix: {
      throughput: '5–10 Mpps',
      kernelBypass: 'Full',
      linuxStackAccess: 'Guest side only',
      zeroCopy: 'Partial',
      vmSupport: 'Yes',
      setupComplexity: 'Medium',
      primaryUse: 'QEMU/KVM virtual machines',
    },
    howItWorks: md(
      '- The guest sees an ordinary virtio-net device; the vhost-user protocol moves the ring handling out of the kernel (vhost-net) into VPP, which maps guest memory and works the vrings itself.',
      '- **Socket roles:** with `server`, VPP creates the socket and QEMU connects as client; without it, VPP is the client and QEMU must serve the socket.',
      '- VPP names it `VirtualEthernet0/0/<n>` (`renumber <n>` picks n). Options: `hwaddr`, `feature-mask`, `gso`, `packed`, `event-idx` (packed ring and event-idx stay off unless asked for).',
      '- Queue count comes from QEMU (`queues=N`, `mq=on`); guest RAM must be shared memory (hugepage-backed is usual). Tuning: hugepages in the guest, vCPUs pinned NUMA-local to the VPP worker, one queue per vCPU, packed ring.',
    ),
    whenToUse: 'Attaching virtual machines to VPP at high rate.',
    verify: [
      'show vhost-user VirtualEthernet0/0/0',
      'show interface VirtualEthernet0/0/0',
      'show interface rx-placement',
      'trace add vhost-user-input 10',
      'show trace',
      '$ ls -l /run/vpp/vm0.sock',
    ],
    courseCorrections: [
      '`create vhost-user … rx-queue-size 1024 tx-queue-size 1024` fails with "unknown input": no VPP release has had those options. VPP accepts `socket`, `server`, `feature-mask`, `hwaddr`, `renumber`, `gso`, `packed`, `event-idx` (`src/plugins/vhost/vhost_user.c`). Ring size is a QEMU setting (`rx_queue_size=`/`tx_queue_size=` on `-device virtio-net-pci`), queue count too (`queues=` on `-netdev`).',
      'QEMU `packed=on` alone does not give a packed ring: VPP masks that feature unless the interface is created with `packed`.',
      'The course points at `src/vnet/devices/virtio/`; vhost-user is the `vhost` plugin (`src/plugins/vhost/`) since 23.02. `vnet/devices/virtio` is the virtio-PCI driver (`create interface virtio`).',
    ],
    commands: ['create vhost-user', 'delete vhost-user', 'show vhost-user'],
  },
  {
    id: 'af_packet',
    title: 'AF_PACKET (host-interface)',
    summary: 'Attaches VPP to an existing Linux netdev (often one end of a veth pair) through a kernel packet socket — no hugepages, VFIO or special NIC needed.',
    matrix: {
      throughput: '< 500 Kpps',
      kernelBypass: 'No',
      linuxStackAccess: 'Yes',
      zeroCopy: 'No',
      vmSupport: 'No',
      setupComplexity: 'Trivial',
      primaryUse: 'Development and testing',
    },
    howItWorks: md(
      '- `create host-interface name eth0` opens a packet socket on `eth0`; VPP calls the interface `host-eth0`. The rings are memory-mapped (TPACKET v3, or v2 with `v2`), but every packet still crosses the kernel socket layer.',
      '- Options: `num-rx-queues`/`num-tx-queues`, `hw-addr`, `mode ip`, `qdisc-bypass-disable`, `cksum-gso-disable`.',
      '- For container tests without a NIC: `ip link add vpp0 type veth peer name vpp1`, give `vpp0` to VPP, let the other program use `vpp1`.',
      '- ⚠️ **Never benchmark with it.** Its roughly 100–500 Kpps says nothing about VPP; measure on DPDK, memif or AF_XDP and use AF_PACKET only to check that packets are handled correctly.',
    ),
    whenToUse:
      'Functional tests of a plugin before it meets DPDK hardware, CI where speed is irrelevant, VPP work on a laptop with no DPDK-capable NIC or no hugepages, quick L2/L3 experiments.',
    verify: ['show interface host-eth0', 'show hardware-interfaces host-eth0', 'trace add af-packet-input 10', 'show trace', '$ ip link show eth0'],
    courseCorrections: [
      'The course\'s `show af-packet interfaces` does not exist (nor `show af_packet`): the plugin has no show command (`src/plugins/af_packet/cli.c`). `show hardware-interfaces host-<if>` prints the socket version, features and queues.',
      'The course points at `vnet/devices/af_packet/`; AF_PACKET is the `af_packet` plugin (`src/plugins/af_packet/`) since VPP 23.02.',
    ],
    commands: ['create host-interface', 'delete host-interface', 'set host-interface l4-cksum-offload', 'set host-interface qdisc-bypass'],
  },
  {
    id: 'loopback',
    title: 'Loopback (loopN)',
    summary: 'A software-only Ethernet interface inside VPP, used as a stable address or as the routed interface (BVI) of a bridge domain.',
    matrix: {
      throughput: 'n/a (no wire)',
      kernelBypass: 'n/a (never touches the kernel)',
      linuxStackAccess: 'No',
      zeroCopy: 'n/a',
      vmSupport: 'No',
      setupComplexity: 'Trivial',
      primaryUse: 'Stable addresses, bridge-domain BVI',
    },
    matrixNote: 'Loopback is not covered by the course; these values describe VPP\'s behaviour.',
    howItWorks: md(
      '- `create loopback interface [mac <mac>] [instance <n>]` (or `loopback create-interface`) makes `loop<n>`; without `mac` it gets `de:ad:00:00:00:<n>`.',
      '- It carries no traffic from outside by itself: give it an address, or make it a BVI with `set interface l2 bridge loop0 <bd-id> bvi`.',
      '- Remove it with `delete loopback interface intfc loop0`.',
    ),
    whenToUse: 'An address that must not depend on any port\'s link state, or L3 routing into a bridge domain.',
    verify: ['show interface loop0', 'show interface address loop0', 'show hardware-interfaces loop0'],
    commands: ['create loopback interface', 'delete loopback interface', 'loopback create-interface', 'loopback delete-interface'],
  },
];

/**
 * The course's decision rule, as questions in the course's order. Several may apply; the course
 * puts physical line-rate traffic first.
 */
export const DECISION_RULE: readonly { question: string; answer: InterfaceTypeId; why: string }[] = [
  {
    question: 'Does physical NIC traffic have to move at line rate?',
    answer: 'dpdk',
    why: 'Full kernel bypass with poll-mode drivers is the only option that reaches line rate.',
  },
  {
    question: 'Is it a fast path between containers on the same host?',
    answer: 'memif',
    why: 'Shared-memory rings avoid the kernel entirely, with optional zero-copy, at 8–12 Mpps.',
  },
  {
    question: 'Does Linux need management or control-plane access through VPP (SSH, a daemon, kernel sockets)?',
    answer: 'tap',
    why: 'TAP v2 gives Linux its own interface into VPP and is the simplest way to do it.',
  },
  {
    question: 'Must routing daemons (FRR, BIRD) run on the same physical ports VPP forwards on?',
    answer: 'linux-cp',
    why: 'linux-cp mirrors the existing ports into Linux instead of adding new interfaces, and punts control traffic to them.',
  },
  {
    question: 'Are you testing without hugepages (CI, laptop, shared build server)?',
    answer: 'af_packet',
    why: 'It only needs a Linux interface name — but it is slow, so never benchmark with it.',
  },
  {
    question: 'Is the peer a QEMU/KVM virtual machine?',
    answer: 'vhost-user',
    why: 'It is the standard high-speed path to a VM\'s virtio-net NIC.',
  },
  {
    question: 'Do you want NIC speed while Linux keeps seeing and owning the NIC?',
    answer: 'af_xdp',
    why: 'XDP redirects chosen queues to VPP at near-DPDK rates without taking the NIC away from its kernel driver.',
  },
];

export const DECISION_SUMMARY =
  'Physical ports at line rate: DPDK. Container to container on one host: memif. Linux needs to reach VPP for management or control: TAP v2 — or linux-cp when routing daemons must sit on the same physical ports. No hugepages, just testing: AF_PACKET. Virtual machines: vhost-user. NIC-level speed while the kernel keeps the NIC visible: AF_XDP.';

/** Spellings the course (or common guesses) use for commands VPP does not have. */
export const KNOWN_WRONG_COMMANDS: readonly { wrong: string; type: InterfaceTypeId; correct?: string; note: string }[] = [
  { wrong: 'create interface af-xdp', type: 'af_xdp', correct: 'create interface af_xdp', note: 'VPP spells it with an underscore.' },
  { wrong: 'delete interface af-xdp', type: 'af_xdp', correct: 'delete interface af_xdp', note: 'VPP spells it with an underscore.' },
  { wrong: 'show af-xdp interface', type: 'af_xdp', note: 'No such command; use `show interface <if>` or `show hardware-interfaces <if>`.' },
  { wrong: 'show af_xdp', type: 'af_xdp', note: 'No such command; use `show interface <if>` or `show hardware-interfaces <if>`.' },
  { wrong: 'show af-packet interfaces', type: 'af_packet', note: 'No such command; use `show hardware-interfaces host-<if>`.' },
  { wrong: 'show af_packet', type: 'af_packet', note: 'No such command; use `show hardware-interfaces host-<if>`.' },
];

const normalize = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every command path with its type, longest first, so the most specific path wins. */
const COMMAND_INDEX: readonly { path: string; doc: InterfaceTypeDoc }[] = INTERFACE_TYPES.flatMap((doc) =>
  doc.commands.map((path) => ({ path: normalize(path), doc })),
).sort((a, b) => b.path.length - a.path.length);

/**
 * The interface type a VPP command belongs to. Accepts a command path (`create tap`) or a whole
 * command line (`create tap id 0 host-if-name vpp0`): the longest known path that the input starts
 * with, on word boundaries, wins. Words must be spelled out in full (resolve VPP's abbreviations
 * such as `sh int` first). Only real commands match; see KNOWN_WRONG_COMMANDS for misspellings.
 */
export function interfaceTypeForCommand(path: string): InterfaceTypeDoc | undefined {
  const input = normalize(path);
  for (const entry of COMMAND_INDEX) {
    if (input === entry.path || input.startsWith(entry.path + ' ')) return entry.doc;
  }
  return undefined;
}
