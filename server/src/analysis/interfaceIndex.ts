import type { Analysis } from './analyze';
import { interfaceModel, type InterfaceDefinition, type InterfaceModel } from './interfaceModel';
import { createdList, entriesOf, MAX_SUB_INTERFACES_PER_RANGE, whereOf, type CreatedList, type DefinedInterface } from './interfaces';
import { SUB_INTERFACE } from './modelWords';
import { createdNames, fitsAt, lastHolding, namesBefore, rarestOf } from './createdNames';

/*
 * The created interfaces at a position or of a name, for completion and hover, without reading all
 * ~20,000 of a large script: the definitions are in the order of their commands in the text (a binary
 * search finds those above a position), and the model keeps the accepted definitions of each name in
 * creation order across edits. A request then reads what it offers, and a new list of definitions
 * after an edit costs it nothing. A request that must read far (a typed word few names fit) reads the
 * whole list instead, with the first of each name marked once per list of definitions: that list
 * outlives the edits that leave the definitions alone, as typing that word does.
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

/** The accepted ranges whose first ids (those `collectInterfaces` lists) include `name`. */
function rangesNaming(ranges: readonly InterfaceDefinition[], name: string): InterfaceDefinition[] {
  if (ranges.length === 0) return [];
  const m = SUB_INTERFACE.exec(name);
  if (!m) return [];
  const id = Number(m[2]);
  return ranges.filter((d) => {
    const range = d.naming?.range;
    return !!range && d.naming?.parent?.text === m[1] && id >= range.first && id <= Math.min(range.last, range.first + MAX_SUB_INTERFACES_PER_RANGE - 1) && `${m[1]}.${id}` === name;
  });
}

/** A range names its sub-interfaces, not itself (as `collectInterfaces`). */
const namesItself = (d: InterfaceDefinition) => !!d.use.command && !(d.naming?.range && d.naming.parent);

/** The definitions whose interfaces include one named `name`, in creation order. */
function definitionsNaming(model: InterfaceModel, name: string): InterfaceDefinition[] {
  const out = model.acceptedNamed(name).filter(namesItself);
  const ranges = rangesNaming(model.acceptedRanges, name);
  if (ranges.length === 0) return out;
  return [...out, ...ranges].sort((a, b) => a.index - b.index);
}

/** The first of `definitionsNaming`, without making the list: completion asks for each interface it reads. */
function firstDefinitionNaming(model: InterfaceModel, name: string): InterfaceDefinition | undefined {
  const first = model.acceptedNamed(name).find(namesItself);
  const range = rangesNaming(model.acceptedRanges, name)[0];
  return range && (!first || range.index < first.index) ? range : first;
}

/** The interfaces of `collectInterfaces` named `name`, in order: a hover in a script of thousands asks for one. */
export function interfacesNamed(analysis: Analysis, name: string): readonly DefinedInterface[] {
  const where = whereOf(analysis);
  const out: DefinedInterface[] = [];
  for (const def of definitionsNaming(interfaceModel(analysis), name)) for (const d of entriesOf(def, where)) if (d.name === name) out.push(d);
  return out;
}

/** 1 where an interface of the list is the first of its name, per list. */
const firstsByList = new WeakMap<CreatedList, Uint8Array>();

function firstsOf(created: CreatedList): Uint8Array {
  let firsts = firstsByList.get(created);
  if (firsts) return firsts;
  firsts = new Uint8Array(created.list.length);
  const seen = new Set<string>();
  created.list.forEach((d, i) => {
    if (seen.has(d.name)) return;
    seen.add(d.name);
    firsts![i] = 1;
  });
  firstsByList.set(created, firsts);
  return firsts;
}

/** A range names its sub-interfaces (several entries); any other definition one entry, its own name. */
const namesSeveral = (d: InterfaceDefinition) => !!(d.naming?.range && d.naming.parent);

/** How many definitions a walk up from the cursor reads in the model before it reads the names of the whole list (tests lower it). */
export const interfaceWalk = { longWalk: 500 };

/**
 * The candidates of the whole list created above `offset` (the first interface of its name, not
 * deleted above `offset`), nearest first: those whose name `fits`, until `max` fit and one more
 * candidate follows (`more`); else all that fit, and how many candidates there are while that is no
 * more than `max` (`count`, past it only more than `max`). `typed`, when given: the word typed,
 * lowercased, whose characters every name that fits holds in its lowercase.
 *
 * Read from the cursor up through the definitions, name first (whether an interface is the first of
 * its name is asked of the model only where the answer depends on it). Past `interfaceWalk.longWalk`
 * definitions (a word few names fit) it goes on in a table of the definitions' names (createdNames.ts,
 * kept across edits), and with `typed` skips to the names holding its rarest character.
 */
export function walkCreatedBefore(analysis: Analysis, offset: number, fits: (name: string) => boolean, max: number, typed?: string): { fitting: DefinedInterface[]; more: boolean; count: number } {
  const model = interfaceModel(analysis);
  const definitions = model.definitions;
  const where = whereOf(analysis);
  const fitting: DefinedInterface[] = [];
  let count = 0;
  /** One interface read: 'more' once `max` fit and another candidate follows, 'deleted' when deleted above the cursor. */
  const consider = (def: InterfaceDefinition, name: string, entry: () => DefinedInterface): 'more' | 'deleted' | undefined => {
    const fit = fits(name);
    // a name that does not fit matters only while the candidates are counted, or to say there are more
    if (!fit && count > max && fitting.length < max) return undefined;
    if (def.deletedAt !== undefined && def.deletedAt < offset) return 'deleted';
    if (firstDefinitionNaming(model, name) !== def) return undefined;
    if (fitting.length === max) return 'more';
    count++;
    if (fit) fitting.push(entry());
    return undefined;
  };
  let i = endingBefore(definitions, offset) - 1;
  for (let read = 0; i >= 0 && read < interfaceWalk.longWalk; i--, read++) {
    const def = definitions[i];
    // what `entriesOf` lists nothing for
    if (def.space !== 'vpp' || def.clashesWith || !def.use.command) continue;
    const several = namesSeveral(def) ? entriesOf(def, where) : undefined;
    for (let k = several ? several.length - 1 : 0; k >= 0; k--) {
      const seen = consider(def, several ? several[k].name : def.name, () => (several ? several[k] : entriesOf(def, where)[0]));
      if (seen === 'more') return { fitting, more: true, count };
      if (seen === 'deleted') break;
    }
  }
  if (i < 0) return { fitting, more: false, count };
  // far from the cursor: the names of the definitions not read yet, with `typed` only those that may fit
  const names = createdNames(definitions, model.definitionsVersion, where);
  const rare = typed ? rarestOf(names, typed) : undefined;
  for (let j = namesBefore(names, i + 1) - 1; j >= 0; j--) {
    if (rare !== undefined && count > max && fitting.length < max) {
      // only a name that fits matters now: found by its rarest character, tested in the table
      j = lastHolding(names, rare, j + 1);
      if (j < 0) break;
      if (!fitsAt(names, j, typed!)) continue;
    }
    const def = definitions[names.definitionOf[j]];
    if (def.space !== 'vpp' || def.clashesWith || !def.use.command) continue;
    const place = names.placeOf[j];
    const name = namesSeveral(def) ? entriesOf(def, where)[place]?.name : def.name;
    if (name === undefined) continue;
    if (consider(def, name, () => entriesOf(def, where)[place]) === 'more') return { fitting, more: true, count };
  }
  return { fitting, more: false, count };
}

/**
 * Whether the whole list has an interface named `name` created above `offset`: then its first one is,
 * and that is the model's first definition of the name.
 */
export function createdAboveTest(analysis: Analysis, offset: number): (name: string) => boolean {
  const model = interfaceModel(analysis);
  const above = endingBefore(model.definitions, offset);
  const where = whereOf(analysis);
  return (name) => {
    const first = firstDefinitionNaming(model, name);
    return !!first && first.index < above && entriesOf(first, where).some((d) => d.name === name);
  };
}

/** The interfaces of `collectInterfaces` whose commands end before `offset`, in order, with those that are the first of their name. */
export function createdBefore(analysis: Analysis, offset: number): { list: readonly DefinedInterface[]; above: number; firsts: Uint8Array } {
  const definitions = interfaceModel(analysis).definitions;
  const created = createdList(analysis);
  return { list: created.list, above: created.firstOf[endingBefore(definitions, offset)], firsts: firstsOf(created) };
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
