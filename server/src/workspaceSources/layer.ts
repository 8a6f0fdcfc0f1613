import type { SchemaLayer } from '../schema/layer';
import type { CommandSpec, PluginSpec, StartupParam } from '../schema/types';
import type { SourceVocabulary } from './readSource';

/**
 * One schema layer from what the files of the user's sources add. A command or section belongs to
 * the plugin registered in its folder or the nearest folder above it, as VPP's build puts a plugin's
 * files in one .so. `sourceTree` is the folder when the files are a whole VPP tree.
 */
export function buildLayer(files: Iterable<SourceVocabulary>, id: string, sourceTree?: string): SchemaLayer {
  const all = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const plugins = all.filter((f) => f.plugin).map((f) => ({ folder: folderOf(f.file), plugin: f.plugin! }));
  // the deepest folder first, so that the nearest registration wins
  plugins.sort((a, b) => b.folder.length - a.folder.length);
  const pluginOf = (file: string) => plugins.find((p) => file.startsWith(`${p.folder}/`))?.plugin.name;
  const commands: CommandSpec[] = [];
  const sections: StartupParam[] = [];
  for (const f of all) {
    const plugin = pluginOf(f.file);
    for (const c of f.commands) commands.push(plugin ? { ...c, plugin } : c);
    for (const s of f.sections) sections.push(plugin ? { ...s, plugin } : s);
  }
  const pluginSpecs: PluginSpec[] = plugins.map((p) => p.plugin);
  return sourceTree ? { id, commands, sections, plugins: pluginSpecs, sourceTree } : { id, commands, sections, plugins: pluginSpecs };
}

function folderOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/'));
}
