import type { Schema } from '../schema/index';
import type { CommandSpec } from '../schema/types';
import { matchSubCommands } from './cliModel';

/**
 * unformat matches a keyword's letters at the start of a word and leaves the rest of the word in the
 * input (src/vppinfra/unformat.c compares the format's characters one by one, with no word boundary):
 * `sflow direction rxq` reads `rx`, then stops at `q`. A function that stops there leaves `q` in VPP's
 * input, and vlib_cli_input runs it as the next command: `q` is the abbreviation of `quit`, which reads
 * nothing, so VPP 26.06 accepted `sflow direction rxq` and `buffer metadata tracking onq`.
 *
 * Returns the keyword read and the command the rest of the word runs as, when that command takes a
 * line with nothing else on it.
 */
export function restRunsAsCommand(text: string, command: CommandSpec, schema: Schema): { keyword: string; rest: string; runs: string } | undefined {
  for (const spec of command.args ?? []) {
    const keyword = spec.keyword;
    if (!keyword || keyword.includes(' ') || spec.values?.length || text.length <= keyword.length || !text.startsWith(keyword)) continue;
    const rest = text.slice(keyword.length);
    if (!/^[A-Za-z0-9_-]+$/.test(rest)) continue;
    const found = matchSubCommands(schema.root, rest);
    if (found.length !== 1 || !found[0].runnable) continue;
    const runs = schema.commands.get(found[0].path);
    if (!runs?.strict || !(runs.readsNoArgs || ((runs.required ?? []).length === 0 && (runs.refuses ?? []).length === 0))) continue;
    return { keyword, rest, runs: runs.path };
  }
  return undefined;
}
