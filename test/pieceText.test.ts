import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../server/src/pieceDocument';
import { PieceText } from '../server/src/syntax/pieceText';
import { settings } from './fuzzSupport';

/** Edits as offsets into the text they apply to (scaled to its length), with CRLF, CR and backslashes in what they insert. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.nat(40),
  text: fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '\\', 'vpp-version', 'x'.repeat(50)), { maxLength: 8 }).map((parts) => parts.join('')),
});

describe('text in pieces', () => {
  it('reads as the string it stands for after random edits, with pieces of any size', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), fc.array(edit, { maxLength: 25 }), (initial, size, edits) => {
        let text = initial;
        let pieces = PieceText.of(initial, size);
        for (const e of edits) {
          const start = Math.floor(e.at * text.length);
          const end = Math.min(text.length, start + e.span);
          text = text.slice(0, start) + e.text + text.slice(end);
          pieces = pieces.edited(start, end, e.text);
          assert.equal(pieces.length, text.length);
          for (let i = -1; i <= text.length; i++) assert.ok(Object.is(pieces.charCodeAt(i), text.charCodeAt(i)), `charCodeAt(${i})`);
          for (let a = 0; a <= text.length; a += 7) for (let b = a; b <= text.length + 3; b += 11) assert.equal(pieces.slice(a, b), text.slice(a, b), `slice(${a}, ${b})`);
          for (const search of ['\n', 'vpp-version', 'ab', '\r\n', 'x'.repeat(60)]) {
            for (let from = -2; from <= text.length + 1; from += 5) assert.equal(pieces.indexOf(search, from), text.indexOf(search, from), `indexOf(${JSON.stringify(search)}, ${from})`);
          }
        }
        assert.equal(pieces.toString(), text);
      }),
      settings(300),
    );
  });

  it('a document in pieces maps offsets and positions as the library TextDocument does on the same text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'set interface state tap0 up\n'), { maxLength: 40 }).map((parts) => parts.join('')), fc.array(edit, { maxLength: 15 }), (initial, edits) => {
        const ours = PieceDocument.create('file:///a.vpp', 'vpp-cli', 1, initial);
        let text = initial;
        let version = 1;
        for (const e of edits) {
          // the library's TextDocument of the text as it is (its own line offsets, kept across edits,
          // go wrong where an edit joins a `\r` and a `\n`: ours are made right there)
          const theirs = TextDocument.create('file:///a.vpp', 'vpp-cli', version, text);
          const start = theirs.positionAt(Math.floor(e.at * text.length));
          const end = theirs.positionAt(Math.min(text.length, theirs.offsetAt(start) + e.span));
          const change = { range: { start, end }, text: e.text };
          version++;
          ours.update([change], version);
          text = text.slice(0, theirs.offsetAt(start)) + e.text + text.slice(theirs.offsetAt(end));
          const fresh = TextDocument.create('file:///a.vpp', 'vpp-cli', version, text);
          assert.equal(ours.getText(), text);
          assert.equal(ours.version, version);
          assert.equal(ours.lineCount, fresh.lineCount);
          for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(ours.positionAt(o), fresh.positionAt(o), `positionAt(${o})`);
          for (let line = -1; line <= fresh.lineCount; line++) {
            for (let character = -1; character < 12; character++) {
              const p = { line, character };
              assert.equal(ours.offsetAt(p), fresh.offsetAt(p), `offsetAt(${line}:${character})`);
              assert.equal(ours.getText({ start: { line: 0, character: 2 }, end: p }), fresh.getText({ start: { line: 0, character: 2 }, end: p }));
            }
          }
        }
        ours.update([{ text: 'show version\r\nshow int\n' }], version + 1);
        assert.equal(ours.getText(), 'show version\r\nshow int\n');
        assert.deepEqual(ours.positionAt(15), { line: 1, character: 1 });
      }),
      settings(200),
    );
  });
});
