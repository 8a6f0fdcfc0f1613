/**
 * The words the TextMate grammars highlight, read from the schema (every release we model), so the
 * grammars never drift from what the language server knows.
 */
import { allCommandPaths, DISPATCHER_WORDS, schemaFor } from '../../server/src/schema/index';
import { STARTUP_SECTIONS } from '../../server/src/schema/startup/index';
import { RELEASES, type StartupParam, type ValueSpec } from '../../server/src/schema/types';

export interface CommandTrie {
  readonly children: Map<string, CommandTrie>;
}

export interface Vocabulary {
  /** Every command path of every release, as a word tree; dispatcher words are first words too. */
  commandTree: CommandTrie;
  /** Second words of command paths, for a second word after an abbreviated first word. */
  secondWords: string[];
  /** Words of the option keywords of the focus (strict) commands. */
  optionWords: string[];
  /** Enum values accepted by focus-command options. */
  cliEnumValues: string[];
  sectionNames: string[];
  /** Words of parameter keys at any depth inside startup.conf sections. */
  parameterWords: string[];
  startupEnumValues: string[];
  /** Dispatcher words with grammar rules of their own. */
  commentWord: string;
  uncommentWord: string;
}

const sorted = (words: Iterable<string>): string[] => [...new Set(words)].filter((w) => w.length > 0).sort();

/** Enum words; numeric ones (ring sizes and the like) are left to the number rules. */
function enumValues(values: readonly ValueSpec[] | undefined, into: Set<string>): void {
  for (const v of values ?? []) if (v.kind === 'enum') for (const word of v.values ?? []) if (/^[A-Za-z]/.test(word)) into.add(word);
}

function buildCommandTree(paths: readonly string[]): CommandTrie {
  const root: CommandTrie = { children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const word of path.split(' ')) {
      let child = node.children.get(word);
      if (!child) {
        child = { children: new Map() };
        node.children.set(word, child);
      }
      node = child;
    }
  }
  return root;
}

function collectParams(params: readonly StartupParam[], keys: Set<string>, enums: Set<string>): void {
  for (const p of params) {
    for (const word of p.key.split(' ')) if (word !== '*') keys.add(word);
    enumValues(p.values, enums);
    if (p.block) collectParams(p.block, keys, enums);
  }
}

function requireDispatcher(word: string): string {
  if (!DISPATCHER_WORDS.has(word)) throw new Error(`the schema no longer has the dispatcher word \`${word}\``);
  return word;
}

export function collectVocabulary(): Vocabulary {
  const paths = [...allCommandPaths(), ...DISPATCHER_WORDS.keys()];
  const optionWords = new Set<string>();
  const cliEnums = new Set<string>();
  for (const release of RELEASES) {
    for (const command of schemaFor(release).commands.values()) {
      // the hand-written commands only: the words of a thousand parsers read from VPP's source
      // (`int`, `size`, `data`, ...) would colour command words and free text as options
      if (!command.strict || command.source) continue;
      for (const arg of command.args ?? []) {
        for (const word of arg.keyword?.split(' ') ?? []) optionWords.add(word);
        enumValues(arg.values, cliEnums);
      }
    }
  }
  const parameterWords = new Set<string>();
  const startupEnums = new Set<string>();
  for (const section of STARTUP_SECTIONS) {
    enumValues(section.values, startupEnums);
    collectParams(section.block ?? [], parameterWords, startupEnums);
  }
  return {
    commandTree: buildCommandTree(paths),
    secondWords: sorted(paths.map((p) => p.split(' ')[1] ?? '')),
    optionWords: sorted(optionWords),
    cliEnumValues: sorted(cliEnums),
    sectionNames: sorted(STARTUP_SECTIONS.map((s) => s.key)),
    parameterWords: sorted(parameterWords),
    startupEnumValues: sorted(startupEnums),
    commentWord: requireDispatcher('comment'),
    uncommentWord: requireDispatcher('uncomment'),
  };
}
