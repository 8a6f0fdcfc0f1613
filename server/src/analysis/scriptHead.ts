import { DEFAULT_MAX_FILE_SIZE, type Analysis, type AnalyzeOptions } from './analyze';
import { ScriptDocument, segmentEndAfter } from './scriptDocument';

/**
 * A large script's first lines, analysed on their own so that the top of the file (what an editor
 * shows on open) has its findings at once while the whole file is read in steps. A script runs in
 * order: a line's findings depend on the lines above it, not below, with the exceptions that
 * `headCut` and `settledBefore` rule out and `reachesForward` (features/headDiagnostics.ts) drops.
 */
export interface ScriptHead {
  readonly analysis: Analysis;
  /** Findings that end at or before this offset are those of the whole script. */
  readonly settled: number;
}

/** About how much of a large script is read first: ~430 lines of a generated script, several screens. */
export const HEAD_CHARS = 16 * 1024;

/** Scripts from this size on (~5,000 lines) get their head's findings first; a smaller one is read whole in ~100 ms. */
export const HEAD_FIRST_SIZE = 12 * HEAD_CHARS;

/**
 * Where the head of `text` ends (the end of a logical line), or undefined when the script is read
 * whole first: too small, too large to be read at all, no line end near `HEAD_CHARS`, or a directive
 * below the head that reaches back into it (the release comment, `# vpp-lint: disable-file`).
 */
export function headCut(text: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): number | undefined {
  if (text.length < HEAD_FIRST_SIZE || text.length > maxFileSize) return undefined;
  const nl = text.indexOf('\n', HEAD_CHARS);
  if (nl < 0) return undefined;
  const cut = segmentEndAfter(text, nl);
  if (cut > 3 * HEAD_CHARS) return undefined;
  if (text.indexOf('vpp-version', cut) >= 0 || text.indexOf('disable-file', cut) >= 0) return undefined;
  return cut;
}

/** The head of a large script, analysed as a script of its own; undefined as `headCut` says. */
export function analyzeHead(text: string, options: AnalyzeOptions): ScriptHead | undefined {
  if (options.language !== 'cli') return undefined;
  const cut = headCut(text, options.maxFileSize);
  if (cut === undefined) return undefined;
  const head = new ScriptDocument(options);
  const analysis = head.reset(text.slice(0, cut));
  const settled = head.settledBefore();
  if (settled === cut) return { analysis, settled };
  // A `{` left open: the lines from it on may be one block in the whole script, and a line above it
  // must not read a name they create. Read again without them (a line only reads the lines above it).
  if (settled === 0) return undefined;
  return { analysis: head.reset(text.slice(0, settled)), settled };
}
