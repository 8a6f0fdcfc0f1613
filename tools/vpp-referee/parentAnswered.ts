/**
 * Refusals where VPP's words are those of the command above the one the line names: the command
 * itself returned an error before it read a word (`gpe iface` while LISP is disabled, `session rule`
 * while the session layer is off: CommandSpec.refusesBeforeReading, read from its function), and
 * vlib_cli_dispatch_sub_commands then ran the command above it (`gpe`, `session`) on the words,
 * whose refusal VPP printed. Such a refusal was of the referee's state; it says nothing of the
 * command's syntax.
 */
import { schemaFor } from '../../server/src/schema/index';
import type { VppRelease } from '../../server/src/schema/types';
import { lineWords } from './lookupRefusals';

/** The state check the line's command failed, when VPP's message comes from a command above it. */
export function refusedBeforeReading(line: string, message: string, release: VppRelease): string | undefined {
  const schema = schemaFor(release);
  const words = lineWords(line);
  for (let n = words.length; n > 0; n--) {
    const path = words.slice(0, n).join(' ');
    const spec = schema.commands.get(path);
    if (!spec) continue;
    const said = /^([^:\n]+):/.exec(message)?.[1];
    const above = said !== undefined && said !== path && path.startsWith(`${said} `);
    return above ? spec.refusesBeforeReading : undefined;
  }
  return undefined;
}
