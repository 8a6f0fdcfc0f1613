import type { IToken } from 'chevrotain';
import { lexerFor, type LexMode } from './tokens';
import type { TokenKind } from './tree';

/** Called per token in text order; `raw` is chevrotain's token, which the parser consumes. */
export type TokenSink = (kind: TokenKind, start: number, end: number, raw: IToken) => void;

const KIND_BY_NAME: Record<string, TokenKind> = {
  ScriptWord: 'word',
  ConfigWord: 'word',
  LegacyConfigWord: 'word',
  Stray: 'word',
  LBrace: 'lbrace',
  RBrace: 'rbrace',
  Newline: 'newline',
  Whitespace: 'whitespace',
  Comment: 'comment',
  Continuation: 'continuation',
};

/**
 * Tokenizes `text[from, to)` with the chevrotain lexer of `mode` (`to` must be a token boundary,
 * such as the end of a line), calling `emit` per token with offsets in `text`. Every character
 * lands in one token, so the text can be rebuilt from the tokens.
 */
export function scan(text: string, mode: LexMode, emit: TokenSink, from = 0, to = text.length): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const raw of lexerFor(mode).tokenize(part).tokens) {
    const start = from + raw.startOffset;
    emit(KIND_BY_NAME[raw.tokenType.name], start, start + raw.image.length, raw);
  }
}
