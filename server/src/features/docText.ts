import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import type { InterfaceKind } from '../analysis/interfaces';
import { KIND_EXAMPLES } from '../analysis/values';
import { allArgsOf, releasesOfPlugin, type Schema } from '../schema/index';
import { RELEASES, type ArgSpec, type CommandSpec, type Releases, type SourceLocation, type ValueSpec, type VppRelease } from '../schema/types';
import { SELECTION_MATRIX_COLUMNS, type InterfaceTypeDoc } from '../schema/docs/interfaceTypes';

/**
 * Documentation text shared by hover, completion and signature help, written once as markdown
 * blocks and rendered either as markdown or, for clients without it, as plain text.
 */
export class DocText {
  private readonly blocks: string[] = [];

  constructor(readonly markdown: boolean) {}

  /** Markdown that reads acceptably as plain text once emphasis markers are gone. */
  para(text: string | undefined): this {
    if (text) this.blocks.push(this.markdown ? text : text.replace(/\*\*/g, ''));
    return this;
  }

  code(text: string, language = 'vpp-cli'): this {
    this.blocks.push(this.markdown ? `\`\`\`${language}\n${text}\n\`\`\`` : text);
    return this;
  }

  heading(text: string): this {
    this.blocks.push(this.markdown ? `**${text}**` : `${text}:`);
    return this;
  }

  bullets(items: readonly string[]): this {
    if (items.length) this.para(items.map((i) => `- ${i}`).join('\n'));
    return this;
  }

  table(header: readonly [string, string], rows: readonly (readonly [string, string])[]): this {
    if (!this.markdown) return this.para(rows.map(([k, v]) => `${k}: ${v}`).join('\n'));
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    const lines = [`| ${header[0]} | ${header[1]} |`, '| --- | --- |', ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`)];
    this.blocks.push(lines.join('\n'));
    return this;
  }

  get empty(): boolean {
    return this.blocks.length === 0;
  }

  render(): string {
    return this.blocks.join('\n\n');
  }

  content(): MarkupContent {
    return { kind: this.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: this.render() };
  }
}

/** `24.10–26.06`, `from 25.10`, `all modelled releases`, or a list when there are gaps. */
export function describeReleases(releases: Releases | undefined): string {
  if (!releases || releases.length === RELEASES.length) return `all modelled releases (${RELEASES[0]}–${RELEASES[RELEASES.length - 1]})`;
  if (releases.length === 0) return 'no modelled release';
  const indexes = releases.map((r) => RELEASES.indexOf(r)).sort((a, b) => a - b);
  const contiguous = indexes.every((x, i) => i === 0 || x === indexes[i - 1] + 1);
  const first = RELEASES[indexes[0]];
  const last = RELEASES[indexes[indexes.length - 1]];
  if (!contiguous) return indexes.map((i) => RELEASES[i]).join(', ');
  if (first === last) return `${first} only`;
  if (last === RELEASES[RELEASES.length - 1]) return `${first} and later`;
  if (first === RELEASES[0]) return `up to ${last}`;
  return `${first}–${last}`;
}

/** The releases in which a command has an argument, joined over the command's per-release specs. */
export function releasesOfArg(path: string, name: string): VppRelease[] | undefined {
  const specs = allArgsOf(path).filter((a) => a.name === name);
  if (specs.length === 0 || specs.some((a) => !a.releases)) return undefined;
  const set = new Set(specs.flatMap((a) => a.releases ?? []));
  return RELEASES.filter((r) => set.has(r));
}

/**
 * The command's synopsis as its release reads it: VPP's short help lists every option of every
 * release, so the `[option ...]` groups of options this release lacks (`[if-name <name>]` in 24.02)
 * are taken out.
 */
export function releaseSynopsis(command: CommandSpec): string {
  const present = new Set((command.args ?? []).map((a) => a.keyword));
  let synopsis = command.synopsis;
  for (const arg of allArgsOf(command.path)) {
    if (arg.keyword && !present.has(arg.keyword)) synopsis = withoutGroup(synopsis, arg.keyword);
  }
  return synopsis;
}

/** Removes the `[keyword ...]` group (with the blank before it), when it is one option alone. */
function withoutGroup(synopsis: string, keyword: string): string {
  const start = synopsis.indexOf(`[${keyword}`);
  const next = synopsis[start + keyword.length + 1];
  if (start < 0 || (next !== ' ' && next !== ']')) return synopsis;
  let depth = 0;
  for (let i = start; i < synopsis.length; i++) {
    if (synopsis[i] === '[') depth++;
    else if (synopsis[i] === '|' && depth === 1) return synopsis; // an alternative among others
    else if (synopsis[i] === ']' && --depth === 0) {
      const from = start > 0 && synopsis[start - 1] === ' ' ? start - 1 : start;
      return synopsis.slice(0, from) + synopsis.slice(i + 1);
    }
  }
  return synopsis;
}

/** What to write for a value: the schema's placeholder, or its kind in angle brackets. */
export function valuePlaceholder(spec: ValueSpec): string {
  if (spec.placeholder) return spec.placeholder;
  if (spec.kind === 'enum' && spec.values) return spec.values.join('|');
  return spec.kind;
}

/** `host-if-name <ifname>`: how an argument reads in a synopsis. */
export function argUsage(arg: ArgSpec): string {
  const values = (arg.values ?? []).map((v) => (v.kind === 'enum' && v.values ? v.values.join('|') : `${v.prefix ?? ''}<${v.kind === 'rest' ? '...' : v.kind}>`));
  return [arg.keyword, ...values].filter(Boolean).join(' ');
}

/** One line on what a value must look like, with its limits. */
export function describeValue(spec: ValueSpec): string {
  if (spec.kind === 'enum' && spec.values) return `one of ${spec.values.map((v) => `\`${v}\``).join(', ')}`;
  const limits: string[] = [];
  if (spec.min !== undefined) limits.push(`at least ${spec.min}`);
  if (spec.max !== undefined) limits.push(`at most ${spec.max}`);
  if (spec.powerOfTwo) limits.push('a power of two');
  if (spec.multipleOf !== undefined) limits.push(`a multiple of ${spec.multipleOf}`);
  if (spec.storedBits !== undefined) limits.push(`kept in ${spec.storedBits} bits (a larger number is checked as its low bits)`);
  const example = spec.placeholder ? ` (e.g. \`${spec.placeholder}\`)` : '';
  const prefix = spec.prefix ? `\`${spec.prefix}\` followed by ` : '';
  return `${prefix}${KIND_EXAMPLES[spec.kind]}${limits.length ? `, ${limits.join(', ')}` : ''}${example}`;
}

/**
 * Which plugin provides a command or section, in the release in force: `tap` is built into VPP up
 * to 25.10 and the `tap` plugin from 26.02.
 */
export function pluginNote(schema: Schema, plugin: string | undefined): string | undefined {
  if (!plugin) return undefined;
  const spec = schema.plugins.get(plugin);
  const releases = releasesOfPlugin(plugin);
  if (!spec) {
    return releases.length ? `Built into VPP in ${schema.release} (the \`${plugin}_plugin.so\` plugin from ${releases[0]})` : undefined;
  }
  const since = releases.length < RELEASES.length && releases[0] !== RELEASES[0] ? ` (a plugin from ${releases[0]}; built into VPP before)` : '';
  const disabled = spec.defaultDisabled?.includes(schema.release);
  return `Plugin: \`${plugin}_plugin.so\`${since}${disabled ? ` (disabled by default in ${schema.release}: enable it in startup.conf \`plugins { }\`)` : ''}`;
}

/** How much of the course a hover shows: `short` (the default) or `full` (setting `vpp.hover.detail`). */
export type HoverDetail = 'short' | 'full';

/** "The course": where the interface facts come from, said once where they are cited. */
export const COURSE_NOTE = 'the course is the VPP interfaces guide these notes are drawn from';

/**
 * The course facts for an interface type. `brief` (completion): what it is and when to use it;
 * `short` (hover): what it is and its row of the selection matrix on one line; `full` adds how it
 * works, how to verify it and where the course is wrong about VPP.
 */
export function interfaceTypeDoc(doc: DocText, type: InterfaceTypeDoc, detail: HoverDetail | 'brief'): DocText {
  doc.heading(type.title).para(type.summary);
  if (detail === 'brief') return doc.para(`**When to use:** ${type.whenToUse}`);
  if (detail === 'short') {
    doc.para(SELECTION_MATRIX_COLUMNS.map((c) => `${c.label}: ${type.matrix[c.key]}`).join(' · '));
    return doc.para(`More (how it works, how to verify it, corrections to the course): setting \`vpp.hover.detail\`: \`full\`; ${COURSE_NOTE}.`);
  }
  doc.table(['Property', 'Value'], SELECTION_MATRIX_COLUMNS.map((c) => [c.label, type.matrix[c.key]] as const));
  if (type.matrixNote) doc.para(doc.markdown ? `_${type.matrixNote}_` : type.matrixNote);
  doc.heading('How it works').para(type.howItWorks);
  doc.heading('When to use').para(type.whenToUse);
  const vpp = type.verify.filter((v) => !v.startsWith('$ '));
  const shell = type.verify.filter((v) => v.startsWith('$ ')).map((v) => v.slice(2));
  doc.heading('Verify');
  if (vpp.length) doc.code(vpp.join('\n'));
  if (shell.length) doc.code(shell.join('\n'), 'sh');
  if (type.courseCorrections?.length) doc.heading(`Course corrections (${COURSE_NOTE})`).bullets(type.courseCorrections);
  return doc;
}

/** The first sentence of a documentation text: what a short hover leads with. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return text;
  const m = /^.*?[.!?](?=\s+[A-Z`(]|$)/s.exec(text);
  return m ? m[0] : text;
}

const KIND_LABELS: Record<InterfaceKind, string> = {
  tap: 'TAP interface',
  tun: 'TUN interface',
  'host-interface': 'AF_PACKET interface',
  af_xdp: 'AF_XDP interface',
  'vhost-user': 'vhost-user interface',
  memif: 'memif interface',
  loopback: 'loopback interface',
  'sub-interface': 'sub-interface',
  lcp: 'linux-cp tap',
};

/** `TAP interface`, `sub-interface`: what a script-created interface is, in a few words. */
export function interfaceKindLabel(kind: InterfaceKind): string {
  return KIND_LABELS[kind];
}

/** `file:///…` for a path on the user's disk (the reader gives `/`-separated absolute paths). */
export function fileUri(file: string): string {
  const path = file.startsWith('/') ? file : `/${file}`;
  return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Where the user's own C source defines a command or section, with a link to the line. */
export function sourceNote(definedAt: SourceLocation | undefined, markdown: boolean): string | undefined {
  if (!definedAt) return undefined;
  const name = `${definedAt.file.slice(definedAt.file.lastIndexOf('/') + 1)}:${definedAt.line + 1}`;
  return markdown ? `From your sources: [${name}](${fileUri(definedAt.file)}#L${definedAt.line + 1})` : `From your sources: ${definedAt.file}:${definedAt.line + 1}`;
}
