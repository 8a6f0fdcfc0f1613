import type { Hover, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { ConfigEntry } from '../analysis/startupModel';
import { INTERFACE_TYPES } from '../schema/docs/interfaceTypes';
import type { StartupParam, ValueSpec } from '../schema/types';
import type { Token } from '../syntax/tree';
import { offsetOf, wordAt } from './cursor';
import { describeValue, DocText, interfaceTypeDoc, type HoverDetail } from './docText';
import { cliHover } from './hoverCli';
import { paramDoc, paramUsage } from './startupDocs';

/**
 * Hover documentation: commands (with the course facts of interface types), options, values and
 * interface names in scripts; sections, parameters and values in startup.conf. `short` leads with
 * the syntax and one sentence, then the facts; `full` adds the course's long text.
 */
export function computeHover(analysis: Analysis, position: Position, markdown: boolean, detail: HoverDetail = 'short'): Hover | null {
  const offset = offsetOf(analysis, position);
  const token = wordAt(analysis, offset);
  if (!token) return null;
  const doc = analysis.language === 'cli' ? cliHover(analysis, token, markdown, detail) : startupHover(analysis, token, markdown, detail);
  if (!doc || doc.empty) return null;
  return { contents: doc.content(), range: analysis.lines.range(token.start, token.end) };
}

function startupHover(analysis: Analysis, token: Token, markdown: boolean, detail: HoverDetail): DocText | undefined {
  const found = findEntry(analysis.startup?.sections ?? [], token, undefined);
  if (!found?.entry.param) return undefined;
  const { entry, parent } = found;
  const param = entry.param!;
  const schema = analysis.schema;
  if (found.value) return valueHover(analysis, param, found.value, token, parent, markdown);
  const written = param.key === '*' ? entry.key.map((k) => k.text).join(' ') : param.key;
  const doc = new DocText(markdown).code(paramUsage({ ...param, key: written }), 'vpp-startup');
  if (param.key === '*') doc.para(`A ${param.keyName ?? 'name'} inside \`${parent?.param?.key ?? ''}\`.`);
  else if (parent?.param) doc.para(`Parameter of \`${parent.param.key}\`.`);
  paramDoc(doc, schema, param, entry.depth, detail);
  const type = entry.depth === 0 ? INTERFACE_TYPES.find((t) => t.id === param.key) : undefined;
  if (type) interfaceTypeDoc(doc, type, detail);
  return doc;
}

function valueHover(analysis: Analysis, param: StartupParam, spec: ValueSpec, token: Token, parent: ConfigEntry | undefined, markdown: boolean): DocText {
  const doc = new DocText(markdown);
  if (parent?.param?.key === 'plugins' && param.key === 'plugin') {
    const plugin = analysis.schema.plugins.get(token.text.replace(/_plugin\.so$/, ''));
    if (plugin) {
      doc.para(`**${plugin.name}** plugin${plugin.description ? `: ${plugin.description}` : ''}`);
      if (plugin.defaultDisabled?.includes(analysis.schema.release)) doc.para(`Disabled by default in ${analysis.schema.release}; \`{ enable }\` loads it.`);
      return doc;
    }
  }
  return doc.para(`Value of \`${param.key}\`: ${describeValue(spec)}.`).para(param.doc);
}

interface Found {
  entry: ConfigEntry;
  parent?: ConfigEntry;
  value?: ValueSpec;
}

function findEntry(entries: readonly ConfigEntry[], token: Token, parent: ConfigEntry | undefined): Found | undefined {
  for (const entry of entries) {
    if (token.start < entry.start || token.start >= entry.end) continue;
    if (entry.key.some((k) => k.start === token.start)) return { entry, parent };
    const value = entry.values.find((v) => v.token?.start === token.start);
    if (value) return { entry, parent, value: value.spec };
    const inner = findEntry(entry.children, token, entry);
    if (inner) return inner;
  }
  return undefined;
}
