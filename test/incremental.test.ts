import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../server/src/analysis/analyze';
import { interfaceModel, type InterfaceDefinition } from '../server/src/analysis/interfaceModel';
import { collectInterfaces, type DefinedInterface } from '../server/src/analysis/interfaces';
import { interfacesNamed, interfacesNamedByWordAt, interfaceWalk } from '../server/src/analysis/interfaceIndex';
import { interfaceCandidates, lastCreatedCandidates } from '../server/src/features/fileValues';
import { offeredByWholeList as offeredFromWholeList, offeredInterfaces, type Offered } from '../server/src/features/offeredInterfaces';
import { ScriptDocument, type TextChange } from '../server/src/analysis/scriptDocument';
import { AnalysisCache } from '../server/src/documents';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { PieceDocument } from '../server/src/pieceDocument';
import { PieceText } from '../server/src/syntax/pieceText';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { parse } from '../server/src/syntax/parser';
import { generateDense } from '../bench/generate';
import { corpusFiles, settings, treeView, vppText } from './fuzzSupport';

/** Everything an analysis concludes, as plain data, to compare an updated analysis with a fresh one. */
function analysisView(a: Analysis): string {
  const model = interfaceModel(a);
  let positions: Map<InterfaceDefinition, number> | undefined;
  return JSON.stringify({
    diagnostics: a.diagnostics,
    release: a.release,
    scriptRuns: a.scriptRuns.map((t) => [t.text, t.start, t.end]),
    suppressions: a.suppressions.map((s) => [s.line, [...s.codes]]),
    tree: treeView(a.tree),
    commands: a.commands.map((c) => [c.kind, c.node.path, c.args.length, c.leftoverOf, c.match?.matches.map((m) => [m.pattern.spec.name, m.start, m.end]), c.match?.unknown.length]),
    definitions: model.definitions.map((d, i) => [i, d.index, d.name, d.space, d.start, d.end, d.nameStart, d.nameEnd, d.deletedAt, at(d.clashesWith), at(d.owner)]),
    // by identity: a use kept across edits must point at a definition of this model, not of an earlier one
    references: model.references.map((r) => [r.name, r.start, r.end, at(r.definition), r.certain, r.partial]),
  });

  function at(def: InterfaceDefinition | undefined): number | undefined {
    if (!def) return undefined;
    positions ??= new Map(model.definitions.map((d, i) => [d, i]));
    return positions.get(def) ?? -1;
  }
}

/**
 * A 26.06 script edited in place: `lineAt` finds the nth line matching a pattern, `change` applies one
 * edit and holds the incremental analysis equal to a fresh one (and, with `keepBuilder`, the model
 * folded the edit in rather than rebuilding).
 */
function editedScript(initial: string, keepBuilder = false, pieceSize?: number) {
  let text = initial;
  // the text as the server's documents keep it, in pieces (when asked)
  let pieces = pieceSize ? PieceText.of(initial, pieceSize) : undefined;
  const script = new ScriptDocument({ language: 'cli', release: '26.06' });
  script.reset(text);
  const builder = () => (script as unknown as { builder: object }).builder;
  const kept = builder();
  const lineAt = (pattern: RegExp, nth: number) => {
    let start = 0;
    let seen = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (pattern.test(text.slice(start, end)) && seen++ === nth) return { start, end };
      start = end + 1;
    }
  };
  const change = (start: number, end: number, insert: string, what: string) => {
    text = text.slice(0, start) + insert + text.slice(end);
    pieces = pieces?.edited(start, end, insert);
    const updated = script.update([{ start, end, text: insert, after: pieces ?? text }]);
    const fresh = analyze(text, { language: 'cli', release: '26.06' });
    assert.equal(analysisView(updated), analysisView(fresh), what);
    // as the client reads them (JSON)
    if (pieces) assert.equal(JSON.stringify(computeDiagnostics(updated)), JSON.stringify(computeDiagnostics(fresh)), what);
    if (keepBuilder) assert.ok(builder() === kept, `rebuilt after ${what}`);
  };
  return { lineAt, change, text: () => text };
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

/**
 * Lines of a create-dense script: every way the interface model names an interface (explicit and
 * automatic ids, names from Linux names, sub-interfaces and ranges, linux-cp pairs), deletions, and
 * uses of the names. Small ids, so that edits make clashes, renumberings and dangling uses.
 */
const id = fc.integer({ min: 0, max: 5 });
const denseLine: fc.Arbitrary<string> = fc.oneof(
  id.map((n) => `create tap id ${n} host-if-name vtap${n}`),
  fc.constant('create tap'),
  fc.constant('create loopback interface'),
  id.map((n) => `create loopback interface instance ${n}`),
  id.map((n) => `create interface memif id ${n} socket-id 0 master`),
  id.map((n) => `create host-interface name veth${n}`),
  id.map((n) => `create sub-interfaces tap${n} ${100 + n}`),
  id.map((n) => `create sub-interfaces loop${n} 10-12`),
  id.map((n) => `lcp create tap${n} host-if lcp${n}`),
  id.map((n) => `delete tap tap${n}`),
  id.map((n) => `delete loopback interface intfc loop${n}`),
  id.map((n) => `delete host-interface name veth${n}`),
  id.map((n) => `lcp delete tap${n}`),
  id.map((n) => `set interface state tap${n} up`),
  id.map((n) => `set interface state tap${n}.${100 + n} up`),
  id.map((n) => `set interface ip address loop${n} 10.0.0.${n}/24`),
  id.map((n) => `set interface l2 bridge memif0/${n} 5`),
  id.map((n) => `set interface state host-veth${n} up`),
  id.map((n) => `set interface state loop${n}.11 up`),
  id.map((n) => `ip route add 10.${n}.0.0/16 via 10.0.0.1 tap${n}`),
  id.map((n) => `comment { loop${n} }`),
  // a name being typed: the word at the end of the line is the one completion skips
  id.map((n) => `set interface state loop${n}`),
);

const lineEdit = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), line: fc.nat(), text: denseLine }),
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat(), text: fc.constant('') }),
  fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), text: denseLine }),
  fc.record({ kind: fc.constant('char' as const), line: fc.nat(), text: fc.constantFrom('1', '9', '', 'x', ' ') }),
  fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), text: fc.array(denseLine, { minLength: 2, maxLength: 8 }).map((ls) => ls.join('\n')) }),
  fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), text: fc.constantFrom('2', '5') }),
);

/** An edit of a dense script, by line: retype a line, delete it, insert lines (typed or pasted), change one character, cut several lines. */
function lineEditChange(text: string, e: { kind: 'replace' | 'delete' | 'insert' | 'char' | 'cut'; line: number; text: string }): TextChange & { after: string } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const n = e.line % starts.length;
  const start = starts[n];
  const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start) + 1;
  let change: { start: number; end: number; text: string };
  if (e.kind === 'replace') change = { start, end: Math.max(start, end - 1), text: e.text };
  else if (e.kind === 'delete') change = { start, end, text: '' };
  else if (e.kind === 'cut') change = { start, end: n + Number(e.text) < starts.length ? starts[n + Number(e.text)] : text.length, text: '' };
  else if (e.kind === 'insert') change = { start, end: start, text: `${e.text}\n` };
  else {
    // the last digit of the line, the one an id or an instance ends with, changed or removed
    const line = text.slice(start, end);
    const digit = line.search(/\d(?!.*\d)/);
    const at = start + (digit < 0 ? 0 : digit);
    change = { start: at, end: digit < 0 ? at : at + 1, text: e.text };
  }
  return { ...change, after: text.slice(0, change.start) + change.text + text.slice(change.end) };
}

/**
 * A script of `lines` edited batch by batch (`lineEditChange`) is analysed after each batch as a fresh
 * analysis reads it; with `pieceSize`, its text kept in pieces of that size as the server keeps it, and
 * the diagnostics as the client reads them and the text the same too.
 */
function assertFollowsLineEdits(lines: readonly string[], batches: readonly (readonly Parameters<typeof lineEditChange>[1][])[], pieceSize?: number): void {
  let text = `${lines.join('\n')}\n`;
  let pieces = pieceSize ? PieceText.of(text, pieceSize) : undefined;
  const script = new ScriptDocument({ language: 'cli', release: '26.06' });
  script.reset(text);
  for (const batch of batches) {
    const changes: TextChange[] = [];
    for (const e of batch) {
      const change = lineEditChange(text, e);
      pieces = pieces?.edited(change.start, change.end, change.text);
      changes.push(pieces ? { ...change, after: pieces } : change);
      text = change.after;
    }
    const updated = script.update(changes);
    const fresh = analyze(text, { language: 'cli', release: '26.06' });
    assert.equal(analysisView(updated), analysisView(fresh), text);
    if (!pieces) continue;
    assert.equal(JSON.stringify(computeDiagnostics(updated)), JSON.stringify(computeDiagnostics(fresh)), text);
    assert.equal(updated.text, text);
  }
}

/** The typed word's characters in order in the name, case aside (completion's test). */
const fitsWord = (typed: string) => (name: string) => {
  let at = 0;
  for (const c of typed) if ((at = name.toLowerCase().indexOf(c, at) + 1) === 0) return false;
  return true;
};

/** What completion shows of the interfaces it offers. */
const offeredView = (o: Offered) => [o.incomplete, o.candidates.map((c) => [c.name, createdView(c.defined)])];

/** What a feature shows of a created interface. */
const createdView = (d: DefinedInterface | undefined) => d && [d.name, d.kind, d.command, d.line, d.start, d.end, d.deletedAt, d.linuxName, d.nameToken?.start];

/**
 * The created interfaces above `offset` as the whole list (`fresh`'s) offers them, read from the first:
 * the first creation of each name decides, a name deleted above the offset is gone; and the last `max`
 * of those that fit, when another is created above them (what interface completion offers without
 * reading the whole list).
 */
function offeredByWholeList(list: readonly DefinedInterface[], offset: number, fits: (name: string) => boolean, max: number) {
  const created: DefinedInterface[] = [];
  const seen = new Set<string>();
  for (const d of list) {
    if (d.end >= offset || seen.has(d.name)) continue;
    seen.add(d.name);
    if ((d.deletedAt ?? Number.POSITIVE_INFINITY) >= offset) created.push(d);
  }
  // read from the cursor up: once `max` fit, one more created above them says the list is cut
  const fitting = created.filter((d) => fits(d.name));
  const cutAt = fitting.length >= max ? created.indexOf(fitting[fitting.length - max]) : -1;
  return { created, nearest: max > 0 && cutAt > 0 ? fitting.slice(-max) : undefined };
}

/**
 * The interface-name requests of an analysis updated by edits (the model's indexes kept across them,
 * read from the cursor up or by name) answer as the whole list of a fresh analysis of the same text.
 */
function assertNameRequests(updated: Analysis, fresh: Analysis, what: string): void {
  const list = collectInterfaces(fresh);
  for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].end <= list[i].end, `${what}: the created interfaces are in the order of their commands`);
  assert.deepEqual(collectInterfaces(updated).map(createdView), list.map(createdView), what);
  for (const name of new Set([...list.map((d) => d.name), 'loop0.11', 'loop1.12', 'tap9'])) {
    assert.deepEqual(interfacesNamed(updated, name).map(createdView), list.filter((d) => d.name === name).map(createdView), `${what}: named ${name}`);
  }
  for (const start of new Set(list.flatMap((d) => (d.nameToken ? [d.nameToken.start] : [])))) {
    assert.deepEqual(interfacesNamedByWordAt(updated, start).map(createdView), list.filter((d) => d.nameToken?.start === start).map(createdView), `${what}: named by the word at ${start}`);
  }
  const text = fresh.text;
  const offsets = [0, text.length];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) offsets.push(nl, nl + 1);
  const fitting = [() => true, (name: string) => name.includes('1')];
  for (const offset of offsets) {
    const all = interfaceCandidates(updated, offset);
    assert.deepEqual(all.filter((c) => c.defined).map((c) => createdView(c.defined)), offeredByWholeList(list, offset, () => true, 0).created.map(createdView), `${what}: created above ${offset}`);
    assert.deepEqual(all.map((c) => c.name), interfaceCandidates(fresh, offset).map((c) => c.name), `${what}: candidates at ${offset}`);
    // what completion offers: the nearest that fit, and after a word few or no names fit the names used elsewhere
    const asked: { fits: (name: string) => boolean; holds?: string }[] = [
      ...fitting.map((fits) => ({ fits })),
      { fits: (name) => name.endsWith('7') },
      { fits: (name) => name.startsWith('loop') && name.includes('.') },
      { fits: () => false },
      // typed words, as completion asks: every name that fits holds their characters
      // (in this order: a word that extends the one before reads the names that fitted it, and those filed since)
      ...['7', 'p1', 'l', 'lo', 'lo.', 'lo.1', 'zz', 't', 'ta', 'tap', 'tap9', 'mf0'].map((typed) => ({ fits: fitsWord(typed), holds: typed })),
    ];
    for (const { fits, holds } of asked) {
      for (const max of [1, 3, 8, 100]) {
        assert.deepEqual(offeredView(offeredInterfaces(updated, offset, fits, max, holds)), offeredView(offeredFromWholeList(fresh, offset, fits, max)), `${what}: offered ${max} at ${offset} (${holds})`);
      }
    }
    for (const fits of fitting) {
      for (const max of [1, 3]) {
        const nearest = lastCreatedCandidates(updated, offset, fits, max);
        const expected = offeredByWholeList(list, offset, fits, max).nearest;
        assert.deepEqual(nearest?.map((c) => createdView(c.defined)), expected?.map(createdView), `${what}: nearest ${max} at ${offset}`);
      }
    }
  }
}

describe('incremental script analysis', () => {
  it('a create-dense script follows edits of create, delete and use lines as a fresh analysis reads it', () => {
    fc.assert(
      fc.property(fc.array(denseLine, { minLength: 1, maxLength: 40 }), fc.array(fc.array(lineEdit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (lines, batches) => {
        assertFollowsLineEdits(lines, batches);
      }),
      settings(150),
    );
  });

  it('a create-dense script whose text is kept in pieces (as the server keeps it) follows edits as a fresh analysis reads it', () => {
    fc.assert(
      fc.property(fc.array(denseLine, { minLength: 1, maxLength: 40 }), fc.array(fc.array(lineEdit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 300 }), (lines, batches, pieceSize) => {
        assertFollowsLineEdits(lines, batches, pieceSize);
      }),
      settings(100),
    );
  });

  for (const pieceSize of [undefined, 4096]) {
    it(`a large create-dense script follows the edits of bench/editCpu.ts as a fresh analysis reads it${pieceSize ? ', its text in pieces' : ''}`, () => {
      // large enough for the paths of many steps: over a thousand later steps taken again, keys read by
      // many steps, automatic loopbacks renumbered to the end of the file
      const { lineAt: lineOf, change, text } = editedScript(generateDense(3200), false, pieceSize);
      const paste = generateDense(40, 7, true);
      for (const nth of [0, 40]) {
        // an automatic loopback gone: every later one takes another instance, and their uses follow
        const loop = lineOf(/^create loopback interface$/, nth);
        change(loop.start, loop.end + 1, '', `delete loopback ${nth}`);
        change(loop.start, loop.start, 'create loopback interface\n', `restore loopback ${nth}`);
        const tap = lineOf(/^create tap id \d+ host-if-name \S+$/, nth * 5);
        change(tap.end, tap.end, '7', `type in tap ${nth}`);
        change(tap.end, tap.end + 1, '', `untype in tap ${nth}`);
        const plain = lineOf(/^set interface state /, nth * 7);
        const line = text().slice(plain.start, plain.end + 1);
        change(plain.start, plain.end + 1, '', `delete plain ${nth}`);
        change(plain.start, plain.start, paste, `paste ${nth}`);
        change(plain.start, plain.start + paste.length, line, `unpaste ${nth}`);
      }
    });
  }

  it('a name typed into an option value that a later create takes is folded in with that create (no rebuild)', () => {
    // `vtap1` becomes `vtap17`, the Linux name of the tap created two lines on: that tap is taken
    // again with the edited one, though only the sub-interface read what the edited line wrote before
    let text = 'create tap id 1 host-if-name vtap1\ncreate sub-interfaces tap1 100\ncreate tap id 17 host-if-name vtap17\nset interface state tap17 up\ndelete tap tap1\n';
    const script = new ScriptDocument({ language: 'cli', release: '26.06' });
    script.reset(text);
    // the model folds the edit in when it keeps its builder (a rebuild makes a new one)
    const builder = () => (script as unknown as { builder: object }).builder;
    const kept = builder();
    for (const [start, end, insert] of [[34, 34, '7'], [34, 35, ''], [34, 34, '7']] as const) {
      text = text.slice(0, start) + insert + text.slice(end);
      assert.equal(analysisView(script.update([{ start, end, text: insert, after: text }])), analysisView(analyze(text, { language: 'cli', release: '26.06' })), text);
      assert.ok(builder() === kept, `rebuilt after ${JSON.stringify(insert)}`);
    }
    assert.ok(script.reset(text).diagnostics.length > 0, 'the edit makes a clash');
  });

  it('a tap renamed with its sub-interface taken again, the later steps kept where they are (no rebuild)', () => {
    // a digit after a tap's id renames it (to a free id, or to one a later tap takes: a clash), or
    // makes the id one VPP refuses (above 8192: the Linux side alone is made, as in the benchmark's
    // create-line edit); its sub-interface and uses are taken again, the steps after them stay
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const tap = `tap${i < 20 ? i : 1000 + i}`;
      lines.push(`create tap id ${tap.slice(3)} host-if-name vtap${i}`, `set interface state ${tap} up`);
      if (i % 3 === 2) lines.push(`create sub-interfaces ${tap} 100`, `set interface state ${tap}.100 up`);
      if (i % 4 === 1) lines.push('create loopback interface', `create interface memif id ${i} socket-id 0 master`);
      if (i % 9 === 8) lines.push(`delete tap tap${i - 6}`);
    }
    const { lineAt, change } = editedScript(`${lines.join('\n')}\n`, true);
    for (const id of [1, 2, 5, 8, 14, 1020, 1023, 1026, 1032]) {
      const line = lineAt(new RegExp(`^create tap id ${id} `), 0);
      const at = line.start + `create tap id ${id}`.length;
      change(at, at, '1', `tap${id} renamed tap${id}1`);
      change(at, at + 1, '', `tap${id}1 back to tap${id}`);
    }
  });

  it('an id taken or freed before automatic loopbacks: the later ones named as a fresh analysis names them', () => {
    // loop0, loop1 automatic; `instance 1` above them takes the id the second one found, `instance 50`
    // none, and freeing loop0 before the third moves it down
    const base = 'create loopback interface\ncreate loopback interface\nset interface state loop1 up\ncreate loopback interface\nset interface state loop2 up\n';
    for (const [what, start, end, insert] of [
      ['instance 1 above', 0, 0, 'create loopback interface instance 1\n'],
      ['instance 50 above', 0, 0, 'create loopback interface instance 50\n'],
      ['instance 2 between', 26, 26, 'create loopback interface instance 2\n'],
      ['loop0 deleted before the third', 81, 81, 'delete loopback interface intfc loop0\n'],
      ['loop7 deleted before the third', 81, 81, 'delete loopback interface intfc loop7\n'],
    ] as const) {
      const script = new ScriptDocument({ language: 'cli', release: '26.06' });
      script.reset(base);
      const text = base.slice(0, start) + insert + base.slice(end);
      assert.equal(analysisView(script.update([{ start, end, text: insert, after: text }])), analysisView(analyze(text, { language: 'cli', release: '26.06' })), what);
      // and back
      assert.equal(analysisView(script.update([{ start, end: start + insert.length, text: '', after: base }])), analysisView(analyze(base, { language: 'cli', release: '26.06' })), `${what}, undone`);
    }
  });

  it('free-id chains: loopbacks deleted, inserted and renamed among other interfaces follow as a fresh analysis names them (no rebuild)', () => {
    // automatic loopbacks take the lowest free instance: deleting or adding one, with or without
    // `instance`, or a `delete` line that stops (or starts) freeing one, moves the later automatic
    // ones; the taps and memifs between them are not part of that chain and stay as they were
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) {
      lines.push('create loopback interface', `create tap id ${i} host-if-name vtap${i}`, `set interface state loop${i} up`);
      if (i % 7 === 3) lines.push(`delete loopback interface intfc loop${i - 2}`, `create interface memif id ${i} socket-id 0 master`, `set interface ip address loop${i - 2} 10.0.0.${i}/24`);
      if (i % 11 === 5) lines.push(`create loopback interface instance ${100 + i}`, `set interface state loop${100 + i} up`);
    }
    const { lineAt, change } = editedScript(`${lines.join('\n')}\n`, true);
    for (const nth of [0, 2, 5]) {
      const del = lineAt(/^delete loopback interface intfc loop\d+$/, nth);
      change(del.end, del.end, '7', `delete line ${nth} names another loopback`);
      change(del.end, del.end + 1, '', `delete line ${nth} back`);
      const loop = lineAt(/^create loopback interface$/, nth * 3);
      change(loop.start, loop.end + 1, '', `automatic loopback ${nth * 3} gone`);
      change(loop.start, loop.start, 'create loopback interface\n', `automatic loopback ${nth * 3} back`);
      change(loop.start, loop.start, `create loopback interface instance ${nth + 1}\n`, `instance ${nth + 1} above automatic ${nth * 3}`);
      change(loop.start, loop.start, `delete loopback interface intfc loop${nth}\n`, `loop${nth} freed above automatic ${nth * 3}`);
      change(loop.start, loop.start + `delete loopback interface intfc loop${nth}\n`.length, '', `loop${nth} not freed`);
      const instance = lineAt(/^create loopback interface instance \d+$/, 0);
      change(instance.start, instance.end + 1, '', `instance ${nth + 1} gone`);
    }
  });

  it('a delete line that frees another id: the next automatic create takes it, and loopbacks and taps follow as a fresh analysis names them (no rebuild)', () => {
    // `delete ... loop3` → `loop33` (live): the next automatic loopback takes 33 instead of 3 and the
    // ids held are the same again after it; `loop3` → `loop39` (not live): nothing is freed, and the
    // later automatic ones move up; an id freed between (loop1 deleted, not taken again) makes the
    // next one take that instead; the same for taps without `id` and linux-cp's taps
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) lines.push('create loopback interface', `set interface state loop${i} up`);
    lines.push('create tap host-if-name va', 'create tap host-if-name vb', 'create tap host-if-name vc', 'create tap host-if-name vd');
    lines.push('delete loopback interface intfc loop3', 'delete tap tap1', 'set interface ip address loop3 10.0.0.1/24');
    for (let i = 0; i < 12; i++) {
      lines.push('create loopback interface', `set interface state loop${i < 1 ? 3 : 39 + i} up`, 'create tap', `set interface state tap${i < 1 ? 1 : 3 + i} up`);
      if (i === 4) lines.push('delete loopback interface intfc loop20', 'delete tap tap2', 'set interface state loop20 up');
      if (i === 8) lines.push('lcp create loop7 host-if lo7', 'delete loopback interface intfc loop8');
    }
    const { lineAt, change } = editedScript(`${lines.join('\n')}\n`, true);
    for (const [pattern, nth, typed] of [
      [/^delete loopback interface intfc loop3$/, 0, '3'],
      [/^delete loopback interface intfc loop3$/, 0, '9'],
      [/^delete loopback interface intfc loop20$/, 0, '7'],
      [/^delete loopback interface intfc loop20$/, 0, '0'],
      [/^delete loopback interface intfc loop8$/, 0, '1'],
      [/^delete tap tap1$/, 0, '7'],
      [/^delete tap tap1$/, 0, '9'],
      [/^delete tap tap2$/, 0, '5'],
    ] as const) {
      const del = lineAt(pattern, nth);
      change(del.end, del.end, typed, `${pattern.source} typed ${typed}`);
      change(del.end, del.end + 1, '', `${pattern.source} typed ${typed}, back`);
      // the line's name moved by a character, at its start (loop3 → loop13: live, an earlier one)
      const at = del.end - 1;
      change(at, at, '1', `${pattern.source}: a digit before the last`);
      change(at, at + 1, '', `${pattern.source}: a digit before the last, back`);
    }
    // an earlier automatic loopback deleted and restored, and a delete line inserted before several automatic creates
    const first = lineAt(/^create loopback interface$/, 2);
    change(first.start, first.start, 'delete loopback interface intfc loop0\n', 'loop0 freed early');
    change(first.start, first.start + 'delete loopback interface intfc loop0\n'.length, '', 'loop0 not freed');
    const late = lineAt(/^create loopback interface$/, 42);
    change(late.start, late.start, 'delete loopback interface intfc loop11\n', 'loop11 freed late');
    change(late.start, late.start + 'delete loopback interface intfc loop11\n'.length, '', 'loop11 not freed');
  });

  it('lines cut above an automatic create: it takes the id they freed, though they kept the offsets of the old text (no rebuild)', () => {
    // found by the property tests (FUZZ_RUNS=2000): the removed lines' steps lie, with their old
    // offsets, beyond the later `create tap` while the fold asks which searches the freed tap0 moves
    for (const [cut, kept] of [
      [['create sub-interfaces tap0 100', 'create tap', 'lcp create tap0 host-if lcp0', 'lcp create tap0 host-if lcp0'], ['set interface l2 bridge memif0/0 5', 'create tap', 'lcp delete tap0']],
      [['create loopback interface', 'lcp create loop0 host-if lo0', 'lcp create loop0 host-if lo0', 'set interface state loop0 up'], ['set interface state loop0 up', 'create loopback interface', 'lcp delete loop0']],
    ]) {
      const { change } = editedScript(`${[...cut, ...kept].join('\n')}\n`, true);
      change(0, cut.join('\n').length + 1, '', `${cut.join(' / ')} cut`);
    }
  });

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

  it('the list of created interfaces follows an edit folded into the model (Ctrl+A, Delete)', () => {
    const script = new ScriptDocument({ language: 'cli' });
    const text = 'create tap id 0 host-if-name vpp0\nset interface state tap0 up\n';
    assert.deepEqual(collectInterfaces(script.reset(text)).map((d) => d.name), ['tap0']);
    assert.deepEqual(collectInterfaces(script.update([{ start: 0, end: text.length, text: '', after: '' }])).map((d) => d.name), []);
  });

  /** Interface-name requests after random edits of create-dense scripts, held to the whole list of a fresh analysis. */
  const nameRequestsFollowEdits = (maxBatches: number, runs: number, maxLines = 40) =>
    fc.assert(
      fc.property(fc.array(denseLine, { minLength: 1, maxLength: maxLines }), fc.array(fc.array(lineEdit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: maxBatches }), (lines, batches) => {
        let text = `${lines.join('\n')}\n`;
        const script = new ScriptDocument({ language: 'cli', release: '26.06' });
        assertNameRequests(script.reset(text), analyze(text, { language: 'cli', release: '26.06' }), 'opened');
        for (const batch of batches) {
          const changes: TextChange[] = [];
          for (const e of batch) {
            const change = lineEditChange(text, e);
            changes.push(change);
            text = change.after;
          }
          assertNameRequests(script.update(changes), analyze(text, { language: 'cli', release: '26.06' }), text);
        }
      }),
      settings(runs),
    );

  it('interface-name requests on a create-dense script follow edits as the whole list of a fresh analysis answers them', () => {
    nameRequestsFollowEdits(6, 60);
  });

  it('interface-name requests on longer edited scripts answer as the whole list', () => {
    nameRequestsFollowEdits(3, 15, 150);
  });

  it('interface-name requests that read far go on in the names of the definitions, and answer the same', () => {
    const longWalk = interfaceWalk.longWalk;
    interfaceWalk.longWalk = 3;
    try {
      nameRequestsFollowEdits(4, 40);
      nameRequestsFollowEdits(2, 8, 150);
    } finally {
      interfaceWalk.longWalk = longWalk;
    }
  });

  it('the server cache follows the edits of a document in pieces as the server keeps it, with the diagnostics of a fresh analysis', () => {
    const cache = new AnalysisCache();
    let text = generateDense(600);
    let doc = PieceDocument.create('file:///w/d.vpp', 'vpp-cli', 1, text);
    const first = cache.get(doc, DEFAULT_SETTINGS)!;
    assert.equal(analysisView(first), analysisView(analyze(text, { language: 'cli' })));
    const lines = text.split('\n');
    const mid = lines.length >> 1;
    const at = (line: number, character: number) => ({ line, character });
    const edits = [
      ...[...' typing'].map((c, i) => ({ range: { start: at(mid, lines[mid].length + i), end: at(mid, lines[mid].length + i) }, text: c })),
      { range: { start: at(3, 0), end: at(5, 0) }, text: '' },
      { range: { start: at(3, 0), end: at(3, 0) }, text: 'create loopback interface\r\nset interface state loop0 up\n' },
      { range: { start: at(10, 4), end: at(10, 4) }, text: '\\\n' },
      { range: { start: at(40, 0), end: at(40, 0) }, text: generateDense(200, 3, true) },
    ];
    let version = 1;
    for (const e of edits) {
      const before = TextDocument.create('file:///w/d.vpp', 'vpp-cli', version, text);
      text = text.slice(0, before.offsetAt(e.range.start)) + e.text + text.slice(before.offsetAt(e.range.end));
      doc = cache.update(doc, [e], ++version);
      const analysis = cache.get(doc, DEFAULT_SETTINGS)!;
      const fresh = analyze(text, { language: 'cli' });
      assert.equal(analysisView(analysis), analysisView(fresh), JSON.stringify(e.text));
      assert.equal(JSON.stringify(computeDiagnostics(analysis)), JSON.stringify(computeDiagnostics(fresh)), JSON.stringify(e.text));
      assert.equal(doc.getText(), text);
      // the same version is answered from the cache
      assert.ok(cache.get(doc, DEFAULT_SETTINGS) === analysis);
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
