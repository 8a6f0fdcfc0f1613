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
  | 'hex' // 0x-prefixed or bare hex digits as VPP's %x / %llx accept
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
  | 'rest'; // consumes the rest of the line (exec FILE, comment ...)

export interface ValueSpec {
  kind: ValueKind;
  /** For kind 'enum': the accepted words. */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** VPP refuses values that are not a power of two (queue/ring sizes). */
  powerOfTwo?: boolean;
  /** 0 means "use the default" and is accepted whatever `min` says. */
  zeroIsDefault?: boolean;
  /** VPP refuses a longer value (not just the kernel: VPP checks it itself). */
  maxLength?: number;
  /** Placeholder text for snippets, e.g. `vpp0`. */
  placeholder?: string;
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
  args?: readonly ArgSpec[];
  /** Each inner list names arguments of which at least one must be given. */
  required?: readonly (readonly string[])[];
  /** Each inner list names arguments of which at most one may be given. */
  exclusive?: readonly (readonly string[])[];
  creates?: InterfaceNaming;
  /** With no arguments at all VPP returns without doing anything and without an error. */
  bareIsNoop?: boolean;
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
}

export interface PluginSpec {
  /** The .so base name, e.g. `linux_cp` for linux_cp_plugin.so. */
  name: string;
  description?: string;
  releases?: Releases;
  /** Releases in which the plugin is disabled unless startup.conf enables it. */
  defaultDisabled?: Releases;
}
