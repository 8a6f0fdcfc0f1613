/**
 * startup.conf fragments to start VPP with, generated from our schema: each section with each of its
 * parameters (good values, then bad ones), an unknown parameter, and the section empty. VPP judges a
 * fragment by starting (accepted) or stopping with its parse error (refused).
 */
import { schemaFor } from '../../server/src/schema/index';
import type { StartupParam, VppRelease } from '../../server/src/schema/types';
import { badValues, goodValues } from './samples';

/** Parameters that would take the referee's own sandbox away (its CLI socket, plugin path, terminal). */
const NEVER_SET = new Set([
  'unix interactive',
  'unix cli-listen',
  'unix runtime-dir',
  'unix log',
  'unix exec',
  'unix startup-config',
  'unix gid',
  'unix pidfile',
  'plugins path',
  'plugins add-path',
  'api-segment prefix',
  'socksvr socket-name',
  'statseg socket-name',
  'cpu workers',
  'cpu corelist-workers',
  'cpu skip-cores',
  'cpu main-core',
  'cpu coremask-workers',
  'memory main-heap-size',
  'memory main-heap-page-size',
  'buffers buffers-per-numa',
  'buffers page-size',
  'buffers default data-size',
]);

/** Sections never asked, with why. */
export const NEVER_SECTION = new Map([['dpdk', 'VPP reads it only with the dpdk plugin, which a machine without NICs does not load']]);

function paramText(p: StartupParam, values: string[]): string {
  return [p.key === '*' ? 'ref-node' : p.key, ...values].join(' ');
}

export function startupCasesFor(section: StartupParam): string[] {
  const out = new Set<string>();
  if (!section.block) {
    for (const v of goodValues(section.values?.[0] ?? { kind: 'string' }).slice(0, 2)) out.add(`${section.key} ${v}`);
    return [...out];
  }
  out.add(`${section.key} { }`);
  out.add(`${section.key} { bogus-param }`);
  for (const p of section.block) {
    if (NEVER_SET.has(`${section.key} ${p.key}`) || p.block) continue;
    const good = (p.values ?? []).map((v) => goodValues(v)[0] ?? '');
    out.add(`${section.key} { ${paramText(p, good)} }`);
    (p.values ?? []).forEach((v, k) => {
      const bad = badValues(v)[0];
      if (bad !== undefined) out.add(`${section.key} { ${paramText(p, good.map((g, j) => (j === k ? bad : g)))} }`);
    });
  }
  return [...out];
}

export interface StartupCase {
  line: string;
  family: string;
  /** The plugin whose section it is: the build must have it, and VPP is started with it enabled. */
  plugin?: string;
}

/**
 * The fragments for a release. A section the referee's own startup.conf has (`unix`, `plugins`, ...) is
 * merged into it, so its blank `{ }` cannot be asked as written and is left out.
 */
export function generateStartupCases(release: VppRelease, baseSections: readonly string[]): StartupCase[] {
  const schema = schemaFor(release);
  return schema.sections
    .filter((s) => !NEVER_SECTION.has(s.key) && !s.fatal?.releases.includes(release))
    .flatMap((s) =>
      startupCasesFor(s)
        .filter((line) => !(baseSections.includes(s.key) && /^\S+ \{ \}$/.test(line)))
        .map((line) => ({ line, family: `startup ${s.key}`, ...(s.plugin && schema.plugins.has(s.plugin) ? { plugin: s.plugin } : {}) })),
    );
}
