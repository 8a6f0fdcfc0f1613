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
      const d = distance(folded, fold(c));
      const allowed = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
      if (d > allowed) continue;
      score = d;
    }
    scored.push({ c, score });
  }
  scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
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
