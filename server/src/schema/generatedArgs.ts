import commandArgs from './data/command-args.json';
import { argName } from '../sourceReader/formatString';
import { withHelperChecks } from './helperChecks';
import type { ArgSpec, CommandArgsEntry, CommandSpec, ValueKind, ValueSpec } from './types';

/**
 * The arguments of every command as tools/extract-command-args.ts read them from VPP's parsers
 * (data/command-args.json), unpacked into the same `CommandSpec` fields the hand-written commands use.
 */

export type ReadArgsFields = Pick<CommandSpec, 'strict' | 'args' | 'required' | 'exclusive' | 'refuses' | 'bareIsNoop' | 'doc' | 'releases' | 'source' | 'order' | 'loopFrom' | 'choices' | 'readOnce' | 'ignoresRest' | 'readsNoArgs' | 'refusesBeforeReading'>;

const byPath = new Map<string, CommandArgsEntry[]>();
for (const entry of commandArgs as CommandArgsEntry[]) {
  const list = byPath.get(entry.path);
  if (list) list.push(entry);
  else byPath.set(entry.path, [entry]);
}

/** The readings of one command path, one per group of releases that read it alike. */
export function readArgsOf(path: string): ReadArgsFields[] {
  return (byPath.get(path) ?? []).map((entry) => withHelperChecks(path, unpack(entry)));
}

function unpack(entry: CommandArgsEntry): ReadArgsFields {
  const taken = new Set<string>();
  return readingFields(entry, (entry.args ?? []).map((a) => unpackArg(a, taken)));
}

/** How a command reads its arguments, whether packed in data/command-args.json or read from the user's own C sources. */
type Reading = Omit<CommandArgsEntry, 'args'>;

/** The `CommandSpec` fields of a reading of a command function. */
export function readingFields(entry: Reading, args: ArgSpec[]): ReadArgsFields {
  const fields: ReadArgsFields = { strict: entry.strict, args, doc: describeReading(entry, args), source: entry.source };
  if (entry.releases) fields.releases = entry.releases;
  if (entry.required) fields.required = entry.required;
  if (entry.refuses) fields.refuses = entry.refuses;
  if (entry.bareIsNoop) fields.bareIsNoop = true;
  if (entry.order) fields.order = entry.order;
  if (entry.loopFrom !== undefined) fields.loopFrom = entry.loopFrom;
  if (entry.choices) fields.choices = entry.choices;
  if (entry.readOnce) fields.readOnce = entry.readOnce;
  if (entry.ignoresRest) fields.ignoresRest = true;
  if (entry.readsNoArgs) fields.readsNoArgs = true;
  if (entry.refusesBeforeReading !== undefined) fields.refusesBeforeReading = entry.refusesBeforeReading;
  return fields;
}

function unpackArg(packed: (string | ValueSpec | null)[], taken: Set<string>): ArgSpec {
  const endsInput = packed[0] === '!';
  const [keyword, ...values] = endsInput ? packed.slice(1) : packed;
  const specs = values.map((v): ValueSpec => (typeof v === 'string' ? { kind: v as ValueKind } : (v as ValueSpec)));
  const name = argName(typeof keyword === 'string' ? keyword : undefined, specs, taken);
  const arg: ArgSpec = typeof keyword === 'string' ? { name, keyword, doc: '' } : { name, doc: '' };
  if (specs.length) arg.values = specs;
  if (endsInput) arg.endsInput = true;
  return arg;
}

/** The syntax as the parser reads it, where it comes from and how strictly we check it. */
function describeReading(entry: Reading, args: readonly ArgSpec[]): string {
  const syntax = args.map((a) => `[${[a.keyword, ...(a.values ?? []).map(valueText)].filter(Boolean).join(' ')}]`).join(' ');
  const where = `\`${entry.source.function}\` in \`${entry.source.file}\``;
  if (entry.readsNoArgs) return `Read from VPP's source (${where}): the command reads no arguments; VPP runs any words after it as the next command.`;
  const how = !entry.strict
    ? `not checked word by word: ${entry.reason}`
    : entry.loopFrom !== undefined
      ? 'the first read once each, in this order, then the rest in any order; VPP refuses any other word'
      : entry.order === 'sequence'
      ? 'read once each, in this order; VPP ignores any words after them'
      : entry.ignoresRest
        ? 'VPP stops at the first word it does not know and ignores the rest without an error'
        : 'VPP refuses any other word';
  return `As VPP's parser reads it (${where}): \`${entry.path}${syntax ? ` ${syntax}` : ''}\`; ${how}.`;
}

function valueText(v: ValueSpec): string {
  return v.kind === 'enum' && v.values?.length === 1 ? v.values[0] : `${v.prefix ?? ''}<${v.kind === 'enum' ? (v.values ?? []).join('|') : v.kind}>`;
}
