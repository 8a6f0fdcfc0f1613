import type { InterfaceReference } from './interfaceModel';
import type { Segment } from './scriptSegment';

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

export interface NameUses {
  /** Every name some line reads: the names of all uses among them (and words that are not uses). */
  names(): Iterable<string>;
  /** The certain, whole VPP uses of `name`, in text order. */
  usesOf(name: string): NameUse[];
  /** The certain, whole VPP uses whose word touches `offset` (starts or ends there, or holds it). */
  usesAt(offset: number): NameUse[];
}

/** `a` comes before `b` among the script's references. */
export const usedBefore = (a: NameUse, b: NameUse) => a.line - b.line || a.place - b.place;

const isNameUse = (r: InterfaceReference) => r.space === 'vpp' && r.certain && !r.partial;

type Readers = readonly Segment[] | ReadonlySet<Segment>;

/** Over the document's own index and lines (both changed in place by later edits, as the model's definitions are). */
export function nameUsesOf(readersOf: ReadonlyMap<string, Readers>, lineSegments: readonly Segment[]): NameUses {
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
    usesOf(name) {
      const out: NameUse[] = [];
      for (const segment of readersOf.get(name) ?? []) if (!segment.dead) usesIn(segment, name, out);
      return out.sort(usedBefore);
    },
    usesAt(offset) {
      const out: NameUse[] = [];
      // the line holding `offset`, and its neighbours (a word may end where the next line starts)
      let lo = 0;
      let hi = lineSegments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineSegments[mid].anchor.base <= offset) lo = mid;
        else hi = mid - 1;
      }
      for (let i = Math.max(0, lo - 1); i <= Math.min(lineSegments.length - 1, lo + 1); i++) usesIn(lineSegments[i], undefined, out, offset);
      return out.sort(usedBefore);
    },
  };
}
