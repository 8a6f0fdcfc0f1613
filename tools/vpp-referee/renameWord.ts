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
  const quoted = rest === undefined ? undefined : /^\S+/.exec(rest.trim())?.[0];
  if (quoted) return quoted;
  const analysis = analyze(line, { language: 'cli', release });
  return interfaceModel(analysis).references.find((r) => r.certain && r.space === 'vpp' && !r.partial && !sandbox.has(r.name))?.name;
}
