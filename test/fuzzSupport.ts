import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../server/src/analysis/analyze';
import { isGroup, type Item, type SyntaxTree } from '../server/src/syntax/tree';
import { CORPUS } from './skipReasons';

/**
 * What the property tests share: how much to run (a fixed seed and a modest count in `npm test`;
 * `npm run fuzz` raises the count through FUZZ_RUNS and may pick another FUZZ_SEED), generators of
 * VPP-like text with everything that goes wrong in real files, and the checks every range must pass.
 */

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_806);

/** Runs per property: `base` in `npm test`, FUZZ_RUNS under `npm run fuzz`. */
export function runs(base: number): number {
  const wanted = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(wanted) && wanted > 0 ? wanted : base;
}

export function settings(base: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: runs(base), endOnFailure: true };
}

const WORDS = [
  'create', 'tap', 'id', '0', '4096', 'host-if-name', 'vpp0', 'host-ns', 'ns1', 'set', 'interface', 'int', 'state', 'up', 'down', 'ip', 'address',
  '10.0.0.1/24', '2001:db8::1/64', 'tap0', 'tap0.100', 'host-veth1', 'memif0/2', 'loop4', 'lcp', 'delete', 'sub-interfaces', 'dot1q', '100',
  'af_xdp', 'af-xdp', 'host-if', 'eth0', 'name', 'xdp0', 'memif', 'socket-id', 'master', 'loopback', 'instance', 'vhost-user', 'socket',
  '/run/vpp/a.sock', 'server', 'comment', 'uncomment', 'vpplog', 'exec', '/etc/vpp/x.vpp', 'show', 'sh', 'packet-generator', 'new', 'route',
  'add', 'via', 'unix', 'nodaemon', 'cli-listen', 'dpdk', 'dev', '0000:02:00.0', 'num-rx-queues', 'plugins', 'plugin', 'linux_cp_plugin.so',
  'enable', 'disable', 'cpu', 'main-core', 'corelist-workers', '1-3', 'buffers', 'buffers-per-numa', 'api-trace', 'on', 'startup-config',
];

const PUNCTUATION = [
  ' ', ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', '{', '}', '{ ', ' }', '\\', '\\\n', '#', '# vpp-version: 25.06', '# vpp-version: 99.99',
  '# vpp-lint: disable-next-line', '# vpp-lint: disable-line vpp.unknown-option', '$(X)', '${Y}', '{{ .Z }}', '{% if a %}', '{# c #}', '%s',
  '\u0000', '\uFEFF', '\u00A0', '\u2028', '😀', '𝔘', '\uD800', '\uDC00', 'é', '\u0301', '\f', '\v',
];

/** A fragment of a VPP file: a word, punctuation, a piece of arbitrary Unicode, now and then a long line or deep braces. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 8, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(3000), '{'.repeat(260), '}'.repeat(40), 'a '.repeat(400), '\t'.repeat(50)) },
);

export const vppText: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

/** Any text at all, from the whole of Unicode (lone surrogates included). */
export const anyText: fc.Arbitrary<string> = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), vppText);

export const language = fc.constantFrom<'cli' | 'startup'>('cli', 'startup');


/** The corpus files (read when present), with their language. */
export function corpusFiles(): { language: 'cli' | 'startup'; name: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  const out: { language: 'cli' | 'startup'; name: string; text: string }[] = [];
  for (const [dir, lang] of [['cli', 'cli'], ['startup', 'startup']] as const) {
    for (const name of readdirSync(join(CORPUS, dir))) out.push({ language: lang, name: `${dir}/${name}`, text: readFileSync(join(CORPUS, dir, name), 'utf8') });
  }
  return out;
}

/** A mutation of a text: a cut, a duplicated stretch, an inserted fragment, two lines swapped. */
export function mutation(text: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: text.length });
  return fc.oneof(
    fc.tuple(at, at).map(([a, b]) => text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b))),
    fc.tuple(at, at, at).map(([a, b, c]) => text.slice(0, c) + text.slice(Math.min(a, b), Math.max(a, b)) + text.slice(c)),
    fc.tuple(at, vppText).map(([a, s]) => text.slice(0, a) + s + text.slice(a)),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => {
      const lines = text.split('\n');
      if (lines.length < 2) return text;
      const [a, b] = [i % lines.length, j % lines.length];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }),
  );
}

/** Positions to ask features at: code-point boundaries of the text, line ends, and a few outside it. */
export function positionsIn(analysis: Analysis, picks: readonly number[]): Position[] {
  const text = analysis.text;
  const out: Position[] = [];
  for (const pick of picks) {
    let offset = text.length === 0 ? 0 : pick % (text.length + 1);
    if (splitsPair(text, offset)) offset--;
    out.push(analysis.lines.positionAt(offset));
  }
  const lastLine = analysis.lines.lineCount - 1;
  out.push({ line: lastLine, character: 10_000 }, { line: lastLine + 2, character: 3 }, { line: -1, character: -1 });
  return out;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/**
 * Checks a range against the document: inside it, start before end, not between the halves of a
 * surrogate pair, and in UTF-16 units as LSP counts them (the reference TextDocument agrees on it).
 */
export function checkRange(range: Range, doc: TextDocument, what: string): void {
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) throw new Error(`${what}: bad position ${JSON.stringify(p)}`);
    if (p.line >= doc.lineCount) throw new Error(`${what}: line ${p.line} past the end (${doc.lineCount} lines)`);
    const offset = doc.offsetAt(p);
    const back = doc.positionAt(offset);
    if (back.line !== p.line || back.character !== p.character) throw new Error(`${what}: ${JSON.stringify(p)} is not inside its line`);
    if (splitsPair(doc.getText(), offset)) throw new Error(`${what}: ${JSON.stringify(p)} splits a surrogate pair`);
  }
  if (doc.offsetAt(range.start) > doc.offsetAt(range.end)) throw new Error(`${what}: range ends before it starts`);
}

/** The reference document LSP clients keep, to judge positions independently of our LineIndex. */
export function referenceDocument(text: string): TextDocument {
  return TextDocument.create('file:///fuzz', 'plaintext', 1, text);
}

/** The characters that are not white space, in order. */
export function inkOf(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Everything a tree says, as plain data, to compare two parses of the same text. */
export function treeView(tree: SyntaxTree): string {
  const item = (i: Item): unknown => (isGroup(i) ? { span: [i.start, i.end], open: i.open.start, close: i.close?.start, items: i.items.map(item) } : [i.kind, i.text, i.start, i.end]);
  return JSON.stringify({
    tokens: tree.tokens.map((t) => [t.kind, t.text, t.start, t.end]),
    lines: tree.lines.map((l) => [l.start, l.end, l.items.map(item)]),
    items: tree.items.map(item),
    errors: tree.errors,
  });
}
