/**
 * Which strict commands and startup.conf sections of a release the record asked VPP about, and why
 * each of the others was not asked: never sent (cases.ts), or its plugin was not in the build that
 * answered (the record's `notBuilt`).
 */
import { schemaFor } from '../../server/src/schema/index';
import { neverSentWhy } from './cases';
import { deepestCommand, lineWords } from './lookupRefusals';
import { NEVER_SECTION } from './startupCases';
import type { RefereeRecord } from './verdicts';

export interface NotAsked {
  name: string;
  why: string;
}

export interface Coverage {
  commands: number;
  commandsAsked: number;
  sections: number;
  sectionsAsked: number;
  /** What was not asked, with why; `why` is empty where nothing explains it. */
  notAsked: NotAsked[];
}

export function coverageOf(record: RefereeRecord): Coverage {
  const schema = schemaFor(record.release);
  const notBuilt = new Set(record.notBuilt ?? []);
  const unbuiltWhy = (plugin: string | undefined) => (plugin && notBuilt.has(plugin) ? `the ${plugin} plugin is not in the build that answered` : '');

  const strict = [...schema.commands.values()].filter((c) => c.strict);
  const askedCommands = new Set<string>();
  const askedSections = new Set<string>();
  for (const c of record.cases) {
    if (c.startup) askedSections.add(c.family.replace(/^startup /, ''));
    else {
      // the command VPP runs for the line's words (abbreviated ones too), as the referee's lookups find it
      const owner = deepestCommand(schema.root, lineWords(c.line));
      if (owner?.spec.strict) askedCommands.add(owner.spec.path);
    }
  }
  const notAsked: NotAsked[] = [];
  for (const c of strict)
    if (!askedCommands.has(c.path)) notAsked.push({ name: c.path, why: neverSentWhy(c.path) ?? unbuiltWhy(c.plugin) });
  for (const s of schema.sections)
    if (!askedSections.has(s.key))
      notAsked.push({
        name: `startup.conf ${s.key} { }`,
        why: NEVER_SECTION.get(s.key) ?? (s.fatal?.releases.includes(record.release) ? `VPP ${record.release} stops at it: ${s.fatal.message}` : unbuiltWhy(s.plugin)),
      });
  return {
    commands: strict.length,
    commandsAsked: askedCommands.size,
    sections: schema.sections.length,
    sectionsAsked: schema.sections.filter((s) => askedSections.has(s.key)).length,
    notAsked,
  };
}
