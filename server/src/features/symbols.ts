import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { CommandUse } from '../analysis/cliModel';
import { interfaceModel, type InterfaceDefinition } from '../analysis/interfaceModel';
import { effectiveUse } from '../analysis/interfaceNaming';
import type { ConfigEntry } from '../analysis/startupModel';
import { isGroup, type GroupNode, type Item, type Token } from '../syntax/tree';

/**
 * The outline. A script shows each interface with the commands that configure it beneath it
 * (sub-interfaces and Linux twins nested under their interface); other commands stand alone.
 * startup.conf shows its sections with their parameters and nested blocks.
 */
export function computeDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  return analysis.language === 'cli' ? scriptSymbols(analysis) : startupSymbols(analysis);
}

/** Outline labels stay on one line and short. */
function label(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function symbol(analysis: Analysis, name: string, detail: string, kind: SymbolKind, start: number, end: number, selStart: number, selEnd: number, children: DocumentSymbol[] = []): DocumentSymbol {
  let lo = Math.min(start, selStart);
  let hi = Math.max(end, selEnd);
  for (const c of children) {
    lo = Math.min(lo, analysis.lines.offsetAt(c.range.start));
    hi = Math.max(hi, analysis.lines.offsetAt(c.range.end));
  }
  const range: Range = analysis.lines.range(lo, hi);
  return { name: label(name) || '?', detail: label(detail), kind, range, selectionRange: analysis.lines.range(selStart, selEnd), children };
}

// ---------------------------------------------------------------------------------------- scripts

interface Group {
  readonly key: string;
  readonly name: string;
  readonly def?: InterfaceDefinition;
  /** Indexes into `analysis.commands` of the lines that use the name. */
  readonly lines: Set<number>;
  /** Where the group is named: the definition's name, or the first use. */
  readonly at: { start: number; end: number };
  readonly children: Group[];
  parent?: Group;
}

function commandWords(use: CommandUse | undefined): { path: string; start: number; end: number } | undefined {
  if (!use || use.path.length === 0) return undefined;
  return { path: use.node.path, start: use.path[0].token.start, end: use.path[use.path.length - 1].token.end };
}

function lineSymbol(analysis: Analysis, lineUse: CommandUse, kind: SymbolKind): DocumentSymbol {
  const { start, end } = lineUse.line;
  const use = effectiveUse(lineUse);
  const words = commandWords(use);
  if (!use || !words) return symbol(analysis, analysis.text.slice(start, end), '', kind, start, end, start, end);
  // inside `$(X) { ... }` the command ends before the closing brace
  const rest = analysis.text.slice(words.end, use.items[use.items.length - 1].end);
  return symbol(analysis, words.path, rest, kind, start, end, words.start, words.end);
}

function scriptSymbols(analysis: Analysis): DocumentSymbol[] {
  const model = interfaceModel(analysis);
  const lineIndexByStart = new Map(analysis.commands.map((c, i) => [c.line.start, i]));
  const groups = new Map<string, Group>();
  const groupOf = (def: InterfaceDefinition) => groups.get(`def:${def.index}`);
  for (const def of model.definitions) {
    groups.set(`def:${def.index}`, { key: `def:${def.index}`, name: def.name, def, lines: new Set(), at: { start: def.nameStart, end: def.nameEnd }, children: [] });
  }
  const createdOn = new Map<number | undefined, InterfaceDefinition[]>();
  for (const d of model.definitions) {
    const i = lineIndexByStart.get(d.use.line.start);
    createdOn.set(i, [...(createdOn.get(i) ?? []), d]);
  }
  // a line that creates a sub-interface or a Linux twin shows as that, not again as a use of its owner
  const createsUnder = (index: number, owner: string) => (createdOn.get(index) ?? []).some((d) => d.owner?.name === owner || d.mirrors === owner);
  for (const ref of model.references) {
    if (ref.partial || (!ref.definition && (!ref.certain || ref.space !== 'vpp'))) continue;
    const index = lineIndexByStart.get(ref.use.line.start);
    if (index === undefined) continue;
    const key = ref.definition ? `def:${ref.definition.index}` : `use:${ref.space}:${ref.netns ?? ''}:${ref.name}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, name: ref.name, lines: new Set(), at: { start: ref.start, end: ref.end }, children: [] };
      groups.set(key, group);
    }
    const ownLine = ref.definition && lineIndexByStart.get(ref.definition.use.line.start) === index;
    if (!ownLine && !createsUnder(index, ref.name)) group.lines.add(index);
  }
  // sub-interfaces and Linux twins go under the interface they belong to
  for (const group of groups.values()) {
    const def = group.def;
    if (!def) continue;
    const owner = def.owner ? groupOf(def.owner) : def.mirrors !== undefined ? groups.get(`use:vpp::${def.mirrors}`) : undefined;
    if (owner && owner !== group) {
      group.parent = owner;
      owner.children.push(group);
    }
  }
  const used = new Set<number>();
  for (const g of groups.values()) for (const i of g.lines) used.add(i);
  const toSymbol = (group: Group): DocumentSymbol => {
    const children = [...group.lines].sort((a, b) => a - b).map((i) => lineSymbol(analysis, analysis.commands[i], SymbolKind.Property));
    children.push(...group.children.map(toSymbol));
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const def = group.def;
    const span = def ? { start: def.use.line.start, end: def.use.line.end } : group.at;
    return symbol(analysis, group.name, groupDetail(group), SymbolKind.Interface, span.start, span.end, group.at.start, group.at.end, children);
  };
  const out = [...groups.values()].filter((g) => !g.parent).map(toSymbol);
  analysis.commands.forEach((lineUse, i) => {
    if (used.has(i) || createdOn.has(i) || lineUse.kind === 'dispatcher') return;
    out.push(lineSymbol(analysis, lineUse, SymbolKind.Function));
  });
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function groupDetail(group: Group): string {
  const def = group.def;
  if (!def) return 'not created here';
  const clash = def.clashesWith ? ' (refused: already exists)' : '';
  if (def.space === 'linux') return `Linux${def.netns ? `, netns ${def.netns}` : ''}${clash}`;
  return `${def.use.command?.path ?? ''}${clash}`;
}

// ---------------------------------------------------------------------------------- startup.conf

/** Jinja statements and comments stand alone; they are not a section name. */
const STANDALONE_TEMPLATE = /^\{[%#][^]*[%#]\}$/;

function startupSymbols(analysis: Analysis): DocumentSymbol[] {
  const items = analysis.tree.items;
  const entries = new Map((analysis.startup?.sections ?? []).map((s) => [s.start, s]));
  const out: DocumentSymbol[] = [];
  for (let i = 0; i < items.length; i++) {
    const name = items[i];
    if (isGroup(name)) {
      out.push(symbol(analysis, '{ }', 'block without a section name', SymbolKind.Module, name.start, name.end, name.open.start, name.open.end, blockSymbols(analysis, name)));
      continue;
    }
    if (name.kind !== 'word' || STANDALONE_TEMPLATE.test(name.text)) continue;
    const value = items[i + 1];
    const hasValue = value !== undefined && (isGroup(value) || value.kind === 'word');
    if (hasValue) i++;
    const entry = entries.get(name.start);
    const children = hasValue && isGroup(value) ? blockSymbols(analysis, value, entry) : [];
    const detail = hasValue && !isGroup(value) ? value.text : '';
    out.push(symbol(analysis, name.text, detail, SymbolKind.Module, name.start, hasValue ? value.end : name.end, name.start, name.end, children));
  }
  return out;
}

/** The parameters of a block: as the schema reads them, and line by line for what it does not know. */
function blockSymbols(analysis: Analysis, group: GroupNode, entry?: ConfigEntry): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const covered: { start: number; end: number }[] = [];
  for (const child of entry && entry.block === group ? entry.children : []) {
    out.push(entrySymbol(analysis, child));
    covered.push(child);
  }
  covered.sort((a, b) => a.start - b.start);
  let at = 0;
  // items come in text order, so one pass over the sorted entries finds the ones that hold them
  const inside = (item: Item) => {
    while (at < covered.length && covered[at].end < item.end) at++;
    return at < covered.length && item.start >= covered[at].start && item.end <= covered[at].end;
  };
  let run: Item[] = [];
  const flush = () => {
    if (run.length > 0) out.push(runSymbol(analysis, run));
    run = [];
  };
  for (const item of group.items) {
    if (inside(item)) {
      flush();
      continue;
    }
    if (!isGroup(item) && run.length > 0 && analysis.lines.startsLine(item.start)) flush();
    run.push(item);
    if (isGroup(item)) flush();
  }
  flush();
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function entrySymbol(analysis: Analysis, entry: ConfigEntry): DocumentSymbol {
  const key = entry.key.map((k) => k.text).join(' ');
  const values = entry.values.flatMap((v) => (v.token ? [v.token.text] : (v.rest ?? []).map((t) => t.text))).join(' ');
  const children = entry.block ? blockSymbols(analysis, entry.block, entry) : [];
  const first = entry.key[0] ?? { start: entry.start, end: entry.start };
  const last = entry.key[entry.key.length - 1] ?? first;
  return symbol(analysis, key, values, entry.block ? SymbolKind.Object : SymbolKind.Property, entry.start, entry.end, first.start, last.end, children);
}

/** Words the schema does not place: the first names the parameter, the rest are its values. */
function runSymbol(analysis: Analysis, run: Item[]): DocumentSymbol {
  const words = run.filter((i): i is Token => !isGroup(i));
  const block = run.find(isGroup);
  const head = words[0];
  const children = block ? blockSymbols(analysis, block) : [];
  const start = run[0].start;
  const end = run[run.length - 1].end;
  if (!head) return symbol(analysis, '{ }', '', SymbolKind.Object, start, end, start, block ? block.open.end : end, children);
  const detail = words.slice(1).map((w) => w.text).join(' ');
  return symbol(analysis, head.text, detail, block ? SymbolKind.Object : SymbolKind.Property, start, end, head.start, head.end, children);
}
