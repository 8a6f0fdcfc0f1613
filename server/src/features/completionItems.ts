import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { ArgPattern } from '../analysis/args';
import type { ValueSpec } from '../schema/types';
import { isGroup, type Item } from '../syntax/tree';
import type { DocText } from './docText';
import { valuePlaceholder } from './docText';

export interface CompletionCaps {
  snippetSupport: boolean;
  markdown: boolean;
  /**
   * The client takes the range every item replaces once, in the list's `itemDefaults` (LSP 3.17):
   * a list of 2,000 interface names is then a third of the size.
   */
  editRangeDefault?: boolean;
}

export interface ItemSpec {
  label: string;
  kind: CompletionItemKind;
  detail?: string;
  doc?: DocText;
  /** What to insert as a snippet when the client takes snippets. */
  snippet?: string;
  /** What to insert otherwise; the label when absent. */
  plain?: string;
  /** The text the client matches what is typed against; the label when absent. */
  filter?: string;
  /** Lower sorts first; items of one rank keep the order they were added in. */
  rank?: number;
  deprecated?: boolean;
}

/** Collects completion items that all replace the word under the cursor. */
export class CompletionSink {
  readonly items: CompletionItem[] = [];
  /** Some items were left out: the client must ask again as the user types. */
  incomplete = false;
  private readonly labels = new Set<string>();

  constructor(
    readonly caps: CompletionCaps,
    private readonly range: Range,
  ) {}

  add(spec: ItemSpec): void {
    if (this.labels.has(spec.label)) return;
    this.labels.add(spec.label);
    const snippet = this.caps.snippetSupport && spec.snippet !== undefined;
    const newText = snippet ? spec.snippet! : (spec.plain ?? spec.label);
    const item: CompletionItem = {
      label: spec.label,
      kind: spec.kind,
      sortText: `${spec.rank ?? 5}-${String(this.items.length).padStart(5, '0')}`,
    };
    if (!this.caps.editRangeDefault) {
      item.filterText = spec.filter ?? spec.label;
      item.textEdit = { range: this.range, newText };
    } else {
      if (newText !== spec.label) item.textEditText = newText;
      if (spec.filter) item.filterText = spec.filter;
    }
    if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
    if (spec.detail) item.detail = spec.detail;
    if (spec.doc && !spec.doc.empty) item.documentation = spec.doc.content();
    if (spec.deprecated) item.tags = [CompletionItemTag.Deprecated];
    this.items.push(item);
  }
}

/**
 * The rest of each multi-word keyword whose first words stand right before the cursor (`mode`
 * typed: `ip` of `mode ip`), with where those typed words start.
 */
export function keywordContinuations<S>(patterns: readonly ArgPattern<S>[], before: readonly Item[]): { pattern: ArgPattern<S>; rest: string; typedAt: number }[] {
  const out: { pattern: ArgPattern<S>; rest: string; typedAt: number }[] = [];
  for (const pattern of patterns) {
    const words = pattern.words;
    for (let k = words.length - 1; k >= 1; k--) {
      const tail = before.slice(before.length - k);
      if (tail.length !== k || tail.some((t, i) => isGroup(t) || t.text !== words[i])) continue;
      out.push({ pattern, rest: words.slice(k).join(' '), typedAt: tail[0].start });
      break;
    }
  }
  return out;
}

/** Escapes text for a snippet: `$`, `}` and `\` are special there. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function choiceText(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** `words ${1:placeholder} ${2|a,b|}` for a keyword and its values; tab stops start at `first`. */
export function snippetFor(words: string, values: readonly ValueSpec[], first = 1): string {
  const stops = values
    .filter((v) => v.kind !== 'rest')
    .map((v, i) => (v.kind === 'enum' && v.values?.length ? `\${${first + i}|${v.values.map(choiceText).join(',')}|}` : `\${${first + i}:${snippetText(valuePlaceholder(v))}}`));
  return [snippetText(words), ...stops].join(' ');
}

export { CompletionItemKind };
