import { bracketedCalls, splitTopLevel } from './cText';

/**
 * bfd_cli.c declares a command's parameters as an X-macro list inside its function,
 *
 *     #define foreach_bfd_cli_udp_session_del_cli_param(F) \
 *       F (u32, sw_if_index, INTERFACE_STR, optional, "%U", unformat_vnet_sw_interface, &vnet_main) ...
 *
 * and reads them in its loop with `foreach_bfd_cli_udp_session_del_cli_param (UNFORMAT);`, UNFORMAT
 * being a macro of the file (`if (unformat (line_input, s " " __VA_ARGS__, &n)) { ... }`). Those
 * uses are expanded here, with the file's string constants (`#define INTERFACE_STR "interface"`),
 * so that the loop reads as the C the compiler sees. So are the checks after the loop that such a
 * list is run through (`foreach_... (CHECK_MANDATORY);`: "Required parameter `%s' missing." for a
 * `mandatory` parameter not read), with the flag the list gives each parameter compared as the
 * compiler does. Uses of macros that neither read nor check are left.
 */

/** The `#define`s of a file (comments stripped) that parameter lists are written with. */
export interface FileMacros {
  /** `#define NAME "text"`: the literal, quotes included. */
  strings: Map<string, string>;
  /** `#define NAME(a, b, ...) body`. */
  functions: Map<string, { params: string[]; body: string }>;
}

export function findFileMacros(code: string): FileMacros {
  const strings = new Map<string, string>();
  const functions = new Map<string, { params: string[]; body: string }>();
  for (const m of code.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+("(?:[^"\\\n]|\\.)*")[ \t]*$/gm)) strings.set(m[1], m[2]);
  for (const m of code.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)\(([^)]*)\)(.*)$/gm)) functions.set(m[1], { params: m[2].split(',').map((p) => p.trim()), body: m[3] });
  return { strings, functions };
}

/** The body with its `foreach_x (MACRO);` uses of lists defined in it expanded, where MACRO reads input. */
export function expandParamLists(body: string, macros: FileMacros): string {
  if (!/#\s*define\s+foreach_\w+\s*\(/.test(body)) return body;
  let out = body;
  for (const list of body.matchAll(/^[ \t]*#[ \t]*define[ \t]+(foreach_\w+)\((\w+)\)(.*)$/gm)) {
    const [line, name, param, entries] = list;
    out = out.replace(line, '');
    const use = new RegExp(`\\b${name}\\s*\\(\\s*(\\w+)\\s*\\)\\s*;`, 'g');
    out = out.replace(use, (whole, macroName: string) => {
      const macro = macros.functions.get(macroName);
      if (!macro) return whole;
      const calls = [...bracketedCalls(entries, new RegExp(`\\b${param}\\s*\\(`, 'g'))];
      return calls.map(({ open, close }) => withFlagsDecided(substitute(macro, splitTopLevel(entries.slice(open + 1, close)), macros.strings))).join('\n');
    });
  }
  return out;
}

/**
 * A parameter's `mandatory` / `optional` flag compared with one of them, as CHECK_MANDATORY does
 * (`if (mandatory == r && !have_##n)`): a check that cannot hold is dropped, one that always holds
 * loses that part of its condition. The `WARN_OFF (...)` / `WARN_ON (...)` pragmas around it go too.
 */
function withFlagsDecided(text: string): string {
  const flag = /\b(mandatory|optional)\s*==\s*(mandatory|optional)\b/;
  const m = flag.exec(text);
  const cleaned = text.replace(/\bWARN_(?:OFF|ON)\s*\([^)]*\)/g, '');
  if (!m) return cleaned;
  if (m[1] !== m[2]) return '';
  return cleaned.replace(new RegExp(`${flag.source}\\s*&&\\s*`), '');
}

/** One macro use: parameters and `__VA_ARGS__` replaced, `##` pasted, string constants written out. */
function substitute(macro: { params: string[]; body: string }, args: string[], strings: Map<string, string>): string {
  const named = macro.params.filter((p) => p !== '...');
  const rest = args.slice(named.length).join(', ');
  // words inside string literals stay: `"Required parameter `%s' missing.", s` keeps its `%s`
  const text = macro.body.replace(/"(?:[^"\\]|\\.)*"|\b\w+\b/g, (word) => {
    if (word.startsWith('"')) return word;
    if (word === '__VA_ARGS__') return rest;
    const k = named.indexOf(word);
    return k >= 0 ? (args[k] ?? '') : word;
  });
  return text.replace(/\s*##\s*/g, '').replace(/\b[A-Z_][A-Z0-9_]*\b/g, (word) => strings.get(word) ?? word);
}
