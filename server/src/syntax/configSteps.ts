import type { IToken } from 'chevrotain';
import type { Steps } from '../analysis/steps';
import { scan } from './lexer';
import { indexingLines, type LineIndex } from './lineIndex';
import { newReport, parseConfigTokens } from './parser';
import { LBrace, RBrace, type LexMode } from './tokens';
import type { Item, SyntaxTree, Token } from './tree';

/** How much text one step lexes, and about how many significant tokens one step parses. */
export interface ConfigStepSizes {
  lexChars: number;
  parseTokens: number;
}

const SIZES: ConfigStepSizes = { lexChars: 32 * 1024, parseTokens: 8192 };

/**
 * A startup.conf parsed as `parse()` parses it, in steps: lexed a stretch of lines at a time (no
 * token spans a newline), then parsed a run of top-level items at a time. A run ends where every
 * `{` before it has its `}`: the parser is then at the top level whatever it guessed about missing
 * braces (it closes groups early, never late), so the runs give the items and errors of one parse.
 */
export function* parsingConfig(text: string, mode: LexMode, lineIndex?: LineIndex, sizes = SIZES): Steps<SyntaxTree> {
  const tokens: Token[] = [];
  const significant: IToken[] = [];
  let balance = 0;
  for (let from = 0; from < text.length; ) {
    const nl = text.indexOf('\n', from + sizes.lexChars);
    const to = nl < 0 ? text.length : nl + 1;
    scan(
      text,
      mode,
      (kind, start, end, raw) => {
        const token: Token = { kind, text: raw.image, start, end };
        tokens.push(token);
        if (kind === 'word' || kind === 'lbrace' || kind === 'rbrace') {
          raw.payload = token;
          significant.push(raw);
          balance += kind === 'lbrace' ? 1 : kind === 'rbrace' ? -1 : 0;
        }
      },
      from,
      to,
    );
    from = to;
    yield;
  }
  const lines = lineIndex ?? (yield* indexingLines(text));
  const unbalanced = balance > 0;
  const report = newReport();
  const items: Item[] = [];
  let start = 0;
  let open = 0;
  for (let i = 0; i < significant.length; i++) {
    const type = significant[i].tokenType;
    if (type === LBrace) open++;
    else if (type === RBrace && open > 0) open--;
    const last = i === significant.length - 1;
    if (last || (open === 0 && i + 1 - start >= sizes.parseTokens)) {
      // a run of top-level items takes every token, so the parser has nothing to say but what it reports
      for (const item of parseConfigTokens(significant.slice(start, i + 1), report, lines, unbalanced)) items.push(item);
      start = i + 1;
      yield;
    }
  }
  return { language: 'startup', text, tokens, lines: [], items, errors: report.errors };
}
