import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type Analysis } from '../server/src/analysis/analyze';
import type { Language } from '../server/src/analysis/analyze';
import { computeCompletion } from '../server/src/features/completion';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { computeDocumentSymbols } from '../server/src/features/symbols';
import { computeFoldingRanges } from '../server/src/features/folding';
import { computeHover } from '../server/src/features/hover';
import { computeSemanticTokens } from '../server/src/features/semanticTokens';
import { computeSignatureHelp } from '../server/src/features/signatureHelp';
import { corpusFiles, FUZZ_SEED, mutation } from './fuzzSupport';

/**
 * Work grows linearly with the input: a word of `$($($(...`, a megabyte word, deep nesting, a
 * mutated corpus file repeated. Each is measured at a size where it takes long enough to time, and
 * at four times that size; a linear pass takes about four times as long, a quadratic one sixteen.
 * The bound is a ratio, so a slow machine does not fail it.
 */

/** The analysis and every feature that walks the document or the word at the cursor. */
function work(text: string, language: Language): void {
  const analysis: Analysis = analyze(text, { language });
  computeDiagnostics(analysis);
  const middle = analysis.lines.positionAt(text.length >> 1);
  computeHover(analysis, middle, true);
  computeCompletion(analysis, middle, { snippetSupport: true, markdown: true });
  computeSignatureHelp(analysis, middle);
  computeSemanticTokens(analysis);
  computeFoldingRanges(analysis);
  computeDocumentSymbols(analysis);
}

/** The fastest of three runs, in milliseconds (the others paid for a collection or a neighbour). */
function timeOf(text: string, language: Language): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    work(text, language);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Below this the timer and the collector decide the figure, not the work. */
const MEASURABLE_MS = 50;
/** Timer noise allowed on top of the ratio. */
const SLACK_MS = 20;
/** Sizes stay within `vpp.maxFileSize` (5,000,000), so that every character is analysed. */
const LARGEST = 4_800_000;

/**
 * Grows `make(n)` until it takes measurable time, then checks that four times the size costs at most
 * ten times as much (a quadratic pass: sixteen). A machine shared with other work can slow one
 * measurement down, so a failed check is measured once more; a quadratic pass fails both.
 */
function assertLinear(make: (size: number) => string, language: Language, what: string): void {
  work(make(1000), language); // compiled before anything is timed
  let size = 4000;
  let base = timeOf(make(size), language);
  while (base < MEASURABLE_MS && size * 8 <= LARGEST) {
    size *= 2;
    base = timeOf(make(size), language);
  }
  const bigText = make(size * 4);
  let big = timeOf(bigText, language);
  if (big > 10 * base + SLACK_MS) {
    base = timeOf(make(size), language);
    big = timeOf(bigText, language);
  }
  assert.ok(big <= 10 * base + SLACK_MS, `${what} (${language}): ${base.toFixed(1)} ms at ${make(size).length} characters, ${big.toFixed(1)} ms at four times that`);
}

/** `unit` repeated to about `size` characters, on one line after `prefix`. */
const word = (prefix: string, unit: string) => (size: number) => `${prefix}${unit.repeat(Math.max(1, Math.floor(size / unit.length)))}\n`;

const PATHOLOGICAL: { what: string; make: (size: number) => string }[] = [
  { what: 'a word of `$(` chains', make: word('set interface state ', '$(') },
  { what: 'a word of `${` chains', make: word('set interface state ', '${') },
  { what: 'a word of `$(a$(b${c{{d` chains', make: word('create tap ', '$(a$(b${c{{d') },
  { what: 'a `{{` template chain', make: word('create tap ', '{{ x }') },
  { what: 'a `{%` template opened and never closed', make: word('create tap {%', '%') },
  { what: 'a megabyte word', make: word('create tap ', 'abcdefgh') },
  { what: 'a megabyte value', make: word('create tap host-if-name ', 'x') },
  { what: 'a megabyte command word', make: word('', 'q') },
  { what: 'deep nesting', make: word('', '{') },
  { what: 'closing braces', make: word('', '}') },
  { what: 'nesting closed again', make: (size) => `${'{'.repeat(size >> 1)}${'}'.repeat(size >> 1)}\n` },
  { what: 'many short lines', make: word('', 'show interface\n') },
  { what: 'continued lines', make: word('create tap ', 'id 1 \\\n') },
];

describe('analysis time grows linearly with the input', function () {
  this.timeout(300_000);

  for (const language of ['cli', 'startup'] as const) {
    for (const c of PATHOLOGICAL) {
      it(`${c.what} (${language})`, () => assertLinear(c.make, language, c.what));
    }
  }

  it('a section VPP refuses, repeated 80,000 times (startup)', () => {
    // each refused section looked for its replacement among all the sections: 9 s at 40,000 lines
    const analysed = (lines: number) => {
      const text = 'heapsize 1G\n'.repeat(lines);
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 2; i++) {
        const t = performance.now();
        analyze(text, { language: 'startup' });
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    analysed(100);
    const small = analysed(5000);
    const big = analysed(80_000);
    // sixteen times the lines: linear is about 16 times as long, quadratic 256
    assert.ok(big <= 48 * small + SLACK_MS, `${small.toFixed(0)} ms at 5,000 lines, ${big.toFixed(0)} ms at 80,000`);
  });

  it('mutated corpus files, repeated', () => {
    const files = corpusFiles();
    assert.ok(files.length > 0, 'the corpus (../shared/corpus) is missing');
    fc.assert(
      fc.property(
        fc.constantFrom(...files).chain((f) => mutation(f.text).map((text) => ({ ...f, text }))),
        (f) => {
          const unit = f.text.endsWith('\n') ? f.text : `${f.text}\n`;
          assertLinear((size) => unit.repeat(Math.max(1, Math.round(size / unit.length))), f.language, `${f.name}, mutated`);
        },
      ),
      { seed: FUZZ_SEED, numRuns: 6 },
    );
  });
});
