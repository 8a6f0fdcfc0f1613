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
export const MAX_SUB_INTERFACES_PER_RANGE = 64;

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

/** What one definition adds to the list, kept while the facts it was made from are the definition's. */
interface EntriesOf {
  readonly use: InterfaceDefinition['use'];
  readonly naming: InterfaceDefinition['naming'];
  readonly name: string;
  readonly rule: InterfaceDefinition['rule'];
  readonly where: { lines: LineIndex };
  readonly entries: readonly DefinedInterface[];
}

/**
 * The interfaces of each definition, made when first asked: an edit that changes the definitions
 * makes a new list, but most definitions in it are the previous list's (the model keeps them), and
 * reading a definition's command again (its Linux name, its kind) for each of ~20,000 is what made a
 * new list cost.
 */
const entriesByDefinition = new WeakMap<InterfaceDefinition, EntriesOf>();

const NONE: readonly DefinedInterface[] = [];

/** One holder of the newest line index per document (its list of commands), shared by its interfaces. */
const whereByDocument = new WeakMap<Analysis['commands'], { lines: LineIndex }>();

export function whereOf(analysis: Analysis): { lines: LineIndex } {
  let where = whereByDocument.get(analysis.commands);
  if (!where) whereByDocument.set(analysis.commands, (where = { lines: analysis.lines }));
  where.lines = analysis.lines;
  return where;
}

/** The VPP interfaces a definition creates, none when VPP refuses it or it is not a VPP one. */
export function entriesOf(def: InterfaceDefinition, where: { lines: LineIndex }): readonly DefinedInterface[] {
  if (def.space !== 'vpp' || def.clashesWith || !def.use.command) return NONE;
  const kept = entriesByDefinition.get(def);
  if (kept && kept.use === def.use && kept.naming === def.naming && kept.name === def.name && kept.rule === def.rule && kept.where === where) return kept.entries;
  const rule = def.rule as NamingRule;
  const kind = kindOf(def);
  const linuxName = linuxInterfaces(def.use, rule)[0]?.name;
  const entries = namesOf(def).map((name) => new CollectedInterface(name, kind, def.use.command!.path, def, where, def.naming?.nameToken, linuxName));
  entriesByDefinition.set(def, { use: def.use, naming: def.naming, name: def.name, rule: def.rule, where, entries });
  return entries;
}

/** The created interfaces of one list of definitions, in order, and where each definition's start in it. */
export interface CreatedList {
  readonly list: readonly DefinedInterface[];
  /** For each definition, the position of its first interface in `list` (one more entry: the length). */
  readonly firstOf: Int32Array;
}

/** The whole list per version of the list of definitions (edits that leave the definitions alone keep it). */
const collected = new WeakMap<object, CreatedList>();

/** The list of `collectInterfaces`, kept and shared: not to be changed. */
export function createdList(analysis: Analysis): CreatedList {
  const { definitions, definitionsVersion } = interfaceModel(analysis);
  const where = whereOf(analysis);
  let created = collected.get(definitionsVersion);
  if (!created) {
    const list: DefinedInterface[] = [];
    const firstOf = new Int32Array(definitions.length + 1);
    definitions.forEach((def, i) => {
      firstOf[i] = list.length;
      for (const entry of entriesOf(def, where)) list.push(entry);
    });
    firstOf[definitions.length] = list.length;
    collected.set(definitionsVersion, (created = { list, firstOf }));
  }
  return created;
}

/** Every VPP interface the script creates (and VPP would accept), in the order VPP creates them. */
export function collectInterfaces(analysis: Analysis): DefinedInterface[] {
  // callers get their own list, as they got a fresh one before the list was kept
  return createdList(analysis).list.slice();
}
