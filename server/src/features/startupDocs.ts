import type { ConfigEntry, StartupModel } from '../analysis/startupModel';
import { inRelease, releasesOfSection, type Schema } from '../schema/index';
import { RELEASES, type StartupParam } from '../schema/types';
import type { GroupNode } from '../syntax/tree';
import { describeReleases, describeValue, firstSentence, pluginNote, sourceNote, type DocText, type HoverDetail } from './docText';

/** `dev <string> { … }`: how a startup.conf parameter is written. */
export function paramUsage(param: StartupParam): string {
  const { key, values, block } = paramUsageParts(param);
  return `${[key, ...values].join(' ')}${block}`;
}

/** The pieces of a parameter's usage: its key, one word per value (`<size>`, `on|off`), its block. */
export function paramUsageParts(param: StartupParam): { key: string; values: string[]; block: string } {
  return {
    key: param.key === '*' ? `<${param.keyName ?? 'name'}>` : param.key,
    values: (param.values ?? []).map((v) => (v.kind === 'enum' && v.values ? v.values.join('|') : `<${v.kind}>`)),
    block: param.block ? (param.blockOptional ? ' [{ … }]' : ' { … }') : '',
  };
}

/**
 * Documentation of a section (`depth` 0) or a parameter inside one, added to `doc`. Where the
 * release refuses it, what VPP says takes the place of the description, and the releases say
 * which accept it.
 */
export function paramDoc(doc: DocText, schema: Schema, param: StartupParam, depth: number, detail: HoverDetail = 'full'): DocText {
  const fatal = param.fatal?.releases.includes(schema.release);
  if (fatal) doc.para(`**Stops VPP ${schema.release}:** ${param.fatal!.message}`);
  else doc.para(detail === 'short' ? firstSentence(param.doc) : param.doc);
  for (const v of param.values ?? []) doc.para(`Value: ${describeValue(v)}`);
  const inner = (param.block ?? []).filter((p) => inRelease(p.releases, schema.release) && p.key !== '*');
  if (inner.length) doc.para(`Accepts: ${inner.map((p) => `\`${p.key}\``).join(', ')}`);
  if (param.deprecated) doc.para(`**Deprecated:** ${param.deprecated}`);
  doc.para(pluginNote(schema, param.plugin));
  if (param.definedAt) return doc.para(sourceNote(param.definedAt, doc.markdown));
  if (depth !== 0 && !param.releases && !param.fatal) return doc;
  const releases = depth === 0 ? releasesOfSection(param.key) : (param.releases ?? RELEASES);
  if (!param.fatal) return doc.para(`Releases: ${describeReleases(releases)}`);
  const accepted = releases.filter((r) => !param.fatal!.releases.includes(r));
  return doc.para(`Releases: ${describeReleases(accepted)}; VPP refuses to start with it from ${param.fatal.releases[0]}`);
}

/** The entry whose `{ }` is the innermost of `groups` (outermost first), if the model has one. */
export function entryForGroups(model: StartupModel | undefined, groups: readonly GroupNode[]): ConfigEntry | undefined {
  let entries: readonly ConfigEntry[] = model?.sections ?? [];
  let found: ConfigEntry | undefined;
  for (const group of groups) {
    found = entries.find((e) => e.block === group);
    if (!found) return undefined;
    entries = found.children;
  }
  return found;
}
