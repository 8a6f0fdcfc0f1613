/**
 * Lines to ask VPP about, generated from our own schema: for every strict command, lines our
 * analysis accepts (each option, each value kind, at its edges) and lines it refuses (an unknown
 * option, a wrong value, a missing value or required option, a typo of each keyword).
 */
import { schemaFor, type CommandNode } from '../../server/src/schema/index';
import { matchSubCommands } from '../../server/src/analysis/cliModel';
import type { ArgSpec, CommandSpec, VppRelease } from '../../server/src/schema/types';
import { readFileSync } from 'node:fs';
import { badValues, goodValues } from './samples';
import { familyOf } from './verdicts';

export interface GeneratedCase {
  line: string;
  family: string;
  /** The plugin that provides the command, which the VPP build must have. */
  plugin?: string;
}

/**
 * Commands never sent, matched on the command path's leading words, each with why: they stop VPP,
 * wait, flood the machine or write outside the sandbox. `show` commands are sent: they only print.
 */
export const NEVER_SEND: ReadonlyArray<{ prefix: string; why: string }> = [
  { prefix: 'quit', why: 'stops VPP' },
  { prefix: 'exit', why: 'stops VPP' },
  { prefix: 'restart', why: 'stops VPP' },
  { prefix: 'panic', why: 'stops VPP' },
  { prefix: 'crash', why: 'stops VPP' },
  { prefix: 'exec', why: 'runs another script: the referee asks each line that way itself' },
  { prefix: 'ping', why: 'sends packets and waits for answers' },
  { prefix: 'traceroute', why: 'sends packets and waits for answers' },
  { prefix: 'wait', why: 'waits' },
  { prefix: 'sleep', why: 'waits' },
  { prefix: 'test', why: "VPP's own unit tests: they fill tables, start processes or need hardware" },
  { prefix: 'unix', why: 'changes the terminal the referee reads' },
  { prefix: 'api trace', why: 'writes files outside the sandbox' },
  { prefix: 'pcap', why: 'captures packets to files outside the sandbox' },
  { prefix: 'packet-generator capture', why: 'captures packets to files outside the sandbox' },
  { prefix: 'event-logger save', why: 'writes files outside the sandbox' },
  { prefix: 'save', why: 'writes files outside the sandbox' },
  { prefix: 'memory-trace', why: 'traces every allocation of the main heap from then on' },
  { prefix: 'set logging file', why: 'writes files outside the sandbox' },
  { prefix: 'cli-', why: 'changes the CLI session the referee reads' },
  { prefix: 'vppctl', why: 'not a VPP command' },
];

/** Why a command is never sent, or undefined when it is sent. */
export function neverSentWhy(path: string): string | undefined {
  return NEVER_SEND.find(({ prefix: p }) => path === p || path.startsWith(`${p} `) || (p.endsWith('-') && path.startsWith(p)))?.why;
}

export function sendable(path: string): boolean {
  return neverSentWhy(path) === undefined;
}

function render(arg: ArgSpec, values: readonly string[]): string {
  return [arg.keyword, ...values].filter(Boolean).join(' ');
}

function goodArgText(arg: ArgSpec): string | undefined {
  const values: string[] = [];
  for (const spec of arg.values ?? []) {
    const v = goodValues(spec)[0];
    if (v === undefined) return undefined;
    values.push(v);
  }
  return render(arg, values);
}

/** The required options, each filled with a good value: the least a valid line has. */
function baseOf(spec: CommandSpec, args: readonly ArgSpec[]): string[] {
  const parts: string[] = [];
  for (const group of spec.required ?? []) {
    const arg = args.find((a) => a.name === group[0]);
    const text = arg && goodArgText(arg);
    if (text) parts.push(text);
  }
  return parts;
}

/** A misspelling VPP's unformat cannot take for the keyword (not a prefix of it, nor it of the typo). */
function typo(word: string): string {
  if (word.length < 3) return `${word}q`;
  const i = Math.floor(word.length / 2);
  const swapped = word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  return swapped === word ? `${word.slice(0, i)}q${word.slice(i + 1)}` : swapped;
}

export function casesFor(spec: CommandSpec): string[] {
  const args = spec.args ?? [];
  const base = baseOf(spec, args);
  const head = [spec.path, ...base].join(' ');
  const lines = new Set<string>([spec.path, head, `${head} bogus-option`]);
  const baseNames = new Set((spec.required ?? []).map((g) => g[0]));
  for (const arg of args) {
    const rest = baseNames.has(arg.name) ? [spec.path, ...base.filter((b) => b !== goodArgText(arg))].join(' ') : head;
    const valueLists = (arg.values ?? []).map((v) => goodValues(v).slice(0, 4));
    // each good value of each position, the others at their first good value
    valueLists.forEach((list, k) => {
      for (const v of list) lines.add(`${rest} ${render(arg, valueLists.map((l, j) => (j === k ? v : l[0] ?? '')))}`);
    });
    if (valueLists.length === 0 && arg.keyword) lines.add(`${rest} ${arg.keyword}`);
    (arg.values ?? []).forEach((v, k) => {
      for (const bad of badValues(v).slice(0, 3)) lines.add(`${rest} ${render(arg, valueLists.map((l, j) => (j === k ? bad : l[0] ?? '')))}`);
    });
    if (arg.keyword) {
      if (arg.values?.length) lines.add(`${rest} ${arg.keyword}`);
      const words = arg.keyword.split(' ');
      const misspelt = [...words.slice(0, -1), typo(words[words.length - 1])].join(' ');
      lines.add(`${rest} ${render({ ...arg, keyword: misspelt }, valueLists.map((l) => l[0] ?? ''))}`);
    }
  }
  // everything at once, where nothing is exclusive of anything else
  if (!spec.exclusive?.length && args.length > 1) {
    const all = args.filter((a) => !baseNames.has(a.name)).map(goodArgText).filter((t): t is string => !!t);
    lines.add([head, ...all].join(' '));
  }
  return [...lines].map((l) => l.replace(/\s+/g, ' ').trim());
}

/**
 * The same lines in the other forms a script may give them: the arguments in braces (VPP hands the
 * function the text inside), a `\` continuation before the last word (a command that reads its
 * line stops at the newline it keeps), and, once per command, its words cut to the shortest
 * prefix VPP still resolves to it. A command that reads no arguments gets a command after it.
 */
export function formsOf(spec: CommandSpec, lines: readonly string[], root: CommandNode): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const args = line.slice(spec.path.length).trim();
    if (!args || !line.startsWith(spec.path)) continue;
    out.push(`${spec.path} { ${args} }`);
    const words = args.split(' ');
    out.push(`${[spec.path, ...words.slice(0, -1)].join(' ')} \\\n  ${words[words.length - 1]}`);
  }
  const short = shortestPath(spec.path, root);
  if (short && short !== spec.path) out.push(lines.length > 1 ? lines[1].replace(spec.path, short) : short);
  if (spec.readsNoArgs) out.push(`${spec.path} comment { after a command that reads no arguments }`, `${spec.path} bogus-word`);
  return out;
}

/** The command's words, each cut to the shortest prefix that still resolves to the same node. */
export function shortestPath(path: string, root: CommandNode): string | undefined {
  const out: string[] = [];
  let node = root;
  for (const word of path.split(' ')) {
    const next = node.children.get(word);
    if (!next) return undefined;
    let k = 1;
    while (k < word.length) {
      const found = matchSubCommands(node, word.slice(0, k));
      if (found.length === 1 && found[0] === next) break;
      k++;
    }
    out.push(word.slice(0, k));
    node = next;
  }
  return out.join(' ');
}

/** Every case for a release: each strict command VPP may safely run, in schema order. */
export function generateCases(release: VppRelease): GeneratedCase[] {
  const schema = schemaFor(release);
  const out: GeneratedCase[] = [];
  const seen = new Set<string>();
  for (const spec of schema.commands.values()) {
    if (!spec.strict || !sendable(spec.path)) continue;
    const lines = casesFor(spec);
    for (const line of [...lines, ...formsOf(spec, lines, schema.root)]) if (!seen.has(line) && seen.add(line)) out.push({ line, family: familyOf(spec.path), ...(spec.plugin && schema.plugins.has(spec.plugin) ? { plugin: spec.plugin } : {}) });
  }
  return out;
}

/** The script lines of a list file (--extra, --pick, ask.ts): one per line, `#` comments and blank lines skipped, `<cont>` for a `\` and a newline. */
export function readLineList(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.replaceAll('<cont>', '\\\n'));
}
