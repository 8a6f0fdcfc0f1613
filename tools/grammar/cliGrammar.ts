/**
 * The TextMate grammar of VPP CLI scripts (`source.vpp`), as VPP reads them: one command per
 * logical line (a backslash before the end of a line joins the next), `#` starts a comment anywhere
 * and ends at a joining backslash, `comment` swallows one word or one `{ ... }`, `uncomment { cmd }`
 * and a macro `$(X) { cmd }` run the command inside the braces.
 */
import { escapeRegex, SCRIPT_BOUNDARIES as B, wholeWord, wordAlternation } from './regex';
import { capturedTemplates, fullWord, include, plainWordRule, templateRule, valueRules, type Grammar, type Rule } from './shared';
import type { CommandTrie, Vocabulary } from './vocabulary';

const SUFFIX = 'vpp';
const scope = (name: string) => `${name}.${SUFFIX}`;

/**
 * The end of a logical line: the end of a physical line without a joining backslash. The tokenizer
 * sees each line with its `\n`, and `$` also matches after it, where the backslash test must fail.
 */
const LOGICAL_LINE_END = String.raw`(?<![\\\n])$`;

/**
 * The known command paths as one regex over words: `show(?:[ \t]++(?:interface|...))?`. Each
 * word is followed by a boundary, and a level only offers the words that follow its parent in
 * some command path, so it matches exactly the known full-word prefixes of commands.
 */
function commandPathRegex(node: CommandTrie): string {
  const leaves: string[] = [];
  const branches: string[] = [];
  for (const [word, child] of [...node.children.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (child.children.size === 0) leaves.push(word);
    else branches.push(`${escapeRegex(word)}${B.end}(?:[ \\t]++${commandPathRegex(child)})?+`);
  }
  if (leaves.length > 0) branches.push(`${wordAlternation(leaves)}${B.end}`);
  return `(?:${branches.join('|')})`;
}

function commandHead(vocabulary: Vocabulary): Rule {
  const anyFirstWord = String.raw`[A-Za-z0-9_-]++`;
  return {
    match: `\\G(?:(${commandPathRegex(vocabulary.commandTree)})|(${anyFirstWord})${B.end}(?:[ \\t]++(${wordAlternation(vocabulary.secondWords)})${B.end})?)`,
    captures: {
      '1': { patterns: [{ match: '[^ \\t]++', name: scope('keyword.control.command') }] },
      '2': { name: scope('entity.name.function.command') },
      '3': { name: scope('keyword.control.command') },
    },
  };
}

function commentCommand(vocabulary: Vocabulary): Rule {
  const word = escapeRegex(vocabulary.commentWord);
  return {
    patterns: [
      {
        name: scope('comment.block.command'),
        begin: `\\G(${word})[ \\t]*+(\\{)`,
        beginCaptures: { '1': { name: scope('punctuation.definition.comment') }, '2': { name: scope('punctuation.definition.comment.begin') } },
        end: `(\\})|${LOGICAL_LINE_END}`,
        endCaptures: { '1': { name: scope('punctuation.definition.comment.end') } },
        patterns: [include('line-comment'), include('continuation'), include('comment-braces')],
      },
      {
        name: scope('comment.line.command'),
        match: `\\G(${word})${B.end}(?:[ \\t]++${fullWord(B)})?+`,
        captures: { '1': { name: scope('punctuation.definition.comment') } },
      },
    ],
  };
}

/** `uncomment { cmd }` and `$(X) { cmd }`: the braces hold a command. Unnamed, as nesting is unbounded. */
function guardedBlock(vocabulary: Vocabulary): Rule {
  const kinds = ['dollarParen', 'dollarBrace', 'expression'] as const;
  const guard = capturedTemplates(kinds, SUFFIX, 2);
  const brace = 2 + 4 * kinds.length;
  return {
    begin: `\\G(?:(${escapeRegex(vocabulary.uncommentWord)})|${guard.pattern})[ \\t]*+(\\{)[ \\t]*+`,
    beginCaptures: {
      '1': { name: scope('keyword.control.command') },
      ...guard.captures,
      [String(brace)]: { name: scope('punctuation.section.braces.begin') },
    },
    end: `(\\})|${LOGICAL_LINE_END}`,
    endCaptures: { '1': { name: scope('punctuation.section.braces.end') } },
    patterns: [include('command-start'), include('arguments')],
  };
}

export function cliGrammar(vocabulary: Vocabulary): Grammar {
  return {
    name: 'VPP CLI',
    scopeName: 'source.vpp',
    fileTypes: ['vpp'],
    patterns: [include('line-comment'), include('continuation'), include('command-line'), include('stray-close')],
    repository: {
      'command-line': {
        name: scope('meta.command'),
        begin: String.raw`^[ \t]*+(?=[^\s#}])`,
        end: LOGICAL_LINE_END,
        patterns: [include('command-start'), include('arguments')],
      },
      'command-start': { patterns: [include('comment-command'), include('guarded-block'), include('command-head')] },
      'comment-command': commentCommand(vocabulary),
      'comment-braces': {
        begin: String.raw`\{`,
        end: `\\}|${LOGICAL_LINE_END}`,
        patterns: [include('line-comment'), include('continuation'), include('comment-braces')],
      },
      'guarded-block': guardedBlock(vocabulary),
      'command-head': commandHead(vocabulary),
      arguments: {
        patterns: [
          include('line-comment'),
          include('continuation'),
          include('template'),
          include('brace-group'),
          include('stray-close'),
          include('enum-value'),
          include('option-keyword'),
          include('value'),
          include('word'),
        ],
      },
      // unnamed, like all nesting rules: a scope per level would make each token's scope list as deep
      'brace-group': {
        begin: String.raw`\{`,
        beginCaptures: { '0': { name: scope('punctuation.section.braces.begin') } },
        end: `\\}|${LOGICAL_LINE_END}`,
        endCaptures: { '0': { name: scope('punctuation.section.braces.end') } },
        patterns: [include('arguments')],
      },
      'stray-close': { match: String.raw`\}`, name: scope('punctuation.section.braces.end') },
      'line-comment': {
        name: scope('comment.line.number-sign'),
        match: String.raw`(#)(?:[^\\\n]|\\(?!$))*+`,
        captures: { '1': { name: scope('punctuation.definition.comment') } },
      },
      continuation: { match: String.raw`\\$`, name: scope('punctuation.separator.continuation') },
      template: templateRule(SUFFIX),
      'enum-value': { match: wholeWord(wordAlternation(vocabulary.cliEnumValues), B), name: scope('constant.language') },
      'option-keyword': { match: wholeWord(wordAlternation(vocabulary.optionWords), B), name: scope('variable.parameter.option') },
      value: { patterns: valueRules(SUFFIX, B) },
      word: plainWordRule(B),
    },
  };
}
