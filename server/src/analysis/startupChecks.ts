import { inRelease, releasesOfSection, type Schema } from '../schema/index';
import type { StartupParam } from '../schema/types';
import { isGroup, type Token } from '../syntax/tree';
import { releaseList } from './cliChecks';
import { codeList as list, diagnostic, type FixData, type VppDiagnostic } from './diagnostic';
import { checkValueMatches } from './valueChecks';
import type { UnknownRun } from './args';
import { type ConfigEntry, type StartupModel } from './startupModel';
import { PluginDecisions, repeatedPlugins } from './startupPlugins';
import { checkValue } from './values';
import { finish, type Steps } from './steps';
import { suggestRemembered } from './suggest';


/**
 * `heapsize 1G` as `memory { main-heap-size 1G }`: only for a single valid value, in a release
 * that has the replacement, and when the file has no such section yet (two would leave VPP to pick).
 */
function rewriteFatal(section: ConfigEntry, sectionKeys: ReadonlySet<string | undefined>, schema: Schema): FixData | undefined {
  const replacement = section.param?.fatal?.replacement;
  const value = section.values.length === 1 && !section.values[0].problem ? section.values[0].token : undefined;
  if (!replacement || !value || section.block || section.key.length !== 1 || !schema.sectionByKey.has(replacement.section)) return undefined;
  if (sectionKeys.has(replacement.section)) return undefined;
  const text = `${replacement.section} { ${replacement.param} ${value.text} }`;
  return { kind: 'rewrite', start: section.start, end: section.end, text, label: `Change to \`${text}\`` };
}

export function checkStartup(model: StartupModel, schema: Schema, text: string): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  finish(checkingStartup(model, schema, text, out));
  return out;
}

/** How many strays or sections one step of `checkingStartup` checks. */
const PER_STEP = 1024;

/** `checkStartup` in steps (see steps.ts), its findings pushed into `out`. */
export function* checkingStartup(model: StartupModel, schema: Schema, text: string, out: VppDiagnostic[]): Steps<void> {
  let count = 0;
  for (const stray of model.strays) {
    if (++count % PER_STEP === 0) yield;
    const item = stray.item;
    if (stray.reason === 'group-without-name') {
      out.push(diagnostic('vpp.syntax', 'A `{ }` block needs a section name before it, as in `unix { ... }`.', item.start, isGroup(item) ? item.open.end : item.end));
      continue;
    }
    const word = item as Token;
    if (stray.reason === 'missing-value') {
      // `{}`, not `{ }`: VPP refuses a block of blanks in most sections
      out.push(diagnostic('vpp.missing-value', `\`${word.text}\` needs a value or a \`{ }\` block; VPP reads startup.conf as \`name value\` pairs.`, word.start, word.end, [
        { kind: 'insert', offset: word.end, text: ' {}', label: 'Add `{}`' },
      ]));
      continue;
    }
    out.push(unknownSection(word, schema));
  }
  const plugins = new PluginDecisions(model);
  // once, not per fatal section: 40,000 `heapsize` lines each searched every section (9 s)
  const sectionKeys = new Set(model.sections.map((x) => x.param?.key));
  for (const section of model.sections) {
    if (++count % PER_STEP === 0) yield;
    const param = section.param!;
    const name = section.key[0];
    if (param.fatal?.releases.includes(schema.release)) {
      const rewrite = rewriteFatal(section, sectionKeys, schema);
      const remove: FixData = { kind: 'remove', start: section.start, end: section.end };
      out.push(diagnostic('vpp.fatal-in-release', `${param.fatal.message} (VPP ${schema.release}).`, name.start, name.end, rewrite ? [rewrite, remove] : [remove]));
    }
    const unloaded = param.plugin ? plugins.sectionFinding(section, param.plugin, schema) : undefined;
    if (unloaded) out.push(unloaded);
    // a section VPP refuses outright, or does not load, says all there is to say; one of a plugin disabled
    // by default is read like any other once the plugin is enabled, as its entries are
    const blank = param.fatal?.releases.includes(schema.release) || unloaded?.code === 'vpp.unknown-section' ? undefined : blankBlock(section, text);
    if (blank) out.push(blank);
    yield* checkEntry(section, schema, text, out);
  }
  for (const d of repeatedPlugins(model, schema)) out.push(d);
}

/**
 * `tcp { }`: a section whose braces hold only blanks. VPP hands its config function the blanks, and
 * a loop that refuses unknown input refuses them ("unknown input `'", answered by VPP 26.06 for every
 * such section but those whose loop skips white space); `tcp {}` is fine.
 */
function blankBlock(section: ConfigEntry, text: string): VppDiagnostic | undefined {
  const param = section.param!;
  const block = section.block;
  if (!param.strict || param.skipsBlanks || !block?.close || block.items.length > 0) return undefined;
  const inside = text.slice(block.open.end, block.close.start);
  if (inside.length === 0 || /\S/.test(inside)) return undefined;
  return diagnostic(
    'vpp.syntax',
    `VPP refuses \`${param.key} { }\` with only blanks between the braces ("unknown input"): write \`${param.key} {}\` or leave the section out.`,
    block.open.start,
    block.close.end,
  );
}

function unknownSection(word: Token, schema: Schema): VppDiagnostic {
  const elsewhere = releasesOfSection(word.text);
  if (elsewhere.length > 0) {
    return diagnostic('vpp.not-in-release', `Section \`${word.text}\` is not in VPP ${schema.release}; it exists in ${releaseList(elsewhere)}.`, word.start, word.end);
  }
  const guesses = suggestRemembered(schema, '', word.text, () => schema.sectionByKey.keys());
  const hint = guesses.length ? ` Did you mean ${list(guesses)}?` : '';
  return diagnostic(
    'vpp.unknown-section',
    `Unknown startup.conf section \`${word.text}\`: VPP stops with "unknown input".${hint}`,
    word.start,
    word.end,
    guesses.length ? [{ kind: 'replace', candidates: guesses }] : undefined,
  );
}

/** How many entries of one block one step checks (`plugins { }` may hold 20,000). */
const ENTRIES_PER_STEP = 512;

/**
 * `within`: the key of the enclosing block when its loop ends at the first word it cannot read
 * (`lookups`, as cpu_config does): a value VPP cannot read ends it too, and VPP ignores the rest.
 */
function* checkEntry(entry: ConfigEntry, schema: Schema, source: string, out: VppDiagnostic[], within?: string): Steps<void> {
  const param = entry.param!;
  const label = `\`${param.key === '*' ? entry.key.map((k) => k.text).join(' ') : param.key}\``;
  if (param.deprecated) out.push(diagnostic('vpp.deprecated', param.deprecated, entry.key[0]?.start ?? entry.start, entry.key[entry.key.length - 1]?.end ?? entry.end));
  if (entry.depth > 0 && param.fatal?.releases.includes(schema.release)) {
    out.push(diagnostic('vpp.fatal-in-release', `${param.fatal.message} (VPP ${schema.release}).`, entry.start, entry.key[entry.key.length - 1]?.end ?? entry.end));
  }
  for (const d of checkValueMatches(entry.values, label, entry.key[entry.key.length - 1])) {
    out.push(within ? { ...d, severity: 'warning', message: `${d.message} VPP stops reading \`${within}\` here and ignores the rest of the section.` } : d);
  }
  for (const run of entry.unknown) {
    const item = run.first;
    const text = isGroup(item) ? '{' : item.text;
    const end = isGroup(item) ? item.open.end : item.end;
    out.push(unknownParameter(text, item.start, end, run.items[run.items.length - 1].end, entry, schema, source));
  }
  if (entry.stop) out.push(loopStop(entry, entry.stop, schema));
  const loopEnds = !param.strict && param.lookups ? param.key : undefined;
  let count = 0;
  for (const child of entry.children) {
    if (++count % ENTRIES_PER_STEP === 0) yield;
    yield* checkEntry(child, schema, source, out, loopEnds);
  }
}

/**
 * The first word a non-strict loop does not know (see `StartupParam.lookups`): a name VPP looks up
 * and stops on, or the place where it stops reading the block and ignores the rest (a warning).
 */
function loopStop(entry: ConfigEntry, run: UnknownRun, schema: Schema): VppDiagnostic {
  const where = entry.param!.key;
  const word = run.first as Token;
  const removal = [{ kind: 'remove' as const, start: word.start, end: run.items[run.items.length - 1].end }];
  for (const rule of entry.param!.lookups ?? []) {
    if (rule.prefix && !word.text.startsWith(rule.prefix)) continue;
    const values = run.items.slice(1, 1 + rule.values.length);
    if (values.length < rule.values.length || values.some((v, i) => isGroup(v) || checkValue(v.text, rule.values[i]) !== undefined)) continue;
    const name = rule.prefix ? word.text.slice(rule.prefix.length) : word.text;
    const read = [word, ...values].map((t) => (t as Token).text).join(' ');
    return diagnostic('vpp.unknown-parameter', `\`${where}\` has no \`${word.text}\`: VPP reads \`${read}\` as a name to look up and stops with "${rule.message.replace('%s', name)}".`, word.start, word.end, removal);
  }
  const ignored = `VPP stops reading \`${where}\` at this word and ignores it and the rest of the section.`;
  const other = entry.allowed.find((p) => p.key.split(' ')[0] === word.text && p.releases && !p.releases.includes(schema.release));
  const found = other
    ? diagnostic('vpp.not-in-release', `\`${word.text}\` is not a parameter of \`${where}\` in VPP ${schema.release}; it exists in ${releaseList(other.releases!)}. ${ignored}`, word.start, word.end, removal)
    : diagnostic('vpp.unknown-parameter', `\`${where}\` does not know \`${word.text}\`. ${ignored}`, word.start, word.end, removal);
  return { ...found, severity: 'warning' };
}

/**
 * Removing the refused words; when they are all the block holds, with the blanks around them, so that
 * `ip { heap-size 64M }` becomes `ip {}`, not `ip {  }`, which VPP refuses too (see blankBlock).
 */
function removal(start: number, runEnd: number, entry: ConfigEntry, source: string): FixData {
  const block = entry.block;
  if (block?.close && block.items.length > 0 && block.items[0].start === start && block.items[block.items.length - 1].end === runEnd) {
    const around = source.slice(block.open.end, start) + source.slice(runEnd, block.close.start);
    if (!/\S/.test(around)) return { kind: 'remove', start: block.open.end, end: block.close.start };
  }
  return { kind: 'remove', start, end: runEnd };
}

function unknownParameter(text: string, start: number, end: number, runEnd: number, entry: ConfigEntry, schema: Schema, source: string): VppDiagnostic {
  const where = entry.param!.key;
  const other = entry.allowed.find((p: StartupParam) => p.key.split(' ')[0] === text && p.releases && !p.releases.includes(schema.release));
  if (other) {
    return diagnostic('vpp.not-in-release', `\`${text}\` is not a parameter of \`${where}\` in VPP ${schema.release}; it exists in ${releaseList(other.releases!)}.`, start, end, [
      removal(start, runEnd, entry, source),
    ]);
  }
  const keys = () => new Set(entry.allowed.filter((p) => !p.releases || p.releases.includes(schema.release)).map((p) => p.key.split(' ')[0]).filter((k) => k !== '*'));
  const guesses = suggestRemembered(schema, where, text, keys);
  // a word VPP reads only right after another (`on nitems`, `enable-tcp-udp-checksum enable-outer-checksum-offload`)
  const within = entry.allowed.filter((p) => p.key.split(' ').indexOf(text) > 0 && inRelease(p.releases, schema.release)).map((p) => p.key);
  const hint = within.length ? ` VPP reads \`${text}\` only in ${list(within)}.` : guesses.length ? ` Did you mean ${list(guesses)}?` : '';
  const fixes: VppDiagnostic['fixes'] = guesses.length ? [{ kind: 'replace', candidates: guesses }] : [];
  fixes.push(removal(start, runEnd, entry, source));
  return diagnostic('vpp.unknown-parameter', `\`${where}\` does not accept \`${text}\`; VPP stops with "unknown input".${hint}`, start, end, fixes);
}
