/**
 * Commands whose errors VPP never shows, read from its recorded answers (test/referee/*.json):
 * when a command fails, vlib_cli_dispatch_sub_commands (src/vlib/cli.c) runs the function of the
 * command above it (`igmp` above `igmp listen`) on what is left of the line, and returns that
 * function's verdict instead. Where that parent accepts what is left, a line VPP refuses runs
 * as nothing, without a word. Kept: commands below a command with a function, of which VPP
 * accepted the line with an unknown word (`bogus-option`) and refused no line by its parser.
 *   npx tsx tools/vpp-referee/silent-errors.ts   # writes server/src/schema/data/silent-errors.json
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RefereeRecord } from './verdicts';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, 'server', 'src', 'schema', 'data');
const commands = JSON.parse(readFileSync(join(DATA, 'commands.json'), 'utf8')) as { path: string; hasFunction?: boolean }[];
const known = new Map(commands.map((c) => [c.path, c]));

const pathOf = (line: string): string | undefined => {
  const words = line.split(/\s+/);
  for (let n = words.length; n > 0; n--) if (known.has(words.slice(0, n).join(' '))) return words.slice(0, n).join(' ');
  return undefined;
};
const parentOf = (path: string): string | undefined => {
  const words = path.split(' ');
  for (let n = words.length - 1; n > 0; n--) if (known.has(words.slice(0, n).join(' '))) return words.slice(0, n).join(' ');
  return undefined;
};

interface Evidence {
  parent: string;
  line: string;
  releases: Set<string>;
  refused: boolean;
}
const found = new Map<string, Evidence>();
const dir = join(ROOT, 'test', 'referee');
for (const file of readdirSync(dir).filter((f) => /^\d\d\.\d\d\.json$/.test(f)).sort()) {
  const record = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RefereeRecord;
  for (const c of record.cases) {
    if (c.startup) continue;
    const path = pathOf(c.line);
    const parent = path && parentOf(path);
    if (!path || !parent || known.get(parent)!.hasFunction === false) continue;
    const e = found.get(path) ?? { parent, line: '', releases: new Set(), refused: false };
    found.set(path, e);
    if (c.verdict === 'parse') e.refused = true;
    if (c.verdict === 'accepted' && /\bbogus-option\b/.test(c.line)) {
      e.line ||= c.line;
      e.releases.add(record.release);
    }
  }
}
const out = [...found]
  .filter(([, e]) => e.line && !e.refused)
  .map(([path, e]) => ({ path, parent: e.parent, line: e.line, releases: [...e.releases].sort() }))
  .sort((a, b) => a.path.localeCompare(b.path));
writeFileSync(join(DATA, 'silent-errors.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(out.map((e) => `${e.path} (under ${e.parent}; ${e.releases.join(', ')}): ${e.line}`).join('\n'));
