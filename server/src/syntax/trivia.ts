import type { TokenKind } from './tree';

/**
 * The trivia of a script (whitespace, newlines, `\` continuations, comments) read again from the
 * text when a feature asks for every token. A script document keeps only its significant tokens per
 * line: trivia are most of the tokens and almost no analysis looks at them, so keeping them as
 * objects for a whole document cost a third of its memory.
 *
 * Between two significant tokens the script lexer (tokens.ts) finds only these four kinds, trying
 * its patterns in order at each position (Newline, Continuation, Whitespace, Comment); this scanner
 * does the same with the same patterns, so it splits a gap as the lexer did.
 */

/** Called per trivia token, with offsets in the text. */
export type TriviaSink = (kind: TokenKind, start: number, end: number) => void;

function isBlank(c: number): boolean {
  // [ \t\f\v\r], the Whitespace pattern
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 13;
}

/**
 * Splits `text[from, to)`, which the script lexer read as trivia only, into its tokens. Returns false
 * (having emitted part of it) when it finds a character that starts no trivia: the text is not what
 * the tokens were read from, and the caller lexes it again.
 */
export function scanTrivia(text: string, from: number, to: number, emit: TriviaSink): boolean {
  let at = from;
  while (at < to) {
    const c = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    let end: number;
    let kind: TokenKind;
    if (c === 10 || (c === 13 && next === 10)) {
      kind = 'newline';
      end = c === 10 ? at + 1 : at + 2;
    } else if (c === 92 && next === 10) {
      kind = 'continuation';
      end = at + 2;
    } else if (isBlank(c)) {
      kind = 'whitespace';
      end = at + 1;
      while (end < to && isBlank(text.charCodeAt(end))) end++;
    } else if (c === 35) {
      // #(?:[^\r\n\\]|\\(?!\n))*: to the end of the line or a continuation
      kind = 'comment';
      end = at + 1;
      for (; end < to; end++) {
        const d = text.charCodeAt(end);
        if (d === 10 || d === 13 || (d === 92 && text.charCodeAt(end + 1) === 10)) break;
      }
    } else return false;
    if (end > to) return false;
    emit(kind, at, end);
    at = end;
  }
  return true;
}
