import type { ParameterInformation, Position, SignatureHelp } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { matchArgs, type ArgMatch } from '../analysis/args';
import { argPatterns } from '../analysis/cliModel';
import type { ArgSpec, CommandSpec } from '../schema/types';
import type { Item, Token } from '../syntax/tree';
import { cliContext } from './cliContext';
import { offsetOf, scriptCursor, type Cursor } from './cursor';
import { argUsage, releaseSynopsis } from './docText';
import { startupSignature } from './signatureHelpStartup';

/**
 * When signature help is worth the room it takes over the lines above: on request, while it is
 * already showing, or typed right after a command word.
 */
export type SignatureMoment = 'asked' | 'showing' | 'typed';

/** LSP's SignatureHelpContext, as far as it is read here (triggerKind 1 = invoked by the user). */
export interface SignatureContext {
  readonly triggerKind: number;
  readonly isRetrigger: boolean;
}

export function momentOf(context: SignatureContext | undefined): SignatureMoment {
  if (context?.isRetrigger) return 'showing';
  return !context || context.triggerKind === 1 ? 'asked' : 'typed';
}

/**
 * Signature help for a script command (its synopsis in the release in force as the signature, one
 * parameter per argument, the argument under or just before the cursor active) and for a
 * startup.conf parameter that takes values.
 */
export function computeSignatureHelp(analysis: Analysis, position: Position, context?: SignatureContext): SignatureHelp | null {
  const offset = offsetOf(analysis, position);
  const moment = momentOf(context);
  return analysis.language === 'cli' ? scriptSignature(analysis, offset, moment) : startupSignature(analysis, offset, moment);
}

function scriptSignature(analysis: Analysis, offset: number, moment: SignatureMoment): SignatureHelp | null {
  const cursor = scriptCursor(analysis, offset);
  if (!cursor) return null;
  const context = cliContext(cursor, analysis.schema);
  let command: CommandSpec | undefined;
  let args: readonly Item[] = [];
  if (context.kind === 'arguments') {
    command = context.command;
    args = context.args;
  } else if (context.kind === 'command-word' && !context.wordsOnly && context.node.runnable) {
    // the word being typed is an argument unless it could still be a sub-command
    const subCommand = [...context.node.children.keys()].some((w) => w.startsWith(cursor.partial));
    if (cursor.partial === '' || !subCommand) command = context.node.command;
  }
  if (!command) return null;
  // a space typed after the command word opens it, unless a sub-command may follow (the completion list is more use)
  const afterCommandWord = context.kind === 'command-word' && cursor.partial === '' && context.node.children.size === 0;
  if (moment === 'typed' && !afterCommandWord) return null;
  const { label, parameters } = signatureOf(command);
  const activeParameter = activeArgument(analysis, command, args, cursor);
  return {
    signatures: [{ label, documentation: command.doc, parameters, activeParameter }],
    activeSignature: 0,
    activeParameter,
  };
}

/** Finds where an argument is written in the synopsis; arguments it leaves out are appended. */
function signatureOf(command: CommandSpec): { label: string; parameters: ParameterInformation[] } {
  let label = releaseSynopsis(command);
  const from = label.startsWith(command.path) ? command.path.length : 0;
  const taken: [number, number][] = [];
  const located = (command.args ?? []).map((arg) => {
    const range = locate(label, arg, from, taken);
    if (range) taken.push(range);
    return range;
  });
  const parameters = (command.args ?? []).map((arg, i): ParameterInformation => {
    let range = located[i];
    if (!range) {
      const usage = argUsage(arg) || `<${arg.name}>`;
      label += ` [${usage}]`;
      range = [label.length - usage.length - 1, label.length - 1];
    }
    return { label: range, documentation: arg.doc };
  });
  return { label, parameters };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function outsidePlaceholder(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return before.split('<').length === before.split('>').length;
}

function locate(label: string, arg: ArgSpec, from: number, taken: readonly [number, number][]): [number, number] | undefined {
  const free = (start: number, end: number) => !taken.some(([s, e]) => start < e && s < end);
  const patterns: RegExp[] = [];
  if (arg.keyword) {
    // the keyword and the `<value>` placeholders right after it
    patterns.push(new RegExp(`(?<![\\w-])${escape(arg.keyword)}(?![\\w-])(?:\\s*<[^>]*>)*`, 'g'));
  } else {
    patterns.push(new RegExp(`<${escape(arg.name)}>`, 'g'));
    const first = arg.values?.[0];
    if (first?.kind === 'enum' && first.values) patterns.push(new RegExp(escape(first.values.join('|')), 'g'));
    if (first?.placeholder) patterns.push(new RegExp(`<${escape(first.placeholder)}>`, 'g'));
  }
  for (const pattern of patterns) {
    pattern.lastIndex = from;
    for (let m = pattern.exec(label); m; m = pattern.exec(label)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length > 0 && outsidePlaceholder(label, start) && free(start, end)) return [start, end];
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return undefined;
}

/** The argument the cursor is in or has just written; else the next one due, or the first still required. */
function activeArgument(analysis: Analysis, command: CommandSpec, args: readonly Item[], cursor: Cursor): number | undefined {
  const specs = command.args ?? [];
  if (specs.length === 0) return undefined;
  const offset = cursor.offset;
  const items: Item[] = [...args];
  if (cursor.replaceEnd > cursor.replaceStart) {
    const word: Token = { kind: 'word', text: analysis.text.slice(cursor.replaceStart, cursor.replaceEnd), start: cursor.replaceStart, end: cursor.replaceEnd };
    items.push(word);
  }
  const patterns = argPatterns(command);
  const { matches } = matchArgs(items, patterns, command.order ?? 'any', command.loopFrom);
  const indexOf = (m: ArgMatch<ArgSpec>) => specs.indexOf(m.pattern.spec);
  const under = matches.find((m) => m.start <= offset && offset <= m.end);
  if (under) return indexOf(under);
  // a keyword being typed: the one option it can still become
  const typing = cursor.partial ? specs.filter((s) => s.keyword?.startsWith(cursor.partial)) : [];
  if (typing.length === 1) return specs.indexOf(typing[0]);
  const before = matches.filter((m) => m.end <= offset);
  const last = before[before.length - 1];
  if (last?.values.some((v) => v.problem === 'missing')) return indexOf(last);
  const given = new Set(matches.map((m) => m.pattern.spec.name));
  const missing = new Set((command.required ?? []).filter((group) => !group.some((n) => given.has(n))).flat());
  const firstMissing = (from: number) => specs.findIndex((s, i) => i >= from && missing.has(s.name));
  if (command.order === 'sequence') {
    // the next argument due: the first required one from here, else whatever may follow
    const next = last ? (last.pattern.repeatable ? indexOf(last) : indexOf(last) + 1) : 0;
    const required = firstMissing(next);
    return Math.min(required >= 0 ? required : next, specs.length - 1);
  }
  if (last) return indexOf(last);
  return Math.max(firstMissing(0), 0);
}
