/**
 * Commands the referee's VPP did not have: a plugin disabled by default (idpf, oddbuf,
 * ip6_dad_autoremove ...) registers none, so VPP's refusal of such a line (`create interface:
 * unknown input \`idpf'`, the command above reading the words) says nothing of the command's syntax.
 */
import { pluginDisabledByDefault, schemaFor } from '../../server/src/schema/index';
import type { VppRelease } from '../../server/src/schema/types';
import { REFEREE_ENABLES } from './vpp';

/** The disabled plugin of the deepest command the line names, if that command is of one. */
export function disabledPluginOf(line: string, release: VppRelease): string | undefined {
  const schema = schemaFor(release);
  const words = line.replace(/[{}\\]/g, ' ').split(/\s+/).filter(Boolean);
  for (let n = words.length; n > 0; n--) {
    const spec = schema.commands.get(words.slice(0, n).join(' '));
    if (!spec) continue;
    const plugin = spec.plugin;
    return plugin && pluginDisabledByDefault(schema, plugin) && !REFEREE_ENABLES.includes(plugin) ? plugin : undefined;
  }
  return undefined;
}
