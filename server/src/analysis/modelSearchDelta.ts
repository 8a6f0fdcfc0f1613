/**
 * Searches for a free id when the model takes a group of steps again at their place while the later
 * steps outside the group stay in the state (`refoldGroup`, modelFold.ts): what a search finds there,
 * and whether the searches outside the group still find what they found.
 */
import { type NamingState, searchesChangedBy, spaceOf } from './interfaceNaming';
import type { ModelStep, StepIndex } from './modelSteps';
import { startOf } from './modelWords';

/** A step of one version of the script, at the offset where it acts. */
export interface PlacedStep<D> {
  readonly at: number;
  readonly step: ModelStep<D>;
}

/** Whether an id is taken, before and after the steps of one version acting on it. */
interface Track {
  /** Before the first of these steps (the state they started from). */
  start: boolean;
  /** The offsets at which it changed, and whether it is taken after each (in order). */
  readonly at: number[];
  readonly taken: boolean[];
}

/**
 * Whether the searches for a free id among the steps `outside` (the steps a fold left as they were)
 * still find what they found when the steps of the edit's group are those of the new version
 * (`after`) instead of the old (`before`). Only the group's steps take or free different ids in the
 * two versions (the others are the same steps in both), so at any offset the two states differ in
 * the ids the group touched, and only where the two versions' last change of such an id before that
 * offset disagree. A search between two of those offsets moves when the new version holds the id it
 * found, or frees one from its floor below that id (`searchStillAnswers`, for several ids at once).
 */
export function outsideSearchesHold<D>(
  before: readonly PlacedStep<D>[],
  after: readonly PlacedStep<D>[],
  steps: readonly ModelStep<D>[],
  index: StepIndex<D>,
  outside: (step: ModelStep<D>) => boolean,
  /**
   * The steps of the lines the edit removed, still in `steps` (from this index, this many): they keep
   * the offsets of the old text, which may lie beyond those of the later steps, so the stretches of
   * the script are read around them.
   */
  removed: { readonly first: number; readonly count: number },
  /** Where the first search found moved goes. */
  moves: ModelStep<D>[] = [],
): boolean {
  const inScript = stepsAround(steps, removed.first, removed.count);
  const olds = tracks(before);
  const news = tracks(after);
  const claims = new Set([...olds.keys(), ...news.keys()]);
  if (claims.size === 0) return true;
  const offsets = [...new Set([...before, ...after].map((p) => p.at))].sort((a, b) => a - b);
  for (let i = 0; i < offsets.length; i++) {
    // the states differ after the changes at offsets[i], until the next one
    const differing: { claim: string; space: string; id: number; takenNow: boolean }[] = [];
    for (const claim of claims) {
      const space = spaceOf(claim);
      const idText = claim.slice(space.length + 1);
      const id = Number(idText);
      // a search asks for ids as numbers: other claims of the space are none of its answers
      if (!Number.isInteger(id) || String(id) !== idText) continue;
      // a claim one version's group never touches is, there, what the other found before touching it
      const old = olds.get(claim);
      const fresh = news.get(claim);
      const was = old ? takenAfter(old, offsets[i]) : fresh!.start;
      const now = fresh ? takenAfter(fresh, offsets[i]) : old!.start;
      if (was !== now) differing.push({ claim, space, id, takenNow: now });
    }
    if (differing.length === 0) continue;
    const moved = (o: ModelStep<D>) =>
      outside(o) &&
      o.reads.some((r) => {
        if (!r.search) return false;
        const found = r.value as number;
        return differing.some((d) => d.space === r.search!.space && (d.takenNow ? d.id === found : r.search!.from <= d.id && d.id < found));
      });
    if (i + 1 < offsets.length) {
      // the steps between two changes: a stretch of the script the group's steps lie in
      for (let k = inScript.firstFrom(offsets[i] + 1); k < inScript.length && startOf(inScript.at(k).use) < offsets[i + 1]; k++) {
        const step = inScript.at(k);
        if (!moved(step)) continue;
        moves.push(step);
        return false;
      }
      continue;
    }
    // from the last change to the end: the searches of those spaces, unless every id is above them all
    const keys = new Set<string>();
    for (const d of differing) for (const key of searchesChangedBy(d.claim)) keys.add(key);
    const last = offsets[i];
    for (const key of keys) {
      const highest = index.foundAtMost(key);
      if (differing.every((d) => (d.takenNow ? d.id > highest : d.id >= highest))) continue;
      const first = { step: undefined as ModelStep<D> | undefined, at: Number.POSITIVE_INFINITY };
      index.someReader(key, (o) => {
        const at = startOf(o.use);
        if (at > last && at < first.at && moved(o)) {
          first.step = o;
          first.at = at;
        }
        return false;
      });
      if (first.step) {
        moves.push(first.step);
        return false;
      }
    }
  }
  return true;
}

/**
 * The lowest free id from `from` at the offset `at`, where a step of the group is taken again (it
 * replaces `before`, if it was a step there). Where that step searched before, every id from the floor
 * below what it found was held there, but for the ids the group or the new steps hold otherwise
 * (`moved`): those are looked at, then the ids from the one it found up; else every id from the floor.
 */
export function lowestFreeAt<D>(
  space: string,
  from: number,
  at: number,
  before: ModelStep<D> | undefined,
  moved: ReadonlySet<string>,
  held: (claim: string, at: number) => boolean,
): number {
  const search = before?.reads.find((r) => r.search?.space === space && r.search.from === from);
  let n = from;
  if (search) {
    const found = search.value as number;
    let lowest = found;
    for (const claim of moved) {
      if (spaceOf(claim) !== space) continue;
      const idText = claim.slice(space.length + 1);
      const id = Number(idText);
      // a search asks for ids as numbers: other claims of the space are none of its answers
      if (String(id) === idText && id >= from && id < lowest && !held(claim, at)) lowest = id;
    }
    if (lowest < found) return lowest;
    n = found;
  }
  while (held(`${space}:${n}`, at)) n++;
  return n;
}

/**
 * Whether an id is held at the offset `at` of the script, in a state that holds what the steps outside
 * the group (not `excluded`) did to the end: if one of them after `at` takes or frees it, it was held
 * there as that step found it; else as the state holds it (the group's own steps, undone and taken
 * again in order, are in the state up to `at`).
 */
export function heldAt<D>(claim: string, at: number, index: StepIndex<D>, excluded: (st: ModelStep<D>) => boolean, state: NamingState): boolean {
  let next: ModelStep<D> | undefined;
  let nextAt = Number.POSITIVE_INFINITY;
  for (const w of index.writersOf(`C|${claim}`)) {
    if (excluded(w)) continue;
    const start = startOf(w.use);
    if (start > at && start < nextAt) {
      next = w;
      nextAt = start;
    }
  }
  if (next) for (const c of next.claims) if (c.claim === claim) return c.before !== undefined;
  return state.peek(claim) !== undefined;
}

/** Per claim the steps take or free: whether it is taken before them and after each. */
function tracks<D>(placed: readonly PlacedStep<D>[]): Map<string, Track> {
  const out = new Map<string, Track>();
  for (const { at, step } of placed) {
    for (const c of step.claims) {
      let track = out.get(c.claim);
      if (!track) out.set(c.claim, (track = { start: c.before !== undefined, at: [], taken: [] }));
      const n = track.at.length;
      if (n > 0 && track.at[n - 1] === at) track.taken[n - 1] = c.after !== undefined;
      else {
        track.at.push(at);
        track.taken.push(c.after !== undefined);
      }
    }
  }
  return out;
}

/** Whether a claim is taken after the changes up to and at `offset`. */
function takenAfter(track: Track, offset: number): boolean {
  let taken = track.start;
  for (let i = 0; i < track.at.length && track.at[i] <= offset; i++) taken = track.taken[i];
  return taken;
}

/** `steps` without the `count` from `first`, in document order, read where they are (no copy of the ~20,000 steps at 100k lines). */
function stepsAround<D>(steps: readonly ModelStep<D>[], first: number, count: number) {
  const at = (k: number) => steps[k < first ? k : k + count];
  const length = steps.length - count;
  return {
    length,
    at,
    /** The index of the first step that starts at or after `offset`. */
    firstFrom(offset: number): number {
      let lo = 0;
      let hi = length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (startOf(at(mid).use) < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** The index of the first step that starts at or after `offset` (steps are in document order). */
export function firstFrom<D>(steps: readonly ModelStep<D>[], offset: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(steps[mid].use) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
