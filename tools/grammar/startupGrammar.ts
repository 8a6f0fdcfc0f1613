/**
 * The TextMate grammar of startup.conf (`source.vpp-startup`): top-level sections, each a name with
 * one value (`heapsize 2G`, `unix nodaemon`) or a `{ ... }` block of parameters, blocks nested in
 * blocks (`dev 0000:02:00.0 { ... }`), `#` comments. Lines carry no meaning, so a section may open
 * its block on the next line.
 */
import { CONFIG_BOUNDARIES as B, wholeWord, wordAlternation } from './regex';
import { classifyWord, include, plainWordRule, TEMPLATE_ANY, templateRule, valueRules, valueShapes, type Grammar, type Rule } from './shared';
import type { Vocabulary } from './vocabulary';

const SUFFIX = 'vpp-startup';
const scope = (name: string) => `${name}.${SUFFIX}`;

/** A section ends after its block, before a stray `}`, or with the one word it takes as its value. */
function section(vocabulary: Vocabulary): Rule {
  const name = `${B.start}(?:(${wordAlternation(vocabulary.sectionNames)})|(${B.wordChar}++))${B.end}`;
  const value = classifyWord(
    [
      { body: TEMPLATE_ANY, name: 'variable.other.template' },
      { body: wordAlternation(vocabulary.parameterWords), name: 'variable.parameter' },
      { body: wordAlternation(vocabulary.startupEnumValues), name: 'constant.language' },
      ...valueShapes(B),
    ],
    SUFFIX,
    B,
  );
  return {
    name: scope('meta.section'),
    begin: name,
    beginCaptures: { '1': { name: scope('entity.name.section') }, '2': { name: scope('entity.name.section.unknown') } },
    end: `(?<=\\})|(?=\\})|${value.pattern}`,
    endCaptures: value.captures,
    patterns: [include('comment'), include('block')],
  };
}

export function startupGrammar(vocabulary: Vocabulary): Grammar {
  const parameters = wordAlternation(vocabulary.parameterWords);
  return {
    name: 'VPP startup.conf',
    scopeName: 'source.vpp-startup',
    fileTypes: [],
    patterns: [include('comment'), include('template'), include('section'), include('block'), include('stray-close')],
    repository: {
      section: section(vocabulary),
      // unnamed: a scope per nesting level would make every token's scope list as deep as the nesting
      block: {
        begin: String.raw`\{`,
        beginCaptures: { '0': { name: scope('punctuation.section.block.begin') } },
        end: String.raw`\}`,
        endCaptures: { '0': { name: scope('punctuation.section.block.end') } },
        patterns: [
          include('comment'),
          include('template'),
          include('block'),
          include('leading-parameter'),
          include('enum-value'),
          include('parameter'),
          include('value'),
          include('word'),
        ],
      },
      'stray-close': { match: String.raw`\}`, name: scope('punctuation.section.block.end') },
      comment: {
        name: scope('comment.line.number-sign'),
        match: String.raw`(#).*+`,
        captures: { '1': { name: scope('punctuation.definition.comment') } },
      },
      template: templateRule(SUFFIX),
      // the first word of a line or of a block is a parameter name even where it is also a value word (`on`)
      'leading-parameter': {
        match: `(?:^|(?<=\\{))[ \\t]*+(${parameters})${B.end}`,
        captures: { '1': { name: scope('variable.parameter') } },
      },
      parameter: { match: wholeWord(parameters, B), name: scope('variable.parameter') },
      'enum-value': { match: wholeWord(wordAlternation(vocabulary.startupEnumValues), B), name: scope('constant.language') },
      value: { patterns: valueRules(SUFFIX, B) },
      word: plainWordRule(B),
    },
  };
}
