import type { ReadCommandArgs, ValueSpec } from '../schema/types';
import { expandListMacros, findListMacros, ikev2ListUnformat, readUnformatFunction } from './unformatFunction';
import { splitTopLevel, stripComments } from './cText';
import { readEnums } from './enumConstants';
import { readCommandFunction } from './parseLoop';
import { refusalBeforeReading } from './stateFirst';
import { findCliRegistrations, findFunctionBodies, type CFunction } from './registrations';
import { knownUnformat } from './unformatKinds';
import { expandParamLists, findFileMacros, type FileMacros } from './paramLists';
import type { UnformatReading, UnformatResolver } from './formatString';

export { readCommandFunction } from './parseLoop';
export { knownUnformat } from './unformatKinds';
export { stripComments } from './cText';
export { findListMacros, findUnformatFunctions, readUnformatFunction } from './unformatFunction';
export type { UnformatReading, UnformatResolver } from './formatString';

/** A command registered in a C file and how its function reads its arguments. */
export interface ReadCommand {
  path: string;
  shortHelp?: string;
  function?: string;
  reading: ReadCommandArgs;
}

/**
 * Every CLI command a C file registers, with its arguments read from the function in the same file.
 * `helpers`: functions the other files of its directory define, which a command may hand its values
 * to (`wg_peer_add`, wireguard_peer.c, for wireguard_cli.c); the file's own definitions win.
 */
export function readCliFile(
  text: string,
  resolve: UnformatResolver = knownUnformat,
  listMacros: ReadonlyMap<string, string> = new Map(),
  helpers: ReadonlyMap<string, CFunction> = new Map(),
): ReadCommand[] {
  const code = stripComments(text);
  const registrations = findCliRegistrations(code);
  if (registrations.length === 0) return [];
  const functions = findFunctionBodies(code);
  const callees = helpers.size ? new Map([...helpers, ...functions]) : functions;
  // the file's own unformat functions and list macros come first (static ones are file-local)
  const localMacros = findListMacros(code);
  const lists = new Map([...listMacros, ...localMacros]);
  const local = new Map<string, UnformatReading | undefined>();
  const resolveHere: UnformatResolver = (fn) => {
    const known = ikev2ListUnformat(fn, lists) ?? knownUnformat(fn);
    if (known) return known;
    if (!local.has(fn)) {
      const own = functions.get(fn);
      local.set(fn, own && own.params.length === 2 ? readUnformatFunction(own.body, lists) : undefined);
    }
    return local.get(fn) ?? (functions.has(fn) ? undefined : resolve(fn));
  };
  const fileMacros = findFileMacros(code);
  const enums = readEnums(code);
  return registrations.map((r) => {
    const target = r.function ? parsingFunction(functions, r.function) : undefined;
    const reading: ReadCommandArgs = target
      ? readCommandFunction(expandMacros(target.fn.body, fileMacros, lists), target.input, resolveHere, callees, enums)
      : { strict: false, reason: r.function ? `${r.function} is not defined in the same file` : 'no function', args: [] };
    const stateFirst = target && !reading.readsNoArgs ? refusalBeforeReading(target.fn.body, target.input) : undefined;
    return { ...r, reading: stateFirst === undefined ? reading : { ...reading, refusesBeforeReading: stateFirst } };
  });
}

/**
 * The function that reads a command's input: the command function itself, or the function it hands
 * its input to when that is all it does (`return vrrp_vr_add_del_command_fn (vm, input, cmd, 1);`).
 */
function parsingFunction(functions: Map<string, CFunction>, name: string): { fn: CFunction; input: string } | undefined {
  let fn = functions.get(name);
  if (!fn) return undefined;
  let input = fn.params[1] ?? 'input';
  for (let depth = 0; depth < 3; depth++) {
    const call = new RegExp(`^(?:return\\s*)?\\(?\\s*(\\w+)\\s*\\(([^;]*)\\)\\s*\\)?\\s*;$`).exec(fn.body.trim());
    if (!call) break;
    const callee = functions.get(call[1]);
    const at = splitTopLevel(call[2]).indexOf(input);
    if (!callee || at < 0 || !callee.params[at]) break;
    fn = callee;
    input = callee.params[at];
  }
  return { fn, input };
}

/**
 * A command function as the compiler sees it: parameter lists (bfd_cli.c) and `#define _ (...)`
 * templates over `foreach_*` lists (`set ip flow-hash`'s flow-hash bits) expanded; a list not known
 * leaves the body as written.
 */
function expandMacros(body: string, fileMacros: FileMacros, lists: ReadonlyMap<string, string>): string {
  const expanded = expandParamLists(body, fileMacros);
  return /^\s*#\s*define\s+_\s*\(/m.test(expanded) ? (expandListMacros(expanded, lists) ?? expanded) : expanded;
}
