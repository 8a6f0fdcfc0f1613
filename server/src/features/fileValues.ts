import type { Analysis } from '../analysis/analyze';
import { interfaceModel } from '../analysis/interfaceModel';
import { argValues, effectiveUse } from '../analysis/interfaceNaming';
import { collectInterfaces, type DefinedInterface } from '../analysis/interfaces';
import type { ValueKind } from '../schema/types';
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

/** The values of each kind the script uses, in order, read once per analysis: completion asks on every keystroke. */
const usedValuesByAnalysis = new WeakMap<Analysis, Map<ValueKind, UsedValue[]>>();

function usedValues(analysis: Analysis): Map<ValueKind, UsedValue[]> {
  let byKind = usedValuesByAnalysis.get(analysis);
  if (byKind) return byKind;
  byKind = new Map();
  for (const lineUse of analysis.commands) {
    const use = effectiveUse(lineUse);
    if (!use) continue;
    for (const values of argValues(use).values()) {
      for (const v of values) {
        const token = v.token;
        if (!token || v.problem || isTemplated(token.text)) continue;
        let list = byKind.get(v.spec.kind);
        if (!list) byKind.set(v.spec.kind, (list = []));
        list.push(token);
      }
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

/** Interfaces created above `offset` (and not deleted there), then other interface names the file uses. */
export function interfaceCandidates(analysis: Analysis, offset: number): InterfaceCandidate[] {
  const out: InterfaceCandidate[] = [];
  const seen = new Set<string>();
  const add = (name: string, defined?: DefinedInterface) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, defined });
  };
  for (const defined of collectInterfaces(analysis)) {
    if (defined.end >= offset) continue;
    // a deleted interface is gone, and no other use should bring it back as a suggestion
    if (defined.deletedAt !== undefined && defined.deletedAt < offset) seen.add(defined.name);
    else add(defined.name, defined);
  }
  for (const ref of interfaceModel(analysis).references) {
    if (ref.space === 'vpp' && ref.certain && !ref.partial && !touches(ref.start, ref.end, offset)) add(ref.name);
  }
  return out;
}
