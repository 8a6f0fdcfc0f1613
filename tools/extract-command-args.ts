/**
 * Reads the argument parsing of every VPP CLI command, release by release, from a git mirror of
 * VPP, and writes server/src/schema/data/command-args.json (see `CommandArgsEntry` in
 * server/src/schema/types.ts). The reading itself is server/src/sourceReader (pure functions over
 * C text); this tool only finds the files and the releases.
 *
 * Usage: npx tsx tools/extract-command-args.ts [--report] [path/to/vpp.git]
 *
 * Which command paths exist in which release comes from data/commands.json (written by
 * extract-vpp-facts.mjs); this tool adds how each one reads its arguments. Only facts are written
 * (words, value kinds, file and function names); no VPP source is copied.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RELEASES, type CommandArgsEntry, type ReadCommandArgs, type ValueSpec, type VppRelease } from '../server/src/schema/types';
import { findListMacros, findUnformatFunctions, knownUnformat, readCliFile, readUnformatFunction, stripComments, type ReadCommand, type UnformatReading, type UnformatResolver } from '../server/src/sourceReader/index';
import { findFunctionBodies, type CFunction } from '../server/src/sourceReader/registrations';
import { formatReading } from '../server/src/sourceReader/formatString';

const argv = process.argv.slice(2);
const report = argv.includes('--report');
const repo = argv.find((a) => !a.startsWith('--')) ?? '/work/.mirror/FDio+vpp/repo';
const dataDir = path.resolve(import.meta.dirname, '..', 'server', 'src', 'schema', 'data');

function git(...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** Reads blobs by id through one `git cat-file --batch`. */
function readBlobs(oids: string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, 'cat-file', '--batch']);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => {
      const buf = Buffer.concat(chunks);
      const out = new Map<string, string>();
      let at = 0;
      for (const oid of oids) {
        const nl = buf.indexOf(10, at);
        const [, , size] = buf.toString('utf8', at, nl).split(' ');
        const start = nl + 1;
        out.set(oid, buf.toString('utf8', start, start + Number(size)));
        at = start + Number(size) + 1;
      }
      resolve(out);
    });
    child.stdin.end(oids.join('\n') + '\n');
  });
}

/** Files that are not built into VPP or its plugins (mirrors extract-vpp-facts.mjs's skips). */
const NOT_BUILT = /(^src\/examples\/|\/test\/|unittest|_test\.c$|\/test_[^/]*\.c$)/;

interface Found extends ReadCommand {
  file: string;
}

/**
 * The `unformat_*` functions and `foreach_*` list macros of a release, so that a `%U` whose function
 * lives in a header or another file of the plugin can be followed.
 */
interface UnformatIndex {
  functions: Map<string, { file: string; body: string }[]>;
  macros: Map<string, string>;
}

function indexUnformat(texts: Map<string, string>): UnformatIndex {
  const functions = new Map<string, { file: string; body: string }[]>();
  const macros = new Map<string, string>();
  for (const [file, text] of texts) {
    const code = stripComments(text);
    for (const [name, body] of findUnformatFunctions(code)) functions.set(name, [...(functions.get(name) ?? []), { file, body }]);
    for (const [name, body] of findListMacros(code)) if (!macros.has(name)) macros.set(name, body);
  }
  return { functions, macros };
}

/** A `%U` resolver for one file: a definition in its own plugin or directory first, else a unique one. */
function resolverFor(file: string, index: UnformatIndex, memo: Map<string, UnformatReading | undefined>): UnformatResolver {
  const dir = file.replace(/\/[^/]*$/, '');
  const plugin = /^src\/plugins\/[^/]+/.exec(file)?.[0];
  return (fn) => {
    const known = knownUnformat(fn);
    if (known) return known;
    const defs = index.functions.get(fn) ?? [];
    const near = defs.filter((d) => d.file.startsWith(`${dir}/`)).concat(plugin ? defs.filter((d) => d.file.startsWith(`${plugin}/`)) : []);
    const distinct = new Set(defs.map((d) => d.body));
    const def = near[0] ?? (distinct.size === 1 ? defs[0] : undefined);
    if (!def) return undefined;
    if (!memo.has(def.body)) memo.set(def.body, readUnformatFunction(def.body, index.macros));
    return memo.get(def.body);
  };
}

const dirOf = (file: string) => file.replace(/\/[^/]*$/, '');

/** Per directory, the functions its C files define, each with the file that defines it; a name defined twice is left out. */
function helpersByDir(files: readonly string[], texts: ReadonlyMap<string, string>): Map<string, Map<string, { file: string; fn: CFunction }>> {
  const out = new Map<string, Map<string, { file: string; fn: CFunction }>>();
  const twice = new Set<string>();
  for (const file of files) {
    const dir = dirOf(file);
    const mine = out.get(dir) ?? new Map<string, { file: string; fn: CFunction }>();
    out.set(dir, mine);
    for (const [name, fn] of findFunctionBodies(stripComments(texts.get(file) ?? ''))) {
      if (mine.has(name)) twice.add(`${dir}\u0000${name}`);
      else mine.set(name, { file, fn });
    }
  }
  for (const key of twice) {
    const [dir, name] = key.split('\u0000');
    out.get(dir)!.delete(name);
  }
  return out;
}

/** The functions the other files of `file`'s directory define. */
function helpersFor(file: string, helpers: ReadonlyMap<string, ReadonlyMap<string, { file: string; fn: CFunction }>>): Map<string, CFunction> {
  const out = new Map<string, CFunction>();
  for (const [name, h] of helpers.get(dirOf(file)) ?? []) if (h.file !== file) out.set(name, h.fn);
  return out;
}

async function readRelease(release: VppRelease): Promise<Map<string, Found[]>> {
  const tag = `v${release}`;
  const grep = (pattern: string, ...paths: string[]) => {
    try {
      return git('grep', '-l', '-E', pattern, tag, '--', ...paths)
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(tag.length + 1))
        .filter((f) => !NOT_BUILT.test(f));
    } catch {
      return [];
    }
  };
  formatReading.equalsReadsNumber = /non_default_value/.test(git('show', `${tag}:src/vppinfra/unformat.c`));
  const files = grep('VLIB_CLI_COMMAND', 'src/*.c');
  const unformatFiles = grep('^unformat_[a-z0-9_]+ ?\\(|define [a-z0-9_]*foreach_', 'src/*.c', 'src/*.h');
  const tree = new Map<string, string>();
  for (const line of git('ls-tree', '-r', tag, '--', 'src').split('\n')) {
    const m = /^\d+ blob (\w+)\t(.*)$/.exec(line);
    if (m) tree.set(m[2], m[1]);
  }
  // the other C files of a command's directory: the helpers its function hands its values to
  const cliDirs = new Set(files.map(dirOf));
  const siblings = [...tree.keys()].filter((f) => f.endsWith('.c') && cliDirs.has(dirOf(f)) && !NOT_BUILT.test(f));
  const wanted = [...new Set([...files, ...unformatFiles, ...siblings])];
  const blobs = await readBlobs([...new Set(wanted.map((f) => tree.get(f)!))]);
  const texts = new Map(wanted.map((f) => [f, blobs.get(tree.get(f)!) ?? '']));
  const index = indexUnformat(new Map([...texts].filter(([f]) => unformatFiles.includes(f))));
  const memo = new Map<string, UnformatReading | undefined>();
  const byPath = new Map<string, Found[]>();
  const helpers = helpersByDir(siblings, texts);
  for (const file of files) {
    for (const r of readCliFile(texts.get(file)!, resolverFor(file, index, memo), index.macros, helpersFor(file, helpers))) {
      const list = byPath.get(r.path) ?? [];
      list.push({ ...r, file });
      byPath.set(r.path, list);
    }
  }
  return byPath;
}

/**
 * Commands whose source reads strictly but that VPP itself accepted with any word (test/referee/, asked
 * directly too): what VPP answered outranks what its source seems to say.
 */
const ANSWERED_LOOSE: Readonly<Record<string, { reason: string; releases?: readonly VppRelease[] }>> = {
  'show lisp eid-table map': {
    reason: 'VPP 24.10 and 26.06 accepted any word after it, silently (`show lisp eid-table map bogus-option`), though its loop returns "parse error" for one',
  },
  'show one eid-table map': {
    reason: 'VPP 24.10 and 26.06 accepted any word after it, silently (`show one eid-table map bogus-option`), though its loop returns "parse error" for one',
  },
  // the 26.06 build here lacks the prom plugin: other releases keep what the source says
  'prom patterns': {
    reason: 'VPP 24.10 accepted any word after it, silently (`prom patterns bogus-option`, `prom patterns { sohw }`), though its loop returns "unknown input" for one',
    releases: ['24.10'],
  },
};

function answeredLoose(path: string, release: VppRelease): string | undefined {
  const entry = ANSWERED_LOOSE[path];
  return entry && (!entry.releases || entry.releases.includes(release)) ? entry.reason : undefined;
}

interface IndexedCommand {
  path: string;
  releases?: VppRelease[];
  hasFunction?: boolean;
}

const commands = JSON.parse(readFileSync(path.join(dataDir, 'commands.json'), 'utf8')) as IndexedCommand[];
const perRelease = new Map<VppRelease, Map<string, Found[]>>();
for (const release of RELEASES) perRelease.set(release, await readRelease(release));

/** One reading per command and release; the same reading over several releases is written once. */
const entries: CommandArgsEntry[] = [];
const counts = new Map<VppRelease, { strict: number; stops: number; sequence: number; loose: number; ignores: number }>();
const reasons = new Map<string, { path: string; reason: string }>();
for (const command of commands) {
  if (command.hasFunction === false) continue;
  const variants = new Map<string, { reading: ReadCommandArgs; source: Found; releases: VppRelease[] }>();
  for (const release of command.releases ?? RELEASES) {
    const found = perRelease.get(release)!.get(command.path) ?? [];
    const functions = found.filter((f) => f.function);
    let reading: ReadCommandArgs;
    let source: Found | undefined = functions[0];
    if (functions.length === 0) continue;
    const distinct = new Set(functions.map((f) => JSON.stringify(f.reading)));
    const looseByVpp = answeredLoose(command.path, release);
    if (distinct.size > 1) reading = { strict: false, reason: `registered by ${functions.length} functions that read differently`, args: [] };
    else if (looseByVpp) reading = { strict: false, reason: looseByVpp, args: [] };
    else reading = functions[0].reading;
    const key = JSON.stringify([reading, source.file, source.function]);
    const variant = variants.get(key) ?? { reading, source, releases: [] };
    variant.releases.push(release);
    variants.set(key, variant);
    const c = counts.get(release) ?? { strict: 0, stops: 0, sequence: 0, loose: 0, ignores: 0 };
    if (reading.readsNoArgs) c.ignores++;
    else if (reading.strict && reading.order === 'sequence') c.sequence++;
    else if (reading.strict && reading.ignoresRest) c.stops++;
    else if (reading.strict) c.strict++;
    else c.loose++;
    counts.set(release, c);
    if (release === '26.06' && !reading.strict) reasons.set(command.path, { path: command.path, reason: reading.reason ?? '' });
  }
  const all = command.releases ?? RELEASES;
  for (const v of variants.values()) {
    const entry: CommandArgsEntry = { path: command.path, ...compactReading(v.reading), source: { file: v.source.file, function: v.source.function! } };
    if (v.releases.length !== all.length) entry.releases = v.releases;
    entries.push(entry);
  }
}

function compactReading(r: ReadCommandArgs): Omit<CommandArgsEntry, 'path' | 'source'> {
  const out: Omit<CommandArgsEntry, 'path' | 'source'> = { strict: r.strict };
  if (r.reason) out.reason = r.reason;
  if (r.args.length) {
    out.args = r.args.map((a) => [...(a.endsInput ? ['!'] : []), a.keyword ?? null, ...(a.values ?? []).map((v) => (Object.keys(v).length === 1 ? v.kind : v))]);
  }
  if (r.required) out.required = r.required;
  if (r.refuses) out.refuses = r.refuses;
  if (r.bareIsNoop) out.bareIsNoop = true;
  if (r.order) out.order = r.order;
  if (r.loopFrom !== undefined) out.loopFrom = r.loopFrom;
  if (r.choices) out.choices = r.choices;
  if (r.readOnce) out.readOnce = r.readOnce;
  if (r.ignoresRest) out.ignoresRest = true;
  if (r.readsNoArgs) out.readsNoArgs = true;
  if (r.refusesBeforeReading !== undefined) out.refusesBeforeReading = r.refusesBeforeReading;
  return out;
}

/**
 * The names unformat_ip_protocol knows: ip_main_init fills its table from src/vnet/ip/protocols.def
 * alone (`ip_protocol (6, TCP)`), matched as written or upper-cased. The analysis holds one list, so
 * a release whose list differs stops this tool rather than be checked against another's.
 */
function ipProtocolNames(): string[] {
  const lists = RELEASES.map((release) => [...git('show', `v${release}:src/vnet/ip/protocols.def`).matchAll(/^ip_protocol \(\s*\d+\s*,\s*(\w+)\s*\)/gm)].map((m) => m[1]));
  const differs = RELEASES.find((_, k) => lists[k].join() !== lists[0].join());
  if (differs) throw new Error(`src/vnet/ip/protocols.def of ${differs} differs from ${RELEASES[0]}'s: ip-protocols.json needs a list per release`);
  return lists[0];
}
writeFileSync(path.join(dataDir, 'ip-protocols.json'), `${JSON.stringify(ipProtocolNames())}\n`);

/**
 * The names unformat_ethernet_type_host_byte_order knows: ethernet_init fills its table from
 * src/vnet/ethernet/types.def alone (`ethernet_type (0x806, ARP)`). One list for all releases, the
 * names of any: a name an older release lacks then goes unflagged there, which only loses errors.
 */
function ethertypeNames(): string[] {
  const names = RELEASES.flatMap((release) => [...git('show', `v${release}:src/vnet/ethernet/types.def`).matchAll(/^ethernet_type \(\s*\w+\s*,\s*(\w+)\s*\)/gm)].map((m) => m[1]));
  return [...new Set(names)];
}
writeFileSync(path.join(dataDir, 'ethertypes.json'), `${JSON.stringify(ethertypeNames())}\n`);

writeFileSync(path.join(dataDir, 'command-args.json'), `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`);
console.log(`wrote ${entries.length} entries to server/src/schema/data/command-args.json`);
for (const [release, c] of counts) {
  const strict = c.strict + c.stops + c.sequence + c.ignores;
  console.log(
    `${release}: ${strict} strict (${c.strict} loops refusing unknown words, ${c.stops} loops stopping at them, ${c.sequence} fixed sequences, ${c.ignores} reading no arguments), ${c.loose} loose`,
  );
}
if (report) {
  const byReason = new Map<string, string[]>();
  for (const { path: p, reason } of reasons.values()) {
    const key = reason.replace(/`[^`]*`/g, '`...`');
    byReason.set(key, [...(byReason.get(key) ?? []), p]);
  }
  console.log('\nloose in 26.06, by reason:');
  for (const [reason, paths] of [...byReason].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${paths.length}  ${reason}`);
  console.log('\nloose commands in 26.06:');
  for (const { path: p, reason } of reasons.values()) console.log(`  ${p}: ${reason}`);
}
