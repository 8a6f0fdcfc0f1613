import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../server/src/analysis/analyze';
import { interfaceModel } from '../server/src/analysis/interfaceModel';
import { ScriptDocument, type TextChange } from '../server/src/analysis/scriptDocument';
import { AnalysisCache } from '../server/src/documents';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { parse } from '../server/src/syntax/parser';
import { corpusFiles, settings, treeView, vppText } from './fuzzSupport';

/** Everything an analysis concludes, as plain data, to compare an updated analysis with a fresh one. */
function analysisView(a: Analysis): string {
  const model = interfaceModel(a);
  return JSON.stringify({
    diagnostics: a.diagnostics,
    release: a.release,
    scriptRuns: a.scriptRuns.map((t) => [t.text, t.start, t.end]),
    suppressions: a.suppressions.map((s) => [s.line, [...s.codes]]),
    tree: treeView(a.tree),
    commands: a.commands.map((c) => [c.kind, c.node.path, c.args.length, c.leftoverOf, c.match?.matches.map((m) => [m.pattern.spec.name, m.start, m.end]), c.match?.unknown.length]),
    definitions: model.definitions.map((d) => [d.name, d.space, d.start, d.end, d.nameStart, d.nameEnd, d.deletedAt, d.clashesWith?.index, d.owner?.index]),
    references: model.references.map((r) => [r.name, r.start, r.end, r.definition?.index, r.certain, r.partial]),
  });
}

/** Applies `edits` to `text` one after the other, as an editor sends them. */
function applyEdits(text: string, edits: readonly { at: number; length: number; text: string }[]): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  for (const e of edits) {
    const start = e.at % (text.length + 1);
    const end = Math.min(text.length, start + e.length);
    text = text.slice(0, start) + e.text + text.slice(end);
    changes.push({ start, end, text: e.text, after: text });
  }
  return { text, changes };
}

const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 30 }), text: fc.oneof(vppText, fc.constantFrom('', '\n', '\\', '\\\n', '{', '}', 'x', '# vpp-version: 24.10\n', 'create loopback interface\n')) });

describe('incremental script analysis', () => {
  it('parses a script line by line into the same tree as the whole-document parse', () => {
    fc.assert(
      fc.property(vppText, (text) => {
        assert.equal(treeView(analyze(text, { language: 'cli' }).tree), treeView(parse(text, 'cli', 'script')));
      }),
      settings(200),
    );
  });

  it('a script updated edit by edit is analysed exactly as the same text read afresh', () => {
    fc.assert(
      fc.property(vppText, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (initial, batches) => {
        const script = new ScriptDocument({ language: 'cli' });
        script.reset(initial);
        let text = initial;
        for (const batch of batches) {
          const applied = applyEdits(text, batch);
          text = applied.text;
          assert.equal(analysisView(script.update(applied.changes)), analysisView(analyze(text, { language: 'cli' })));
        }
      }),
      settings(100),
    );
  });

  it('keeps a disabled plugin warning once per document while lines around the first use change', () => {
    const switches = new Map([['linux_cp', false]]);
    const options = { language: 'cli' as const, pluginSwitches: switches, pluginSource: 'startup.conf' };
    const initial = 'lcp create tap0 host-if vpp0\nlcp create tap1 host-if vpp1\n';
    const script = new ScriptDocument(options);
    assert.equal(script.reset(initial).diagnostics.filter((d) => d.code === 'vpp.plugin-disabled').length, 1);
    // delete the first line: the warning moves to the line that is now first
    const after = initial.slice(initial.indexOf('\n') + 1);
    const updated = script.update([{ start: 0, end: initial.indexOf('\n') + 1, text: '', after }]);
    const warnings = updated.diagnostics.filter((d) => d.code === 'vpp.plugin-disabled');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].start, 0);
    assert.match(warnings[0].message, /startup\.conf disables/);
    assert.equal(analysisView(updated), analysisView(analyze(after, options)));
  });

  it('follows edits to every corpus script, a line at a time, as a fresh analysis would read them', function () {
    const files = corpusFiles().filter((f) => f.language === 'cli');
    if (files.length === 0) this.skip();
    for (const file of files) {
      const script = new ScriptDocument({ language: 'cli' });
      script.reset(file.text);
      let text = file.text;
      // type a word in the middle of each tenth line, then take it out again
      const starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      for (let n = 0; n < starts.length; n += 10) {
        const at = Math.min(text.length, starts[n] + 3);
        for (const change of [{ start: at, end: at, text: ' up' }, { start: at, end: at + 3, text: '' }]) {
          text = text.slice(0, change.start) + change.text + text.slice(change.end);
          const updated = script.update([{ ...change, after: text }]);
          assert.equal(analysisView(updated), analysisView(analyze(text, { language: 'cli' })), `${file.name}, line ${n + 1}`);
        }
      }
    }
  });

  it('the server cache reads the edits an editor sends and answers for the version it has', () => {
    const cache = new AnalysisCache();
    const initial = 'create tap id 0 host-if-name vpp0\nset interface state tap0 up\n';
    let doc = TextDocument.create('file:///w/a.vpp', 'vpp-cli', 1, initial);
    const first = cache.get(doc, DEFAULT_SETTINGS)!;
    assert.equal(first.diagnostics.length, 0);
    // rename tap0 to tap9 in the second line: now it uses an interface nothing creates
    doc = cache.update(doc, [{ range: { start: { line: 1, character: 23 }, end: { line: 1, character: 24 } }, text: '9' }], 2);
    const second = cache.get(doc, DEFAULT_SETTINGS)!;
    assert.equal(second.text, doc.getText());
    assert.equal(analysisView(second), analysisView(analyze(doc.getText(), { language: 'cli' })));
    assert.ok(second.diagnostics.some((d) => d.start === doc.offsetAt({ line: 1, character: 20 })), JSON.stringify(second.diagnostics));
    // a whole-text change starts afresh
    doc = cache.update(doc, [{ text: 'show version\n' }], 3);
    assert.equal(analysisView(cache.get(doc, DEFAULT_SETTINGS)!), analysisView(analyze('show version\n', { language: 'cli' })));
  });
});
