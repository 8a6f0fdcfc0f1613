import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { interfaceModel, occurrenceAt, referencesTo, type InterfaceOccurrence } from '../analysis/interfaceModel';
import type { SourceLocation } from '../schema/types';
import { commandUseAt, offsetOf, wordAt } from './cursor';
import { fileUri } from './docText';

/**
 * Go to definition, find references and highlights for interface names in a script: the
 * definition is the value (or, for a number VPP picks, the command words) that gives the interface
 * its name; the references are every later use of the name. Commands and sections of the user's
 * own C sources go to their registration there.
 */

function occurrence(analysis: Analysis, position: Position): InterfaceOccurrence | undefined {
  if (analysis.language !== 'cli') return undefined;
  return occurrenceAt(interfaceModel(analysis), analysis.lines.offsetAt(position));
}

export function computeDefinition(analysis: Analysis, uri: string, position: Position): Location[] {
  const def = occurrence(analysis, position)?.definition;
  if (def) return [{ uri, range: analysis.lines.range(def.nameStart, def.nameEnd) }];
  const source = sourceDefinition(analysis, offsetOf(analysis, position));
  if (!source) return [];
  const at = { line: source.line, character: 0 };
  return [{ uri: fileUri(source.file), range: { start: at, end: at } }];
}

/** A command word of a script, or a startup.conf section, that the user's own C sources define: its line there. */
function sourceDefinition(analysis: Analysis, offset: number): SourceLocation | undefined {
  const token = wordAt(analysis, offset);
  if (!token) return undefined;
  if (analysis.language === 'startup') {
    return analysis.startup?.sections.find((s) => s.key.some((k) => k.start === token.start))?.param?.definedAt;
  }
  const use = commandUseAt(analysis, token);
  const onPath = use?.path.findIndex((p) => p.token.start === token.start) ?? -1;
  if (!use || onPath < 0) return undefined;
  // any word of a complete command goes to the command, as hover documents the whole command
  return (use.kind === 'command' ? use.command : use.path[onPath].node.command)?.definedAt;
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
