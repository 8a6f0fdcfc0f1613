import type { ReadCommandArgs } from '../schema/types';
import type { Statement } from './cText';
import { endsInError } from './orderedValues';
import { rangeArgs, readRange, withRanges, type Range } from './rangeChecks';
import type { RequiredRead } from './sequence';

/**
 * Bounds a command that reads its words in sequence checks right after its last read, for every line
 * that got there: `if (!unformat (line_input, "%d", &log_level)) ...; if (log_level > NAT_LOG_DEBUG)
 * error` (snat_set_log_level_command_fn): VPP 26.06 refused `nat set logging level -1` ("unknown logging
 * level '-1'"), as `-1` read with `%d` into a u32 wraps above the constant. Only checks whose arm always
 * ends in an error, up to the first other statement; only values of reads whose failure is an error.
 */
export function withSequenceRanges(result: ReadCommandArgs, flat: readonly Statement[], reads: readonly Statement[], requiredReads: readonly RequiredRead[]): ReadCommandArgs {
  if (!result.strict || result.order !== 'sequence' || reads.length === 0 || requiredReads.length === 0) return result;
  const ranges: Range[] = [];
  for (const s of flat.slice(flat.indexOf(reads[reads.length - 1]) + 1)) {
    if (s.kind !== 'if' || s.else || !endsInError(s.then)) break;
    const range = readRange(s.cond);
    if (range) ranges.push(range);
  }
  const bounds = rangeArgs(ranges, flat, requiredReads);
  return bounds.length ? { ...result, args: withRanges(result.args, bounds) } : result;
}
