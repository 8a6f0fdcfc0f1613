import type { CommandSpec, InterfaceNaming } from '../schema/types';
import { isTemplated } from '../syntax/tokens';
import { isGroup, type Token } from '../syntax/tree';
import type { Analysis } from './analyze';
import type { ValueMatch } from './args';
import type { CommandUse } from './cliModel';
import { argMatches, effectiveUse, isDeletion } from './interfaceNaming';

/** Which words of a command the interface model reads as interface names, and where a command sits. */

export const SUB_INTERFACE = /^(.+)\.(\d+)$/;
/** Placeholders in a synopsis that stand for a VPP interface name. */
const INTERFACE_PLACEHOLDER = /^<(interface|intfc|int|intf|interface-name|if-name|peer interface)>$/;

/** Positions are read from the tokens when asked, so that a model kept across edits stays right. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function startOf(use: CommandUse): number {
  return use.items[0]?.start ?? use.line.start;
}

export function endOf(use: CommandUse): number {
  return use.items[use.items.length - 1]?.end ?? use.line.end;
}

/** The command words of a use, or the whole command when it has none. */
export function pathSpan(use: CommandUse): Span {
  if (use.path.length === 0) return { get start() { return startOf(use); }, get end() { return endOf(use); } };
  const first = use.path[0].token;
  const last = use.path[use.path.length - 1].token;
  return { get start() { return first.start; }, get end() { return last.end; } };
}

/** What a definition is made from: its facts, without the positions it derives from its command. */
export function plain(token: Token | undefined): token is Token {
  return !!token && !isTemplated(token.text);
}

/** The words the schema says are VPP interface names. */
export function interfaceWords(use: CommandUse): Token[] {
  const out: Token[] = [];
  for (const m of argMatches(use)) for (const v of m.values) if (v.spec.kind === 'interface' && plain(v.token)) out.push(v.token);
  if (!use.command?.args?.length && use.command && !use.path.some((p) => p.node.word === 'create')) out.push(...synopsisInterfaceWords(use, use.command));
  return out;
}

/** Where a synopsis puts interface names: positions right after the command words, and keywords. */
interface SynopsisSlots {
  readonly positions: readonly number[];
  readonly keywords: ReadonlySet<string>;
}

const slotCache = new WeakMap<CommandSpec, SynopsisSlots>();

function synopsisSlots(command: CommandSpec): SynopsisSlots {
  let slots = slotCache.get(command);
  if (slots) return slots;
  const parts = command.synopsis.match(/<[^<>]*>[\]})]*|\S+/g) ?? [];
  const pathWords = command.path.split(' ');
  const positions: number[] = [];
  const keywords = new Set<string>();
  if (pathWords.every((w, i) => parts[i] === w)) {
    const rest = parts.slice(pathWords.length);
    for (let i = 0; i < rest.length && /^<[^<>|[\]{}]+>$/.test(rest[i]); i++) if (INTERFACE_PLACEHOLDER.test(rest[i])) positions.push(i);
    for (let i = 0; i + 1 < rest.length; i++) {
      if (/^[a-z][\w-]*$/.test(rest[i]) && INTERFACE_PLACEHOLDER.test(rest[i + 1].replace(/[\]})]+$/, ''))) keywords.add(rest[i]);
    }
  }
  slots = { positions, keywords };
  slotCache.set(command, slots);
  return slots;
}

/**
 * For commands we know only by their synopsis: the bare placeholders right after the command words
 * map one word each, and `keyword <interface>` pairs name the word after the keyword.
 */
function synopsisInterfaceWords(use: CommandUse, command: CommandSpec): Token[] {
  const { positions, keywords } = synopsisSlots(command);
  if (positions.length === 0 && keywords.size === 0) return [];
  const words = use.args.filter((a): a is Token => !isGroup(a));
  const out = new Set<Token>();
  // the leading placeholders hold only while every word before them is a plain value
  for (const i of positions) if (i < words.length && words.slice(0, i + 1).every((w) => w.kind === 'word')) out.add(words[i]);
  for (let i = 0; i + 1 < words.length; i++) if (keywords.has(words[i].text)) out.add(words[i + 1]);
  return [...out].filter(plain);
}

/** Words that may name an interface without the schema saying so: `via` paths, unknown commands. */
export function looseWords(use: CommandUse): Token[] {
  if (!use.command?.args?.length) return use.args.filter((a): a is Token => !isGroup(a) && a.kind === 'word');
  const out: Token[] = [];
  for (const m of argMatches(use)) for (const v of m.values as ValueMatch[]) if (v.spec.kind === 'rest') out.push(...(v.rest ?? []));
  return out;
}

/** The rule of the `create ...` command that a `delete ...` command undoes, read from the schema. */
export function counterpartRule(use: CommandUse, analysis: Pick<Analysis, 'schema'>): InterfaceNaming['rule'] | undefined {
  const path = use.node.path.split(' ');
  const at = path.findIndex((w) => w === 'delete' || w.startsWith('delete-'));
  if (at < 0) return undefined;
  const create = [...path.slice(0, at), path[at].replace(/^delete/, 'create'), ...path.slice(at + 1)].join(' ');
  return analysis.schema.commands.get(create)?.creates?.rule;
}

/** True when a line's command creates or deletes interfaces, so that editing it changes the definitions. */
export function affectsDefinitions(lineUse: CommandUse): boolean {
  const use = effectiveUse(lineUse);
  if (!use?.command) return false;
  const rule = use.command.creates?.rule;
  return isDeletion(use) || (!!rule && rule !== 'bridge-domain');
}
