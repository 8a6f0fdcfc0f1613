import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze, type Analysis } from '../analysis/analyze';
import { checkValue, LINUX_IFNAME_MAX } from '../analysis/values';
import {
  derivedFromLinux,
  interfaceModel,
  linuxSourceOf,
  occurrenceAt,
  referencesTo,
  type InterfaceDefinition,
  type InterfaceModel,
  type InterfaceOccurrence,
} from '../analysis/interfaceModel';
import { optionInsertion, type NameOption } from '../analysis/interfaceNaming';

/**
 * Renaming an interface in a script changes the option of the creating command that decides its
 * name (`id` for tap3, `name` for host-eth1, `instance` for loop2, ...) and every use of the name.
 * When VPP derives the name in a way no option can change, the rename is refused with the reason.
 */
export class RenameRefused extends Error {
  override readonly name = 'RenameRefused';
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A word VPP reads as one token and our lexer keeps as one word. */
const PLAIN_WORD = /^[^\s{}#\\$]+$/;
const LINUX_NAME = /^[^\s/{}#\\$]+$/;

function target(analysis: Analysis, position: Position): { model: InterfaceModel; occurrence: InterfaceOccurrence } | undefined {
  if (analysis.language !== 'cli') return undefined;
  const model = interfaceModel(analysis);
  const occurrence = occurrenceAt(model, analysis.lines.offsetAt(position));
  return occurrence ? { model, occurrence } : undefined;
}

function notCreatedHere(occurrence: InterfaceOccurrence): RenameRefused {
  const ref = occurrence.reference!;
  if (ref.space === 'linux') return new RenameRefused(`\`${ref.name}\` is a Linux interface this script does not create, so renaming it here would only break these uses.`);
  return new RenameRefused(`\`${ref.name}\` is not created in this script: its name comes from VPP, the device or an earlier script, so renaming it here would only break these uses.`);
}

export function prepareRename(analysis: Analysis, position: Position): { range: Range; placeholder: string } | null {
  const found = target(analysis, position);
  if (!found) return null;
  const { occurrence } = found;
  const def = occurrence.definition;
  if (!def) throw notCreatedHere(occurrence);
  if (def.space === 'vpp' && def.naming!.options.length === 0) throw new RenameRefused(def.naming!.refusal);
  return { range: analysis.lines.range(occurrence.start, occurrence.end), placeholder: def.name };
}

export function computeRename(analysis: Analysis, uri: string, position: Position, newName: string): WorkspaceEdit | null {
  const found = target(analysis, position);
  if (!found) return null;
  const { model, occurrence } = found;
  const def = occurrence.definition;
  if (!def) throw notCreatedHere(occurrence);
  if (!PLAIN_WORD.test(newName)) throw new RenameRefused(`\`${newName}\` is not a single word VPP could read as an interface name.`);
  if (newName === def.name) return { changes: { [uri]: [] } };
  const renamer = new Renamer(analysis, model);
  if (def.space === 'linux') renamer.renameLinux(occurrence, newName);
  else renamer.renameVpp(def, newName);
  renamer.verify();
  return { changes: { [uri]: renamer.textEdits() } };
}

class Renamer {
  private readonly edits = new Map<string, Edit>();
  /** The names every definition should have after the rename, by definition index. */
  private readonly expected = new Map<number, string>();

  constructor(
    private readonly analysis: Analysis,
    private readonly model: InterfaceModel,
  ) {}

  private edit(start: number, end: number, text: string): void {
    this.edits.set(`${start}:${end}`, { start, end, text });
  }

  private expect(def: InterfaceDefinition, name: string): void {
    this.expected.set(def.index, name);
    // sub-interfaces carry their parent's name
    for (const child of this.model.definitions) {
      if (child.rule === 'sub-interface' && child.owner === def) this.expected.set(child.index, name + child.name.slice(def.name.length));
    }
  }

  renameVpp(def: InterfaceDefinition, newName: string): void {
    const taken = this.model.definitions.find((d) => d.space === 'vpp' && d !== def && d.name === newName && !d.clashesWith);
    if (taken) throw new RenameRefused(`\`${newName}\` is already the name of the interface created on line ${this.analysis.lines.lineOf(taken.start) + 1}.`);
    const naming = def.naming!;
    for (const option of naming.options) {
      const value = option.valueFor(newName);
      if (value === undefined) continue;
      this.checkOptionValue(def, option, value);
      if (option.linux) {
        const source = linuxSourceOf(this.model, def);
        if (source) return this.renameLinux(source, value);
      }
      this.setOption(def, option, value);
      this.renameUses(def, newName);
      return;
    }
    throw new RenameRefused(naming.refusal);
  }

  private checkOptionValue(def: InterfaceDefinition, option: NameOption, value: string): void {
    const spec = def.use.command?.args?.find((a) => a.name === option.arg)?.values?.[0];
    let problem = spec ? checkValue(value, spec) : undefined;
    if (!problem && spec?.kind === 'ifname' && value.length > LINUX_IFNAME_MAX) problem = `is longer than the ${LINUX_IFNAME_MAX} characters Linux allows`;
    if (problem) throw new RenameRefused(`That name needs \`${option.arg} ${value}\`, which VPP refuses: \`${value}\` ${problem}.`);
  }

  private setOption(def: InterfaceDefinition, option: NameOption, value: string): void {
    if (option.token) {
      this.edit(option.token.start, option.token.end, value);
      return;
    }
    const keyword = def.use.command?.args?.find((a) => a.name === option.arg)?.keyword ?? option.arg;
    const at = optionInsertion(def.use);
    const after = this.analysis.text[at];
    const gap = after === undefined || /\s/.test(after) ? '' : ' ';
    this.edit(at, at, ` ${keyword} ${value}${gap}`);
  }

  private renameUses(def: InterfaceDefinition, newName: string): void {
    this.expect(def, newName);
    for (const r of this.model.references) if (r.definition === def) this.edit(r.start, r.end, newName);
  }

  /** Renames a Linux interface everywhere, and the VPP names made from it (`host-<X>`, `<X>/<n>`). */
  renameLinux(occurrence: InterfaceOccurrence, newName: string): void {
    if (!LINUX_NAME.test(newName) || newName.length > LINUX_IFNAME_MAX) {
      throw new RenameRefused(`\`${newName}\` cannot name a Linux interface: at most ${LINUX_IFNAME_MAX} characters, without spaces or \`/\`.`);
    }
    const def = occurrence.definition;
    if (def?.space === 'linux') {
      this.edit(def.nameStart, def.nameEnd, newName);
      this.expected.set(def.index, newName);
    }
    for (const r of referencesTo(this.model, occurrence)) if (r.space === 'linux') this.edit(r.start, r.end, newName);
    for (const derived of derivedFromLinux(this.model, occurrence)) {
      const part = derived.naming!.linuxPart!;
      const name = part.prefix + newName + part.suffix;
      const taken = this.model.definitions.find((d) => d.space === 'vpp' && d !== derived && d.name === name && !d.clashesWith);
      if (taken) throw new RenameRefused(`That would make \`${name}\`, the name of the interface created on line ${this.analysis.lines.lineOf(taken.start) + 1}.`);
      this.renameUses(derived, name);
    }
  }

  /**
   * Reads the edited script again and refuses the rename when VPP would now name any interface
   * other than we intend: a number that another interface took automatically, a clash.
   */
  verify(): void {
    const text = applyEdits(this.analysis.text, [...this.edits.values()]);
    const after = interfaceModel(analyze(text, { language: 'cli', release: this.analysis.release })).definitions;
    const before = this.model.definitions;
    const line = (d: InterfaceDefinition) => this.analysis.lines.lineOf(d.start) + 1;
    if (after.length !== before.length) throw new RenameRefused('With that name VPP would read the creating command differently.');
    for (let i = 0; i < before.length; i++) {
      const want = this.expected.get(i) ?? before[i].name;
      if (after[i].name !== want) {
        const why = before[i].naming?.derived ? ': VPP numbers that interface itself, after the ones before it' : '';
        throw new RenameRefused(`That would also turn \`${before[i].name}\` (line ${line(before[i])}) into \`${after[i].name}\`${why}.`);
      }
      const clash = after[i].clashesWith;
      if (clash && !before[i].clashesWith) throw new RenameRefused(`\`${want}\` would then clash with \`${clash.name}\` (line ${line(before[clash.index])}).`);
    }
  }

  textEdits(): TextEdit[] {
    return [...this.edits.values()].sort((a, b) => a.start - b.start).map((e) => ({ range: this.analysis.lines.range(e.start, e.end), newText: e.text }));
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
