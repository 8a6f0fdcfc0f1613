import type { LineIndex } from '../syntax/lineIndex';
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

/**
 * A created interface whose positions follow the definition it comes from, so that the list
 * outlives an edit that leaves the script's definitions alone (the model keeps them then).
 */
class CollectedInterface implements DefinedInterface {
  constructor(
    readonly name: string,
    readonly kind: InterfaceKind,
    readonly command: string,
    private readonly def: InterfaceDefinition,
    private readonly where: { lines: LineIndex },
    readonly nameToken: Token | undefined,
    readonly linuxName: string | undefined,
  ) {}

  get line(): number {
    return this.where.lines.lineOf(this.def.start);
  }

  get start(): number {
    return this.def.start;
  }

  get end(): number {
    return this.def.end;
  }

  get deletedAt(): number | undefined {
    return this.def.deletedAt;
  }
}

interface Collected {
  list: DefinedInterface[];
  where: { lines: LineIndex };
  /** The list by name, made when first asked. */
  byName?: Map<string, DefinedInterface[]>;
}

/** The list per list of definitions, with the line index of the newest analysis that asked. */
const collected = new WeakMap<readonly InterfaceDefinition[], Collected>();

function collectedOf(analysis: Analysis): Collected {
  const definitions = interfaceModel(analysis).definitions;
  let entry = collected.get(definitions);
  if (!entry) {
    const where = { lines: analysis.lines };
    collected.set(definitions, (entry = { list: collect(definitions, where), where }));
  }
  entry.where.lines = analysis.lines;
  return entry;
}

/** Every VPP interface the script creates (and VPP would accept), in the order VPP creates them. */
export function collectInterfaces(analysis: Analysis): DefinedInterface[] {
  // callers get their own list, as they got a fresh one before the list was kept
  return collectedOf(analysis).list.slice();
}

/** The interfaces of `collectInterfaces` named `name`, in order: a hover in a script of thousands asks for one. */
export function interfacesNamed(analysis: Analysis, name: string): readonly DefinedInterface[] {
  const entry = collectedOf(analysis);
  if (!entry.byName) {
    entry.byName = new Map();
    for (const d of entry.list) {
      const list = entry.byName.get(d.name);
      if (list) list.push(d);
      else entry.byName.set(d.name, [d]);
    }
  }
  return entry.byName.get(name) ?? [];
}

function collect(definitions: readonly InterfaceDefinition[], where: { lines: LineIndex }): DefinedInterface[] {
  const out: DefinedInterface[] = [];
  for (const def of definitions) {
    if (def.space !== 'vpp' || def.clashesWith || !def.use.command) continue;
    const rule = def.rule as NamingRule;
    const kind = kindOf(def);
    const linuxName = linuxInterfaces(def.use, rule)[0]?.name;
    for (const name of namesOf(def)) out.push(new CollectedInterface(name, kind, def.use.command.path, def, where, def.naming?.nameToken, linuxName));
  }
  return out;
}
