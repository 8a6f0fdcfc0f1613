import type { InterfaceReference } from './interfaceModel';
import { holdsInOrder, lowercase } from './createdNames';
import { segmentAt, type Segment } from './scriptSegment';

/*
 * The uses of interface names by name, from the index of readers the document keeps across edits
 * (each line filed under the names it reads): completion after a word few names fit asks for the
 * names used in the script that fit it, and making the list of every name used, per keystroke, was
 * most of its time at 100k lines.
 */

/** A VPP interface name used where the schema wants one, with where it stands among all such uses. */
export interface NameUse {
  readonly ref: InterfaceReference;
  /** The start of its line and its place among the line's references: the order of `references`. */
  readonly line: number;
  readonly place: number;
}

/** Where the log of names filed stood: names filed since are those after `length`, while `log` is the same. */
export interface FiledMark {
  readonly log: readonly string[];
  readonly length: number;
}

export interface NameUses {
  /** Every name some line reads: the names of all uses among them (and words that are not uses). */
  names(): Iterable<string>;
  /** The names of all uses, each once: far fewer than `names` where lines read many words that are no interface (a route's addresses). */
  usedNames(): Iterable<string>;
  /** Where the log of names filed stands now. */
  mark(): FiledMark;
  /** The names filed since `mark` (some perhaps taken out again since), or undefined when that is not known. */
  filedSince(mark: FiledMark): readonly string[] | undefined;
  /**
   * The names whose lowercase holds the characters of `typed` (lowercase) in that order: every name of
   * the index that does, perhaps twice, and perhaps names taken out of it since.
   */
  namesHolding(typed: string): Iterable<string>;
  /**
   * The first `count` certain, whole VPP uses of `name`, in text order: a name such as a route's
   * interface has tens of thousands of uses, and completion needs its first one or two.
   */
  firstUsesOf(name: string, count: number): NameUse[];
  /** The certain, whole VPP uses whose word touches `offset` (starts or ends there, or holds it). */
  usesAt(offset: number): NameUse[];
}

/** `a` comes before `b` among the script's references. */
export const usedBefore = (a: NameUse, b: NameUse) => a.line - b.line || a.place - b.place;

export const isNameUse = (r: InterfaceReference) => r.space === 'vpp' && r.certain && !r.partial;

type Readers = readonly Segment[] | ReadonlySet<Segment>;

/** Past this many more names filed than the index holds, the log starts again from the index's names. */
const LOG_SLACK = 20_000;

/**
 * The document's index of readers by name, with a log of the names filed in it: a request for a word
 * typed one more character reads only the names that fit the word before it, and those filed since.
 */
export class ReadersIndex<R> extends Map<string, R> {
  log: string[] = [];

  override set(name: string, readers: R): this {
    if (!this.has(name)) {
      // the log holds every name of the index (and names taken out since): a new log when it grew far past them
      if (this.log.length >= this.size * 2 + LOG_SLACK) this.log = [...this.keys()];
      this.log.push(name);
    }
    return super.set(name, readers);
  }

  override clear(): void {
    this.log = [];
    super.clear();
  }
}

/** Over the document's own index and lines (both changed in place by later edits, as the model's definitions are). */
export function nameUsesOf(readersOf: ReadersIndex<Readers>, useCounts: ReadonlyMap<string, number>, lineSegments: readonly Segment[]): NameUses {
  const usesIn = (segment: Segment, name: string | undefined, out: NameUse[], offset?: number) => {
    const refs = segment.references;
    const line = segment.anchor.base;
    for (let k = 0; k < refs.length; k++) {
      const r = refs[k];
      if (!isNameUse(r) || (name !== undefined && r.name !== name)) continue;
      if (offset !== undefined && !(r.start <= offset && offset <= r.end)) continue;
      out.push({ ref: r, line, place: k });
    }
  };
  return {
    names: () => readersOf.keys(),
    usedNames: () => useCounts.keys(),
    mark: () => ({ log: readersOf.log, length: readersOf.log.length }),
    namesHolding: (typed) => logNamesHolding(readersOf.log, typed),
    filedSince: (mark) => (mark.log === readersOf.log && mark.length <= mark.log.length ? mark.log.slice(mark.length) : undefined),
    firstUsesOf(name, count) {
      // the `count` first lines that use it (a reader may only read the name, not use it), then their uses in order
      const first: Segment[] = [];
      const scratch: NameUse[] = [];
      for (const segment of readersOf.get(name) ?? []) {
        if (segment.dead || (first.length === count && segment.anchor.base >= first[count - 1].anchor.base)) continue;
        scratch.length = 0;
        usesIn(segment, name, scratch);
        if (scratch.length === 0) continue;
        let at = first.length;
        while (at > 0 && first[at - 1].anchor.base > segment.anchor.base) at--;
        first.splice(at, 0, segment);
        if (first.length > count) first.pop();
      }
      const out: NameUse[] = [];
      for (const segment of first) usesIn(segment, name, out);
      return out.slice(0, count);
    },
    usesAt(offset) {
      const out: NameUse[] = [];
      // the line holding `offset`, and its neighbours (a word may end where the next line starts)
      const lo = segmentAt(lineSegments, offset);
      for (let i = Math.max(0, lo - 1); i <= Math.min(lineSegments.length - 1, lo + 1); i++) usesIn(lineSegments[i], undefined, out, offset);
      return out.sort(usedBefore);
    },
  };
}

/** The names of a log lowercased and joined, each followed by a newline, made up to the log's length when asked. */
interface JoinedLog {
  text: string;
  /** Where each name of the log starts in `text`. */
  readonly starts: number[];
  /** How many times each ASCII character occurs in `text`. */
  readonly counts: Int32Array;
}

const joinedByLog = new WeakMap<readonly string[], JoinedLog>();

function joinedLog(log: readonly string[]): JoinedLog {
  let joined = joinedByLog.get(log);
  if (!joined) joinedByLog.set(log, (joined = { text: '', starts: [], counts: new Int32Array(128) }));
  if (joined.starts.length < log.length) {
    const parts: string[] = [];
    let at = joined.text.length;
    for (let k = joined.starts.length; k < log.length; k++) {
      const lower = lowercase(log[k]);
      joined.starts.push(at);
      parts.push(lower);
      at += lower.length + 1;
      for (let i = 0; i < lower.length; i++) {
        const c = lower.charCodeAt(i);
        if (c < 128) joined.counts[c]++;
      }
    }
    joined.text += `${parts.join('\n')}\n`;
  }
  return joined;
}

/** The names of the log that hold `typed` in order, found by its rarest character. */
function logNamesHolding(log: readonly string[], typed: string): string[] {
  const joined = joinedLog(log);
  const { text, starts, counts } = joined;
  let rare = typed.charCodeAt(0);
  for (let t = 1; t < typed.length; t++) {
    const c = typed.charCodeAt(t);
    if (c >= 128 || (rare < 128 && counts[c] < counts[rare])) rare = c;
  }
  const needle = String.fromCharCode(rare);
  const out: string[] = [];
  for (let at = text.indexOf(needle); at >= 0; ) {
    // the name whose span holds `at`
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    const end = lo + 1 < starts.length ? starts[lo + 1] - 1 : text.length - 1;
    if (holdsInOrder(text, starts[lo], end, typed)) out.push(log[lo]);
    at = text.indexOf(needle, end + 1);
  }
  return out;
}
