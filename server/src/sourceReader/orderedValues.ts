import type { ArgSpec } from '../schema/types';
import { ERROR_RETURN, flatten } from './branches';
import { normalizeSpace, type Statement } from './cText';
import { FLIPPED } from './errorConditions';
import { declaredType } from './rangeChecks';

/**
 * A branch that reads two numbers and refuses them out of order right away: nat44-ei's
 * `"port-range %d - %d", &port_start, &port_end` then `if (port_end <= port_start)` "The end-port
 * must be greater than start-port" (VPP 24.10 and 26.06 refused `port-range 1 - 1`). Marks the
 * second number `above` the first. Only one `unformat` with exactly those two numbers, a first statement whose
 * arm always ends in an error, and two variables of one 32-bit type: reading less only loses errors.
 */
export function markOrderedValues(cond: string, body: Statement, args: ArgSpec[], before: readonly Statement[]): void {
  // the same words written together (`1-10`) are a second argument, glued: left alone
  const spaced = args.filter((a) => a.values && !a.values.some((v) => v.glued));
  if (spaced.length !== 1) return;
  const arg = spaced[0];
  const call = /^unformat ?\( ?\w+ ?, ?"([^"]*)" ?, ?& ?(\w+) ?, ?& ?(\w+) ?\)$/.exec(normalizeSpace(cond).replace(/^\((.*)\)$/, '$1'));
  if (!call) return;
  const [, format, first, second] = call;
  const directives = format.match(/%\w*/g) ?? [];
  if (directives.length !== 2 || !directives.every((d) => /^%[du]$/.test(d))) return;
  const numbers = arg.values!.flatMap((v, i) => (v.kind === 'int' || v.kind === 'uint' ? [i] : []));
  if (numbers.length !== 2) return;
  const check = flatten([body])[0];
  if (!check || check.kind !== 'if' || check.else || !endsInError(check.then)) return;
  const cmp = /^\(?\s*(\w+) ?(<=|>=|<|>) ?(\w+)\s*\)?$/.exec(normalizeSpace(check.cond));
  if (!cmp) return;
  // written as `upper OP lower`: the error holds when upper is not above lower
  let [, a, op, b] = cmp;
  if (a !== second) [a, op, b] = [b, FLIPPED[op], a];
  if (a !== second || b !== first || (op !== '<=' && op !== '<')) return;
  const types = [first, second].map((v) => declaredType(v, before));
  if (types[0] !== types[1] || !/^(?:u32|i32|int)$/.test(types[0] ?? '')) return;
  const values = [...arg.values!];
  values[numbers[1]] = { ...values[numbers[1]], above: { index: numbers[0], strict: op === '<=', u32: types[0] === 'u32' } };
  arg.values = values;
}

/** An arm that returns an error, or keeps one and jumps (`error = clib_error_return (...); goto done;`). */
export function endsInError(arm: Statement): boolean {
  const list = flatten([arm]);
  const last = list[list.length - 1];
  if (!last || last.kind !== 'simple') return false;
  const text = normalizeSpace(last.text);
  if (/^return\b/.test(text)) return ERROR_RETURN.test(text);
  const previous = list[list.length - 2];
  return /^goto \w+ ?;$/.test(text) && previous?.kind === 'simple' && /^\w+ ?= ?clib_error_return/.test(normalizeSpace(previous.text)) && list.slice(0, -2).every((s) => !/\b(return|goto|break)\b/.test(s.text));
}
