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

/** Below this length V8 copies a substring; from it on, a substring is a view that keeps its whole parent string alive. */
const SLICE_MIN = 13;

/**
 * A copy of `text` that does not keep the string it was cut from alive. A token outlives the version
 * of the document it was read from (a script keeps the tokens of the lines an edit did not touch):
 * were its text a view into that version, every version ever edited would stay in memory.
 */
export function detached(text: string): string {
  // the concatenation is flattened into a new string of the token's size, which the slice then views
  return text.length < SLICE_MIN ? text : (' ' + text).slice(1);
}

/**
 * Tokenizes `text[from, to)` with the chevrotain lexer of `mode` (`to` must be a token boundary,
 * such as the end of a line), calling `emit` per token with offsets in `text`. Every character
 * lands in one token, so the text can be rebuilt from the tokens; each token's image is its own
 * string (see `detached`).
 */
export function scan(text: string, mode: LexMode, emit: TokenSink, from = 0, to = text.length): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const raw of lexerFor(mode).tokenize(part).tokens) {
    const start = from + raw.startOffset;
    raw.image = detached(raw.image);
    emit(KIND_BY_NAME[raw.tokenType.name], start, start + raw.image.length, raw);
  }
}
