import { checkValue } from '../../server/src/analysis/values';
import type { ValueSpec } from '../../server/src/schema/types';

/**
 * Values to put in generated lines. VPP judges them in a sandbox the referee prepares (see vpp.ts):
 * `loop0` and `loop1` exist, the Linux interface `vref1` exists in VPP's network namespace, and
 * `/tmp/vpp-referee` is its scratch folder. Good values are ones our analysis accepts; bad ones
 * are ones it refuses, so that each line asks VPP a question whose answer we predict.
 */
export const SANDBOX = {
  vppInterface: 'loop0',
  linuxInterface: 'vref1',
  netns: 'vref-ns',
  folder: '/tmp/vpp-referee',
} as const;

const GOOD_BY_KIND: Record<string, string[]> = {
  uint: ['1', '0', '2', '1024', '4096', '65535'],
  int: ['1', '-1', '0'],
  hex: ['0x10', '10'],
  number: ['10', '0x10'],
  float: ['1.5', '1'],
  string: ['ref0'],
  ifname: [SANDBOX.linuxInterface],
  netns: [SANDBOX.netns],
  path: [`${SANDBOX.folder}/sock0`],
  mac: ['02:fe:00:00:00:01'],
  ip4: ['10.9.0.1'],
  ip6: ['2001:db8:9::1'],
  ip: ['10.9.0.1', '2001:db8:9::1'],
  'ip4-prefix': ['10.9.0.1/24'],
  'ip6-prefix': ['2001:db8:9::1/64'],
  'ip-prefix': ['10.9.0.1/24', '2001:db8:9::1/64'],
  interface: [SANDBOX.vppInterface],
  size: ['64M', '4096', '1G'],
  pci: ['0000:00:00.0'],
  corelist: ['1', '0-1'],
  'mpls-label': ['16', 'implicit-null'],
  'lisp-eid': ['10.9.0.0/24', '02:fe:00:00:00:01'],
  rest: ['ref'],
};

/** Values our analysis refuses for a kind, chosen to be wrong in the way users get them wrong. */
const BAD_BY_KIND: Record<string, string[]> = {
  uint: ['abc', '-1', '1.5'],
  int: ['abc'],
  hex: ['xyz'],
  number: ['abc'],
  float: ['abc'],
  mac: ['02:fe:00:00:01', 'zz:fe:00:00:00:01'],
  ip4: ['10.9.0', '10.9.0.256'],
  ip6: ['2001:db8::g'],
  ip: ['10.9.0'],
  'ip4-prefix': ['10.9.0.1', '10.9.0/24'],
  'ip6-prefix': ['2001:db8::1'],
  'ip-prefix': ['10.9.0.1'],
  size: ['lots'],
  pci: ['00:00'],
  corelist: ['a-b'],
  'mpls-label': ['ref0'],
  'lisp-eid': ['ref0'],
  enum: ['bogus'],
};

const SANDBOX_KINDS = new Set(['interface', 'ifname', 'netns', 'path']);

/** The first good value of a spec that our analysis accepts, or undefined when none fits. */
export function goodValue(spec: ValueSpec): string | undefined {
  return goodValues(spec)[0];
}

/** Several accepted values: the edges (min, max, powers of two) and a typical one. */
export function goodValues(spec: ValueSpec): string[] {
  const candidates: string[] = [];
  if (spec.kind === 'enum') candidates.push(...(spec.values ?? []));
  // names of things must name what the sandbox has, or VPP refuses them for a reason of state
  if (SANDBOX_KINDS.has(spec.kind)) candidates.push(...GOOD_BY_KIND[spec.kind]);
  if (spec.placeholder) candidates.push(spec.placeholder);
  if (spec.min !== undefined) candidates.push(String(spec.min));
  if (spec.max !== undefined) candidates.push(String(spec.max));
  if (spec.powerOfTwo) candidates.push('1024', '256');
  candidates.push(...(GOOD_BY_KIND[spec.kind] ?? []));
  // a value is one word: a placeholder such as `vpp# ` would read as two, or as a comment
  return unique(candidates.filter((v) => /^[^\s#]+$/.test(v) && checkValue(v, spec) === undefined));
}

/** Values our analysis refuses: the wrong kind, and out of range where the spec has a range. */
export function badValues(spec: ValueSpec): string[] {
  const candidates = [...(BAD_BY_KIND[spec.kind] ?? [])];
  if (spec.min !== undefined && spec.min > 0 && !spec.zeroIsDefault) candidates.push(String(spec.min - 1));
  if (spec.max !== undefined) candidates.push(String(spec.max + 1));
  if (spec.powerOfTwo) candidates.push('1000');
  if (spec.maxLength !== undefined) candidates.push('x'.repeat(spec.maxLength + 1));
  return unique(candidates.filter((v) => checkValue(v, spec) !== undefined));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
