import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * The chevrotain lexers for VPP's two languages. Every character of the input lands in exactly one token, so the
 * text can be rebuilt from the tokens; whitespace, comments and line continuations are trivia that
 * the parser does not see.
 */

/**
 * Template placeholders that may sit inside a word: `$(X)`, `${X}`, `$$X` (CSIT's templates, also
 * `$$X$$`), `{{ .X }}`, `{% x %}`, `{# x #}`. A placeholder's body stops at the next opening of its
 * kind, so that a failed try reads no further than where the next one could start: `$($($(...` is read
 * in linear time, not rescanned at each `$(`.
 */
export const TEMPLATE_PART = String.raw`\$\([^()\s]*\)|\$\{[^{}\s]*\}|\$\$[A-Za-z_][A-Za-z0-9_]*(?:\$\$)?|\{\{(?:[^{}\n]|\}(?!\}))*\}\}|\{%(?:[^{%\n]|%(?!\}))*%\}|\{#(?:[^{#\n]|#(?!\}))*#\}`;

/** The category every word token belongs to; the parser consumes this. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });

export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\f\v\r]+/ });
/** VPP joins a script line with the next when a backslash stands right before `\n`. */
export const Continuation = createToken({ name: 'Continuation', pattern: /\\\n/, line_breaks: true });
/** In a script, `#` starts a comment anywhere; a backslash-newline ends it and joins the next line. */
export const ScriptComment = createToken({ name: 'Comment', pattern: /#(?:[^\r\n\\]|\\(?!\n))*/ });
/** In startup.conf a comment runs to the end of the line. */
export const ConfigComment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const ScriptWord = createToken({
  name: 'ScriptWord',
  pattern: new RegExp(String.raw`(?:[^\s{}#\\$]+|${TEMPLATE_PART}|\$|\\(?!\n))+`),
  categories: [Word],
});
/** From VPP 26.02 a `#` anywhere in startup.conf starts a comment. */
export const ConfigWord = createToken({
  name: 'ConfigWord',
  categories: [Word],
  pattern: new RegExp(String.raw`(?:[^\s{}#$]+|${TEMPLATE_PART}|\$)+`),
});
/** Before VPP 26.02 only a token that starts with `#` is a comment; `a#b` is one word. */
export const LegacyConfigWord = createToken({
  name: 'LegacyConfigWord',
  categories: [Word],
  pattern: new RegExp(String.raw`(?:[^\s{}#$]|${TEMPLATE_PART}|\$)(?:[^\s{}$]+|${TEMPLATE_PART}|\$)*`),
});
/** Anything else (a lone backslash before `\r\n`, say) so that lexing never fails. */
export const Stray = createToken({ name: 'Stray', pattern: /[^]/, categories: [Word] });

export type LexMode = 'script' | 'config' | 'legacy-config';

function makeLexer(tokens: TokenType[]): Lexer {
  return new Lexer(tokens, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    skipValidations: true,
  });
}

const lexers: Record<LexMode, Lexer> = {
  script: makeLexer([Newline, Continuation, Whitespace, ScriptComment, ScriptWord, LBrace, RBrace, Stray]),
  config: makeLexer([Newline, Whitespace, ConfigComment, ConfigWord, LBrace, RBrace, Stray]),
  'legacy-config': makeLexer([Newline, Whitespace, ConfigComment, LegacyConfigWord, LBrace, RBrace, Stray]),
};

export function lexerFor(mode: LexMode): Lexer {
  return lexers[mode];
}

export const TEMPLATE_RE = new RegExp(TEMPLATE_PART);
/** Placeholders of printf-style generators (`%s`, `%[1]s`) that also turn up in config templates. */
const PRINTF_RE = /%(?:\[\d+\])?[sdvq]/;

/** True when a word holds a template placeholder, so its value is unknown until expansion. */
export function isTemplated(text: string): boolean {
  return text.includes('$') || text.includes('{') || text.includes('%') ? TEMPLATE_RE.test(text) || PRINTF_RE.test(text) : false;
}
