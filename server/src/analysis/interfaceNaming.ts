import { allArgsOf } from '../schema/index';
import { RELEASES, type ArgSpec, type InterfaceNaming, type VppRelease } from '../schema/types';
import { isTemplated } from '../syntax/tokens';
import { isGroup, type Token } from '../syntax/tree';
import { matchArgs, type ArgMatch, type ValueMatch } from './args';
import { argPatterns, type CommandUse } from './cliModel';

/**
 * How VPP names the interfaces a script creates, one rule per `creates.rule` of the schema, and the
 * way back: which option of the creating command to change so that the interface gets another
 * name. Both directions live here so that they cannot drift apart. Each rule follows the driver's
 * own name formatter and instance allocator (tap/tun share one id bitmap; loopbacks take the lowest
 * free instance; af_xdp and vhost-user number by their device pool; memif by socket and id).
 */

export type NamingRule = Exclude<InterfaceNaming['rule'], 'bridge-domain'>;

/** One option of the creating command that holds the interface's name, or a part of it. */
export interface NameOption {
  /** The argument (schema `name`) that holds it. */
  readonly arg: string;
  /** The option value that gives the wanted name, or undefined when this option cannot give it. */
  readonly valueFor: (name: string) => string | undefined;
  /** The value as written; absent when the option is not on the line (it is then inserted). */
  readonly token?: Token;
  /** The value is a Linux interface name: changing it renames that Linux interface too. */
  readonly linux?: boolean;
}

/** A name VPP gives to an interface the command creates. */
export interface NamedInterface {
  readonly name: string;
  readonly rule: NamingRule;
  /** Where the name is decided: the value that sets it, absent when VPP picks it alone. */
  readonly nameToken?: Token;
  /** VPP chose (part of) the name: the next free number, a device index. */
  readonly derived: boolean;
  readonly options: readonly NameOption[];
  /** Why no rename is possible when no option fits, in our words. */
  readonly refusal: string;
  /** The part of the name that is a Linux interface name (`host-<X>`, `<X>/<n>`). */
  readonly linuxPart?: { token: Token; prefix: string; suffix: string };
  /** For sub-interfaces: the parent as written, and whether the id is a range. */
  readonly parent?: Token;
  readonly range?: { first: number; last: number };
  /** An earlier interface that already holds what this one needs (its id); VPP refuses this one. */
  refusedBy?: string;
  /** What the command claims in VPP's allocators, to find clashes and free them on delete. */
  readonly claims: readonly string[];
}

/** A Linux interface the command creates or uses. */
export interface LinuxInterface {
  readonly name: string;
  readonly token: Token;
  /** The network namespace; undefined means VPP's own. */
  readonly netns?: string;
  readonly role: 'creates' | 'uses';
}

/** A tap id VPP picks for lcp pairs starts here (linux-cp's `auto_id_offset`, from 24.10). */
const LCP_TAP_ID_OFFSET = 4096;
const LCP_AUTO_ID_SINCE: VppRelease = '24.10';

/** The command a line runs: itself, or the one inside `uncomment { ... }` / `$(X) { ... }`. */
export function effectiveUse(use: CommandUse): CommandUse | undefined {
  if (use.kind === 'command') return use;
  return use.nested ? effectiveUse(use.nested) : undefined;
}

/** The matches of non-strict commands, which `resolveWords` leaves unmatched (strict ones keep theirs in `use.match`). */
const matchCache = new WeakMap<CommandUse, ArgMatch<ArgSpec>[]>();

/** Every match of a command's arguments, also for non-strict commands that list their arguments. */
export function argMatches(use: CommandUse): ArgMatch<ArgSpec>[] {
  if (use.match) return use.match.matches;
  let matches = matchCache.get(use);
  if (!matches) {
    const command = use.command;
    matches = command?.args?.length ? matchArgs(use.args, argPatterns(command), command.order ?? 'any', command.loopFrom).matches : [];
    matchCache.set(use, matches);
  }
  return matches;
}

/**
 * The values of each argument as VPP keeps them: when an option repeats, the last one wins. Made
 * anew on each call, not kept: its callers keep what they make of it (`nameInterfacesOnce`,
 * `linuxInterfacesOnce`, the features' own lists), and a map per creating line kept for the whole
 * document cost more memory than the line's command.
 */
export function argValues(use: CommandUse): Map<string, ValueMatch[]> {
  const out = new Map<string, ValueMatch[]>();
  for (const m of argMatches(use)) out.set(m.pattern.spec.name, m.values);
  return out;
}

/** A value VPP would read: present, well-formed and not a template placeholder. */
function plainValue(values: Map<string, ValueMatch[]>, arg: string): Token | undefined {
  const v = values.get(arg)?.[0];
  return v?.token && !v.problem && !isTemplated(v.token.text) ? v.token : undefined;
}

/** True when the option is present but its value cannot be known (template, error). */
function unknowable(values: Map<string, ValueMatch[]>, arg: string): boolean {
  const v = values.get(arg)?.[0];
  return !!v && (!v.token || !!v.problem || isTemplated(v.token.text));
}

const digits = (re: RegExp) => (name: string) => re.exec(name)?.[1];

/** What naming a command asked of the allocators, and the answers it got. */
type NamingRead = { readonly claim: string; readonly holder: string | undefined } | { readonly space: string; readonly from: number; readonly free: number };

/** Hears what the allocators are asked and what changes in them (see modelSteps.ts for the keys). */
export interface AllocatorTracker {
  read(key: string, value: unknown, search?: { space: string; from: number }): void;
  claimed(claim: string, before: string | undefined, after: string | undefined): void;
  tookFromPool(): void;
}

export const spaceOf = (claim: string) => claim.slice(0, claim.lastIndexOf(':'));

/** The ids from which VPP searches a free one: 0, and linux-cp's offset for the taps it makes. */
const SEARCH_FLOORS = [LCP_TAP_ID_OFFSET];

/** The state key a search for a free id from `from` reads (see modelSteps.ts). */
const spaceKey = (space: string, from: number) => (from === 0 ? `S|${space}` : `S|${space}@${from}`);

/** The keys of the searches a claim (or its release) can change the answer of. */
export function searchesChangedBy(claim: string): string[] {
  const space = spaceOf(claim);
  const id = Number(claim.slice(space.length + 1));
  const keys = [spaceKey(space, 0)];
  for (const floor of SEARCH_FLOORS) if (id >= floor) keys.push(spaceKey(space, floor));
  return keys;
}

/** A binary min-heap of numbers in an array. */
function heapPush(heap: number[], n: number): void {
  let i = heap.push(n) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= n) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = n;
}

function heapPop(heap: number[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const child = left + 1 < heap.length && heap[left + 1] < heap[left] ? left + 1 : left;
    if (heap[child] >= last) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
}

export class NamingState {
  tracker?: AllocatorTracker;
  /** The reads of the command being named, while one is recorded; `volatile` when one took from a pool. */
  private log?: NamingRead[];
  private volatile = false;
  private readonly taken = new Map<string, string>();
  private readonly freed = new Map<string, number[]>();
  private readonly counters = new Map<string, number>();
  /**
   * Per id space and starting point, a number below which every id is taken, so that a script
   * with thousands of automatic ids does not search from the start each time.
   */
  private readonly takenBelow = new Map<string, number>();
  /** Per search, ids below its floor freed since (some perhaps taken again): every other id below the floor is taken. */
  private readonly holes = new Map<string, number[]>();
  /**
   * While the model takes a step again at its place with the later steps still in the state: the
   * lowest free id there (`lowestFreeAt` in modelSearchDelta.ts), which the floors and holes kept for the
   * state at the script's end cannot tell.
   */
  searchAt?: (space: string, from: number) => number;
  constructor(readonly release: VppRelease) {}

  holder(claim: string): string | undefined {
    const holder = this.taken.get(claim);
    this.tracker?.read(`C|${claim}`, holder);
    this.log?.push({ claim, holder });
    return holder;
  }

  /** Records the reads `naming` makes: undefined when it took from a pool, which cannot be replayed. */
  recording<T>(naming: () => T): { result: T; reads?: readonly NamingRead[] } {
    const log: NamingRead[] = (this.log = []);
    this.volatile = false;
    try {
      const result = naming();
      return { result, reads: this.volatile ? undefined : log };
    } finally {
      this.log = undefined;
    }
  }

  /** Whether the allocators would answer these reads as they did. */
  answersAsBefore(reads: readonly NamingRead[]): boolean {
    for (const r of reads) {
      if ('claim' in r ? this.holder(r.claim) !== r.holder : this.lowestFree(r.space, r.from) !== r.free) return false;
    }
    return true;
  }

  claim(claim: string, name: string): void {
    this.tracker?.claimed(claim, this.taken.get(claim), name);
    this.taken.set(claim, name);
  }

  free(claim: string): void {
    this.tracker?.claimed(claim, this.taken.get(claim), undefined);
    this.taken.delete(claim);
    this.lowerFloors(claim);
    const pool = /^(\w[\w-]*)-device:(\d+)$/.exec(claim);
    if (pool) {
      this.tracker?.tookFromPool();
      (this.freed.get(pool[1]) ?? this.freed.set(pool[1], []).get(pool[1])!).push(Number(pool[2]));
    }
  }

  /** Sets who holds a claim (undefined: nobody), as a step of the model is undone or redone. */
  restore(claim: string, holder: string | undefined): void {
    if (holder !== undefined) {
      this.taken.set(claim, holder);
      return;
    }
    this.taken.delete(claim);
    this.lowerFloors(claim);
  }

  /** A freed id below the floor of a search is a hole in it: the search looks there first. */
  private lowerFloors(claim: string): void {
    const space = spaceOf(claim);
    const id = Number(claim.slice(space.length + 1));
    for (const [key, floor] of this.takenBelow) {
      if (key.slice(0, key.lastIndexOf('|')) !== space) continue;
      const from = Number(key.slice(key.lastIndexOf('|') + 1));
      if (!Number.isInteger(id)) {
        this.takenBelow.delete(key);
        this.holes.delete(key);
      } else if (id >= from && id < floor) {
        const holes = this.holes.get(key);
        if (holes) heapPush(holes, id);
        else this.holes.set(key, [id]);
      }
    }
  }

  /** The lowest hole of a search that is still free, dropping those taken again. */
  private lowestHole(key: string, space: string): number | undefined {
    const holes = this.holes.get(key);
    if (!holes) return undefined;
    while (holes.length > 0 && this.taken.has(`${space}:${holes[0]}`)) heapPop(holes);
    if (holes.length > 0) return holes[0];
    this.holes.delete(key);
    return undefined;
  }

  /** Who holds a claim, asked without being heard. */
  peek(claim: string): string | undefined {
    return this.taken.get(claim);
  }

  /** The lowest free number at or above `from` in an id space (`clib_bitmap_next_clear`). */
  lowestFree(space: string, from = 0): number {
    const key = `${space}|${from}`;
    let n = this.searchAt ? this.searchAt(space, from) : this.lowestHole(key, space);
    if (n === undefined) {
      n = Math.max(from, this.takenBelow.get(key) ?? from);
      while (this.taken.has(`${space}:${n}`)) n++;
      this.takenBelow.set(key, n);
    }
    this.log?.push({ space, from, free: n });
    this.tracker?.read(spaceKey(space, from), n, { space, from });
    return n;
  }

  /** The next slot of a device pool: VPP's pools hand out the last freed index first. */
  nextDevice(pool: string): number {
    this.volatile = true;
    this.tracker?.tookFromPool();
    const free = this.freed.get(pool);
    if (free?.length) return free.pop()!;
    const n = this.counters.get(pool) ?? 0;
    this.counters.set(pool, n + 1);
    return n;
  }

  atLeast(release: VppRelease): boolean {
    return RELEASES.indexOf(this.release) >= RELEASES.indexOf(release);
  }
}

const firstReleases = new Map<string, VppRelease | undefined>();

/** The release from which a command accepts an argument, for "comes with 25.10" messages. */
function firstReleaseOf(command: string, arg: string): VppRelease | undefined {
  const key = `${command}\0${arg}`;
  if (!firstReleases.has(key)) firstReleases.set(key, allArgsOf(command).find((a) => a.name === arg)?.releases?.[0]);
  return firstReleases.get(key);
}

function hasArg(use: CommandUse, arg: string): boolean {
  return !!use.command?.args?.some((a: ArgSpec) => a.name === arg);
}

function tapNames(use: CommandUse, values: Map<string, ValueMatch[]>, state: NamingState): NamedInterface[] {
  if (unknowable(values, 'id') || unknowable(values, 'if-name')) return [];
  const kind = values.has('tun') ? 'tun' : 'tap';
  const idToken = plainValue(values, 'id');
  const explicit = idToken ? Number(idToken.text) : undefined;
  const refusedBy = explicit !== undefined ? state.holder(`tap-id:${explicit}`) : undefined;
  const id = explicit ?? state.lowestFree('tap-id');
  const ifName = plainValue(values, 'if-name');
  const name = ifName?.text ?? `${kind}${id}`;
  const options: NameOption[] = ifName
    ? [{ arg: 'if-name', token: ifName, valueFor: (n) => n }]
    : [
        { arg: 'id', token: idToken, valueFor: (n: string) => digits(new RegExp(`^${kind}(\\d+)$`))(n) },
        ...(hasArg(use, 'if-name') ? [{ arg: 'if-name', valueFor: (n: string) => n }] : []),
      ];
  const since = firstReleaseOf(use.command!.path, 'if-name');
  const refusal = `VPP ${state.release} names this interface ${kind}<id>, so it can only become ${kind}<number>${
    since ? `; any other name needs \`if-name\`, which VPP accepts from ${since}` : ''
  }.`;
  return [{ name, rule: 'tap', nameToken: ifName ?? idToken, derived: !ifName && !idToken, options, refusal, refusedBy, claims: [`tap-id:${id}`] }];
}

function hostInterfaceNames(values: Map<string, ValueMatch[]>): NamedInterface[] {
  const token = plainValue(values, 'name');
  if (!token) return [];
  return [
    {
      name: `host-${token.text}`,
      rule: 'host-interface',
      nameToken: token,
      derived: false,
      options: [{ arg: 'name', token, linux: true, valueFor: (n) => (n.startsWith('host-') && n.length > 5 ? n.slice(5) : undefined) }],
      refusal: 'VPP names an AF_PACKET interface `host-<Linux interface>`, so the new name must start with `host-`.',
      linuxPart: { token, prefix: 'host-', suffix: '' },
      claims: [],
    },
  ];
}

function afXdpNames(values: Map<string, ValueMatch[]>, state: NamingState): NamedInterface[] {
  const hostIf = plainValue(values, 'host-if');
  if (!hostIf || unknowable(values, 'name')) return [];
  const device = state.nextDevice('af_xdp');
  const claims = [`af_xdp-device:${device}`];
  const token = plainValue(values, 'name');
  const options: NameOption[] = [{ arg: 'name', token, valueFor: (n) => n }];
  const refusal = 'VPP refuses this name for an af_xdp interface.';
  if (token) return [{ name: token.text, rule: 'af_xdp', nameToken: token, derived: false, options, refusal, claims }];
  // in another process's namespace VPP numbers the interface by that pid instead
  const pid = /^pid:(\d+)$/.exec(plainValue(values, 'netns')?.text ?? '')?.[1];
  const suffix = `/${pid ?? device}`;
  return [{ name: `${hostIf.text}${suffix}`, rule: 'af_xdp', nameToken: hostIf, derived: true, options, refusal, linuxPart: { token: hostIf, prefix: '', suffix }, claims }];
}

function vhostNames(values: Map<string, ValueMatch[]>, state: NamingState): NamedInterface[] {
  if (!plainValue(values, 'socket') || unknowable(values, 'renumber')) return [];
  const device = state.nextDevice('vhost');
  const token = plainValue(values, 'renumber');
  return [
    {
      name: `VirtualEthernet0/0/${token?.text ?? device}`,
      rule: 'vhost-user',
      nameToken: token,
      derived: !token,
      options: [{ arg: 'renumber', token, valueFor: digits(/^VirtualEthernet0\/0\/(\d+)$/) }],
      refusal: 'VPP names a vhost-user interface VirtualEthernet0/0/<number>; only the number can change (it sets `renumber`).',
      claims: [`vhost-device:${device}`],
    },
  ];
}

function memifNames(use: CommandUse, values: Map<string, ValueMatch[]>, state: NamingState): NamedInterface[] {
  // a bare `create interface memif` creates nothing
  if (use.args.length === 0 || unknowable(values, 'id') || unknowable(values, 'socket-id')) return [];
  const idToken = plainValue(values, 'id');
  const socket = plainValue(values, 'socket-id')?.text ?? '0';
  const id = idToken?.text ?? '0';
  const claim = `memif:${Number(socket)}/${Number(id)}`;
  return [
    {
      name: `memif${socket}/${id}`,
      rule: 'memif',
      nameToken: idToken ?? plainValue(values, 'socket-id'),
      derived: false,
      options: [{ arg: 'id', token: idToken, valueFor: (n) => digits(new RegExp(`^memif${socket}/(\\d+)$`))(n) }],
      refusal: `VPP names a memif interface memif<socket-id>/<id>; renaming can change only the id (the socket-id picks the control socket), so the name must start with \`memif${socket}/\`.`,
      refusedBy: state.holder(claim),
      claims: [claim],
    },
  ];
}

function loopbackNames(values: Map<string, ValueMatch[]>, state: NamingState): NamedInterface[] {
  if (unknowable(values, 'instance')) return [];
  const token = plainValue(values, 'instance');
  const instance = token ? Number(token.text) : state.lowestFree('loop-instance');
  return [
    {
      name: `loop${instance}`,
      rule: 'loopback',
      nameToken: token,
      derived: !token,
      options: [{ arg: 'instance', token, valueFor: digits(/^loop(\d+)$/) }],
      refusal: 'VPP names a loopback loop<instance>; only the number can change (it sets `instance`).',
      refusedBy: token ? state.holder(`loop-instance:${instance}`) : undefined,
      claims: [`loop-instance:${instance}`],
    },
  ];
}

/** Sub-interface options that set the VLAN explicitly; without them the id is the VLAN too. */
const EXPLICIT_MATCH = ['dot1q', 'dot1ad', 'default', 'untagged'];

function subInterfaceNames(values: Map<string, ValueMatch[]>): NamedInterface[] {
  const parent = plainValue(values, 'interface');
  const id = plainValue(values, 'id');
  if (!parent || !id) return [];
  const range = /^(\d+)-(\d+)$/.exec(id.text);
  const explicitVlan = EXPLICIT_MATCH.some((arg) => values.has(arg));
  const options: NameOption[] = range || !explicitVlan ? [] : [{ arg: 'id', token: id, valueFor: (n) => digits(/^(\d+)$/)(n.startsWith(`${parent.text}.`) ? n.slice(parent.text.length + 1) : '') }];
  const refusal = range
    ? 'These sub-interfaces come from a range of ids; rename them by changing the range.'
    : explicitVlan
      ? `A sub-interface is named <parent>.<id>: the new name must be \`${parent.text}.<number>\`.`
      : 'Here the sub-interface id is also its VLAN, so renaming would change the VLAN; give the VLAN with `dot1q <vlan>` first.';
  const base = { rule: 'sub-interface' as const, nameToken: id, derived: false, options, refusal, parent, claims: [] };
  if (!range) return [{ ...base, name: `${parent.text}.${id.text}` }];
  return [{ ...base, name: `${parent.text}.${range[1]}-${range[2]}`, range: { first: Number(range[1]), last: Number(range[2]) } }];
}

/** The Linux twin linux-cp makes for a VPP interface is a new tap (or tun) that VPP numbers itself. */
function lcpNames(use: CommandUse, values: Map<string, ValueMatch[]>, state: NamingState, parentPairTap?: string): NamedInterface[] {
  const phy = plainValue(values, 'interface');
  if (!plainValue(values, 'host-if')) return [];
  const base = { rule: 'lcp' as const, derived: true, options: [], claims: [] as string[] };
  const refusal = 'VPP names the tap of a linux-cp pair itself; rename the Linux side (`host-if`) instead.';
  if (phy && /\.\d+$/.test(phy.text)) {
    // a sub-interface is mirrored by a sub-interface of its parent's tap, not by a new tap
    return parentPairTap ? [{ ...base, name: `${parentPairTap}${phy.text.slice(phy.text.lastIndexOf('.'))}`, refusal }] : [];
  }
  // before 24.10 the tap's id is the hardware index of the mirrored interface, unknown here
  if (!state.atLeast(LCP_AUTO_ID_SINCE)) return [];
  const id = state.lowestFree('tap-id', LCP_TAP_ID_OFFSET);
  return [{ ...base, name: `${values.has('tun') ? 'tun' : 'tap'}${id}`, refusal, claims: [`tap-id:${id}`] }];
}

interface NamingMemo {
  readonly rule: NamingRule;
  readonly parentPairTap?: string;
  readonly reads: readonly NamingRead[];
  readonly named: NamedInterface[];
}

const namingMemo = new WeakMap<CommandUse, NamingMemo>();
const NO_READS: readonly NamingRead[] = [];

/**
 * The interfaces a command creates, as `nameInterfaces` finds them, kept per command: a model built
 * again after an edit names a command it has named before without reading its arguments again,
 * when the allocators give the answers they gave then.
 */
export function nameInterfacesOnce(use: CommandUse, rule: NamingRule, state: NamingState, parentPairTap?: string): NamedInterface[] {
  const memo = namingMemo.get(use);
  if (memo && memo.rule === rule && memo.parentPairTap === parentPairTap && state.answersAsBefore(memo.reads)) return memo.named;
  const { result, reads } = state.recording(() => nameInterfaces(use, rule, state, parentPairTap));
  if (!reads) {
    namingMemo.delete(use);
    return result;
  }
  // kept per creating line: exact-size arrays (one grown by push holds room for 17)
  const named = result.slice();
  namingMemo.set(use, { rule, parentPairTap, reads: reads.length === 0 ? NO_READS : reads.slice(), named });
  return named;
}

const linuxMemo = new WeakMap<CommandUse, { rule: InterfaceNaming['rule']; linux: LinuxInterface[] }>();

/** `linuxInterfaces`, kept per command (it depends on nothing else). */
export function linuxInterfacesOnce(use: CommandUse, rule: InterfaceNaming['rule']): LinuxInterface[] {
  const memo = linuxMemo.get(use);
  if (memo?.rule === rule) return memo.linux;
  const linux = linuxInterfaces(use, rule);
  linuxMemo.set(use, { rule, linux });
  return linux;
}

export function nameInterfaces(use: CommandUse, rule: NamingRule, state: NamingState, parentPairTap?: string): NamedInterface[] {
  const values = argValues(use);
  switch (rule) {
    case 'tap':
      return tapNames(use, values, state);
    case 'host-interface':
      return hostInterfaceNames(values);
    case 'af_xdp':
      return afXdpNames(values, state);
    case 'vhost-user':
      return vhostNames(values, state);
    case 'memif':
      return memifNames(use, values, state);
    case 'loopback':
      return loopbackNames(values, state);
    case 'sub-interface':
      return subInterfaceNames(values);
    case 'lcp':
      return lcpNames(use, values, state, parentPairTap);
  }
}

/** The Linux interfaces a creating command makes or attaches to, with their namespace. */
export function linuxInterfaces(use: CommandUse, rule: InterfaceNaming['rule']): LinuxInterface[] {
  const values = argValues(use);
  const at = (arg: string) => plainValue(values, arg);
  const of = (token: Token | undefined, role: LinuxInterface['role'], netns?: Token): LinuxInterface[] =>
    token ? [{ name: token.text, token, role, netns: netns?.text }] : [];
  switch (rule) {
    case 'tap':
      return of(at('host-if-name'), values.has('attach') ? 'uses' : 'creates', at('host-ns'));
    case 'host-interface':
      return of(at('name'), 'uses');
    case 'af_xdp':
      return of(at('host-if'), 'uses', at('netns'));
    case 'lcp': {
      const token = at('host-if');
      // without `netns` the pair goes to the namespace of `lcp default netns`, or VPP's own
      return of(token, 'creates', at('netns'));
    }
    default:
      return [];
  }
}

/** True for a command that removes interfaces (`delete tap`, `lcp delete`, `loopback delete-interface`). */
export function isDeletion(use: CommandUse): boolean {
  return use.path.some((p) => p.node.word === 'delete' || p.node.word.startsWith('delete-'));
}

/** Where to insert an option that is not on the line yet: right after the command words. */
export function optionInsertion(use: CommandUse): number {
  const last = use.path[use.path.length - 1];
  const first = use.args[0];
  // `create tap { id 0 }`: VPP reads the braces' content as the arguments
  if (first && use.items.some((i) => isGroup(i) && i.items[0] === first)) return use.items.find(isGroup)!.open.end;
  return last.token.end;
}

/**
 * Names of the forms our rules produce (tap3, host-eth1, loop0, memif1/2, VirtualEthernet0/0/4,
 * sub-interfaces `X.100`): such an interface exists only once something creates it. Names of
 * other forms may come from a NIC (GigabitEthernet0/8/0, local0) and are never questioned.
 */
const SCRIPT_CREATED = [/^(tap|tun)\d+$/, /^host-.+$/, /^loop\d+$/, /^memif\d+\/\d+$/, /^VirtualEthernet0\/0\/\d+$/, /^.+\.\d+$/];

export function looksScriptCreated(name: string): boolean {
  return SCRIPT_CREATED.some((re) => re.test(name));
}
