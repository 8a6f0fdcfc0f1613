#!/usr/bin/env node
/**
 * Extract facts about FD.io VPP from a git mirror of its repository, for the releases we model:
 *
 *   server/src/schema/data/commands.json         CLI commands (VLIB_CLI_COMMAND)
 *   server/src/schema/data/plugins.json          plugins (VLIB_PLUGIN_REGISTER)
 *   server/src/schema/data/config-sections.json  startup.conf sections (VLIB_[EARLY_]CONFIG_FUNCTION)
 *
 * Usage: npx tsx tools/extract-vpp-facts.mjs [path/to/vpp.git]
 *
 * Only facts are written (command paths, short help strings, plugin names and descriptions,
 * section names, release lists); no VPP source is copied. Node ESM run through tsx, for the C-text
 * helpers it shares with server/src/sourceReader (comments, brackets, string literals).
 *
 * How it works, per release tag:
 *   - `git ls-tree` gives the blob id of every file under src/ (so unchanged files are read and
 *     parsed once for all tags), `git grep -l` finds the .c files that register something;
 *   - every needed blob (those .c files, all CMakeLists.txt, src/vpp/vnet/main.c) is read through a
 *     single `git cat-file --batch`;
 *   - the CMakeLists.txt files are parsed (roughly: variables are the union of every set/list
 *     APPEND, conditions are ignored) to learn which target each .c file is built into: a plugin
 *     (`add_vpp_plugin(NAME ...)` gives NAME_plugin.so), a VAT/test plugin (API_TEST_SOURCES,
 *     add_vat_test_library), a library linked into vpp or into a plugin, the vpp executable, a tool;
 *   - the .c files are preprocessed lightly (line splicing, comments, local object-like #defines,
 *     #if/#ifdef evaluated against BUILD_ASSUMPTIONS: a release build on Linux) and the
 *     registrations are parsed. Registrations under a condition false in a release build (`#if 0`,
 *     `#if CLIB_DEBUG > 0`, `#ifdef TEST_CODE`, ...) are skipped and reported.
 *
 * Skipped and reported: src/examples, files no CMake target builds, files built only into VAT
 * test plugins, tools or Debug-only source lists, and registrations whose .path (or section name)
 * uses a macro we cannot resolve.
 *
 * Data conventions: `releases` is omitted when an entry exists in every release. When an entry
 * differs between releases the newest release wins (synopsis, plugin, file). A command or section
 * that moved from core into a plugin (tap in 26.02, policer in 26.06, ...) carries the plugin
 * name; it was core in the releases in which plugins.json does not list that plugin.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeCString, matchBracket, skipLiteral, splitTopLevel, stripComments } from '../server/src/sourceReader/cText.ts';

const execFileP = promisify(execFile);

const TAGS = ['v24.02', 'v24.06', 'v24.10', 'v25.02', 'v25.06', 'v25.10', 'v26.02', 'v26.06'];
const rel = (tag) => tag.replace(/^v/, '');

const repo = process.argv[2] ?? '/work/.mirror/FDio+vpp/repo';
const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(scriptDir, '..', 'server', 'src', 'schema', 'data');

const t0 = Date.now();

// ---------------------------------------------------------------------------------------------
// git access
// ---------------------------------------------------------------------------------------------

async function git(...args) {
  const { stdout } = await execFileP('git', ['-C', repo, ...args], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  return stdout;
}

/** git grep -l exits 1 when nothing matches; treat that as an empty list. */
async function gitGrepFiles(tag, pattern, pathspec) {
  try {
    const out = await git('grep', '-l', '-E', pattern, tag, '--', pathspec);
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(tag.length + 1));
  } catch (e) {
    if (e.code === 1) return [];
    throw e;
  }
}

/** Read many blobs by id with one `git cat-file --batch`. Returns Map<oid, string>. */
function readBlobs(oids) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const buf = Buffer.concat(chunks);
      const result = new Map();
      let pos = 0;
      while (pos < buf.length) {
        const nl = buf.indexOf(10, pos);
        const header = buf.toString('utf8', pos, nl);
        const [oid, type, size] = header.split(' ');
        if (type === 'missing') {
          pos = nl + 1;
          continue;
        }
        const n = Number(size);
        result.set(oid, buf.toString('utf8', nl + 1, nl + 1 + n));
        pos = nl + 1 + n + 1; // content is followed by a newline
      }
      resolve(result);
    });
    child.stdin.end(oids.join('\n') + '\n');
  });
}

// ---------------------------------------------------------------------------------------------
// C: light preprocessing and registration parsing
// ---------------------------------------------------------------------------------------------

const DIRECTIVE_MARK = '\u0001';

const normWs = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * What we assume about the build when a registration sits under `#if`/`#ifdef`: a release
 * (non-debug) build on Linux, base (non-multiarch) compilation, OpenSSL 3. `undefined` means
 * "not defined". Macros neither here nor #defined earlier in the same file are "unknown": such
 * registrations are kept and listed in the report.
 */
const BUILD_ASSUMPTIONS = new Map([
  ['CLIB_DEBUG', '0'],
  ['CLIB_UNIX', '1'],
  ['CLIB_LINUX', '1'],
  ['__linux__', '1'],
  ['__FreeBSD__', undefined],
  ['CLIB_MARCH_VARIANT', undefined],
  ['SESSION_DEBUG', '0'], // needs cmake -DVPP_SESSION_DEBUG and TRANSPORT_DEBUG
  ['TEST_CODE', undefined], // never defined outside the files that test it
  ['DEBUG', undefined],
  ['HAVE_OPENSSL_ASYNC', '1'], // tlsopenssl CMakeLists.txt defines it when OpenSSL has it
  ['OPENSSL_VERSION_NUMBER', '0x30000000'],
]);

/** Evaluate a #if expression: true, false, or null when it depends on something unknown. */
function evalCondition(expr, defines) {
  const isDefined = (id) => {
    if (defines.has(id)) return true;
    if (BUILD_ASSUMPTIONS.has(id)) return BUILD_ASSUMPTIONS.get(id) !== undefined;
    throw new Error(`unknown ${id}`);
  };
  const valueOf = (id) => {
    if (defines.has(id)) return defines.get(id) || '1';
    if (BUILD_ASSUMPTIONS.has(id)) return BUILD_ASSUMPTIONS.get(id) ?? '0';
    throw new Error(`unknown ${id}`);
  };
  try {
    let e = expr.replace(/\bdefined\s*\(\s*(\w+)\s*\)|\bdefined\s+(\w+)/g, (_, a, b) => (isDefined(a ?? b) ? '1' : '0'));
    for (let k = 0; k < 5; k++) {
      e = e.replace(/\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b/g, '$1');
      if (!/(^|[^0-9a-fA-FxX_])[A-Za-z_]\w*/.test(e.replace(/\b0[xX][0-9a-fA-F]+\b/g, '0'))) break;
      e = e.replace(/\b0[xX][0-9a-fA-F]+\b|\b[A-Za-z_]\w*\b/g, (id) => (/^0[xX]/.test(id) ? id : `(${valueOf(id)})`));
    }
    const check = e.replace(/\b0[xX][0-9a-fA-F]+\b/g, '0');
    if (!/^[0-9\s()+\-*\/%<>=!&|~^?:]*$/.test(check)) return null;
    return Boolean(Function(`"use strict"; return (${e});`)());
  } catch {
    return null;
  }
}

/**
 * Returns { code, defines, guards, excluded }. code: comments removed, lines spliced, directive
 * lines blanked (conditionals become DIRECTIVE_MARK so a registration spanning one can be
 * noticed). defines: object-like `#define NAME value` seen on live lines. Per line, guards: the
 * enclosing conditions we could not decide; excluded: the condition that is false in a release
 * build (`#if 0`, `#if CLIB_DEBUG > 0`, ...), or ''.
 */
function preprocess(text) {
  text = text.replace(/\\\r?\n/g, '');
  text = stripComments(text);
  const lines = text.split('\n');
  const defines = new Map();
  const stack = []; // { cond: string, value: true | false | null, taken: true | false | null }
  const guards = new Array(lines.length).fill('');
  const excluded = new Array(lines.length).fill('');
  const deadFrame = () => stack.find((f) => f.value === false);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*#\s*(\w+)\s*(.*)$/.exec(lines[i]);
    if (!m) {
      const dead = deadFrame();
      excluded[i] = dead ? dead.cond : '';
      guards[i] = stack.filter((f) => f.value === null).map((f) => f.cond).join(' && ');
      continue;
    }
    const [, dir, rest] = m;
    const cond = normWs(rest);
    if (dir === 'if' || dir === 'ifdef' || dir === 'ifndef') {
      let value;
      if (dir === 'if') value = evalCondition(cond, defines);
      else {
        value = evalCondition(`defined(${cond})`, defines);
        if (dir === 'ifndef' && value !== null) value = !value;
      }
      stack.push({ cond: `#${dir} ${cond}`, value, taken: value });
    } else if (dir === 'elif' && stack.length) {
      const top = stack[stack.length - 1];
      const v = evalCondition(cond, defines);
      top.cond = `#elif ${cond} (after ${top.cond})`;
      if (top.taken === true) top.value = false;
      else if (top.taken === false) top.value = top.taken = v;
      else top.value = v === false ? false : null;
    } else if (dir === 'else' && stack.length) {
      const top = stack[stack.length - 1];
      top.cond = `#else of ${top.cond}`;
      top.value = top.taken === null ? null : !top.taken;
    } else if (dir === 'endif') {
      stack.pop();
    } else if (dir === 'define' && !deadFrame()) {
      const d = /^([A-Za-z_]\w*)(\(?)\s*(.*)$/.exec(rest);
      if (d && !d[2]) defines.set(d[1], d[3].trim());
    } else if (dir === 'undef' && !deadFrame()) {
      defines.delete(rest.trim());
    }
    const structural = ['if', 'ifdef', 'ifndef', 'else', 'elif', 'endif'].includes(dir);
    lines[i] = structural ? DIRECTIVE_MARK : '';
  }
  return { code: lines.join('\n'), defines, guards, excluded };
}

/**
 * Evaluate a C expression that should be a (concatenation of) string literal(s), expanding
 * object-like macros from `defines`. Returns { value } or { unresolved: 'IDENT' }.
 */
function evalStringExpr(expr, defines, depth = 0) {
  let value = '';
  let i = 0;
  const s = expr.trim();
  let sawString = false;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c) || c === DIRECTIVE_MARK) {
      i++;
    } else if (c === '"') {
      const end = skipLiteral(s, i);
      value += decodeCString(s.slice(i + 1, end - 1));
      sawString = true;
      i = end;
    } else if (c === '(' || c === ')') {
      i++; // ("a" "b") is still a string
    } else if (/[A-Za-z_]/.test(c)) {
      const id = /^[A-Za-z_]\w*/.exec(s.slice(i))[0];
      // string literal prefixes: u8"..", L"..", u"..", U".."
      if (['u8', 'L', 'u', 'U'].includes(id) && s[i + id.length] === '"') {
        i += id.length;
        continue;
      }
      if (!defines.has(id) || depth > 8) return { unresolved: id };
      const sub = evalStringExpr(defines.get(id), defines, depth + 1);
      if (sub.unresolved) return sub;
      value += sub.value;
      sawString = true;
      i += id.length;
    } else {
      return { unresolved: s.slice(i, i + 20) };
    }
  }
  return sawString ? { value } : { unresolved: s || '(empty)' };
}

/**
 * Find `MACRO (args) = { .field = value, ... }` registrations. Returns
 * [{ args: string[], fields: Map<name, rawExpr>, conditional: bool }].
 */
function findInitializerRegistrations(code, macro) {
  const re = new RegExp(`\\b${macro}\\s*\\(`, 'g');
  const found = [];
  let m;
  while ((m = re.exec(code))) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) continue;
    const args = splitTopLevel(code.slice(open + 1, close));
    let j = close + 1;
    while (j < code.length && /[\s\u0001]/.test(code[j])) j++;
    if (code[j] !== '=') continue; // a declaration or a use, not a registration
    j++;
    while (j < code.length && /[\s\u0001]/.test(code[j])) j++;
    if (code[j] !== '{') continue;
    const end = matchBracket(code, j);
    if (end < 0) continue;
    const body = code.slice(j + 1, end);
    const fields = new Map();
    for (const item of splitTopLevel(body)) {
      const f = /^[\s\u0001]*\.\s*(\w+)\s*=\s*([\s\S]*)$/.exec(item);
      if (f) fields.set(f[1], f[2]);
    }
    found.push({ args, fields, conditional: body.includes(DIRECTIVE_MARK), at: m.index });
    re.lastIndex = end;
  }
  return found;
}

function findCallRegistrations(code, macroRe) {
  const re = new RegExp(`\\b(${macroRe})\\s*\\(`, 'g');
  const found = [];
  let m;
  while ((m = re.exec(code))) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) continue;
    found.push({ macro: m[1], args: splitTopLevel(code.slice(open + 1, close)), at: m.index });
    re.lastIndex = close;
  }
  return found;
}

/** Everything a .c file registers. Cached per blob. */
function parseCFile(text) {
  const { code, defines, guards, excluded } = preprocess(text);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const condAt = (offset) => guards[lineAt(offset)] || undefined;
  const excludedAt = (offset) => excluded[lineAt(offset)] || undefined;
  const commands = [];
  const plugins = [];
  const sections = [];
  const problems = [];

  for (const r of findInitializerRegistrations(code, 'VLIB_CLI_COMMAND')) {
    const varName = r.args[0] ?? '?';
    const ex = excludedAt(r.at);
    if (ex) {
      const p = r.fields.has('path') ? evalStringExpr(r.fields.get('path'), defines) : {};
      problems.push({ kind: 'command', what: p.value ? `"${normWs(p.value)}"` : varName, why: `under ${ex}, false in a release build` });
      continue;
    }
    if (!r.fields.has('path')) {
      problems.push({ kind: 'command', what: varName, why: 'no .path field' });
      continue;
    }
    const p = evalStringExpr(r.fields.get('path'), defines);
    if (p.unresolved) {
      problems.push({ kind: 'command', what: varName, why: `.path uses unresolved ${p.unresolved}` });
      continue;
    }
    let synopsis;
    let helpNote;
    if (r.fields.has('short_help')) {
      const h = evalStringExpr(r.fields.get('short_help'), defines);
      if (h.unresolved) helpNote = `.short_help uses unresolved ${h.unresolved}`;
      else synopsis = normWs(h.value);
    }
    commands.push({
      rawPathOdd: p.value !== normWs(p.value),
      hasFunction: r.fields.has('function'),
      path: normWs(p.value),
      synopsis,
      helpNote,
      varName,
      conditional: r.conditional,
      guard: condAt(r.at),
    });
  }

  for (const r of findInitializerRegistrations(code, 'VLIB_PLUGIN_REGISTER')) {
    if (excludedAt(r.at)) {
      problems.push({ kind: 'plugin', what: 'VLIB_PLUGIN_REGISTER', why: `under ${excludedAt(r.at)}, false in a release build` });
      continue;
    }
    let description;
    if (r.fields.has('description')) {
      const d = evalStringExpr(r.fields.get('description'), defines);
      if (d.unresolved) problems.push({ kind: 'plugin', what: 'description', why: `unresolved ${d.unresolved}` });
      else description = normWs(d.value);
    }
    let defaultDisabled = false;
    if (r.fields.has('default_disabled')) {
      const v = r.fields.get('default_disabled').replace(/\u0001/g, '').trim();
      if (/^(1|true)$/i.test(v)) defaultDisabled = true;
      else if (!/^(0|false)$/i.test(v)) problems.push({ kind: 'plugin', what: 'default_disabled', why: `value ${v}` });
    }
    plugins.push({ description, defaultDisabled, conditional: r.conditional, guard: condAt(r.at) });
  }

  for (const r of findCallRegistrations(code, 'VLIB_EARLY_CONFIG_FUNCTION|VLIB_CONFIG_FUNCTION')) {
    const fn = (r.args[0] ?? '').trim();
    if (excludedAt(r.at)) {
      problems.push({ kind: 'section', what: fn, why: `under ${excludedAt(r.at)}, false in a release build` });
      continue;
    }
    if (r.args.length < 2) {
      problems.push({ kind: 'section', what: fn, why: 'fewer than 2 arguments' });
      continue;
    }
    const n = evalStringExpr(r.args[1], defines);
    if (n.unresolved) {
      problems.push({ kind: 'section', what: fn, why: `name uses unresolved ${n.unresolved}` });
      continue;
    }
    sections.push({ name: normWs(n.value), early: r.macro === 'VLIB_EARLY_CONFIG_FUNCTION', function: fn, guard: condAt(r.at) });
  }
  // occurrences the parser did not turn into a registration (comments, #if 0, #define, other)
  const count = (re) => (text.match(re) ?? []).length;
  const handled = (kind, list) => list.length + problems.filter((p) => p.kind === kind).length;
  const unparsed = {
    VLIB_CLI_COMMAND: count(/\bVLIB_CLI_COMMAND\s*\(/g) - handled('command', commands),
    VLIB_PLUGIN_REGISTER: count(/\bVLIB_PLUGIN_REGISTER\s*\(/g) - handled('plugin', plugins),
    'VLIB_[EARLY_]CONFIG_FUNCTION': count(/\bVLIB_(EARLY_)?CONFIG_FUNCTION\s*\(/g) - handled('section', sections),
  };
  return { commands, plugins, sections, problems, unparsed };
}

/**
 * What src/vpp/vnet/main.c reads from startup.conf itself, before vlib runs the config functions:
 * top-level sections it unformats (`memory { ... }`, `plugin_path ...`), and words it looks for
 * anywhere in the flattened config with strncmp (older releases: `heapsize`, `main-core`, ...).
 */
function parseMainPrepass(text) {
  const { code } = preprocess(text);
  const names = new Map();
  for (const m of code.matchAll(/unformat\s*\(\s*&input\s*,\s*"([A-Za-z_][\w-]*)/g)) names.set(m[1], 'section');
  for (const m of code.matchAll(/strncmp\s*\(\s*argv\s*\[\s*\w+\s*\]\s*,\s*"([A-Za-z_][\w-]*)"/g))
    if (!names.has(m[1])) names.set(m[1], 'word');
  return names;
}

// ---------------------------------------------------------------------------------------------
// CMake: which target builds which source
// ---------------------------------------------------------------------------------------------

function cmakeStripComments(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '#') {
      if (text.startsWith('#[[', i)) {
        const end = text.indexOf(']]', i);
        i = end < 0 ? text.length : end + 1;
      } else {
        const end = text.indexOf('\n', i);
        i = end < 0 ? text.length : end - 1;
      }
    } else out += c;
  }
  return out;
}

/** [{ cmd, args: [{ text, quoted }] }] */
function cmakeCommands(text) {
  const code = cmakeStripComments(text);
  const cmds = [];
  const re = /\b([A-Za-z_]\w*)\s*\(/g;
  let m;
  while ((m = re.exec(code))) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let j = open;
    const args = [];
    let cur = '';
    let quoted = false;
    const push = () => {
      if (cur.length || quoted) args.push({ text: cur, quoted });
      cur = '';
      quoted = false;
    };
    for (; j < code.length; j++) {
      const c = code[j];
      if (c === '"') {
        let k = j + 1;
        while (k < code.length && code[k] !== '"') k += code[k] === '\\' ? 2 : 1;
        cur += code.slice(j + 1, k);
        quoted = true;
        j = k;
      } else if (c === '(') {
        if (depth > 0) cur += c;
        depth++;
      } else if (c === ')') {
        depth--;
        if (depth === 0) break;
        cur += c;
      } else if (/\s/.test(c) && depth === 1) push();
      else cur += c;
    }
    push();
    cmds.push({ cmd: m[1].toLowerCase(), args });
    re.lastIndex = j + 1;
  }
  return cmds;
}

const GENEX_MARK = '\u0002';

const PLUGIN_KEYWORDS = new Set([
  'SOURCES', 'API_FILES', 'MULTIARCH_SOURCES', 'MULTIARCH_FORCE_ON', 'LINK_LIBRARIES', 'INSTALL_HEADERS',
  'API_TEST_SOURCES', 'VAT_AUTO_TEST', 'SUPPORTED_OS_LIST', 'LINK_FLAGS', 'COMPONENT', 'DEV_COMPONENT',
  'DEPENDS', 'LTO', 'ENABLE_EXPORTS', 'NO_INSTALL', 'INCLUDE_DIRECTORIES',
]);

/**
 * Parse one CMakeLists.txt. Returns [{ kind, name, dir, lists: { KEY: [values] } }] where kind is
 * plugin | library | executable | vat-test | tool | test | driver | engine | other.
 */
function parseCMake(text, dir) {
  const vars = new Map();
  const targets = [];
  const expand = (arg) => {
    let t = arg.text;
    // $<$<CONFIG:Debug>:files> (sources only built in Debug builds): mark them
    const genex = /^\$<\$<CONFIG:(\w+)>:([\s\S]*)>$/.exec(t);
    if (genex) return expand({ text: genex[2], quoted: arg.quoted }).map((v) => `${GENEX_MARK}${genex[1]}:${v}`);
    for (let k = 0; k < 5 && /\$\{(\w+)\}/.test(t); k++) {
      t = t.replace(/\$\{(\w+)\}/g, (_, v) => (vars.has(v) ? vars.get(v).join(';') : ''));
    }
    if (arg.quoted) return [t];
    return t.split(/[;\s]+/).filter(Boolean);
  };
  const expandAll = (args) => args.flatMap(expand);
  const keyed = (values, keywords = PLUGIN_KEYWORDS) => {
    const lists = {};
    let key = '_';
    for (const v of values) {
      if (keywords.has(v)) {
        key = v;
        lists[key] ??= [];
      } else (lists[key] ??= []).push(v);
    }
    return lists;
  };
  for (const { cmd, args } of cmakeCommands(text)) {
    if (cmd === 'set') {
      const [name, ...rest] = args;
      if (!name) continue;
      let vals = expandAll(rest);
      const cut = vals.findIndex((v) => v === 'CACHE' || v === 'PARENT_SCOPE');
      if (cut >= 0) vals = vals.slice(0, cut);
      // union: conditions are ignored, so every value the variable may take is kept
      vars.set(name.text, [...(vars.get(name.text) ?? []), ...vals]);
    } else if (cmd === 'list' && args[0]?.text.match(/^(APPEND|PREPEND)$/)) {
      const name = args[1]?.text;
      if (name) vars.set(name, [...(vars.get(name) ?? []), ...expandAll(args.slice(2))]);
    } else if (
      [
        'add_vpp_plugin', 'add_vpp_library', 'add_vpp_executable', 'add_vpp_tool', 'add_vpp_test',
        'add_vpp_driver', 'add_vpp_crypto_engine', 'add_vat_test_library', 'add_vpp_test_library',
      ].includes(cmd)
    ) {
      const [nameArg, ...rest] = args;
      const name = expand(nameArg ?? { text: '' })[0] ?? '';
      const kind = {
        add_vpp_plugin: 'plugin',
        add_vpp_library: 'library',
        add_vpp_executable: 'executable',
        add_vpp_tool: 'tool',
        add_vpp_test: 'test',
        add_vpp_driver: 'driver',
        add_vpp_crypto_engine: 'engine',
        add_vat_test_library: 'vat-test',
        add_vpp_test_library: 'vat-test',
      }[cmd];
      const values = expandAll(rest);
      const lists = kind === 'vat-test' ? { SOURCES: values } : keyed(values);
      targets.push({ kind, name, dir, lists, rawName: nameArg?.text });
    } else if (cmd === 'add_library' || cmd === 'add_executable') {
      const [nameArg, ...rest] = args;
      const values = expandAll(rest).filter((v) => !['SHARED', 'STATIC', 'OBJECT', 'MODULE'].includes(v));
      targets.push({ kind: 'other', name: expand(nameArg ?? { text: '' })[0] ?? '', dir, lists: { SOURCES: values } });
    } else if (cmd === 'target_sources') {
      const [tArg, ...rest] = args;
      const values = expandAll(rest).filter((v) => !['PRIVATE', 'PUBLIC', 'INTERFACE'].includes(v));
      targets.push({ kind: 'target_sources', name: expand(tArg)[0] ?? '', dir, lists: { SOURCES: values } });
    }
  }
  return targets;
}

function resolveSource(dir, src) {
  if (src.startsWith(GENEX_MARK)) return null; // handled by the caller
  if (src.includes('$<') || src.includes('${')) return null;
  let s = src.replace(/^\$\{CMAKE_CURRENT_SOURCE_DIR\}\//, '');
  if (!/\.(c|cc|cpp)$/.test(s)) return null;
  return path.posix.normalize(path.posix.join(dir, s));
}

/**
 * For one tag: Map<sourcePath, [{ role, target }]>, plus library classification.
 * role: plugin | plugin-vat | library | executable | vat-test | tool | test | driver | engine | other
 */
function buildTargetIndex(cmakeFiles) {
  const targets = [];
  for (const { path: p, text } of cmakeFiles) targets.push(...parseCMake(text, path.posix.dirname(p)));
  const byFile = new Map();
  const add = (file, entry, src) => {
    const g = src !== undefined && new RegExp(`^${GENEX_MARK}(\\w+):(.*)$`).exec(src);
    if (g) {
      file = resolveSource(entry.target.dir, g[2]);
      entry = { role: `only-${g[1]}-config`, target: entry.target };
    }
    if (!file) return;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(entry);
  };
  const plugins = targets.filter((t) => t.kind === 'plugin');
  const pluginByTarget = new Map(plugins.map((t) => [`${t.name}_plugin`, t]));
  for (const t of targets) {
    const L = t.lists;
    if (t.kind === 'plugin') {
      for (const s of [...(L.SOURCES ?? []), ...(L.MULTIARCH_SOURCES ?? []), ...(L._ ?? [])])
        add(resolveSource(t.dir, s), { role: 'plugin', target: t }, s);
      for (const s of L.API_TEST_SOURCES ?? []) add(resolveSource(t.dir, s), { role: 'plugin-vat', target: t }, s);
    } else if (t.kind === 'target_sources') {
      const p = pluginByTarget.get(t.name);
      for (const s of L.SOURCES ?? [])
        add(resolveSource(t.dir, s), p ? { role: 'plugin', target: p } : { role: 'other', target: t }, s);
    } else {
      for (const s of [...(L.SOURCES ?? []), ...(L.MULTIARCH_SOURCES ?? []), ...(L._ ?? [])])
        add(resolveSource(t.dir, s), { role: t.kind, target: t }, s);
    }
  }
  // Libraries that end up inside vpp: closure of the vpp executable's LINK_LIBRARIES.
  const libs = new Map(targets.filter((t) => t.kind === 'library').map((t) => [t.name, t]));
  const coreLibs = new Set();
  const vppExe = targets.find((t) => t.kind === 'executable' && t.name === 'vpp');
  const queue = [...(vppExe?.lists.LINK_LIBRARIES ?? [])];
  while (queue.length) {
    const l = queue.shift();
    if (coreLibs.has(l) || !libs.has(l)) continue;
    coreLibs.add(l);
    queue.push(...(libs.get(l).lists.LINK_LIBRARIES ?? []));
  }
  // Libraries linked by plugins (in declaration order), e.g. linux-cp's lcp.
  const libPlugins = new Map();
  for (const p of plugins)
    for (const l of p.lists.LINK_LIBRARIES ?? [])
      if (libs.has(l) && !coreLibs.has(l)) {
        if (!libPlugins.has(l)) libPlugins.set(l, []);
        libPlugins.get(l).push(p.name);
      }
  return { byFile, coreLibs, libPlugins, plugins, targets };
}

const isTestPlugin = (name) => /(^|_)(unittest|test)$/.test(name);

/**
 * Decide what a .c file is: { kind: 'core' } | { kind: 'plugin', plugin } | { kind: 'skip', why }.
 */
function classifyFile(file, idx, notes) {
  if (file.startsWith('src/examples/')) return { kind: 'skip', why: 'src/examples is not part of the VPP build' };
  const entries = idx.byFile.get(file) ?? [];
  const pluginNames = [...new Set(entries.filter((e) => e.role === 'plugin').map((e) => e.target.name))];
  if (pluginNames.length) {
    if (pluginNames.length > 1) notes.add(`${file}: built into several plugins: ${pluginNames.join(', ')}`);
    const pick = pluginNames.find((n) => !isTestPlugin(n)) ?? pluginNames[0];
    return { kind: 'plugin', plugin: pick };
  }
  const libEntries = entries.filter((e) => e.role === 'library');
  for (const e of libEntries) if (idx.coreLibs.has(e.target.name)) return { kind: 'core' };
  for (const e of libEntries) {
    const users = idx.libPlugins.get(e.target.name);
    if (users?.length) {
      const pick = users.find((n) => !isTestPlugin(n)) ?? users[0];
      if (users.length > 1)
        notes.add(`${file}: in library ${e.target.name} linked by plugins ${users.join(', ')}; attributed to ${pick}`);
      return { kind: 'plugin', plugin: pick };
    }
  }
  if (entries.some((e) => e.role === 'executable' && e.target.name === 'vpp')) return { kind: 'core' };
  for (const role of ['driver', 'engine']) {
    const e = entries.find((x) => x.role === role);
    if (e) {
      notes.add(`${file}: built into ${role} ${e.target.name}; treated as core`);
      return { kind: 'core' };
    }
  }
  if (entries.length) {
    const roles = [...new Set(entries.map((e) => `${e.role}:${e.target.name}`))].join(', ');
    return { kind: 'skip', why: `not built into vpp or a plugin (${roles})` };
  }
  return { kind: 'skip', why: 'not listed in any CMakeLists.txt target' };
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------

const REG_PATTERN = 'VLIB_CLI_COMMAND|VLIB_PLUGIN_REGISTER|VLIB_(EARLY_)?CONFIG_FUNCTION';
const MAIN_C = 'src/vpp/vnet/main.c';

const perTag = await Promise.all(
  TAGS.map(async (tag) => {
    const [tree, candidates] = await Promise.all([
      git('ls-tree', '-r', tag, '--', 'src'),
      gitGrepFiles(tag, REG_PATTERN, 'src/*.c'),
    ]);
    const blobOf = new Map();
    for (const line of tree.split('\n')) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(line);
      if (m) blobOf.set(m[2], m[1]);
    }
    const cmakePaths = [...blobOf.keys()].filter((p) => p.endsWith('/CMakeLists.txt'));
    return { tag, blobOf, candidates, cmakePaths };
  }),
);

const wanted = new Set();
for (const t of perTag) {
  for (const p of [...t.candidates, ...t.cmakePaths, MAIN_C]) if (t.blobOf.has(p)) wanted.add(t.blobOf.get(p));
}
const blobs = await readBlobs([...wanted]);
const tRead = Date.now();

const cParseCache = new Map();
const parseC = (oid) => {
  if (!cParseCache.has(oid)) cParseCache.set(oid, parseCFile(blobs.get(oid) ?? ''));
  return cParseCache.get(oid);
};

/** Merged facts: Map<key, Map<tag, [occurrence]>> */
const commandsByPath = new Map();
const pluginsByName = new Map();
const sectionsByName = new Map();
const skipped = []; // { tag, file, kind, what, why }
const notes = new Set();
const guarded = new Set(); // registrations inside #if/#ifdef we could not decide (kept)
const prepass = new Map(); // tag -> names
const summary = [];

const record = (map, key, tag, occ) => {
  if (!map.has(key)) map.set(key, new Map());
  const m = map.get(key);
  if (!m.has(tag)) m.set(tag, []);
  m.get(tag).push(occ);
};

for (const { tag, blobOf, candidates, cmakePaths } of perTag) {
  const idx = buildTargetIndex(cmakePaths.map((p) => ({ path: p, text: blobs.get(blobOf.get(p)) ?? '' })));
  for (const t of idx.targets)
    if (t.kind === 'plugin' && (!t.name || t.name.includes('$')))
      notes.add(`${tag}: plugin target with unresolved name in ${t.dir}: ${t.rawName}`);
  const counts = { commands: 0, plugins: 0, sections: 0 };
  for (const file of candidates.sort()) {
    const parsed = parseC(blobOf.get(file));
    const cls = classifyFile(file, idx, notes);
    const nItems = parsed.commands.length + parsed.plugins.length + parsed.sections.length + parsed.problems.length;
    if (cls.kind === 'skip') {
      if (nItems) skipped.push({ tag, file, kind: 'file', what: `${nItems} registration(s)`, why: cls.why });
      continue;
    }
    const plugin = cls.kind === 'plugin' ? cls.plugin : undefined;
    for (const [macro, n] of Object.entries(parsed.unparsed))
      if (n) notes.add(`${rel(tag)} ${file}: ${n} ${macro} occurrence(s) that are not registrations (comments, #define, ...)`);
    for (const pr of parsed.problems) skipped.push({ tag, file, kind: pr.kind, what: pr.what, why: pr.why });
    for (const c of parsed.commands) {
      if (c.helpNote) notes.add(`${file} (${c.path}): ${c.helpNote}; synopsis falls back to the path`);
      if (c.conditional) notes.add(`${file} (${c.path}): registration contains preprocessor conditionals`);
      if (c.guard) guarded.add(`command "${c.path}" in ${file}: under ${c.guard}`);
      if (c.rawPathOdd) notes.add(`${file}: .path ${JSON.stringify(c.path)} needed whitespace normalisation`);
      record(commandsByPath, c.path, tag, {
        synopsis: c.synopsis,
        plugin,
        file,
        hasHelp: c.synopsis !== undefined,
        hasFunction: c.hasFunction,
      });
      counts.commands++;
    }
    for (const p of parsed.plugins) {
      if (!plugin) {
        skipped.push({ tag, file, kind: 'plugin', what: 'VLIB_PLUGIN_REGISTER', why: 'file is not built into a plugin' });
        continue;
      }
      if (p.guard) guarded.add(`plugin ${plugin} in ${file}: under ${p.guard}`);
      record(pluginsByName, plugin, tag, { ...p, file });
      counts.plugins++;
    }
    for (const s of parsed.sections) {
      if (s.guard) guarded.add(`section "${s.name}" in ${file}: under ${s.guard}`);
      record(sectionsByName, s.name, tag, { ...s, plugin, file });
      counts.sections++;
    }
  }
  for (const t of idx.plugins) {
    if (t.dir.startsWith('src/examples/')) continue;
    if (!pluginsByName.get(t.name)?.has(tag)) notes.add(`${rel(tag)}: plugin target ${t.name} (${t.dir}) has no VLIB_PLUGIN_REGISTER we found`);
  }
  if (blobOf.has(MAIN_C)) prepass.set(tag, parseMainPrepass(blobs.get(blobOf.get(MAIN_C)) ?? ''));
  summary.push({ tag, ...counts });
}

// ---------------------------------------------------------------------------------------------
// merge and write
// ---------------------------------------------------------------------------------------------

const releasesOf = (tagMap) => {
  const tags = TAGS.filter((t) => tagMap.has(t));
  return tags.length === TAGS.length ? undefined : tags.map(rel);
};
const newestTag = (tagMap) => TAGS.filter((t) => tagMap.has(t)).at(-1);

const duplicates = [];
const pluginChanges = [];
let synopsisChanged = 0;
const noShortHelp = [];
const noFunction = []; // parent nodes such as "show", "set interface": help text only

const commands = [];
for (const [p, tagMap] of commandsByPath) {
  for (const [tag, occs] of tagMap)
    if (occs.length > 1)
      duplicates.push(`${rel(tag)} "${p}": ${occs.map((o) => `${o.file}${o.plugin ? ` [${o.plugin}]` : ''}`).join(' & ')}`);
  const newest = tagMap.get(newestTag(tagMap));
  // with a duplicate in one release prefer the core registration, then the first one
  const pick = newest.find((o) => !o.plugin) ?? newest[0];
  const synopses = new Set([...tagMap.values()].map((o) => o[0].synopsis ?? p));
  if (synopses.size > 1) synopsisChanged++;
  const owners = TAGS.filter((t) => tagMap.has(t)).map((t) => `${rel(t)}:${tagMap.get(t)[0].plugin ?? 'core'}`);
  if (new Set(owners.map((o) => o.split(':')[1])).size > 1) pluginChanges.push(`"${p}": ${owners.join(' ')}`);
  if (!pick.hasHelp) noShortHelp.push(p);
  if (!pick.hasFunction) noFunction.push(p);
  const entry = { path: p, synopsis: pick.synopsis ?? p };
  if (pick.plugin) entry.plugin = pick.plugin;
  const releases = releasesOf(tagMap);
  if (releases) entry.releases = releases;
  // a path without a handler is only a prefix: VPP refuses a word under it that names no sub-command
  if (!pick.hasFunction) entry.hasFunction = false;
  commands.push(entry);
}
commands.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

const plugins = [];
for (const [name, tagMap] of pluginsByName) {
  const pick = tagMap.get(newestTag(tagMap))[0];
  for (const [tag, occs] of tagMap)
    if (occs.length > 1) notes.add(`${rel(tag)}: plugin ${name} registered ${occs.length} times: ${occs.map((o) => o.file).join(', ')}`);
  const entry = { name };
  if (pick.description !== undefined) entry.description = pick.description;
  const releases = releasesOf(tagMap);
  if (releases) entry.releases = releases;
  const dd = TAGS.filter((t) => tagMap.get(t)?.some((o) => o.defaultDisabled)).map(rel);
  if (dd.length) entry.defaultDisabled = dd;
  plugins.push(entry);
}
plugins.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const sections = [];
for (const [name, tagMap] of sectionsByName) {
  for (const [tag, occs] of tagMap)
    if (occs.length > 1)
      duplicates.push(`${rel(tag)} section "${name}": ${occs.map((o) => `${o.file}:${o.function}`).join(' & ')}`);
  const pick = tagMap.get(newestTag(tagMap))[0];
  const owners = TAGS.filter((t) => tagMap.has(t)).map((t) => tagMap.get(t)[0].plugin ?? 'core');
  if (new Set(owners).size > 1)
    pluginChanges.push(`section "${name}": ${TAGS.filter((t) => tagMap.has(t)).map((t, i) => `${rel(t)}:${owners[i]}`).join(' ')}`);
  const entry = { name, early: pick.early };
  if (pick.plugin) entry.plugin = pick.plugin;
  const releases = releasesOf(tagMap);
  if (releases) entry.releases = releases;
  entry.file = pick.file;
  entry.function = pick.function;
  sections.push(entry);
}
sections.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

for (const [what, map] of [['command', commandsByPath], ['section', sectionsByName]])
  for (const [key, tagMap] of map)
    for (const [tag, occs] of tagMap)
      for (const o of occs)
        if (o.plugin && !pluginsByName.get(o.plugin)?.has(tag))
          notes.add(`${rel(tag)}: ${what} "${key}" is attributed to plugin ${o.plugin}, which has no registration in that release`);

const toJson = (arr) => `[\n${arr.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, 'commands.json'), toJson(commands));
await writeFile(path.join(outDir, 'plugins.json'), toJson(plugins));
await writeFile(path.join(outDir, 'config-sections.json'), toJson(sections));

// ---------------------------------------------------------------------------------------------
// report
// ---------------------------------------------------------------------------------------------

const out = [];
const say = (s = '') => out.push(s);
say(`Read ${wanted.size} blobs in ${((tRead - t0) / 1000).toFixed(1)}s; parsed ${cParseCache.size} distinct .c blobs.`);
say();
say('Skipped registrations (not written):');
const skipGroups = new Map();
for (const s of skipped) {
  const key = `${s.file} [${s.kind}] ${s.what}: ${s.why}`;
  if (!skipGroups.has(key)) skipGroups.set(key, []);
  skipGroups.get(key).push(rel(s.tag));
}
for (const [k, tags] of [...skipGroups].sort()) say(`  ${k}  (${tags.length === TAGS.length ? 'all' : tags.join(',')})`);
const skippedCounts = {};
for (const s of skipped) {
  let reason = s.why.replace(/ \(.*$/, '');
  if (/^under /.test(s.why)) reason = 'preprocessor condition false in a release build';
  else if (/unresolved/.test(s.why)) reason = 'uses a macro we cannot resolve';
  const k = `${s.kind === 'file' ? 'whole file' : s.kind}: ${reason}`;
  skippedCounts[k] = (skippedCounts[k] ?? 0) + 1;
}
say('  by reason (registrations for "whole file" rows are files; summed over the releases):');
for (const [k, n] of Object.entries(skippedCounts).sort()) say(`    ${String(n).padStart(4)}  ${k}`);
say();
say(`Duplicate registrations within one release (${duplicates.length}):`);
for (const d of duplicates.sort()) say(`  ${d}`);
say();
say(`Owner (plugin/core) changed across releases (${pluginChanges.length}):`);
for (const d of pluginChanges.sort()) say(`  ${d}`);
say();
say(`Notes (${notes.size}):`);
for (const n of [...notes].sort()) say(`  ${n}`);
say();
say(`Registrations under preprocessor conditionals we could not decide (kept; any release) (${guarded.size}):`);
for (const n of [...guarded].sort()) say(`  ${n}`);
say();
const upper = commands.filter((c) => /[A-Z]/.test(c.path)).map((c) => c.path);
say(`Command paths with uppercase letters (${upper.length}): ${upper.map((p) => JSON.stringify(p)).join(', ')}`);
say(`Commands whose synopsis differs between releases: ${synopsisChanged} (newest kept)`);
say(`Commands without .short_help in their newest release (synopsis = path) (${noShortHelp.length}): ${noShortHelp.join(' | ')}`);
say(`Commands without .function in their newest release (parent nodes; kept) (${noFunction.length}): ${noFunction.join(' | ')}`);
say();
say('What src/vpp/vnet/main.c reads from startup.conf itself, before the config functions run (no entries written):');
say('  (section = top-level section it unformats; word = token it looks for anywhere in the config with strncmp)');
const prepassNames = [...new Set([...prepass.values()].flatMap((m) => [...m.keys()]))];
for (const n of prepassNames) {
  const tags = TAGS.filter((t) => prepass.get(t)?.has(n));
  const how = [...new Set(tags.map((t) => prepass.get(t).get(n)))].join('/');
  const fnTags = sectionsByName.has(n) ? TAGS.filter((t) => sectionsByName.get(n).has(t)).map(rel) : [];
  const fn = fnTags.length ? `; a config function also registers "${n}" in ${fnTags.length === TAGS.length ? 'all' : fnTags.join(',')}` : '; no config function';
  say(`  ${n} (${how}): ${tags.length === TAGS.length ? 'all' : tags.map(rel).join(',')}${fn}`);
}
say();
say('Per release:        commands  plugins  sections');
for (const s of summary)
  say(`  ${rel(s.tag).padEnd(16)} ${String(s.commands).padStart(8)} ${String(s.plugins).padStart(8)} ${String(s.sections).padStart(9)}`);
say(`  distinct         ${String(commands.length).padStart(8)} ${String(plugins.length).padStart(8)} ${String(sections.length).padStart(9)}`);
say(`Skipped registrations (summed over releases): ${skipped.length} entries`);
say(`Wrote ${path.relative(process.cwd(), outDir) || outDir}/{commands,plugins,config-sections}.json in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
console.log(out.join('\n'));
