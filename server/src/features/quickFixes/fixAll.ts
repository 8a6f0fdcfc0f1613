import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';

/** The code action kind of "fix everything that has a preferred fix" (editor.codeActionsOnSave can run it). */
export const FIX_ALL_KIND = 'source.fixAll.vpp';

/**
 * Fix-all: the preferred fix of each diagnostic, put together into one edit of this file. Where two
 * fixes touch the same text only the first is taken (the next run takes the other), so the edit
 * never garbles a line.
 */
export function mergePreferred(uri: string, actions: readonly CodeAction[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const action of actions) {
    const changes = action.edit?.changes;
    if (!action.isPreferred || !changes || Object.keys(changes).some((u) => u !== uri)) continue;
    const edits = changes[uri] ?? [];
    if (edits.some((e) => taken.some((t) => overlaps(t.range, e.range)))) continue;
    taken.push(...edits);
  }
  return taken;
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const same = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;

/** Touching ranges overlap only when one is an insertion at the other's place (their order would be unclear). */
function overlaps(a: Range, b: Range): boolean {
  if (same(a.start, b.start)) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}

/** "Fix all `code` in the file", offered on a diagnostic when at least two of its code have a preferred fix. */
export function fixAllOfCode(uri: string, d: Diagnostic, all: readonly Diagnostic[], actionsOf: (d: Diagnostic) => CodeAction[]): CodeAction | undefined {
  const sameCode = all.filter((x) => x.code === d.code);
  if (sameCode.length < 2) return undefined;
  const actions = sameCode.flatMap(actionsOf);
  if (actions.filter((a) => a.isPreferred).length < 2) return undefined;
  const edits = mergePreferred(uri, actions);
  if (edits.length === 0) return undefined;
  return { title: `Fix all \`${String(d.code)}\` in the file`, kind: 'quickfix', diagnostics: sameCode, edit: { changes: { [uri]: edits } } };
}

/** `source.fixAll.vpp`: every preferred fix of the file in one edit. */
export function fixAll(uri: string, all: readonly Diagnostic[], actionsOf: (d: Diagnostic) => CodeAction[]): CodeAction | undefined {
  const edits = mergePreferred(uri, all.flatMap(actionsOf));
  if (edits.length === 0) return undefined;
  return { title: 'Fix all VPP problems that have a preferred fix', kind: FIX_ALL_KIND, diagnostics: [...all], edit: { changes: { [uri]: edits } } };
}
