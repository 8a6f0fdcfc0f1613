import entries from './data/line-input.json';
import type { VppRelease } from './types';

/**
 * The commands whose function reads its arguments with `unformat_user (input, unformat_line_input,
 * line_input)`, per release (tools/extract-line-input.mjs reads them from VPP's source). Such a
 * command reads up to the first newline, and a `\` continuation leaves one in its input: what
 * follows runs as a command of its own. Commands that read `input` directly see the newline as a
 * blank, and a command not listed (VPP's source did not tell us) is taken to be one of those.
 */
interface LineInputEntry {
  readonly path: string;
  readonly function: string;
  readonly file: string;
  /** Absent when the command reads a line in every modelled release. */
  readonly releases?: readonly string[];
}

const byPath = new Map<string, LineInputEntry>((entries as LineInputEntry[]).map((e) => [e.path, e]));

/** Where `path` reads its arguments with unformat_line_input in `release`, if it does. */
export function lineInputReader(path: string, release: VppRelease): LineInputEntry | undefined {
  const entry = byPath.get(path);
  return entry && (!entry.releases || entry.releases.includes(release)) ? entry : undefined;
}
