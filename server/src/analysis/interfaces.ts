import type { LineIndex } from '../syntax/lineIndex';
import type { Token } from '../syntax/tree';
import type { Analysis } from './analyze';
import { interfaceModel, type InterfaceDefinition } from './interfaceModel';
import { SUB_INTERFACE } from './modelWords';
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

function whereOf(analysis: Analysis): { lines: LineIndex } {
  let where = whereByDocument.get(analysis.commands);
  if (!where) whereByDocument.set(analysis.commands, (where = { lines: analysis.lines }));
  where.lines = analysis.lines;
  return where;
}

/** The VPP interfaces a definition creates, none when VPP refuses it or it is not a VPP one. */
function entriesOf(def: InterfaceDefinition, where: { lines: LineIndex }): readonly DefinedInterface[] {
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

/** The whole list per list of definitions (edits that leave the definitions alone keep it). */
const collected = new WeakMap<readonly InterfaceDefinition[], DefinedInterface[]>();

/** Every VPP interface the script creates (and VPP would accept), in the order VPP creates them. */
export function collectInterfaces(analysis: Analysis): DefinedInterface[] {
  const definitions = interfaceModel(analysis).definitions;
  const where = whereOf(analysis);
  let list = collected.get(definitions);
  if (!list) {
    list = [];
    for (const def of definitions) for (const entry of entriesOf(def, where)) list.push(entry);
    collected.set(definitions, list);
  }
  // callers get their own list, as they got a fresh one before the list was kept
  return list.slice();
}

/*
 * Requests at a position or for a name read the model's own indexes instead of that list: the
 * definitions are in the order of their commands in the text (a binary search finds those above a
 * position), and the model keeps the accepted definitions of each name in creation order across
 * edits. What such a request reads is then what it offers, not the ~20,000 interfaces of a large
 * script, and a new list of definitions after an edit costs it nothing.
 */

/** How many definitions (the first ones) end before `offset`: commands do not overlap, so their ends only grow. */
function endingBefore(definitions: readonly InterfaceDefinition[], offset: number): number {
  let lo = 0;
  let hi = definitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (definitions[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The accepted ranges whose first ids (those `namesOf` lists) include `name`. */
function rangesNaming(ranges: readonly InterfaceDefinition[], name: string): InterfaceDefinition[] {
  const m = SUB_INTERFACE.exec(name);
  if (!m || ranges.length === 0) return [];
  const id = Number(m[2]);
  return ranges.filter((d) => {
    const range = d.naming?.range;
    return !!range && d.naming?.parent?.text === m[1] && id >= range.first && id <= Math.min(range.last, range.first + MAX_SUB_INTERFACES_PER_RANGE - 1) && `${m[1]}.${id}` === name;
  });
}

/** The definitions whose interfaces include one named `name`, in creation order. */
function definitionsNaming(analysis: Analysis, name: string): InterfaceDefinition[] {
  const model = interfaceModel(analysis);
  // a range names its sub-interfaces, not itself (as `namesOf`)
  const out = model.acceptedNamed(name).filter((d) => d.use.command && !(d.naming?.range && d.naming.parent));
  const ranges = rangesNaming(model.acceptedRanges, name);
  if (ranges.length === 0) return out;
  return [...out, ...ranges].sort((a, b) => a.index - b.index);
}

/** The interfaces of `collectInterfaces` named `name`, in order: a hover in a script of thousands asks for one. */
export function interfacesNamed(analysis: Analysis, name: string): readonly DefinedInterface[] {
  const where = whereOf(analysis);
  const out: DefinedInterface[] = [];
  for (const def of definitionsNaming(analysis, name)) for (const d of entriesOf(def, where)) if (d.name === name) out.push(d);
  return out;
}

/**
 * The interfaces of `collectInterfaces` whose commands end before `offset`, nearest first, each with
 * whether it is the first of its name in the whole list, until `visit` returns false.
 */
export function eachCreatedBefore(analysis: Analysis, offset: number, visit: (d: DefinedInterface, firstOfName: boolean) => boolean): void {
  const definitions = interfaceModel(analysis).definitions;
  const where = whereOf(analysis);
  for (let i = endingBefore(definitions, offset) - 1; i >= 0; i--) {
    const def = definitions[i];
    const entries = entriesOf(def, where);
    for (let k = entries.length - 1; k >= 0; k--) {
      const d = entries[k];
      if (!visit(d, definitionsNaming(analysis, d.name)[0] === def)) return;
    }
  }
}

/** The interfaces of `collectInterfaces` whose commands end before `offset`, in order. */
export function createdBefore(analysis: Analysis, offset: number): DefinedInterface[] {
  const definitions = interfaceModel(analysis).definitions;
  const where = whereOf(analysis);
  const out: DefinedInterface[] = [];
  for (let i = 0, above = endingBefore(definitions, offset); i < above; i++) for (const d of entriesOf(definitions[i], where)) out.push(d);
  return out;
}

/** The interfaces whose name the word at `start` decides, in order: those of the command around it. */
export function interfacesNamedByWordAt(analysis: Analysis, start: number): DefinedInterface[] {
  const definitions = interfaceModel(analysis).definitions;
  const where = whereOf(analysis);
  const out: DefinedInterface[] = [];
  for (let i = endingBefore(definitions, start); i < definitions.length && definitions[i].start <= start; i++) {
    for (const d of entriesOf(definitions[i], where)) if (d.nameToken?.start === start) out.push(d);
  }
  return out;
}
