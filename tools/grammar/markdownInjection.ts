/**
 * Highlights fenced code blocks in Markdown: ```vpp / ```vpp-cli as CLI scripts and ```vpp-startup
 * as startup.conf. Injected with priority (`L:`) so it wins over Markdown's generic fenced block.
 *
 * The injection is consulted on every token of its scope, and its regex cannot be cached, so it is
 * kept out of places where no fence can start: inside a code block (ours or another language's)
 * and inside a paragraph line. Without that, a long line costs time quadratic in its length.
 */
import { escapeRegex } from './regex';
import type { Grammar, Rule } from './shared';

interface FencedLanguage {
  /** The VS Code language id, also the repository key of its rule. */
  id: string;
  /** Info-string words that select the language (matched case-insensitively). */
  names: readonly string[];
  scopeName: string;
  embeddedScope: string;
}

export const FENCED_LANGUAGES: readonly FencedLanguage[] = [
  { id: 'vpp-cli', names: ['vpp', 'vpp-cli'], scopeName: 'source.vpp', embeddedScope: 'meta.embedded.block.vpp' },
  { id: 'vpp-startup', names: ['vpp-startup'], scopeName: 'source.vpp-startup', embeddedScope: 'meta.embedded.block.vpp-startup' },
];

export const MARKDOWN_INJECTION_SCOPE = 'markdown.vpp.codeblock';

function fencedBlock(language: FencedLanguage): Rule {
  const names = language.names.map(escapeRegex).join('|');
  return {
    name: 'markup.fenced_code.block.markdown',
    // an info string may go on after the name (`vpp title="x"`), but not glued to it (`vpp-foo`)
    begin: `(^|\\G)([ \\t]*+)(\`{3,}|~{3,})[ \\t]*+(?i:(${names}))((?:[ \\t:,{?][^\`~\\n]*+)?)$`,
    beginCaptures: {
      '3': { name: 'punctuation.definition.markdown' },
      '4': { name: 'fenced_code.block.language.markdown' },
      '5': { name: 'fenced_code.block.language.attributes.markdown' },
    },
    end: '(^|\\G)(\\2|[ \\t]{0,3})(\\3)[ \\t]*+$',
    endCaptures: { '3': { name: 'punctuation.definition.markdown' } },
    patterns: [
      {
        // starts empty at the end of the fence line, then holds every line up to the closing fence
        begin: '(^|\\G)([ \\t]*+)(.*+)',
        while: '(^|\\G)(?![ \\t]*+([`~]{3,})[ \\t]*+$)',
        contentName: language.embeddedScope,
        patterns: [{ include: language.scopeName }],
      },
    ],
  };
}

export function markdownInjection(): Grammar {
  return {
    scopeName: MARKDOWN_INJECTION_SCOPE,
    injectionSelector: 'L:text.html.markdown -markup.fenced_code.block.markdown -meta.paragraph.markdown',
    patterns: FENCED_LANGUAGES.map((language) => ({ include: `#fenced-${language.id}` })),
    repository: Object.fromEntries(FENCED_LANGUAGES.map((language) => [`fenced-${language.id}`, fencedBlock(language)])),
  };
}
