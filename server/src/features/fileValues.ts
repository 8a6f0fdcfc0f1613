import type { Analysis } from '../analysis/analyze';
import { interfaceModel } from '../analysis/interfaceModel';
import { argValues, effectiveUse } from '../analysis/interfaceNaming';
import { collectInterfaces, type DefinedInterface } from '../analysis/interfaces';
import type { ValueKind } from '../schema/types';
import type { Token } from '../syntax/tree';
import type { CommandUse } from '../analysis/cliModel';
import { isTemplated } from '../syntax/tokens';

/**
 * Names a script already uses, offered again where the same kind of value is expected: interface
 * names in other commands, network namespaces given to `host-ns` or `netns`.
 */

const touches = (start: number, end: number, offset: number | undefined) => offset !== undefined && start <= offset && offset <= end;

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

/** The created interfaces with where each ends and is deleted (Infinity: never), read once per analysis. */
const spansByAnalysis = new WeakMap<Analysis, { defined: DefinedInterface[]; ends: Float64Array; deletedAt: Float64Array }>();

function definedSpans(analysis: Analysis): { defined: DefinedInterface[]; ends: Float64Array; deletedAt: Float64Array } {
  let spans = spansByAnalysis.get(analysis);
  if (spans) return spans;
  const defined = collectInterfaces(analysis);
  const ends = new Float64Array(defined.length);
  const deletedAt = new Float64Array(defined.length);
  defined.forEach((d, i) => {
    ends[i] = d.end;
    deletedAt[i] = d.deletedAt ?? Number.POSITIVE_INFINITY;
  });
  spansByAnalysis.set(analysis, (spans = { defined, ends, deletedAt }));
  return spans;
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
  const { defined, ends, deletedAt } = definedSpans(analysis);
  for (let i = 0; i < defined.length; i++) {
    if (ends[i] >= offset) continue;
    // a deleted interface is gone, and no other use should bring it back as a suggestion
    if (deletedAt[i] < offset) seen.add(defined[i].name);
    else add(defined[i].name, defined[i]);
  }
  for (const name of namesUsedOutside(analysis, offset)) add(name);
  return out;
}

/** A VPP interface name the script uses, with its first two uses (in text order) and the order of the first. */
interface UsedName {
  readonly name: string;
  readonly order: number;
  readonly uses: { readonly start: number; readonly end: number }[];
}

/** The interface names each analysis uses, in order of first use: completion asks on every keystroke. */
const usedNamesByAnalysis = new WeakMap<Analysis, { names: UsedName[]; order: Map<{ start: number; end: number }, number> }>();

function usedNames(analysis: Analysis): { names: UsedName[]; order: Map<{ start: number; end: number }, number> } {
  let found = usedNamesByAnalysis.get(analysis);
  if (found) return found;
  const byName = new Map<string, UsedName>();
  const order = new Map<{ start: number; end: number }, number>();
  let index = 0;
  for (const ref of interfaceModel(analysis).references) {
    if (ref.space !== 'vpp' || !ref.certain || ref.partial) continue;
    // positions as numbers: within one analysis they stay put, and getters cost on every keystroke
    const use = { start: ref.start, end: ref.end };
    const known = byName.get(ref.name);
    if (!known) byName.set(ref.name, { name: ref.name, order: index, uses: [use] });
    else if (known.uses.length < 2) known.uses.push(use);
    else {
      index++;
      continue;
    }
    order.set(use, index++);
  }
  found = { names: [...byName.values()], order };
  usedNamesByAnalysis.set(analysis, found);
  return found;
}

/**
 * The interface names used anywhere but at `offset`, in order of first use there: a name whose
 * first use is the word being completed counts from its second use.
 */
function namesUsedOutside(analysis: Analysis, offset: number): string[] {
  const { names, order } = usedNames(analysis);
  const out: string[] = [];
  let moved: { name: string; order: number } | undefined;
  for (const used of names) {
    const first = used.uses[0];
    if (!touches(first.start, first.end, offset)) out.push(used.name);
    else if (used.uses[1] && !touches(used.uses[1].start, used.uses[1].end, offset)) moved = { name: used.name, order: order.get(used.uses[1])! };
  }
  if (moved) {
    // the names are in order of first use; the moved one goes where its second use falls
    let at = 0;
    const firstOrder = new Map(names.map((n) => [n.name, n.order]));
    while (at < out.length && firstOrder.get(out[at])! < moved.order) at++;
    out.splice(at, 0, moved.name);
  }
  return out;
}
