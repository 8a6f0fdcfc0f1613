import type { Analysis } from '../analysis/analyze';
import { matchArgs, type ArgPattern } from '../analysis/args';
import type { ConfigEntry } from '../analysis/startupModel';
import { paramPatterns } from '../analysis/startupModel';
import { inRelease, type Schema } from '../schema/index';
import type { StartupParam, ValueSpec } from '../schema/types';
import { isGroup, type Item } from '../syntax/tree';
import { CompletionItemKind, keywordContinuations, snippetFor, type CompletionSink } from './completionItems';
import type { Cursor } from './cursor';
import { DocText } from './docText';
import { startupSnippetItems } from './snippets';
import { entryForGroups, paramDoc, paramUsage } from './startupDocs';

/** Completion in startup.conf: section names, the parameters of the block around the cursor, values. */
export function startupCompletions(analysis: Analysis, cursor: Cursor, sink: CompletionSink): void {
  const before = cursor.levels[cursor.levels.length - 1];
  if (cursor.groups.length === 0) {
    topLevel(analysis, cursor, before, sink);
    startupSnippetItems(analysis, cursor, sink);
    return;
  }
  const entry = entryForGroups(analysis.startup, cursor.groups);
  if (entry?.param?.block) blockItems(analysis.schema, entry, entry.param.block, before, sink);
}

function isFatal(schema: Schema, param: StartupParam): boolean {
  return !!param.fatal?.releases.includes(schema.release);
}

/**
 * At the top level words pair up as `section value`; an odd word out is a section awaiting its
 * value. Sections the file has already are not offered again: VPP would join the two, but a
 * second `unix` is almost always a mistake.
 */
function topLevel(analysis: Analysis, cursor: Cursor, before: readonly Item[], sink: CompletionSink): void {
  const schema = analysis.schema;
  let awaiting: Item | undefined;
  for (let i = 0; i < before.length; i++) {
    if (isGroup(before[i])) continue;
    if (i + 1 < before.length) i++;
    else awaiting = before[i];
  }
  if (!awaiting) {
    const present = new Set((analysis.startup?.sections ?? []).filter((e) => !(e.start <= cursor.offset && cursor.offset <= e.end)).map((e) => e.param?.key));
    for (const section of schema.sections) {
      if (!isFatal(schema, section) && !present.has(section.key)) paramItem(schema, section, section.key, 0, sink, 5);
    }
    return;
  }
  const section = isGroup(awaiting) ? undefined : schema.sectionByKey.get(awaiting.text);
  if (!section) return;
  if (section.block) blockOpener(sink);
  if (section.values?.[0]) valueItems(schema, undefined, section, section.values[0], sink);
}

function blockOpener(sink: CompletionSink): void {
  sink.add({ label: '{ … }', kind: CompletionItemKind.Snippet, detail: 'open the block', snippet: '{\n\t$0\n}', plain: '{ }', rank: 0 });
}

function blockItems(schema: Schema, entry: ConfigEntry, params: readonly StartupParam[], before: readonly Item[], sink: CompletionSink): void {
  const patterns = paramPatterns(params, schema.release);
  const result = matchArgs(before, patterns);
  const last = result.matches[result.matches.length - 1];
  const atEnd = !!last && !before.some((a) => a.start >= last.end);
  const pending = atEnd ? last.values[last.values.length - 1] : undefined;
  const continuations = keywordContinuations(patterns, before);
  if (pending?.problem === 'missing') {
    valueItems(schema, entry, last.pattern.spec, pending.spec, sink);
    for (const c of continuations) paramItem(schema, c.pattern.spec, c.rest, entry.depth + 1, sink, 1);
    return;
  }
  if (continuations.length > 0) {
    for (const c of continuations) paramItem(schema, c.pattern.spec, c.rest, entry.depth + 1, sink, 0);
    return;
  }
  // `dev 0000:02:00.0 |`: the parameter's own block may open here
  if (atEnd && last.pattern.spec.block && !last.block) blockOpener(sink);
  const given = new Set(result.matches.map((m) => m.pattern.spec));
  for (const pattern of patterns) {
    const param = pattern.spec;
    if (param.key === '*' || isFatal(schema, param)) continue;
    if (given.has(param) && !param.repeatable && !param.block) continue;
    paramItem(schema, param, param.key, entry.depth + 1, sink, 5);
  }
}

function paramItem(schema: Schema, param: StartupParam, words: string, depth: number, sink: CompletionSink, rank: number): void {
  const values = param.values ?? [];
  const needsBlock = !!param.block && !param.blockOptional;
  let snippet: string | undefined;
  if (values.length || needsBlock) snippet = `${snippetFor(words, values)}${needsBlock ? ' {\n\t$0\n}' : ''}`;
  sink.add({
    label: words,
    kind: param.block ? CompletionItemKind.Module : values.length ? CompletionItemKind.Property : CompletionItemKind.Keyword,
    detail: `${paramUsage(param)}${param.plugin ? ` (${param.plugin} plugin)` : ''}`,
    doc: paramDoc(new DocText(sink.caps.markdown), schema, param, depth),
    snippet,
    rank,
    deprecated: !!param.deprecated,
  });
}

/** `plugins { plugin <file> }` names a plugin's .so file; other values come from their enums. */
function valueItems(schema: Schema, entry: ConfigEntry | undefined, param: StartupParam, spec: ValueSpec, sink: CompletionSink): void {
  if (entry?.param?.key === 'plugins' && param.key === 'plugin') {
    for (const plugin of [...schema.plugins.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      if (!inRelease(plugin.releases, schema.release)) continue;
      const disabled = plugin.defaultDisabled?.includes(schema.release);
      const doc = new DocText(sink.caps.markdown).para(plugin.description).para(disabled ? `Disabled by default in ${schema.release}: \`{ enable }\` loads it.` : undefined);
      sink.add({ label: `${plugin.name}_plugin.so`, kind: CompletionItemKind.File, detail: plugin.description, doc, rank: disabled ? 0 : 1 });
    }
    return;
  }
  if (spec.kind !== 'enum') return;
  for (const value of spec.values ?? []) {
    sink.add({ label: value, kind: CompletionItemKind.EnumMember, detail: `value of \`${param.key}\``, doc: new DocText(sink.caps.markdown).para(param.doc), rank: 0 });
  }
}
