import { analyze } from '../../server/src/analysis/analyze';
import { interfaceModel } from '../../server/src/analysis/interfaceModel';
import type { VppRelease } from '../../server/src/schema/types';

/**
 * The word to give an interface when asking a refused line again (`asInterface`): the input VPP
 * said it stopped at, else the first word our analysis reads as a VPP interface. Many functions
 * quote the wrong input (`unknown input \`%U'` of `input` after reading `line_input` prints
 * nothing: `delete interface memif memif0/0`) or none (`expecting [disable | pop | ...]` of
 * `set interface l2 pbb-tag-rewrite ... bogus-option`), though any word can name an interface.
 * Names the sandbox has are left to `Vpp.withInterfaceNamed`, which refuses them.
 */
export function wordToName(line: string, release: VppRelease, rest: string | undefined, sandbox: ReadonlySet<string>): string | undefined {
  const quoted = rest === undefined ? [] : rest.trim().split(/\s+/).filter(Boolean);
  const analysis = analyze(line, { language: 'cli', release });
  const lacking = interfaceModel(analysis).references.filter((r) => r.certain && r.space === 'vpp' && !r.partial && !sandbox.has(r.name));
  if (quoted.length === 0) return lacking[0]?.name;
  // a parser that quotes from the keyword before the interface stopped at that interface: name it,
  // not the keyword; route paths (`ip route: parse error \`via ref'`) are read apart from the model
  const afterVia = quoted[0] === 'via' && quoted.length > 1 ? quoted[1] : undefined;
  return lacking.find((r) => quoted.includes(r.name))?.name ?? afterVia ?? quoted[0];
}
