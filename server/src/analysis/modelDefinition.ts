import type { Token } from '../syntax/tree';
import type { CommandUse } from './cliModel';
import type { InterfaceDefinition, InterfaceReference, InterfaceSpace } from './interfaceModel';
import type { LinuxInterface, NamedInterface, NamingRule } from './interfaceNaming';
import type { ModelBuilder } from './modelBuilder';
import { endOf, startOf, type Span } from './modelWords';

/**
 * The definitions and references the interface model is made of (modelBuilder.ts builds and
 * updates them), with the keys they are found by.
 */

export const linuxKey = (name: string, netns?: string) => `linux:${netns ?? ''}:${name}`;
export const vppKey = (name: string) => `vpp:${name}`;
export const keyOf = (d: { space: InterfaceSpace; name: string; netns?: string }) => (d.space === 'vpp' ? vppKey(d.name) : linuxKey(d.name, d.netns));

/** What a definition is made from: its facts, without the positions it derives from its command. */
export type DefinitionFields = Pick<InterfaceDefinition, 'name' | 'space' | 'netns' | 'rule' | 'naming' | 'linux' | 'use' | 'clashesWith' | 'owner' | 'mirrors'>;

let definitionCount = 0;

/**
 * A definition keeps its identity across rebuilds while its command and name stay (see
 * `ModelBuilder.reuse`), so that the references bound to it need no new binding; its other facts
 * are refreshed by each build.
 */
export class Definition implements InterfaceDefinition {
  name!: string;
  space!: InterfaceSpace;
  netns?: string;
  rule!: NamingRule | 'linux';
  naming?: NamedInterface;
  linux?: LinuxInterface;
  use!: CommandUse;
  clashesWith?: InterfaceDefinition;
  owner?: InterfaceDefinition;
  mirrors?: string;
  /** The command that deletes it. */
  deletedBy?: CommandUse;
  /** The build that last made it. */
  madeBy?: ModelBuilder;
  /** It is in the builder's lists (see `ModelBuilder.place`). */
  placed = false;
  /** Its key in the name spaces. */
  key = '';
  /** Its key in the model's state: whether it is deleted yet. */
  readonly deletionKey = `X|${++definitionCount}`;

  constructor(
    public index: number,
    fields: DefinitionFields,
    private nameAt: Span,
  ) {
    this.refresh(index, fields, nameAt);
  }

  refresh(index: number, fields: DefinitionFields, nameAt: Span): void {
    this.index = index;
    this.nameAt = nameAt;
    this.name = fields.name;
    this.space = fields.space;
    this.netns = fields.netns;
    this.rule = fields.rule;
    this.naming = fields.naming;
    this.linux = fields.linux;
    this.use = fields.use;
    this.clashesWith = fields.clashesWith;
    this.owner = fields.owner;
    this.mirrors = fields.mirrors;
    this.deletedBy = undefined;
    this.key = keyOf(fields);
  }

  get start(): number {
    return startOf(this.use);
  }

  get end(): number {
    return endOf(this.use);
  }

  get nameStart(): number {
    return this.nameAt.start;
  }

  get nameEnd(): number {
    return this.nameAt.end;
  }

  get deletedAt(): number | undefined {
    return this.deletedBy ? endOf(this.deletedBy) : undefined;
  }
}

export class Reference implements InterfaceReference {
  constructor(
    readonly name: string,
    readonly space: InterfaceSpace,
    readonly netns: string | undefined,
    private readonly token: Token,
    /** The length of the parent part, for a partial reference. */
    private readonly length: number | undefined,
    readonly use: CommandUse,
    readonly certain: boolean,
    readonly partial: boolean,
    readonly definition: InterfaceDefinition | undefined,
  ) {}

  get start(): number {
    return this.token.start;
  }

  get end(): number {
    return this.length === undefined ? this.token.end : this.token.start + this.length;
  }
}

