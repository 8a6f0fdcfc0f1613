/**
 * Shared building blocks for the startup.conf schema: value shapes and release ranges used by
 * several sections. Everything here is our own description of how VPP reads its startup file.
 */
import { RELEASES, type Releases, type ValueSpec, type VppRelease } from '../types';

/** Releases from `first` (inclusive) to the newest we model. */
export function from(first: VppRelease): Releases {
  return RELEASES.slice(RELEASES.indexOf(first));
}

/** Releases from the oldest we model up to `last` (inclusive). */
export function until(last: VppRelease): Releases {
  return RELEASES.slice(0, RELEASES.indexOf(last) + 1);
}

/** Releases from `first` up to `last` (both inclusive). */
export function between(first: VppRelease, last: VppRelease): Releases {
  return RELEASES.slice(RELEASES.indexOf(first), RELEASES.indexOf(last) + 1);
}

export const UINT: ValueSpec = { kind: 'uint' };
export const INT: ValueSpec = { kind: 'int' };
export const FLOAT: ValueSpec = { kind: 'float' };
export const HEX: ValueSpec = { kind: 'hex' };
export const STRING: ValueSpec = { kind: 'string' };
export const PATH: ValueSpec = { kind: 'path' };
/** unformat_memory_size: a number with an optional k/K, m/M or g/G suffix. */
export const SIZE: ValueSpec = { kind: 'size' };
/** unformat_bitmap_list: `1-3,5`. */
export const CORELIST: ValueSpec = { kind: 'corelist' };
export const ON_OFF: ValueSpec = { kind: 'enum', values: ['on', 'off'] };

/**
 * unformat_log2_page_size: `default`, `default-hugepage`, or a number that must carry a k/K, m/M
 * or g/G suffix (a bare number is refused). Our value kinds have no such union, so it is typed as
 * a plain word to stay free of false errors.
 */
export const PAGE_SIZE: ValueSpec = { kind: 'string', placeholder: '2M' };

/** unformat_vlib_log_level: the level names VPP knows (note `error` and `warn`, not `err`/`warning`). */
export const LOG_LEVEL: ValueSpec = {
  kind: 'enum',
  values: ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug', 'disabled'],
};

/** Every top-level section may be written more than once: VPP joins the pieces before parsing. */
export const SECTION_REPEATS = true;
