import { flatten } from './branches';
import { normalizeSpace, parseStatements, type Statement } from './cText';
import type { CFunction } from './registrations';

/**
 * Members of a global the command reads a value into (`"uri %s", &hcm->uri` of `hcc_main_t *hcm =
 * &hcc_main;`) that it frees or zeroes on its one way out, directly or in a helper of the file
 * (`done: hcc_cleanup (); ... return err;`, hs_apps/http_client_cli.c): each run then starts with
 * them 0, so `if (!hcm->uri)` after the loop means "no `uri` given" (VPP 24.10: "http cli client:
 * URI not defined"). A member is left out unless every way out after the loop begins passes that
 * label, the function sets nothing of it before the loop, and no other function of the file writes
 * it other than to reset it.
 */
export function membersResetOnExit(before: readonly Statement[], fromLoop: readonly Statement[], functions: ReadonlyMap<string, CFunction> | undefined, ownBody: string): Set<string> {
  const out = new Set<string>();
  const globals = pointersToGlobals(before.map((s) => s.text).join('\n'));
  if (globals.size === 0) return out;
  // the last statement returns; the code from a label before it to that return is the way out
  const list = flatten([...fromLoop]);
  const last = list[list.length - 1];
  if (!last || last.kind !== 'simple' || !/^return\b/.test(normalizeSpace(last.text))) return out;
  const labelAt = list.findIndex((s) => s.kind === 'simple' && /^[A-Za-z_]\w*\s*:$/.test(s.text.trim()));
  if (labelAt < 0) return out;
  const label = list[labelAt].text.trim().replace(/\s*:$/, '');
  const exit = list.slice(labelAt + 1);
  // one label only, nothing after it but simple statements, and no way out before it but `goto label`
  if (exit.some((s) => s.kind !== 'simple' || /^[A-Za-z_]\w*\s*:$/.test(s.text.trim()))) return out;
  if (exit.slice(0, -1).some((s) => /\b(return|goto|break|continue)\b/.test(s.text))) return out;
  const leading = list.slice(0, labelAt).map((s) => s.text).join('\n');
  if (/\breturn\b/.test(leading)) return out;
  for (const m of leading.matchAll(/\bgoto\s+(\w+)\s*;/g)) if (m[1] !== label) return out;
  const exitText = exit.map((s) => s.text).join('\n');
  for (const [pointer, global] of globals) {
    for (const member of resetMembers(exitText, pointer)) out.add(`${pointer}->${member}`);
    // `hcc_cleanup ();`: a helper of the file that resets the same global's members
    for (const call of exitText.matchAll(/\b([A-Za-z_]\w*)\s*\(\s*\)\s*;/g)) {
      const helper = functions?.get(call[1]);
      if (!helper) continue;
      for (const [p, g] of pointersToGlobals(helper.body)) if (g === global) for (const member of resetMembers(topLevel(helper.body), p)) out.add(`${pointer}->${member}`);
    }
  }
  const setBefore = before.map((s) => s.text).join('\n');
  return new Set(
    [...out].filter((v) => {
      const [pointer, member] = v.split('->');
      if (new RegExp(`\\b${pointer}\\s*->\\s*${member}\\b`).test(setBefore)) return false;
      const global = globals.get(pointer)!;
      return ![...(functions?.values() ?? [])].some((f) => f.body !== ownBody && writesElsewhere(f.body, global, member));
    }),
  );
}

/** `hcc_main_t *hcm = &hcc_main;`: the pointers a body declares to a global, with the global's name. */
function pointersToGlobals(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\b[A-Za-z_]\w*\s*\*\s*([A-Za-z_]\w*)\s*=\s*&\s*([A-Za-z_]\w*)\s*[;,]/g)) out.set(m[1], m[2]);
  return out;
}

/** The members `vec_free (p->m);` or `p->m = 0;` resets in some text. */
function resetMembers(text: string, pointer: string): string[] {
  const freed = [...text.matchAll(new RegExp(`\\bvec_free\\s*\\(\\s*${pointer}\\s*->\\s*(\\w+)\\s*\\)\\s*;`, 'g'))].map((m) => m[1]);
  const zeroed = [...text.matchAll(new RegExp(`(?<![\\w.>])${pointer}\\s*->\\s*(\\w+)\\s*=\\s*(?:0|NULL)\\s*;`, 'g'))].map((m) => m[1]);
  return [...freed, ...zeroed];
}

/** The statements of a body that always run (not under an if or a loop), as text. */
function topLevel(body: string): string {
  const statements = parseStatements(body);
  return statements ? flatten(statements).filter((s) => s.kind === 'simple').map((s) => s.text).join('\n') : '';
}

/** Whether a function writes `member` of `global` through a pointer to it, other than to reset it. */
function writesElsewhere(body: string, global: string, member: string): boolean {
  for (const [pointer, g] of pointersToGlobals(body)) {
    if (g !== global) continue;
    const writes = [...body.matchAll(new RegExp(`(?:&\\s*${pointer}\\s*->\\s*${member}\\b|(?<![\\w.>])${pointer}\\s*->\\s*${member}\\s*(?:=[^=]|\\+\\+|--|[-+|&]=))`, 'g'))].length;
    if (writes > resetMembers(body, pointer).filter((m) => m === member).length) return true;
  }
  if (new RegExp(`\\b${global}\\s*\\.\\s*${member}\\s*(?:=[^=]|\\+\\+|--|[-+|&]=)`).test(body)) return true;
  return false;
}
