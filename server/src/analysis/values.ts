import ethertypes from '../schema/data/ethertypes.json';
import ipProtocols from '../schema/data/ip-protocols.json';
import type { ValueKind, ValueSpec } from '../schema/types';

/** The problem of a 0 VPP refuses (`ValueSpec.zeroRefused`). */
export const ZERO_REFUSED = 'must not be 0';

/** What a value of each kind looks like, for messages: `<ip4-prefix>` reads better as an example. */
export const KIND_EXAMPLES: Record<ValueKind, string> = {
  uint: 'a whole number (decimal digits)',
  int: 'a decimal number',
  // unformat's %x reads no 0x: VPP 26.06 stopped at `x10` of `vnid 0x10` (ila entry, asked 2026-12-07)
  hex: 'a hex number without 0x, such as 1f',
  number: 'a number (decimal or 0x hex)',
  float: 'a number such as 1.5',
  string: 'a word',
  ifname: 'a Linux interface name (at most 15 characters)',
  netns: 'a network namespace name',
  path: 'a file path',
  mac: 'a MAC address such as 02:fe:00:00:00:01',
  ip4: 'an IPv4 address such as 10.0.0.1',
  ip6: 'an IPv6 address such as 2001:db8::1',
  ip: 'an IPv4 or IPv6 address',
  'ip4-prefix': 'an IPv4 address with prefix length such as 10.0.0.1/24',
  'ip6-prefix': 'an IPv6 address with prefix length such as 2001:db8::1/64',
  'ip-prefix': 'an address with prefix length such as 10.0.0.1/24',
  interface: 'a VPP interface name',
  enum: 'one of the listed words',
  size: 'a size such as 1024, 256K, 128M or 4G',
  pci: 'a PCI address such as 0000:02:00.0',
  corelist: 'a CPU list such as 1-3,5',
  'hex-string': 'hex digits in pairs such as 0a1b2c (no 0x)',
  'lisp-eid': 'a LISP EID: an IP prefix such as 10.0.0.0/24, a MAC address, or two of them joined by |',
  'mpls-label': 'an MPLS label: a number, or a reserved name such as implicit-null or ip4-explicit-null',
  'ip-protocol': 'an IP protocol name such as tcp, udp or icmp',
  ethertype: 'an ethertype: a number such as 0x88cc, or a name such as ARP or IP6',
  rest: 'the rest of the line',
};

/**
 * What names no interface: a number as written in a script, or digits, a dot and a digit, which
 * unformat_vnet_sw_interface reads as sub-interface `.N` of a hardware interface named by the digits
 * (`%v.%d`) and, finding none, refuses whole: VPP 26.06 refused `nat44 add static mapping external
 * 10.9.0` and `ipsec tunnel protect 10.9.0` with an interface named `10.9.0`.
 */
const NUMBER_WORD = /^[-+]?[0-9]+(\.[0-9]+)?$|^[0-9]+\.[0-9]/;

/** A MAC address in the colon form (six hex octets): what names no interface either. */
const COLON_MAC = /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/;

/** Linux refuses interface names longer than IFNAMSIZ - 1. */
export const LINUX_IFNAME_MAX = 15;

const DECIMAL = /^\d+$/;
const SIGNED = /^[-+]?\d+$/;
// `%x` reads hex digits only: in `0x10` it reads the `0` and stops at `x10` (VPP 26.06 refused
// `map params traffic-class 0x10` there); a format that wants the `0x` writes it (`0x%x`, a prefix)
const HEX = /^[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const HEX_GROUP = /^[0-9a-fA-F]+$/;

/**
 * unformat_ethernet_address and unformat_mac_address_t: six `%x` groups below 256 joined by `:`,
 * or three below 65536 joined by `.` (`4.5.6` is 00:04:00:05:00:06).
 */
function isMac(text: string): boolean {
  const colon = text.split(':');
  const dotted = text.split('.');
  const groups = colon.length === 6 ? colon : dotted.length === 3 ? dotted : undefined;
  const limit = colon.length === 6 ? 0x100 : 0x10000;
  return !!groups && groups.every((g) => HEX_GROUP.test(g) && parseInt(g, 16) < limit);
}
const SIZE = /^\d+[kKmMgG]?$/;
const PCI = /^([0-9a-fA-F]{1,4}:)?[0-9a-fA-F]{1,2}:[0-9a-fA-F]{1,2}\.[0-7]$/;
const CORELIST = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;
/**
 * unformat_hex_string reads hex digits up to the first other character and fails on none or an odd
 * count; after an even run it leaves the rest of the word in the input, which the command may read.
 */
function isHexString(text: string): boolean {
  const run = /^[0-9a-fA-F]*/.exec(text)![0].length;
  return run > 0 && run % 2 === 0;
}

/**
 * unformat_mpls_unicast_label (mpls.c) tries the reserved names of mpls_types.h, each matched from
 * the start of the word, then `%d`, which takes the digits a word starts with (a sign first): a word
 * starting with none of them is refused (VPP 24.10: `sr mpls policy add bsid ref0`, "No SR policy
 * BSID or index specified"). The label's range is not checked there.
 */
const MPLS_LABEL_NAMES = ['ip4-explicit-null', 'ipv6-explicit-null', 'router-alert', 'implicit-null', 'e-nul', 'v6enl', 'r-alt', 'i-nul'];
function isMplsLabel(text: string): boolean {
  return /^[-+]?\d/.test(text) || MPLS_LABEL_NAMES.some((name) => text.startsWith(name));
}

/**
 * unformat_gid_address (lisp_types.c) reads `EID|EID`, an IP prefix, a MAC or an NSH `SPI:SI` (a
 * form of its own here): each starts with a hex digit or, for IPv6, `:`. A word starting otherwise
 * is refused (VPP 24.10 and 26.06: `show lisp eid-table eid ref0`, "parse error: 'eid ref0'"). What
 * follows the start is not checked.
 */
function isLispEid(text: string): boolean {
  return /^[0-9a-fA-F:]/.test(text);
}

const IP_PROTOCOLS = new Set<string>(ipProtocols);

/**
 * unformat_ip_protocol reads a token of `a-zA-Z0-9_` and looks it up as written, then upper-cased,
 * among the names of protocols.def: `tcp` and `Tcp` are TCP, `6` is no name.
 */
function isIpProtocol(text: string): boolean {
  return /^\w+$/.test(text) && IP_PROTOCOLS.has(text.toUpperCase());
}

const ETHERTYPES = new Set<string>(ethertypes);

/**
 * unformat_ethernet_type_host_byte_order tries `0x%x` and `%d` first, each of which takes the digits
 * a word starts with; a word starting with a letter must then start with a name of types.def,
 * matched as written or upper-cased (VPP 26.06 refused `lcp ethertype enable ref0`: "Invalid
 * ethertype", and took `arp`, `ARP`, `0x806`, and `802_1_LLDP` as the number 802). Words starting
 * otherwise are let through.
 */
function isEthertype(text: string): boolean {
  // a number of 65536 or more is refused (VPP 26.06: `70000`); past 2^31 the int VPP reads it into
  // wraps, which is not followed
  const hex = /^0x([0-9a-fA-F]+)/.exec(text)?.[1];
  const decimal = /^\+?(\d+)/.exec(text)?.[1];
  const number = hex !== undefined ? parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined;
  if (number !== undefined) return number < 65536 || number > 0x7fffffff;
  const token = /^[A-Za-z_]\w*/.exec(text)?.[0];
  return token === undefined || ETHERTYPES.has(token.toUpperCase());
}

export function isIp4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => DECIMAL.test(p) && p.length <= 3 && Number(p) <= 255);
}

export function isIp6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length < 2) return false;
  let body = text;
  let groupsNeeded = 8;
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIp4(tail)) return false;
    body = body.slice(0, lastColon + 1) + '0:0';
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...rest];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length < groupsNeeded : all.length === groupsNeeded;
}

function isPrefix(text: string, family: 4 | 6 | 0): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const addr = text.slice(0, slash);
  const len = text.slice(slash + 1);
  if (!DECIMAL.test(len)) return false;
  if (family === 4) return isIp4(addr);
  if (family === 6) return isIp6(addr);
  return isIp4(addr) || isIp6(addr);
}

/** A prefix length over the address's bits (`/33`, `/129`), or 0 where VPP wants at least 1. */
function checkPrefixLength(text: string, limit: NonNullable<ValueSpec['prefixLength']>): string | undefined {
  const slash = text.indexOf('/');
  const length = Number(text.slice(slash + 1));
  const bits = isIp4(text.slice(0, slash)) ? 32 : 128;
  if (length > bits) return `has prefix length ${length}, but an IPv${bits === 32 ? 4 : 6} prefix has at most ${bits} bits (${limit.refusal})`;
  if (length === 0 && limit.zeroRefused) return `has prefix length 0 (${limit.refusal})`;
  return undefined;
}

/**
 * Whether unformat_integer reads a number from the start of `text` (and leaves the rest of the word
 * in the input): `%u` reads `10` of `10.9.0.1`, `%x` the `0` of `0x10`; `%u` takes no `-`.
 */
export function readsLeadingNumber(text: string, spec: ValueSpec): boolean {
  if (spec.prefix !== undefined || spec.glued) return false;
  if (spec.kind === 'uint') return /^\+?\d/.test(text);
  if (spec.kind === 'int') return /^[-+]?\d/.test(text);
  if (spec.kind === 'hex') return /^\+?[0-9a-fA-F]/.test(text);
  return false;
}

/** The low `bits` bits of a number as VPP stores them, or undefined for a number too large to tell (beyond 2^53). */
function storedValue(n: number, bits: number): number | undefined {
  if (!Number.isSafeInteger(n) || n < 0) return undefined;
  return Number(BigInt(n) & ((1n << BigInt(bits)) - 1n));
}

/**
 * The number VPP's unformat_float (vppinfra/unformat.c) makes of a word: the sign goes with the
 * whole part only, and the fraction is added after it, so `-0.5` is 0.5 and `-1.5` is -0.5 (VPP
 * 26.06 took `set nsim ... reorder-fraction -0.5` and showed "reorder fraction: .50000").
 */
export function unformatFloat(text: string): number {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!m) return Number(text);
  const whole = Number(m[2] || '0');
  const fraction = m[3] ? Number(`0.${m[3]}`) : 0;
  return ((m[1] === '-' ? -whole : whole) + fraction) * 10 ** Number(m[4] ?? '0');
}

/** Why a value is refused, or undefined when VPP would accept it. */
export function checkValue(text: string, spec: ValueSpec): string | undefined {
  const shape = checkShape(text, spec);
  if (shape) return shape;
  if (spec.prefix !== undefined) text = text.slice(spec.prefix.length);
  if (spec.maxLength !== undefined && text.length > spec.maxLength) return `must have at most ${spec.maxLength} characters`;
  if (spec.prefixLength) return checkPrefixLength(text, spec.prefixLength);
  if (spec.kind === 'uint' || spec.kind === 'int' || spec.kind === 'number' || spec.kind === 'hex') {
    const read = spec.kind === 'hex' ? parseInt(text.replace(/^0[xX]/, ''), 16) : Number(text);
    const n = spec.storedBits !== undefined ? storedValue(read, spec.storedBits) : read;
    // a number VPP cuts to its low bits is judged as what it keeps
    const kept = (why: string) => (n === read ? why : `is kept in ${spec.storedBits} bits as ${n}, which ${why}`);
    if (n === undefined) return undefined;
    if (n === 0 && spec.zeroIsDefault) return undefined;
    if (spec.min !== undefined && n < spec.min) return kept(`must be at least ${spec.min}`);
    if (n === 0 && spec.zeroRefused) return kept(ZERO_REFUSED);
    if (spec.max !== undefined && n > spec.max) return kept(`must be at most ${spec.max}`);
    // 0 means "use the default" wherever VPP checks for a power of two
    if (spec.powerOfTwo && n !== 0 && (n & (n - 1)) !== 0) return kept('must be a power of two');
    if (spec.multipleOf !== undefined && n % spec.multipleOf !== 0) return kept(`must be a multiple of ${spec.multipleOf}`);
  }
  // a real number's bounds hold with their ends (`drop_fraction < 0.0 || drop_fraction > 1.0`)
  if (spec.kind === 'float') {
    const n = unformatFloat(text);
    if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}`;
    if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}`;
  }
  return undefined;
}

/** The word a part of a format must be written as (`-` in `%U - %U`), if it is a fixed one. */
const literalOf = (part: ValueSpec): string | undefined => (part.kind === 'enum' && part.values?.length === 1 ? part.values[0] : undefined);

/** Whether `text` is the glued parts: each punctuation literal in turn, and a value of its shape between them. */
function gluedParts(text: string, parts: readonly ValueSpec[]): boolean {
  let at = 0;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    const literal = literalOf(part);
    if (literal !== undefined && !/[A-Za-z0-9]/.test(literal)) {
      if (!text.startsWith(literal, at)) return false;
      at += literal.length;
      continue;
    }
    const next = parts[k + 1]?.values?.[0];
    const end = next === undefined ? text.length : text.indexOf(next, at + 1);
    if (end < 0 || end <= at || checkShape(text.slice(at, end), part)) return false;
    at = end;
  }
  return at === text.length;
}

function partExample(part: ValueSpec): string {
  return literalOf(part) ?? `<${part.kind}>`;
}

/** Whether the text has the shape of the value (what unformat matches), limits aside. */
export function checkShape(text: string, spec: ValueSpec): string | undefined {
  if (spec.prefix !== undefined) {
    if (!text.startsWith(spec.prefix)) return `must start with \`${spec.prefix}\``;
    text = text.slice(spec.prefix.length);
  }
  if (spec.glued) return gluedParts(text, spec.glued) ? undefined : `expects ${spec.glued.map(partExample).join('')}, written as one word`;
  const ok = (good: boolean) => (good ? undefined : `expects ${KIND_EXAMPLES[spec.kind]}`);
  switch (spec.kind) {
    case 'uint':
      return ok(DECIMAL.test(text));
    case 'int':
      return ok(SIGNED.test(text));
    case 'hex':
      return ok(HEX.test(text));
    case 'number':
      return ok(DECIMAL.test(text) || /^0[xX][0-9a-fA-F]+$/.test(text));
    case 'float':
      return ok(FLOAT.test(text));
    case 'mac':
      return ok(isMac(text));
    case 'ip4':
      return ok(isIp4(text));
    case 'ip6':
      return ok(isIp6(text));
    case 'ip':
      return ok(isIp4(text) || isIp6(text));
    case 'ip4-prefix':
      return ok(isPrefix(text, 4));
    case 'ip6-prefix':
      return ok(isPrefix(text, 6));
    case 'ip-prefix':
      return ok(isPrefix(text, 0));
    case 'size':
      return ok(SIZE.test(text));
    case 'pci':
      return ok(PCI.test(text));
    case 'corelist':
      return ok(CORELIST.test(text));
    case 'ip-protocol':
      return ok(isIpProtocol(text));
    case 'ethertype':
      return ok(isEthertype(text));
    case 'lisp-eid':
      return ok(isLispEid(text));
    case 'mpls-label':
      return ok(isMplsLabel(text));
    case 'hex-string':
      return ok(isHexString(text));
    case 'interface':
      // any word may name an interface (`set interface name`), but no one names one a number: VPP
      // 24.10 and 26.06 refused `policer input idnex 1` at `1` even with an interface named `idnex`;
      // nor a MAC address: VPP 26.06 refused `set interface l2 pbb-tag-rewrite samc 02:fe:00:00:00:01`
      // even with an interface named `samc`
      return ok(!NUMBER_WORD.test(text) && !COLON_MAC.test(text));
    case 'enum':
      return spec.values && !spec.values.includes(text) ? `expects one of ${spec.values.map((v) => `\`${v}\``).join(', ')}` : undefined;
    default:
      return undefined;
  }
}
