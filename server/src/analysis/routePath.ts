import type { ArgSpec, CommandSpec } from '../schema/types';
import type { Token } from '../syntax/tree';
import type { ArgMatch } from './args';
import { diagnostic, type VppDiagnostic } from './diagnostic';

/**
 * The words of a route path as unformat_fib_route_path (vnet/fib/fib_types.c, 24.02 to 26.06) reads
 * them, each with how many value words follow it. Any other word is tried as an interface name.
 */
const PATH_WORDS: ReadonlyMap<string, number> = new Map([
  ['weight', 1],
  ['preference', 1],
  ['next-hop-table', 1],
  ['udp-encap', 1],
  ['ip4-lookup-in-table', 1],
  ['ip6-lookup-in-table', 1],
  ['mpls-lookup-in-table', 1],
  ['l2-input-on', 1],
  ['via-label', 1],
  ['rx-ip4', 1],
  ['rx-ip6', 1],
  ['resolve-via-host', 0],
  ['resolve-via-attached', 0],
  ['pop-pw-cw', 0],
  ['src-lookup', 0],
  ['drop', 0],
  ['local', 0],
  ['ip4', 0],
  ['ip6', 0],
  ['out-labels', 0],
  ['via', 0],
]);

/** `lookup in table %d`: the path's one phrase of several words. */
const LOOKUP_IN_TABLE = ['lookup', 'in', 'table'];

/**
 * A command keyword written after a route path (`ip route 10.0.0.0/24 via 192.0.2.1 loop0 table 2`):
 * unformat_fib_route_path reads to the end of the input, tries the word as an interface name, fails,
 * and with it the whole `via`, so VPP refuses the line ("parse error `via ...'", VPP 26.06 and 24.10).
 * Only the command's own keywords are reported: any other word may name an interface.
 */
export function routePathFindings(m: ArgMatch<ArgSpec>, command: CommandSpec): VppDiagnostic[] {
  const value = m.values.find((v) => v.spec.kind === 'rest' && v.spec.routePath);
  if (!value?.rest?.length || !m.pattern.spec.keyword) return [];
  const special = new Set(value.spec.routePath!.specialTargets ?? []);
  const own = new Set((command.args ?? []).flatMap((a) => (a.keyword ? [a.keyword.split(' ')[0]] : [])));
  const words: Token[] = value.rest;
  const out: VppDiagnostic[] = [];
  // a `via` naming a special target (`via drop`) hands what follows back to the command's loop
  if (special.has(words[0].text)) return [];
  for (let i = 0; i < words.length; i++) {
    const text = words[i].text;
    if (/[${%]/.test(text)) return out;
    if (text === 'via' && special.has(words[i + 1]?.text ?? '')) return out;
    if (LOOKUP_IN_TABLE.every((w, k) => words[i + k]?.text === w)) {
      i += LOOKUP_IN_TABLE.length;
      continue;
    }
    if (text === 'out-labels') {
      while (/^\d+$/.test(words[i + 1]?.text ?? '')) i++;
      continue;
    }
    const values = PATH_WORDS.get(text);
    if (values !== undefined) {
      i += values;
      continue;
    }
    if (own.has(text) && text !== m.pattern.spec.keyword) {
      out.push(
        diagnostic(
          'vpp.unknown-option',
          `\`${text}\` after a \`${m.pattern.spec.keyword}\` path is read as part of the path, which has no such word: VPP refuses the line ("parse error"). Write \`${text}\` before the first \`${m.pattern.spec.keyword}\`.`,
          words[i].start,
          words[i].end,
        ),
      );
    }
  }
  return out;
}
