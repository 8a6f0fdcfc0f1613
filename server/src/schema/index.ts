import commandIndex from './data/commands.json';
import pluginIndex from './data/plugins.json';
import { CORE_COMMANDS } from './cli/coreCommands';
import { INTERFACE_DRIVER_COMMANDS } from './cli/interfaceDrivers';
import { LINUX_CP_COMMANDS } from './cli/linuxCp';
import { readArgsOf } from './generatedArgs';
import { layeredSchema, type SchemaLayer } from './layer';
import { STARTUP_SECTIONS } from './startup/index';
import { RELEASES, type ArgSpec, type CommandSpec, type PluginSpec, type Releases, type StartupParam, type VppRelease } from './types';

export * from './types';
export type { SchemaLayer } from './layer';

export const NEWEST_RELEASE: VppRelease = RELEASES[RELEASES.length - 1];

interface IndexedCommand {
  path: string;
  synopsis: string;
  plugin?: string;
  releases?: string[];
  hasFunction?: boolean;
}

/** A node of the command tree of one release: VPP's sub-command structure. */
export interface CommandNode {
  readonly word: string;
  readonly path: string;
  readonly children: Map<string, CommandNode>;
  /** The registered command at this path, if any (a bare path prefix has none). */
  command?: CommandSpec;
  /** False for a path that VPP only knows as a prefix (`create`, `create interface`). */
  runnable: boolean;
}

export interface Schema {
  readonly release: VppRelease;
  readonly root: CommandNode;
  readonly commands: ReadonlyMap<string, CommandSpec>;
  readonly sections: readonly StartupParam[];
  readonly sectionByKey: ReadonlyMap<string, StartupParam>;
  readonly plugins: ReadonlyMap<string, PluginSpec>;
  /** The VPP tree whose commands replace the release's, when the user's sources are one (see SchemaLayer). */
  readonly sourceTree?: string;
}

export function inRelease(releases: Releases | undefined, release: VppRelease): boolean {
  return !releases || releases.includes(release);
}

/** Focus commands, written option by option, take precedence over the generated index. */
const FOCUS_COMMANDS: readonly CommandSpec[] = [...INTERFACE_DRIVER_COMMANDS, ...LINUX_CP_COMMANDS, ...CORE_COMMANDS];

/**
 * Every registered command, with its arguments as VPP's parser reads them where the extraction
 * read them: one spec per group of releases that read them alike, then a path-only spec for the
 * releases left.
 */
function indexedCommands(): CommandSpec[] {
  const out: CommandSpec[] = [];
  for (const c of commandIndex as IndexedCommand[]) {
    const releases = (c.releases as VppRelease[] | undefined) ?? RELEASES;
    const base = { path: c.path, synopsis: c.synopsis, plugin: c.plugin, runnable: c.hasFunction };
    const covered = new Set<VppRelease>();
    for (const reading of readArgsOf(c.path)) {
      const own = reading.releases ? releases.filter((r) => reading.releases!.includes(r)) : releases;
      if (own.length === 0) continue;
      for (const r of own) covered.add(r);
      out.push({ ...base, ...reading, releases: own.length === RELEASES.length ? undefined : own });
    }
    const rest = releases.filter((r) => !covered.has(r));
    if (rest.length > 0) out.push({ ...base, releases: c.releases ? rest : rest.length === RELEASES.length ? undefined : rest, strict: false });
  }
  return out;
}

/**
 * Words VPP's dispatcher reads itself, at any level, before it looks for a sub-command. They are
 * matched exactly (never by prefix) and so stay out of the command tree.
 */
export const DISPATCHER_WORDS: ReadonlyMap<string, CommandSpec> = new Map(
  CORE_COMMANDS.filter((c) => ['comment', 'uncomment', 'vpplog', 'leak-check', 'help', 'choices', '?'].includes(c.path)).map((c) => [c.path, c]),
);

const ALL_COMMANDS: readonly CommandSpec[] = [...FOCUS_COMMANDS, ...indexedCommands()].filter((c) => !DISPATCHER_WORDS.has(c.path));

/** Every release that has a command path, for "exists only in ..." messages. */
const RELEASES_BY_PATH = new Map<string, Set<VppRelease>>();
for (const spec of ALL_COMMANDS) {
  const set = RELEASES_BY_PATH.get(spec.path) ?? new Set<VppRelease>();
  for (const r of spec.releases ?? RELEASES) set.add(r);
  RELEASES_BY_PATH.set(spec.path, set);
}

/** What `releasesOfCommand` found per path: completion asks for every command word it lists. */
const releasesByPrefix = new Map<string, VppRelease[]>();

/** The releases with a command at `path` or below it (`ikev2 set logging` finds `ikev2 set logging level`). */
export function releasesOfCommand(path: string): VppRelease[] {
  let found = releasesByPrefix.get(path);
  if (!found) {
    const set = new Set<VppRelease>();
    for (const [p, releases] of RELEASES_BY_PATH) {
      if (p === path || p.startsWith(`${path} `)) for (const r of releases) set.add(r);
    }
    found = RELEASES.filter((r) => set.has(r));
    // bounded: the words looked up come from the schema or from the user's lines
    if (releasesByPrefix.size > 10_000) releasesByPrefix.clear();
    releasesByPrefix.set(path, found);
  }
  return found.slice();
}

/** Every command path of every release, for completion of words missing in the chosen one. */
export function allCommandPaths(): string[] {
  return [...RELEASES_BY_PATH.keys()];
}

function restrictArgs(args: readonly ArgSpec[] | undefined, release: VppRelease): ArgSpec[] | undefined {
  return args?.filter((a) => inRelease(a.releases, release));
}

function buildTree(release: VppRelease): { root: CommandNode; commands: Map<string, CommandSpec> } {
  const root: CommandNode = { word: '', path: '', children: new Map(), runnable: false };
  const commands = new Map<string, CommandSpec>();
  for (const spec of ALL_COMMANDS) {
    if (!inRelease(spec.releases, release) || commands.has(spec.path)) continue;
    const forRelease: CommandSpec = { ...spec, args: restrictArgs(spec.args, release) };
    commands.set(spec.path, forRelease);
    let node = root;
    for (const word of spec.path.split(' ')) {
      let child = node.children.get(word);
      if (!child) {
        child = { word, path: node.path ? `${node.path} ${word}` : word, children: new Map(), runnable: false };
        node.children.set(word, child);
      }
      node = child;
    }
    node.command = forRelease;
    node.runnable = (spec as CommandSpec & { runnable?: boolean }).runnable ?? true;
  }
  return { root, commands };
}

function sectionsFor(release: VppRelease): StartupParam[] {
  return STARTUP_SECTIONS.filter((s) => inRelease(s.releases, release) || s.fatal?.releases.includes(release));
}

const cache = new Map<VppRelease, Schema>();

/** The schema of a release, with the user's own vocabulary laid over it when there is some. */
export function schemaFor(release: VppRelease, layer?: SchemaLayer): Schema {
  return layer ? layeredSchema(releaseSchema(release), layer) : releaseSchema(release);
}

function releaseSchema(release: VppRelease): Schema {
  let schema = cache.get(release);
  if (!schema) {
    const { root, commands } = buildTree(release);
    const sections = sectionsFor(release);
    const sectionByKey = new Map<string, StartupParam>();
    for (const s of sections) if (!sectionByKey.has(s.key)) sectionByKey.set(s.key, s);
    const plugins = new Map<string, PluginSpec>();
    for (const p of pluginIndex as PluginSpec[]) if (inRelease(p.releases, release)) plugins.set(p.name, p);
    schema = { release, root, commands, sections, sectionByKey, plugins };
    cache.set(release, schema);
  }
  return schema;
}

/** Every release that has a startup.conf section. */
export function releasesOfSection(key: string): VppRelease[] {
  const set = new Set<VppRelease>();
  for (const s of STARTUP_SECTIONS) if (s.key === key) for (const r of s.releases ?? RELEASES) set.add(r);
  return RELEASES.filter((r) => set.has(r));
}

/** The releases that have a plugin, oldest first. */
export function releasesOfPlugin(name: string): VppRelease[] {
  const spec = (pluginIndex as PluginSpec[]).find((p) => p.name === name);
  return spec ? RELEASES.filter((r) => inRelease(spec.releases, r)) : [];
}

export function pluginDisabledByDefault(schema: Schema, plugin: string): boolean {
  const spec = schema.plugins.get(plugin);
  return !!spec?.defaultDisabled?.includes(schema.release);
}

/** What `allArgsOf` found per path: checking a script asks for the same commands on many lines. */
const argsByPath = new Map<string, ArgSpec[]>();

/** The arguments a command has in any release, each with its releases, for "only in ..." messages. */
export function allArgsOf(path: string): ArgSpec[] {
  let found = argsByPath.get(path);
  if (!found) {
    found = [];
    // the hand-written spec of a path wins over what was read from VPP's source
    const focus = FOCUS_COMMANDS.some((s) => s.path === path);
    for (const spec of focus ? FOCUS_COMMANDS : ALL_COMMANDS) {
      if (spec.path !== path) continue;
      for (const arg of spec.args ?? []) found.push({ ...arg, releases: arg.releases ?? spec.releases });
    }
    if (argsByPath.size > 10_000) argsByPath.clear();
    argsByPath.set(path, found);
  }
  return found.slice();
}
