/**
 * Refusals at a word VPP looks up among names made at run time (`node ref0` of `set sfdp sp-node`:
 * unformat_vlib_node found no graph node `ref0`; `reason ref0` of `set punt`; a packet-generator
 * stream `ref0`): VPP stopped there because the referee's VPP had no such name, which says which
 * names it had, not whether the line is written right (ValueSpec.lookup, read from VPP's source).
 */
import { schemaFor } from '../../server/src/schema/index';
import type { ArgSpec, VppRelease } from '../../server/src/schema/types';

/** What kind of name VPP looked up at the word it stopped at (`rest`), when it stopped at one. */
export function refusedAtLookup(line: string, rest: string | undefined, release: VppRelease): string | undefined {
  const stopped = rest?.replace(/\.\.\.$/, '').trim().split(/\s+/) ?? [];
  if (!stopped[0]) return undefined;
  const schema = schemaFor(release);
  const words = line.replace(/[{}\\]/g, ' ').split(/\s+/).filter(Boolean);
  for (let n = words.length; n > 0; n--) {
    const spec = schema.commands.get(words.slice(0, n).join(' '));
    if (!spec) continue;
    const args: readonly ArgSpec[] = spec.args ?? [];
    const keyword = args.filter((a) => a.keyword === stopped[0]);
    // `node ref0`: the keyword matched and its looked-up value did not (without a value it is the line's fault)
    if (keyword.length) return stopped.length > 1 ? keyword.map((a) => a.values?.[0]?.lookup).find(Boolean) : undefined;
    // a word no keyword names, where the command reads a looked-up name by itself (a stream's name)
    return args.find((a) => !a.keyword && a.values?.[0]?.lookup)?.values?.[0]?.lookup;
  }
  return undefined;
}
