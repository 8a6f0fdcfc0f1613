import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { interfaceModel, type InterfaceDefinition } from '../analysis/interfaceModel';
import { isGroup, type GroupNode, type Item } from '../syntax/tree';

/**
 * Folding: startup.conf blocks, runs of comment lines, script lines continued with `\`, and in a
 * script the consecutive commands that configure one interface.
 */
export function computeFoldingRanges(analysis: Analysis): FoldingRange[] {
  const out = commentRuns(analysis);
  if (analysis.language === 'startup') out.push(...blockRanges(analysis, analysis.tree.items));
  else out.push(...continuedLines(analysis), ...interfaceRuns(analysis));
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function range(startLine: number, endLine: number, kind?: FoldingRangeKind): FoldingRange[] {
  if (endLine <= startLine) return [];
  return [kind ? { startLine, endLine, kind } : { startLine, endLine }];
}

function commentRuns(analysis: Analysis): FoldingRange[] {
  const lines = analysis.lines;
  const commentLines: number[] = [];
  for (const t of analysis.tree.tokens) if (t.kind === 'comment' && lines.startsLine(t.start)) commentLines.push(lines.lineOf(t.start));
  const out: FoldingRange[] = [];
  let first = 0;
  for (let i = 1; i <= commentLines.length; i++) {
    if (i < commentLines.length && commentLines[i] === commentLines[i - 1] + 1) continue;
    out.push(...range(commentLines[first], commentLines[i - 1], FoldingRangeKind.Comment));
    first = i;
  }
  return out;
}

/** A block folds from the line of its name (when `{` opens the next line) to the line before `}`. */
function blockRanges(analysis: Analysis, items: readonly Item[]): FoldingRange[] {
  const lines = analysis.lines;
  const out: FoldingRange[] = [];
  const visit = (list: readonly Item[]) => {
    list.forEach((item, i) => {
      if (!isGroup(item)) return;
      out.push(...range(startLineOf(analysis, item, list[i - 1]), endLineOf(analysis, item)));
      visit(item.items);
    });
  };
  visit(items);
  return out.filter((r) => r.startLine >= 0 && r.endLine < lines.lineCount);
}

function startLineOf(analysis: Analysis, group: GroupNode, before: Item | undefined): number {
  const openLine = analysis.lines.lineOf(group.open.start);
  if (before && analysis.lines.startsLine(group.open.start) && analysis.lines.lineOf(before.end) === openLine - 1) return openLine - 1;
  return openLine;
}

function endLineOf(analysis: Analysis, group: GroupNode): number {
  if (!group.close) return analysis.lines.lineOf(group.end);
  const closeLine = analysis.lines.lineOf(group.close.start);
  return analysis.lines.startsLine(group.close.start) ? closeLine - 1 : closeLine;
}

/** Script lines joined with `\` (a long `comment { ... }` among them). */
function continuedLines(analysis: Analysis): FoldingRange[] {
  const lines = analysis.lines;
  return analysis.tree.lines.flatMap((line) => range(lines.lineOf(line.start), lines.lineOf(line.end)));
}

/**
 * Runs of consecutive commands about the same interface, from the one that creates it. Each
 * command counts for the first interface it creates or names, so the runs never overlap.
 */
function interfaceRuns(analysis: Analysis): FoldingRange[] {
  const model = interfaceModel(analysis);
  const about = new Map<number, string>();
  const keyOf = (def: InterfaceDefinition | undefined, name: string) => (def ? `def:${def.owner?.index ?? def.index}` : `name:${name}`);
  for (const def of model.definitions) if (!about.has(def.use.line.start)) about.set(def.use.line.start, keyOf(def, def.name));
  for (const ref of model.references) {
    if (ref.partial || ref.space !== 'vpp' || about.has(ref.use.line.start)) continue;
    about.set(ref.use.line.start, keyOf(ref.definition, ref.name));
  }
  const lines = analysis.lines;
  const out: FoldingRange[] = [];
  const commands = analysis.tree.lines;
  let first = 0;
  for (let i = 1; i <= commands.length; i++) {
    const key = about.get(commands[first]?.start ?? -1);
    if (i < commands.length && key !== undefined && about.get(commands[i].start) === key) continue;
    if (key !== undefined && i - 1 > first) out.push(...range(lines.lineOf(commands[first].start), lines.lineOf(commands[i - 1].end)));
    first = i;
  }
  return out;
}
