import type { ValueSpec } from '../schema/types';
import { bracketedCalls, normalizeSpace, parseStatements, splitTopLevel, stringLiteralValue, type Statement } from './cText';
import { formatWords, type UnformatReading } from './formatString';
import { findFunctionBodies } from './registrations';
import { knownUnformat } from './unformatKinds';

/**
 * Follows a plugin's own `unformat_*` function to its definition. Understood only in its simplest
 * and most common shape, a chain of words that ends in `return 0`:
 *
 *     if (unformat (input, "round-robin")) *r = ...;
 *     else if (unformat (input, "active-backup")) *r = ...;
 *     else return 0;
 *     return 1;
 *
 * also when the chain is written with an X-macro (`#define _(v, f, s) else if (unformat (input, s)) ...`
 * over `foreach_bond_mode`). That reads one word out of a list: an enum. Anything else is not followed.
 */

/** The `#define foreach_*` list macros of some C text (also `ila_foreach_direction`: a prefix before `foreach_`), by name, with their bodies. */
export function findListMacros(code: string): Map<string, string> {
  const macros = new Map<string, string>();
  const re = /^[ \t]*#[ \t]*define[ \t]+(\w*foreach_\w+)[ \t]*(.*)$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code))) if (!macros.has(m[1])) macros.set(m[1], m[2]);
  return macros;
}

/** The `unformat_*` functions some C text (comments stripped) defines, by name. */
export function findUnformatFunctions(code: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, fn] of findFunctionBodies(code)) if (name.startsWith('unformat_') && fn.params.length === 2) out.set(name, fn.body);
  return out;
}

/** What a `%U unformat_X` reads, from the body of unformat_X; undefined unless it is a word list. */
export function readUnformatFunction(body: string, listMacros: ReadonlyMap<string, string>): UnformatReading | undefined {
  const expanded = expandListMacros(body, listMacros);
  if (expanded === undefined) return undefined;
  const statements = parseStatements(expanded);
  if (!statements) return undefined;
  const chainAt = statements.findIndex((s) => s.kind === 'if');
  if (chainAt < 0) return undefined;
  const returns = wordPerReturn(statements.slice(chainAt));
  if (returns) return returns;
  // before the chain only declarations and `va_arg`s; after it only `return 1`
  if (statements.slice(0, chainAt).some((s) => s.kind !== 'simple' || /\bunformat/.test(s.text))) return undefined;
  // after it plain statements that end with `return 1`
  const after = statements.slice(chainAt + 1);
  const last = after[after.length - 1];
  if (!last || !/^return \(?1\)?;$/.test(normalizeSpace(last.text)) || after.some((s) => s.kind !== 'simple' || /\bunformat/.test(s.text))) return undefined;
  const words: string[] = [];
  const shapes: ValueSpec[][] = [];
  let at: Statement | undefined = statements[chainAt];
  while (at?.kind === 'if') {
    const cond = normalizeSpace(at.cond);
    if (cond !== '0') {
      if (/\bunformat/.test(at.then.text)) return undefined;
      for (const alternative of cond.split(' || ')) {
        const shape = branchShape(alternative);
        if (!shape) return undefined;
        const only = shape.length === 1 && shape[0].kind === 'enum' ? shape[0].values! : undefined;
        if (only) words.push(...only);
        else shapes.push(shape);
      }
    }
    at = at.else;
  }
  if (!at || !/^return \(?0\)?;$/.test(normalizeSpace(at.text)) || words.length + shapes.length === 0) return undefined;
  const list: ValueSpec = { kind: 'enum', values: words };
  if (shapes.length === 0) return list;
  // `l2` | `node <name>` | `<int>`: one argument per shape, the single words as one list
  return words.length ? [[list], ...shapes] : shapes;
}

/** `if (unformat (input, "a")) { ...; return 1; }` per word, then `return 0;`: one word of the list. */
function wordPerReturn(statements: readonly Statement[]): ValueSpec | undefined {
  const last = statements[statements.length - 1];
  if (!last || !/^return \(?0\)?;$/.test(normalizeSpace(last.text))) return undefined;
  const words: string[] = [];
  for (const s of statements.slice(0, -1)) {
    if (s.kind !== 'if' || s.else || !/\breturn \(?1\)?;/.test(s.then.text) || /\bunformat/.test(s.then.text)) return undefined;
    const shape = branchShape(normalizeSpace(s.cond));
    if (!shape || shape.length !== 1 || shape[0].kind !== 'enum') return undefined;
    words.push(...shape[0].values!);
  }
  return words.length ? { kind: 'enum', values: words } : undefined;
}

/** What one `unformat (input, "...")` of a word-list function reads, as values; literal words as one-word enums. */
function branchShape(cond: string): ValueSpec[] | undefined {
  const call = /^unformat ?\((.*)\)$/.exec(cond);
  const params = call ? splitTopLevel(call[1]) : [];
  const format = params.length >= 2 ? stringLiteralValue(params[1]) : undefined;
  if (format === undefined) return undefined;
  const ways = formatWords(format, params.slice(2).filter((p) => /^unformat_\w+$/.test(p)), knownUnformat);
  if (!ways || ways.length !== 1 || ways[0].length === 0) return undefined;
  const shape: ValueSpec[] = [];
  for (const w of ways[0]) {
    if ('unknown' in w) return undefined;
    shape.push('literal' in w ? { kind: 'enum', values: [w.literal] } : w.value);
  }
  return shape;
}

/**
 * Expands `#define _(params) template` ... `foreach_x` ... `#undef _` in a function body, with the
 * list macro's `_ (...)` entries; undefined when a list is unknown. Other preprocessor lines go.
 */
export function expandListMacros(body: string, listMacros: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const define = /^\s*#\s*define\s+_\s*\(([^)]*)\)(.*)$/.exec(lines[i]);
    if (!define) {
      if (!/^\s*#/.test(lines[i])) out += `${lines[i]}\n`;
      continue;
    }
    const params = define[1].split(',').map((p) => p.trim());
    const template = define[2];
    for (i++; i < lines.length && !/^\s*#\s*undef\s+_\b/.test(lines[i]); i++) {
      const use = lines[i].trim().replace(/;$/, '');
      if (use === '') continue;
      const list = listMacros.get(use);
      if (list === undefined) return undefined;
      for (const entry of macroEntries(list)) {
        if (entry.length !== params.length) return undefined;
        // `#a` makes a string of the entry (`else if (unformat (input, #a))` in set_ip_flow_hash_command_fn)
        const quoted = template.replace(/(^|[^#])#\s*(\w+)\b/g, (m, before: string, w: string) => (params.includes(w) ? `${before}"${entry[params.indexOf(w)]}"` : m));
        out += `${quoted.replace(/"(?:[^"\\]|\\.)*"|\b\w+\b/g, (w) => {
          const k = params.indexOf(w);
          return k < 0 ? w : entry[k];
        })}\n`;
      }
    }
  }
  return out;
}

/** The argument lists of the `_ (...)` entries of a list macro. */
function macroEntries(list: string): string[][] {
  return [...bracketedCalls(list, /\b_\s*\(/g)].map(({ open, close }) => splitTopLevel(list.slice(open + 1, close)));
}

/**
 * ikev2_format.c defines `unformat_ikev2_<lc>` with its MACRO_UNFORMAT (lc), which this reader
 * cannot see as a function: `if (0) ; foreach_ikev2_<lc> else return 0;` over
 * `_(v, f, str) else if (unformat (input, str))`, so one of the list's strings.
 */
export function ikev2ListUnformat(fn: string, listMacros: ReadonlyMap<string, string>): ValueSpec | undefined {
  const lc = /^unformat_ikev2_(\w+)$/.exec(fn)?.[1];
  const list = lc === undefined ? undefined : listMacros.get(`foreach_ikev2_${lc}`);
  if (list === undefined) return undefined;
  const words = macroEntries(list).map((entry) => (entry.length === 3 ? /^"([^"\\]+)"$/.exec(entry[2].trim())?.[1] : undefined));
  if (words.length === 0 || words.some((w) => w === undefined || /\s/.test(w))) return undefined;
  return { kind: 'enum', values: words as string[] };
}
