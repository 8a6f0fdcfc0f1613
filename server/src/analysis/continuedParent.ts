import type { Schema } from '../schema/index';
import { isGroup } from '../syntax/tree';
import { silentErrorsOf } from '../schema/silentErrors';
import { lineInputReader } from '../schema/lineInput';
import type { CommandUse } from './cliModel';
import { diagnostic, type FixData, type VppDiagnostic } from './diagnostic';

/**
 * A `\` continuation keeps the line break, so a command that reads its line (unformat_line_input)
 * stops there. When it then fails, VPP does not run the continued part as a command of its own:
 * vlib_cli_dispatch_sub_commands (src/vlib/cli.c) runs the command above it on what is left of the
 * input, the continued part (`silent-errors.json` records the parents VPP ran so: `igmp proxy-dev`
 * above `igmp proxy-dev itf`). Whether that parent accepts the continued part or not: when it fails
 * too, the command above it runs on what the parent left, nothing once the parent read its line, and
 * accepts. VPP 26.06 accepted `igmp proxy-dev itf vrf-id \` + `1`, where `1` alone is no command.
 * Without that grandparent the parent's verdict stands, on words we cannot judge (an interface name:
 * VPP refused `igmp proxy-dev vrf-id \` + `1` with "igmp: unknown input '1'"), so the continued part
 * keeps the error of a command of its own.
 *
 * Returns what to say instead of the continued part's findings, or undefined where it runs as a command.
 */
export function continuedToParent(use: CommandUse, failed: boolean, schema: Schema, join: FixData[]): VppDiagnostic[] | undefined {
  const rest = use.nested;
  const first = rest?.items[0];
  if (!failed || !rest?.continuedFrom || !first || !use.command) return undefined;
  const parent = silentErrorsOf(use.command.path)?.parent;
  const grandparent = parent ? silentErrorsOf(parent)?.parent : undefined;
  if (!parent || !grandparent || !lineInputReader(parent, schema.release)) return undefined;
  return [
    diagnostic(
      'vpp.ignored-input',
      `\`${use.command.path}\` reads its arguments only to the end of the line, and a \`\\\` continuation keeps the line break: it fails on what comes before it, so VPP runs \`${parent}\` on the continued part instead (and \`${grandparent}\` on nothing if that fails too): VPP reports no error and the line does nothing. Join the lines to give it to \`${use.command.path}\`.`,
      first.start,
      isGroup(first) ? first.open.end : first.end,
      join,
    ),
  ];
}
