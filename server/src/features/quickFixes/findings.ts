import type { Analysis } from '../../analysis/analyze';
import type { CommandUse } from '../../analysis/cliModel';
import type { ConfigEntry } from '../../analysis/startupModel';
import type { ArgSpec, StartupParam, ValueSpec } from '../../schema/types';
import { firstTokenAt } from '../../syntax/tree';
import { scriptLineAt } from '../cursor';

/**
 * What a diagnostic stands on, read again from the current analysis (not from the diagnostic's
 * data): the value at an offset with the spec it must meet, and the command or entry around it.
 */

export interface ValueAt {
  spec: ValueSpec;
  /** The command option or startup.conf parameter the value belongs to. */
  owner: ArgSpec | StartupParam;
}

/** The command use of a script line that holds `offset`, nested commands first. */
export function useAt(analysis: Analysis, offset: number): CommandUse | undefined {
  let found = lineUseAt(analysis, offset);
  while (found?.nested && found.nested.items.length > 0 && found.nested.items[0].start <= offset) found = found.nested;
  return found;
}

/** The use of the line holding `offset`: one use per logical line, so the line's index finds it (fix-all asks for many). */
function lineUseAt(analysis: Analysis, offset: number): CommandUse | undefined {
  const line = scriptLineAt(analysis, offset);
  if (!line) return undefined;
  const use = analysis.commands[firstTokenAt(analysis.tree.lines, line.start)];
  return use?.line === line ? use : analysis.commands.find((u) => u.line === line);
}

/** The startup.conf entry whose key or values hold `offset`, the innermost one. */
export function entryAt(entries: readonly ConfigEntry[] | undefined, offset: number): ConfigEntry | undefined {
  for (const entry of entries ?? []) {
    if (offset < entry.start || offset >= entry.end) continue;
    return entryAt(entry.children, offset) ?? entry;
  }
  return undefined;
}

/** The value whose word starts at `offset`, in a script command or a startup.conf parameter. */
export function valueAt(analysis: Analysis, offset: number): ValueAt | undefined {
  if (analysis.language === 'cli') {
    const use = useAt(analysis, offset);
    for (const m of use?.match?.matches ?? []) {
      const value = m.values.find((v) => v.token?.start === offset);
      if (value) return { spec: value.spec, owner: m.pattern.spec };
    }
    return undefined;
  }
  const entry = entryAt(analysis.startup?.sections, offset);
  const value = entry?.values.find((v) => v.token?.start === offset);
  return value && entry?.param ? { spec: value.spec, owner: entry.param } : undefined;
}

/**
 * The positional enum a command still lacks, when the word at `offset` was refused as an unknown
 * option: `set interface state tap0 upp` lacks its state, and `upp` was meant as one.
 */
export function missingPositionalEnum(analysis: Analysis, offset: number): ValueAt | undefined {
  if (analysis.language !== 'cli') return undefined;
  const use = useAt(analysis, offset);
  const given = new Set(use?.match?.matches.map((m) => m.pattern.spec) ?? []);
  const arg = use?.command?.args?.find((a) => !a.keyword && a.values?.[0]?.kind === 'enum' && !given.has(a));
  return arg ? { spec: arg.values![0], owner: arg } : undefined;
}
