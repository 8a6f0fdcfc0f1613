import type { CommandUse } from './cliModel';

/**
 * What each creating or deleting command of a script did to the interface model's state, so that an
 * edit of a few such commands can be folded in where it happened instead of building the model again.
 *
 * The state is a set of keys: `L|<name key>` the interface that holds a name, `R|<name>` a linux-cp
 * pair, `C|<claim>` an id held in one of VPP's allocators, `X|<definition>` whether a definition is
 * deleted yet, and `S|<id space>`, the whole of an id space, which a command that takes the lowest
 * free id reads (`S|<id space>@<floor>`: the ids from that floor on, where linux-cp searches). A step
 * records the keys it read with the values it found, the keys it wrote, and each write's value before
 * and after, so that it can be undone, redone, or found to read something else now.
 */

/** A key written into a whole id space only matters to the commands that search it. */
export const isSpaceKey = (key: string): boolean => key.startsWith('S|');

/** A write to a map of the state; undefined stands for an absent key. */
export interface MapWrite {
  readonly map: Map<string, unknown>;
  readonly key: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A definition marked deleted (or not) by a step. */
export interface DeletionWrite<T> {
  readonly target: T;
  readonly before: CommandUse | undefined;
  readonly after: CommandUse | undefined;
}

/** What a step read: the key, the value it found, and what is needed to read it again. */
export interface StepRead<D> {
  readonly key: string;
  readonly value: unknown;
  /** For `X|`: the definition whose deletion was read. */
  readonly definition?: D;
  /** For `S|`: the search, whose value is the id it found. */
  readonly search?: { readonly space: string; readonly from: number };
}

/**
 * Whether a search for the lowest free id (`read`, with the id it found) finds the same id when,
 * earlier, id `id` of its space is taken (`taken`) or freed that was not. A taken id moves the
 * search only if it is the one found (an id below it was taken already, or the search would have
 * found it); a freed one only if it lies between the search's floor and the id found.
 */
export function searchStillAnswers<D>(read: StepRead<D>, id: number, taken: boolean): boolean {
  if (!read.search || !Number.isInteger(id)) return false;
  const found = read.value as number;
  return taken ? found !== id : !(read.search.from <= id && id < found);
}

export class ModelStep<D> {
  reads: StepRead<D>[] = [];
  writes: string[] = [];
  maps: MapWrite[] = [];
  /** Definitions this step deleted. */
  deletions: DeletionWrite<D>[] = [];
  /** Claims made or freed, with their holder before and after. */
  claims: { readonly claim: string; readonly before: string | undefined; readonly after: string | undefined }[] = [];
  /** The definitions the step made. */
  made: D[] = [];
  /** The step took a number from a device pool, whose order cannot be undone. */
  volatile = false;

  constructor(readonly use: CommandUse) {}

  /**
   * Called once the step is taken: its lists are kept for the whole document (a step per creating
   * line), and an array grown by push holds room for 17 items, so each is copied to its size.
   */
  seal(): void {
    this.reads = this.reads.slice();
    this.writes = this.writes.slice();
    this.maps = this.maps.slice();
    this.deletions = this.deletions.slice();
    this.claims = this.claims.slice();
    this.made = this.made.slice();
  }
}

/**
 * The steps of one key: a short list, or a set once there are many (every automatic loopback reads
 * `S|loop-instance`: a list made each removal a search through thousands).
 */
type Holders<D> = ModelStep<D>[] | Set<ModelStep<D>>;

/** From this many steps on a key's steps are a set. */
const SET_FROM = 9;

/** Who reads and who writes each key, to find the steps an edit of other steps may change. */
export class StepIndex<D> {
  private readonly readers = new Map<string, Holders<D>>();
  private readonly writers = new Map<string, Holders<D>>();

  /**
   * Per id space searched: an id no search found above (the highest found, never lowered when a
   * step goes), so that a claim far above every search's answer is seen to move none of them.
   */
  private readonly highestFound = new Map<string, number>();

  add(step: ModelStep<D>): void {
    for (const read of step.reads) {
      put(this.readers, read.key, step);
      if (read.search && (read.value as number) > (this.highestFound.get(read.key) ?? -1)) this.highestFound.set(read.key, read.value as number);
    }
    for (const key of step.writes) put(this.writers, key, step);
  }

  remove(step: ModelStep<D>): void {
    for (const read of step.reads) drop(this.readers, read.key, step);
    for (const key of step.writes) drop(this.writers, key, step);
  }

  /** Whether a step for which `test` holds reads the key. */
  someReader(key: string, test: (step: ModelStep<D>) => boolean): boolean {
    return some(this.readers.get(key), test);
  }

  /** An id at or above every id a search of this key found (-1: none searched). */
  foundAtMost(key: string): number {
    return this.highestFound.get(key) ?? -1;
  }

  /** The steps that write the key. */
  writersOf(key: string): Iterable<ModelStep<D>> {
    return this.writers.get(key) ?? [];
  }

  /** Whether a step for which `test` holds writes the key. */
  someWriter(key: string, test: (step: ModelStep<D>) => boolean): boolean {
    return some(this.writers.get(key), test);
  }
}

function some<T>(items: T[] | Set<T> | undefined, test: (item: T) => boolean): boolean {
  if (!items) return false;
  for (const item of items) if (test(item)) return true;
  return false;
}

function put<D>(map: Map<string, Holders<D>>, key: string, step: ModelStep<D>): void {
  const holders = map.get(key);
  if (!holders) map.set(key, [step]);
  else if (!Array.isArray(holders)) holders.add(step);
  else if (holders.length + 1 < SET_FROM) holders.push(step);
  else map.set(key, new Set(holders).add(step));
}

function drop<D>(map: Map<string, Holders<D>>, key: string, step: ModelStep<D>): void {
  const holders = map.get(key);
  if (!holders) return;
  if (!Array.isArray(holders)) {
    holders.delete(step);
    if (holders.size === 0) map.delete(key);
    return;
  }
  const at = holders.lastIndexOf(step);
  if (at >= 0) holders.splice(at, 1);
  if (holders.length === 0) map.delete(key);
}
