import type { InterfaceDefinition } from './interfaceModel';
import { entriesOf } from './interfaces';

/*
 * The names the definitions give their interfaces, lowercased and joined, so that a walk looking for
 * names that fit a typed word finds those holding its rarest character with `lastIndexOf` instead of
 * testing each of ~30,000. Made from the definitions' own names (a range's from its entries), without
 * making the whole list; kept per document and patched after an edit where the definitions are not
 * the same objects any more (reading all ~40,000 again per edit cost 20-30 ms).
 */

export interface CreatedNames {
  /** Each name, lowercased, followed by a newline. */
  readonly joined: string;
  /** Where each name starts in `joined` (one more entry: its length). */
  readonly startOf: Int32Array;
  /** The definition (its index) that gives each name, and the name's place among its interfaces. */
  readonly definitionOf: Int32Array;
  readonly placeOf: Int32Array;
  /** How many times each ASCII character occurs in `joined`. */
  readonly counts: Int32Array;
}

/** The table of a list of definitions (changed in place by edits) and what it was made from. */
interface Kept {
  names: CreatedNames;
  version: object;
  /** The definitions the table was made from, in their order then. */
  made: InterfaceDefinition[];
  /** Per definition made from, where its names start in the table (one more entry: the count). */
  namesOf: Int32Array;
}

/** Per document (its holder of the line index, see `whereOf`): a new model builder makes a new list, most of it the same definitions. */
const keptByDocument = new WeakMap<object, Kept>();

/**
 * The names of the VPP definitions, in order (whether one has a command, is refused or deleted is
 * read when a name is found). Kept per document: after an edit only the definitions that are not the
 * same objects in the same places as when it was made are read again (a definition keeps its name
 * while it is the same object: the model reuses one, even in a new build, only for the same name).
 */
export function createdNames(definitions: readonly InterfaceDefinition[], version: object, where: Parameters<typeof entriesOf>[1]): CreatedNames {
  const kept = keptByDocument.get(where);
  if (kept?.version === version) return kept.names;
  if (!kept || changedMuch(kept.made, definitions)) {
    const made = definitions.slice();
    const { names, namesOf } = namesFrom(made, 0, made.length, where);
    keptByDocument.set(where, { names, version, made, namesOf });
    return names;
  }
  // the definitions that changed: those between the same ones at the start and at the end
  const made = kept.made;
  const shorter = Math.min(made.length, definitions.length);
  let from = 0;
  while (from < shorter && made[from] === definitions[from]) from++;
  let same = 0;
  while (same < shorter - from && made[made.length - 1 - same] === definitions[definitions.length - 1 - same]) same++;
  const oldTo = made.length - same;
  const newTo = definitions.length - same;
  if (from === oldTo && from === newTo) {
    // the same definitions in the same places (a definition's facts changed, not its name)
    kept.version = version;
    return kept.names;
  }
  const window = definitions.slice(from, newTo);
  const fresh = namesFrom(window, 0, window.length, where);
  const old = kept.names;
  const oldNamesFrom = kept.namesOf[from];
  const oldNamesTo = kept.namesOf[oldTo];
  const freshCount = fresh.names.definitionOf.length;
  const count = oldNamesFrom + freshCount + (old.definitionOf.length - oldNamesTo);
  const charsFrom = old.startOf[oldNamesFrom];
  const charsTo = old.startOf[oldNamesTo];
  const freshChars = fresh.names.joined.length;
  const joined = old.joined.slice(0, charsFrom) + fresh.names.joined + old.joined.slice(charsTo);
  const startOf = new Int32Array(count + 1);
  const definitionOf = new Int32Array(count);
  const placeOf = new Int32Array(count);
  startOf.set(old.startOf.subarray(0, oldNamesFrom));
  definitionOf.set(old.definitionOf.subarray(0, oldNamesFrom));
  placeOf.set(old.placeOf.subarray(0, oldNamesFrom));
  for (let j = 0; j < freshCount; j++) {
    startOf[oldNamesFrom + j] = charsFrom + fresh.names.startOf[j];
    definitionOf[oldNamesFrom + j] = from + fresh.names.definitionOf[j];
    placeOf[oldNamesFrom + j] = fresh.names.placeOf[j];
  }
  const charShift = charsFrom + freshChars - charsTo;
  const definitionShift = newTo - oldTo;
  for (let j = oldNamesTo, k = oldNamesFrom + freshCount; j < old.definitionOf.length; j++, k++) {
    startOf[k] = old.startOf[j] + charShift;
    definitionOf[k] = old.definitionOf[j] + definitionShift;
    placeOf[k] = old.placeOf[j];
  }
  startOf[count] = joined.length;
  const counts = old.counts.slice();
  for (let k = charsFrom; k < charsTo; k++) {
    const c = old.joined.charCodeAt(k);
    if (c < 128) counts[c]--;
  }
  for (let k = 0; k < freshChars; k++) {
    const c = fresh.names.joined.charCodeAt(k);
    if (c < 128) counts[c]++;
  }
  const namesOf = new Int32Array(definitions.length + 1);
  namesOf.set(kept.namesOf.subarray(0, from));
  for (let i = 0; i < window.length; i++) namesOf[from + i] = oldNamesFrom + fresh.namesOf[i];
  const namesShift = freshCount - (oldNamesTo - oldNamesFrom);
  for (let i = oldTo; i <= made.length; i++) namesOf[i + definitionShift] = kept.namesOf[i] + namesShift;
  made.splice(from, oldTo - from, ...window);
  const names = { joined, startOf, definitionOf, placeOf, counts };
  kept.names = names;
  kept.version = version;
  kept.namesOf = namesOf;
  return names;
}

/** A name as `toLowerCase` makes it, without a new string for one that is lowercase already (most are). */
export function lowercase(name: string): string {
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return name.toLowerCase();
  }
  return name;
}

/** Whether the list is so unlike what the table was made from that patching is no cheaper (a new list of another size). */
const changedMuch = (made: readonly InterfaceDefinition[], definitions: readonly InterfaceDefinition[]) => Math.abs(made.length - definitions.length) > 10_000;

/** The table of `definitions[from, to)`, numbered from `from`, and where each definition's names start. */
function namesFrom(definitions: readonly InterfaceDefinition[], from: number, to: number, where: Parameters<typeof entriesOf>[1]): { names: CreatedNames; namesOf: Int32Array } {
  const parts: string[] = [];
  const definitionOf: number[] = [];
  const placeOf: number[] = [];
  const namesOf = new Int32Array(to - from + 1);
  for (let i = from; i < to; i++) {
    namesOf[i - from] = parts.length;
    const def = definitions[i];
    // the fewest reads per definition: ~40,000 of them, spread over the heap
    if (def.space !== 'vpp') continue;
    if (def.rule === 'sub-interface' && def.naming?.range && def.naming.parent) {
      // a range names its sub-interfaces
      entriesOf(def, where).forEach((d, k) => {
        parts.push(lowercase(d.name));
        definitionOf.push(i);
        placeOf.push(k);
      });
      continue;
    }
    parts.push(lowercase(def.name));
    definitionOf.push(i);
    placeOf.push(0);
  }
  namesOf[to - from] = parts.length;
  const startOf = new Int32Array(parts.length + 1);
  let at = 0;
  for (let j = 0; j < parts.length; j++) {
    startOf[j] = at;
    at += parts[j].length + 1;
  }
  startOf[parts.length] = at;
  const joined = parts.length > 0 ? `${parts.join('\n')}\n` : '';
  const counts = new Int32Array(128);
  for (let k = 0; k < joined.length; k++) {
    const c = joined.charCodeAt(k);
    if (c < 128) counts[c]++;
  }
  return { names: { joined, startOf, definitionOf: Int32Array.from(definitionOf), placeOf: Int32Array.from(placeOf), counts }, namesOf };
}

/** The character of `holds` that fewest names hold (one not ASCII counts as rare). */
export function rarestOf(names: CreatedNames, holds: string): string {
  let best = holds[0];
  let fewest = Number.POSITIVE_INFINITY;
  for (const c of holds) {
    const code = c.charCodeAt(0);
    const count = code < 128 ? names.counts[code] : 0;
    if (count < fewest) {
      fewest = count;
      best = c;
    }
  }
  return best;
}

/** The last name before the `before`-th whose lowercase holds `c`, or -1. */
export function lastHolding(names: CreatedNames, c: string, before: number): number {
  if (before <= 0) return -1;
  const at = names.joined.lastIndexOf(c, names.startOf[before] - 1);
  if (at < 0) return -1;
  // the name whose span holds `at`
  let lo = 0;
  let hi = before - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (names.startOf[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many names come from the definitions before the `definition`-th. */
export function namesBefore(names: CreatedNames, definition: number): number {
  let lo = 0;
  let hi = names.definitionOf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (names.definitionOf[mid] < definition) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the characters of `typed` come in that order in the `j`-th name (as completion's test reads the lowercased name). */
export function fitsAt(names: CreatedNames, j: number, typed: string): boolean {
  return holdsInOrder(names.joined, names.startOf[j], names.startOf[j + 1] - 1, typed);
}

/** Whether the characters of `typed` come in that order in `text[from, to)`. */
export function holdsInOrder(text: string, from: number, to: number, typed: string): boolean {
  let at = from;
  for (let t = 0; t < typed.length; t++) {
    const c = typed.charCodeAt(t);
    while (at < to && text.charCodeAt(at) !== c) at++;
    if (at === to) return false;
    at++;
  }
  return true;
}
