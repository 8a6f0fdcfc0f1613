import type { ParameterInformation, SignatureHelp } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { matchArgs, type ArgMatch } from '../analysis/args';
import { paramPatterns } from '../analysis/startupModel';
import { inRelease } from '../schema/index';
import type { StartupParam } from '../schema/types';
import type { Item, Token } from '../syntax/tree';
import { startupCursor } from './cursor';
import type { SignatureMoment } from './signatureHelp';
import { entryForGroups, paramUsage, paramUsageParts } from './startupDocs';

/**
 * Signature help in startup.conf: while the values of a section or parameter are written
 * (`main-heap-size |`, `dev |`, `heapsize |`), its usage with the value under the cursor active;
 * asked for anywhere else inside a block, the parameters that block accepts.
 */
export function startupSignature(analysis: Analysis, offset: number, moment: SignatureMoment): SignatureHelp | null {
  const cursor = startupCursor(analysis, offset);
  if (!cursor) return null;
  const schema = analysis.schema;
  const entry = cursor.groups.length ? entryForGroups(analysis.startup, cursor.groups) : undefined;
  const params = cursor.groups.length ? entry?.param?.block : schema.sections;
  if (!params) return null;
  const items: Item[] = [...cursor.levels[cursor.levels.length - 1]];
  if (cursor.replaceEnd > cursor.replaceStart) {
    const word: Token = { kind: 'word', text: analysis.text.slice(cursor.replaceStart, cursor.replaceEnd), start: cursor.replaceStart, end: cursor.replaceEnd };
    items.push(word);
  }
  const { matches } = matchArgs(items, paramPatterns(params, schema.release));
  const writing = valuesUnderCursor(matches, items, offset);
  if (writing) return valueSignature(writing, offset);
  if (moment !== 'asked' || !entry?.param) return null;
  return blockSignature(entry.param.key, params.filter((p) => p.key !== '*' && inRelease(p.releases, schema.release)));
}

/** The match whose values the cursor is in, or whose next value is due at the cursor. */
function valuesUnderCursor(matches: readonly ArgMatch<StartupParam>[], items: readonly Item[], offset: number): ArgMatch<StartupParam> | undefined {
  const before = matches.filter((m) => m.keyword.length > 0 && m.keyword[m.keyword.length - 1].end < offset);
  const m = before[before.length - 1];
  if (!m || m.values.length === 0 || (m.block && m.block.start < offset)) return undefined;
  if (offset <= m.end) return m;
  const due = m.values.some((v) => v.problem === 'missing');
  const between = items.some((i) => i.start >= m.end && i.start < offset);
  return due && !between ? m : undefined;
}

function valueSignature(m: ArgMatch<StartupParam>, offset: number): SignatureHelp {
  const param = m.pattern.spec;
  const usage = paramUsage(param);
  const { key, values } = paramUsageParts(param);
  const parameters: ParameterInformation[] = [];
  let at = key.length + 1;
  values.forEach((word, i) => {
    const placeholder = param.values?.[i].placeholder;
    parameters.push({ label: [at, at + word.length], documentation: placeholder ? `e.g. ${placeholder}` : undefined });
    at += word.length + 1;
  });
  let active = m.values.findIndex((v) => v.token && v.token.start <= offset && offset <= v.token.end);
  if (active < 0) active = Math.max(m.values.findIndex((v) => v.problem === 'missing'), 0);
  return { signatures: [{ label: usage, documentation: param.doc, parameters, activeParameter: active }], activeSignature: 0, activeParameter: active };
}

function blockSignature(key: string, params: readonly StartupParam[]): SignatureHelp {
  let label = `${key} {`;
  const parameters: ParameterInformation[] = [];
  params.forEach((p, i) => {
    const usage = paramUsage(p);
    label += i === 0 ? ' ' : ' | ';
    parameters.push({ label: [label.length, label.length + usage.length], documentation: p.doc });
    label += usage;
  });
  label += ' }';
  return { signatures: [{ label, parameters }], activeSignature: 0 };
}
