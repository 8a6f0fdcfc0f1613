import type { Range, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { ValueMatch } from '../analysis/args';
import type { CommandUse } from '../analysis/cliModel';
import { interfaceModel } from '../analysis/interfaceModel';
import type { ConfigEntry } from '../analysis/startupModel';
import type { StartupParam, ValueKind, VppRelease } from '../schema/types';
import { isGroup, type Item, type Token } from '../syntax/tree';

/**
 * Semantic tokens: what the TextMate grammar cannot know. Which words VPP resolves as a command
 * (abbreviations included), which words a strict command accepts as options and which it refuses,
 * the interfaces this script creates and uses, values of the wrong kind, deprecated options, and
 * in startup.conf which words are sections and parameters where they stand.
 */

export const SEMANTIC_TOKEN_TYPES = ['keyword', 'parameter', 'namespace', 'property', 'variable', 'enumMember', 'number', 'string'] as const;
/** `invalid` is ours (declared in package.json): a word VPP would refuse where it stands. */
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'deprecated', 'invalid'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

export interface SemanticTokensResult {
  legend: SemanticTokensLegend;
  /** LSP's relative encoding: five numbers per token. */
  data: number[];
}

interface Mark {
  start: number;
  end: number;
  type: SemanticTokenType;
  modifiers: readonly SemanticTokenModifier[];
  /** Where two marks cover the same word, the higher priority wins. */
  priority: number;
}

const PRIORITY = { structure: 1, value: 2, interface: 3, invalid: 4 } as const;

const KIND_TYPE: Partial<Record<ValueKind, SemanticTokenType>> = {
  uint: 'number',
  int: 'number',
  hex: 'number',
  number: 'number',
  float: 'number',
  size: 'number',
  corelist: 'number',
  mac: 'number',
  ip4: 'number',
  ip6: 'number',
  ip: 'number',
  'ip4-prefix': 'number',
  'ip6-prefix': 'number',
  'ip-prefix': 'number',
  pci: 'number',
  'hex-string': 'number',
  'mpls-label': 'number',
  'lisp-eid': 'string',
  enum: 'enumMember',
  // a name of VPP's protocol table: one of a list
  'ip-protocol': 'enumMember',
  ethertype: 'enumMember',
  interface: 'variable',
  string: 'string',
  ifname: 'string',
  netns: 'string',
  path: 'string',
};

/** Semantic tokens of the whole document, or of the part that `range` covers. */
export function computeSemanticTokens(analysis: Analysis, range?: Range): SemanticTokensResult {
  const marks: Mark[] = [];
  if (analysis.language === 'cli') {
    for (const use of analysis.commands) markCommand(use, marks);
    markInterfaces(analysis, marks);
  } else {
    markStartup(analysis, marks);
  }
  const from = range ? analysis.lines.offsetAt(range.start) : 0;
  const to = range ? analysis.lines.offsetAt(range.end) : Number.POSITIVE_INFINITY;
  return { legend: SEMANTIC_TOKENS_LEGEND, data: encode(analysis, resolveOverlaps(marks).filter((m) => m.end > from && m.start < to)) };
}

function mark(marks: Mark[], item: Item | undefined, type: SemanticTokenType, modifiers: SemanticTokenModifier[], priority: number): void {
  if (!item || isGroup(item) || item.kind !== 'word' || item.end <= item.start) return;
  marks.push({ start: item.start, end: item.end, type, modifiers, priority });
}

function markCommand(use: CommandUse, marks: Mark[]): void {
  if (use.kind === 'dispatcher' && use.command && use.command.path !== 'comment') mark(marks, use.items[0], 'keyword', [], PRIORITY.structure);
  for (const { token } of use.path) mark(marks, token, 'keyword', [], PRIORITY.structure);
  if (use.failure) mark(marks, use.failure.token, 'keyword', ['invalid'], PRIORITY.invalid);
  for (const m of use.match?.matches ?? []) {
    const deprecated: SemanticTokenModifier[] = m.pattern.spec.deprecated ? ['deprecated'] : [];
    for (const word of m.keyword) mark(marks, word, 'parameter', deprecated, PRIORITY.structure);
    markValues(m.values, marks);
  }
  for (const run of use.match?.unknown ?? []) mark(marks, run.first, 'parameter', ['invalid'], PRIORITY.invalid);
  if (use.nested) markCommand(use.nested, marks);
}

/** Enum words and refused values; other values are left to the grammar, which knows their shapes. */
function markValues(values: readonly ValueMatch[], marks: Mark[]): void {
  for (const v of values) {
    const type = KIND_TYPE[v.spec.kind];
    if (!v.token || !type) continue;
    if (v.problem) mark(marks, v.token, type, ['invalid'], PRIORITY.invalid);
    else if (v.spec.kind === 'enum') mark(marks, v.token, type, [], PRIORITY.value);
  }
}

/** Names of interfaces this script creates where they are written, and each later use of them. */
function markInterfaces(analysis: Analysis, marks: Mark[]): void {
  const model = interfaceModel(analysis);
  const words = new Map<number, Token>();
  for (const token of analysis.tree.tokens) if (token.kind === 'word') words.set(token.start, token);
  for (const def of model.definitions) {
    const word = words.get(def.nameStart);
    if (word && word.end === def.nameEnd && word.text === def.name) mark(marks, word, 'variable', ['declaration'], PRIORITY.interface);
  }
  for (const ref of model.references) {
    if (ref.definition && ref.end > ref.start) marks.push({ start: ref.start, end: ref.end, type: 'variable', modifiers: [], priority: PRIORITY.interface });
  }
}

function markStartup(analysis: Analysis, marks: Mark[]): void {
  const model = analysis.startup;
  if (!model) return;
  for (const stray of model.strays) {
    if (stray.reason === 'unknown-section') mark(marks, stray.item, 'namespace', ['invalid'], PRIORITY.invalid);
    else if (stray.reason === 'missing-value') mark(marks, stray.item, 'namespace', [], PRIORITY.structure);
  }
  for (const section of model.sections) markEntry(section, analysis.release, marks);
}

function paramModifiers(param: StartupParam | undefined, release: VppRelease): SemanticTokenModifier[] {
  if (!param) return [];
  if (param.fatal?.releases.includes(release)) return ['invalid'];
  return param.deprecated ? ['deprecated'] : [];
}

function markEntry(entry: ConfigEntry, release: VppRelease, marks: Mark[]): void {
  const type: SemanticTokenType = entry.depth === 0 ? 'namespace' : 'property';
  const modifiers = paramModifiers(entry.param, release);
  for (const word of entry.key) mark(marks, word, type, modifiers, modifiers.includes('invalid') ? PRIORITY.invalid : PRIORITY.structure);
  markValues(entry.values, marks);
  for (const run of entry.unknown) mark(marks, run.first, 'property', ['invalid'], PRIORITY.invalid);
  for (const child of entry.children) markEntry(child, release, marks);
}

/**
 * Sorted by position, without overlaps: where marks overlap (a word marked twice, a partial
 * interface name inside a word), the higher priority wins, then the earlier.
 */
function resolveOverlaps(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.priority - a.priority);
  const out: Mark[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    let end = sorted[i].end;
    for (; j < sorted.length && sorted[j].start < end; j++) end = Math.max(end, sorted[j].end);
    if (j === i + 1) out.push(sorted[i]);
    else out.push(...pickWithin(sorted.slice(i, j)));
    i = j;
  }
  return out;
}

/** Marks of one overlapping cluster (a handful at most), chosen greedily by priority. */
function pickWithin(cluster: Mark[]): Mark[] {
  const kept: Mark[] = [];
  for (const m of [...cluster].sort((a, b) => b.priority - a.priority || a.start - b.start)) {
    if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function encode(analysis: Analysis, marks: readonly Mark[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const m of marks) {
    const start = analysis.lines.positionAt(m.start);
    const end = analysis.lines.positionAt(m.end);
    // a token may not cross a line break; ours are words, but stay safe on odd input
    const length = end.line === start.line ? end.character - start.character : analysis.lines.lineEnd(start.line) - m.start;
    if (length <= 0) continue;
    const deltaLine = start.line - line;
    data.push(deltaLine, deltaLine === 0 ? start.character - character : start.character, length, SEMANTIC_TOKEN_TYPES.indexOf(m.type), modifierBits(m.modifiers));
    line = start.line;
    character = start.character;
  }
  return data;
}

function modifierBits(modifiers: readonly SemanticTokenModifier[]): number {
  let bits = 0;
  for (const m of modifiers) bits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
  return bits;
}
