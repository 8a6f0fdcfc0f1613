import type { Analysis } from './analyze';
import { diagnostic, type VppDiagnostic } from './diagnostic';
import type { LineIndex } from '../syntax/lineIndex';
import { interfaceModel, type InterfaceDefinition, type InterfaceReference } from './interfaceModel';
import { looksScriptCreated } from './interfaceNaming';

/**
 * Findings about the interfaces of a script: a name created twice (VPP refuses the second, or
 * cannot register it), a use before the line that creates the interface, and a use of a name that
 * only a script could have created but this one does not.
 */
export function checkInterfaces(analysis: Analysis): VppDiagnostic[] {
  if (analysis.language !== 'cli') return [];
  const model = interfaceModel(analysis);
  const out: VppDiagnostic[] = [];
  for (const def of model.definitions) if (def.clashesWith) out.push(clashDiagnostic(def, analysis.lines));
  for (const ref of model.references) {
    const finding = referenceFinding(ref);
    if (finding) out.push(referenceDiagnostic(ref, finding, analysis.lines));
  }
  return out;
}

/** What is wrong with a use of an interface name, if anything. */
export function referenceFinding(ref: InterfaceReference): 'undefined' | 'before-create' | undefined {
  if (!ref.certain || ref.partial || ref.space !== 'vpp') return undefined;
  const def = ref.definition;
  if (!def) return looksScriptCreated(ref.name) ? 'undefined' : undefined;
  return def.start > ref.start ? 'before-create' : undefined;
}

export function referenceDiagnostic(ref: InterfaceReference, finding: 'undefined' | 'before-create', lines: LineIndex): VppDiagnostic {
  if (finding === 'undefined') {
    return diagnostic(
      'vpp.undefined-interface',
      `\`${ref.name}\` is not created in this file; it must already exist when the script runs (made by an earlier script or through the API).`,
      ref.start,
      ref.end,
    );
  }
  const line = lines.lineOf(ref.definition!.start) + 1;
  return diagnostic('vpp.use-before-create', `\`${ref.name}\` is created only on line ${line}; VPP runs the script in order, so here it does not exist yet.`, ref.start, ref.end);
}

export function clashDiagnostic(def: InterfaceDefinition, lines: LineIndex): VppDiagnostic {
  const earlier = def.clashesWith!;
  return diagnostic('vpp.duplicate-interface', clashMessage(def, earlier, lines.lineOf(earlier.start) + 1), def.nameStart, def.nameEnd);
}

function clashMessage(def: InterfaceDefinition, earlier: InterfaceDefinition, line: number): string {
  if (def.space === 'linux') {
    if (def.mirrors !== undefined && earlier.mirrors === def.mirrors) return `\`${def.mirrors}\` already has a linux-cp pair (line ${line}); VPP refuses a second one.`;
    const where = def.netns ? ` in namespace \`${def.netns}\`` : '';
    return `The Linux interface \`${def.name}\`${where} is already created on line ${line}; the kernel refuses a second one with that name.`;
  }
  if (earlier.name !== def.name) {
    return `\`${def.name}\` needs the number that \`${earlier.name}\` (line ${line}) already holds; VPP refuses to create it.`;
  }
  if (def.naming?.refusedBy !== undefined) return `\`${def.name}\` is already created on line ${line}; VPP refuses to create it again.`;
  return `An interface named \`${def.name}\` already exists (line ${line}); VPP cannot register a second interface with that name.`;
}
