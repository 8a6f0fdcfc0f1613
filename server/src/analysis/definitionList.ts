import type { Definition } from './modelDefinition';
import { startOf } from './modelWords';

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

/** What `changedSpan` needs of a step: its command's start, and the definitions it made. */
interface PlacedStep {
  readonly use: Parameters<typeof startOf>[0];
  readonly made: readonly Definition[];
}

/**
 * Of the steps `first` to `last` (exclusive) that an edit put in place of steps that made `replaced`
 * definitions (from `kept` in the list), where the new ones (`fresh`, in document order) end: the steps
 * after the last of them are kept steps, whose definitions keep their order at the end of that span of
 * the list. `end`: the step after the last new one; `replacedBefore`: how many old definitions lie
 * before the kept steps' (the others stay where they are, only numbered again if they move).
 */
export function changedSpan(
  steps: readonly PlacedStep[],
  fresh: readonly PlacedStep[],
  first: number,
  last: number,
  kept: number,
  replaced: number,
): { end: number; replacedBefore: number } {
  const whole = { end: last, replacedBefore: replaced };
  if (fresh.length === 0) return whole;
  const lastFresh = fresh[fresh.length - 1];
  const lastStart = startOf(lastFresh.use);
  // in document order, as the callers take them: else the whole span
  for (const st of fresh) if (startOf(st.use) > lastStart) return whole;
  const at = steps.lastIndexOf(lastFresh, last - 1);
  if (at < first) return whole;
  for (let i = at + 1; i < last; i++) {
    const made = steps[i].made;
    if (made.length > 0) return { end: at + 1, replacedBefore: made[0].index - kept };
  }
  return { end: at + 1, replacedBefore: replaced };
}
