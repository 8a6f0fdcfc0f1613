import { strict as assert } from 'node:assert';
import { InsertTextFormat, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../server/src/analysis/analyze';
import { collectInterfaces } from '../server/src/analysis/interfaces';
import { computeCompletion, type CompletionCaps } from '../server/src/features/completion';
import { MAX_INTERFACE_ITEMS } from '../server/src/features/completionCli';
import { interfaceCandidates, lastCreatedCandidates } from '../server/src/features/fileValues';
import { offeredByWholeList, offeredInterfaces, type Offered } from '../server/src/features/offeredInterfaces';
import { ScriptDocument } from '../server/src/analysis/scriptDocument';
import { generateDense } from '../bench/generate';
import { schemaFor } from '../server/src/schema/index';
import type { VppRelease } from '../server/src/schema/types';
import { analyzeBroken, BROKEN_DOCUMENTS, everyPosition } from './brokenDocuments';
import { analyzeScript, analyzeStartup, withCursor } from './helpers';

const FULL: CompletionCaps = { snippetSupport: true, markdown: true };

interface Completed {
  analysis: Analysis;
  offset: number;
  /** In the order the client shows them (by sortText). */
  items: CompletionItem[];
  labels: string[];
}

function complete(fixture: string, options: { startup?: boolean; release?: VppRelease; caps?: CompletionCaps } = {}): Completed {
  const { text, offset } = withCursor(fixture);
  const analysis = options.startup ? analyzeStartup(text, options.release) : analyzeScript(text, options.release);
  const list = computeCompletion(analysis, analysis.lines.positionAt(offset), options.caps ?? FULL);
  const items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return { analysis, offset, items, labels: items.map((i) => i.label) };
}

/** What the client keeps after filtering by the text typed before the cursor (VPP's prefix rule). */
function typed(result: Completed, prefix: string): string[] {
  return result.labels.filter((l) => l.startsWith(prefix));
}

const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const find = (result: Completed, label: string) => result.items.find((i) => i.label === label);

describe('completion in scripts', () => {
  it('completes command words by prefix at any depth', () => {
    const create = complete('create int|');
    assert.deepEqual(typed(create, 'int'), ['interface']);
    const range = edit(find(create, 'interface')!).range;
    assert.deepEqual(range, { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, 'replaces the partial word');
    assert.deepEqual(typed(complete('sh|'), 'sh'), ['show']);
    const drivers = complete('create interface |');
    assert.ok(drivers.labels.includes('af_xdp') && drivers.labels.includes('memif'), drivers.labels.join(' '));
    const expected = [...schemaFor('26.06').root.children.get('create')!.children.get('interface')!.children.keys()].sort();
    assert.deepEqual([...drivers.labels].sort(), expected);
  });

  it('completes the options and values of a command read from VPP parsers, as it reads them', () => {
    // bond_create_command_fn: the modes come from unformat_bond_mode's word list (foreach_bond_mode)
    assert.deepEqual(complete('create bond mode |').labels.sort(), ['active-backup', 'broadcast', 'lacp', 'round-robin', 'xor']);
    assert.deepEqual(complete('create bond mode lacp |').labels.sort(), ['gso', 'hw-addr', 'id', 'load-balance', 'numa-only']);
  });

  it('after a `\\` that ends a line reader\'s arguments, offers commands (what VPP runs there), not its options', () => {
    const fresh = complete('create interface memif id 3 \\\n  |');
    assert.ok(fresh.labels.includes('set') && fresh.labels.includes('show'), fresh.labels.join(' '));
    assert.ok(!fresh.labels.includes('master'));
    assert.deepEqual(typed(complete('create interface memif id 3 \\\n  sh|'), 'sh'), ['show']);
    // a break before the first argument, or a command that reads its input directly, goes on
    assert.ok(complete('create interface memif \\\n  |').labels.includes('master'));
    assert.ok(complete('create interface memif id 3 |').labels.includes('master'));
    assert.ok(complete('set interface state loop0 \\\n  |').labels.includes('up'));
  });

  it('gives the replaced range once, in itemDefaults, to a client that takes it', () => {
    const { text, offset } = withCursor('create tap id 0\nset interface state ta|');
    const analysis = analyzeScript(text);
    const list = computeCompletion(analysis, analysis.lines.positionAt(offset), { ...FULL, editRangeDefault: true });
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 1, character: 20 }, end: { line: 1, character: 22 } });
    const tap = list.items.find((i) => i.label === 'tap0')!;
    assert.equal(tap.textEdit, undefined);
    assert.equal(tap.textEditText, undefined, 'the label is the text');
    // an item that inserts more than its label says what
    const options = withCursor('create tap |');
    const optionsAnalysis = analyzeScript(options.text);
    const snippet = computeCompletion(optionsAnalysis, optionsAnalysis.lines.positionAt(options.offset), { ...FULL, editRangeDefault: true });
    const withText = snippet.items.filter((i) => i.textEditText !== undefined);
    assert.ok(withText.length > 0 && withText.every((i) => i.textEditText !== i.label && i.textEdit === undefined), JSON.stringify(withText.slice(0, 2)));
    // without the capability every item carries its own edit
    const plain = computeCompletion(analysis, analysis.lines.positionAt(offset), FULL);
    assert.equal(plain.itemDefaults, undefined);
    assert.deepEqual((plain.items.find((i) => i.label === 'tap0')!.textEdit as TextEdit).range, list.itemDefaults?.editRange);
  });

  it('cuts a list of thousands of interface names to what fits the typed word, nearest first, and says it is incomplete', () => {
    const creates = Array.from({ length: 150 }, () => 'create loopback interface\n').join('');
    const all = complete(`${creates}set interface state |`);
    const names = all.items.filter((i) => /^loop\d+$/.test(i.label)).map((i) => i.label);
    assert.equal(names.length, MAX_INTERFACE_ITEMS);
    assert.deepEqual(names.slice(0, 2), ['loop50', 'loop51'], 'the last created above the cursor are kept, in order');
    assert.equal(names[names.length - 1], 'loop149');
    const list = computeCompletion(all.analysis, all.analysis.lines.positionAt(all.offset), FULL);
    assert.equal(list.isIncomplete, true);
    const typedNames = complete(`${creates}set interface state loop14|`).labels;
    // as the client's fuzzy filter: the typed characters in order
    assert.deepEqual(typedNames, ['loop14', 'loop104', 'loop114', 'loop124', 'loop134', ...Array.from({ length: 10 }, (_, i) => `loop${140 + i}`)]);
    // a few interfaces: every one, and the list is complete
    const few = complete('create loopback interface\nset interface state |');
    assert.ok(few.labels.includes('loop0'));
    assert.equal(computeCompletion(few.analysis, few.analysis.lines.positionAt(few.offset), FULL).isIncomplete, false);
  });

  it('the nearest interfaces of a create-dense script, read from the cursor up, are those of the whole list', () => {
    // deletions, instances taken again after a deletion, names that are not created: the shortcut
    // must keep what the whole list keeps (the first creation of a name decides, a deleted one is gone)
    const analysis = analyzeScript(generateDense(3_000));
    const fitting = (typed: string) => (name: string) => { let at = 0; for (const c of typed) if ((at = name.indexOf(c, at) + 1) === 0) return false; return true; };
    let compared = 0;
    for (let offset = 0; offset < analysis.text.length; offset += 1_777) {
      for (const typed of ['', 'loop1', 'tap', 'm7', 'zz']) {
        const fits = fitting(typed);
        const all = interfaceCandidates(analysis, offset);
        const nearest = lastCreatedCandidates(analysis, offset, fits, MAX_INTERFACE_ITEMS);
        if (!nearest) continue;
        compared++;
        assert.ok(all.length > MAX_INTERFACE_ITEMS);
        const kept = all.filter((c) => c.defined && fits(c.name)).slice(-MAX_INTERFACE_ITEMS);
        assert.deepEqual(nearest.map((c) => [c.name, c.defined?.start]), kept.map((c) => [c.name, c.defined?.start]), `${offset} ${typed}`);
      }
    }
    assert.ok(compared > 50, `${compared} compared`);
  });

  it('cuts the list as the whole list would: names deleted (and created again), a range, a refused creation', () => {
    // the whole list keeps the first creation of each name and drops a name deleted above the cursor,
    // even when it is created again (instance 120 is the lowest free one for the next loopback)
    const creates = Array.from({ length: 150 }, () => 'create loopback interface\n').join('');
    const script = `${creates}delete loopback interface intfc loop120\ncreate loopback interface\ncreate sub-interfaces loop130 10-12\ncreate loopback interface instance 140\n`;
    const result = complete(`${script}set interface state |`);
    const expected = [...Array.from({ length: 68 }, (_, i) => `loop${52 + i}`), ...Array.from({ length: 29 }, (_, i) => `loop${121 + i}`), 'loop130.10', 'loop130.11', 'loop130.12'];
    assert.deepEqual(result.labels, expected);
    const fits = () => true;
    const whole = interfaceCandidates(result.analysis, result.offset).filter((c) => c.defined).slice(-MAX_INTERFACE_ITEMS);
    assert.deepEqual(lastCreatedCandidates(result.analysis, result.offset, fits, MAX_INTERFACE_ITEMS)?.map((c) => [c.name, c.defined?.line]), whole.map((c) => [c.name, c.defined?.line]));
    assert.equal(find(result, 'loop130.11')?.detail, 'sub-interface, created on line 153');
    // above the deletion, loop120 is there, created on line 121
    const above = complete(`${creates}set interface state |\n${script.slice(creates.length)}`);
    assert.equal(find(above, 'loop120')?.detail, 'loopback interface, created on line 121');
    assert.deepEqual(above.labels, Array.from({ length: 100 }, (_, i) => `loop${50 + i}`));
  });

  it('a word few names fit, typed one character per change, is offered as the whole list offers it', () => {
    // more than 100 created, one deleted (and its instance taken again), names used but created
    // only below or never, a name used first where the cursor is: the names used elsewhere are
    // found by name in the document's index, and must be those the whole list keeps
    const creates = Array.from({ length: 150 }, () => 'create loopback interface\n').join('');
    const head = `${creates}delete loopback interface intfc loop120\nset interface state ghost7 up\nset interface state zz91 up\n`;
    const tail = `create tap id 907 host-if-name v907\nset interface state tap907 up\nset interface state zz9 up\nset interface state ghost77 up\n`;
    const view = (o: Offered) => [o.incomplete, o.candidates.map((c) => [c.name, c.defined?.start])];
    const script = new ScriptDocument({ language: 'cli', release: '26.06' });
    let text = `${head}set interface state \n${tail}`;
    let analysis = script.reset(text);
    const at = head.length + 'set interface state '.length;
    const fitting = (typed: string) => (name: string) => { let k = 0; for (const c of typed) if ((k = name.indexOf(c, k) + 1) === 0) return false; return true; };
    let compared = 0;
    for (const word of ['zz9', 'ghost7', 'loop12', 'tap9', 'q']) {
      for (let c = 0; c <= word.length; c++) {
        if (c > 0) {
          text = text.slice(0, at + c - 1) + word[c - 1] + text.slice(at + c - 1);
          analysis = script.update([{ start: at + c - 1, end: at + c - 1, text: word[c - 1], after: text }]);
        }
        const typed = word.slice(0, c);
        for (const max of [3, MAX_INTERFACE_ITEMS]) {
          const fresh = analyzeScript(text);
          assert.deepEqual(view(offeredInterfaces(analysis, at + c, fitting(typed), max)), view(offeredByWholeList(fresh, at + c, fitting(typed), max)), `${typed} ${max}`);
          compared++;
        }
      }
      text = text.slice(0, at) + text.slice(at + word.length);
      analysis = script.update([{ start: at, end: at + word.length, text: '', after: text }]);
    }
    assert.ok(compared > 30);
    // what the client sees: the used names after the created ones that fit
    text = text.slice(0, at) + 'zz' + text.slice(at);
    analysis = script.update([{ start: at, end: at, text: 'zz', after: text }]);
    assert.deepEqual(computeCompletion(analysis, analysis.lines.positionAt(at + 2), FULL).items.map((i) => i.label), ['zz91', 'zz9']);
    // a name used for the first time between two keystrokes (on another line) is offered at the next
    const used = 'set interface state zz95 up\n';
    text = used + text;
    analysis = script.update([{ start: 0, end: 0, text: used, after: text }]);
    const cursor = at + used.length + 2;
    text = `${text.slice(0, cursor)}9${text.slice(cursor)}`;
    analysis = script.update([{ start: cursor, end: cursor, text: '9', after: text }]);
    const list = computeCompletion(analysis, analysis.lines.positionAt(cursor + 1), FULL);
    // zz9 is first used at the cursor: it counts from its use below
    assert.deepEqual(list.items.map((i) => i.label), ['zz95', 'zz91', 'zz9']);
    assert.equal(list.isIncomplete, true);
  });

  it('reads earlier words by the unique-prefix rule', () => {
    assert.deepEqual(typed(complete('cre int af|'), 'af'), ['af_xdp']);
    assert.ok(complete('sh int |').labels.includes('rx-placement'), 'sub-commands of `show interface`');
  });

  it('documents command words with their synopsis and the course facts of interface types', () => {
    const item = find(complete('create |'), 'tap')!;
    assert.match(item.detail!, /^create tap \[id <n>\]/);
    const doc = item.documentation as { kind: string; value: string };
    assert.equal(doc.kind, MarkupKind.Markdown);
    assert.match(doc.value, /TAP v2/);
    assert.match(doc.value, /When to use/);
  });

  for (const release of ['24.02', '25.10', '26.06'] as const) {
    it(`after \`create tap id 0\` offers exactly the other tap options of ${release}`, () => {
      const expected = schemaFor(release)
        .commands.get('create tap')!
        .args!.map((a) => a.keyword!)
        .filter((k) => k !== 'id');
      const result = complete('create tap id 0 |', { release });
      assert.deepEqual([...result.labels].sort(), [...expected].sort());
    });
  }

  it('follows the release: options and commands that a release lacks are not offered', () => {
    assert.ok(!complete('create tap |', { release: '24.02' }).labels.includes('if-name'));
    assert.ok(complete('create tap |', { release: '25.10' }).labels.includes('if-name'));
    assert.ok(!complete('create interface af_xdp |', { release: '25.10' }).labels.includes('mac-reuse'));
    assert.ok(complete('create interface af_xdp |', { release: '26.06' }).labels.includes('mac-reuse'));
    assert.ok(!complete('lcp |', { release: '25.10' }).labels.includes('lcp-sync-unnumbered'));
    assert.ok(complete('lcp |', { release: '26.06' }).labels.includes('lcp-sync-unnumbered'));
  });

  it('puts required options first and leaves out what is given or excluded', () => {
    const xdp = complete('create interface af_xdp |');
    assert.equal(xdp.labels[0], 'host-if');
    assert.equal(edit(xdp.items[0]).newText, 'host-if ${1:enp1s0}');
    assert.equal(xdp.items[0].insertTextFormat, InsertTextFormat.Snippet);
    const given = complete('create interface af_xdp host-if eth0 |');
    assert.ok(!given.labels.includes('host-if'));
    const bridged = complete('create tap host-bridge br0 |');
    assert.ok(!bridged.labels.includes('host-ip4-addr') && !bridged.labels.includes('host-ip6-addr'), 'excluded by host-bridge');
    assert.ok(bridged.labels.includes('host-ip4-gw'));
  });

  it('inserts plain keywords when the client takes no snippets', () => {
    const caps = { snippetSupport: false, markdown: false };
    const item = find(complete('create tap |', { caps }), 'host-if-name')!;
    assert.equal(edit(item).newText, 'host-if-name');
    assert.equal(item.insertTextFormat, undefined);
    assert.equal((item.documentation as { kind: string }).kind, MarkupKind.PlainText);
  });

  it('offers the interfaces created above, named the way VPP names them', () => {
    const result = complete(
      [
        'create tap id 0 host-if-name vpp0',
        'create tap tun',
        'create host-interface name veth1',
        'create interface af_xdp host-if enp1s0',
        'create vhost-user socket /run/vpp/vm0.sock server',
        'create vhost-user socket /run/vpp/vm1.sock',
        'create interface memif id 2 socket-id 1',
        'create loopback interface',
        'create sub-interfaces tap0 100',
        'set interface state |',
        'create loopback interface instance 7',
      ].join('\n'),
    );
    assert.deepEqual(result.labels, [
      'tap0',
      'tun1',
      'host-veth1',
      'enp1s0/0',
      'VirtualEthernet0/0/0',
      'VirtualEthernet0/0/1',
      'memif1/2',
      'loop0',
      'tap0.100',
    ]);
    assert.match(find(result, 'tap0')!.detail!, /TAP interface, created on line 1/);
  });

  it('names interfaces after if-name and af_xdp name, and offers names the file uses elsewhere', () => {
    const result = complete('create tap if-name uplink\ncreate interface af_xdp host-if eth1 name xdp0\nset interface state GigabitEthernet0/8/0 up\nset interface ip address |', { release: '26.06' });
    assert.deepEqual(result.labels, ['uplink', 'xdp0', 'GigabitEthernet0/8/0', 'del'], 'the required interface before the optional `del`');
  });

  it('offers the values of an option: enums after the interface, words of multi-word keywords', () => {
    assert.deepEqual(complete('create tap id 0\nset interface state tap0 |').labels, ['up', 'down', 'punt', 'enable']);
    assert.deepEqual(complete('create interface memif mode |').labels, ['ip']);
    assert.ok(complete('create interface af_xdp host-if eth0 num-rx-queues |').labels.includes('all'));
    assert.deepEqual(complete('lcp lcp-sync |').labels, ['on', 'enable', 'off', 'disable']);
  });

  it('offers network namespaces named elsewhere in the file', () => {
    const result = complete('create tap host-ns blue\nlcp default netns red\ncreate interface af_xdp host-if eth0 netns |');
    assert.deepEqual(result.labels, ['blue', 'red']);
  });

  it('completes inside braces: arguments of `create tap { }` and commands in `uncomment { }`', () => {
    assert.ok(!complete('create tap { id 0 | }').labels.includes('id'));
    assert.ok(complete('create tap { id 0 | }').labels.includes('host-if-name'));
    assert.ok(complete('uncomment { create tap id 0 | }').labels.includes('host-if-name'));
    assert.deepEqual(typed(complete('uncomment { sh| }'), 'sh'), ['show']);
  });

  it('reads a line continued with a backslash as one command, for a command that reads its input directly', () => {
    // int_l2_bridge (src/vnet/l2/l2_input.c) reads `input` itself, so the newline a `\` keeps is a blank to it
    const result = complete('set interface l2 bridge loop0 \\\n  10 \\\n  |');
    assert.ok(result.labels.includes('bvi') && result.labels.includes('uu-fwd'), result.labels.join(' '));
    // create tap reads one line: its options after the break would be a command of their own
    assert.ok(!complete('create tap id 0 \\\n  host-if-name vpp0 \\\n  |').labels.includes('host-ns'));
  });

  it('offers nothing in a comment', () => {
    assert.deepEqual(complete('create tap # host|').labels, []);
  });
});

describe('completion in startup.conf', () => {
  it('offers section names at the top level, as block snippets', () => {
    const result = complete('un|', { startup: true });
    assert.ok(result.labels.includes('unix') && result.labels.includes('dpdk'));
    assert.equal(edit(find(result, 'unix')!).newText, 'unix {\n\t$0\n}');
    const opener = complete('unix |', { startup: true, caps: { snippetSupport: false, markdown: false } });
    assert.deepEqual(opener.items.map((i) => edit(i).newText), ['{ }']);
  });

  it('does not offer a section the file has already, but still the one being typed', () => {
    const result = complete('unix { nodaemon }\ndpdk { dev 0000:02:00.0 }\n|\n', { startup: true });
    assert.ok(!result.labels.includes('unix') && !result.labels.includes('dpdk'), result.labels.join(', '));
    assert.ok(result.labels.includes('cpu') && result.labels.includes('memory'));
    assert.ok(complete('unix { nodaemon }\ncp|', { startup: true }).labels.includes('cpu'));
    assert.ok(complete('un|\ndpdk { }\n', { startup: true }).labels.includes('unix'), 'the word under the cursor is not "already there"');
  });

  it('inside `dpdk { dev 0000:02:00.0 { ` offers the parameters of a dev block', () => {
    const result = complete('dpdk { dev 0000:02:00.0 { |', { startup: true, release: '26.06' });
    const dev = schemaFor('26.06').sectionByKey.get('dpdk')!.block!.find((p) => p.key === 'dev')!;
    assert.deepEqual([...result.labels].sort(), dev.block!.map((p) => p.key).sort());
    const older = complete('dpdk {\n  dev 0000:02:00.0 {\n    |\n  }\n}\n', { startup: true, release: '24.06' });
    assert.ok(!older.labels.includes('no-rx-interrupts'), 'no-rx-interrupts comes with 24.10');
  });

  it('offers parameter values and the rest of multi-word keys', () => {
    assert.deepEqual(complete('dpdk { dev 0000:02:00.0 { tso | } }', { startup: true }).labels, ['on', 'off']);
    assert.deepEqual(complete('dpdk { dev |', { startup: true }).labels, ['default']);
    const afterDev = complete('dpdk { dev 0000:02:00.0 |', { startup: true });
    assert.equal(afterDev.labels[0], '{ … }');
    assert.ok(afterDev.labels.includes('uio-driver'));
  });

  it('offers plugin file names inside `plugins { plugin ... }`', () => {
    const result = complete('plugins {\n  plugin |\n}', { startup: true, release: '26.06' });
    // `plugin default { ... }` starts the same way
    const expected = [...[...schemaFor('26.06').plugins.keys()].map((p) => `${p}_plugin.so`), 'default'].sort();
    assert.deepEqual([...result.labels].sort(), expected);
    assert.ok(result.labels.indexOf('linux_cp_plugin.so') < result.labels.indexOf('acl_plugin.so'), 'plugins disabled by default first');
  });

  it('offers nothing inside an unknown section', () => {
    assert.deepEqual(complete('nosuch { |', { startup: true }).labels, []);
  });
});

describe('collectInterfaces', () => {
  it('lists what each creating command makes, with its kind, line, name word and Linux side', () => {
    const analysis = analyzeScript('create tap id 3 tun host-if-name vpp0\n\nlcp create tun3 host-if lcp0 tun\ncreate sub-interfaces tun3 10-1000\n', '26.06');
    const list = collectInterfaces(analysis);
    const summary = list.slice(0, 3).map((d) => [d.name, d.kind, d.line, d.nameToken?.text, d.linuxName, d.command]);
    assert.deepEqual(summary, [
      ['tun3', 'tun', 0, '3', 'vpp0', 'create tap'],
      ['tun4096', 'lcp', 2, undefined, 'lcp0', 'lcp create'],
      ['tun3.10', 'sub-interface', 3, '10-1000', undefined, 'create sub-interfaces'],
    ]);
    assert.equal(list.length, 2 + 64, 'a long range is cut to its first 64 names');
  });

  it('marks interfaces a later command deletes', () => {
    const [tap] = collectInterfaces(analyzeScript('create tap\ndelete tap tap0\n'));
    assert.equal(tap.name, 'tap0');
    assert.ok(tap.deletedAt !== undefined);
    assert.deepEqual(complete('create tap\ndelete tap tap0\nset interface state |').labels, []);
  });
});

describe('completion never throws', () => {
  for (const doc of BROKEN_DOCUMENTS) {
    it(`at every position of ${JSON.stringify(doc.text.slice(0, 40))}`, () => {
      const analysis = analyzeBroken(doc);
      for (const position of everyPosition(analysis)) {
        for (const caps of [FULL, { snippetSupport: false, markdown: false }]) {
          const list = computeCompletion(analysis, position, caps);
          for (const item of list.items) assert.equal(edit(item).range.start.line, edit(item).range.end.line);
        }
      }
    });
  }
});
