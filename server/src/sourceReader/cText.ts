/**
 * Just enough of C to read VPP's sources: comments out, brackets matched, string literals decoded,
 * statements split. Pure functions over text (no Node API), so the language server can run them on
 * a workspace's plugin sources as well as the extraction tool on VPP's.
 */

/** Joins `\`-continued lines and removes comments, keeping string and character literals. */
export function stripComments(text: string): string {
  const src = text.replace(/\\\r?\n/g, '');
  let out = '';
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      // keep the newlines so that preprocessor lines stay lines
      const newlines = src.slice(i, stop).split('\n').length - 1;
      out += newlines ? '\n'.repeat(newlines) : ' ';
      i = stop;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === '"' || c === "'") {
      const end = skipLiteral(src, i);
      out += src.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just past the string or character literal starting at `i`. */
export function skipLiteral(s: string, i: number): number {
  const quote = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== quote && s[j] !== '\n') j += s[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** `s` with every string and character literal emptied (`"input instances"` -> `""`), to look at code only. */
export function withoutLiterals(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    if (s[i] === '"' || s[i] === "'") {
      const end = skipLiteral(s, i);
      out += s[i] + s[i];
      i = end;
    } else out += s[i++];
  }
  return out;
}

const CLOSER: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

/** `s[i]` is an opening bracket; the index of its closer, or -1. */
export function matchBracket(s: string, i: number): number {
  const open = s[i];
  const close = CLOSER[open];
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'") j = skipLiteral(s, j) - 1;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
  }
  return -1;
}

/** Whether every `(` in `s` has its `)` and no `)` comes first. */
export function balancedParens(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** `text` without the brackets that enclose all of it (`((x > 1))` is `x > 1`, `(a) && (b)` stays). */
export function stripOuterParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && outerPairEnclosesAll(t)) t = t.slice(1, -1).trim();
  return t;
}

/** `(a) && (b)` starts and ends with brackets that are not one pair. */
function outerPairEnclosesAll(t: string): boolean {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth === 0 && i < t.length - 1) return false;
  }
  return true;
}

/** Splits on `separator` (commas, or an operator such as `||`) outside brackets and literals. */
export function splitTopLevel(s: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'") j = skipLiteral(s, j) - 1;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (depth === 0 && s.startsWith(separator, j)) {
      parts.push(s.slice(start, j));
      start = j + separator.length;
      j = start - 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Each `NAME (...)` the regex (ending in `(`) finds, with the index of its `(` and of the matching `)`. */
export function* bracketedCalls(code: string, re: RegExp): Generator<{ at: number; open: number; close: number }> {
  let m: RegExpExecArray | null;
  while ((m = re.exec(code))) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) return;
    yield { at: m.index, open, close };
    re.lastIndex = Math.max(re.lastIndex, close);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' };

/** The characters of a C string literal's body (between the quotes). */
export function decodeCString(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === 'x') {
      const m = /^[0-9a-fA-F]+/.exec(body.slice(i + 1));
      out += m ? String.fromCharCode(parseInt(m[0], 16)) : 'x';
      if (m) i += m[0].length;
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))!;
      out += String.fromCharCode(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else if (e !== undefined) out += e;
  }
  return out;
}

/** The value of an expression made only of adjacent string literals (`"a" "b"`), else undefined. */
export function stringLiteralValue(expr: string): string | undefined {
  const s = expr.trim();
  let value = '';
  let i = 0;
  let saw = false;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      const end = skipLiteral(s, i);
      value += decodeCString(s.slice(i + 1, end - 1));
      saw = true;
      i = end;
    } else return undefined;
  }
  return saw ? value : undefined;
}

/** A C statement as far as a parse loop needs it. */
export type Statement =
  | { kind: 'if'; cond: string; then: Statement; else?: Statement; text: string }
  | { kind: 'block'; body: Statement[]; text: string }
  | { kind: 'loop'; keyword: 'while' | 'for' | 'switch'; cond: string; body: Statement; text: string }
  | { kind: 'simple'; text: string };

const SPACE = /\s/;

function skipSpace(s: string, i: number): number {
  while (i < s.length && SPACE.test(s[i])) i++;
  return i;
}

function wordAt(s: string, i: number, word: string): boolean {
  return s.startsWith(word, i) && !/\w/.test(s[i + word.length] ?? '') && !/\w/.test(s[i - 1] ?? '');
}

/** Parses the statement at `i`; returns it and the index after it, or undefined when the text is not C we follow. */
export function parseStatement(s: string, i: number): { stmt: Statement; end: number } | undefined {
  i = skipSpace(s, i);
  if (i >= s.length) return undefined;
  const start = i;
  if (s[i] === '{') {
    const close = matchBracket(s, i);
    if (close < 0) return undefined;
    const body = parseStatements(s.slice(i + 1, close));
    if (!body) return undefined;
    return { stmt: { kind: 'block', body, text: s.slice(start, close + 1) }, end: close + 1 };
  }
  if (wordAt(s, i, 'if')) {
    const open = skipSpace(s, i + 2);
    if (s[open] !== '(') return undefined;
    const close = matchBracket(s, open);
    if (close < 0) return undefined;
    const then = parseStatement(s, close + 1);
    if (!then) return undefined;
    let end = then.end;
    let elseStmt: Statement | undefined;
    const next = skipSpace(s, end);
    if (wordAt(s, next, 'else')) {
      const alt = parseStatement(s, next + 4);
      if (!alt) return undefined;
      elseStmt = alt.stmt;
      end = alt.end;
    }
    return { stmt: { kind: 'if', cond: s.slice(open + 1, close).trim(), then: then.stmt, else: elseStmt, text: s.slice(start, end) }, end };
  }
  for (const keyword of ['while', 'for', 'switch'] as const) {
    if (!wordAt(s, i, keyword)) continue;
    const open = skipSpace(s, i + keyword.length);
    if (s[open] !== '(') return undefined;
    const close = matchBracket(s, open);
    if (close < 0) return undefined;
    const body = parseStatement(s, close + 1);
    if (!body) return undefined;
    return { stmt: { kind: 'loop', keyword, cond: s.slice(open + 1, close).trim(), body: body.stmt, text: s.slice(start, body.end) }, end: body.end };
  }
  if (wordAt(s, i, 'do')) return undefined;
  // a loop macro: `pool_foreach_index (i, pool) { ... }`, `vec_foreach (p, v) { ... }`
  const macro = /^[A-Za-z_]\w*\s*\(/.exec(s.slice(i, i + 200));
  if (macro) {
    const open = i + macro[0].length - 1;
    const close = matchBracket(s, open);
    if (close > 0 && s[skipSpace(s, close + 1)] === '{') {
      const body = parseStatement(s, close + 1);
      if (!body) return undefined;
      return { stmt: { kind: 'loop', keyword: 'for', cond: s.slice(open + 1, close).trim(), body: body.stmt, text: s.slice(start, body.end) }, end: body.end };
    }
  }
  if (s[i] === '#') {
    const nl = s.indexOf('\n', i);
    const end = nl < 0 ? s.length : nl;
    return { stmt: { kind: 'simple', text: s.slice(i, end) }, end };
  }
  // a simple statement (or a label) ends at `;` outside brackets
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'") j = skipLiteral(s, j) - 1;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && c === ';') return { stmt: { kind: 'simple', text: s.slice(i, j + 1) }, end: j + 1 };
    else if (depth === 0 && c === ':' && /^\s*[A-Za-z_]\w*\s*$/.test(s.slice(i, j)) && s[j + 1] !== ':') {
      return { stmt: { kind: 'simple', text: s.slice(i, j + 1) }, end: j + 1 };
    }
  }
  return undefined;
}

/** The statements of a block body, or undefined when one of them is not C we follow. */
export function parseStatements(s: string): Statement[] | undefined {
  const out: Statement[] = [];
  let i = 0;
  while (skipSpace(s, i) < s.length) {
    const next = parseStatement(s, i);
    if (!next) return undefined;
    out.push(next.stmt);
    i = next.end;
  }
  return out;
}

/** Whitespace runs as one space, for comparing code. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
