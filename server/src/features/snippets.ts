import cliSnippets from '../../../snippets/vpp-cli.json';
import startupSnippets from '../../../snippets/vpp-startup.json';
import type { Analysis } from '../analysis/analyze';
import { collectInterfaces } from '../analysis/interfaces';
import type { InterfaceTypeId } from '../schema/docs/interfaceTypes';
import { CompletionItemKind, type CompletionSink } from './completionItems';
import type { Cursor } from './cursor';
import { DocText } from './docText';
import type { Snippet } from './interfaceChooser';

/**
 * The interface snippets (snippets/vpp-cli.json), offered by the server rather than contributed to
 * the editor: only where a command starts, once each, and with ids, names and addresses that are
 * still free in the file instead of always `id 0`, `vpp0` and `10.10.0.2`.
 */

/** What the file already uses, for picking free values. */
interface Taken {
  readonly names: ReadonlySet<string>;
  readonly linuxNames: ReadonlySet<string>;
  readonly text: string;
}

/** The first n from `from` that `used` does not claim. */
function free(used: (n: number) => boolean, from = 0): number {
  let n = from;
  while (used(n) && n < 10_000) n++;
  return n;
}

/** Per interface type, the snippet's tab stops that get a value free in the file. */
const FREE_VALUES: Partial<Record<InterfaceTypeId, (t: Taken) => Record<number, string>>> = {
  tap: (t) => {
    const n = free((i) => t.names.has(`tap${i}`) || t.names.has(`tun${i}`) || t.linuxNames.has(`vpp${i}`));
    return { 1: `${n}`, 2: `vpp${n}`, 3: `10.10.${n % 256}.2/30`, 6: `10.10.${n % 256}.1/30` };
  },
  af_xdp: (t) => {
    const n = free((i) => t.names.has(`afxdp${i}`));
    return { 2: `afxdp${n}`, 7: `10.0.${n % 256}.1/24` };
  },
  'vhost-user': (t) => {
    const n = free((i) => t.names.has(`VirtualEthernet0/0/${i}`) || t.text.includes(`/run/vpp/vm${i}.sock`));
    return { 1: `/run/vpp/vm${n}.sock`, 2: `${n}`, 3: `192.168.${(100 + n) % 256}.1/24` };
  },
  af_packet: (t) => {
    const n = free((i) => t.names.has(`host-vpp${i}`) || t.linuxNames.has(`vpp${i}`) || t.linuxNames.has(`vpp${i + 1}`) || t.names.has(`host-vpp${i + 1}`), 0);
    return { 1: `vpp${n}`, 2: `vpp${n + 1}`, 3: `10.0.${n % 256}.1/24` };
  },
  'linux-cp': (t) => {
    // a NIC (PCI slot 8, 9, a, ...) that has no linux-cp pair yet, and a Linux name not taken
    const slot = free((i) => t.text.includes(`lcp create GigabitEthernet0/${(8 + i).toString(16)}/0 `));
    const phy = `GigabitEthernet0/${(8 + slot).toString(16)}/0`;
    const n = free((i) => t.linuxNames.has(`e${i}`));
    return { 2: phy, 3: `e${n}`, 4: `10.0.${(100 + slot) % 256}.1/24` };
  },
  memif: (t) => {
    // socket id 0 is VPP's default socket: a new one starts at 1
    const n = free((i) => t.text.includes(`socket id ${i} `) || [...t.names].some((name) => name.startsWith(`memif${i}/`)), 1);
    return { 1: `${n}`, 2: `/run/vpp/memif${n}.sock` };
  },
};

const TYPES = Object.keys(FREE_VALUES) as InterfaceTypeId[];

function takenIn(analysis: Analysis): Taken {
  const defined = collectInterfaces(analysis);
  return {
    names: new Set(defined.map((d) => d.name)),
    linuxNames: new Set(defined.flatMap((d) => (d.linuxName ? [d.linuxName] : []))),
    text: analysis.text,
  };
}

/** The interface type a snippet sets up, read from its prefixes (`tap`, `af_xdp`, ...). */
function typeOf(snippet: Snippet): InterfaceTypeId | undefined {
  const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
  return TYPES.find((t) => prefixes.includes(t));
}

/** A snippet's body with the default of each tab stop in `values` replaced. */
export function withValues(body: readonly string[], values: Record<number, string>): string {
  return body.join('\n').replace(/\$\{(\d+):([^}]*)\}/g, (whole, stop: string) => (values[Number(stop)] !== undefined ? `\${${stop}:${values[Number(stop)]}}` : whole));
}

/** The snippet for an interface type, with values free in the file: for completion and the chooser. */
export function interfaceSnippet(analysis: Analysis, type: InterfaceTypeId): { name: string; snippet: Snippet; body: string } | undefined {
  for (const [name, snippet] of Object.entries(cliSnippets as Record<string, Snippet>)) {
    if (typeOf(snippet) !== type) continue;
    return { name, snippet, body: withValues(snippet.body, FREE_VALUES[type]!(takenIn(analysis))) };
  }
  return undefined;
}

/** Snippet items, where a line's first word is typed and nowhere else (never among a command's options). */
export function snippetItems(analysis: Analysis, cursor: Cursor, sink: CompletionSink): void {
  if (!sink.caps.snippetSupport || cursor.levels.length !== 1 || cursor.levels[0].length !== 0) return;
  let taken: Taken | undefined;
  for (const [name, snippet] of Object.entries(cliSnippets as Record<string, Snippet>)) {
    const type = typeOf(snippet);
    if (!type) continue;
    taken ??= takenIn(analysis);
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    const body = withValues(snippet.body, FREE_VALUES[type]!(taken));
    // the documentation shows the text as inserted with its defaults
    const preview = body.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}|\$\d+/g, '$1');
    sink.add({ label: name, filter: prefixes.join(' '), kind: CompletionItemKind.Snippet, detail: snippet.description, doc: new DocText(sink.caps.markdown).code(preview), snippet: body, rank: 8 });
  }
}

/**
 * The startup.conf skeletons (snippets/vpp-startup.json), offered at the top level of a file that
 * has no section yet: a whole file is no snippet for the middle of one.
 */
export function startupSnippetItems(analysis: Analysis, cursor: Cursor, sink: CompletionSink): void {
  if (!sink.caps.snippetSupport || cursor.groups.length !== 0 || cursor.levels[0].length !== 0) return;
  const others = (analysis.startup?.sections ?? []).filter((e) => !(e.start <= cursor.offset && cursor.offset <= e.end));
  if (others.length > 0) return;
  for (const [name, snippet] of Object.entries(startupSnippets as Record<string, Snippet>)) {
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    sink.add({ label: name, filter: prefixes.join(' '), kind: CompletionItemKind.Snippet, detail: snippet.description, snippet: snippet.body.join('\n'), rank: 8 });
  }
}
