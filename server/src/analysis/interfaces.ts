import type { InterfaceNaming } from '../schema/types';
import { isTemplated } from '../syntax/tokens';
import type { Token } from '../syntax/tree';
import type { Analysis } from './analyze';
import { matchArgs, type ValueMatch } from './args';
import { argPatterns, type CommandUse } from './cliModel';

/**
 * The VPP interfaces a script creates, named the way VPP names them. Each creating command says
 * which naming rule applies (`creates.rule` in the schema); the rules below follow the drivers'
 * own formatting functions and instance allocators.
 */

export type InterfaceKind = Exclude<InterfaceNaming['rule'], 'bridge-domain'> | 'tun';

export interface DefinedInterface {
  /** The name VPP gives the interface, e.g. `tap0`, `host-vpp1`, `VirtualEthernet0/0/0`. */
  readonly name: string;
  readonly kind: InterfaceKind;
  /** The path of the command that creates it, e.g. `create tap`. */
  readonly command: string;
  /** 0-based line of the creating command, and the command's span. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The word that determines the name (`id 0`, `name xdp0`, ...), absent when VPP picks it. */
  readonly nameToken?: Token;
  /** The Linux-side interface the new one is tied to, when the command names it. */
  readonly linuxName?: string;
}

/** A tap id VPP picks for lcp pairs starts here (linux-cp's `auto_id_offset`). */
const LCP_TAP_ID_OFFSET = 4096;
/** A range such as `100-4000` would make thousands of names; completion needs only the first ones. */
const MAX_SUB_INTERFACES_PER_RANGE = 64;

/** The command a line runs: itself, or the one inside `uncomment { ... }` / `$(X) { ... }`. */
export function effectiveUse(use: CommandUse): CommandUse | undefined {
  if (use.kind === 'command') return use;
  return use.nested ? effectiveUse(use.nested) : undefined;
}

/** The values of each argument as VPP keeps them: when an option repeats, the last one wins. */
export function argValues(use: CommandUse): Map<string, ValueMatch[]> {
  const out = new Map<string, ValueMatch[]>();
  const command = use.command;
  if (!command) return out;
  const match = use.match ?? matchArgs(use.args, argPatterns(command), command.order ?? 'any');
  for (const m of match.matches) out.set(m.pattern.spec.name, m.values);
  return out;
}

/** Allocates the lowest free instance number at or above a start, as VPP's id bitmaps do. */
class InstancePool {
  private readonly used = new Set<number>();
  take(id: number): void {
    this.used.add(id);
  }
  has(id: number): boolean {
    return this.used.has(id);
  }
  next(from = 0): number {
    let id = from;
    while (this.used.has(id)) id++;
    this.used.add(id);
    return id;
  }
}

interface NamingState {
  tapIds: InstancePool;
  loopbackInstances: InstancePool;
  afXdpDevices: number;
  vhostDevices: number;
}

type Named = Omit<DefinedInterface, 'command' | 'line' | 'start' | 'end'>;

function valueToken(values: Map<string, ValueMatch[]>, name: string, index = 0): Token | undefined {
  const v = values.get(name)?.[index];
  return v && !v.problem ? v.token : undefined;
}

/** A number VPP would read from the token, or undefined when it is templated or not a number. */
function numberOf(token: Token | undefined): number | undefined {
  if (!token || isTemplated(token.text) || !/^\d+$/.test(token.text)) return undefined;
  return Number(token.text);
}

function tapNames(values: Map<string, ValueMatch[]>, state: NamingState): Named[] {
  if (values.get('id')?.[0]?.problem) return [];
  const idToken = valueToken(values, 'id');
  const explicit = numberOf(idToken);
  if (explicit !== undefined && state.tapIds.has(explicit)) return []; // VPP refuses an id in use
  let id: string;
  if (idToken && explicit === undefined) id = idToken.text;
  else if (explicit !== undefined) {
    state.tapIds.take(explicit);
    id = String(explicit);
  } else id = String(state.tapIds.next());
  const tun = values.has('tun');
  const kind = tun ? 'tun' : 'tap';
  const ifName = valueToken(values, 'if-name');
  const linuxName = valueToken(values, 'host-if-name')?.text;
  return [{ name: ifName?.text ?? `${kind}${id}`, kind, nameToken: ifName ?? idToken, linuxName }];
}

function hostInterfaceNames(values: Map<string, ValueMatch[]>): Named[] {
  const name = valueToken(values, 'name');
  return name ? [{ name: `host-${name.text}`, kind: 'host-interface', nameToken: name, linuxName: name.text }] : [];
}

function afXdpNames(values: Map<string, ValueMatch[]>, state: NamingState): Named[] {
  const hostIf = valueToken(values, 'host-if');
  if (!hostIf) return [];
  const device = state.afXdpDevices++;
  const name = valueToken(values, 'name');
  if (name) return [{ name: name.text, kind: 'af_xdp', nameToken: name, linuxName: hostIf.text }];
  // in another process's namespace VPP numbers the interface by that pid instead
  const pid = /^pid:(\d+)$/.exec(valueToken(values, 'netns')?.text ?? '')?.[1];
  return [{ name: `${hostIf.text}/${pid ?? device}`, kind: 'af_xdp', nameToken: hostIf, linuxName: hostIf.text }];
}

function vhostNames(values: Map<string, ValueMatch[]>, state: NamingState): Named[] {
  if (!valueToken(values, 'socket')) return [];
  const device = state.vhostDevices++;
  const renumber = valueToken(values, 'renumber');
  return [{ name: `VirtualEthernet0/0/${renumber?.text ?? device}`, kind: 'vhost-user', nameToken: renumber }];
}

function memifNames(values: Map<string, ValueMatch[]>): Named[] {
  const id = valueToken(values, 'id');
  const socket = valueToken(values, 'socket-id');
  return [{ name: `memif${socket?.text ?? 0}/${id?.text ?? 0}`, kind: 'memif', nameToken: id ?? socket }];
}

function loopbackNames(values: Map<string, ValueMatch[]>, state: NamingState): Named[] {
  if (values.get('instance')?.[0]?.problem) return [];
  const token = valueToken(values, 'instance');
  const explicit = numberOf(token);
  if (explicit !== undefined && state.loopbackInstances.has(explicit)) return [];
  if (token && explicit === undefined) return [{ name: `loop${token.text}`, kind: 'loopback', nameToken: token }];
  if (explicit !== undefined) state.loopbackInstances.take(explicit);
  const instance = explicit ?? state.loopbackInstances.next();
  return [{ name: `loop${instance}`, kind: 'loopback', nameToken: token }];
}

function subInterfaceNames(values: Map<string, ValueMatch[]>): Named[] {
  const parent = valueToken(values, 'interface');
  const id = valueToken(values, 'id');
  if (!parent || !id) return [];
  const range = /^(\d+)-(\d+)$/.exec(id.text);
  if (!range) return [{ name: `${parent.text}.${id.text}`, kind: 'sub-interface', nameToken: id }];
  const out: Named[] = [];
  const first = Number(range[1]);
  const last = Math.min(Number(range[2]), first + MAX_SUB_INTERFACES_PER_RANGE - 1);
  for (let n = first; n <= last; n++) out.push({ name: `${parent.text}.${n}`, kind: 'sub-interface', nameToken: id });
  return out;
}

/** linux-cp makes the Linux twin of a VPP interface out of a new tap (or tun) numbered from 4096. */
function lcpNames(values: Map<string, ValueMatch[]>, state: NamingState): Named[] {
  const hostIf = valueToken(values, 'host-if');
  const phy = valueToken(values, 'interface');
  // a sub-interface is mirrored by a VLAN on its parent's twin, not by a new tap
  if (!hostIf || phy?.text.includes('.')) return [];
  const kind = values.has('tun') ? 'tun' : 'tap';
  return [{ name: `${kind}${state.tapIds.next(LCP_TAP_ID_OFFSET)}`, kind: 'lcp', linuxName: hostIf.text }];
}

function namesFor(rule: InterfaceNaming['rule'], values: Map<string, ValueMatch[]>, state: NamingState): Named[] {
  switch (rule) {
    case 'tap':
      return tapNames(values, state);
    case 'host-interface':
      return hostInterfaceNames(values);
    case 'af_xdp':
      return afXdpNames(values, state);
    case 'vhost-user':
      return vhostNames(values, state);
    case 'memif':
      return memifNames(values);
    case 'loopback':
      return loopbackNames(values, state);
    case 'sub-interface':
      return subInterfaceNames(values);
    case 'lcp':
      return lcpNames(values, state);
    default:
      return [];
  }
}

/** Every interface the script creates, in the order VPP would create them. */
export function collectInterfaces(analysis: Analysis): DefinedInterface[] {
  const state: NamingState = { tapIds: new InstancePool(), loopbackInstances: new InstancePool(), afXdpDevices: 0, vhostDevices: 0 };
  const out: DefinedInterface[] = [];
  for (const lineUse of analysis.commands) {
    const use = effectiveUse(lineUse);
    const rule = use?.command?.creates?.rule;
    if (!use || !rule || use.items.length === 0) continue;
    const start = use.items[0].start;
    const end = use.items[use.items.length - 1].end;
    const where = { command: use.command!.path, line: analysis.lines.lineOf(start), start, end };
    for (const named of namesFor(rule, argValues(use), state)) out.push({ ...named, ...where });
  }
  return out;
}
