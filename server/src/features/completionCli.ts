import type { Analysis } from '../analysis/analyze';
import { matchArgs, type ArgPattern, type MatchResult } from '../analysis/args';
import { argPatterns } from '../analysis/cliModel';
import { DISPATCHER_WORDS, releasesOfCommand, type CommandNode } from '../schema/index';
import { interfaceTypeForCommand } from '../schema/docs/interfaceTypes';
import type { ArgSpec, CommandSpec, ValueSpec } from '../schema/types';
import type { Item } from '../syntax/tree';
import { cliContext } from './cliContext';
import { CompletionItemKind, keywordContinuations, snippetFor, type CompletionSink } from './completionItems';
import type { Cursor } from './cursor';
import { argUsage, describeReleases, describeValue, DocText, interfaceKindLabel, interfaceTypeDoc, pluginNote, releasesOfArg, releaseSynopsis } from './docText';
import { valuesUsedInFile, type InterfaceCandidate } from './fileValues';
import { offeredInterfaces } from './offeredInterfaces';
import { snippetItems } from './snippets';

/** Completion in a VPP CLI script: command words, then the options and values of the command. */
export function cliCompletions(analysis: Analysis, cursor: Cursor, sink: CompletionSink): void {
  const context = cliContext(cursor, analysis.schema);
  if (context.kind === 'command-word') {
    for (const child of context.node.children.values()) commandWordItem(analysis, child, sink);
    if (context.atRoot && !context.wordsOnly) {
      for (const spec of DISPATCHER_WORDS.values()) {
        sink.add({ label: spec.path, kind: CompletionItemKind.Keyword, detail: spec.synopsis, doc: new DocText(sink.caps.markdown).para(spec.doc), rank: 7 });
      }
      snippetItems(analysis, cursor, sink);
    }
    const command = context.node.command;
    if (!context.wordsOnly && context.node.runnable && command) argumentItems(analysis, command, [], cursor, sink);
  } else if (context.kind === 'arguments') {
    argumentItems(analysis, context.command, context.args, cursor, sink);
  }
}

function commandWordItem(analysis: Analysis, node: CommandNode, sink: CompletionSink): void {
  const doc = new DocText(sink.caps.markdown);
  const command = node.command;
  let detail: string;
  if (command && node.runnable) {
    detail = releaseSynopsis(command);
    doc.para(command.doc);
    const type = interfaceTypeForCommand(node.path);
    if (type) interfaceTypeDoc(doc, type, 'brief');
    doc.para(pluginNote(analysis.schema, command.plugin));
    doc.para(`Releases: ${describeReleases(releasesOfCommand(node.path))}`);
  } else {
    const subs = [...node.children.keys()].sort();
    detail = `${node.path} ${subs.slice(0, 6).join(' | ')}${subs.length > 6 ? ' | …' : ''}`;
    doc.para(`Sub-commands of \`${node.path}\`: ${subs.map((s) => `\`${s}\``).join(', ')}`);
  }
  sink.add({ label: node.word, kind: node.runnable ? CompletionItemKind.Function : CompletionItemKind.Module, detail, doc });
}

function argumentItems(analysis: Analysis, command: CommandSpec, args: readonly Item[], cursor: Cursor, sink: CompletionSink): void {
  const patterns = argPatterns(command);
  if (patterns.length === 0) {
    // commands we know only by their synopsis: still offer interfaces where it takes one
    if (/<(interface|intfc|if-name|interface-name)>/.test(command.synopsis)) interfaceItems(analysis, cursor, sink, 6);
    return;
  }
  const result = matchArgs(args, patterns, command.order ?? 'any', command.loopFrom);
  const last = result.matches[result.matches.length - 1];
  const atEnd = !!last && !args.some((a) => a.start >= last.end);
  if (atEnd && last.values.some((v) => v.spec.kind === 'rest')) return;
  const pending = atEnd ? last.values[last.values.length - 1] : undefined;
  const continuations = optionContinuations(patterns, result, args);
  if (pending?.problem === 'missing') {
    valueItems(analysis, command, last.pattern.spec, pending.spec, cursor, sink, 0);
    for (const c of continuations) optionItem(command, c.pattern.spec, c.rest, sink, 1);
    return;
  }
  if (continuations.length > 0) {
    for (const c of continuations) optionItem(command, c.pattern.spec, c.rest, sink, 0);
    return;
  }
  const given = new Set(result.matches.map((m) => m.pattern.spec.name));
  const unsatisfied = new Set((command.required ?? []).filter((group) => !group.some((n) => given.has(n))).flat());
  const excluded = new Set((command.exclusive ?? []).filter((group) => group.some((n) => given.has(n))).flatMap((group) => group.filter((n) => !given.has(n))));
  const sequence = command.order === 'sequence';
  const firstAvailable = sequence ? sequencePosition(patterns, result) : 0;
  for (let index = firstAvailable; index < patterns.length; index++) {
    const pattern = patterns[index];
    const spec = pattern.spec;
    if (excluded.has(spec.name) || (given.has(spec.name) && !pattern.repeatable)) continue;
    const rank = unsatisfied.has(spec.name) ? 0 : pattern.words.length === 0 ? 2 : 3;
    if (pattern.words.length > 0) optionItem(command, spec, spec.keyword!, sink, rank);
    else if (spec.values?.[0]) valueItems(analysis, command, spec, spec.values[0], cursor, sink, rank);
    if (sequence && closesRequiredGroup(command, patterns, index, unsatisfied)) break;
  }
}

/** In a sequence, nothing after a required argument may come before it. */
function closesRequiredGroup(command: CommandSpec, patterns: readonly ArgPattern<ArgSpec>[], index: number, unsatisfied: Set<string>): boolean {
  const name = patterns[index].spec.name;
  if (!unsatisfied.has(name)) return false;
  const group = (command.required ?? []).find((g) => g.includes(name))!;
  return group.every((member) => patterns.findIndex((p) => p.spec.name === member) <= index);
}

/** In a command whose arguments come in order, the first one that may still follow. */
function sequencePosition(patterns: readonly ArgPattern<ArgSpec>[], result: MatchResult<ArgSpec>): number {
  let position = 0;
  for (const m of result.matches) {
    const index = patterns.indexOf(m.pattern);
    position = m.pattern.repeatable ? index : index + 1;
  }
  return position;
}

/** The rest of multi-word keywords typed before the cursor, unless the option was given earlier and may not repeat. */
function optionContinuations(patterns: readonly ArgPattern<ArgSpec>[], result: MatchResult<ArgSpec>, args: readonly Item[]) {
  return keywordContinuations(patterns, args).filter(({ pattern, typedAt }) => {
    const earlier = result.matches.some((m) => m.pattern.spec.name === pattern.spec.name && m.end <= typedAt);
    return !earlier || pattern.repeatable;
  });
}

function argDoc(command: CommandSpec, spec: ArgSpec, markdown: boolean): DocText {
  const doc = new DocText(markdown).para(spec.doc);
  for (const v of spec.values ?? []) if (v.kind !== 'rest') doc.para(`Value: ${describeValue(v)}`);
  if (spec.deprecated) doc.para(`**Deprecated:** ${spec.deprecated}`);
  const releases = releasesOfArg(command.path, spec.name);
  if (releases) doc.para(`Releases: ${describeReleases(releases)}`);
  return doc;
}

function optionItem(command: CommandSpec, spec: ArgSpec, words: string, sink: CompletionSink, rank: number): void {
  const values = spec.values ?? [];
  sink.add({
    label: words,
    kind: values.length ? CompletionItemKind.Property : CompletionItemKind.Keyword,
    detail: `${argUsage(spec)}${rank === 0 ? ' (required)' : ''}`,
    doc: argDoc(command, spec, sink.caps.markdown),
    snippet: values.length ? snippetFor(words, values) : undefined,
    rank,
    deprecated: !!spec.deprecated,
  });
}

function valueItems(analysis: Analysis, command: CommandSpec, arg: ArgSpec, spec: ValueSpec, cursor: Cursor, sink: CompletionSink, rank: number): void {
  const label = arg.keyword ? `\`${arg.keyword}\`` : `<${arg.name}>`;
  if (spec.kind === 'enum') {
    for (const value of spec.values ?? []) {
      sink.add({ label: value, kind: CompletionItemKind.EnumMember, detail: `${label} of ${command.path}`, doc: new DocText(sink.caps.markdown).para(arg.doc), rank });
    }
  } else if (spec.kind === 'interface') {
    interfaceItems(analysis, cursor, sink, rank);
  } else if (spec.kind === 'netns') {
    for (const ns of valuesUsedInFile(analysis, 'netns', cursor.offset)) {
      sink.add({ label: ns, kind: CompletionItemKind.Value, detail: 'network namespace named elsewhere in this file', rank });
    }
  }
}

/** More interface names than this and the list is cut to those that fit what is typed, nearest first, and marked incomplete. */
export const MAX_INTERFACE_ITEMS = 100;

/** `typed` appears in `name` in order, as the client's fuzzy filter wants (case aside). */
function fitsTyped(name: string, typed: string): boolean {
  let at = 0;
  for (const c of typed) {
    at = name.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The interfaces to offer: all of them in a small script; in a script that creates thousands, those
 * that fit the word typed so far, the last created above the cursor first (the client asks again as
 * the user types, since the list says it is incomplete).
 */
function interfacesToOffer(analysis: Analysis, cursor: Cursor, sink: CompletionSink): InterfaceCandidate[] {
  const typed = cursor.partial.toLowerCase();
  const fitsName = (name: string) => !typed || fitsTyped(name.toLowerCase(), typed);
  const { candidates, incomplete } = offeredInterfaces(analysis, cursor.offset, fitsName, MAX_INTERFACE_ITEMS, typed || undefined);
  if (incomplete) sink.incomplete = true;
  return candidates;
}

function interfaceItems(analysis: Analysis, cursor: Cursor, sink: CompletionSink, rank: number): void {
  for (const candidate of interfacesToOffer(analysis, cursor, sink)) {
    const defined = candidate.defined;
    const doc = new DocText(sink.caps.markdown);
    if (defined) doc.para(`Created on line ${defined.line + 1}:`).code(analysis.text.slice(defined.start, defined.end));
    sink.add({
      label: candidate.name,
      kind: CompletionItemKind.Variable,
      detail: defined ? `${interfaceKindLabel(defined.kind)}, created on line ${defined.line + 1}` : 'interface named elsewhere in this file',
      doc,
      rank: defined ? rank : rank + 1,
    });
  }
}
