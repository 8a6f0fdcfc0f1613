import { isTemplated } from '../syntax/tokens';
import type { Token } from '../syntax/tree';
import type { Analysis } from './analyze';
import type { CommandUse } from './cliModel';
import type { InterfaceReference } from './interfaceModel';
import {
  NamingState,
  searchesChangedBy,
  spaceOf,
  type AllocatorTracker,
  effectiveUse,
  isDeletion,
  linuxInterfacesOnce,
  nameInterfacesOnce,
  type NamedInterface,
  type NamingRule,
} from './interfaceNaming';
import { changedSpan, type DefinitionsVersion, newDefinitionsVersion, spliceDefinitions } from './definitionList';
import { Definition, type DefinitionFields, linuxKey, Reference, vppKey } from './modelDefinition';
import { firstFrom, heldAt, lowestFreeAt, outsideSearchesHold } from './modelSearchDelta';
import { isSpaceKey, ModelStep, searchStillAnswers, StepIndex, type StepRead } from './modelSteps';
import { counterpartRule, interfaceWords, looseWords, pathSpan, startOf, SUB_INTERFACE, type Span } from './modelWords';

/**
 * The later steps an edit may change, and the keys every later step of which is among them (a space
 * no step of the group searches is covered with its claimers left out: only a search reads it).
 */
type Group = Set<ModelStep<Definition>> & { covered: Set<string>; spaces: boolean };

/** A linux-cp pair: the tap VPP made and the Linux interface. */
interface Pair {
  readonly tap?: Definition;
  readonly linux?: Definition;
}

/** The definitions a creating command made in the build that last read it. */
const madeFor = new WeakMap<CommandUse, Definition[]>();

/**
 * Builds the model in two passes: the definitions in the order VPP creates them, then the uses of
 * each command bound to them. Kept by an incremental update, it binds the uses of edited lines
 * again without redoing the definitions when no edited line creates or deletes interfaces, and
 * folds in an edit of such lines where it happened (`splice`) when nothing after it depends on it.
 */
export class ModelBuilder implements AllocatorTracker {
  /** Changed in place by an edit (`settle`), `definitionsVersion` renewed. */
  readonly definitions: Definition[] = [];
  /** A new one whenever an edit changes `definitions`: what is kept per list is kept per version. */
  definitionsVersion: DefinitionsVersion = newDefinitionsVersion();
  /** The definitions VPP refuses, in order. */
  readonly clashes: Definition[] = [];
  private readonly live = new Map<string, Definition>();
  private readonly byKey = new Map<string, Definition[]>();
  private readonly ranges: Definition[] = [];
  /** linux-cp pairs by the VPP interface they mirror. */
  private readonly pairs = new Map<string, Pair>();
  private readonly state: NamingState;
  /** How many definitions of each VPP name there are. */
  private readonly known = new Map<string, number>();

  /** The creating and deleting commands in order, with what each read and wrote. */
  private readonly steps: ModelStep<Definition>[] = [];
  private readonly stepIndex = new StepIndex<Definition>();
  /** The step being taken. */
  private step?: ModelStep<Definition>;
  /** While an edit is folded in: the definitions its steps make, placed at the end. */
  private inserting = false;
  /** While a group is taken again at its place (`refoldGroup`): the offset of the step being taken. */
  private takingAt = 0;
  /** ... and the step it was before, whose searches tell where a search there may find an id. */
  private retaking?: ModelStep<Definition>;

  /**
   * The names whose definitions differ from the previous build's (added, gone, refused, deleted
   * elsewhere, a range changed): only the uses of these names need binding again.
   */
  readonly changedNames = new Set<string>();
  /** The previous build's definitions of the command being defined, and where each was deleted then. */
  private earlier?: readonly Definition[];
  private readonly earlierDeletion = new Map<Definition, CommandUse | undefined>();

  constructor(
    private analysis: Pick<Analysis, 'release' | 'schema' | 'commands'>,
    /** Dropped once compared with, so that builds do not keep each other alive. */
    private previous?: ModelBuilder,
    /** Names to count as changed besides those the comparison finds (see `splice`). */
    alsoChanged?: Iterable<string>,
  ) {
    this.state = new NamingState(analysis.release);
    this.state.tracker = this;
    if (alsoChanged) for (const name of alsoChanged) this.changedNames.add(name);
  }

  // --- the state, read and written through the step being taken

  read(key: string, value: unknown, search?: { space: string; from: number }): void {
    this.heard(search ? { key, value, search } : { key, value });
  }

  private heard(read: StepRead<Definition>): void {
    const step = this.step;
    // what the step wrote itself before reading it says nothing of the state it started from
    if (step && !step.writes.includes(read.key)) step.reads.push(read);
  }

  claimed(claim: string, before: string | undefined, after: string | undefined): void {
    const step = this.step;
    if (!step) return;
    step.claims.push({ claim, before, after });
    step.writes.push(`C|${claim}`, ...searchesChangedBy(claim));
  }

  tookFromPool(): void {
    if (this.step) this.step.volatile = true;
  }

  // `live` and `pairs` are keyed by the state keys themselves (`L|…`, `R|…`), so that a step's
  // reads are checked again without cutting the prefix off each key
  private liveAt(key: string): Definition | undefined {
    const at = `L|${key}`;
    const def = this.live.get(at);
    if (this.step) this.read(at, def);
    return def;
  }

  private pairOf(name: string): Pair | undefined {
    const at = `R|${name}`;
    const pair = this.pairs.get(at);
    if (this.step) this.read(at, pair);
    return pair;
  }

  private write<V>(map: Map<string, V>, prefix: string, name: string, value: V | undefined): void {
    const key = `${prefix}${name}`;
    const step = this.step;
    if (step) {
      step.maps.push({ map: map as Map<string, unknown>, key, before: map.get(key), after: value });
      step.writes.push(key);
    }
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }

  // --- definitions

  /** The definitions of a VPP name that VPP accepts, deleted ones too, in creation order (a range's sub-interfaces aside). */
  acceptedNamed(name: string): readonly Definition[] {
    return this.byKey.get(vppKey(name)) ?? NO_DEFINITIONS;
  }

  /** The accepted ranges of sub-interfaces (`create sub-interfaces X 10-20`), in creation order. */
  get acceptedRanges(): readonly Definition[] {
    return this.ranges;
  }

  /** The previous build's definition of the same name by the same command, made anew with these facts. */
  private reuse(fields: DefinitionFields, nameAt: Span): Definition | undefined {
    const old = this.earlier?.find((d) => d.madeBy === this.previous && d.name === fields.name && d.space === fields.space && d.netns === fields.netns);
    if (!old) return undefined;
    const wasLive = !old.clashesWith;
    const range = old.naming?.range;
    this.earlierDeletion.set(old, old.deletedBy);
    old.refresh(this.definitions.length, fields, nameAt);
    old.madeBy = this;
    const newRange = old.naming?.range;
    if (wasLive !== !old.clashesWith) this.changedNames.add(old.name);
    if (range?.first !== newRange?.first || range?.last !== newRange?.last) this.noteRangeChange(old);
    return old;
  }

  private noteRangeChange(def: Definition): void {
    const parent = def.naming?.parent?.text;
    if (parent) this.changedNames.add(parent);
  }

  private noteChange(def: Definition): void {
    this.changedNames.add(def.name);
    if (def.naming?.range) this.noteRangeChange(def);
  }

  /** After the definitions: what changed against the previous build, for `changedNames`. */
  private compareWithPrevious(): void {
    if (!this.previous) return;
    for (const d of this.previous.definitions) {
      if (d.madeBy === this) {
        if (this.earlierDeletion.get(d) !== d.deletedBy) this.changedNames.add(d.name);
        continue;
      }
      this.noteChange(d);
    }
  }

  private add(fields: DefinitionFields, nameAt: Span): Definition {
    let full = this.reuse(fields, nameAt);
    if (!full) {
      full = new Definition(this.definitions.length, fields, nameAt);
      full.madeBy = this;
      if (this.previous) this.noteChange(full);
    }
    this.step?.made.push(full);
    if (!full.clashesWith) this.write(this.live, 'L|', full.key, full);
    if (!this.inserting) {
      this.definitions.push(full);
      this.place(full);
    }
    return full;
  }

  /** Puts a definition (numbered already) into the lists the uses are bound with, in creation order. */
  private place(def: Definition): void {
    def.placed = true;
    if (def.space === 'vpp') this.known.set(def.name, (this.known.get(def.name) ?? 0) + 1);
    if (def.clashesWith) {
      insertInOrder(this.clashes, def);
      return;
    }
    let list = this.byKey.get(def.key);
    if (!list) this.byKey.set(def.key, (list = []));
    insertInOrder(list, def);
    if (def.naming?.range) insertInOrder(this.ranges, def);
  }

  /** Takes a definition out of those lists. */
  private unplace(def: Definition): void {
    if (!def.placed) return;
    def.placed = false;
    if (def.space === 'vpp') {
      const n = (this.known.get(def.name) ?? 1) - 1;
      if (n > 0) this.known.set(def.name, n);
      else this.known.delete(def.name);
    }
    if (def.clashesWith) {
      removeItem(this.clashes, def);
      return;
    }
    const list = this.byKey.get(def.key);
    if (list) {
      removeItem(list, def);
      if (list.length === 0) this.byKey.delete(def.key);
    }
    if (def.naming?.range) removeItem(this.ranges, def);
  }

  private kill(def: Definition, at: CommandUse): void {
    this.heard({ key: def.deletionKey, value: def.deletedBy, definition: def });
    if (def.deletedBy !== undefined) return;
    if (this.step) {
      this.step.deletions.push({ target: def, before: def.deletedBy, after: at });
      this.step.writes.push(def.deletionKey);
    }
    def.deletedBy = at;
    if (this.liveAt(def.key) === def) this.write(this.live, 'L|', def.key, undefined);
    for (const claim of def.naming?.claims ?? []) this.state.free(claim);
    const pair = this.pairOf(def.name);
    if (pair && def.space === 'vpp') {
      // deleting the mirrored interface (or its pair) removes the Linux twin as well
      if (pair.tap) this.kill(pair.tap, at);
      if (pair.linux) this.kill(pair.linux, at);
      this.write(this.pairs, 'R|', def.name, undefined);
    }
  }

  /** First pass: definitions, in the order VPP creates them, and what deletions remove. */
  collectDefinitions(): void {
    for (const lineUse of this.analysis.commands) {
      const step = this.take(lineUse);
      if (!step) continue;
      this.steps.push(step);
      this.stepIndex.add(step);
    }
    this.compareWithPrevious();
    this.previous = undefined;
    this.earlierDeletion.clear();
  }

  /** Runs one command's part of the first pass, if it creates or deletes interfaces. */
  private take(lineUse: CommandUse): ModelStep<Definition> | undefined {
    const use = effectiveUse(lineUse);
    if (!use?.command) return undefined;
    const deletes = isDeletion(use);
    const rule = use.command.creates?.rule;
    const creates = !!rule && rule !== 'bridge-domain';
    if (!deletes && !creates) return undefined;
    const step = (this.step = new ModelStep<Definition>(use));
    try {
      if (deletes) this.applyDeletion(use);
      if (creates) {
        this.earlier = this.previous ? madeFor.get(use) : undefined;
        this.define(use, rule);
      }
    } finally {
      this.step = undefined;
    }
    step.seal();
    if (creates && !this.inserting) madeFor.set(use, step.made);
    return step;
  }

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
    const alone = this.untouchedLater(removed, [], later, true);

    // the new steps are taken once even when later steps depend on the removed ones: what they read
    // and write joins the keys whose later steps are taken again (a name typed into a tap's
    // `host-if-name` may be one a later tap takes)
    let probe: ModelStep<Definition>[] = [];
    if (alone || added.length > 0) {
      for (let i = removed.length - 1; i >= 0; i--) this.undo(removed[i]);
      const inserted = this.takeAll(added);
      if (alone && !inserted.some((st) => st.volatile) && this.untouchedLater(inserted, inserted, later)) {
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
    // not before: a copy of the ~20,000 later steps costs a keystroke folded in above as much as the rest
    const after = steps.slice(last + 1);

    const seeds = [...removed, ...probe];
    // the group without the id spaces' chains first: most edits that free or take an id move one
    // later search, after which the ids held are the same again; the steps outside it that the new
    // steps turn out to touch join it, a few times (a chain through every later automatic loopback
    // is taken with the whole space below)
    let joined: ModelStep<Definition>[] = [];
    for (let round = 0; round < WIDENINGS; round++) {
      const narrow = this.affected(seeds, later, false, joined);
      if (!narrow.spaces || narrow.size >= after.length || narrow.size > NARROW_AT_MOST) break;
      const touched: ModelStep<Definition>[] = [];
      const refolded = this.refoldGroup(narrow, first, from, removed, added, after, touched);
      if (refolded !== 'wider') return refolded === 'done';
      if (touched.length === 0) break;
      joined = [...joined, ...touched];
    }
    const group = this.affected(seeds, later);
    if (group.size < after.length) {
      // only the later steps that share something with the edit, undone and taken again in order:
      // redone as they were when what they read is unchanged, else read anew. The other later steps
      // stay: none of them reads or writes what the group does.
      const members = after.filter((st) => group.has(st));
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
      if (!news.some((st) => st.volatile) && news.every((st) => this.untouchedOutside(st, outside(st), group.covered))) {
        if (this.replaceInPlace(first, removed, fresh, again, news)) return true;
        const result = [...fresh];
        for (const st of after) result.push(...(again.get(st) ?? [st]));
        const replaced = madeBy(removed) + madeBy(after);
        spliceSteps(steps, first, steps.length - first, result);
        this.settle(news, first, result.length, replaced);
        return true;
      }
      for (const st of news) this.noteStep(st);
      return false;
    }

    // every later step undone back to the edit and taken again in order: redone as it was when
    // what it read is unchanged, else read anew
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
   * The later steps that share a key with these steps, and with those, and so on: outside them, no
   * step reads or writes what they touch (`covered`: those keys). A search for a free id reads its
   * whole id space: every later step that searches it or takes or frees an id in it joins. Without
   * `linkSpaces`, id spaces link no steps (`spaces` says whether one was met): the group's searches are
   * then answered for their place (`lowestFreeAt`) and the searches outside it checked after.
   * `members`: later steps known to belong to the group (found touched by an earlier try).
   */
  private affected(seeds: readonly ModelStep<Definition>[], later: (st: ModelStep<Definition>) => boolean, linkSpaces = true, members: readonly ModelStep<Definition>[] = []): Group {
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
      this.stepIndex.someReader(key, reached);
      // the steps that take or free ids of a space matter to the group only if one of its steps
      // searches it: its searches are taken again with none of the later claims in the state
      if (isSpaceKey(key) && !searched && !searchedBySeeds.has(key)) continue;
      this.stepIndex.someWriter(key, reached);
    }
    return group;
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
    after: readonly ModelStep<Definition>[],
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
    for (const st of news) if (!volatile && !this.untouchedOutside(st, outside(st), group.covered, true, touched)) clear = false;
    if (clear) clear = outsideSearchesHold([...removed, ...members].map(placed), taken.map(placed), this.steps, this.stepIndex, (o) => !excluded(o), touched);
    if (!clear) {
      // back to the state before: the new steps undone, the old ones done again
      for (let i = taken.length - 1; i >= 0; i--) this.undo(taken[i]);
      for (const st of removed) this.redo(st);
      for (const st of members) this.redo(st);
      return volatile ? 'rebuild' : 'wider';
    }
    for (const st of removed) this.drop(st);
    for (const st of again.keys()) this.drop(st);
    if (this.replaceInPlace(first, removed, fresh, again, news)) return 'done';
    const result = [...fresh];
    for (const st of after) result.push(...(again.get(st) ?? [st]));
    const replaced = madeBy(removed) + madeBy(after);
    spliceSteps(this.steps, first, this.steps.length - first, result);
    this.settle(news, first, result.length, replaced);
    return 'done';
  }

  /**
   * Whether no step `outside` reads or writes what this step (taken anew) writes, or writes what it
   * reads. The later steps of a `covered` key are all in the group, taken in order.
   */
  private untouchedOutside(
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
      if (this.stepIndex.someReader(key, found) && !touched) return false;
      if (this.stepIndex.someWriter(key, found) && !touched) return false;
    }
    for (const read of st.reads) {
      if (covered.has(read.key) || (spacesApart && read.search)) continue;
      if (this.stepIndex.someWriter(read.key, found) && !touched) return false;
    }
    return clear;
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

  /**
   * Whether no later step reads what these steps wrote, writes it, or writes what `readers` read.
   * A whole id space is read by the searches for a free id in it: of those, only the ones whose
   * answer a claim taken or freed here moves count (`undone`: the steps are taken out, so what they
   * took is free and what they freed is taken).
   */
  private untouchedLater(steps: readonly ModelStep<Definition>[], readers: readonly ModelStep<Definition>[], later: (st: ModelStep<Definition>) => boolean, undone = false): boolean {
    for (const st of steps) {
      for (const key of st.writes) {
        if (isSpaceKey(key)) continue;
        if (this.stepIndex.someReader(key, later)) return false;
        if (this.stepIndex.someWriter(key, later)) return false;
      }
      if (this.movesLaterSearch(st, undone, later)) return false;
    }
    for (const st of readers) for (const read of st.reads) if (this.stepIndex.someWriter(read.key, later)) return false;
    return true;
  }

  /** Whether a claim a step took or freed changes the id a later search finds. */
  private movesLaterSearch(step: ModelStep<Definition>, undone: boolean, later: (st: ModelStep<Definition>) => boolean): boolean {
    for (const c of step.claims) {
      const wasTaken = c.before !== undefined;
      const isTaken = c.after !== undefined;
      if (wasTaken === isTaken) continue;
      const taken = undone ? wasTaken : isTaken;
      const id = Number(c.claim.slice(spaceOf(c.claim).length + 1));
      for (const key of searchesChangedBy(c.claim)) {
        // above every answer: taken, no search found it; freed, none found an id above it
        const highest = this.stepIndex.foundAtMost(key);
        if (taken ? id > highest : id >= highest) continue;
        // the answer first: a search's reads are few, and where it lies is a walk through its tokens
        const moved = (o: ModelStep<Definition>) => o.reads.some((r) => r.key === key && !searchStillAnswers(r, id, taken)) && later(o);
        if (this.stepIndex.someReader(key, moved)) return true;
      }
    }
    return false;
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

  private applyDeletion(use: CommandUse): void {
    const end = use; // the deletion takes effect where this command ends
    const rule = counterpartRule(use, this.analysis);
    const isPairDeletion = rule === 'lcp';
    for (const word of interfaceWords(use)) {
      if (isPairDeletion) {
        const pair = this.pairOf(word.text);
        if (pair?.tap) this.kill(pair.tap, end);
        if (pair?.linux) this.kill(pair.linux, end);
        this.write(this.pairs, 'R|', word.text, undefined);
        continue;
      }
      const def = this.liveAt(vppKey(word.text));
      if (def) this.kill(def, end);
    }
    if (rule === 'host-interface') {
      for (const named of nameInterfacesOnce(use, rule, this.state)) {
        const def = this.liveAt(vppKey(named.name));
        if (def) this.kill(def, end);
      }
    }
  }

  private define(use: CommandUse, rule: NamingRule): void {
    let pairOwner: Definition | undefined;
    let mirrors: string | undefined;
    let pairClash: Definition | undefined;
    let parentTap: string | undefined;
    if (rule === 'lcp') {
      const phy = interfaceWords(use)[0];
      if (phy) {
        mirrors = phy.text;
        pairOwner = this.liveAt(vppKey(phy.text));
        const existing = this.pairOf(phy.text);
        pairClash = existing?.linux ?? existing?.tap;
        const parent = SUB_INTERFACE.exec(phy.text)?.[1];
        if (parent) parentTap = this.pairOf(parent)?.tap?.name;
      }
    }
    const created: Definition[] = [];
    const linux: Definition[] = [];
    if (!pairClash) {
      for (const named of nameInterfacesOnce(use, rule, this.state, parentTap)) {
        const def = this.defineVpp(named, use, rule, mirrors, pairOwner);
        if (def) created.push(def);
      }
    }
    for (const l of linuxInterfacesOnce(use, rule)) {
      if (l.role !== 'creates') continue;
      const owner = rule === 'lcp' ? pairOwner : created[0];
      // only names made the same way are compared: `lcp default netns` may move lcp's Linux side
      const prior = this.liveAt(linuxKey(l.name, l.netns));
      const clashesWith = pairClash ?? (prior?.use.command?.creates?.rule === rule ? prior : undefined);
      linux.push(this.add({ use, mirrors, name: l.name, space: 'linux', netns: l.netns, rule: 'linux', linux: l, owner, clashesWith }, l.token));
    }
    if (rule === 'lcp' && !pairClash) {
      const phy = interfaceWords(use)[0];
      if (phy) this.write(this.pairs, 'R|', phy.text, { tap: created[0], linux: linux[0] });
    }
  }

  private defineVpp(named: NamedInterface, use: CommandUse, rule: NamingRule, mirrors: string | undefined, pairOwner?: Definition): Definition | undefined {
    if (isTemplated(named.name)) return undefined;
    const existing = this.liveAt(vppKey(named.name));
    // VPP hands back the existing AF_PACKET interface, and skips sub-interface ids that exist
    if (existing && (rule === 'host-interface' || rule === 'sub-interface')) return undefined;
    const clashesWith = named.refusedBy !== undefined ? this.liveAt(vppKey(named.refusedBy)) ?? existing : existing;
    const where = named.nameToken ?? pathSpan(use);
    const owner = rule === 'sub-interface' && named.parent ? this.liveAt(vppKey(named.parent.text)) : pairOwner;
    const def = this.add({ use, mirrors, name: named.name, space: 'vpp', rule, naming: named, clashesWith, owner }, where);
    if (!clashesWith) for (const claim of named.claims) this.state.claim(claim, named.name);
    return def;
  }

  /** Second pass: the uses of one line's command, bound to the definition VPP would find at that point. */
  referencesOf(lineUse: CommandUse): InterfaceReference[] {
    const out: InterfaceReference[] = [];
    const use = effectiveUse(lineUse);
    if (!use?.command) return out;
    const certain = new Set(interfaceWords(use));
    for (const token of certain) this.addVppReference(out, token, use, true);
    for (const token of looseWords(use)) if (!certain.has(token) && !isTemplated(token.text) && this.knownName(token.text)) this.addVppReference(out, token, use, false);
    const rule = use.command.creates?.rule ?? (isDeletion(use) ? counterpartRule(use, this.analysis) : undefined);
    if (!rule) return out;
    for (const l of linuxInterfacesOnce(use, rule)) {
      if (l.role !== 'uses') continue;
      out.push(new Reference(l.name, 'linux', l.netns, l.token, undefined, use, true, false, this.bind(linuxKey(l.name, l.netns), l.token.start)));
    }
    // kept per line: exact size (an array grown by push holds room for 17)
    return out.slice();
  }

  /**
   * The names whose definitions a line's uses depend on: every word `referencesOf` looks up, and the
   * parent of a sub-interface name. A line needs binding again only when one of them changes.
   */
  namesReadBy(lineUse: CommandUse): string[] {
    const use = effectiveUse(lineUse);
    if (!use?.command) return [];
    const out: string[] = [];
    const see = (text: string) => {
      out.push(text);
      const parent = SUB_INTERFACE.exec(text)?.[1];
      if (parent !== undefined) out.push(parent);
    };
    for (const token of interfaceWords(use)) see(token.text);
    for (const token of looseWords(use)) see(token.text);
    const rule = use.command.creates?.rule ?? (isDeletion(use) ? counterpartRule(use, this.analysis) : undefined);
    if (rule) for (const l of linuxInterfacesOnce(use, rule)) if (l.role === 'uses') see(l.name);
    return out.slice();
  }

  private knownName(text: string): boolean {
    const known = this.known;
    return known.has(text) || this.rangeHolding(text, Number.POSITIVE_INFINITY) !== undefined || known.has(SUB_INTERFACE.exec(text)?.[1] ?? '');
  }

  private addVppReference(out: InterfaceReference[], token: Token, use: CommandUse, certain: boolean): void {
    const definition = this.bind(vppKey(token.text), token.start) ?? this.rangeHolding(token.text, token.start);
    out.push(new Reference(token.text, 'vpp', undefined, token, undefined, use, certain, false, definition));
    const parent = SUB_INTERFACE.exec(token.text)?.[1];
    if (!parent) return;
    const parentDef = this.bind(vppKey(parent), token.start);
    if (parentDef) out.push(new Reference(parent, 'vpp', undefined, token, parent.length, use, false, true, parentDef));
  }

  /** The sub-interface range (`create sub-interfaces X 10-20`) that holds a name, if any. */
  private rangeHolding(name: string, offset: number): Definition | undefined {
    const m = SUB_INTERFACE.exec(name);
    if (!m) return undefined;
    const id = Number(m[2]);
    return this.ranges.find((d) => d.naming?.parent?.text === m[1] && d.naming.range && id >= d.naming.range.first && id <= d.naming.range.last && d.start <= offset);
  }

  /**
   * The definition a use at `offset` means: the newest one alive there; else the first created
   * later (a use before its creation); else the last one deleted before it.
   */
  private bind(key: string, offset: number): Definition | undefined {
    const defs = this.byKey.get(key);
    if (!defs) return undefined;
    let alive: Definition | undefined;
    let deleted: Definition | undefined;
    for (const d of defs) {
      if (d.end > offset) return alive ?? deleted ?? d;
      if (d.deletedAt === undefined || d.deletedAt > offset) alive = d;
      else deleted = d;
    }
    return alive ?? deleted;
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

/** Inserts a definition into a list kept in creation order. */
const NO_DEFINITIONS: readonly Definition[] = [];

function insertInOrder(list: Definition[], def: Definition): void {
  let i = list.length;
  while (i > 0 && list[i - 1].index > def.index) i--;
  list.splice(i, 0, def);
}

function removeItem<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

