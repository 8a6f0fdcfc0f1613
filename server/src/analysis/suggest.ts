/** "Did you mean" candidates: `af-xdp` finds `af_xdp`, `hostif-name` finds `host-if-name`. */

function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev = Array.from({ length: cols }, (_, j) => j);
  let prevPrev: number[] = [];
  for (let i = 1; i < rows; i++) {
    const cur = [i];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      cur.push(d);
    }
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1];
}

const fold = (s: string) => s.toLowerCase().replace(/_/g, '-');

/** The closest candidates, best first; empty when nothing is close enough to be a typo. */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { c: string; score: number }[] = [];
  const folded = fold(word);
  for (const c of candidates) {
    if (c === word) continue;
    let score: number;
    if (fold(c) === folded) score = 0; // only case or - versus _ differ
    else if (folded.length >= 3 && fold(c).startsWith(folded)) score = 1; // an unfinished word: `host-if` for `host-if-name`
    else {
      const allowed = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
      // the distance is at least the difference in length: a long word is no typo of a short one,
      // and measuring it would cost its length times the candidate's
      if (Math.abs(folded.length - c.length) > allowed) continue;
      const d = distance(folded, fold(c));
      if (d > allowed) continue;
      score = d;
    }
    scored.push({ c, score });
  }
  scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}

/** Suggestions already made, per set of candidates: a file with one wrong word on every line asks the same question again and again. */
const remembered = new WeakMap<object, Map<string, string[]>>();
/** Past this many distinct words for one set of candidates the memory is dropped and started again. */
const REMEMBER_AT_MOST = 10_000;

/**
 * `suggest` for candidates that do not change while `owner` lives (a release's schema, a
 * parameter's list), remembered per word under `owner` and `scope`.
 */
export function suggestRemembered(owner: object, scope: string, word: string, candidates: () => Iterable<string>): string[] {
  let memory = remembered.get(owner);
  if (!memory) remembered.set(owner, (memory = new Map()));
  const key = `${scope}\u0000${word}`;
  let guesses = memory.get(key);
  if (!guesses) {
    if (memory.size >= REMEMBER_AT_MOST) memory.clear();
    memory.set(key, (guesses = suggest(word, candidates())));
  }
  return guesses;
}

/** All candidates ordered by closeness to `word`, best first, however far: for a short list such as an enum's values. */
export function nearest(word: string, candidates: readonly string[], limit = 3): string[] {
  const folded = fold(word);
  return candidates
    .filter((c) => c !== word)
    .map((c) => ({ c, score: fold(c).startsWith(folded) && folded ? 0 : distance(folded, fold(c)) }))
    .sort((x, y) => x.score - y.score || candidates.indexOf(x.c) - candidates.indexOf(y.c))
    .slice(0, limit)
    .map((s) => s.c);
}
