import type { Token } from '../syntax/tree';
import type { ValueMatch } from './args';
import { diagnostic, type VppDiagnostic } from './diagnostic';
import { KIND_EXAMPLES, LINUX_IFNAME_MAX } from './values';

/**
 * Findings on the values an option or parameter read: missing, refused, or a Linux interface name the
 * kernel will not take. Shared by script commands and startup.conf parameters.
 */
export function checkValueMatches(values: readonly ValueMatch[], label: string, keyword: Token | { start: number; end: number } | undefined): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  for (const v of values) {
    if (v.problem === 'missing') {
      if (keyword) out.push(diagnostic('vpp.missing-value', `${label} needs a value: ${KIND_EXAMPLES[v.spec.kind]}.`, keyword.start, keyword.end));
    } else if (v.problem && v.token) {
      out.push(diagnostic('vpp.invalid-value', `\`${v.token.text}\` is not valid for ${label}: it ${v.problem}.`, v.token.start, v.token.end));
    } else if (v.token && v.spec.above) {
      const lower = values[v.spec.above.index];
      const [low, high] = [lower?.token?.text, v.token.text].map((t) => heldNumber(t, v.spec.above!.u32));
      if (!lower?.problem && low !== undefined && high !== undefined && (v.spec.above.strict ? high <= low : high < low)) {
        const held = v.spec.above.u32 && /^-/.test(lower!.token!.text) ? ` (VPP holds \`${lower!.token!.text}\` as ${low})` : '';
        out.push(diagnostic('vpp.invalid-value', `\`${v.token.text}\` is not valid for ${label}: VPP refuses it unless it is ${v.spec.above.strict ? 'greater than' : 'at least'} \`${lower!.token!.text}\`${held}.`, v.token.start, v.token.end));
      }
    } else if (v.token && v.spec.kind === 'ifname' && v.token.text.length > LINUX_IFNAME_MAX && !v.spec.maxLength) {
      // a `maxLength` that VPP checks itself already made this an invalid value
      out.push(
        diagnostic(
          'vpp.linux-ifname-too-long',
          `\`${v.token.text}\` has ${v.token.text.length} characters; Linux interface names have at most ${LINUX_IFNAME_MAX}, so the kernel will refuse or cut it.`,
          v.token.start,
          v.token.end,
        ),
      );
    }
  }
  return out;
}

/** A decimal number as a 32-bit variable holds it after `%d` (`-1` in a u32 is 4294967295), or undefined. */
function heldNumber(text: string | undefined, u32: boolean): bigint | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const bits = BigInt.asUintN(32, BigInt(text));
  return u32 ? bits : BigInt.asIntN(32, bits);
}
