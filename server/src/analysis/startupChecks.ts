import { pluginDisabledByDefault, releasesOfSection, type Schema } from '../schema/index';
import type { StartupParam } from '../schema/types';
import { isGroup, type Token } from '../syntax/tree';
import { releaseList } from './cliChecks';
import { codeList as list, diagnostic, type FixData, type VppDiagnostic } from './diagnostic';
import { checkValueMatches } from './valueChecks';
import { pluginSwitches, type ConfigEntry, type StartupModel } from './startupModel';
import { suggest } from './suggest';


/**
 * `heapsize 1G` as `memory { main-heap-size 1G }`: only for a single valid value, in a release
 * that has the replacement, and when the file has no such section yet (two would leave VPP to pick).
 */
function rewriteFatal(section: ConfigEntry, model: StartupModel, schema: Schema): FixData | undefined {
  const replacement = section.param?.fatal?.replacement;
  const value = section.values.length === 1 && !section.values[0].problem ? section.values[0].token : undefined;
  if (!replacement || !value || section.block || section.key.length !== 1 || !schema.sectionByKey.has(replacement.section)) return undefined;
  if (model.sections.some((s) => s.param?.key === replacement.section)) return undefined;
  const text = `${replacement.section} { ${replacement.param} ${value.text} }`;
  return { kind: 'rewrite', start: section.start, end: section.end, text, label: `Change to \`${text}\`` };
}

export function checkStartup(model: StartupModel, schema: Schema): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  for (const stray of model.strays) {
    const item = stray.item;
    if (stray.reason === 'group-without-name') {
      out.push(diagnostic('vpp.syntax', 'A `{ }` block needs a section name before it, as in `unix { ... }`.', item.start, isGroup(item) ? item.open.end : item.end));
      continue;
    }
    const word = item as Token;
    if (stray.reason === 'missing-value') {
      out.push(diagnostic('vpp.missing-value', `\`${word.text}\` needs a value or a \`{ }\` block; VPP reads startup.conf as \`name value\` pairs.`, word.start, word.end, [
        { kind: 'insert', offset: word.end, text: ' { }', label: 'Add `{ }`' },
      ]));
      continue;
    }
    out.push(unknownSection(word, schema));
  }
  const switches = pluginSwitches(model);
  for (const section of model.sections) {
    const param = section.param!;
    const name = section.key[0];
    if (param.fatal?.releases.includes(schema.release)) {
      const rewrite = rewriteFatal(section, model, schema);
      const remove: FixData = { kind: 'remove', start: section.start, end: section.end };
      out.push(diagnostic('vpp.fatal-in-release', `${param.fatal.message} (VPP ${schema.release}).`, name.start, name.end, rewrite ? [rewrite, remove] : [remove]));
    }
    if (param.plugin && pluginDisabledByDefault(schema, param.plugin) && switches.get(param.plugin) !== true) {
      out.push(
        diagnostic(
          'vpp.plugin-disabled',
          `\`${param.key}\` belongs to the ${param.plugin} plugin, which VPP disables by default; without \`plugins { plugin ${param.plugin}_plugin.so { enable } }\` VPP stops with "unknown input".`,
          name.start,
          name.end,
        ),
      );
    }
    for (const d of checkEntry(section, schema)) out.push(d);
  }
  return out;
}

function unknownSection(word: Token, schema: Schema): VppDiagnostic {
  const elsewhere = releasesOfSection(word.text);
  if (elsewhere.length > 0) {
    return diagnostic('vpp.not-in-release', `Section \`${word.text}\` is not in VPP ${schema.release}; it exists in ${releaseList(elsewhere)}.`, word.start, word.end);
  }
  const guesses = suggest(word.text, schema.sectionByKey.keys());
  const hint = guesses.length ? ` Did you mean ${list(guesses)}?` : '';
  return diagnostic(
    'vpp.unknown-section',
    `Unknown startup.conf section \`${word.text}\`: VPP stops with "unknown input".${hint}`,
    word.start,
    word.end,
    guesses.length ? [{ kind: 'replace', candidates: guesses }] : undefined,
  );
}

function checkEntry(entry: ConfigEntry, schema: Schema): VppDiagnostic[] {
  const out: VppDiagnostic[] = [];
  const param = entry.param!;
  const label = `\`${param.key === '*' ? entry.key.map((k) => k.text).join(' ') : param.key}\``;
  if (param.deprecated) out.push(diagnostic('vpp.deprecated', param.deprecated, entry.key[0]?.start ?? entry.start, entry.key[entry.key.length - 1]?.end ?? entry.end));
  if (entry.depth > 0 && param.fatal?.releases.includes(schema.release)) {
    out.push(diagnostic('vpp.fatal-in-release', `${param.fatal.message} (VPP ${schema.release}).`, entry.start, entry.key[entry.key.length - 1]?.end ?? entry.end));
  }
  out.push(...checkValueMatches(entry.values, label, entry.key[entry.key.length - 1]));
  for (const run of entry.unknown) {
    const item = run.first;
    const text = isGroup(item) ? '{' : item.text;
    const end = isGroup(item) ? item.open.end : item.end;
    out.push(unknownParameter(text, item.start, end, run.items[run.items.length - 1].end, entry, schema));
  }
  for (const child of entry.children) for (const d of checkEntry(child, schema)) out.push(d);
  return out;
}

function unknownParameter(text: string, start: number, end: number, runEnd: number, entry: ConfigEntry, schema: Schema): VppDiagnostic {
  const where = entry.param!.key;
  const other = entry.allowed.find((p: StartupParam) => p.key.split(' ')[0] === text && p.releases && !p.releases.includes(schema.release));
  if (other) {
    return diagnostic('vpp.not-in-release', `\`${text}\` is not a parameter of \`${where}\` in VPP ${schema.release}; it exists in ${releaseList(other.releases!)}.`, start, end, [
      { kind: 'remove', start, end: runEnd },
    ]);
  }
  const keys = entry.allowed.filter((p) => !p.releases || p.releases.includes(schema.release)).map((p) => p.key.split(' ')[0]).filter((k) => k !== '*');
  const guesses = suggest(text, new Set(keys));
  const hint = guesses.length ? ` Did you mean ${list(guesses)}?` : '';
  const fixes: VppDiagnostic['fixes'] = guesses.length ? [{ kind: 'replace', candidates: guesses }] : [];
  fixes.push({ kind: 'remove', start, end: runEnd });
  return diagnostic('vpp.unknown-parameter', `\`${where}\` does not accept \`${text}\`; VPP stops with "unknown input".${hint}`, start, end, fixes);
}
