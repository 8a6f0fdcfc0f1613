#!/usr/bin/env node
/**
 * Which VPP commands stop reading their arguments at a line break, per release:
 *
 *   server/src/schema/data/line-input.json
 *
 * Usage: node tools/extract-line-input.mjs [path/to/vpp.git] [--report]
 *
 * Why: VPP reads a script line by line (unformat_vlib_cli_line in src/vlib/cli.c), and a `\` right
 * before the newline joins the next line, but it keeps the newline in the command's input. A
 * command function that reads its arguments through `unformat_user (input, unformat_line_input,
 * line_input)` (src/vppinfra/unformat.c: unformat_line reads up to the first `\n`) sees only the
 * first physical line; what follows the newline stays in the input, and vlib_cli_input runs it as
 * the next command. A function that reads `input` directly sees the newline as white space, so
 * its arguments continue over `\`. The dispatcher skips white space (newlines included) before it
 * calls the function, so a break before the first argument never matters.
 *
 * How: per tag, every .c file under src/ with a VLIB_CLI_COMMAND; per registration its .path and
 * .function; the function's body in the same file; the first use of its `unformat_input_t *`
 * parameter. When that use is a call to unformat_line_input or unformat_line, the command stops
 * at a line break ("line"); when it is another unformat call, the arguments continue ("direct");
 * when `input` is handed to a helper of the same file, the helper is read the same way. Anything
 * else (function in another file, input handed to a function we cannot see) is "unknown", which
 * the analysis treats like "direct": no finding. A path registered more than once is "line" only
 * when every registration is.
 *
 * Only facts are written (command paths, releases, the function and file that read the arguments).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TAGS = ['v24.02', 'v24.06', 'v24.10', 'v25.02', 'v25.06', 'v25.10', 'v26.02', 'v26.06'];
const args = process.argv.slice(2);
const report = args.includes('--report');
const repo = args.find((a) => !a.startsWith('--')) ?? '/work/.mirror/FDio+vpp/repo';
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'schema', 'data', 'line-input.json');

const git = (...a) => execFileSync('git', ['-C', repo, ...a], { encoding: 'utf8', maxBuffer: 1 << 30 });

/** The text of many blobs (`tag:path`), read with one `git cat-file --batch`. */
function blobs(specs) {
  const buf = execFileSync('git', ['-C', repo, 'cat-file', '--batch'], { input: specs.join('\n') + '\n', maxBuffer: 1 << 30 });
  const texts = [];
  for (let pos = 0; pos < buf.length; ) {
    const nl = buf.indexOf(10, pos);
    const size = Number(buf.toString('utf8', pos, nl).split(' ')[2]);
    texts.push(buf.toString('utf8', nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return texts;
}

/** C text without comments and with string contents blanked (so braces inside strings do not count). */
function codeOnly(text) {
  return text
    .replace(/\\\n/g, '')
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => (m[0] === '"' ? `"${'_'.repeat(m.length - 2)}"` : m[0] === "'" ? "'_'" : ' '));
}

/** The text between the `{` at `open` and its matching `}`. */
function braced(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return code.slice(open + 1, i);
  }
  return code.slice(open + 1);
}

/** A function's parameter names and body, from its definition in `code`. */
function definition(code, name) {
  // a parameter may be wrapped in a macro: `CLIB_UNUSED (vlib_cli_command_t * cmd)`
  const re = new RegExp(String.raw`(?:^|\n)[\w \t*]*\b${name}\s*\(((?:[^()]|\([^()]*\))*)\)\s*\{`, 'g');
  const m = re.exec(code);
  if (!m) return undefined;
  const params = m[1].split(',').map((p) => p.trim());
  return { params, body: braced(code, m.index + m[0].length - 1) };
}

const elsewhere = new Map(); // `${tag} ${name}` -> code of the file that defines it, or ''

/** The code of the file of release `tag` that defines function `name` at the start of a line. */
function codeDefining(tag, name) {
  const key = `${tag} ${name}`;
  if (!elsewhere.has(key)) {
    let file = '';
    try {
      file = git('grep', '-l', '-E', `^${name} ?\\(`, tag, '--', 'src/*.c').split('\n')[0].slice(tag.length + 1);
    } catch (e) {
      if (e.status !== 1) throw e;
    }
    elsewhere.set(key, file ? codeOnly(blobs([`${tag}:${file}`])[0]) : '');
  }
  return elsewhere.get(key);
}

/**
 * How the function `name` reads its argument at position `position` (default: its `unformat_input_t *`):
 * its definition in `code` or, failing that, anywhere in the release.
 */
function readerKind(tag, code, name, position, depth = 0) {
  let def = definition(code, name);
  if (!def) {
    code = codeDefining(tag, name);
    def = code && definition(code, name);
  }
  if (!def) return 'unknown';
  const index = position ?? def.params.findIndex((p) => /\bunformat_input_t\s*\*/.test(p));
  const param = def.params[index]?.match(/(\w+)\s*$/)?.[1];
  if (!param) return 'unknown';
  // the first call that takes the parameter as an argument
  const use = new RegExp(String.raw`(\w+)\s*\(([^;]*?)\b${param}\b`, 'g');
  for (let m; (m = use.exec(def.body)); ) {
    const callee = m[1];
    if (callee === 'if' || callee === 'while' || callee === 'return' || callee === 'for') {
      use.lastIndex = m.index + m[0].indexOf('(') + 1;
      continue;
    }
    const rest = def.body.slice(m.index, def.body.indexOf(';', m.index + m[0].length));
    if (/^unformat/.test(callee)) {
      if (/\bunformat_line(?:_input)?\b/.test(rest)) return 'line';
      // `unformat_user (input, unformat_my_args, &args)`: the arguments are read by that function
      const parser = callee === 'unformat_user' && rest.match(new RegExp(String.raw`^unformat_user\s*\(\s*${param}\s*,\s*(\w+)`))?.[1];
      return parser && depth < 2 ? readerKind(tag, code, parser, 0, depth + 1) : 'direct';
    }
    if (callee === 'vlib_cli_output' || callee === 'format_unformat_error') return 'direct';
    if (depth < 2) {
      const position = m[2].split(',').length - 1;
      return readerKind(tag, code, callee, position, depth + 1);
    }
    return 'unknown';
  }
  return 'direct';
}

const byPath = new Map(); // path -> Map<release, { kinds: Set, function, file }>
for (const tag of TAGS) {
  const release = tag.slice(1);
  let files;
  try {
    files = git('grep', '-l', 'VLIB_CLI_COMMAND', tag, '--', 'src/*.c').split('\n').filter(Boolean).map((l) => l.slice(tag.length + 1));
  } catch (e) {
    if (e.status === 1) files = [];
    else throw e;
  }
  const texts = blobs(files.map((f) => `${tag}:${f}`));
  files.forEach((file, i) => {
    if (file.startsWith('src/examples/')) return;
    const code = codeOnly(texts[i]);
    const raw = texts[i].replace(/\\\n/g, '');
    for (const reg of raw.matchAll(/VLIB_CLI_COMMAND\s*\([^)]*\)\s*=\s*\{([\s\S]*?)\}\s*;/g)) {
      const pathMatch = reg[1].match(/\.path\s*=\s*((?:"[^"]*"\s*)+)/);
      const fn = reg[1].match(/\.function\s*=\s*(\w+)/)?.[1];
      if (!pathMatch || !fn) continue;
      const cliPath = [...pathMatch[1].matchAll(/"([^"]*)"/g)].map((s) => s[1]).join('').replace(/\s+/g, ' ').trim();
      const kind = readerKind(tag, code, fn);
      const perRelease = byPath.get(cliPath) ?? new Map();
      byPath.set(cliPath, perRelease);
      const seen = perRelease.get(release) ?? { kinds: new Set(), function: fn, file };
      seen.kinds.add(kind);
      perRelease.set(release, seen);
    }
  });
}

const entries = [];
const counts = Object.fromEntries(TAGS.map((t) => [t.slice(1), { line: 0, direct: 0, unknown: 0 }]));
const unknown = new Set();
for (const [cliPath, perRelease] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const lineIn = [];
  let newest;
  for (const [release, seen] of perRelease) {
    const kind = seen.kinds.size === 1 ? [...seen.kinds][0] : seen.kinds.has('unknown') ? 'unknown' : 'direct';
    counts[release][kind]++;
    if (kind === 'unknown') unknown.add(`${cliPath} (${seen.function}, ${seen.file})`);
    if (kind === 'line') {
      lineIn.push(release);
      newest = seen;
    }
  }
  if (lineIn.length === 0) continue;
  const entry = { path: cliPath, function: newest.function, file: newest.file };
  if (lineIn.length < TAGS.length) entry.releases = lineIn;
  entries.push(entry);
}

writeFileSync(out, '[\n' + entries.map((e) => '  ' + JSON.stringify(e)).join(',\n') + '\n]\n');
console.log(`${entries.length} command paths stop at a line break in some release; written to ${path.relative(process.cwd(), out)}`);
for (const [release, c] of Object.entries(counts)) console.log(`${release}: line ${c.line}, direct ${c.direct}, unknown ${c.unknown}`);
if (report) for (const u of [...unknown].sort()) console.log(`unknown: ${u}`);
