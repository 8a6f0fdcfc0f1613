import { pluginDisabledByDefault, type Schema } from '../schema/index';
import { isTemplated } from '../syntax/tokens';
import { diagnostic, type VppDiagnostic } from './diagnostic';
import { DEFAULT_PLUGINS, pluginSwitches, type ConfigEntry, type StartupModel } from './startupModel';

/**
 * What `plugins { }` decides (src/vlib/unix/plugin.c): vlib_plugin_config reads every `plugin NAME { }`
 * through config_one_plugin, which refuses a name configured before ("plugin '%s' already
 * configured") and VPP does not start; `plugin default { disable }` leaves every plugin that is not
 * enabled by name unloaded, and a section of a plugin that is not loaded is unknown to
 * vlib_call_all_config_functions ("unknown input"), which stops VPP too.
 */
export class PluginDecisions {
  private readonly switches: Map<string, boolean>;
  private readonly allOff: boolean;

  constructor(model: StartupModel) {
    this.switches = pluginSwitches(model);
    this.allOff = this.switches.get(DEFAULT_PLUGINS) === false;
  }

  /** The finding for a section that belongs to `plugin`, if its plugin is not loaded. */
  sectionFinding(section: ConfigEntry, plugin: string, schema: Schema): VppDiagnostic | undefined {
    const name = section.key[0];
    const key = section.param!.key;
    const enable = `\`plugins { plugin ${plugin}_plugin.so { enable } }\``;
    const switched = this.switches.get(plugin);
    // a section that was core before it moved into its plugin loads with VPP itself in those releases
    const isPlugin = schema.plugins.has(plugin);
    if (isPlugin && (switched === false || (this.allOff && switched !== true))) {
      const by = switched === false ? `\`plugin ${plugin}_plugin.so { disable }\`` : '`plugin default { disable }`';
      return diagnostic(
        'vpp.unknown-section',
        `\`${key}\` belongs to the ${plugin} plugin, which ${by} in this file leaves unloaded: VPP does not know the section and stops with "unknown input". Enable it with ${enable}.`,
        name.start,
        name.end,
      );
    }
    if (switched !== true && pluginDisabledByDefault(schema, plugin)) {
      return diagnostic('vpp.plugin-disabled', `\`${key}\` belongs to the ${plugin} plugin, which VPP disables by default; without ${enable} VPP stops with "unknown input".`, name.start, name.end);
    }
    return undefined;
  }
}

/** `plugin NAME { }` given a second time: VPP refuses to start. */
export function repeatedPlugins(model: StartupModel, schema: Schema): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  const seen = new Set<string>();
  for (const section of model.sections) {
    if (section.param?.key !== 'plugins') continue;
    for (const entry of section.children) {
      const file = entry.param?.key === 'plugin' ? entry.values[0]?.token : undefined;
      // `plugin default` is read by its own branch, and may be given again
      if (!file || file.text === 'default' || isTemplated(file.text)) continue;
      if (!seen.has(file.text)) {
        seen.add(file.text);
        continue;
      }
      out.push(
        diagnostic(
          'vpp.fatal-in-release',
          `\`plugin ${file.text}\` is configured a second time: VPP refuses to start with "plugin '${file.text}' already configured" (VPP ${schema.release}). Keep one \`plugin ${file.text} { ... }\`.`,
          entry.key[0].start,
          file.end,
          [{ kind: 'remove', start: entry.start, end: entry.end }],
        ),
      );
    }
  }
  return out;
}
