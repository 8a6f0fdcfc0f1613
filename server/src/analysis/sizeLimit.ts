import type { LineIndex } from '../syntax/lineIndex';
import { diagnostic, type VppDiagnostic } from './diagnostic';

/**
 * A file over `vpp.maxFileSize` is analysed up to the last line break within the limit: the line
 * the limit cuts through is left out whole, so that its first half does not get findings (`show`
 * is not a complete command) that the file does not deserve. A first line longer than the limit
 * leaves nothing to analyse.
 */
export function analysedPart(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return text.slice(0, text.lastIndexOf('\n', limit - 1) + 1);
}

/** The notice on the first line of a file over the limit. */
export function fileTooLarge(text: string, limit: number, analysed: number, lines: LineIndex): VppDiagnostic {
  return diagnostic(
    'vpp.file-too-large',
    `This file has ${text.length} characters, over the limit of ${limit} (setting \`vpp.maxFileSize\`): only the first ${analysed} (the whole lines within the limit) are analysed.`,
    0,
    Math.min(text.length, lines.lineEnd(0)),
  );
}
