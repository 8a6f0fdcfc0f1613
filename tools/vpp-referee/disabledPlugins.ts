/**
 * Commands the referee's VPP did not have: a plugin disabled by default (idpf, oddbuf,
 * ip6_dad_autoremove ...) registers none, so VPP's refusal of such a line (`create interface:
 * unknown input \`idpf'`, the command above reading the words) says nothing of the command's syntax.
 */
import { pluginDisabledByDefault, schemaFor } from '../../server/src/schema/index';
import type { VppRelease } from '../../server/src/schema/types';
import { deepestCommand, lineWords } from './lookupRefusals';
import { REFEREE_ENABLES } from './vpp';

/**
 * The disabled plugin of the deepest command the line names, if that command is of one. VPP takes
 * each word of a path as a unique prefix (`od c` is `oddbuf configure`, `del in i` is `delete
 * interface idpf`), and so does our analysis: VPP 26.06 refused `od c bogus-option` as a whole
 * ("unknown input `od c bogus-option'") because the oddbuf plugin registered no command.
 */
export function disabledPluginOf(line: string, release: VppRelease): string | undefined {
  const schema = schemaFor(release);
  const plugin = deepestCommand(schema.root, lineWords(line))?.spec.plugin;
  return plugin && pluginDisabledByDefault(schema, plugin) && !REFEREE_ENABLES.includes(plugin) ? plugin : undefined;
}
