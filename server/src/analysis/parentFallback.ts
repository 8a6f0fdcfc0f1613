import type { Schema } from '../schema/index';
import type { CommandSpec, VppRelease } from '../schema/types';
import { lineInputReader } from '../schema/lineInput';
import type { CommandUse } from './cliModel';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type VppDiagnostic } from './diagnostic';

/**
 * A command whose arguments are a `{ }` block (`dns name-server { edl }`) reads them from a sub-input
 * of their own (unformat_vlib_cli_sub_input, src/vlib/cli.c). When its function fails,
 * vlib_cli_dispatch_sub_commands runs the command above it that has a function on what is left of the
 * line after the block: nothing. A parent that accepts an empty line answers without an error, and that
 * answer replaces the failure: VPP 26.06 accepted `dns name-server { edl }` and `set cnat snat-policy
 * prefix { rw }`, which refuse the same words outside braces ("dns: unknown input `edl'": there the
 * parent runs on the word left over, and refuses it).
 */
export function emptyLineParent(use: CommandUse, schema: Schema): string | undefined {
  if (!use.braced || !use.command) return undefined;
  // each command above with a function runs on the same empty rest, nearest first, until one accepts it
  for (let i = use.path.length - 2; i >= 0; i--) {
    const spec = schema.commands.get(use.path[i].node.path);
    if (spec && use.path[i].node.runnable && acceptsEmptyLine(spec, schema.release)) return spec.path;
  }
  return undefined;
}

/** What we know of a parent's function says it returns no error on an empty line: all of it, and no refusal. */
function acceptsEmptyLine(spec: CommandSpec, release: VppRelease): boolean {
  return spec.strict && !refusesEmptyLine(spec, release);
}

/**
 * What we know of a parent's function says it refuses an empty line: a required argument its
 * checks after the loop test, a refusal that needs no argument, or unformat_line_input failing at
 * the end of the input (`one map-register`: "expected enable | disable"). Not where VPP's source
 * returns no error for a bare command (`igmp`: a failed unformat_line_input returns 0).
 */
export function refusesEmptyLine(spec: CommandSpec, release: VppRelease): boolean {
  if (!spec.strict || spec.bareIsNoop) return false;
  if (lineInputReader(spec.path, release)) return true;
  if ((spec.required ?? []).length > 0) return true;
  // a refusal that needs no argument given holds on an empty line
  return (spec.refuses ?? []).some((r) => !r.with?.length && !r.same);
}

/**
 * Every command above `path` that has a function refuses an empty line, so when `path` fails after
 * reading the whole line, each of them runs on nothing and fails in turn: the line stays refused
 * (VPP 26.06 refused `set vxlan-gpe-ioam export ipfix` with `set vxlan-gpe-ioam`'s "tunnel local
 * address not specified"). False when one of them may accept it or is not known.
 */
export function ancestorsRefuseEmptyLine(schema: Schema, path: string): boolean {
  let node = schema.root;
  let seen = false;
  for (const word of path.split(' ').slice(0, -1)) {
    const next = node.children.get(word);
    if (!next) return false;
    node = next;
    if (!node.runnable) continue;
    const spec = schema.commands.get(node.path);
    if (!spec || !refusesEmptyLine(spec, schema.release)) return false;
    seen = true;
  }
  return seen;
}

/** The findings VPP's parent command turns into no error. */
const REPLACED = new Set<DiagnosticCode>(['vpp.unknown-option', 'vpp.missing-value', 'vpp.invalid-value', 'vpp.missing-required', 'vpp.conflicting-options']);

export function underEmptyLineParent(found: VppDiagnostic[], path: string, parent: string): VppDiagnostic[] {
  return found.map((d) =>
    REPLACED.has(d.code) && d.severity === 'error'
      ? {
          ...d,
          code: 'vpp.ignored-input',
          severity: DIAGNOSTIC_CODES['vpp.ignored-input'].severity,
          message: `${d.message.replace(/;\s*VPP (would stop|refuses)[^.]*\./, '.')} VPP reports no error though: when \`${path}\` fails on its \`{ }\` block, VPP runs \`${parent}\` on what follows the block (nothing), which accepts it, so the line does nothing.`,
        }
      : d,
  );
}
