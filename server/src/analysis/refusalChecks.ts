import { groupOf, type ArgSpec, type CommandSpec, type Refusal } from '../schema/types';
import type { ArgMatch } from './args';
import { codeList as list, diagnostic, type VppDiagnostic } from './diagnostic';
import { checkShape } from './values';

/**
 * The combinations VPP's checks after a parse loop refuse (`CommandSpec.refuses`, read from its
 * source): a line gets an error only when every part of a refusal surely holds for it. A part that
 * depends on a value we do not know (an address VPP compares) holds only when the words are the same.
 */
export function refusalDiagnostics(command: CommandSpec, given: ReadonlyMap<string, readonly ArgMatch<ArgSpec>[]>, commandStart: number, commandEnd: number): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  for (const refusal of command.refuses ?? []) {
    if (!holds(refusal, given, command)) continue;
    const words = refusal.says ? ` (VPP: "${refusal.says}")` : '';
    const without = (refusal.without ?? []).map(groupOf);
    if (without.length > 0) {
      const [first, ...unless] = without;
      const needs = `${atLeastText(first, command)}${unless.length ? ` unless it has ${unless.map((g) => names(g.of, command)).join(' or ')}` : ''}`;
      const withParts = [...(refusal.with ?? []).map((g) => names(g, command)), ...(refusal.last ?? []).map((l) => lastText(l, command))];
      const withText = withParts.length ? `with ${withParts.join(' and ')}, ` : '';
      out.push(diagnostic('vpp.missing-required', `\`${command.path}\` ${withText}needs ${needs}; VPP refuses the command without it${words}.`, commandStart, commandEnd));
      continue;
    }
    const at = lastUse([...(refusal.with ?? []).flat(), ...(refusal.last ?? []).flatMap((l) => l.among), ...(refusal.same?.[1] ?? [])], given) ?? { start: commandStart, end: commandEnd };
    const what = refusal.same
      ? `the same value for ${names(refusal.same[0], command)} and ${names(refusal.same[1], command)}`
      : `${[...(refusal.with ?? []).map((g) => names(g, command)), ...(refusal.last ?? []).map((l) => lastText(l, command))].join(' together with ')}`;
    out.push(diagnostic('vpp.conflicting-options', `VPP refuses ${what} in \`${command.path}\`${words}.`, at.start, at.end));
  }
  return out;
}

function uses(group: readonly string[], given: ReadonlyMap<string, readonly ArgMatch<ArgSpec>[]>): number {
  return group.reduce((n, name) => n + (given.get(name)?.length ?? 0), 0);
}

/**
 * The words we read as a positional interface or string, which VPP may have read as one of the
 * group instead: its loop tries the branches in its own order (`qos record loop0 ip` reads `ip`
 * as the source, not as a second interface). Counted as possible uses of the group.
 */
export function possibleUses(group: readonly string[], given: ReadonlyMap<string, readonly ArgMatch<ArgSpec>[]>, command: CommandSpec): number {
  const specs = group.map((name) => command.args?.find((a) => a.name === name)).filter((a): a is ArgSpec => !!a);
  let n = 0;
  for (const [, matches] of given) {
    for (const m of matches) {
      if (m.pattern.spec.keyword || group.includes(m.pattern.spec.name)) continue;
      for (const v of m.values) {
        const text = v.token?.text;
        if (text === undefined || (v.spec.kind !== 'interface' && v.spec.kind !== 'string')) continue;
        if (specs.some((spec) => couldRead(spec, text))) n++;
      }
    }
  }
  return n;
}

function couldRead(spec: ArgSpec, text: string): boolean {
  // a keyword of several words followed by its other words is read as that keyword, not as a
  // positional: a word we read as one is at most the start of it, which unformat does not take
  // (VPP 26.06 refused `dhcp6 pd client prefix gorup ref0` with an interface named `prefix` too)
  if (spec.keyword) return spec.keyword === text;
  const first = spec.values?.[0];
  if (!first) return false;
  if (first.kind === 'enum') return !!first.values?.includes(text);
  return first.kind === 'interface' || first.kind === 'string' || checkShape(text, first) === undefined;
}

function holds(refusal: Refusal, given: ReadonlyMap<string, readonly ArgMatch<ArgSpec>[]>, command: CommandSpec): boolean {
  for (const g of refusal.without ?? []) {
    const { of, atLeast } = groupOf(g);
    if (uses(of, given) + possibleUses(of, given, command) >= atLeast) return false;
  }
  for (const g of refusal.with ?? []) if (uses(g, given) === 0) return false;
  for (const l of refusal.last ?? []) {
    const last = lastUse(l.among, given);
    if (!last || !l.of.includes(last.pattern.spec.name)) return false;
  }
  if (refusal.same) {
    const [a, b] = refusal.same.map((g) => lastUse(g, given)?.values[0]?.token?.text.toLowerCase());
    if (a === undefined || a !== b) return false;
  }
  return true;
}

/** The last match of any argument of the group: VPP keeps the value read last. */
function lastUse(group: readonly string[], given: ReadonlyMap<string, readonly ArgMatch<ArgSpec>[]>): ArgMatch<ArgSpec> | undefined {
  let last: ArgMatch<ArgSpec> | undefined;
  for (const name of group) for (const m of given.get(name) ?? []) if (!last || m.start > last.start) last = m;
  return last;
}

/**
 * How the message names an argument: its keyword, with its values where another argument has the
 * same keyword (`local <ip4> <uint>`, the form with a port, beside `local <ip4>`).
 */
function argText(name: string, command: CommandSpec): string {
  const spec = command.args?.find((a) => a.name === name);
  if (!spec?.keyword) return `<${name.replace(/#\d+$/, '')}>`;
  const shared = (command.args ?? []).some((a) => a !== spec && a.keyword === spec.keyword);
  return shared ? [spec.keyword, ...(spec.values ?? []).map((v) => (v.kind === 'enum' && v.values?.length === 1 ? v.values[0] : `<${v.kind}>`))].join(' ') : spec.keyword;
}

function names(group: readonly string[], command: CommandSpec): string {
  const words = [...new Set(group.map((name) => argText(name, command)))];
  return words.length > 1 ? `one of ${list(words)}` : `\`${words[0]}\``;
}

/** `del` given after any `add`: the last of arguments that set one variable. */
function lastText(l: { of: readonly string[]; among: readonly string[] }, command: CommandSpec): string {
  const others = l.among.filter((n) => !l.of.includes(n));
  return `${names(l.of, command)} after any ${list([...new Set(others.map((n) => argText(n, command)))])}`;
}

function atLeastText(g: { of: readonly string[]; atLeast: number }, command: CommandSpec): string {
  if (g.atLeast <= 1) return names(g.of, command);
  return `at least ${g.atLeast} of ${list([...new Set(g.of.map((name) => command.args?.find((a) => a.name === name)?.keyword ?? `<${name.replace(/#\d+$/, '')}>`))])}`;
}

/**
 * A required group no reading of the words fills while the others are filled too: each word is read
 * once, as one argument. `qos record ip` has one word for two groups (an interface and the source):
 * VPP reads `ip` as an interface when one has that name, else as the source, and either way the other
 * check refuses the line. The words that may be read as one of the groups are those of
 * `possibleUses`. Undefined when some reading fills every group (or there are too many words to try).
 */
export function unfilledGroup(groups: readonly (readonly string[])[], given: ReadonlyMap<string, readonly ArgMatch<ArgSpec>[]>, command: CommandSpec): readonly string[] | undefined {
  const inGroups = new Set(groups.flat());
  const words: string[][] = [];
  for (const [, matches] of given) {
    for (const m of matches) {
      const own = m.pattern.spec.name;
      const text = m.values.length === 1 ? m.values[0].token?.text : undefined;
      const others =
        !m.pattern.spec.keyword && text !== undefined && (m.values[0].spec.kind === 'interface' || m.values[0].spec.kind === 'string')
          ? [...inGroups].filter((name) => name !== own && couldReadName(name, text, command))
          : [];
      // the other reading first: a word that reads as a keyword rarely names an interface
      const options = [...others, own].filter((name) => inGroups.has(name));
      if (options.length) words.push(options);
    }
  }
  if (words.filter((w) => w.length > 1).length > 8) return undefined;
  const fills = (chosen: readonly string[]) => groups.every((g) => g.some((name) => chosen.includes(name)));
  const search = (i: number, chosen: string[]): boolean => (i === words.length ? fills(chosen) : words[i].some((name) => search(i + 1, [...chosen, name])));
  if (search(0, [])) return undefined;
  const preferred = words.map((w) => w[0]);
  return groups.find((g) => !g.some((name) => preferred.includes(name)));
}

function couldReadName(name: string, text: string, command: CommandSpec): boolean {
  const spec = command.args?.find((a) => a.name === name);
  return !!spec && couldRead(spec, text);
}
