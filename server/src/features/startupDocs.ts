import type { ConfigEntry, StartupModel } from '../analysis/startupModel';
import { inRelease, releasesOfSection, type Schema } from '../schema/index';
import type { StartupParam } from '../schema/types';
import type { GroupNode } from '../syntax/tree';
import { describeReleases, describeValue, pluginNote, sourceNote, type DocText } from './docText';

/** `dev <string> { … }`: how a startup.conf parameter is written. */
export function paramUsage(param: StartupParam): string {
  const key = param.key === '*' ? `<${param.keyName ?? 'name'}>` : param.key;
  const values = (param.values ?? []).map((v) => (v.kind === 'enum' && v.values ? v.values.join('|') : `<${v.kind}>`));
  const block = param.block ? (param.blockOptional ? ' [{ … }]' : ' { … }') : '';
  return `${[key, ...values].join(' ')}${block}`;
}

/** Documentation of a section (`depth` 0) or a parameter inside one, added to `doc`. */
export function paramDoc(doc: DocText, schema: Schema, param: StartupParam, depth: number): DocText {
  doc.para(param.doc);
  for (const v of param.values ?? []) doc.para(`Value: ${describeValue(v)}`);
  const inner = (param.block ?? []).filter((p) => inRelease(p.releases, schema.release) && p.key !== '*');
  if (inner.length) doc.para(`Accepts: ${inner.map((p) => `\`${p.key}\``).join(', ')}`);
  if (param.deprecated) doc.para(`**Deprecated:** ${param.deprecated}`);
  if (param.fatal?.releases.includes(schema.release)) doc.para(`**Stops VPP ${schema.release}:** ${param.fatal.message}`);
  doc.para(pluginNote(schema, param.plugin));
  if (param.definedAt) return doc.para(sourceNote(param.definedAt, doc.markdown));
  const releases = depth === 0 ? releasesOfSection(param.key) : param.releases;
  if (depth === 0 || param.releases) doc.para(`Releases: ${describeReleases(releases)}`);
  return doc;
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
