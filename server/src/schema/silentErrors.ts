import silentErrors from './data/silent-errors.json';

/**
 * Commands whose errors VPP does not show (data/silent-errors.json, from VPP's recorded answers by
 * tools/vpp-referee/silent-errors.ts): the command above them runs on what is left of the line
 * and its verdict, an acceptance, replaces theirs.
 */
export interface SilentErrors {
  parent: string;
  /** A line VPP accepted although the command refuses it. */
  line: string;
  releases: string[];
}

const byPath = new Map<string, SilentErrors>((silentErrors as (SilentErrors & { path: string })[]).map(({ path, ...rest }) => [path, rest]));

export function silentErrorsOf(path: string): SilentErrors | undefined {
  return byPath.get(path);
}
