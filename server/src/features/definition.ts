import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { interfaceModel, occurrenceAt, referencesTo, type InterfaceOccurrence } from '../analysis/interfaceModel';

/**
 * Go to definition, find references and highlights for interface names in a script: the
 * definition is the value (or, for a number VPP picks, the command words) that gives the interface
 * its name; the references are every later use of the name.
 */

function occurrence(analysis: Analysis, position: Position): InterfaceOccurrence | undefined {
  if (analysis.language !== 'cli') return undefined;
  return occurrenceAt(interfaceModel(analysis), analysis.lines.offsetAt(position));
}

export function computeDefinition(analysis: Analysis, uri: string, position: Position): Location[] {
  const def = occurrence(analysis, position)?.definition;
  return def ? [{ uri, range: analysis.lines.range(def.nameStart, def.nameEnd) }] : [];
}

export function computeReferences(analysis: Analysis, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const target = occurrence(analysis, position);
  if (!target) return [];
  const spans: { start: number; end: number }[] = [];
  if (includeDeclaration && target.definition) spans.push({ start: target.definition.nameStart, end: target.definition.nameEnd });
  spans.push(...referencesTo(interfaceModel(analysis), target));
  return spans.map((s) => ({ uri, range: analysis.lines.range(s.start, s.end) }));
}

export function computeDocumentHighlights(analysis: Analysis, position: Position): DocumentHighlight[] {
  const target = occurrence(analysis, position);
  if (!target) return [];
  const out: DocumentHighlight[] = [];
  const def = target.definition;
  if (def) out.push({ range: analysis.lines.range(def.nameStart, def.nameEnd), kind: DocumentHighlightKind.Write });
  for (const r of referencesTo(interfaceModel(analysis), target)) out.push({ range: analysis.lines.range(r.start, r.end), kind: DocumentHighlightKind.Read });
  return out;
}
