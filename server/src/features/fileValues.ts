import type { Analysis } from '../analysis/analyze';
import { interfaceModel } from '../analysis/interfaceModel';
import { argValues, effectiveUse } from '../analysis/interfaceNaming';
import { createdBefore, walkCreatedBefore } from '../analysis/interfaceIndex';
import type { DefinedInterface } from '../analysis/interfaces';
import type { ValueKind } from '../schema/types';
import type { Token } from '../syntax/tree';
import type { CommandUse } from '../analysis/cliModel';
import { isTemplated } from '../syntax/tokens';

/**
 * Names a script already uses, offered again where the same kind of value is expected: interface
 * names in other commands, network namespaces given to `host-ns` or `netns`.
 */

export const touches = (start: number, end: number, offset: number | undefined) => offset !== undefined && start <= offset && offset <= end;

interface UsedValue {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The values each line uses, read once per line: a line an edit leaves alone keeps its command, and this with it. */
const valuesByLine = new WeakMap<CommandUse, readonly { kind: ValueKind; token: Token }[]>();

function valuesOfLine(lineUse: CommandUse): readonly { kind: ValueKind; token: Token }[] {
  let values = valuesByLine.get(lineUse);
  if (values) return values;
  const out: { kind: ValueKind; token: Token }[] = [];
  const use = effectiveUse(lineUse);
  if (use) {
    for (const list of argValues(use).values()) {
      for (const v of list) if (v.token && !v.problem && !isTemplated(v.token.text)) out.push({ kind: v.spec.kind, token: v.token });
    }
  }
  valuesByLine.set(lineUse, (values = out.length > 0 ? out : NO_VALUES));
  return values;
}

const NO_VALUES: readonly { kind: ValueKind; token: Token }[] = [];

/** The values of each kind the script uses, in order, put together once per analysis: completion asks on every keystroke. */
const usedValuesByAnalysis = new WeakMap<Analysis, Map<ValueKind, UsedValue[]>>();

function usedValues(analysis: Analysis): Map<ValueKind, UsedValue[]> {
  let byKind = usedValuesByAnalysis.get(analysis);
  if (byKind) return byKind;
  byKind = new Map();
  for (const lineUse of analysis.commands) {
    for (const { kind, token } of valuesOfLine(lineUse)) {
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push(token);
    }
  }
  usedValuesByAnalysis.set(analysis, byKind);
  return byKind;
}

/** Distinct texts of the values of `kind` in the script, in order of appearance, skipping the word at `exceptAt`. */
export function valuesUsedInFile(analysis: Analysis, kind: ValueKind, exceptAt?: number): string[] {
  const seen = new Set<string>();
  for (const token of usedValues(analysis).get(kind) ?? []) if (!touches(token.start, token.end, exceptAt)) seen.add(token.text);
  return [...seen];
}

export interface InterfaceCandidate {
  name: string;
  /** The command that creates it, when the script does. */
  defined?: DefinedInterface;
}

/**
 * The last `max` of `interfaceCandidates(analysis, offset)` that were created and fit, in the same
 * order, read from the cursor upwards without making the whole list (the created interfaces are in
 * the order of their commands: those above the cursor are found by a binary search); undefined when
 * that list is not longer than `max` or fewer than `max` created ones fit (the caller then reads the
 * whole list).
 */
export function lastCreatedCandidates(analysis: Analysis, offset: number, fits: (name: string) => boolean, max: number): InterfaceCandidate[] | undefined {
  const walk = walkCreated(analysis, offset, fits, max);
  return walk.more ? walk.fitting.reverse() : undefined;
}

/**
 * The created candidates of `interfaceCandidates(analysis, offset)` read from the cursor up: those
 * that fit, nearest first, until `max` fit and one more candidate follows (`more`); else all of them
 * that fit and how many candidates there are (`count`, exact while no more than `max`). `typed`: the
 * word typed (lowercased) whose characters every name that fits holds in its lowercase, to skip the others.
 */
export function walkCreated(analysis: Analysis, offset: number, fits: (name: string) => boolean, max: number, typed?: string): { fitting: InterfaceCandidate[]; more: boolean; count: number } {
  const { fitting, more, count } = walkCreatedBefore(analysis, offset, fits, max, typed);
  return { fitting: fitting.map((d) => ({ name: d.name, defined: d })), more, count };
}

/** Interfaces created above `offset` (and not deleted there), then other interface names the file uses. */
export function interfaceCandidates(analysis: Analysis, offset: number): InterfaceCandidate[] {
  const out: InterfaceCandidate[] = [];
  const seen = new Set<string>();
  const add = (name: string, defined?: DefinedInterface) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, defined });
  };
  const { list, above, firsts } = createdBefore(analysis, offset);
  for (let i = 0; i < above; i++) {
    // the first creation of a name decides; a deleted interface is gone, and no other use should
    // bring it back as a suggestion
    if (firsts[i] !== 1) continue;
    const d = list[i];
    seen.add(d.name);
    const deletedAt = d.deletedAt;
    if (deletedAt === undefined || deletedAt >= offset) out.push({ name: d.name, defined: d });
  }
  for (const name of namesUsedOutside(analysis, offset)) add(name);
  return out;
}

/** A use of an interface name: where it stands and its place among all uses. */
interface NameUse {
  readonly start: number;
  readonly end: number;
  readonly order: number;
}

/** A VPP interface name the script uses, with its first two uses in text order. */
interface UsedName {
  readonly name: string;
  readonly uses: NameUse[];
}

/** The interface names each analysis uses, in order of first use: completion asks on every keystroke. */
const usedNamesByAnalysis = new WeakMap<Analysis, UsedName[]>();

function usedNames(analysis: Analysis): UsedName[] {
  let found = usedNamesByAnalysis.get(analysis);
  if (found) return found;
  const byName = new Map<string, UsedName>();
  let order = 0;
  for (const ref of interfaceModel(analysis).references) {
    if (ref.space !== 'vpp' || !ref.certain || ref.partial) continue;
    // positions as numbers: within one analysis they stay put, and getters cost on every keystroke
    const use = { start: ref.start, end: ref.end, order: order++ };
    const known = byName.get(ref.name);
    if (!known) byName.set(ref.name, { name: ref.name, uses: [use] });
    else if (known.uses.length < 2) known.uses.push(use);
  }
  usedNamesByAnalysis.set(analysis, (found = [...byName.values()]));
  return found;
}

/**
 * The interface names used anywhere but at `offset`, in order of first use there: a name whose
 * first use is the word being completed counts from its second use.
 */
function namesUsedOutside(analysis: Analysis, offset: number): string[] {
  const kept: { name: string; order: number }[] = [];
  let moved: { name: string; order: number } | undefined;
  for (const { name, uses } of usedNames(analysis)) {
    const [first, second] = uses;
    if (!touches(first.start, first.end, offset)) kept.push({ name, order: first.order });
    else if (second && !touches(second.start, second.end, offset)) moved = { name, order: second.order };
  }
  if (moved) {
    const at = kept.findIndex((k) => k.order > moved.order);
    kept.splice(at < 0 ? kept.length : at, 0, moved);
  }
  return kept.map((k) => k.name);
}
