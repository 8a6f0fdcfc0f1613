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
  const commands = new Map(base.commands);
  const root = copyNode(base.root);
  // the release's nodes are shared by every analysis: copy the ones on a layer path before changing them
  const copied = new Set<CommandNode>([root]);
  for (const spec of layer.commands) {
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
  const own = new Set(layer.sections.map((s) => s.key));
  const sections = [...base.sections.filter((s) => !own.has(s.key)), ...layer.sections];
  const sectionByKey = new Map(base.sectionByKey);
  for (const s of layer.sections) sectionByKey.set(s.key, s);
  const plugins = new Map(base.plugins);
  for (const p of layer.plugins) plugins.set(p.name, p);
  return { release: base.release, root, commands, sections, sectionByKey, plugins };
}

function copyNode(node: CommandNode): CommandNode {
  return { ...node, children: new Map(node.children) };
}
