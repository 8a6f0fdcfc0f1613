import type { LineIndex } from '../syntax/lineIndex';
import { isGroup, type Item, type LineNode, type Token } from '../syntax/tree';
import { diagnostic, type VppDiagnostic } from './diagnostic';

/**
 * Since 22.06 VPP runs a script line by line, so a `{ ... }` block written over several lines
 * (as older scripts did for `packet-generator new { ... }`) reaches VPP as one broken line
 * followed by lines that are each read as a command. We report that once, on the `{`, offer to
 * join the lines with `\`, and stay quiet about the lines inside.
 */

/** `{` minus `}` on a line, nested groups included. */
export function braceBalance(items: readonly Item[]): number {
  let balance = 0;
  for (const item of items) {
    if (isGroup(item)) balance += 1 + braceBalance(item.items) - (item.close ? 1 : 0);
    else if (item.kind === 'rbrace') balance--;
  }
  return balance;
}

/** The first `{` of a line, in text order. */
function firstOpen(items: readonly Item[]): Token | undefined {
  for (const item of items) if (isGroup(item)) return item.open;
  return undefined;
}

/**
 * The blocks among lines in text order, given only the lines whose braces do not balance (the
 * others change nothing): from a line with more `{` than `}` to the line that closes them all.
 */
export function findSpanningBlocks<L extends { readonly balance: number }>(unbalanced: readonly L[]): { first: L; last: L }[] {
  const blocks: { first: L; last: L }[] = [];
  for (let i = 0; i < unbalanced.length; i++) {
    let depth = unbalanced[i].balance;
    if (depth <= 0) continue;
    let j = i;
    while (depth > 0 && j + 1 < unbalanced.length) {
      j++;
      depth += unbalanced[j].balance;
    }
    // a `{` that no later line closes is read by VPP to the end of its line, which it accepts
    if (j === i || depth > 0) continue;
    blocks.push({ first: unbalanced[i], last: unbalanced[j] });
    i = j;
  }
  return blocks;
}

export function spanningBlockDiagnostic(first: LineNode, last: LineNode, text: string, index: LineIndex): VppDiagnostic {
  const opener = firstOpen(first.items)!;
  const block = { start: first.start, end: last.end };
  const firstPhysical = index.lineOf(block.start);
  const lastPhysical = index.lineOf(block.end);
  const fixes = [];
  let crlf = false;
  for (let line = firstPhysical; line < lastPhysical; line++) {
    const end = index.lineEnd(line);
    // VPP continues a line only at `\` right before `\n`: before `\r\n` it is no continuation, and
    // no editor position lies between `\r` and `\n`, so a CRLF block gets no fix that would not fix it
    if (text[end] === '\r') crlf = true;
    if (text[end - 1] === '\\') continue;
    fixes.push({ kind: 'insert' as const, offset: end, text: ' \\', label: 'Join the block into one command with `\\`' });
  }
  const join = crlf
    ? ' This file ends its lines with CRLF, and VPP reads `\\` as a continuation only right before a bare `\\n`: save it with LF line ends, then end each line of the block with `\\`.'
    : ' End each line of the block with `\\` to join them.';
  return diagnostic(
    'vpp.unclosed-brace',
    `VPP reads a script line by line, so this \`{\` block over ${lastPhysical - firstPhysical + 1} lines is cut at the end of the line and each line inside runs as a separate command.${join}`,
    opener.start,
    opener.end,
    crlf ? undefined : fixes,
  );
}
