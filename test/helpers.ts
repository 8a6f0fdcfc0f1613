import { analyze, type Analysis, type Language } from '../server/src/analysis/analyze';
import type { VppRelease } from '../server/src/schema/types';

/** Splits a fixture with a `|` cursor marker into its text and the cursor offset. */
export function withCursor(fixture: string): { text: string; offset: number } {
  const offset = fixture.indexOf('|');
  if (offset < 0) throw new Error(`fixture has no | cursor: ${fixture}`);
  return { text: fixture.slice(0, offset) + fixture.slice(offset + 1), offset };
}

export function analyzeScript(text: string, release?: VppRelease): Analysis {
  return analyze(text, { language: 'cli', release });
}

export function analyzeStartup(text: string, release?: VppRelease): Analysis {
  return analyze(text, { language: 'startup', release });
}

export function analyzeAs(language: Language, text: string, release?: VppRelease): Analysis {
  return analyze(text, { language, release });
}

/** The diagnostics of an analysis as `code text-of-range` strings, easy to compare. */
export function findings(a: Analysis): string[] {
  return a.diagnostics.map((d) => `${d.code} ${a.text.slice(d.start, d.end)}`);
}

export function codes(a: Analysis): string[] {
  return a.diagnostics.map((d) => d.code);
}

/** The errors of one script line, as the text each covers, or [] when we pass it. */
export function errorsOn(line: string, release: VppRelease = '26.06'): string[] {
  return analyze(line, { language: 'cli', release })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => line.slice(d.start, d.end));
}
