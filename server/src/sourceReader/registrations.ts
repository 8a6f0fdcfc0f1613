import { bracketedCalls, matchBracket, splitTopLevel, stringLiteralValue } from './cText';

/** A `VLIB_CLI_COMMAND (x) = { .path = ..., .function = ... }` found in a C file. */
export interface CliRegistration {
  path: string;
  shortHelp?: string;
  /** The `.function` the command runs; absent for a path that only groups sub-commands. */
  function?: string;
}

/**
 * The CLI commands a C file (comments already stripped) registers. A path that is not a plain
 * string literal (a macro) is left out: the extraction tool resolves those against its own index.
 */
export function findCliRegistrations(code: string): CliRegistration[] {
  const found: CliRegistration[] = [];
  const re = /\bVLIB_CLI_COMMAND\s*\(/g;
  for (const { close } of bracketedCalls(code, re)) {
    const eq = /^\s*=\s*\{/.exec(code.slice(close + 1));
    if (!eq) continue;
    const brace = close + eq[0].length;
    const end = matchBracket(code, brace);
    if (end < 0) continue;
    const fields = new Map<string, string>();
    for (const item of splitTopLevel(code.slice(brace + 1, end))) {
      const f = /^\.\s*(\w+)\s*=\s*([\s\S]*)$/.exec(item);
      if (f) fields.set(f[1], f[2].trim());
    }
    const path = stringLiteralValue(fields.get('path') ?? '');
    if (path !== undefined) {
      const fn = fields.get('function');
      found.push({
        path: path.replace(/\s+/g, ' ').trim(),
        shortHelp: stringLiteralValue(fields.get('short_help') ?? ''),
        function: fn && /^\w+$/.test(fn) ? fn : undefined,
      });
    }
    re.lastIndex = end;
  }
  return found;
}

/** A function a C file defines: its parameter names and its body (the text between the braces). */
export interface CFunction {
  params: string[];
  /** Each parameter's declaration as written (`u16 id`, `ip4_address_t * in_addr`). */
  paramDecls?: string[];
  body: string;
}

/** The functions a C file defines, by name. */
export function findFunctionBodies(code: string): Map<string, CFunction> {
  const bodies = new Map<string, CFunction>();
  // a definition: `name (params) {` at the start of a line or after the return type
  const re = /(^|[\s*])([A-Za-z_]\w*)\s*\(/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code))) {
    const name = m[2];
    const open = m.index + m[0].length - 1;
    if (['if', 'while', 'for', 'switch', 'return', 'sizeof'].includes(name)) continue;
    const close = matchBracket(code, open);
    if (close < 0) continue;
    const brace = /^\s*\{/.exec(code.slice(close + 1, close + 200));
    if (!brace) continue;
    const start = close + brace[0].length;
    const end = matchBracket(code, start);
    if (end < 0) continue;
    // the parameter name is the last identifier of each declaration (`unformat_input_t * input`)
    const paramDecls = splitTopLevel(code.slice(open + 1, close)).map((p) => p.trim());
    const params = paramDecls.map((p) => /(\w+)\s*(\[[^\]]*\])?$/.exec(p)?.[1] ?? '');
    if (!bodies.has(name)) bodies.set(name, { params, paramDecls, body: code.slice(start + 1, end) });
    re.lastIndex = end;
  }
  return bodies;
}
