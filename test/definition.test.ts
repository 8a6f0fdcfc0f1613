import { strict as assert } from 'node:assert';
import { DocumentHighlightKind, type Location, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../server/src/analysis/analyze';
import { computeDefinition, computeDocumentHighlights, computeReferences } from '../server/src/features/definition';
import { analyzeBroken, BROKEN_DOCUMENTS, everyPosition } from './brokenDocuments';
import { analyzeScript, analyzeStartup, withCursor } from './helpers';
import { ALL_KINDS } from './interfaceFixtures';

const URI = 'file:///etc/vpp/setup.vpp';


function text(a: Analysis, r: Range): string {
  return a.text.slice(a.lines.offsetAt(r.start), a.lines.offsetAt(r.end));
}

function lineText(a: Analysis, r: Range): string {
  return `${r.start.line + 1}:${text(a, r)}`;
}

/** The analysis and the position of the n-th occurrence (0-based) of `word`, cursor inside it. */
function at(a: Analysis, word: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = a.text.indexOf(word, offset + 1);
  assert.ok(offset >= 0, `${word} #${nth} not in the fixture`);
  return a.lines.positionAt(offset + 1);
}

describe('definition, references and highlights', () => {
  const a = analyzeScript(ALL_KINDS);

  const cases: { kind: string; use: string; nth: number; definition: string; references: string[] }[] = [
    { kind: 'tap (the `id` value)', use: 'tap0', nth: 1, definition: '1:0', references: ['8:tap0', '9:tap0', '11:tap0', '18:tap0', '22:tap0'] },
    { kind: 'host-interface (the Linux name)', use: 'host-veth1', nth: 0, definition: '2:veth1', references: ['12:host-veth1', '21:host-veth1'] },
    { kind: 'af_xdp with `name`', use: 'xdp0', nth: 1, definition: '3:xdp0', references: ['13:xdp0'] },
    { kind: 'af_xdp named by VPP', use: 'enp2s0/1', nth: 0, definition: '4:enp2s0', references: ['14:enp2s0/1'] },
    { kind: 'vhost-user (VPP picks the number)', use: 'VirtualEthernet0/0/0', nth: 0, definition: '5:create vhost-user', references: ['15:VirtualEthernet0/0/0'] },
    { kind: 'memif', use: 'memif0/2', nth: 0, definition: '6:2', references: ['16:memif0/2', '21:memif0/2'] },
    { kind: 'loopback', use: 'loop4', nth: 0, definition: '7:4', references: ['17:loop4'] },
    { kind: 'sub-interface', use: 'tap0.100', nth: 0, definition: '8:100', references: ['18:tap0.100'] },
    { kind: 'lcp pair, VPP side', use: 'tap4096', nth: 0, definition: '9:lcp create', references: ['19:tap4096'] },
  ];

  for (const c of cases) {
    it(`${c.kind}: from a use to the definition, and every use`, () => {
      const position = at(a, c.use, c.nth);
      const defs = computeDefinition(a, URI, position);
      assert.deepEqual(defs.map((d) => lineText(a, d.range)), [c.definition]);
      assert.ok(defs.every((d: Location) => d.uri === URI));
      const refs = computeReferences(a, URI, position, false).map((r) => lineText(a, r.range));
      assert.deepEqual(refs, c.references);
      const withDecl = computeReferences(a, URI, position, true).map((r) => lineText(a, r.range));
      assert.deepEqual(withDecl, [c.definition, ...c.references]);
    });
  }

  it('lcp pair, Linux side: the host-if value is the definition', () => {
    const position = at(a, 'tap0-linux');
    assert.deepEqual(computeDefinition(a, URI, position).map((d) => lineText(a, d.range)), ['9:tap0-linux']);
  });

  it('from the definition itself: the same place, and its uses', () => {
    const line = a.text.split('\n')[1];
    const position = { line: 1, character: line.indexOf('veth1') + 2 };
    assert.deepEqual(computeDefinition(a, URI, position).map((d) => lineText(a, d.range)), ['2:veth1']);
    assert.deepEqual(computeReferences(a, URI, position, false).map((r) => lineText(a, r.range)), ['12:host-veth1', '21:host-veth1']);
  });

  it('the parent part of a sub-interface name leads to the parent', () => {
    const { text: t, offset } = withCursor('create tap id 0\ncreate sub-interfaces tap0 7 dot1q 7\nset interface state t|ap0.8 up\n');
    const b = analyzeScript(t);
    // tap0.8 is not created, so the cursor on its parent part goes to tap0
    assert.deepEqual(computeDefinition(b, URI, b.lines.positionAt(offset)).map((d) => lineText(b, d.range)), ['1:0']);
  });

  it('a NIC name has no definition but its uses are found', () => {
    const position = at(a, 'GigabitEthernet0/8/0', 1);
    assert.deepEqual(computeDefinition(a, URI, position), []);
    assert.deepEqual(computeReferences(a, URI, position, true).map((r) => lineText(a, r.range)), ['10:GigabitEthernet0/8/0', '20:GigabitEthernet0/8/0']);
  });

  it('highlights the definition as a write and the uses as reads', () => {
    const highlights = computeDocumentHighlights(a, at(a, 'loop4'));
    assert.deepEqual(
      highlights.map((h) => `${lineText(a, h.range)} ${h.kind === DocumentHighlightKind.Write ? 'write' : 'read'}`),
      ['7:4 write', '17:loop4 read'],
    );
  });

  it('a word that is no interface gives nothing', () => {
    const position = at(a, 'state');
    assert.deepEqual(computeDefinition(a, URI, position), []);
    assert.deepEqual(computeReferences(a, URI, position, true), []);
    assert.deepEqual(computeDocumentHighlights(a, position), []);
  });

  it('gives nothing in startup.conf', () => {
    const s = analyzeStartup('unix { exec /etc/vpp/setup.vpp }\n');
    assert.deepEqual(computeDefinition(s, URI, { line: 0, character: 20 }), []);
  });

  it('survives broken documents at every position', () => {
    for (const doc of BROKEN_DOCUMENTS) {
      const b = analyzeBroken(doc);
      for (const p of everyPosition(b)) {
        computeDefinition(b, URI, p);
        computeReferences(b, URI, p, true);
        computeDocumentHighlights(b, p);
      }
    }
  });
});
