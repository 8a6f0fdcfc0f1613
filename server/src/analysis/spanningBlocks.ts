import type { LineIndex } from '../syntax/lineIndex';
import { firstTokenAt, type LineNode, type SyntaxTree } from '../syntax/tree';
import { diagnostic, type VppDiagnostic } from './diagnostic';

/**
 * Since 22.06 VPP runs a script line by line, so a `{ ... }` block written over several lines
 * (as older scripts did for `packet-generator new { ... }`) reaches VPP as one broken line
 * followed by lines that are each read as a command. We report that once, on the `{`, offer to
 * join the lines with `\`, and stay quiet about the lines inside.
 */
export interface SpanningBlock {
  /** Index of the line that opens the block and of the last line it swallows. */
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
}

function braceBalance(line: LineNode, tree: SyntaxTree): number {
  let balance = 0;
  for (const t of tokensIn(tree, line.start, line.end)) {
    if (t.kind === 'lbrace') balance++;
    else if (t.kind === 'rbrace') balance--;
  }
  return balance;
}

function* tokensIn(tree: SyntaxTree, start: number, end: number) {
  for (let i = firstTokenAt(tree.tokens, start); i < tree.tokens.length && tree.tokens[i].start < end; i++) yield tree.tokens[i];
}

export function findSpanningBlocks(tree: SyntaxTree): SpanningBlock[] {
  const blocks: SpanningBlock[] = [];
  const lines = tree.lines;
  for (let i = 0; i < lines.length; i++) {
    let depth = braceBalance(lines[i], tree);
    if (depth <= 0) continue;
    let j = i;
    while (depth > 0 && j + 1 < lines.length) {
      j++;
      depth += braceBalance(lines[j], tree);
    }
    // a `{` that no later line closes is read by VPP to the end of its line, which it accepts
    if (j === i || depth > 0) continue;
    blocks.push({ firstLine: i, lastLine: j, start: lines[i].start, end: lines[j].end });
    i = j;
  }
  return blocks;
}

export function spanningBlockDiagnostic(block: SpanningBlock, tree: SyntaxTree, index: LineIndex): VppDiagnostic {
  const opener = [...tokensIn(tree, tree.lines[block.firstLine].start, tree.lines[block.firstLine].end)].find((t) => t.kind === 'lbrace')!;
  const firstPhysical = index.lineOf(block.start);
  const lastPhysical = index.lineOf(block.end);
  const fixes = [];
  for (let line = firstPhysical; line < lastPhysical; line++) {
    const end = index.lineEnd(line);
    if (tree.text[end - 1] === '\\') continue;
    fixes.push({ kind: 'insert' as const, offset: end, text: ' \\', label: 'Join the block into one command with `\\`' });
  }
  return diagnostic(
    'vpp.unclosed-brace',
    `VPP reads a script line by line, so this \`{\` block over ${lastPhysical - firstPhysical + 1} lines is cut at the end of the line and each line inside runs as a separate command. End each line of the block with \`\\\` to join them.`,
    opener.start,
    opener.end,
    fixes,
  );
}
