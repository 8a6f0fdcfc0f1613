import { isTemplated } from '../syntax/tokens';
import type { Token } from '../syntax/tree';
import type { Analysis } from './analyze';
import type { CommandUse } from './cliModel';
import type { InterfaceReference } from './interfaceModel';
import {
  searchesChangedBy,
  type AllocatorTracker,
  effectiveUse,
  isDeletion,
  linuxInterfacesOnce,
  nameInterfacesOnce,
  type NamedInterface,
  type NamingRule,
} from './interfaceNaming';
import { Definition, type DefinitionFields, linuxKey, Reference, vppKey } from './modelDefinition';
import { madeFor, ModelFold, type Pair } from './modelFold';
import { ModelStep, type StepRead } from './modelSteps';
import { counterpartRule, interfaceWords, looseWords, pathSpan, SUB_INTERFACE, type Span } from './modelWords';

/**
 * Builds the model in two passes: the definitions in the order VPP creates them, then the uses of
 * each command bound to them. Kept by an incremental update, it binds the uses of edited lines
 * again without redoing the definitions when no edited line creates or deletes interfaces, and
 * folds in an edit of such lines where it happened (`splice`, modelFold.ts) when nothing after it
 * depends on it.
 */
export class ModelBuilder extends ModelFold implements AllocatorTracker {
  /** The definitions VPP refuses, in order. */
  readonly clashes: Definition[] = [];
  private readonly byKey = new Map<string, Definition[]>();
  private readonly ranges: Definition[] = [];
  /** How many definitions of each VPP name there are. */
  private readonly known = new Map<string, number>();
  /** The step being taken. */
  private step?: ModelStep<Definition>;

  /** The previous build's definitions of the command being defined, and where each was deleted then. */
  private earlier?: readonly Definition[];
  private readonly earlierDeletion = new Map<Definition, CommandUse | undefined>();

  constructor(
    analysis: Pick<Analysis, 'release' | 'schema' | 'commands'>,
    /** Dropped once compared with, so that builds do not keep each other alive. */
    private previous?: ModelBuilder,
    /** Names to count as changed besides those the comparison finds (see `splice`). */
    alsoChanged?: Iterable<string>,
  ) {
    super(analysis);
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

  protected override noteChange(def: Definition): void {
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
  protected override place(def: Definition): void {
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
  protected override unplace(def: Definition): void {
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
  protected override take(lineUse: CommandUse): ModelStep<Definition> | undefined {
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

const NO_DEFINITIONS: readonly Definition[] = [];

/** Inserts a definition into a list kept in creation order. */
function insertInOrder(list: Definition[], def: Definition): void {
  let i = list.length;
  while (i > 0 && list[i - 1].index > def.index) i--;
  list.splice(i, 0, def);
}

function removeItem<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
