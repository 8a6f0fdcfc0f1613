/**
 * Which later steps an edit folded into the model where it happened may change (modelFold.ts): the
 * steps that read or write a key of the state the edit's steps touch, found through the index of
 * each key's readers and writers (`index`).
 */
import { searchesChangedBy, spaceOf } from './interfaceNaming';
import type { Definition } from './modelDefinition';
import { isSpaceKey, type ModelStep, searchStillAnswers, type StepIndex } from './modelSteps';

/**
 * The later steps an edit may change, and the keys every later step of which is among them (a space
 * no step of the group searches is covered with its claimers left out: only a search reads it).
 */
export type Group = Set<ModelStep<Definition>> & { covered: Set<string>; spaces: boolean };

/**
 * The later steps that share a key with these steps, and with those, and so on: outside them, no
 * step reads or writes what they touch (`covered`: those keys). A search for a free id reads its
 * whole id space: every later step that searches it or takes or frees an id in it joins. Without
 * `linkSpaces`, id spaces link no steps (`spaces` says whether one was met): the group's searches are
 * then answered for their place (`lowestFreeAt`) and the searches outside it checked after.
 * `members`: later steps known to belong to the group (found touched by an earlier try).
 */
export function affected(index: StepIndex<Definition>, seeds: readonly ModelStep<Definition>[], later: (st: ModelStep<Definition>) => boolean, linkSpaces = true, members: readonly ModelStep<Definition>[] = []): Group {
  const group = new Set<ModelStep<Definition>>() as Group;
  group.spaces = false;
  const seen = (group.covered = new Set<string>());
  const keys: string[] = [];
  const visit = (st: ModelStep<Definition>): void => {
    for (const r of st.reads) keys.push(r.key);
    for (const key of st.writes) keys.push(key);
  };
  for (const st of seeds) visit(st);
  for (const st of members) {
    group.add(st);
    visit(st);
  }
  const searchedBySeeds = new Set<string>();
  for (const st of seeds) for (const r of st.reads) if (r.search) searchedBySeeds.add(r.key);
  let searched = false;
  const reached = (st: ModelStep<Definition>): boolean => {
    if (!later(st)) return false;
    searched = true;
    if (group.has(st)) return false;
    group.add(st);
    visit(st);
    return false;
  };
  while (keys.length > 0) {
    const key = keys.pop()!;
    if (seen.has(key)) continue;
    if (!linkSpaces && isSpaceKey(key)) {
      group.spaces = true;
      continue;
    }
    seen.add(key);
    searched = false;
    index.someReader(key, reached);
    // the steps that take or free ids of a space matter to the group only if one of its steps
    // searches it: its searches are taken again with none of the later claims in the state
    if (isSpaceKey(key) && !searched && !searchedBySeeds.has(key)) continue;
    index.someWriter(key, reached);
  }
  return group;
}

/**
 * Whether no step `outside` reads or writes what this step (taken anew) writes, or writes what it
 * reads. The later steps of a `covered` key are all in the group, taken in order.
 */
export function untouchedOutside(
  index: StepIndex<Definition>,
  st: ModelStep<Definition>,
  outside: (o: ModelStep<Definition>) => boolean,
  covered: ReadonlySet<string>,
  spacesApart = false,
  /** When given: every key is looked at, and a step outside found for each put here. */
  touched?: ModelStep<Definition>[],
): boolean {
  let clear = true;
  const found = (o: ModelStep<Definition>): boolean => {
    if (!outside(o)) return false;
    touched?.push(o);
    clear = false;
    return true;
  };
  for (const key of st.writes) {
    if (covered.has(key) || (spacesApart && isSpaceKey(key))) continue;
    if (index.someReader(key, found) && !touched) return false;
    if (index.someWriter(key, found) && !touched) return false;
  }
  for (const read of st.reads) {
    if (covered.has(read.key) || (spacesApart && read.search)) continue;
    if (index.someWriter(read.key, found) && !touched) return false;
  }
  return clear;
}

/**
 * Whether no later step reads what these steps wrote, writes it, or writes what `readers` read.
 * A whole id space is read by the searches for a free id in it: of those, only the ones whose
 * answer a claim taken or freed here moves count (`undone`: the steps are taken out, so what they
 * took is free and what they freed is taken).
 */
export function untouchedLater(index: StepIndex<Definition>, steps: readonly ModelStep<Definition>[], readers: readonly ModelStep<Definition>[], later: (st: ModelStep<Definition>) => boolean, undone = false): boolean {
  for (const st of steps) {
    for (const key of st.writes) {
      if (isSpaceKey(key)) continue;
      if (index.someReader(key, later)) return false;
      if (index.someWriter(key, later)) return false;
    }
    if (movesLaterSearch(index, st, undone, later)) return false;
  }
  for (const st of readers) for (const read of st.reads) if (index.someWriter(read.key, later)) return false;
  return true;
}

/** Whether a claim a step took or freed changes the id a later search finds. */
function movesLaterSearch(index: StepIndex<Definition>, step: ModelStep<Definition>, undone: boolean, later: (st: ModelStep<Definition>) => boolean): boolean {
  for (const c of step.claims) {
    const wasTaken = c.before !== undefined;
    const isTaken = c.after !== undefined;
    if (wasTaken === isTaken) continue;
    const taken = undone ? wasTaken : isTaken;
    const id = Number(c.claim.slice(spaceOf(c.claim).length + 1));
    for (const key of searchesChangedBy(c.claim)) {
      // above every answer: taken, no search found it; freed, none found an id above it
      const highest = index.foundAtMost(key);
      if (taken ? id > highest : id >= highest) continue;
      // the answer first: a search's reads are few, and where it lies is a walk through its tokens
      const moved = (o: ModelStep<Definition>) => o.reads.some((r) => r.key === key && !searchStillAnswers(r, id, taken)) && later(o);
      if (index.someReader(key, moved)) return true;
    }
  }
  return false;
}

