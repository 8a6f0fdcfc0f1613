/**
 * Core (vnet / vlib) CLI commands used in VPP startup-config and exec scripts, plus the words the
 * CLI dispatcher itself understands (src/vlib/cli.c) before it looks for a registered command.
 *
 * How VPP treats left-over words matters for `strict`: a command function that reads its
 * arguments straight from the command line (not through a copied "line input") and stops early
 * leaves the remaining words on the line, and the dispatcher then parses them as a NEW command,
 * which normally fails with "unknown input". Such commands are therefore strict in practice.
 * Commands that copy the line first and `break` on an unknown word silently ignore the rest of
 * the line; those are marked `strict: false`.
 *
 * In `order: 'sequence'` commands the arguments are matched in the listed order; an argument may
 * be left out unless `required` names it.
 */
import type { ArgSpec, CommandSpec, ValueSpec } from '../types';

const MTU: ValueSpec = { kind: 'uint', placeholder: '9000' };

/** `create loopback interface` and its older spelling `loopback create-interface` read the same words. */
const CREATE_LOOPBACK_ARGS: readonly ArgSpec[] = [
  {
    name: 'mac',
    keyword: 'mac',
    values: [{ kind: 'mac', placeholder: '02:00:00:00:00:01' }],
    doc: 'MAC address to give the loopback instead of the default.',
    repeatable: true,
  },
  {
    name: 'instance',
    keyword: 'instance',
    values: [{ kind: 'uint', min: 0, max: 16383, placeholder: '0' }],
    doc: 'Instance number n of `loop<n>`; creation fails if it is already in use or above 16383.',
    repeatable: true,
  },
];

/** `delete loopback interface` and `loopback delete-interface` read the same words. */
const DELETE_LOOPBACK_ARGS: readonly ArgSpec[] = [
  {
    name: 'intfc',
    keyword: 'intfc',
    values: [{ kind: 'interface', placeholder: 'loop0' }],
    doc: 'The loopback to delete (note the keyword `intfc`).',
    repeatable: true,
  },
];

export const CORE_COMMANDS: readonly CommandSpec[] = [
  // ---------------------------------------------------------------- dispatcher words (vlib/cli.c)
  {
    path: 'comment',
    synopsis: 'comment { <text> }',
    doc:
      'Not a registered command: the CLI dispatcher swallows it. It consumes ONE following word, ' +
      'or a whole `{ ... }` block; further words on the line are parsed as a new command, so write ' +
      '`comment { any text }`. In exec scripts and startup-config files a `#` also starts a comment ' +
      'that runs to the end of the line.',
    strict: false,
    args: [
      {
        name: 'text',
        values: [{ kind: 'string', placeholder: '{ text }' }],
        doc: 'A single word, or any text enclosed in `{ }`.',
      },
    ],
  },
  {
    path: 'uncomment',
    synopsis: 'uncomment { <command> }',
    doc:
      'Dispatcher word: runs the command written inside the braces. Handy for switching a ' +
      'commented-out line back on by editing only its first word.',
    strict: false,
    args: [
      {
        name: 'command',
        values: [{ kind: 'rest', placeholder: '{ command }' }],
        doc: 'The command to run, enclosed in `{ }` (without braces the word is not recognised).',
      },
    ],
  },
  {
    path: 'vpplog',
    synopsis: 'vpplog { <text> }',
    doc:
      'Dispatcher word: writes the text to the VPP log at notice level. Like `comment`, it takes one ' +
      'word or a `{ ... }` block.',
    strict: false,
    args: [
      {
        name: 'text',
        values: [{ kind: 'string', placeholder: '{ text }' }],
        doc: 'A single word, or any text enclosed in `{ }`.',
      },
    ],
  },
  {
    path: 'leak-check',
    synopsis: 'leak-check { <command> }',
    doc:
      'Dispatcher word: runs the braced command with heap tracing enabled and prints the ' +
      'allocations it left behind. A debugging aid, not configuration.',
    strict: false,
    args: [
      {
        name: 'command',
        values: [{ kind: 'rest', placeholder: '{ command }' }],
        doc: 'The command to trace, enclosed in `{ }`.',
      },
    ],
  },
  {
    path: 'help',
    synopsis: 'help [<command words>]',
    doc:
      'Dispatcher word: on its own lists the commands available at this point; followed by command ' +
      'words it prints the long help of that command.',
    strict: false,
    args: [
      {
        name: 'command',
        values: [{ kind: 'rest', placeholder: 'command words' }],
        doc: 'Words of the command to describe.',
      },
    ],
  },
  {
    path: 'choices',
    synopsis: 'choices',
    doc: 'Dispatcher word: lists every command path reachable from this point with its short help.',
    strict: false,
  },
  {
    path: '?',
    synopsis: '?',
    doc:
      'Dispatcher word, same as `choices`. After a complete command path, `?` prints that ' +
      'command\'s short help instead of running it.',
    strict: false,
  },

  // ---------------------------------------------------------------- exec (vlib/unix/cli.c)
  {
    path: 'exec',
    synopsis: 'exec <file>',
    doc:
      'Runs the CLI commands in a file, one per line (`#` starts a comment). A `\\` at the end of a line ' +
      'continues it, but VPP keeps the line break: a command that reads its arguments to the end of the line ' +
      '(`create tap`, `create interface memif`, most `create` and `set` commands with options) stops there, and ' +
      'the rest runs as a command of its own; commands that read their input directly (`set interface state`, ' +
      '`set interface ip address`, `packet-generator new { ... }`) continue over it. ' +
      'Execution stops at the first line that fails. `unix { startup-config ... }` is run the same way.',
    strict: true,
    order: 'sequence',
    args: [
      {
        name: 'file',
        values: [{ kind: 'path', placeholder: '/etc/vpp/setup.cmd' }],
        doc: 'The script to run; it must be a non-empty regular file readable by VPP.',
      },
    ],
    required: [['file']],
  },

  // ---------------------------------------------------------------- interfaces (vnet/interface_cli.c)
  {
    path: 'set interface state',
    synopsis: 'set interface state <interface> up|down|punt|enable',
    doc: 'Sets the administrative state of an interface. New interfaces start down.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    order: 'sequence',
    args: [
      { name: 'interface', values: [{ kind: 'interface' }], doc: 'The interface to change.' },
      {
        name: 'state',
        values: [{ kind: 'enum', values: ['up', 'down', 'punt', 'enable'] }],
        doc:
          '`up` or `down` set the admin state; `punt` marks a down interface to send all its traffic ' +
          'to the slow path, and `enable` clears that mark.',
      },
    ],
    required: [['interface'], ['state']],
  },
  {
    path: 'set interface mtu',
    synopsis: 'set interface mtu [packet|ip4|ip6|mpls] <mtu> <interface>',
    doc:
      'Without a protocol word, sets the hardware (link) MTU of an Ethernet interface. With ' +
      '`packet`, `ip4`, `ip6` or `mpls`, sets the per-protocol L3 MTU of any interface, ' +
      'sub-interfaces included.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    order: 'sequence',
    args: [
      { name: 'packet', keyword: 'packet', doc: 'Set the L3 packet MTU that applies to all protocols.' },
      { name: 'ip4', keyword: 'ip4', doc: 'Set the IPv4 MTU only.' },
      { name: 'ip6', keyword: 'ip6', doc: 'Set the IPv6 MTU only.' },
      { name: 'mpls', keyword: 'mpls', doc: 'Set the MPLS MTU only.' },
      { name: 'mtu', values: [MTU], doc: 'The MTU in bytes; the device decides which link MTUs it accepts.' },
      {
        name: 'interface',
        values: [{ kind: 'interface' }],
        doc:
          'The interface. For the hardware MTU form it must be a hardware Ethernet interface ' +
          '(not a sub-interface).',
      },
    ],
    required: [['mtu'], ['interface']],
    exclusive: [['packet', 'ip4', 'ip6', 'mpls']],
  },
  {
    path: 'set interface mac address',
    synopsis: 'set interface mac address <interface> <mac-address>',
    doc: 'Changes the MAC address of an interface\'s hardware; not every driver supports this.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    order: 'sequence',
    args: [
      { name: 'interface', values: [{ kind: 'interface' }], doc: 'The interface to change.' },
      {
        name: 'mac',
        values: [{ kind: 'mac', placeholder: '02:00:00:00:00:01' }],
        doc: 'The new address, `aa:bb:cc:dd:ee:ff` or `aabb.ccdd.eeff`.',
      },
    ],
    required: [['interface'], ['mac']],
  },
  {
    path: 'set interface promiscuous',
    synopsis: 'set interface promiscuous on|off <interface>',
    doc: 'Makes an Ethernet interface accept all frames (`on`) or only those addressed to it (`off`).',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    order: 'sequence',
    args: [
      {
        name: 'mode',
        values: [{ kind: 'enum', values: ['on', 'off'] }],
        doc: 'Comes BEFORE the interface name.',
      },
      {
        name: 'interface',
        values: [{ kind: 'interface' }],
        doc: 'A hardware Ethernet interface (sub-interfaces are not accepted).',
      },
    ],
    required: [['mode'], ['interface']],
  },
  {
    path: 'create sub-interfaces',
    synopsis:
      'create sub-interfaces <interface> <id>[-<max-id>] [default | untagged | ' +
      '(dot1q|dot1ad) (<vlan>|any) [inner-dot1q (<vlan>|any)] [exact-match]]',
    doc:
      'Creates VLAN sub-interfaces named `<interface>.<id>`. A bare `<id>` (or `<min>-<max>` range) ' +
      'makes exact-match dot1q sub-interfaces whose VLAN equals the id. With `dot1q`/`dot1ad` the ' +
      'VLAN is given explicitly and matching is NOT exact unless `exact-match` follows; only exact-match ' +
      'sub-interfaces can carry IP addresses or a linux-cp pair. Ids that already exist are skipped silently.',
    strict: false,
    order: 'sequence',
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'GigabitEthernet0/8/0' }],
        doc: 'The parent hardware interface (a sub-interface cannot be a parent).',
      },
      {
        name: 'id',
        values: [{ kind: 'string', placeholder: '100' }],
        doc: 'The sub-interface id, or a range `<min>-<max>` that creates one sub-interface per id.',
      },
      { name: 'default', keyword: 'default', doc: 'Catch frames whose VLAN tags match no other sub-interface.' },
      { name: 'untagged', keyword: 'untagged', doc: 'Catch frames that carry no VLAN tag.' },
      {
        name: 'dot1q',
        keyword: 'dot1q',
        values: [{ kind: 'string', placeholder: '100' }],
        doc: 'Outer 802.1Q tag: a VLAN id or `any`.',
      },
      {
        name: 'dot1ad',
        keyword: 'dot1ad',
        values: [{ kind: 'string', placeholder: '100' }],
        doc: 'Outer 802.1ad (QinQ service) tag: a VLAN id or `any`.',
      },
      {
        name: 'inner-dot1q',
        keyword: 'inner-dot1q',
        values: [{ kind: 'string', placeholder: '200' }],
        doc:
          'Inner 802.1Q tag (after `dot1q`/`dot1ad`): a VLAN id or `any`. With an outer `any`, the ' +
          'inner tag must be `any` too.',
      },
      {
        name: 'exact-match',
        keyword: 'exact-match',
        doc: 'Only match frames with exactly the configured number of tags; needed for L3 use.',
      },
    ],
    required: [['interface'], ['id']],
    exclusive: [['default', 'untagged', 'dot1q', 'dot1ad']],
    creates: { rule: 'sub-interface' },
  },
  {
    path: 'show interface',
    synopsis: 'show interface [address|addr|features|feat|tag|vtr] [verbose] [<interface>|<sw_if_index> ...]',
    doc:
      'Shows interface counters and state, or with `address` the L2/L3 addresses, with `features` ' +
      'the enabled feature arcs, with `tag`/`vtr` the tag or VLAN rewrite of one interface.',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface' }],
        doc: 'Limit the output to this interface; may be repeated.',
        repeatable: true,
      },
      {
        name: 'sw_if_index',
        values: [{ kind: 'uint', placeholder: 'sw_if_index' }],
        doc: 'Limit the output to this software interface index; an unknown index is an error.',
        repeatable: true,
      },
      { name: 'address', keyword: 'address', doc: 'Show the addresses of the interfaces.', repeatable: true },
      { name: 'addr', keyword: 'addr', doc: 'Short form of `address`.', repeatable: true },
      {
        name: 'features',
        keyword: 'features',
        doc: 'Show the features enabled on one interface (which must be given).',
        repeatable: true,
      },
      { name: 'feat', keyword: 'feat', doc: 'Short form of `features`.', repeatable: true },
      { name: 'tag', keyword: 'tag', doc: 'Show the tag of one interface (which must be given).', repeatable: true },
      {
        name: 'vtr',
        keyword: 'vtr',
        doc: 'Show the VLAN tag rewrite of one interface (which must be given).',
        repeatable: true,
      },
      { name: 'verbose', keyword: 'verbose', doc: 'More detail in the `features` output.', repeatable: true },
    ],
  },
  {
    path: 'show hardware-interfaces',
    synopsis: 'show hardware-interfaces [brief|verbose|detail] [bond] [<interface>|<hw_if_index> ...]',
    doc: 'Shows hardware (device level) information of all or some interfaces.',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface' }],
        doc: 'Limit the output to this hardware interface; may be repeated.',
        repeatable: true,
      },
      {
        name: 'hw_if_index',
        values: [{ kind: 'uint', placeholder: 'hw_if_index' }],
        doc: 'Limit the output to this hardware interface index (not the software index).',
        repeatable: true,
      },
      { name: 'brief', keyword: 'brief', doc: 'Name, index and state only.', repeatable: true },
      { name: 'verbose', keyword: 'verbose', doc: 'The default level of detail.', repeatable: true },
      { name: 'detail', keyword: 'detail', doc: 'Everything, including extended statistics.', repeatable: true },
      { name: 'bond', keyword: 'bond', doc: 'Only bonded interfaces and their members.', repeatable: true },
    ],
  },

  // ---------------------------------------------------------------- loopback (vnet/ethernet/interface.c)
  {
    path: 'create loopback interface',
    synopsis: 'create loopback interface [mac <mac-address>] [instance <n>]',
    doc:
      'Creates a software Ethernet interface named `loop<n>`, where n is the lowest free instance ' +
      'unless `instance` picks it. Its MAC defaults to `de:ad:00:00:00:<n>`. Often used as a BVI.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    args: CREATE_LOOPBACK_ARGS,
    creates: { rule: 'loopback' },
  },
  {
    path: 'loopback create-interface',
    synopsis: 'loopback create-interface [mac <mac-address>] [instance <n>]',
    doc: 'Older spelling of `create loopback interface`; identical behaviour.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    args: CREATE_LOOPBACK_ARGS,
    creates: { rule: 'loopback' },
  },
  {
    path: 'delete loopback interface',
    synopsis: 'delete loopback interface intfc <interface>',
    doc: 'Deletes a loopback interface created earlier.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    args: DELETE_LOOPBACK_ARGS,
    required: [['intfc']],
  },
  {
    path: 'loopback delete-interface',
    synopsis: 'loopback delete-interface intfc <interface>',
    doc: 'Older spelling of `delete loopback interface`.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    args: DELETE_LOOPBACK_ARGS,
    required: [['intfc']],
  },
  {
    path: 'delete sub-interface',
    synopsis: 'delete sub-interface <interface>',
    doc: 'Deletes a sub-interface created with `create sub-interfaces`.',
    strict: true,
    args: [
      {
        name: 'interface',
        values: [{ kind: 'interface', placeholder: 'GigabitEthernet0/8/0.100' }],
        doc: 'The sub-interface to delete.',
        repeatable: true,
      },
    ],
    required: [['interface']],
  },

  // ---------------------------------------------------------------- IP (vnet/ip/ip46_cli.c, lookup.c)
  {
    path: 'set interface ip address',
    synopsis: 'set interface ip address [del] <interface> (<address>/<length> | all)',
    doc:
      'Adds an IPv4 or IPv6 address with its prefix length to an interface, or with `del` removes ' +
      'one (or, with `del ... all`, every address). Sub-interfaces must be exact-match to be addressed.',
    strict: true,
    order: 'sequence',
    args: [
      { name: 'del', keyword: 'del', doc: 'Remove the address instead of adding it. Must come first.' },
      { name: 'interface', values: [{ kind: 'interface' }], doc: 'The interface to (un)configure.' },
      {
        name: 'all',
        keyword: 'all',
        doc: 'With `del` only: remove every IPv4 and IPv6 address of the interface.',
        needs: ['del'],
      },
      {
        name: 'address',
        // ip_interface_address_add (vnet/ip/ip_interface.c) refuses 0 and lengths over the address's bits
        values: [{ kind: 'ip-prefix', placeholder: '192.0.2.1/24', prefixLength: { zeroRefused: true, refusal: 'VPP answers "wrong length for interface"' } }],
        doc: 'The interface address and prefix length, e.g. `192.0.2.1/24` or `2001:db8::1/64`.',
      },
    ],
    required: [['interface'], ['all', 'address']],
    exclusive: [['all', 'address']],
  },
  {
    path: 'ip route',
    synopsis:
      'ip route [add|del] [count <n>] [table <table-id>] <prefix>/<len> [via <path> [via <path> ...]]',
    doc:
      'Adds or deletes a route in an IPv4/IPv6 FIB table (table 0 unless `table` names another, ' +
      'which must already exist). Adding needs at least one `via` path; each path runs to the next ' +
      '`via` or the end of the line, so give `table`, `count` and the prefix BEFORE the first `via`.\n\n' +
      'A path is built from: a next-hop address, an interface, `weight <n>`, `preference <n>`, ' +
      '`<addr> next-hop-table <id>`, `udp-encap <id>`, `lookup in table <id>`, `ip4-lookup-in-table <id>`, ' +
      '`ip6-lookup-in-table <id>`, `mpls-lookup-in-table <id>`, `resolve-via-host`, ' +
      '`resolve-via-attached`, `pop-pw-cw`, `src-lookup`, `l2-input-on <if>`, `via-label <label>`, ' +
      '`rx-ip4 <if>`, `rx-ip6 <if>` (24.06+), `drop` (24.10+), `local`, `out-labels <label> ...`, ' +
      '`ip4`, `ip6`. Instead of a path, `via` may name one special target: `drop`, `punt`, `local`, ' +
      '`null`, `null-send-unreach`, `null-send-prohibit` or `classify <table-index>`.',
    strict: true,
    args: [
      { name: 'add', keyword: 'add', doc: 'Add the route (the default).', repeatable: true },
      {
        name: 'del',
        keyword: 'del',
        doc: 'Delete the route; without a `via`, the whole prefix is removed.',
        repeatable: true,
      },
      {
        name: 'table',
        keyword: 'table',
        // `table %d`: a sign is read too
        values: [{ kind: 'int', placeholder: '0' }],
        doc: 'FIB table id; a non-zero table must have been created with `ip table add` / `ip6 table add`.',
        repeatable: true,
      },
      {
        name: 'count',
        keyword: 'count',
        values: [{ kind: 'float', placeholder: '1' }],
        doc: 'Add this many consecutive prefixes (a benchmarking aid).',
        repeatable: true,
      },
      {
        name: 'prefix',
        // fib_prefix_validate (vnet/ip/lookup.c): VPP prints "Invalid prefix len" and adds no route
        values: [{ kind: 'ip-prefix', placeholder: '198.51.100.0/24', prefixLength: { refusal: 'VPP answers "Invalid prefix len" and adds no route' } }],
        doc: 'Destination prefix; several may be given.',
        repeatable: true,
      },
      {
        name: 'via',
        keyword: 'via',
        // unformat_fib_route_path, or (once a prefix was read) one of unformat_dpo's targets (lookup.c)
        values: [
          {
            kind: 'rest',
            placeholder: '192.0.2.1 GigabitEthernet0/8/0',
            routePath: { specialTargets: ['drop', 'punt', 'local', 'null-send-unreach', 'null-send-prohibit', 'null', 'classify'] },
          },
        ],
        doc: 'One or more forwarding paths; everything after the first `via` belongs to the paths.',
      },
    ],
    // vnet_ip_route_cmd: "expected paths." unless `del`; with no input at all it returns at once
    required: [['prefix'], ['via', 'del']],
    bareIsNoop: true,
  },

  // ---------------------------------------------------------------- L2 (vnet/l2/l2_input.c, l2_bd.c)
  {
    path: 'set interface l2 bridge',
    synopsis: 'set interface l2 bridge <interface> <bd-id> [bvi|uu-fwd] [<split-horizon-group>]',
    doc:
      'Puts an interface into L2 mode as a member of a bridge domain; the bridge domain is created ' +
      'on the fly if it does not exist. `bvi` makes the interface (usually a loopback) the routed ' +
      'interface of the bridge.',
    // VPP's function reads its words once (or breaks out of its loop at an unknown one) and never
    // looks further: left-over words stay in VPP's input, or are dropped with a `{ }` block
    ignoresRest: true,
    strict: true,
    order: 'sequence',
    args: [
      { name: 'interface', values: [{ kind: 'interface' }], doc: 'The interface to bridge.' },
      {
        name: 'bd-id',
        values: [{ kind: 'uint', max: 16777215, placeholder: '10' }],
        doc: 'Bridge domain id, at most 16777215.',
      },
      {
        name: 'bvi',
        keyword: 'bvi',
        doc: 'Make this interface the bridge\'s BVI (one per bridge domain).',
      },
      {
        name: 'uu-fwd',
        keyword: 'uu-fwd',
        doc: 'Send unknown-unicast frames of the bridge to this interface.',
      },
      {
        name: 'shg',
        values: [{ kind: 'int', placeholder: '1' }],
        doc:
          'Split-horizon group number, given as a bare number (there is no `shg` keyword); members ' +
          'of the same non-zero group do not forward to each other.',
      },
    ],
    required: [['interface'], ['bd-id']],
  },
  {
    path: 'create bridge-domain',
    synopsis:
      'create bridge-domain [<bd-id>] [learn 0|1] [forward 0|1] [uu-flood 0|1] [flood 0|1] ' +
      '[arp-term 0|1] [arp-ufwd 0|1] [mac-age <minutes>] [bd-tag <tag>] [del]',
    doc:
      'Creates (or with `del` deletes) a bridge domain. Learning, forwarding and flooding default ' +
      'to on, ARP termination to off. Without an id, VPP picks an unused one. Parsing stops ' +
      'silently at the first word it does not know; the rest of the line is ignored.',
    strict: false,
    args: [
      {
        name: 'bd-id',
        values: [{ kind: 'uint', min: 1, max: 16777215, placeholder: '10' }],
        doc: 'Bridge domain id (1 to 16777215; 0 is the built-in domain and cannot be changed).',
      },
      { name: 'learn', keyword: 'learn', values: [{ kind: 'uint', placeholder: '1' }], doc: 'MAC learning on (non-zero) or off (0).', repeatable: true },
      { name: 'forward', keyword: 'forward', values: [{ kind: 'uint', placeholder: '1' }], doc: 'L2 forwarding on or off.', repeatable: true },
      { name: 'uu-flood', keyword: 'uu-flood', values: [{ kind: 'uint', placeholder: '1' }], doc: 'Flood unknown-unicast frames on or off.', repeatable: true },
      { name: 'flood', keyword: 'flood', values: [{ kind: 'uint', placeholder: '1' }], doc: 'Flood broadcast/multicast frames on or off.', repeatable: true },
      { name: 'arp-term', keyword: 'arp-term', values: [{ kind: 'uint', placeholder: '0' }], doc: 'Answer ARP requests from the bridge\'s IP-to-MAC table.', repeatable: true },
      { name: 'arp-ufwd', keyword: 'arp-ufwd', values: [{ kind: 'uint', placeholder: '0' }], doc: 'Forward ARP requests to the unknown-unicast interface.', repeatable: true },
      {
        name: 'mac-age',
        keyword: 'mac-age',
        values: [{ kind: 'uint', max: 255, placeholder: '5' }],
        doc: 'Minutes before learned MACs age out (0 = never); at most 255.',
        repeatable: true,
      },
      {
        name: 'bd-tag',
        keyword: 'bd-tag',
        values: [{ kind: 'string', placeholder: 'tag' }],
        doc: 'Free-form label of at most 63 characters.',
        repeatable: true,
      },
      {
        name: 'del',
        keyword: 'del',
        doc: 'Delete the bridge domain (the id is then required, and it must have no members).',
        repeatable: true,
      },
    ],
    creates: { rule: 'bridge-domain' },
  },
];
