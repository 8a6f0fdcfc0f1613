import type { CommandNode, Schema } from './index';
import type { CommandSpec, PluginSpec, StartupParam } from './types';

/**
 * Vocabulary that comes from outside the modelled releases (the C sources of the plugin the user is
 * writing): commands, startup.conf sections and plugins, laid over the schema of the release in
 * force. Everything that reads a `Schema` sees them, so no checker or feature has a second path.
 */
export interface SchemaLayer {
  /** Changes whenever the vocabulary changes: analyses made with another id are stale. */
  readonly id: string;
  readonly commands: readonly CommandSpec[];
  readonly sections: readonly StartupParam[];
  readonly plugins: readonly PluginSpec[];
  /**
   * Set when the sources are a whole VPP tree: its commands replace the release's (a command the
   * tree lacks is unknown), so a developer on master or on a fork gets exactly their VPP.
   */
  readonly sourceTree?: string;
}

const layered = new WeakMap<SchemaLayer, Map<Schema, Schema>>();

/** The release's schema with the layer's words added; a word of the layer wins over the release's. */
export function layeredSchema(base: Schema, layer: SchemaLayer): Schema {
  let byBase = layered.get(layer);
  if (!byBase) layered.set(layer, (byBase = new Map()));
  let schema = byBase.get(base);
  if (!schema) {
    schema = buildLayered(base, layer);
    byBase.set(base, schema);
  }
  return schema;
}

function buildLayered(base: Schema, layer: SchemaLayer): Schema {
  const commands = new Map(layer.sourceTree ? [] : base.commands);
  const root = layer.sourceTree ? { ...base.root, children: new Map<string, CommandNode>() } : copyNode(base.root);
  // the release's nodes are shared by every analysis: copy the ones on a layer path before changing them
  const copied = new Set<CommandNode>([root]);
  for (const own of layer.commands) {
    const modelled = base.commands.get(own.path);
    const spec = modelled ? overModelledCommand(modelled, own) : own;
    commands.set(spec.path, spec);
    let node = root;
    for (const word of spec.path.split(' ')) {
      let child = node.children.get(word);
      if (!child) child = { word, path: node.path ? `${node.path} ${word}` : word, children: new Map(), runnable: false };
      else if (!copied.has(child)) child = copyNode(child);
      copied.add(child);
      node.children.set(word, child);
      node = child;
    }
    node.command = spec;
    node.runnable = true;
  }
  const ownSections = new Map<string, StartupParam>();
  for (const s of layer.sections) {
    const modelled = base.sectionByKey.get(s.key);
    ownSections.set(s.key, modelled ? overModelledSection(modelled, s) : s);
  }
  const sections = [...base.sections.filter((s) => !ownSections.has(s.key)), ...ownSections.values()];
  const sectionByKey = new Map(base.sectionByKey);
  for (const s of ownSections.values()) sectionByKey.set(s.key, s);
  const plugins = new Map(base.plugins);
  for (const p of layer.plugins) plugins.set(p.name, p);
  return { release: base.release, root, commands, sections, sectionByKey, plugins, sourceTree: layer.sourceTree };
}

/**
 * A command the release has too. Our model of it is read from the same kind of parser, with what a
 * reader of one file cannot see (interface naming, which reads the model's argument names; other
 * files' unformat functions): it stays, unless the source reads other words than the model does
 * (the user changed the command).
 */
function overModelledCommand(modelled: CommandSpec, own: CommandSpec): CommandSpec {
  const words = (spec: CommandSpec) => [...new Set((spec.args ?? []).map((a) => a.keyword ?? `<${a.values?.[0]?.kind ?? ''}>`))].sort().join(' ');
  if (!own.strict || modelled.creates || words(own) === words(modelled)) return { ...modelled, definedAt: own.definedAt };
  return own;
}

/** A section the release has too: the model stays, with the parameters the source reads and the model lacks. */
function overModelledSection(modelled: StartupParam, own: StartupParam): StartupParam {
  const known = new Set((modelled.block ?? []).map((p) => p.key));
  const added = own.strict ? (own.block ?? []).filter((p) => !known.has(p.key)) : [];
  return { ...modelled, block: modelled.block && added.length ? [...modelled.block, ...added] : modelled.block, definedAt: own.definedAt };
}

function copyNode(node: CommandNode): CommandNode {
  return { ...node, children: new Map(node.children) };
}
