import type { Analysis } from './analyze';
import type { CommandUse } from './cliModel';
import type { LinuxInterface, NamedInterface, NamingRule } from './interfaceNaming';
import { ModelBuilder } from './modelBuilder';
import type { NameUses } from './nameUses';

export { ModelBuilder } from './modelBuilder';
export { affectsDefinitions } from './modelWords';

/**
 * The interfaces of a script: where each is created (a definition) and every later use of its
 * name (a reference). VPP names live in one space; Linux interface names (the other end of a tap,
 * a linux-cp pair, what AF_PACKET attaches to) live in another, per network namespace.
 */

export type InterfaceSpace = 'vpp' | 'linux';

export interface InterfaceDefinition {
  readonly index: number;
  readonly name: string;
  readonly space: InterfaceSpace;
  /** Linux names only: the namespace, undefined for VPP's own (or `lcp default netns`). */
  readonly netns?: string;
  readonly rule: NamingRule | 'linux';
  /** How VPP named it (VPP names only). */
  readonly naming?: NamedInterface;
  readonly linux?: LinuxInterface;
  /** The creating command. */
  readonly use: CommandUse;
  readonly start: number;
  readonly end: number;
  /** Where the name is written or decided: the value that sets it, else the command words. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** An earlier interface this one clashes with; VPP refuses (or cannot register) this one. */
  readonly clashesWith?: InterfaceDefinition;
  /** For a linux-cp pair: the mirrored VPP interface. For a sub-interface: its parent. */
  readonly owner?: InterfaceDefinition;
  /** For both sides of a linux-cp pair: the name of the mirrored VPP interface. */
  readonly mirrors?: string;
  /** End of the command that deletes it, if one does. */
  readonly deletedAt?: number;
}

export interface InterfaceReference {
  readonly name: string;
  readonly space: InterfaceSpace;
  readonly netns?: string;
  readonly start: number;
  readonly end: number;
  readonly use: CommandUse;
  /** The schema says this word is an interface; otherwise it merely equals a name created here. */
  readonly certain: boolean;
  /** The parent part of a sub-interface name (`tap0` in `tap0.100`). */
  readonly partial: boolean;
  readonly definition?: InterfaceDefinition;
}

export interface InterfaceModel {
  /** Changed in place by a later edit of the document (see `definitionsVersion`). */
  readonly definitions: readonly InterfaceDefinition[];
  /** What `definitions` holds: a new object for each change, the key of what is kept per list. */
  readonly definitionsVersion: object;
  readonly references: readonly InterfaceReference[];
  /**
   * The definitions of a VPP name that VPP accepts (no clash), deleted ones too, in creation order,
   * without the sub-interfaces of ranges: the index the model binds uses with, kept across edits.
   */
  acceptedNamed(name: string): readonly InterfaceDefinition[];
  /** The accepted ranges of sub-interfaces, in creation order. */
  readonly acceptedRanges: readonly InterfaceDefinition[];
  /** The uses of each name, kept across edits by the document (absent where the model was built once: read `references`). */
  readonly nameUses?: NameUses;
}

const NO_MODEL: InterfaceModel = { definitions: [], definitionsVersion: {}, references: [], acceptedNamed: () => [], acceptedRanges: [] };


const cache = new WeakMap<Analysis, InterfaceModel>();

export function interfaceModel(analysis: Analysis): InterfaceModel {
  let model = cache.get(analysis);
  if (!model) {
    model = analysis.language === 'cli' ? buildModel(analysis) : NO_MODEL;
    cache.set(analysis, model);
  }
  return model;
}

/** Hands an analysis the model an incremental update has already brought up to date. */
export function adoptModel(analysis: Analysis, model: InterfaceModel): void {
  cache.set(analysis, model);
}

function buildModel(analysis: Analysis): InterfaceModel {
  const builder = new ModelBuilder(analysis);
  builder.collectDefinitions();
  const references: InterfaceReference[] = [];
  for (const use of analysis.commands) for (const r of builder.referencesOf(use)) references.push(r);
  return { definitions: builder.definitions, definitionsVersion: builder.definitionsVersion, references, acceptedNamed: (name) => builder.acceptedNamed(name), acceptedRanges: builder.acceptedRanges };
}

/** A name under the cursor: a definition's name, or a use. */
export interface InterfaceOccurrence {
  readonly start: number;
  readonly end: number;
  readonly definition?: InterfaceDefinition;
  readonly reference?: InterfaceReference;
}

/** The definition or use at an offset (a cursor right after a name still counts). */
export function occurrenceAt(model: InterfaceModel, offset: number): InterfaceOccurrence | undefined {
  const hit = (s: number, e: number) => offset >= s && offset <= e;
  const def = model.definitions.find((d) => hit(d.nameStart, d.nameEnd) && (d.naming?.nameToken || d.linux));
  if (def) return { start: def.nameStart, end: def.nameEnd, definition: def };
  const refs = model.references.filter((r) => hit(r.start, r.end));
  const full = refs.find((r) => !r.partial);
  const partial = refs.find((r) => r.partial);
  const chosen = full?.definition || !partial ? full : partial;
  if (chosen) return { start: chosen.start, end: chosen.end, definition: chosen.definition, reference: chosen };
  // a definition without a name token (an automatic number) is reached from its command words
  const derived = model.definitions.find((d) => hit(d.nameStart, d.nameEnd));
  return derived ? { start: derived.nameStart, end: derived.nameEnd, definition: derived } : undefined;
}

/** The uses of a definition, or of a name no definition here creates. */
export function referencesTo(model: InterfaceModel, target: InterfaceOccurrence): InterfaceReference[] {
  if (target.definition) return model.references.filter((r) => r.definition === target.definition);
  const ref = target.reference;
  if (!ref) return [];
  return model.references.filter((r) => !r.definition && r.space === ref.space && r.name === ref.name && r.netns === ref.netns);
}

/** The definitions that depend on a Linux interface's name (`host-<X>`, `<X>/<n>`). */
export function derivedFromLinux(model: InterfaceModel, linux: InterfaceOccurrence): InterfaceDefinition[] {
  const tokens = new Set<number>();
  if (linux.definition?.space === 'linux') tokens.add(linux.definition.nameStart);
  for (const r of referencesTo(model, linux)) if (r.space === 'linux') tokens.add(r.start);
  return model.definitions.filter((d) => d.naming?.linuxPart && tokens.has(d.naming.linuxPart.token.start));
}

/** The Linux interface whose name is part of a VPP interface's name, as an occurrence. */
export function linuxSourceOf(model: InterfaceModel, def: InterfaceDefinition): InterfaceOccurrence | undefined {
  const token = def.naming?.linuxPart?.token;
  if (!token) return undefined;
  const ref = model.references.find((r) => r.space === 'linux' && r.start === token.start);
  return ref ? { start: ref.start, end: ref.end, definition: ref.definition, reference: ref } : undefined;
}
