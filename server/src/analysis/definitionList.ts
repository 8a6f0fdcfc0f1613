import type { Definition } from './modelDefinition';

/**
 * The model's list of definitions is changed in place by an edit: a copy of it cost more than the
 * rest of a keystroke at 100k lines (~40,000 definitions, a large array each time). What is kept per
 * list of definitions (interfaces.ts, interfaceIndex.ts) is kept per `DefinitionsVersion` instead,
 * a new one for each change.
 */
export type DefinitionsVersion = object;

export function newDefinitionsVersion(): DefinitionsVersion {
  return {};
}

/**
 * `list.splice(at, removed, ...made)` done in place, each definition numbered by its place: when as
 * many are made as removed, only those are; otherwise every later one moves, and is numbered again.
 */
export function spliceDefinitions(list: Definition[], at: number, removed: number, made: readonly Definition[]): void {
  if (made.length === removed) {
    for (let j = 0; j < made.length; j++) {
      list[at + j] = made[j];
      made[j].index = at + j;
    }
    return;
  }
  if (made.length <= 1000) list.splice(at, removed, ...made);
  else {
    // without passing thousands of arguments
    const tail = list.slice(at + removed);
    list.length = at;
    for (const d of made) list.push(d);
    for (const d of tail) list.push(d);
  }
  for (let i = at; i < list.length; i++) list[i].index = i;
}
