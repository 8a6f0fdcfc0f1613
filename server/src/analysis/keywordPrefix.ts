import type { Schema } from '../schema/index';
import type { ArgSpec, CommandSpec } from '../schema/types';
import { isGroup, type Item, type Token } from '../syntax/tree';
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
    if (!readsKeywordFrom(spec, text)) continue;
    const keyword = spec.keyword!;
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

/**
 * Whether unformat reads `spec`'s keyword, one word that takes no value, from the start of the longer
 * word `text` (`rx` from `rxq`, `del` from `delete`), leaving the rest of the word in the input.
 */
export function readsKeywordFrom(spec: ArgSpec, text: string): boolean {
  const keyword = spec.keyword;
  return !!keyword && !spec.values?.length && !keyword.includes(' ') && text.length > keyword.length && text.startsWith(keyword);
}

const INTEGER_KINDS = new Set(['uint', 'int', 'number']);

/**
 * unformat reads a number's leading digits and leaves the rest of the word (unformat_integer puts
 * back the first character that is no digit): `%d` reads `1` from `1.5` and `1000` from `1000-2000`.
 * Whether the group's positional number is read so from `item`.
 */
export function readsNumberPrefix(item: Item, group: readonly string[], command: CommandSpec, readBefore: readonly string[]): boolean {
  if (isGroup(item) || !/^[0-9]+[^0-9]/.test((item as Token).text)) return false;
  const args = command.args ?? [];
  // a function that reads in sequence reads the number only where it comes next (`mtu_cmd` reads
  // `%d %U`: VPP refused `set interface mtu { loop0 1.5 }`)
  const next = command.order === 'sequence' ? Math.max(-1, ...readBefore.map((name) => args.findIndex((a) => a.name === name))) : -1;
  return group.some((name) => {
    const index = args.findIndex((a) => a.name === name);
    const spec = args[index];
    const value = spec?.values?.[0];
    if (!spec || index < next || spec.keyword || spec.values?.length !== 1 || !value) return false;
    return INTEGER_KINDS.has(value.kind) && !value.prefix && !value.glued;
  });
}
