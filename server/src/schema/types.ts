/**
 * The shape of our VPP schema. Everything the language features know about VPP is data of these
 * types; no feature restates a command, option or section by hand.
 */

/** Releases we model, oldest first. The newest is the default for `vpp.version`. */
export const RELEASES = ['24.02', '24.06', '24.10', '25.02', '25.06', '25.10', '26.02', '26.06'] as const;
export type VppRelease = (typeof RELEASES)[number];

export function isRelease(value: string): value is VppRelease {
  return (RELEASES as readonly string[]).includes(value);
}

/**
 * The releases that have an entry. Absent means every release we model. Written as the list
 * of releases (not a range) because VPP sometimes removes and later re-adds things.
 */
export type Releases = readonly VppRelease[];

export type ValueKind =
  | 'uint' // decimal unsigned (VPP's %u / %d accepting non-negative)
  | 'int' // decimal, may be negative
  | 'hex' // bare hex digits, as VPP's %x / %llx read them (`0x%x` is this with prefix `0x`)
  | 'number' // decimal or 0x hex (unformat_integer-like readers that accept both)
  | 'float'
  | 'string' // any single token (%s / %v / %_%v%_ ...)
  | 'ifname' // a Linux interface name: at most 15 characters (kernel IFNAMSIZ - 1)
  | 'netns' // a Linux network namespace name or path
  | 'path'
  | 'mac' // aa:bb:cc:dd:ee:ff or aabb.ccdd.eeff (unformat_ethernet_address)
  | 'ip4'
  | 'ip6'
  | 'ip' // either family
  | 'ip4-prefix' // a.b.c.d/len
  | 'ip6-prefix'
  | 'ip-prefix'
  | 'interface' // a VPP interface name (unformat_vnet_sw_interface)
  | 'enum'
  | 'size' // memory size: 4G, 256K, 128m, 1024
  | 'pci' // 0000:02:00.0
  | 'corelist' // 1-3,5
  | 'hex-string' // hex digit pairs, no 0x: 0a1b (unformat_hex_string)
  | 'lisp-eid' // an IP prefix, a MAC or `EID|EID` (unformat_gid_address's first forms): starts with a hex digit or `:`
  | 'mpls-label' // a number (%d) or a reserved label name: ip4-explicit-null, e-nul, implicit-null, ... (unformat_mpls_unicast_label)
  | 'ip-protocol' // a name of src/vnet/ip/protocols.def, any case: tcp, UDP (unformat_ip_protocol)
  | 'ethertype' // a number below 65536 (0x hex or decimal), or a name of src/vnet/ethernet/types.def, any case: ARP, ip6 (unformat_ethernet_type_host_byte_order)
  | 'rest'; // consumes the rest of the line (exec FILE, comment ...)

export interface ValueSpec {
  kind: ValueKind;
  /** For kind 'enum': the accepted words. */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** VPP refuses values that are not a power of two (queue/ring sizes). */
  powerOfTwo?: boolean;
  /** VPP refuses values that are not a multiple of this (vmxnet3's queue sizes: of 64). */
  multipleOf?: number;
  /**
   * VPP keeps only the low bits of the number (it puts it in a `u16` or `u8`) and checks what is left:
   * vmxnet3 reads a queue size with `%u` into a u32 and stores it in a u16, so 65600 is checked as 64.
   */
  storedBits?: number;
  /**
   * A number read into a u32 that VPP's checks after the loop compare with its `~0` from before the
   * loop: a value whose low 32 bits are all ones (`-1` with `%d`, 4294967295) leaves the argument
   * as if not given.
   */
  allOnesIsUnset?: boolean;
  /** The same for a variable that starts at 0 and a check `== 0`: a value of 0 leaves it as if not given. */
  zeroIsUnset?: boolean;
  /**
   * A number VPP reads with `%d` into a 1- or 2-byte variable, writing past it: a value from 0 to
   * this writes zeros there, which leave the checks after the loop as without the argument.
   */
  fitsIsUnset?: number;
  /**
   * VPP's branch compares this number with an earlier one of the same argument (`port-range %d - %d`
   * then `if (port_end <= port_start)` error): it must be above the value at `index` (or equal,
   * without `strict`), each as its variable holds it (`u32`: `-1` read with `%d` is 4294967295).
   */
  above?: { index: number; strict: boolean; u32: boolean };
  /**
   * VPP looks the word up among names made at run time (`graph node` of unformat_vlib_node, `punt
   * reason`, a `name` in a hash such as the packet-generator's streams): which words it takes
   * depends on VPP's state, so a word it lacks is no error of the line.
   */
  lookup?: string;
  /** A check after the loop refuses 0 (`if (vrf_id == 0)` of a variable that starts at `~0`). */
  zeroRefused?: boolean;
  /** 0 means "use the default" and is accepted whatever `min` says. */
  zeroIsDefault?: boolean;
  /** VPP refuses a longer value (not just the kernel: VPP checks it itself). */
  maxLength?: number;
  /**
   * The value is written right after this literal text, in the same word: VPP's format puts it
   * literally before the value (`pg%u` reads `pg0`, `feature-mask 0x%llx` needs its `0x`).
   */
  prefix?: string;
  /**
   * For kind 'string': values and punctuation written together as one word, as VPP's format also
   * reads them (`%U - %U` reads `10.0.0.1-10.0.0.9`); each part keeps its own shape.
   */
  glued?: readonly ValueSpec[];
  /**
   * For kind 'rest': a FIB route path, read by unformat_fib_route_path (vnet/fib/fib_types.c). It
   * reads every word up to the end of the input or the next `via`, and fails the whole `via` on any
   * word it cannot read, so the command's own keywords written after a path are refused. With
   * `specialTargets` (`ip route`'s `via drop`, read by unformat_dpo when the path fails), a `via`
   * naming one of them hands what follows back to the command's loop.
   */
  routePath?: { specialTargets?: readonly string[] };
  /** Placeholder text for snippets, e.g. `vpp0`. */
  placeholder?: string;
  /**
   * For `rest`: it takes the words only while each matches this pattern (a regex source) and at
   * least one: unformat_bitmap_list reads numbers and ranges over as many words as are numbers,
   * unformat_acl_type the words ip4, ip6, l2. The word after them is read as the line's next.
   */
  restWhile?: string;
  /**
   * For prefixes: VPP (or the kernel it hands them to) refuses a length over 32 / 128 bits, and
   * with `zeroRefused` a length of 0; `refusal` says what VPP answers.
   */
  prefixLength?: { zeroRefused?: boolean; refusal: string };
}

/**
 * One element of a command's argument grammar. A keyword argument (`keyword` set) is the literal
 * word(s) VPP matches with unformat followed by its values; a positional argument (no keyword) is a
 * bare value, such as the interface in `set interface state <interface> up`.
 */
export interface ArgSpec {
  /** Stable id used by `required`, `exclusive` and docs; equals `keyword` for keyword arguments. */
  name: string;
  /** The literal word(s) that introduce the argument; words are separated by one space. */
  keyword?: string;
  /** Values following the keyword, in order (or the value itself for a positional argument). */
  values?: readonly ValueSpec[];
  doc: string;
  releases?: Releases;
  /** May appear more than once without VPP complaining. */
  repeatable?: boolean;
  /** Shown as a warning when used. */
  deprecated?: string;
  /** Arguments VPP refuses this one without (`all` of `set interface ip address` needs `del`). */
  needs?: readonly string[];
  /** VPP reads nothing after this argument (its branch leaves the parse loop): later words are ignored. */
  endsInput?: boolean;
  /**
   * VPP takes this argument only once `arg` was read before it on the line with one of `values`
   * (its branch tests what that argument set so far); otherwise it refuses the line, with `says`.
   */
  readOnlyAfter?: { arg: string; values: readonly string[]; says: string };
}

/**
 * A combination of arguments a command's checks after its parse loop refuse (read from VPP's source
 * by server/src/sourceReader/requiredAfterLoop.ts): VPP returns an error when every part holds.
 * A plain required group stays in `required`; this is for the rest.
 */
export interface Refusal {
  /** Groups the line gives none of (or, with `atLeast`, fewer uses of than that). */
  without?: (readonly string[] | { of: readonly string[]; atLeast: number })[];
  /** Groups the line gives one of. */
  with?: (readonly string[])[];
  /**
   * Of the arguments `among` given, the last is one of `of`: each sets the same variable, so the last
   * one given decides (`del` after `add` in `ip table add del`).
   */
  last?: readonly { of: readonly string[]; among: readonly string[] }[];
  /** Two groups whose last given values are the same (`src` and `dst` identical). */
  same?: readonly [readonly string[], readonly string[]];
  /** VPP's own words for the error, when they are plain text. */
  says?: string;
}

/** A `without` group of a refusal with its count (1 unless written `{ of, atLeast }`). */
export function groupOf(g: NonNullable<Refusal['without']>[number]): { of: readonly string[]; atLeast: number } {
  return Array.isArray(g) ? { of: g as readonly string[], atLeast: 1 } : (g as { of: readonly string[]; atLeast: number });
}

export interface InterfaceNaming {
  /** How VPP names the interface this command creates; read by the interface model. */
  rule: 'tap' | 'host-interface' | 'af_xdp' | 'vhost-user' | 'memif' | 'loopback' | 'sub-interface' | 'lcp' | 'bridge-domain';
}

export interface CommandSpec {
  /** The command words as registered by VLIB_CLI_COMMAND, e.g. `create interface af_xdp`. */
  path: string;
  /** One-line usage, from the command's short help (our synopsis for hover and signature help). */
  synopsis: string;
  /** Markdown documentation written by us. */
  doc?: string;
  /** The plugin that provides the command (its .so name without `_plugin.so`), absent for core. */
  plugin?: string;
  releases?: Releases;
  /**
   * True when every argument the command's unformat loop accepts is listed in `args`, so that any
   * other word is an error VPP would raise. False for commands we know only by name.
   */
  strict: boolean;
  /** 'any': VPP's usual `while (unformat_check_input ...)` loop; 'sequence': args must come in order. */
  order?: 'any' | 'sequence';
  /**
   * With `order: 'sequence'`: the arguments from this index on are read by a loop after the
   * sequence, in any order and as often as written (arping's `interval` and `repeat`).
   */
  loopFrom?: number;
  args?: readonly ArgSpec[];
  /** Each inner list names arguments of which at least one must be given. */
  required?: readonly (readonly string[])[];
  /** Each inner list names arguments of which at most one may be given. */
  exclusive?: readonly (readonly string[])[];
  /**
   * With `order: 'sequence'`: each inner list names the arguments of one if / else-if chain, in
   * order. VPP takes one branch of it and reads on after the chain, so once one of them is read
   * the others are not read (a second one is a word left over).
   */
  choices?: readonly (readonly string[])[];
  /**
   * Each inner list names arguments VPP reads in one pass of its loop only: a flag the branches test
   * (`!is_set && unformat (...)`, `if (!enable_set) { enable_set = 1; ... }`) is set once one of them
   * is read, and a second is unknown input (VPP 26.06: "unknown input 'disable bogus-option'" for
   * `nat44 forwarding disable disable bogus-option`).
   */
  readOnce?: readonly (readonly string[])[];
  /** Other combinations VPP refuses after reading the arguments. */
  refuses?: readonly Refusal[];
  creates?: InterfaceNaming;
  /** With no arguments at all VPP returns without doing anything and without an error. */
  bareIsNoop?: boolean;
  /**
   * VPP reads the arguments once each and never looks at what follows them: left-over words are no
   * error once every required argument is given (functions without a parse loop).
   */
  ignoresRest?: boolean;
  /**
   * The function never reads its input: the words after the command stay in VPP's input, and
   * `vlib_cli_input` runs them as the next command (`clear errors bogus` fails on `bogus`).
   */
  readsNoArgs?: boolean;
  /**
   * The error the function returns before it reads a word, when VPP's state says so (`LISP is
   * disabled`): a check of state, not of the line. VPP then runs the command above it on the words.
   */
  refusesBeforeReading?: string;
  /** For arguments read from VPP's source (data/command-args.json): the file and function that parse them. */
  source?: { file: string; function: string };
  /** For a command read from the user's own C sources: where its `VLIB_CLI_COMMAND` is. */
  definedAt?: SourceLocation;
}

/** A line of a C file on the user's disk (0-based line), for hover links and go to definition. */
export interface SourceLocation {
  file: string;
  line: number;
}

/**
 * A startup.conf parameter or nested block. A section is the top-level instance of the same shape:
 * `unix { ... }` is a param with `block`, `heapsize 2G` one with `values`.
 */
export interface StartupParam {
  /**
   * The word(s) VPP matches, e.g. `main-core`, `default netns`. `*` matches any single word (node
   * names under `node { ... }`), with `keyName` saying what it stands for.
   */
  key: string;
  keyName?: string;
  values?: readonly ValueSpec[];
  /** Parameters accepted inside `{ ... }` after the key and values. */
  block?: readonly StartupParam[];
  /** The `{ ... }` block may be left out (e.g. `dev 0000:02:00.0` alone). */
  blockOptional?: boolean;
  /** True when VPP rejects words inside the block that are not listed. */
  strict?: boolean;
  /** The strict loop skips white space itself, so a block of blanks (`dsa { }`) is accepted. */
  skipsBlanks?: boolean;
  /**
   * For a block that is not `strict`, how its loop reads the first word it does not know (cpu_config):
   * a word with the values of one of these rules is a name VPP looks up, and finding none it stops
   * with `message` (`%s` stands for the name: the word without `prefix`). Any other unknown word
   * ends the loop: VPP ignores it and the rest of the block.
   */
  lookups?: readonly { prefix?: string; values: readonly ValueSpec[]; message: string }[];
  doc: string;
  releases?: Releases;
  plugin?: string;
  repeatable?: boolean;
  deprecated?: string;
  /**
   * Releases in which VPP refuses to start when this appears, with the reason; `replacement` is
   * the section parameter VPP reads the same value from instead (`heapsize 1G` is
   * `memory { main-heap-size 1G }`), which the fix writes.
   */
  fatal?: { releases: Releases; message: string; replacement?: { section: string; param: string } };
  /** For a section read from the user's own C sources: where its config function is. */
  definedAt?: SourceLocation;
}

export interface PluginSpec {
  /** The .so base name, e.g. `linux_cp` for linux_cp_plugin.so. */
  name: string;
  description?: string;
  releases?: Releases;
  /** Releases in which the plugin is disabled unless startup.conf enables it. */
  defaultDisabled?: Releases;
}

/**
 * How one command function reads its arguments, as `tools/extract-command-args.ts` read it from VPP's
 * C source (`server/src/sourceReader`). `args` are in the order of the function's if / else-if chain.
 */
export interface ReadCommandArgs {
  /** True when every branch of the parse loop was understood and the loop refuses any other word. */
  strict: boolean;
  /** Why the command stays loose (absent when strict). */
  reason?: string;
  args: ArgSpec[];
  required?: string[][];
  refuses?: Refusal[];
  bareIsNoop?: boolean;
  /** 'sequence' for functions that read each argument once, in order, without a loop. */
  order?: 'sequence';
  /** See `CommandSpec.loopFrom`. */
  loopFrom?: number;
  /** See `CommandSpec.choices`. */
  choices?: string[][];
  /** See `CommandSpec.readOnce`. */
  readOnce?: string[][];
  /** VPP never looks past the last argument it reads (see `CommandSpec.ignoresRest`). */
  ignoresRest?: boolean;
  /** The function never reads its input (see `CommandSpec.readsNoArgs`). */
  readsNoArgs?: boolean;
  /** See `CommandSpec.refusesBeforeReading`. */
  refusesBeforeReading?: string;
}

/**
 * One entry of data/command-args.json: how a command reads its arguments in `releases` (absent:
 * every release that has the command). Written compactly: each arg is `[keyword | null, ...values]`
 * where a value is a `ValueKind` or a full `ValueSpec`; `null` marks a positional value. Values after
 * the first that are one-word enums are literal words the format string requires there (`src %U dst %U`
 * is read as keyword `src`, then an address, the word `dst` and an address). An arg whose first element
 * is `"!"` ends the input (`ArgSpec.endsInput`): `["!", "add", "string"]`. Loaded into `CommandSpec`s
 * by schema/index.ts; hand-written commands in schema/cli win over these.
 */
export interface CommandArgsEntry {
  path: string;
  releases?: VppRelease[];
  strict: boolean;
  reason?: string;
  args?: (string | ValueSpec | null)[][];
  required?: string[][];
  refuses?: Refusal[];
  bareIsNoop?: boolean;
  order?: 'sequence';
  loopFrom?: number;
  choices?: string[][];
  readOnce?: string[][];
  ignoresRest?: boolean;
  readsNoArgs?: boolean;
  refusesBeforeReading?: string;
  /** Where the reading comes from: the file and the function of the newest release listed. */
  source: { file: string; function: string };
}
