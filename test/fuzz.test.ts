import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, DocumentSymbol, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze, lexModeFor, type Analysis } from '../server/src/analysis/analyze';
import { interfaceModel } from '../server/src/analysis/interfaceModel';
import { computeCodeActions } from '../server/src/features/codeActions';
import { computeCompletion } from '../server/src/features/completion';
import { computeDefinition, computeDocumentHighlights, computeReferences } from '../server/src/features/definition';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { computeFoldingRanges } from '../server/src/features/folding';
import { formatStartup } from '../server/src/features/formatting';
import { computeHover } from '../server/src/features/hover';
import { computeDocumentLinks } from '../server/src/features/links';
import { computeRename, prepareRename, RenameRefused } from '../server/src/features/rename';
import { computeSemanticTokens } from '../server/src/features/semanticTokens';
import { computeSignatureHelp } from '../server/src/features/signatureHelp';
import { computeDocumentSymbols } from '../server/src/features/symbols';
import { parse } from '../server/src/syntax/parser';
import { rebuildText } from '../server/src/syntax/tree';
import { anyText, checkRange, corpusFiles, FUZZ_SEED, inkOf, language, mutation, positionsIn, referenceDocument, runs, settings, vppText } from './fuzzSupport';
import { skipWithoutCorpus } from './skipReasons';

const URI = 'file:///work/fuzz.vpp';

function checkEdits(edits: readonly TextEdit[] | undefined, doc: TextDocument, what: string): void {
  for (const e of edits ?? []) checkRange(e.range, doc, what);
}

function checkWorkspaceEdit(edit: WorkspaceEdit | null | undefined, doc: TextDocument, what: string): void {
  for (const edits of Object.values(edit?.changes ?? {})) checkEdits(edits, doc, what);
}

function checkSymbols(symbols: readonly DocumentSymbol[], doc: TextDocument): void {
  for (const s of symbols) {
    checkRange(s.range, doc, 'symbol range');
    checkRange(s.selectionRange, doc, 'symbol selection');
    checkSymbols(s.children ?? [], doc);
  }
}

function checkCompletionItem(item: CompletionItem, doc: TextDocument): void {
  const edit = item.textEdit;
  if (edit && 'range' in edit) checkRange(edit.range, doc, 'completion edit');
  else if (edit) {
    checkRange(edit.insert, doc, 'completion insert');
    checkRange(edit.replace, doc, 'completion replace');
  }
  checkEdits(item.additionalTextEdits, doc, 'completion additional edit');
}

/** Runs every feature over an analysis, at the given positions, and checks what each returns. */
function exerciseEverything(a: Analysis, positions: readonly Position[]): void {
  const doc = referenceDocument(a.text);
  const diagnostics = computeDiagnostics(a);
  for (const d of diagnostics) checkRange(d.range, doc, `diagnostic ${String(d.code)}`);
  for (const action of computeCodeActions(a, URI, diagnostics)) checkWorkspaceEdit(action.edit, doc, 'code action');
  checkSymbols(computeDocumentSymbols(a), doc);
  for (const f of computeFoldingRanges(a)) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < doc.lineCount, `folding ${JSON.stringify(f)}`);
  for (const link of computeDocumentLinks(a, URI, (p) => `file:///target/${p.length}.vpp`)) checkRange(link.range, doc, 'link');
  const tokens = computeSemanticTokens(a).data;
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.length; i += 5) {
    line += tokens[i];
    character = tokens[i] === 0 ? character + tokens[i + 1] : tokens[i + 1];
    checkRange({ start: { line, character }, end: { line, character: character + tokens[i + 2] } }, doc, 'semantic token');
  }
  if (a.language === 'startup') {
    const edits = formatStartup(a, { tabSize: 2, insertSpaces: true });
    checkEdits(edits, doc, 'formatting');
    assert.equal(inkOf(TextDocument.applyEdits(doc, edits)), inkOf(a.text), 'formatting changed more than white space');
  }
  for (const position of positions) {
    const completion = computeCompletion(a, position, { snippetSupport: true, markdown: true });
    for (const item of completion.items) checkCompletionItem(item, doc);
    const hover = computeHover(a, position, true);
    if (hover?.range) checkRange(hover.range, doc, 'hover');
    computeSignatureHelp(a, position);
    for (const l of computeDefinition(a, URI, position)) checkRange(l.range, doc, 'definition');
    for (const l of computeReferences(a, URI, position, true)) checkRange(l.range, doc, 'reference');
    for (const h of computeDocumentHighlights(a, position)) checkRange(h.range, doc, 'highlight');
    try {
      const prepared = prepareRename(a, position);
      if (prepared) checkRange(prepared.range, doc, 'prepareRename');
      checkWorkspaceEdit(computeRename(a, URI, position, 'renamed0'), doc, 'rename');
    } catch (error) {
      // refusing with a reason is an answer; anything else is a failure
      if (!(error instanceof RenameRefused)) throw error;
    }
  }
}

describe('property tests (fast-check, fixed seed)', function () {
  this.timeout(0);

  before(() => {
    if (process.env.FUZZ_RUNS) process.stdout.write(`fuzz: seed ${FUZZ_SEED}, ${runs(0)} runs per property\n`);
  });

  it('positions are UTF-16 offsets as LSP counts them, whatever the line breaks and characters', () => {
    fc.assert(
      fc.property(anyText, language, (text, lang) => {
        const a = analyze(text, { language: lang });
        const doc = referenceDocument(text);
        assert.equal(a.lines.lineCount, doc.lineCount);
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepEqual(a.lines.positionAt(offset), doc.positionAt(offset));
          // an offset between `\r` and `\n` has no position of its own
          if (text[offset - 1] !== '\r' || text[offset] !== '\n') assert.equal(a.lines.offsetAt(doc.positionAt(offset)), offset);
        }
      }),
      settings(200),
    );
  });

  it('every feature answers at any position of any text, with ranges inside the document', () => {
    fc.assert(
      fc.property(vppText, language, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, lang, picks) => {
        const a = analyze(text, { language: lang });
        exerciseEverything(a, positionsIn(a, picks));
      }),
      settings(150),
    );
  });

  it('formatting a startup.conf keeps every character that is not white space, in order', () => {
    fc.assert(
      fc.property(vppText, (text) => {
        const a = analyze(text, { language: 'startup' });
        const formatted = TextDocument.applyEdits(referenceDocument(text), formatStartup(a, { tabSize: 4, insertSpaces: false }));
        assert.equal(inkOf(formatted), inkOf(text));
      }),
      settings(200),
    );
  });

  it('mutations of the real-world corpus files never break a feature', function () {
    const files = corpusFiles();
    if (files.length === 0) skipWithoutCorpus(this);
    fc.assert(
      fc.property(
        fc.constantFrom(...files).chain((f) => fc.tuple(fc.constant(f), mutation(f.text))),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        ([file, text], picks) => {
          const a = analyze(text, { language: file.language, release: undefined });
          assert.equal(a.tree.tokens.map((t) => t.text).join(''), a.limited ? a.tree.text : text, 'tokens cover the text');
          exerciseEverything(a, positionsIn(a, picks));
        },
      ),
      settings(60),
    );
  });

  it('lexes the corpus in the mode its release asks for, losslessly', function () {
    const files = corpusFiles();
    if (files.length === 0) skipWithoutCorpus(this);
    for (const file of files) {
      const a = analyze(file.text, { language: file.language });
      const mode = lexModeFor(file.language, a.release);
      assert.equal(rebuildText(parse(file.text, file.language, mode)), file.text, file.name);
    }
  });
});
