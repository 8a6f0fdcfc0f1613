import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Language } from '../server/src/analysis/analyze';
import { computeCodeActions } from '../server/src/features/codeActions';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { corpusFiles, FUZZ_SEED, mutation } from './fuzzSupport';

/**
 * Every fix we offer fixes: applied to a corpus file (or a mutation of one), the diagnostic it
 * targets is gone, and an insertion or removal adds no error that was not there before.
 */

const URI = 'file:///work/fix';

function errorCodes(text: string, language: Language): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of computeDiagnostics(analyze(text, { language }))) if (d.severity === 1) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

function checkEveryFix(text: string, language: Language, name: string): number {
  const analysis = analyze(text, { language });
  const diagnostics = computeDiagnostics(analysis);
  const before = errorCodes(text, language);
  let applied = 0;
  for (const d of diagnostics) {
    const actions = computeCodeActions(analysis, URI, [d]);
    const renames = actions.some((a) => a.title.startsWith('Change to'));
    for (const action of actions) {
      const edits = action.edit!.changes![URI];
      const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'x', 1, text), edits);
      const after = computeDiagnostics(analyze(fixed, { language }));
      const what = `${name}: "${action.title}" for ${d.code} at line ${d.range.start.line + 1}`;
      // the finding it targets is gone: no finding of its code starts where the edit was
      const at = edits[0].range.start;
      assert.ok(!after.some((x) => x.code === d.code && x.message === d.message && x.range.start.line === at.line), `${what} left the diagnostic`);
      // a did-you-mean names another section or option, whose own contents are then checked
      // against it: new findings there are that word's, not the edit's; other fixes add no error
      // (a "Fix all" of such renames too)
      if (action.title.startsWith('Change to') || (renames && action.title.startsWith('Fix all'))) continue;
      const now = errorCodes(fixed, language);
      for (const [code, n] of now) if (code !== d.code) assert.ok(n <= (before.get(code) ?? 0), `${what} added ${code}`);
      applied++;
    }
  }
  return applied;
}

describe('every offered fix fixes', function () {
  this.timeout(120_000);

  it('on the corpus files', () => {
    const files = corpusFiles();
    assert.ok(files.length > 0, 'the corpus (../shared/corpus) is missing');
    let applied = 0;
    for (const f of files) applied += checkEveryFix(f.text, f.language, f.name);
    assert.ok(applied > 0, 'some fixes were offered');
  });

  it('on mutations of the corpus files', () => {
    const files = corpusFiles();
    fc.assert(
      fc.property(fc.constantFrom(...files).chain((f) => mutation(f.text).map((text) => ({ ...f, text }))), (f) => {
        checkEveryFix(f.text, f.language, `${f.name}, mutated`);
      }),
      { seed: FUZZ_SEED, numRuns: 40 },
    );
  });

  it('a CRLF script block gets no "Join" fix that VPP would not read as a continuation', () => {
    const text = 'packet-generator new {\r\n  name pg0\r\n}\r\n';
    const analysis = analyze(text, { language: 'cli' });
    const d = computeDiagnostics(analysis).find((x) => x.code === 'vpp.unclosed-brace')!;
    assert.match(d.message, /CRLF/);
    assert.deepEqual(computeCodeActions(analysis, URI, [d]).map((a) => a.title), ['Disable `vpp.unclosed-brace` for this line']);
  });
});
