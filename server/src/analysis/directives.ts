import { isRelease, type VppRelease } from '../schema/types';
import type { Token } from '../syntax/tree';

/**
 * Comments that steer the analysis: `# vpp-version: 25.10` picks the release for the file and
 * `# vpp-lint: disable-line <code>...` / `disable-next-line` silence diagnostics on one line.
 * Both are ordinary comments to VPP in either language.
 */

const RELEASE_RE = /#\s*vpp-version:\s*(\S+)/;
const SUPPRESS_RE = /#\s*vpp-lint:\s*(disable-line|disable-next-line)\b([^\r\n]*)/g;

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

export interface Suppression {
  /** 0-based line the suppression applies to. */
  line: number;
  /** Codes to silence; empty means every code. */
  codes: Set<string>;
}

export function findSuppressions(comments: readonly Token[], lineOf: (offset: number) => number): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    if (!c.text.includes('vpp-lint')) continue;
    for (const m of c.text.matchAll(SUPPRESS_RE)) {
      const codes = new Set(
        m[2]
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((code) => (code.startsWith('vpp.') ? code : `vpp.${code}`)),
      );
      const line = lineOf(c.start) + (m[1] === 'disable-next-line' ? 1 : 0);
      out.push({ line, codes });
    }
  }
  return out;
}
