import type { Analysis } from './analyze';
import type { CommandUse } from './cliModel';
import { changedSpan, type DefinitionsVersion, newDefinitionsVersion, spliceDefinitions } from './definitionList';
import { NamingState } from './interfaceNaming';
import type { Definition } from './modelDefinition';
import { affected, type Group, untouchedLater, untouchedOutside } from './modelGroup';
import { firstFrom, heldAt, lowestFreeAt, outsideSearchesHold } from './modelSearchDelta';
import { type ModelStep, StepIndex } from './modelSteps';
import { startOf } from './modelWords';

/** A linux-cp pair: the tap VPP made and the Linux interface. */
export interface Pair {
  readonly tap?: Definition;
  readonly linux?: Definition;
}

/** The definitions a creating command made in the build that last read it. */
export const madeFor = new WeakMap<CommandUse, Definition[]>();

/**
 * The model's state and the steps that made it, and the folding of an edit into them where it
 * happened (`splice`). ModelBuilder (modelBuilder.ts) extends it with what each creating or deleting
 * command does to the state (`take`) and the binding of the uses.
 */
export abstract class ModelFold {
  /** Changed in place by an edit (`settle`), `definitionsVersion` renewed. */
  readonly definitions: Definition[] = [];
  /** A new one whenever an edit changes `definitions`: what is kept per list is kept per version. */
  definitionsVersion: DefinitionsVersion = newDefinitionsVersion();
  /**
   * The names whose definitions differ from the previous build's (added, gone, refused, deleted
   * elsewhere, a range changed): only the uses of these names need binding again.
   */
  readonly changedNames = new Set<string>();
  protected readonly live = new Map<string, Definition>();
  /** linux-cp pairs by the VPP interface they mirror. */
  protected readonly pairs = new Map<string, Pair>();
  protected readonly state: NamingState;

  /** The creating and deleting commands in order, with what each read and wrote. */
  protected readonly steps: ModelStep<Definition>[] = [];
  protected readonly stepIndex = new StepIndex<Definition>();
  /** While an edit is folded in: the definitions its steps make, placed at the end. */
  protected inserting = false;
  /** While a group is taken again at its place (`refoldGroup`): the offset of the step being taken. */
  private takingAt = 0;
  /** ... and the step it was before, whose searches tell where a search there may find an id. */
  private retaking?: ModelStep<Definition>;

  constructor(protected analysis: Pick<Analysis, 'release' | 'schema' | 'commands'>) {
    this.state = new NamingState(analysis.release);
  }

  /** Runs one command's part of the first pass, if it creates or deletes interfaces. */
  protected abstract take(lineUse: CommandUse): ModelStep<Definition> | undefined;
  /** Puts a definition (numbered already) into the lists the uses are bound with, in creation order. */
  protected abstract place(def: Definition): void;
  /** Takes a definition out of those lists. */
  protected abstract unplace(def: Definition): void;
  /** Counts a definition's name (and a range's parent) as changed. */
  protected abstract noteChange(def: Definition): void;

  /**
   * Folds an edit into the model where it happened: the steps of the commands the edit removed
   * (`dead`) are undone and those of the commands it added (`added`, in order, between the offsets
   * `from` and `to` of the new text) are taken at their place. When no later step read or wrote what
   * they change, that is all; otherwise the later steps are undone back to the edit and taken again
   * in order, each redone as it was when what it read is unchanged, else read anew. Returns false
   * when that cannot be done (a device pool was used): the model is then half changed, and the
   * caller builds a new one from it, passing `changedNames` on.
   */
  splice(analysis: Pick<Analysis, 'release' | 'schema' | 'commands'>, dead: ReadonlySet<CommandUse>, added: readonly CommandUse[], from: number, to: number): boolean {
    this.analysis = analysis;
    this.changedNames.clear();
    const steps = this.steps;
    // the removed steps start at or after `from` (their lines keep the offsets they had), those
    // before the edit before it: a binary search finds them unless a removed one lies elsewhere
    let first = firstFrom(steps, from);
    let last = first - 1;
    while (last + 1 < steps.length && dead.has(steps[last + 1].use)) last++;
    if (last - first + 1 < dead.size && steps.length > 0) {
      let found = -1;
      let lastFound = -1;
      for (let i = 0; i < steps.length; i++) {
        if (!dead.has(steps[i].use)) continue;
        if (found < 0) found = i;
        lastFound = i;
      }
      if (found >= 0) {
        first = found;
        last = lastFound;
      }
    }
    for (let i = first; i <= last; i++) if (!dead.has(steps[i].use)) return false;
    if (first > 0 && startOf(steps[first - 1].use) >= from) return false;
    if (last + 1 < steps.length && startOf(steps[last + 1].use) < to) return false;
    const removed = steps.slice(first, last + 1);
    if (removed.some((st) => st.volatile)) return false;
    const removedSet = new Set(removed);
    const later = (st: ModelStep<Definition>) => !removedSet.has(st) && startOf(st.use) >= to;
    const alone = untouchedLater(this.stepIndex, removed, [], later, true);

    // the new steps are taken once even when later steps depend on the removed ones: what they read
    // and write joins the keys whose later steps are taken again (a name typed into a tap's
    // `host-if-name` may be one a later tap takes)
    let probe: ModelStep<Definition>[] = [];
    if (alone || added.length > 0) {
      for (let i = removed.length - 1; i >= 0; i--) this.undo(removed[i]);
      const inserted = this.takeAll(added);
      if (alone && !inserted.some((st) => st.volatile) && untouchedLater(this.stepIndex, inserted, inserted, later)) {
        for (const st of removed) this.drop(st);
        spliceSteps(steps, first, removed.length, inserted);
        this.settle(inserted, first, inserted.length, madeBy(removed));
        return true;
      }
      // what the new steps touch tells which later steps they may change; the state goes back to where it was
      for (let i = inserted.length - 1; i >= 0; i--) this.undo(inserted[i]);
      for (const st of inserted) this.noteStep(st);
      for (const st of removed) this.redo(st);
      probe = inserted;
    }
    const laterCount = steps.length - (last + 1);

    const seeds = [...removed, ...probe];
    // the group without the id spaces' chains first: most edits that free or take an id move one
    // later search, after which the ids held are the same again; the steps outside it that the new
    // steps turn out to touch join it, a few times (a chain through every later automatic loopback
    // is taken with the whole space below)
    let joined: ModelStep<Definition>[] = [];
    for (let round = 0; round < WIDENINGS; round++) {
      const narrow = affected(this.stepIndex, seeds, later, false, joined);
      if (!narrow.spaces || narrow.size >= laterCount || narrow.size > NARROW_AT_MOST) break;
      const touched: ModelStep<Definition>[] = [];
      const refolded = this.refoldGroup(narrow, first, from, removed, added, touched);
      if (refolded !== 'wider') return refolded === 'done';
      if (touched.length === 0) break;
      joined = [...joined, ...touched];
    }
    const group = affected(this.stepIndex, seeds, later);
    if (group.size < laterCount) {
      // only the later steps that share something with the edit, undone and taken again in order:
      // redone as they were when what they read is unchanged, else read anew. The other later steps
      // stay: none of them reads or writes what the group does.
      // every member is a later step: in document order, they are the group sorted
      const members = [...group].sort((a, b) => startOf(a.use) - startOf(b.use));
      if (members.some((st) => st.volatile)) return false;
      for (let i = members.length - 1; i >= 0; i--) this.undo(members[i]);
      for (let i = removed.length - 1; i >= 0; i--) this.undo(removed[i]);
      for (const st of removed) this.drop(st);
      const fresh = this.takeAll(added);
      const again = new Map<ModelStep<Definition>, ModelStep<Definition>[]>();
      for (const st of members) {
        if (this.readsHold(st)) {
          this.redo(st);
          continue;
        }
        this.drop(st);
        again.set(st, this.takeAll([st.use]));
      }
      const news = [...fresh, ...[...again.values()].flat()];
      // what a step taken anew reads or writes now must be no step's outside the group after it
      const outside = (st: ModelStep<Definition>) => (o: ModelStep<Definition>) => !group.has(o) && !removedSet.has(o) && startOf(o.use) > startOf(st.use);
      if (!news.some((st) => st.volatile) && news.every((st) => untouchedOutside(this.stepIndex, st, outside(st), group.covered))) {
        if (!this.replaceInPlace(first, removed, fresh, again, news)) this.replaceSpan(first, removed, fresh, again, news);
        return true;
      }
      for (const st of news) this.noteStep(st);
      return false;
    }

    // every later step undone back to the edit and taken again in order: redone as it was when
    // what it read is unchanged, else read anew (not before: a copy of the ~20,000 later steps costs
    // a keystroke folded in above as much as the rest)
    const after = steps.slice(last + 1);
    if (after.some((st) => st.volatile)) return false;
    for (let i = after.length - 1; i >= 0; i--) this.undo(after[i]);
    for (let i = removed.length - 1; i >= 0; i--) this.undo(removed[i]);
    for (const st of removed) this.drop(st);
    const fresh = this.takeAll(added);
    const result = [...fresh];
    for (const st of after) {
      if (this.readsHold(st)) {
        this.redo(st);
        result.push(st);
        continue;
      }
      this.drop(st);
      for (const again of this.takeAll([st.use])) {
        result.push(again);
        fresh.push(again);
      }
    }
    if (fresh.some((st) => st.volatile)) return false;
    const replaced = madeBy(removed) + madeBy(after);
    spliceSteps(steps, first, steps.length - first, result);
    this.settle(fresh, first, result.length, replaced);
    return true;
  }

  /**
   * Takes a group found without the id spaces' chains again at its place, with the later steps
   * outside it still in the state: its searches for a free id see an id as taken where it was at
   * their place (`heldAt`). Kept when the new steps touch nothing of the steps outside the group
   * after them and no search outside the group finds another id (`outsideSearchesHold`); otherwise
   * the state is put back as it was, for the wider group to be taken (`wider`), or, when a step took
   * from a device pool, whose order cannot be undone, the model is to be built again (`rebuild`).
   */
  private refoldGroup(
    group: Group,
    first: number,
    from: number,
    removed: readonly ModelStep<Definition>[],
    added: readonly CommandUse[],
    touched: ModelStep<Definition>[],
  ): 'done' | 'wider' | 'rebuild' {
    // every member is a later step: in document order, they are the group sorted
    const members = [...group].sort((a, b) => startOf(a.use) - startOf(b.use));
    if (members.some((st) => st.volatile)) return 'rebuild';
    const removedSet = new Set(removed);
    const excluded = (o: ModelStep<Definition>) => group.has(o) || removedSet.has(o);
    for (let i = members.length - 1; i >= 0; i--) this.undo(members[i]);
    for (let i = removed.length - 1; i >= 0; i--) this.undo(removed[i]);
    // the ids that may be held otherwise than where the old steps searched: the group's, and what the new steps take or free
    const moved = new Set<string>();
    for (const key of group.covered) if (key.startsWith('C|')) moved.add(key.slice(2));
    const note = (steps: readonly ModelStep<Definition>[]) => {
      for (const st of steps) for (const c of st.claims) moved.add(c.claim);
    };
    const held = (claim: string, at: number) => heldAt(claim, at, this.stepIndex, excluded, this.state);
    this.state.searchAt = (space, from) => lowestFreeAt(space, from, this.takingAt, this.retaking, moved, held);
    let fresh: ModelStep<Definition>[];
    const again = new Map<ModelStep<Definition>, ModelStep<Definition>[]>();
    const taken: ModelStep<Definition>[] = [];
    try {
      fresh = this.takeAll(added);
      note(fresh);
      taken.push(...fresh);
      for (const st of members) {
        this.takingAt = startOf(st.use);
        this.retaking = st;
        if (this.readsHold(st)) {
          this.redo(st);
          taken.push(st);
          continue;
        }
        const anew = this.takeAll([st.use]);
        note(anew);
        again.set(st, anew);
        taken.push(...anew);
      }
    } finally {
      this.state.searchAt = undefined;
      this.retaking = undefined;
    }
    const news = [...fresh, ...[...again.values()].flat()];
    const outside = (st: ModelStep<Definition>) => (o: ModelStep<Definition>) => !excluded(o) && startOf(o.use) > startOf(st.use);
    const placed = (st: ModelStep<Definition>) => ({ at: removedSet.has(st) ? from : startOf(st.use), step: st });
    const volatile = news.some((st) => st.volatile);
    // the steps outside that the new ones touch, or whose search moves, go into `touched`
    let clear = !volatile;
    for (const st of news) if (!volatile && !untouchedOutside(this.stepIndex, st, outside(st), group.covered, true, touched)) clear = false;
    if (clear) clear = outsideSearchesHold([...removed, ...members].map(placed), taken.map(placed), this.steps, this.stepIndex, (o) => !excluded(o), { first, count: removed.length }, touched);
    if (!clear) {
      // back to the state before: the new steps undone, the old ones done again
      for (let i = taken.length - 1; i >= 0; i--) this.undo(taken[i]);
      for (const st of removed) this.redo(st);
      for (const st of members) this.redo(st);
      return volatile ? 'rebuild' : 'wider';
    }
    for (const st of removed) this.drop(st);
    for (const st of again.keys()) this.drop(st);
    if (!this.replaceInPlace(first, removed, fresh, again, news)) this.replaceSpan(first, removed, fresh, again, news);
    return 'done';
  }

  /** Counts what a step that will not stay made and deleted as changed. */
  private noteStep(step: ModelStep<Definition>): void {
    for (const d of step.made) this.noteChange(d);
    for (const w of step.deletions) this.changedNames.add(w.target.name);
  }

  /** Takes the steps of these commands without placing their definitions yet (see `settle`). */
  private takeAll(uses: readonly CommandUse[]): ModelStep<Definition>[] {
    const out: ModelStep<Definition>[] = [];
    this.inserting = true;
    try {
      for (const use of uses) {
        if (this.state.searchAt) this.takingAt = startOf(use);
        const step = this.take(use);
        if (step) out.push(step);
      }
    } finally {
      this.inserting = false;
    }
    return out;
  }

  /** Takes a step out of the model (its state undone already), counting what it touched as changed. */
  private drop(step: ModelStep<Definition>): void {
    this.stepIndex.remove(step);
    for (const d of step.made) {
      this.unplace(d);
      this.noteChange(d);
    }
    for (const w of step.deletions) this.changedNames.add(w.target.name);
  }

  /**
   * After an edit: the definitions in the order of the steps, the new steps' placed and indexed.
   * The steps from `first` to `first + count` are new and replace steps that made `replaced`
   * definitions; the definitions of the other steps stay where they were in the list.
   */
  private settle(fresh: readonly ModelStep<Definition>[], first: number, count: number, replaced: number): void {
    const steps = this.steps;
    let kept = 0;
    for (let i = first - 1; i >= 0; i--) {
      const made = steps[i].made;
      if (made.length > 0) {
        kept = made[made.length - 1].index + 1;
        break;
      }
    }
    // in place: a copy of ~40,000 definitions per keystroke cost more than the rest of it (definitionList.ts)
    const { end, replacedBefore } = changedSpan(steps, fresh, first, first + count, kept, replaced);
    const made: Definition[] = [];
    for (let i = first; i < end; i++) for (const d of steps[i].made) made.push(d);
    spliceDefinitions(this.definitions, kept, replacedBefore, made);
    this.definitionsVersion = newDefinitionsVersion();
    this.adopt(fresh);
  }

  /**
   * When each new step takes the place of one step that made as many definitions: the steps and
   * definitions swapped where they are, the rest of the lists untouched (a tap renamed in place,
   * with its sub-interface and its `delete` taken again). False when they do not pair up.
   */
  private replaceInPlace(
    first: number,
    removed: readonly ModelStep<Definition>[],
    fresh: readonly ModelStep<Definition>[],
    again: ReadonlyMap<ModelStep<Definition>, ModelStep<Definition>[]>,
    news: readonly ModelStep<Definition>[],
  ): boolean {
    const pairs: [number, ModelStep<Definition>, ModelStep<Definition>][] = [];
    const pair = (at: number, old: ModelStep<Definition>, now: ModelStep<Definition> | undefined): boolean => {
      if (at < 0 || !now || now.made.length !== old.made.length) return false;
      pairs.push([at, old, now]);
      return true;
    };
    if (fresh.length !== removed.length) return false;
    for (let i = 0; i < removed.length; i++) if (!pair(first + i, removed[i], fresh[i])) return false;
    const steps = this.steps;
    let from = first + removed.length;
    for (const [m, taken] of again) {
      const at = steps.indexOf(m, from);
      if (taken.length !== 1 || !pair(at, m, taken[0])) return false;
      from = at + 1;
    }
    const definitions = this.definitions;
    for (const [at, old, now] of pairs) {
      steps[at] = now;
      for (let j = 0; j < now.made.length; j++) {
        const index = old.made[j].index;
        definitions[index] = now.made[j];
        now.made[j].index = index;
      }
    }
    this.definitionsVersion = newDefinitionsVersion();
    this.adopt(news);
    return true;
  }

  /**
   * When the new steps do not pair up with the old (`replaceInPlace`): the steps from `first` to the
   * last one taken again replaced by the new ones in one splice, the steps between kept; the steps after it, and their definitions, stay where they are
   * (the whole later list built anew, ~18,000 steps at 100k lines, cost about a third of a
   * create-line edit).
   */
  private replaceSpan(
    first: number,
    removed: readonly ModelStep<Definition>[],
    fresh: readonly ModelStep<Definition>[],
    again: ReadonlyMap<ModelStep<Definition>, ModelStep<Definition>[]>,
    news: readonly ModelStep<Definition>[],
  ): void {
    const steps = this.steps;
    const span = [...fresh];
    let replaced = madeBy(removed);
    let at = first + removed.length;
    // as far as the last step taken again: the steps after it are kept as they are
    for (let left = again.size; left > 0 && at < steps.length; at++) {
      const st = steps[at];
      const taken = again.get(st);
      if (taken) {
        for (const t of taken) span.push(t);
        left--;
      } else span.push(st);
      replaced += st.made.length;
    }
    spliceSteps(steps, first, at - first, span);
    this.settle(news, first, span.length, replaced);
  }

  /** New steps into the model: their definitions placed, their keys indexed. */
  private adopt(fresh: readonly ModelStep<Definition>[]): void {
    for (const st of fresh) {
      for (const d of st.made) {
        this.place(d);
        this.noteChange(d);
      }
      for (const w of st.deletions) this.changedNames.add(w.target.name);
      this.stepIndex.add(st);
      madeFor.set(st.use, st.made);
    }
  }

  /** Whether the state answers what a step read as it did when the step was taken. */
  private readsHold(step: ModelStep<Definition>): boolean {
    for (const r of step.reads) {
      const key = r.key;
      switch (key.charCodeAt(0)) {
        case 76: // L
          if (this.live.get(key) !== r.value) return false;
          break;
        case 82: // R
          if (this.pairs.get(key) !== r.value) return false;
          break;
        case 67: // C
          if (this.state.peek(key.slice(2)) !== r.value) return false;
          break;
        case 88: // X
          if (r.definition?.deletedBy !== r.value) return false;
          break;
        default: // S
          if (!r.search || this.state.lowestFree(r.search.space, r.search.from) !== r.value) return false;
      }
    }
    return true;
  }

  /** Puts back what a step changed in the state, last change first. */
  private undo(step: ModelStep<Definition>): void {
    for (let i = step.maps.length - 1; i >= 0; i--) {
      const w = step.maps[i];
      if (w.before === undefined) w.map.delete(w.key);
      else w.map.set(w.key, w.before);
    }
    for (let i = step.claims.length - 1; i >= 0; i--) this.state.restore(step.claims[i].claim, step.claims[i].before);
    for (let i = step.deletions.length - 1; i >= 0; i--) step.deletions[i].target.deletedBy = step.deletions[i].before;
  }

  /** Does again what a step did, first change first. */
  private redo(step: ModelStep<Definition>): void {
    for (const w of step.maps) {
      if (w.after === undefined) w.map.delete(w.key);
      else w.map.set(w.key, w.after);
    }
    for (const c of step.claims) this.state.restore(c.claim, c.after);
    for (const d of step.deletions) d.target.deletedBy = d.after;
  }
}

/** How many times the group without the id spaces' chains grows by the steps it turns out to touch. */
const WIDENINGS = 6;
/** A larger group is taken with the whole space (the search for each id there costs more). */
const NARROW_AT_MOST = 2_000;

/** How many definitions these steps made. */
function madeBy(steps: readonly ModelStep<Definition>[]): number {
  let n = 0;
  for (const st of steps) n += st.made.length;
  return n;
}

/** `list.splice(from, count, ...items)` without passing thousands of arguments. */
function spliceSteps<T>(list: T[], from: number, count: number, items: readonly T[]): void {
  if (items.length <= 1000) {
    list.splice(from, count, ...items);
    return;
  }
  const tail = list.slice(from + count);
  list.length = from;
  for (const item of items) list.push(item);
  for (const item of tail) list.push(item);
}
