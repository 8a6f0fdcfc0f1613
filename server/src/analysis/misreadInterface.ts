import type { ArgSpec, CommandSpec } from '../schema/types';
import { isTemplated } from '../syntax/tokens';
import type { Item, Token } from '../syntax/tree';
import type { MatchResult, UnknownRun } from './args';
import { looksScriptCreated } from './interfaceNaming';
import { readsKeywordFrom } from './keywordPrefix';
import { suggest } from './suggest';

/**
 * A misspelt keyword where the command's loop also tries an interface name (`%U` with
 * unformat_vnet_sw_interface): our matcher reads the typo as that interface, as VPP would if an
 * interface had the name. None has: VPP's lookup fails, no other branch reads the word, and the loop
 * stops there with "unknown input" (VPP 26.06: ``unknown input `wokrer 1'`` for `set interface
 * rx-placement loop0 wokrer 1`). The word after it, which we then found unknown (`1`), is the value
 * the user meant for the keyword.
 */
export interface MisspeltKeyword {
  /** The word read as an interface, as an unknown run with the words that belong to it. */
  run: UnknownRun;
  /** The unknown run right after it that it takes over (`1` of `wokrer 1`), if any. */
  replaces?: UnknownRun;
}

/**
 * Words read as an interface that are a close misspelling of one of `command`'s keywords and no
 * interface name of a form VPP gives (`loop0`, `tap1`, `local0`, `GigabitEthernet0/8/0`). Only for
 * a line that fails already (the caller checks): VPP refuses it either way, and this says where.
 */
export function misspeltKeywords(match: MatchResult<ArgSpec>, command: CommandSpec, before: number): MisspeltKeyword[] {
  const keywords = (command.args ?? []).map((a) => a.keyword).filter((k): k is string => !!k);
  if (keywords.length === 0) return [];
  const found: MisspeltKeyword[] = [];
  for (const m of match.matches) {
    const value = m.values[0];
    if (m.keyword.length > 0 || m.values.length !== 1 || value.spec.kind !== 'interface' || !value.token || m.start >= before) continue;
    // a function that reads a fixed sequence reads the interface at its place only: the word there is
    // the interface the user meant to name, however it is spelt
    const index = command.args?.indexOf(m.pattern.spec) ?? -1;
    if (command.order === 'sequence' && index < (command.loopFrom ?? Infinity)) continue;
    const token = value.token;
    if (!misspeltKeyword(token.text, command, keywords)) continue;
    const replaces = match.unknown.find((run) => firstAfter(run.first, token, match));
    found.push({ run: { first: token, items: [token, ...(replaces?.items ?? [])] }, replaces });
  }
  return found;
}

function misspeltKeyword(text: string, command: CommandSpec, keywords: readonly string[]): boolean {
  if (isTemplated(text) || looksScriptCreated(text) || /[/.:]/.test(text)) return false;
  // `on` read from `onq`: VPP reads the keyword and stops at what is left of the word
  if ((command.args ?? []).some((a) => readsKeywordFrom(a, text))) return false;
  // the first word of a keyword of several is no typo: the one after it may be (`prefix gorup` of `prefix group`)
  if (keywords.some((k) => k.startsWith(`${text} `))) return false;
  const guesses = suggest(text, keywords);
  // a keyword and an instance number is how VPP names interfaces (`local0`, `pg0`, `tap0`)
  const stem = text.replace(/\d+$/, '');
  return guesses.length > 0 && !(stem !== text && keywords.includes(stem));
}

/** Whether `item` is the first word after `token` (no argument read between them). */
function firstAfter(item: Item, token: Token, match: MatchResult<ArgSpec>): boolean {
  if (item.start <= token.end) return false;
  return !match.matches.some((m) => m.start > token.end && m.start < item.start);
}
