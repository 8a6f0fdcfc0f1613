import { inRelease, type Schema } from '../schema/index';
import type { StartupParam, VppRelease } from '../schema/types';
import { isTemplated } from '../syntax/tokens';
import { isGroup, type GroupNode, type Item, type Token } from '../syntax/tree';
import { finish, type Steps } from './steps';
import { argResult, newArgScan, scanArgs, type ArgPattern, type UnknownRun, type ValueMatch } from './args';

/** A section or parameter of startup.conf as VPP pairs it with the schema. */
export interface ConfigEntry {
  readonly param?: StartupParam;
  readonly key: readonly Token[];
  readonly values: readonly ValueMatch[];
  /** The `{ ... }` of a block, or the single word VPP hands a section written `unix nodaemon`. */
  readonly block?: GroupNode;
  readonly children: readonly ConfigEntry[];
  /** Words inside the block that no parameter accepts. */
  readonly unknown: readonly UnknownRun[];
  /** In a block with `lookups`: the first word VPP does not know, where its loop ends, unless it ended earlier. */
  readonly stop?: UnknownRun;
  readonly start: number;
  readonly end: number;
  readonly depth: number;
  /** The parameters this entry's block may hold (all releases), for messages and completion. */
  readonly allowed: readonly StartupParam[];
}

export interface StartupModel {
  readonly sections: readonly ConfigEntry[];
  /** Top-level words VPP cannot read as `name value`. */
  readonly strays: readonly { item: Item; reason: 'unknown-section' | 'missing-value' | 'group-without-name' }[];
}

const patternCache = new WeakMap<readonly StartupParam[], Map<VppRelease, ArgPattern<StartupParam>[]>>();

/** Made once per list of parameters and release: each of 20,000 `plugin x { }` made them anew. Never written to. */
export function paramPatterns(params: readonly StartupParam[], release: VppRelease): ArgPattern<StartupParam>[] {
  let byRelease = patternCache.get(params);
  if (!byRelease) patternCache.set(params, (byRelease = new Map()));
  let patterns = byRelease.get(release);
  if (!patterns) byRelease.set(release, (patterns = makePatterns(params, release)));
  return patterns;
}

function makePatterns(params: readonly StartupParam[], release: VppRelease): ArgPattern<StartupParam>[] {
  return params.filter((p) => inRelease(p.releases, release)).map((spec) => ({
    spec,
    words: spec.key.split(' '),
    values: spec.values ?? [],
    block: spec.block ? (spec.blockOptional || (spec.values?.length ?? 0) > 0 ? 'optional' : 'required') : 'no',
    repeatable: spec.repeatable ?? true,
  }));
}

/** Jinja statements and comments stand alone; they are not a section name with a value. */
const STANDALONE_TEMPLATE = /^\{[%#][^]*[%#]\}$/;

export function buildStartupModel(items: readonly Item[], schema: Schema): StartupModel {
  return finish(buildingStartupModel(items, schema));
}

/** How many top-level items one step of `buildingStartupModel` reads. */
const ITEMS_PER_STEP = 2048;

/** `buildStartupModel` in steps (see steps.ts). */
export function* buildingStartupModel(items: readonly Item[], schema: Schema): Steps<StartupModel> {
  const sections: ConfigEntry[] = [];
  const strays: StartupModel['strays'][number][] = [];
  for (let i = 0, next = ITEMS_PER_STEP; i < items.length; i++) {
    if (i >= next) {
      next = i + ITEMS_PER_STEP;
      yield;
    }
    const name = items[i];
    if (isGroup(name)) {
      strays.push({ item: name, reason: 'group-without-name' });
      continue;
    }
    if (name.kind !== 'word') continue; // a stray `}` was reported by the parser
    if (STANDALONE_TEMPLATE.test(name.text)) continue;
    const value = items[i + 1];
    const param = schema.sectionByKey.get(name.text);
    if (!value || (!isGroup(value) && value.kind !== 'word')) {
      if (!isTemplated(name.text)) strays.push({ item: name, reason: param ? 'missing-value' : 'unknown-section' });
      continue;
    }
    i++;
    if (!param || isTemplated(name.text)) {
      if (!isTemplated(name.text)) strays.push({ item: name, reason: 'unknown-section' });
      continue;
    }
    sections.push(yield* sectionEntry(name, value, param, schema.release));
  }
  return { sections, strays };
}

function* sectionEntry(name: Token, value: Item, param: StartupParam, release: VppRelease): Steps<ConfigEntry> {
  if (param.values && param.values.length > 0 && !param.block) {
    const token = isGroup(value) ? undefined : value;
    const values: ValueMatch[] = [{ spec: param.values[0], token, problem: token ? undefined : 'missing' }];
    return { param, key: [name], values, children: [], unknown: [], start: name.start, end: value.end, depth: 0, allowed: [] };
  }
  const content = isGroup(value) ? value.items : [value];
  const { children, unknown } = yield* blockEntries(content, param.block ?? [], 1, release);
  return {
    param,
    key: [name],
    values: [],
    block: isGroup(value) ? value : undefined,
    children,
    unknown: param.strict ? unknown : [],
    stop: !param.strict && param.lookups ? loopStop(unknown, children) : undefined,
    start: name.start,
    end: value.end,
    depth: 0,
    allowed: param.block ?? [],
  };
}

/** The first unknown run, unless a known word with a value VPP cannot read ends the loop before it. */
function loopStop(unknown: readonly UnknownRun[], children: readonly ConfigEntry[]): UnknownRun | undefined {
  const first = unknown[0];
  if (!first || isGroup(first.first)) return undefined;
  const earlier = children.some((c) => c.start < first.first.start && c.values.some((v) => v.problem));
  return earlier ? undefined : first;
}

/** How many items of a block one step matches, and how many of its entries one step makes. */
const BLOCK_ITEMS_PER_STEP = 4096;
const ENTRIES_PER_STEP = 1024;

function* blockEntries(items: readonly Item[], params: readonly StartupParam[], depth: number, release: VppRelease): Steps<{ children: ConfigEntry[]; unknown: UnknownRun[] }> {
  const patterns = paramPatterns(params, release);
  const scan = newArgScan<StartupParam>();
  for (;;) {
    scanArgs(items, patterns, scan, scan.i + BLOCK_ITEMS_PER_STEP);
    if (scan.i >= items.length) break;
    yield;
  }
  const result = argResult(scan);
  const children: ConfigEntry[] = [];
  for (const m of result.matches) {
    if (children.length % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const nested = m.block && m.pattern.spec.block ? yield* blockEntries(m.block.items, m.pattern.spec.block, depth + 1, release) : undefined;
    children.push({
      param: m.pattern.spec,
      key: m.keyword,
      values: m.values,
      block: m.block,
      children: nested?.children ?? [],
      unknown: nested && m.pattern.spec.strict ? nested.unknown : [],
      start: m.start,
      end: m.end,
      depth,
      allowed: m.pattern.spec.block ?? [],
    });
  }
  return { children, unknown: result.unknown };
}

/**
 * The key under which `pluginSwitches` records `plugin default { }`: false when it disables every
 * plugin not enabled by name. VPP keeps the last one and looks only at its first word
 * (vlib_plugin_config in src/vlib/unix/plugin.c).
 */
export const DEFAULT_PLUGINS = 'default';

/** Plugins that this startup.conf turns on or off in its `plugins { }` section, and its `plugin default`. */
export function pluginSwitches(model: StartupModel): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const section of model.sections) {
    if (section.param?.key !== 'plugins') continue;
    for (const entry of section.children) {
      if (entry.param?.key === 'plugin default') {
        const first = entry.block?.items[0];
        out.set(DEFAULT_PLUGINS, !(first && !isGroup(first) && first.text === 'disable'));
        continue;
      }
      if (entry.param?.key !== 'plugin') continue;
      const file = entry.values[0]?.token?.text;
      if (!file || !entry.block) continue;
      const words = entry.block.items.filter((x): x is Token => !isGroup(x)).map((t) => t.text);
      const name = file.replace(/_plugin\.so$/, '').replace(/\.so$/, '');
      if (words.includes('enable')) out.set(name, true);
      else if (words.includes('disable')) out.set(name, false);
    }
  }
  return out;
}
