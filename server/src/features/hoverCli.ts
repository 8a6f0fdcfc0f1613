import type { Analysis } from '../analysis/analyze';
import { matchArgs } from '../analysis/args';
import { argPatterns, type CommandUse } from '../analysis/cliModel';
import { interfacesNamed, interfacesNamedByWordAt } from '../analysis/interfaceIndex';
import type { DefinedInterface } from '../analysis/interfaces';
import { releasesOfCommand, type CommandNode } from '../schema/index';
import { interfaceTypeForCommand } from '../schema/docs/interfaceTypes';
import { lineInputReader } from '../schema/lineInput';
import type { ArgSpec, CommandSpec, ValueSpec } from '../schema/types';
import type { Token } from '../syntax/tree';
import { commandUseAt } from './cursor';
import { argUsage, describeReleases, describeValue, DocText, interfaceKindLabel, firstSentence, interfaceTypeDoc, pluginNote, releasesOfArg, releaseSynopsis, sourceNote, type HoverDetail } from './docText';

/** Hover in a script: the command, the option or value under the cursor, or an interface name. */
export function cliHover(analysis: Analysis, token: Token, markdown: boolean, detail: HoverDetail = 'short'): DocText | undefined {
  const use = commandUseAt(analysis, token);
  return (use && useHover(analysis, use, token, markdown, detail)) ?? interfaceNameHover(analysis, token, markdown);
}

function useHover(analysis: Analysis, use: CommandUse, token: Token, markdown: boolean, detail: HoverDetail): DocText | undefined {
  const first = use.items[0];
  if (use.kind === 'dispatcher' && use.command && first?.start === token.start) {
    return new DocText(markdown).code(use.command.synopsis).para(use.command.doc);
  }
  const onPath = use.path.findIndex((p) => p.token.start === token.start);
  if (onPath >= 0) {
    // any word of a complete command documents the whole command
    return commandHover(analysis, use.kind === 'command' ? use.node : use.path[onPath].node, markdown, detail);
  }
  const command = use.command;
  if (use.kind !== 'command' || !command?.args?.length) return undefined;
  const match = use.match ?? matchArgs(use.args, argPatterns(command), command.order ?? 'any', command.loopFrom);
  for (const m of match.matches) {
    if (m.keyword.some((k) => k.start === token.start)) return optionHover(analysis, command, m.pattern.spec, markdown);
    const value = m.values.find((v) => v.token?.start === token.start);
    if (value) return valueHover(analysis, command, m.pattern.spec, value.spec, token, markdown);
  }
  return undefined;
}

export function commandHover(analysis: Analysis, node: CommandNode, markdown: boolean, detail: HoverDetail = 'short'): DocText {
  const doc = new DocText(markdown);
  const command = node.command;
  if (!command || !node.runnable) {
    const subs = [...node.children.keys()].sort();
    return doc.code(`${node.path} …`).para(`Not a command by itself; its sub-commands are ${subs.map((s) => `\`${s}\``).join(', ')}.`);
  }
  doc.code(releaseSynopsis(command)).para(detail === 'short' ? firstSentence(command.doc) : command.doc);
  doc.para(pluginNote(analysis.schema, command.plugin));
  // a command of the user's own sources is in no release we model: say where it comes from instead
  if (command.definedAt) doc.para(sourceNote(command.definedAt, markdown));
  else doc.para(`Releases: ${describeReleases(releasesOfCommand(node.path))}`);
  const reader = lineInputReader(node.path, analysis.release);
  if (reader) {
    const where = `Reads its arguments only to the end of the line (\`unformat_line_input\` in \`${reader.function}\`, ${reader.file})`;
    doc.para(
      detail === 'short'
        ? 'Reads its arguments only to the end of the line: a `\\` continuation ends them.'
        : `${where}: after the first argument, a \`\\\` continuation ends them, and VPP runs what follows as a command of its own. Keep the arguments on one line.`,
    );
  }
  const type = interfaceTypeForCommand(node.path);
  if (type) interfaceTypeDoc(doc, type, detail);
  return doc;
}

function optionHover(analysis: Analysis, command: CommandSpec, arg: ArgSpec, markdown: boolean): DocText {
  const doc = new DocText(markdown).code(argUsage(arg)).para(`${arg.keyword ? 'Option' : 'Argument'} of \`${command.path}\`. ${arg.doc}`);
  for (const v of arg.values ?? []) if (v.kind !== 'rest') doc.para(`Value: ${describeValue(v)}`);
  if (arg.repeatable) doc.para('May be given more than once.');
  if (arg.deprecated) doc.para(`**Deprecated:** ${arg.deprecated}`);
  if (!command.definedAt) doc.para(`Releases: ${describeReleases(releasesOfArg(command.path, arg.name) ?? command.releases)}`);
  return doc.para(pluginNote(analysis.schema, command.plugin));
}

function valueHover(analysis: Analysis, command: CommandSpec, arg: ArgSpec, spec: ValueSpec, token: Token, markdown: boolean): DocText {
  if (spec.kind === 'interface') {
    const defined = latestDefinition(analysis, token);
    if (defined) return definedHover(analysis, defined, markdown);
  }
  const label = arg.keyword ? `\`${arg.keyword}\`` : `<${arg.name}>`;
  const doc = new DocText(markdown).para(`Value of ${label} in \`${command.path}\`: ${describeValue(spec)}.`).para(arg.doc);
  const created = interfacesNamedByWordAt(analysis, token.start).map((d) => `\`${d.name}\``);
  if (created.length) doc.para(`Names the new interface ${created.slice(0, 4).join(', ')}${created.length > 4 ? ', …' : ''}.`);
  return doc;
}

function interfaceNameHover(analysis: Analysis, token: Token, markdown: boolean): DocText | undefined {
  const defined = latestDefinition(analysis, token);
  return defined && definedHover(analysis, defined, markdown);
}

/** The interface of that name created last before the word, else the first created after it. */
function latestDefinition(analysis: Analysis, token: Token): DefinedInterface | undefined {
  const named = interfacesNamed(analysis, token.text);
  return named.filter((d) => d.start <= token.start).pop() ?? named[0];
}

function definedHover(analysis: Analysis, defined: DefinedInterface, markdown: boolean): DocText {
  const doc = new DocText(markdown).para(`**${defined.name}**: ${interfaceKindLabel(defined.kind)}, created on line ${defined.line + 1} by \`${defined.command}\`:`);
  doc.code(analysis.text.slice(defined.start, defined.end));
  if (defined.linuxName) doc.para(`Linux side: \`${defined.linuxName}\``);
  return doc;
}
