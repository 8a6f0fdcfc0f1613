import type { Analysis } from '../analysis/analyze';
import { createdAboveTest } from '../analysis/interfaceIndex';
import { interfaceModel } from '../analysis/interfaceModel';
import { usedBefore, type NameUse, type NameUses } from '../analysis/nameUses';
import { interfaceCandidates, touches, walkCreated, type InterfaceCandidate } from './fileValues';

/*
 * The interface names completion offers. In a script that creates thousands, those that fit the word
 * typed so far, nearest first, cut at `max` and marked incomplete (the client asks again as the user
 * types). The answer is that of the whole list of candidates (`offeredByWholeList`), read without
 * making that list: the created ones from the cursor up, and, when fewer than `max` of them fit (a
 * word few names fit), the names used elsewhere that fit, found by name in the index of uses the
 * document keeps across edits instead of read from every use in the script per keystroke.
 */

export interface Offered {
  readonly candidates: InterfaceCandidate[];
  readonly incomplete: boolean;
}

/**
 * What completion offers after the word `fits` tests, at most `max` unless the whole list is that
 * short. `typed`: the word typed, lowercased, when `fits` tests that its characters come in that order
 * in the lowercased name; then fewer names are read (those that hold its rarest character, those
 * that fitted the word before it).
 */
export function offeredInterfaces(analysis: Analysis, offset: number, fits: (name: string) => boolean, max: number, typed?: string): Offered {
  const walk = walkCreated(analysis, offset, fits, max, typed);
  if (walk.more) return { candidates: walk.fitting.reverse(), incomplete: true };
  const uses = interfaceModel(analysis).nameUses;
  const used = uses && usedNamesAfter(analysis, uses, offset, fits, max, walk.fitting.length, walk.count, typed);
  if (!used) return offeredByWholeList(analysis, offset, fits, max);
  if ('fewFit' in used) return { candidates: [...walk.fitting.reverse(), ...used.fewFit], incomplete: true };
  // a short list is offered whole, whatever fits: every created one (no more than `max`), then the used names
  const created = fits === everyName ? walk : walkCreated(analysis, offset, everyName, max);
  return { candidates: [...created.fitting.reverse(), ...used.whole], incomplete: false };
}

const everyName = () => true;

/** The answer read from the whole list of candidates (what `offeredInterfaces` must equal). */
export function offeredByWholeList(analysis: Analysis, offset: number, fits: (name: string) => boolean, max: number): Offered {
  const all = interfaceCandidates(analysis, offset);
  if (all.length <= max) return { candidates: all, incomplete: false };
  // from the cursor upwards, so that a script with thousands of interfaces is read only as far as needed
  const kept = new Set<InterfaceCandidate>();
  for (let i = all.length - 1; i >= 0 && kept.size < max; i--) if (all[i].defined && fits(all[i].name)) kept.add(all[i]);
  for (const c of all) {
    if (kept.size >= max) break;
    if (!c.defined && fits(c.name)) kept.add(c);
  }
  return { candidates: all.filter((c) => kept.has(c)), incomplete: true };
}

/**
 * The names used but not created above the cursor: those that fit, in order of first use, as many as
 * follow `fitting` created ones within `max` (`fewFit`); or all of them, fitting or not, when the
 * whole list (`created` created ones and those used names) is no longer than `max` (`whole`), which
 * is then offered whole.
 */
function usedNamesAfter(analysis: Analysis, uses: NameUses, offset: number, fits: (name: string) => boolean, max: number, fitting: number, created: number, typed?: string): { fewFit: InterfaceCandidate[] } | { whole: InterfaceCandidate[] } {
  const createdAbove = createdAboveTest(analysis, offset);
  // a name whose first use is the word being completed counts from its second use; when several
  // are (words that touch), the whole list keeps the last of them in order of first use
  const atCursor = new Set<string>();
  let moved: { name: string; at: NameUse; first: NameUse } | undefined;
  for (const use of uses.usesAt(offset)) {
    const name = use.ref.name;
    if (atCursor.has(name)) continue;
    const [first, second] = uses.firstUsesOf(name, 2);
    if (!first || !touches(first.ref.start, first.ref.end, offset)) continue;
    atCursor.add(name);
    if (second && !touches(second.ref.start, second.ref.end, offset) && (!moved || usedBefore(moved.first, first) < 0)) moved = { name, at: second, first };
  }
  const outside = (name: string): NameUse | undefined => {
    if (atCursor.has(name)) return moved?.name === name ? moved.at : undefined;
    return uses.firstUsesOf(name, 1)[0];
  };
  const inOrder = (picked: { name: string; at: NameUse }[]) => picked.sort((a, b) => usedBefore(a.at, b.at)).map(({ name }) => ({ name }));
  if (created <= max) {
    // a short list is offered whole: read the names used outside up to past `max`
    const all: { name: string; at: NameUse }[] = [];
    if (moved && !createdAbove(moved.name)) all.push({ name: moved.name, at: moved.at });
    for (const name of uses.usedNames()) {
      if (created + all.length > max) break;
      const at = atCursor.has(name) ? undefined : outside(name);
      if (at && !createdAbove(name)) all.push({ name, at });
    }
    if (created + all.length <= max) return { whole: inOrder(all) };
  }
  const picked: { name: string; at: NameUse }[] = [];
  const consider = (name: string) => {
    if (!fits(name)) return;
    const at = outside(name);
    if (at && !createdAbove(name)) picked.push({ name, at });
  };
  for (const name of namesThatFit(uses, fits, typed)) if (!atCursor.has(name)) consider(name);
  if (moved) consider(moved.name);
  return { fewFit: inOrder(picked).slice(0, Math.max(0, max - fitting)) };
}

/** The names of the index that fitted a word typed, per log of names filed (see `ReadersIndex`). */
const fittedByLog = new WeakMap<readonly string[], { typed: string; length: number; names: string[] }>();

/**
 * The names of the index that fit: when the word typed extends the one asked before, those that
 * fitted it and those filed since (a name that fits a word fits every word it extends), else those
 * that hold the word's characters in order (found by the rarest), else all.
 */
function namesThatFit(uses: NameUses, fits: (name: string) => boolean, typed: string | undefined): string[] {
  const names: string[] = [];
  const mark = uses.mark();
  const kept = typed === undefined ? undefined : fittedByLog.get(mark.log);
  const since = kept && typed!.startsWith(kept.typed) ? uses.filedSince({ log: mark.log, length: kept.length }) : undefined;
  const pool: Iterable<string> = kept && since ? new Set([...kept.names, ...since]) : typed ? new Set(uses.namesHolding(typed)) : uses.names();
  for (const name of pool) if (fits(name)) names.push(name);
  if (typed !== undefined) fittedByLog.set(mark.log, { typed, length: mark.length, names });
  return names;
}
