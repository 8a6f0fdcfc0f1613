import { splitTopLevel } from './cText';

/**
 * The enums a C file defines (`typedef enum { SPAN_DISABLE = 0, SPAN_RX = 1, SPAN_TX = 2, SPAN_BOTH =
 * SPAN_RX | SPAN_TX } span_state_t;`, span.c): each member's value, and each typedef's largest
 * member, so that a check after the loop on a variable of that type can be evaluated (`state >
 * SPAN_BOTH` never holds). A member whose value this cannot work out ends what is known of its enum.
 */
export interface EnumConstants {
  value(name: string): number | undefined;
  /** The largest member of an enum typedef, when every member's value is known. */
  largest(type: string): number | undefined;
  /** A number the file names with `#define` (`#define DEFAULT_MAX_MSG_SIZE 480`, syslog.c). */
  defined(name: string): number | undefined;
}

export const NO_ENUMS: EnumConstants = { value: () => undefined, largest: () => undefined, defined: () => undefined };

export function readEnums(code: string): EnumConstants {
  const values = new Map<string, number>();
  const largest = new Map<string, number>();
  for (const m of code.matchAll(/\benum\s*\w*\s*\{([^{}]*)\}\s*(\w*)\s*;/g)) {
    let next = 0;
    let complete = true;
    const members: number[] = [];
    for (const part of splitTopLevel(m[1])) {
      const member = /^\s*([A-Za-z_]\w*)\s*(?:=\s*([\s\S]+?))?\s*$/.exec(part);
      if (!member) {
        if (part.trim()) complete = false;
        continue;
      }
      const value = member[2] === undefined ? next : evaluate(member[2], values);
      if (value === undefined) {
        complete = false;
        break;
      }
      values.set(member[1], value);
      members.push(value);
      next = value + 1;
    }
    if (m[2] && complete && members.length) largest.set(m[2], Math.max(...members));
  }
  // a name defined twice (under `#if`) has no one value
  const defines = new Map<string, number | undefined>();
  for (const m of code.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Z][A-Z0-9_]*)[ \t]+([^\n\\]+?)[ \t]*$/gm)) {
    defines.set(m[1], defines.has(m[1]) ? undefined : evaluate(m[2], new Map()));
  }
  return { value: (name) => values.get(name), largest: (type) => largest.get(type), defined: (name) => defines.get(name) };
}

/** A member's value: a number, an earlier member, and `|`, `+` and `<<` of those. */
function evaluate(text: string, values: ReadonlyMap<string, number>): number | undefined {
  const t = text.trim().replace(/^\((.*)\)$/, '$1').trim();
  if (/^\d+[uUlL]*$/.test(t)) return Number.parseInt(t, 10);
  if (/^0x[0-9a-fA-F]+[uUlL]*$/.test(t)) return Number.parseInt(t, 16);
  if (/^[A-Za-z_]\w*$/.test(t)) return values.get(t);
  for (const op of ['|', '+', '<<'] as const) {
    const parts = t.split(op === '|' ? /\|/ : op === '+' ? /\+/ : /<</);
    if (parts.length < 2) continue;
    const read = parts.map((p) => evaluate(p, values));
    if (read.some((x) => x === undefined)) return undefined;
    const nums = read as number[];
    if (op === '|') return nums.reduce((a, b) => a | b);
    if (op === '+') return nums.reduce((a, b) => a + b);
    return nums.length === 2 && nums[1] < 31 ? nums[0] << nums[1] : undefined;
  }
  return undefined;
}
