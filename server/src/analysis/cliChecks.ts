import { allArgsOf, pluginDisabledByDefault, releasesOfCommand, type Schema } from '../schema/index';
import { groupOf, RELEASES, type ArgSpec, type CommandSpec, type VppRelease } from '../schema/types';
import { isGroup, type Item, type LineNode, type Token } from '../syntax/tree';
import type { ArgMatch, MatchResult, UnknownRun } from './args';
import type { CommandUse } from './cliModel';
import { codeList as list, diagnostic, DIAGNOSTIC_CODES, type DiagnosticCode, type FixData, type VppDiagnostic } from './diagnostic';
import { DEFAULT_PLUGINS } from './startupModel';
import { checkValueMatches } from './valueChecks';
import { routePathFindings } from './routePath';
import { checkShape, readsLeadingNumber, ZERO_REFUSED } from './values';
import { suggest } from './suggest';
import { misspeltKeywords } from './misreadInterface';
import { REMOVED_COMMANDS, type RemovedCommand } from '../schema/cli/removedCommands';
import { silentErrorsOf } from '../schema/silentErrors';
import { lineInputReader } from '../schema/lineInput';
import { possibleUses, refusalDiagnostics, unfilledGroup } from './refusalChecks';
import { ancestorsRefuseEmptyLine, emptyLineParent, underEmptyLineParent } from './parentFallback';
import { continuedToParent } from './continuedParent';
import { readsKeywordFrom, readsNumberPrefix, restRunsAsCommand } from './keywordPrefix';



export function releaseList(releases: readonly VppRelease[]): string {
  return releases.length === 0 ? 'no modelled release' : releases.join(', ');
}

/**
 * What a script knows about plugins: which it already warned about, and, when an open startup.conf
 * runs this script, which plugins that file enables or disables.
 */
export interface PluginContext {
  readonly warned: Set<string>;
  readonly switches?: ReadonlyMap<string, boolean>;
  /** The startup.conf the switches come from, for messages. */
  readonly source?: string;
}

/** Diagnostics for one script command. */
export function checkCommand(use: CommandUse, schema: Schema, plugins: PluginContext): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  let own = use.kind === 'command' && use.command && use.match ? checkArguments(use, use.command, schema, parentWithFunction(schema, use.command.path)) : undefined;
  // whether VPP's function fails on the line, after-loop checks included (unsoftened by a parent)
  const failed = !!use.nested?.continuedFrom && !!own && checkArguments(use, use.command!, schema).some((d) => SILENCED.has(d.code));
  const handed = use.nested?.continuedFrom ? continuedToParent(use, failed, schema, joinFix(use.line, use.nested.continuedFrom.at)) : undefined;
  if (handed) out.push(...handed);
  else if (use.nested) out.push(...checkCommand(use.nested, schema, plugins));
  // a line continued with `\\` that VPP refuses for its continuation: a misspelt keyword of this part is
  // where VPP stops first (`ipsec tunnel protect s-ain \\` then `1`: "unknown input 's-ain'")
  if (own && use.nested?.continuedFrom && out.some((d) => d.severity === 'error') && !own.some((d) => d.severity === 'error')) {
    own = checkArguments(use, use.command!, schema, parentWithFunction(schema, use.command!.path), true);
  }
  if (use.failure) out.push(withJoinFix(use, resolutionFailure(use, schema)));
  else if (use.kind === 'unresolved' && use.path.length > 0 && use.args.length === 0) {
    const last = use.path[use.path.length - 1].token;
    const subs = [...use.node.children.keys()].sort();
    out.push(withJoinFix(use, diagnostic('vpp.unknown-command', `\`${use.node.path}\` is not a complete command; VPP expects one of ${list(subs.slice(0, 8))}${subs.length > 8 ? ', ...' : ''}.`, last.start, last.end)));
  }
  if (use.unread) out.push(unreadDiagnostic(use));
  const command = use.command;
  if (use.kind !== 'command' || !command) return out;
  const warning = command.plugin ? pluginWarning(command.path, command.plugin, schema, plugins) : undefined;
  if (warning && !plugins.warned.has(command.plugin!)) {
    plugins.warned.add(command.plugin!);
    out.push(diagnostic('vpp.plugin-disabled', warning, use.path[0].token.start, use.path[use.path.length - 1].token.end));
  }
  if (own) {
    const found = silenced(command.path, own);
    const parent = emptyLineParent(use, schema);
    out.push(...(parent ? underEmptyLineParent(found, command.path, parent) : found));
  }
  return out;
}

/** What VPP refuses without a word (see silentErrors.ts) is a warning, never an error VPP would not raise. */
const SILENCED = new Set<DiagnosticCode>(['vpp.unknown-option', 'vpp.missing-value', 'vpp.invalid-value', 'vpp.missing-required', 'vpp.conflicting-options']);

function silenced(path: string, found: VppDiagnostic[]): VppDiagnostic[] {
  const silent = silentErrorsOf(path);
  if (!silent) return found;
  return found.map((d) =>
    SILENCED.has(d.code)
      ? {
          ...d,
          code: 'vpp.ignored-input',
          severity: DIAGNOSTIC_CODES['vpp.ignored-input'].severity,
          message: `${d.message.replace(/;\s*VPP (would stop|refuses)[^.]*\./, '.')} VPP reports no error though: when \`${path}\` fails, VPP runs \`${silent.parent}\` on what is left of the line, which accepts it, so the line does nothing (VPP ${silent.releases.join(' and ')} accepted \`${silent.line}\`).`,
        }
      : d,
  );
}

function pluginWarning(path: string, plugin: string, schema: Schema, plugins: PluginContext): string | undefined {
  const enable = `\`plugins { plugin ${plugin}_plugin.so { enable } }\``;
  const switched = plugins.switches?.get(plugin);
  if (switched === true) return undefined;
  const runner = plugins.source ?? 'the startup.conf that runs this script';
  if (switched === false) return `\`${path}\` comes from the ${plugin} plugin, which ${runner} disables: VPP will not know the command. Enable it there with ${enable}.`;
  if (plugins.switches?.get(DEFAULT_PLUGINS) === false && schema.plugins.has(plugin)) {
    return `\`${path}\` comes from the ${plugin} plugin, which \`plugin default { disable }\` in ${runner} leaves unloaded: VPP will not know the command. Enable it there with ${enable}.`;
  }
  if (!pluginDisabledByDefault(schema, plugin)) return undefined;
  return `\`${path}\` comes from the ${plugin} plugin, which VPP disables by default: enable it in startup.conf with ${enable}.`;
}

function resolutionFailure(use: CommandUse, schema: Schema): VppDiagnostic {
  const { token, reason, candidates } = use.failure!;
  const prefix = use.node.path;
  if (reason === 'ambiguous') {
    const names = candidates.map((c) => c.word).sort();
    return diagnostic(
      'vpp.ambiguous-command',
      `\`${token.text}\` is ambiguous${prefix ? ` after \`${prefix}\`` : ''}: it could be ${list(names)}. VPP refuses an abbreviation that matches more than one command.`,
      token.start,
      token.end,
      [{ kind: 'replace', candidates: names }],
    );
  }
  if (use.leftoverOf && use.path.length === 0) {
    return diagnostic(
      'vpp.unknown-command',
      `\`${use.leftoverOf}\` takes one word or a \`{ }\` block: VPP runs the rest of the line as a command and stops at \`${token.text}\`. Wrap the text in braces: \`${use.leftoverOf} { ... }\`.`,
      token.start,
      token.end,
    );
  }
  if (use.afterNoArgs && use.path.length === 0) {
    const end = use.items[use.items.length - 1].end;
    return diagnostic(
      'vpp.unknown-option',
      `\`${use.afterNoArgs}\` reads no arguments: VPP leaves \`${token.text}\` in its input and runs it as the next command, which it refuses with "unknown input".`,
      token.start,
      token.end,
      [{ kind: 'remove', start: token.start, end }],
    );
  }
  if (use.continuedFrom && use.path.length === 0) {
    const from = use.continuedFrom.path;
    return diagnostic(
      'vpp.unknown-command',
      `\`${from}\` reads its arguments only to the end of the line, and a \`\\\` continuation keeps the line break: VPP ends \`${from}\` there and takes \`${token.text}\` as the start of a command of its own, which it refuses with "unknown input". Join the lines to give \`${token.text}\` to \`${from}\`.`,
      token.start,
      token.end,
    );
  }
  const removed = removedCommand(use, token);
  if (removed) {
    // on the refused word, like any unknown command; `arp` is replaced by `neighbor`
    const { spec, last } = removed;
    const fixes = spec.replaceLastWord && last === token ? [{ kind: 'replace' as const, candidates: [spec.replaceLastWord] }] : undefined;
    return diagnostic('vpp.unknown-command', `VPP would say "unknown input": ${spec.message}`, token.start, token.end, fixes);
  }
  const fullPath = prefix ? `${prefix} ${token.text}` : token.text;
  const elsewhere = releasesOfCommand(fullPath);
  if (elsewhere.length > 0) {
    const here = schema.sourceTree ? `the VPP tree at ${schema.sourceTree}` : `VPP ${schema.release}`;
    return diagnostic('vpp.not-in-release', `\`${fullPath}\` is not in ${here}; it exists in ${releaseList(elsewhere)}.`, token.start, token.end);
  }
  const siblings = [...use.node.children.keys()];
  const guesses = suggest(token.text, siblings);
  const hint = guesses.length ? ` Did you mean ${list(guesses)}?` : '';
  const where = prefix ? `\`${prefix}\` has no sub-command \`${token.text}\`` : `unknown command \`${token.text}\``;
  return diagnostic('vpp.unknown-command', `VPP would say "unknown input": ${where}.${hint}`, token.start, token.end, guesses.length ? [{ kind: 'replace', candidates: guesses }] : undefined);
}

/** The fix for the part of a continued line that VPP runs on its own: every break from there on becomes one space. */
function joinFix(line: LineNode, at: Token): FixData[] {
  return (line.breaks ?? [])
    .filter((b) => b.start >= at.start)
    .map((b) => ({ kind: 'insert' as const, offset: b.start, text: ' ', replaces: b.end - b.start, label: 'Join the continued line into one line' }));
}

/** A resolution finding on what VPP runs after a line-reading command stopped: the fix joins the line instead. */
function withJoinFix(use: CommandUse, d: VppDiagnostic): VppDiagnostic {
  if (!use.continuedFrom) return d;
  return { ...d, fixes: [...joinFix(use.line, use.continuedFrom.at), ...(d.fixes ?? [])] };
}

function unreadDiagnostic(use: CommandUse): VppDiagnostic {
  const { at, items } = use.unread!;
  const first = items[0];
  const path = use.node.path;
  return diagnostic(
    'vpp.deprecated',
    `\`${path}\` reads its arguments only to the end of the line, and a \`\\\` continuation keeps the line break: inside \`{ }\` VPP runs \`${path}\` with what comes before it and ignores the rest. Join the lines to give it everything.`,
    first.start,
    isGroup(first) ? first.open.end : first.end,
    joinFix(use.line, at),
  );
}

/** A command VPP removed whose words the line starts with, the refused word among them, and its last word. */
function removedCommand(use: CommandUse, token: Token): { spec: RemovedCommand; last: Token } | undefined {
  const words = use.items.filter((i): i is Token => !isGroup(i));
  const index = words.indexOf(token);
  for (const spec of REMOVED_COMMANDS) {
    const path = spec.path.split(' ');
    if (index >= 0 && index < path.length && path.every((w, k) => words[k]?.text === w)) return { spec, last: words[path.length - 1] };
  }
  return undefined;
}

/** `lineFails`: VPP refuses the line anyway, for what the continuation after it holds (see `withMisspeltKeywords`). */
function checkArguments(use: CommandUse, command: CommandSpec, schema: Schema, parent?: string, lineFails = false): VppDiagnostic[] {
  const release = schema.release;
  const out: VppDiagnostic[] = [];
  /** What the checks after VPP's parse loop refuse: see `afterParent`. */
  const afterLoop: VppDiagnostic[] = [];
  const match = use.match!;
  // VPP reads nothing after an argument whose branch leaves the loop, nor (in a function that stops
  // at the first word it does not know, or reads no further than its last argument) after an unknown
  // word: the words from there on are neither errors nor read
  const ending = match.matches.find((m) => m.pattern.spec.endsInput);
  let ignoredFrom = ending ? ending.end : Infinity;
  // only once every required argument was read before it (or a template word may stand for them):
  // a sequence that fails at a required value returns VPP's error (`set interface state { up loop0 }`:
  // "unknown interface")
  const templated = use.args.some((a) => !isGroup(a) && /[${%]/.test(a.text));
  if (command.ignoresRest && match.unknown.length > 0 && (templated || requiredReadBefore(command, match, match.unknown[0].first))) {
    ignoredFrom = Math.min(ignoredFrom, match.unknown[0].first.start);
  }
  // there, a keyword whose value unformat cannot read fails its branch, and the loop stops at it
  const unread = command.ignoresRest ? match.matches.find((m) => m.keyword.length > 0 && m.values.some((v) => v.problem === 'missing' || (v.token && checkShape(v.token.text, v.spec)))) : undefined;
  // unless the value is a number unformat reads the leading digits of (`template-interval 1.5` reads
  // 1): VPP takes the argument and stops in the word, at `.5` (VPP 26.06: "unknown input `.5'")
  const digitsOf = unread && leadingDigitsRead(unread);
  if (unread && !digitsOf) ignoredFrom = Math.min(ignoredFrom, unread.start);
  if (digitsOf) ignoredFrom = Math.min(ignoredFrom, digitsOf.token.start);
  const given = new Map<string, ArgMatch<ArgSpec>[]>();
  for (const m of match.matches) {
    if (m.start >= ignoredFrom) continue;
    const name = m.pattern.spec.name;
    const uses = given.get(name);
    if (uses) uses.push(m);
    else given.set(name, [m]);
    // a 0 VPP refuses after its loop (`zeroRefused`) counts only in the last use: a later one replaces it
    const replaced = match.matches.some((o) => o.pattern.spec.name === name && o.start > m.start && o.start < ignoredFrom);
    if (m === unread && digitsOf) continue;
    out.push(...checkValues(replaced ? withoutZeroRefusal(m) : m), ...routePathFindings(m, command));
    if (m.pattern.spec.deprecated) out.push(diagnostic('vpp.deprecated', m.pattern.spec.deprecated, m.start, m.end));
  }
  const refusedWord = match.unknown.some((run) => run.first.start < ignoredFrom);
  for (const run of match.unknown) if (run.first.start < ignoredFrom) out.push(readAgain(run, command, match) ?? unknownArgument(run, command, release, expectedInSequence(run, command, match)));
  const firstIgnored = use.args.find((item) => item.start >= ignoredFrom);
  // a template word may stand for several words, so where the reading stops is not known
  const ignored = firstIgnored && ignoredInput(use, firstIgnored, command, templated || !!use.dropsRest || !!lineInputReader(command.path, release), schema, firstIgnored === digitsOf?.token ? digitsOf.digits : undefined);
  if (ignored) out.push(ignored);
  for (const [name, uses] of given) {
    const spec = uses[0].pattern.spec;
    if (uses.length > 1 && !spec.repeatable && spec.keyword) {
      // VPP keeps the last one, so the fix removes the earlier ones and the line means the same
      for (const earlier of uses.slice(0, -1)) {
        out.push(
          diagnostic('vpp.duplicate-option', `\`${spec.keyword}\` is given more than once; VPP ignores this one and keeps the last.`, earlier.start, earlier.end, [
            { kind: 'remove', start: earlier.start, end: earlier.end },
          ]),
        );
      }
    }
  }
  for (const group of command.exclusive ?? []) {
    const present = group.filter((name) => given.has(name));
    if (present.length > 1) {
      const second = given.get(present[1])![0];
      out.push(diagnostic('vpp.conflicting-options', `VPP refuses ${list(present)} together in \`${command.path}\`.`, second.start, second.end, [{ kind: 'remove', start: second.start, end: second.end }]));
    }
  }
  // a branch that tests what an earlier argument set is taken only after it (`mode lacp load-balance l34`)
  for (const m of templated ? [] : match.matches) {
    const guard = m.pattern.spec.readOnlyAfter;
    if (!guard || m.start >= ignoredFrom) continue;
    const setter = match.matches.filter((o) => o.pattern.spec.name === guard.arg && o.start < m.start).pop();
    if (setter && setter.values.some((v) => v.token && guard.values.includes(v.token.text))) continue;
    out.push(diagnostic('vpp.missing-required', guard.says, m.start, m.end));
  }
  // a value that takes the rest of the line may hold any argument written after it (`workers 0-3
  // loop0`): which were given is not known, so the checks read from VPP's source hold only without it
  const takesRest = command.source !== undefined && [...given.values()].some((uses) => uses.some((m) => m.values.some((v) => v.spec.kind === 'rest')));
  if (!templated && !takesRest && !(command.bareIsNoop && use.args.length === 0)) {
    const checked = givenToChecks(given);
    const required = command.required ?? [];
    const unfilled = required.filter((group) => !group.some((name) => checked.has(name)) && possibleUses(group, checked, command) === 0);
    // each group has a word, but one word may be all that several of them have
    const oneWordShort = unfilled.length === 0 ? unfilledGroup(required, checked, command) : undefined;
    for (const group of oneWordShort ? [oneWordShort] : unfilled) {
      // a group of every argument of a loop is VPP refusing the bare line: a word the loop refuses
      // (an error above) returns before that check ("unknown input `ref0'" for `nat44 add address ref0`)
      if (refusedWord && command.order !== 'sequence' && group.length > 1 && group.length === command.args?.length) continue;
      if (firstIgnored && (readsAsKeyword(firstIgnored, group, command) || readsNumberPrefix(firstIgnored, group, command, namesBefore(match, firstIgnored)))) continue;
      const specs = group.map((name) => command.args?.find((a) => a.name === name)).filter((a): a is ArgSpec => !!a);
      const last = use.path[use.path.length - 1].token;
      const lineEnd = use.items.length ? use.items[use.items.length - 1].end : last.end;
      const insert = specs[0] ? insertionText(specs[0]) : undefined;
      // an argument given whose value leaves VPP's check as without it (`table-id -1`, a `%d` into a u8)
      const asUnset = group.flatMap((name) => {
        const last = checked.has(name) ? undefined : given.get(name)?.at(-1);
        const words = last ? [...last.keyword.map((t) => t.text), ...last.values.flatMap((v) => (v.token ? [v.token.text] : []))] : [];
        return words.length ? [words.join(' ')] : [];
      });
      const note = asUnset.length ? ` VPP's check takes ${list(asUnset)} as not given.` : '';
      afterLoop.push(
        diagnostic(
          'vpp.missing-required',
          `\`${command.path}\` needs ${group.length > 1 ? `one of ${list([...new Set(specs.map((s) => s.keyword ?? `<${s.name}>`))])}` : `\`${specs[0]?.keyword ?? `<${group[0]}>`}\``}; VPP refuses the command without it.${note}`,
          use.path[0].token.start,
          last.end,
          insert ? [{ kind: 'insert', offset: lineEnd, text: ` ${insert}`, label: `Add \`${insert}\`` }] : undefined,
        ),
      );
    }
    const refused = refusalDiagnostics(command, checked, use.path[0].token.start, use.path[use.path.length - 1].token.end);
    // a word VPP reads as the start of a keyword may be what the refusal misses
    if (!(firstIgnored && (command.refuses ?? []).some((r) => (r.without ?? []).some((g) => readsAsKeyword(firstIgnored, groupOf(g).of, command))))) afterLoop.push(...refused);
    // with the whole line read, the parents run on nothing: when each of them refuses that, so does VPP.
    // After a `{ }` block they run on nothing too, whatever the function left unread in it (VPP 26.06
    // refused `set vxlan-gpe-ioam export ipfix { collector 10.9.0 }` with the parent's "tunnel local
    // address not specified")
    const stillRefused = (!firstIgnored || !!use.braced) && !templated && ancestorsRefuseEmptyLine(schema, command.path);
    const afterChecks = parent && !stillRefused ? afterLoop.map((d) => afterParent(d, command.path, parent)) : afterLoop;
    out.push(...afterChecks);
    // the words dropped unread are no quiet end when a check after the loop refuses the line: VPP's
    // error quotes the input it left, from that word (VPP 26.06: "set ip flow-hash: unknown input
    // `table'" for `set ip flow-hash { table }`, "trace filter: expected ..., got `include'")
    if (ignored?.code === 'vpp.ignored-input' && afterChecks.some((d) => d.code === 'vpp.missing-required' && d.severity === 'error')) {
      out[out.indexOf(ignored)] = refusedAtIgnored(ignored, command, isGroup(firstIgnored!) ? '{' : (firstIgnored as Token).text);
    }
    for (const [, uses] of given) {
      const spec = uses[0].pattern.spec;
      const missing = (spec.needs ?? []).filter((name) => !given.has(name));
      if (missing.length === 0) continue;
      const needed = missing.map((name) => command.args?.find((a) => a.name === name)?.keyword ?? `<${name}>`);
      const at = uses[uses.length - 1];
      out.push(diagnostic('vpp.missing-required', `\`${spec.keyword ?? spec.name}\` needs ${list(needed)}; VPP refuses it alone.`, at.start, at.end));
    }
  }
  return withMisspeltKeywords(out, match, command, release, ignoredFrom, lineFails);
}

/**
 * On a line VPP refuses already, a misspelt keyword we read as an interface (see misreadInterface.ts)
 * is where VPP stops: it is reported there, and the value after it is its own, no word of its own.
 */
function withMisspeltKeywords(out: VppDiagnostic[], match: MatchResult<ArgSpec>, command: CommandSpec, release: VppRelease, before: number, lineFails: boolean): VppDiagnostic[] {
  if (!lineFails && !out.some((d) => d.severity === 'error' && SILENCED.has(d.code))) return out;
  const typos = misspeltKeywords(match, command, before);
  if (typos.length === 0) return out;
  const taken = new Set(typos.flatMap((t) => (t.replaces ? [t.replaces.first.start] : [])));
  const kept = out.filter((d) => !(d.code === 'vpp.unknown-option' && taken.has(d.start)));
  const found = typos.map((t) => {
    const d = unknownArgument(t.run, command, release);
    return { ...d, message: `${d.message} VPP would read it as an interface only if one had that name.` };
  });
  return [...found, ...kept];
}

/**
 * The arguments as VPP's checks after the loop see them: one whose number reads as the `~0` or 0 its
 * variable starts at (`table-id -1` with `%d` into a u32, `port 0`) is not given there.
 */
function givenToChecks(given: ReadonlyMap<string, ArgMatch<ArgSpec>[]>): Map<string, ArgMatch<ArgSpec>[]> {
  const out = new Map<string, ArgMatch<ArgSpec>[]>();
  for (const [name, uses] of given) {
    // VPP keeps the last one
    const last = uses[uses.length - 1];
    const unset = last.values.some(
      (v) =>
        v.token &&
        ((v.spec.allOnesIsUnset && readsAsAllOnes(v.token.text, v.spec.kind)) ||
          (v.spec.zeroIsUnset && readsAsZero(v.token.text, v.spec.kind)) ||
          (v.spec.fitsIsUnset !== undefined && /^\+?\d+$/.test(v.token.text) && Number(v.token.text) <= v.spec.fitsIsUnset)),
    );
    if (!unset) out.set(name, uses);
  }
  return out;
}

/** A number 0, or an address of all zeros (`0.0.0.0`, `::`). */
function readsAsZero(text: string, kind: string): boolean {
  if (kind === 'ip4') return /^0+\.0+\.0+\.0+$/.test(text);
  if (kind === 'ip6') return /^[0:]*$/.test(text) && text.includes(':') && (text.includes('::') || text.split(':').length === 8);
  return /^[+-]?0+$/.test(text);
}

/** A number unformat stores as 0xffffffff in 32 bits: `-1` with `%d`, `4294967295` with either. */
function readsAsAllOnes(text: string, kind: string): boolean {
  const m = /^(-?)(\d+)$/.exec(text);
  if (!m || (m[1] && kind !== 'int')) return false;
  const n = BigInt(m[2]);
  const value = m[1] ? -n : n;
  return (value & 0xffffffffn) === 0xffffffffn && (m[1] ? n === 1n : n <= 0xffffffffn);
}

function namesBefore(match: MatchResult<ArgSpec>, item: Item): string[] {
  return match.matches.filter((m) => m.start < item.start).map((m) => m.pattern.spec.name);
}

/** Whether each required argument was read before `item`, or is read from its start (`on` in `onq`). */
function requiredReadBefore(command: CommandSpec, match: MatchResult<ArgSpec>, item: Item): boolean {
  return (command.required ?? []).every((group) => match.matches.some((m) => m.start < item.start && group.includes(m.pattern.spec.name)) || readsAsKeyword(item, group, command) || readsNumberPrefix(item, group, command, namesBefore(match, item)));
}

/**
 * The nearest command above `path` that has a function of its own (`dns` above `dns name-server`):
 * vlib_cli_dispatch_sub_commands (src/vlib/cli.c) runs it on what is left of the line when the
 * command below fails, and its verdict replaces that error.
 */
function parentWithFunction(schema: Schema, path: string): string | undefined {
  const words = path.split(' ');
  let node = schema.root;
  let found: string | undefined;
  for (const word of words.slice(0, -1)) {
    const next = node.children.get(word);
    if (!next) return found;
    node = next;
    if (node.runnable && schema.commands.has(node.path)) found = node.path;
  }
  return found;
}

/**
 * A check after the parse loop of a command below one with a function: the loop has read the whole
 * line, so VPP runs the parent on nothing, and what it answers replaces the error (VPP 26.06 accepted
 * `dns name-server` alone, which `dns name-server` itself refuses). A warning, not an error.
 */
function afterParent(d: VppDiagnostic, path: string, parent: string): VppDiagnostic {
  return {
    ...d,
    code: 'vpp.ignored-input',
    severity: DIAGNOSTIC_CODES['vpp.ignored-input'].severity,
    message: `${d.message.replace(/;\s*VPP refuses[^.]*\.$/, '.')} VPP may report no error though: when \`${path}\` fails, VPP runs \`${parent}\` on what is left of the line (nothing), and its answer replaces the error.`,
  };
}

/**
 * unformat matches a keyword as the start of a word (`on` in `onq`) and leaves the rest of it to
 * the next read: where VPP stops at that rest, it has read the keyword.
 */
function readsAsKeyword(item: Item, group: readonly string[], command: CommandSpec): boolean {
  if (isGroup(item)) return false;
  const text = (item as Token).text;
  return group.some((name) => {
    const spec = command.args?.find((a) => a.name === name);
    return !!spec && readsKeywordFrom(spec, text);
  });
}

/** What to insert for a missing option: its keyword and a placeholder per value. */
export function insertionText(spec: ArgSpec): string {
  const values = (spec.values ?? []).map((v) => v.placeholder ?? `<${v.kind}>`);
  return [spec.keyword, ...values].filter(Boolean).join(' ');
}

/** The match with the refusal of a 0 taken off its values (`ip table 0 5`: VPP keeps 5). */
function withoutZeroRefusal(m: ArgMatch<ArgSpec>): ArgMatch<ArgSpec> {
  const values = m.values.map((v) => (v.spec.zeroRefused && v.problem === ZERO_REFUSED ? { ...v, problem: undefined } : v));
  return { pattern: m.pattern, keyword: m.keyword, values, block: m.block, start: m.start, end: m.end };
}

function checkValues(m: ArgMatch<ArgSpec>): VppDiagnostic[] {
  const spec = m.pattern.spec;
  const label = spec.keyword ? `\`${spec.keyword}\`` : `<${spec.name}>`;
  return checkValueMatches(m.values, label, m.keyword[m.keyword.length - 1] ?? m);
}

/**
 * A keyword of a group VPP reads in one pass only (`CommandSpec.readOnce`), given again after one of
 * the group: VPP's branch tests its flag first and the word is unknown input.
 */
function readAgain(run: UnknownRun, command: CommandSpec, match: MatchResult<ArgSpec>): VppDiagnostic | undefined {
  const item = run.first;
  if (isGroup(item)) return undefined;
  const text = (item as Token).text;
  for (const group of command.readOnce ?? []) {
    const specs = (command.args ?? []).filter((a) => group.includes(a.name));
    if (!specs.some((a) => a.keyword?.split(' ')[0] === text)) continue;
    const earlier = match.matches.find((m) => group.includes(m.pattern.spec.name) && m.start < item.start);
    if (!earlier) continue;
    const words = [...new Set(specs.map((a) => a.keyword!.split(' ')[0]))];
    return diagnostic(
      'vpp.unknown-option',
      `\`${command.path}\` reads ${words.length > 1 ? `one of ${list(words)}` : `\`${words[0]}\``} once: after \`${earlier.keyword.map((t) => t.text).join(' ')}\` it no longer tries ${words.length > 1 ? 'them' : 'it'}, and VPP stops here with "unknown input".`,
      item.start,
      item.end,
      [{ kind: 'remove', start: run.items[0].start, end: lastEnd(run.items) }],
    );
  }
  return undefined;
}

/**
 * In a sequence, the required value VPP reads where `run` starts, when no word before it gave it:
 * VPP reads it there or fails (`mtu_cmd` reads `%d %U`: "unknown input `loop0 9000'").
 */
function expectedInSequence(run: UnknownRun, command: CommandSpec, match: MatchResult<ArgSpec>): ArgSpec | undefined {
  if (command.order !== 'sequence') return undefined;
  const args = command.args ?? [];
  const loopFrom = command.loopFrom ?? Infinity;
  for (const group of command.required ?? []) {
    const index = group.length === 1 ? args.findIndex((a) => a.name === group[0]) : -1;
    if (index < 0 || index >= loopFrom || args[index].keyword) continue;
    if (!match.matches.some((m) => m.pattern.spec === args[index] && m.start < run.first.start)) return args[index];
  }
  return undefined;
}

function unknownArgument(run: UnknownRun, command: CommandSpec, release: VppRelease, expected?: ArgSpec): VppDiagnostic {
  const item = run.first;
  const text = isGroup(item) ? '{' : (item as Token).text;
  const start = item.start;
  const end = isGroup(item) ? item.open.end : item.end;
  // a command of the user's own sources is the same in every release: the modelled ones say nothing about it
  const otherReleases = command.definedAt ? [] : RELEASES.filter((r) => allArgsOf(command.path).some((a) => a.keyword === text && (!a.releases || a.releases.includes(r))));
  if (otherReleases.length > 0 && !otherReleases.includes(release)) {
    return diagnostic('vpp.not-in-release', `\`${text}\` is not an option of \`${command.path}\` in VPP ${release}; it exists in ${releaseList(otherReleases)}.`, start, end, [
      { kind: 'remove', start: run.items[0].start, end: lastEnd(run.items) },
    ]);
  }
  const keywords = (command.args ?? []).map((a) => a.keyword).filter((k): k is string => !!k);
  const prefixed = keywordReadFromWords(run, command);
  if (prefixed) {
    const { spec, last } = prefixed;
    const lastWord = spec.keyword!.split(' ').pop()!;
    return diagnostic(
      'vpp.unknown-option',
      `\`${command.path}\` reads \`${spec.keyword}\` from the start of \`${run.items.slice(0, run.items.indexOf(last) + 1).map((i) => (i as Token).text).join(' ')}\` and stops at \`${last.text.slice(lastWord.length)}\`; VPP would stop with "unknown input".`,
      last.start,
      last.end,
      [{ kind: 'replace', candidates: [lastWord] }],
    );
  }
  const guesses = suggest(text, keywords);
  const hint = guesses.length ? ` Did you mean ${list(guesses)}?` : '';
  const fixes: VppDiagnostic['fixes'] = guesses.length ? [{ kind: 'replace', candidates: guesses }] : [];
  fixes.push({ kind: 'remove', start: run.items[0].start, end: lastEnd(run.items) });
  const says = expected
    ? `\`${command.path}\` reads its arguments in order and expects <${expected.name}> here, not \`${text}\`: VPP stops there and refuses the line.`
    : `\`${command.path}\` does not accept \`${text}\`; VPP would stop with "unknown input".`;
  return diagnostic('vpp.unknown-option', `${says}${hint}`, start, end, fixes);
}

/**
 * A keyword of several words, with no value, whose last word unformat reads from the start of a
 * longer word (`mode ip` from `mode ipq`, `fragments on` from `fragments onq`): VPP takes it and stops
 * at the rest of that word (VPP 26.06: "create host-interface: unknown input `q'").
 */
function keywordReadFromWords(run: UnknownRun, command: CommandSpec): { spec: ArgSpec; last: Token } | undefined {
  const words = run.items.map((i) => (isGroup(i) ? undefined : (i as Token).text));
  for (const spec of command.args ?? []) {
    const parts = spec.keyword?.split(' ') ?? [];
    if (parts.length < 2 || spec.values?.length) continue;
    const n = parts.length;
    if (words.length < n || !parts.slice(0, -1).every((p, k) => words[k] === p)) continue;
    const last = words[n - 1];
    if (last && last.length > parts[n - 1].length && last.startsWith(parts[n - 1])) return { spec, last: run.items[n - 1] as Token };
  }
  return undefined;
}

/** An ignored word where VPP's check after its loop then refuses the line: an error there. */
function refusedAtIgnored(d: VppDiagnostic, command: CommandSpec, text: string): VppDiagnostic {
  const path = command.path;
  // the keyword itself, whose values do not follow it (`trace filter { include }`): no typo
  const own = command.args?.find((a) => a.keyword === text && a.values?.length);
  if (own) {
    const fixes = d.fixes?.filter((f) => f.kind !== 'replace');
    return diagnostic('vpp.unknown-option', `\`${text}\` needs its values here (\`${insertionText(own)}\`): \`${path}\` stops reading at it and refuses what it read; VPP's error quotes the input from here.`, d.start, d.end, fixes);
  }
  const hint = / Did you mean [^?]*\?$/.exec(d.message)?.[0] ?? '';
  return diagnostic('vpp.unknown-option', `\`${path}\` stops reading at \`${text}\` and refuses what it read; VPP's error quotes the input from here.${hint}`, d.start, d.end, d.fixes);
}

/** The last value of an argument, a number that fails, whose leading digits unformat reads (`1` of `1.5`). */
function leadingDigitsRead(m: ArgMatch<ArgSpec>): { token: Token; digits: string } | undefined {
  const failing = m.values.find((v) => v.problem === 'missing' || (v.token && checkShape(v.token.text, v.spec)));
  if (!failing?.token || failing !== m.values[m.values.length - 1] || !readsLeadingNumber(failing.token.text, failing.spec)) return undefined;
  const digits = (failing.spec.kind === 'hex' ? /^\+?[0-9a-fA-F]+/ : /^[-+]?\d+/).exec(failing.token.text)?.[0];
  return digits ? { token: failing.token, digits } : undefined;
}

/**
 * Where a command stops reading. A command that read its line (`unformat_line_input`) drops the
 * rest; one that reads VPP's input directly leaves it there, and vlib_cli_input (src/vlib/cli.c)
 * dispatches it as the next command, which VPP refuses as unknown input.
 */
function ignoredInput(use: CommandUse, item: Item, command: CommandSpec, dropped: boolean, schema: Schema, digitsRead?: string): VppDiagnostic {
  const text = isGroup(item) ? '{' : (item as Token).text;
  const keywords = (command.args ?? []).map((a) => a.keyword).filter((k): k is string => !!k);
  const guesses = suggest(text, keywords);
  const hint = guesses.length ? ` Did you mean ${list(guesses)}?` : '';
  const lineEnd = use.args[use.args.length - 1].end;
  // a number read in part: the fix writes what VPP reads
  const fixes: VppDiagnostic['fixes'] = digitsRead ? [{ kind: 'replace', candidates: [digitsRead] }] : guesses.length ? [{ kind: 'replace', candidates: guesses }] : [];
  if (!digitsRead) fixes.push({ kind: 'remove', start: item.start, end: lineEnd });
  const end = isGroup(item) ? item.open.end : item.end;
  const split = dropped || isGroup(item) ? undefined : restRunsAsCommand(text, command, schema);
  if (split) {
    return diagnostic(
      'vpp.ignored-input',
      `\`${command.path}\` reads \`${split.keyword}\` from the start of \`${text}\` and stops at \`${split.rest}\`: VPP runs \`${split.rest}\` as the next command, \`${split.runs}\`, and reports no error.${hint}`,
      item.start,
      end,
      fixes,
    );
  }
  // `del` read from the start of `delete` leaves `ete`, which VPP runs (VPP 26.06: "unknown input `ete'")
  const head = digitsRead ?? (isGroup(item) ? undefined : keywords.find((k) => readsKeywordFrom(command.args!.find((a) => a.keyword === k)!, text)));
  const left = head ? text.slice(head.length) : text;
  const how = head ? `reads \`${head}\` from the start of \`${text}\` and stops at \`${left}\`` : `stops reading at \`${text}\``;
  if (!dropped) {
    return diagnostic('vpp.unknown-option', `\`${command.path}\` ${how}, and VPP reads \`${left}\` on as a command of its own: it stops with "unknown input".${hint}`, item.start, end, fixes);
  }
  return diagnostic('vpp.ignored-input', `\`${command.path}\` ${how}: VPP runs the command without it and without anything after it, and reports no error.${hint}`, item.start, end, fixes);
}

function lastEnd(items: readonly Item[]): number {
  return items[items.length - 1].end;
}

export type { Token };
