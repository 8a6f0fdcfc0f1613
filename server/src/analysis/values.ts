import type { ValueKind, ValueSpec } from '../schema/types';

/** What a value of each kind looks like, for messages: `<ip4-prefix>` reads better as an example. */
export const KIND_EXAMPLES: Record<ValueKind, string> = {
  uint: 'a decimal number such as 1024',
  int: 'a decimal number',
  hex: 'a hex number such as 0x1f',
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
  rest: 'the rest of the line',
};

/** Linux refuses interface names longer than IFNAMSIZ - 1. */
export const LINUX_IFNAME_MAX = 15;

const DECIMAL = /^\d+$/;
const SIGNED = /^[-+]?\d+$/;
const HEX = /^(0[xX])?[0-9a-fA-F]+$/;
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

/** Why a value is refused, or undefined when VPP would accept it. */
export function checkValue(text: string, spec: ValueSpec): string | undefined {
  if (spec.prefix !== undefined) {
    if (!text.startsWith(spec.prefix)) return `must start with \`${spec.prefix}\``;
    text = text.slice(spec.prefix.length);
  }
  const shape = checkShape(text, spec);
  if (shape) return shape;
  if (spec.maxLength !== undefined && text.length > spec.maxLength) return `must have at most ${spec.maxLength} characters`;
  if (spec.kind === 'uint' || spec.kind === 'int' || spec.kind === 'number' || spec.kind === 'hex') {
    const n = spec.kind === 'hex' ? parseInt(text.replace(/^0[xX]/, ''), 16) : Number(text);
    if (n === 0 && spec.zeroIsDefault) return undefined;
    if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}`;
    if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}`;
    // 0 means "use the default" wherever VPP checks for a power of two
    if (spec.powerOfTwo && n !== 0 && (n & (n - 1)) !== 0) return 'must be a power of two';
  }
  return undefined;
}

function checkShape(text: string, spec: ValueSpec): string | undefined {
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
    case 'enum':
      return spec.values && !spec.values.includes(text) ? `expects one of ${spec.values.map((v) => `\`${v}\``).join(', ')}` : undefined;
    default:
      return undefined;
  }
}
