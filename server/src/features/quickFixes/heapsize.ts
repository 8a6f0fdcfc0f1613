import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, type FixInput } from './action';
import { entryAt } from './findings';
import { addToBlock, removeEntry } from './startupEdits';

/**
 * `heapsize 2G` (refused from 26.02) moves to `memory { main-heap-size 2G }`: into the file's
 * `memory { }` block when it has one without a heap size, else in place of `heapsize`.
 */
export function moveHeapsize(input: FixInput): CodeAction | undefined {
  const { analysis, diagnostic: d, code, start, uri } = input;
  if (analysis.language !== 'startup' || (code !== 'vpp.fatal-in-release' && code !== 'vpp.deprecated')) return undefined;
  const sections = analysis.startup?.sections ?? [];
  const entry = entryAt(sections, start);
  const size = entry?.values[0]?.token?.text;
  if (entry?.param?.key !== 'heapsize' || entry.depth !== 0 || !size) return undefined;
  const memory = analysis.schema.sectionByKey.get('memory');
  if (!memory?.block?.some((p) => p.key === 'main-heap-size')) return undefined;
  const line = `main-heap-size ${size}`;
  const title = `Move to \`memory { ${line} }\``;
  const block = sections.find((s) => s.param?.key === 'memory' && s.block?.type === 'group');
  if (!block) return quickFix(title, uri, d, [{ range: analysis.lines.range(entry.start, entry.end), newText: `memory { ${line} }` }], true);
  if (block.children.some((c) => c.param?.key === 'main-heap-size')) return undefined; // the memory block decides already: removing is the fix
  const add = block.block?.type === 'group' ? addToBlock(analysis, block.block, line) : undefined;
  return add && quickFix(title, uri, d, [add, removeEntry(analysis, entry)], true);
}
