import type { Token } from '../syntax/tree';
import type { Analysis } from './analyze';
import { interfaceModel, type InterfaceDefinition } from './interfaceModel';
import { argValues, linuxInterfaces, type NamingRule } from './interfaceNaming';

/**
 * The VPP interfaces a script creates, as a flat list for completion and hover. The naming rules
 * themselves (one per `creates.rule` of the schema) and the definition/reference model live in
 * interfaceNaming.ts and interfaceModel.ts; this is the simple view of that model.
 */

export type InterfaceKind = NamingRule | 'tun';

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
  /** The Linux interface the new one is tied to, when the command names it. */
  readonly linuxName?: string;
  /** End of the command that deletes it, if one does. */
  readonly deletedAt?: number;
}

/** A range such as `100-4000` would make thousands of names; completion needs only the first ones. */
const MAX_SUB_INTERFACES_PER_RANGE = 64;

function namesOf(def: InterfaceDefinition): string[] {
  const range = def.naming?.range;
  const parent = def.naming?.parent?.text;
  if (!range || parent === undefined) return [def.name];
  const last = Math.min(range.last, range.first + MAX_SUB_INTERFACES_PER_RANGE - 1);
  const out: string[] = [];
  for (let id = range.first; id <= last; id++) out.push(`${parent}.${id}`);
  return out;
}

function kindOf(def: InterfaceDefinition): InterfaceKind {
  const rule = def.rule as NamingRule;
  return rule === 'tap' && argValues(def.use).has('tun') ? 'tun' : rule;
}

const collected = new WeakMap<Analysis, DefinedInterface[]>();

/** Every VPP interface the script creates (and VPP would accept), in the order VPP creates them. */
export function collectInterfaces(analysis: Analysis): DefinedInterface[] {
  let interfaces = collected.get(analysis);
  if (!interfaces) collected.set(analysis, (interfaces = collect(analysis)));
  // callers get their own list, as they got a fresh one before the list was kept
  return interfaces.slice();
}

function collect(analysis: Analysis): DefinedInterface[] {
  const out: DefinedInterface[] = [];
  for (const def of interfaceModel(analysis).definitions) {
    if (def.space !== 'vpp' || def.clashesWith || !def.use.command) continue;
    const rule = def.rule as NamingRule;
    const common = {
      kind: kindOf(def),
      command: def.use.command.path,
      line: analysis.lines.lineOf(def.start),
      start: def.start,
      end: def.end,
      nameToken: def.naming?.nameToken,
      linuxName: linuxInterfaces(def.use, rule)[0]?.name,
      deletedAt: def.deletedAt,
    };
    for (const name of namesOf(def)) out.push({ name, ...common });
  }
  return out;
}
