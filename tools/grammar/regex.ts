/**
 * Regex building blocks for the TextMate grammars (Oniguruma syntax).
 *
 * Every pattern here must fail or succeed in time linear in the text it looks at: loops are
 * possessive (`*+`, `++`) or atomic (`(?>...)`), and the alternatives of a loop never start with the
 * same character. Note that in Oniguruma `{n,m}+` is NOT possessive (it repeats the interval), so
 * bounded repeats are wrapped in `(?>...)` instead.
 */

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CharNode {
  end: boolean;
  readonly next: Map<string, CharNode>;
}

function renderSuffixes(node: CharNode): string {
  const branches = [...node.next.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ch, child]) => escapeRegex(ch) + renderSuffixes(child));
  if (branches.length === 0) return '';
  const single = branches.length === 1 && [...branches[0]].length === 1;
  if (node.end) return single ? `${branches[0]}?` : `(?:${branches.join('|')})?`;
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}

/**
 * One regex matching exactly the given words, written as a character trie so that at each point
 * at most one alternative can go on: `host-(?:if(?:-name)?|ns)`. Matching costs at most the length
 * of the longest word, however many words there are.
 */
export function wordAlternation(words: Iterable<string>): string {
  const root: CharNode = { end: false, next: new Map() };
  let count = 0;
  for (const word of new Set(words)) {
    if (word.length === 0) continue;
    count++;
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  if (count === 0) return '(?!)';
  return `(?:${renderSuffixes(root)})`;
}

/** Word boundaries of one language: where a word may start and what may follow it. */
export interface Boundaries {
  /** Zero-width: the previous character (if any) separates words. */
  readonly start: string;
  /** Zero-width: the next character ends a word. */
  readonly end: string;
  /** One character that may be part of a plain word (repeated possessively by callers). */
  readonly wordChar: string;
}

/**
 * In a script, `#` starts a comment anywhere and a backslash before the end of the line joins the
 * next line; both end a word. `$` is a word character unless it opens a placeholder.
 */
export const SCRIPT_BOUNDARIES: Boundaries = {
  start: String.raw`(?<![^\s{}])`,
  end: String.raw`(?=[\s{}#]|\\$|$)`,
  wordChar: String.raw`(?:[^\s{}#\\$]|\\(?!$)|\$(?![({]))`,
};

/** startup.conf has no continuations; `#` starts a comment (anywhere, as VPP reads it since 26.02). */
export const CONFIG_BOUNDARIES: Boundaries = {
  start: String.raw`(?<![^\s{}])`,
  end: String.raw`(?=[\s{}#]|$)`,
  wordChar: String.raw`(?:[^\s{}#$]|\$(?![({]))`,
};

/** A whole word matching `body`, with nothing glued to either side. */
export function wholeWord(body: string, b: Boundaries): string {
  return `${b.start}(?>${body})${b.end}`;
}
