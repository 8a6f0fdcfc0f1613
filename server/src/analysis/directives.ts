import { isRelease, type VppRelease } from '../schema/types';
import type { Token } from '../syntax/tree';

/**
 * Comments that steer the analysis: `# vpp-version: 25.10` picks the release for the file,
 * `# vpp-lint: disable-line <code>...` / `disable-next-line` silence diagnostics on one line and
 * `disable-file` in the whole file. All are ordinary comments to VPP in either language.
 */

const RELEASE_RE = /#\s*vpp-version:\s*(\S+)/;
const SUPPRESS_RE = /#\s*vpp-lint:\s*(disable-line|disable-next-line|disable-file)\b([^\r\n]*)/g;

export interface ReleaseDirective {
  value: string;
  release?: VppRelease;
  start: number;
  end: number;
}

/** Found from the raw text, because the release decides how startup.conf is lexed. */
export function findReleaseDirective(text: string): ReleaseDirective | undefined {
  const hash = text.indexOf('vpp-version');
  if (hash < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', hash) + 1;
  const lineEnd = text.indexOf('\n', hash);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const m = RELEASE_RE.exec(line);
  if (!m) return undefined;
  const value = m[1];
  const start = lineStart + m.index + m[0].length - value.length;
  return { value, release: isRelease(value) ? value : undefined, start, end: start + value.length };
}

/** The `line` of a suppression that applies to every line (`disable-file`). */
export const WHOLE_FILE = -1;

export interface Suppression {
  /** 0-based line the suppression applies to, or WHOLE_FILE. */
  line: number;
  /** Codes to silence; empty means every code. */
  codes: Set<string>;
}

/** What one comment asks: for each directive in it, whether it is for the next line, and the codes. */
export interface SuppressionRequest {
  readonly nextLine: boolean;
  readonly wholeFile?: boolean;
  readonly codes: Set<string>;
}

export function suppressionRequests(comment: string): SuppressionRequest[] {
  const out: SuppressionRequest[] = [];
  if (!comment.includes('vpp-lint')) return out;
  for (const m of comment.matchAll(SUPPRESS_RE)) {
    const codes = new Set(
      m[2]
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((code) => (code.startsWith('vpp.') ? code : `vpp.${code}`)),
    );
    out.push({ nextLine: m[1] === 'disable-next-line', wholeFile: m[1] === 'disable-file', codes });
  }
  return out;
}

export function findSuppressions(comments: readonly Token[], lineOf: (offset: number) => number, requestsOf = (c: Token) => suppressionRequests(c.text)): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    const requests = requestsOf(c);
    if (requests.length === 0) continue;
    const line = lineOf(c.start);
    for (const r of requests) out.push({ line: r.wholeFile ? WHOLE_FILE : line + (r.nextLine ? 1 : 0), codes: r.codes });
  }
  return out;
}
