import type { LineIndex } from '../syntax/lineIndex';
import { isGroup, type Item, type LineNode, type Token } from '../syntax/tree';
import { diagnostic, type FixData, type VppDiagnostic } from './diagnostic';

/**
 * Since 22.06 VPP runs a script line by line, so a `{ ... }` block written over several lines
 * (as older scripts did for `packet-generator new { ... }`) reaches VPP as one broken line
 * followed by lines that are each read as a command. We report that once, on the `{`, offer to
 * join the lines, and stay quiet about the lines inside. A `\` at each line end joins them for a
 * command that reads its input directly (`packet-generator new`); it would not for one that reads
 * its arguments with unformat_line_input (`create tap`): VPP keeps the newline of a `\` in the
 * text inside the braces, and such a command stops at it. Those lines are joined into one.
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
  return walkBlocks(unbalanced).blocks;
}

/**
 * The first line with more `{` than `}` that no later line closes: a text that goes on after these
 * lines may close it, and then that line and every line after it are read as one block.
 */
export function firstUnclosed<L extends { readonly balance: number }>(unbalanced: readonly L[]): L | undefined {
  return walkBlocks(unbalanced).unclosed;
}

function walkBlocks<L extends { readonly balance: number }>(unbalanced: readonly L[]): { blocks: { first: L; last: L }[]; unclosed?: L } {
  const blocks: { first: L; last: L }[] = [];
  let unclosed: L | undefined;
  for (let i = 0; i < unbalanced.length; i++) {
    let depth = unbalanced[i].balance;
    if (depth <= 0) continue;
    let j = i;
    while (depth > 0 && j + 1 < unbalanced.length) {
      j++;
      depth += unbalanced[j].balance;
    }
    // a `{` that no later line closes is read by VPP to the end of its line, which it accepts
    if (j === i || depth > 0) {
      unclosed ??= unbalanced[i];
      continue;
    }
    blocks.push({ first: unbalanced[i], last: unbalanced[j] });
    i = j;
  }
  return { blocks, unclosed };
}

/**
 * The finding on a block from `first` to `last`; `lineReader` is the path of the command that owns
 * it when that command reads its arguments with unformat_line_input.
 */
export function spanningBlockDiagnostic(first: LineNode, last: LineNode, text: string, index: LineIndex, lineReader?: string): VppDiagnostic {
  const opener = firstOpen(first.items)!;
  const firstPhysical = index.lineOf(first.start);
  const lastPhysical = index.lineOf(last.end);
  const lines = lastPhysical - firstPhysical + 1;
  const cut = `VPP reads a script line by line, so this \`{\` block over ${lines} lines is cut at the end of the line and each line inside runs as a separate command.`;
  if (lineReader) {
    // joining puts everything after a `#` into its comment, so lines with comments get no fix
    const fixes = text.slice(first.start, last.end).includes('#') ? [] : lineBreakJoins(text, index, firstPhysical, lastPhysical);
    return diagnostic(
      'vpp.unclosed-brace',
      `${cut} \`${lineReader}\` reads its arguments only to the end of a line, and a \`\\\` continuation keeps the line break, so write the block on one line.`,
      opener.start,
      opener.end,
      fixes,
    );
  }
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
  return diagnostic('vpp.unclosed-brace', `${cut}${join}`, opener.start, opener.end, crlf ? undefined : fixes);
}

/** Each line break from `firstLine` to `lastLine` (with a `\` before it, if any) becomes one space. */
function lineBreakJoins(text: string, index: LineIndex, firstLine: number, lastLine: number): FixData[] {
  const fixes: FixData[] = [];
  for (let line = firstLine; line < lastLine; line++) {
    let end = index.lineEnd(line);
    if (text[end - 1] === '\\') end--;
    const next = index.offsetAt({ line: line + 1, character: 0 });
    fixes.push({ kind: 'insert', offset: end, text: ' ', replaces: next - end, label: 'Join the block into one line' });
  }
  return fixes;
}
