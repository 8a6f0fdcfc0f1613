/**
 * Up to `count` lines matching `pattern`, from the middle of the file on (then from the top), with
 * the column where the match ends (the patterns end with the word of interest): where the bench's
 * edits land.
 */
export function linesLike(lines: readonly string[], pattern: RegExp, count: number): { line: number; end: number }[] {
  const found: { line: number; end: number }[] = [];
  const mid = lines.length >> 1;
  for (let k = 0; k < lines.length && found.length < count; k++) {
    const line = (mid + k) % lines.length;
    const m = pattern.exec(lines[line]);
    if (m) found.push({ line, end: m.index + m[0].length });
  }
  return found;
}
