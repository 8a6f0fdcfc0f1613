import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { VppRelease } from '../server/src/schema/types';
import { checkInterfaces } from '../server/src/analysis/interfaceChecks';
import { computeRename, prepareRename, RenameRefused } from '../server/src/features/rename';
import { analyzeBroken, BROKEN_DOCUMENTS, everyPosition } from './brokenDocuments';
import { analyzeScript, analyzeStartup, withCursor } from './helpers';
import { ALL_KINDS } from './interfaceFixtures';

const URI = 'file:///etc/vpp/setup.vpp';

/** Renames what is under the `|` cursor and returns the script after the edits. */
function rename(fixture: string, newName: string, release?: VppRelease): string {
  const { text, offset } = withCursor(fixture);
  const a = analyzeScript(text, release);
  const edit = computeRename(a, URI, a.lines.positionAt(offset), newName);
  assert.ok(edit?.changes, 'expected a rename');
  return TextDocument.applyEdits(TextDocument.create(URI, 'vpp-cli', 1, text), edit.changes[URI]);
}

/** The reason a rename is refused. */
function refusal(fixture: string, newName: string, release?: VppRelease): string {
  const { text, offset } = withCursor(fixture);
  const a = analyzeScript(text, release);
  try {
    computeRename(a, URI, a.lines.positionAt(offset), newName);
  } catch (e) {
    assert.ok(e instanceof RenameRefused, `unexpected ${String(e)}`);
    return e.message;
  }
  assert.fail('expected the rename to be refused');
}

/** Puts the cursor before the n-th occurrence (0-based) of `word` in the all-kinds script. */
function inAllKinds(word: string, nth = 0): string {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = ALL_KINDS.indexOf(word, offset + 1);
  return `${ALL_KINDS.slice(0, offset + 1)}|${ALL_KINDS.slice(offset + 1)}`;
}

function lines(text: string, ...numbers: number[]): string[] {
  const all = text.split('\n');
  return numbers.map((n) => all[n - 1]);
}

describe('rename', () => {
  describe('each kind, in a script with all of them', () => {
    it('tap: changes `id` and every use, sub-interfaces and lcp pairs included', () => {
      const out = rename(inAllKinds('tap0', 3), 'tap5');
      assert.deepEqual(lines(out, 1, 8, 9, 11, 18, 22), [
        'create tap id 5 host-if-name vpp0 host-ns ns1',
        'create sub-interfaces tap5 100 dot1q 100',
        'lcp create tap5 host-if tap0-linux netns dataplane',
        'set interface state tap5 up',
        'set interface state tap5.100 up',
        'ip route add 10.0.0.0/8 via 192.0.2.1 tap5',
      ]);
      assert.deepEqual(checkInterfaces(analyzeScript(out)), []);
    });

    it('host-interface: changes the Linux name after `host-`', () => {
      const out = rename(inAllKinds('host-veth1', 1), 'host-veth9');
      assert.deepEqual(lines(out, 2, 12, 21), ['create host-interface name veth9', 'set interface state host-veth9 up', 'set interface l2 xconnect host-veth9 memif0/2']);
    });

    it('af_xdp: changes `name`, or adds it where VPP made the name up', () => {
      assert.deepEqual(lines(rename(inAllKinds('xdp0', 1), 'xdp7'), 3, 13), ['create interface af_xdp host-if enp1s0 name xdp7', 'set interface state xdp7 up']);
      assert.deepEqual(lines(rename(inAllKinds('enp2s0/1'), 'uplink'), 4, 14), ['create interface af_xdp name uplink host-if enp2s0', 'set interface state uplink up']);
    });

    it('vhost-user: adds `renumber`', () => {
      assert.deepEqual(lines(rename(inAllKinds('VirtualEthernet0/0/0'), 'VirtualEthernet0/0/3'), 5, 15), [
        'create vhost-user renumber 3 socket /run/vpp/vm1.sock server',
        'set interface state VirtualEthernet0/0/3 up',
      ]);
    });

    it('memif: changes `id`', () => {
      assert.deepEqual(lines(rename(inAllKinds('memif0/2', 1), 'memif0/6'), 6, 16, 21), [
        'create interface memif id 6 socket-id 0 master',
        'set interface state memif0/6 up',
        'set interface l2 xconnect host-veth1 memif0/6',
      ]);
    });

    it('loopback: changes `instance`', () => {
      assert.deepEqual(lines(rename(inAllKinds('loop4'), 'loop8'), 7, 17), ['create loopback interface instance 8', 'set interface state loop8 up']);
    });

    it('sub-interface with an explicit VLAN: changes the id', () => {
      assert.deepEqual(lines(rename(inAllKinds('tap0.100'), 'tap0.200'), 8, 18), ['create sub-interfaces tap0 200 dot1q 100', 'set interface state tap0.200 up']);
    });

    it('lcp pair: the Linux side changes `host-if`; the VPP side is VPP\'s to number', () => {
      assert.deepEqual(lines(rename(inAllKinds('tap0-linux'), 'tl0'), 9), ['lcp create tap0 host-if tl0 netns dataplane']);
      assert.match(refusal(inAllKinds('tap4096'), 'tap7'), /VPP names the tap of a linux-cp pair itself/);
    });
  });

  describe('rules VPP sets', () => {
    it('tap before 25.10: only tap<number>; from 25.10 any name through `if-name`', () => {
      assert.match(refusal('create tap id 0\nset interface state t|ap0 up\n', 'uplink', '24.02'), /VPP 24.02 names this interface tap<id>.*`if-name`, which VPP accepts from 25.10/);
      assert.equal(rename('create tap id 0\nset interface state t|ap0 up\n', 'uplink', '25.10'), 'create tap if-name uplink id 0\nset interface state uplink up\n');
      assert.equal(rename('create tap id 0 if-name up0\nset interface state u|p0 up\n', 'up1', '26.06'), 'create tap id 0 if-name up1\nset interface state up1 up\n');
    });

    it('a tun stays a tun', () => {
      assert.match(refusal('create tap id 1 tun\nset interface state t|un1 up\n', 'tap1', '24.02'), /tun<id>/);
      assert.equal(rename('create tap id 1 tun\nset interface state t|un1 up\n', 'tun2'), 'create tap id 2 tun\nset interface state tun2 up\n');
    });

    it('an automatic number becomes explicit, unless that renumbers the interfaces after it', () => {
      assert.equal(rename('create tap\nset interface state t|ap0 up\n', 'tap3'), 'create tap id 3\nset interface state tap3 up\n');
      assert.match(refusal('create tap\ncreate tap\nset interface state t|ap0 up\n', 'tap3'), /would also turn `tap1` \(line 2\) into `tap0`: VPP numbers that interface itself/);
    });

    it('a host-interface name keeps `host-`, and renames the Linux interface made in the script', () => {
      assert.match(refusal('create host-interface name v1\nset interface state h|ost-v1 up\n', 'uplink'), /must start with `host-`/);
      const out = rename('create tap host-if-name v1\ncreate host-interface name v1\nset interface state h|ost-v1 up\n', 'host-v2');
      assert.equal(out, 'create tap host-if-name v2\ncreate host-interface name v2\nset interface state host-v2 up\n');
      assert.match(refusal('create host-interface name v1\nset interface state h|ost-v1 up\n', 'host-a-very-long-name'), /Linux/);
    });

    it('renaming a Linux interface follows into the VPP names made from it', () => {
      const out = rename('create tap host-if-name v|1\ncreate host-interface name v1\nset interface state host-v1 up\n', 'v2');
      assert.equal(out, 'create tap host-if-name v2\ncreate host-interface name v2\nset interface state host-v2 up\n');
    });

    it('memif: the socket stays', () => {
      assert.match(refusal('create interface memif id 1 master\nset interface state m|emif0/1 up\n', 'memif3/1'), /only the id/);
    });

    it('vhost-user and loopback keep their form, and the value must be one VPP takes', () => {
      assert.match(refusal('create vhost-user socket /s\nset interface state V|irtualEthernet0/0/0 up\n', 'vm1'), /VirtualEthernet0\/0\/<number>/);
      assert.match(refusal('create loopback interface\nset interface state l|oop0 up\n', 'loop99999'), /`instance 99999`.*at most 16383/);
    });

    it('a sub-interface whose id is its VLAN, or a range, is not renamed', () => {
      assert.match(refusal('create sub-interfaces tap0 100\nset interface state t|ap0.100 up\n', 'tap0.200'), /id is also its VLAN/);
      assert.throws(() => prepareRename(analyzeScript('create sub-interfaces tap0 1-9\n'), { line: 0, character: 28 }), RenameRefused);
    });

    it('refuses names that exist, names that are not one word, and names VPP gives a NIC', () => {
      assert.match(refusal('create loopback interface\ncreate tap id 0\nset interface state l|oop0 up\n', 'tap0'), /already the name of the interface created on line 2/);
      assert.match(refusal('create loopback interface\nset interface state l|oop0 up\n', 'loop 1'), /not a single word/);
      assert.match(refusal('set interface state G|igabitEthernet0/8/0 up\n', 'wan'), /not created in this script/);
      assert.throws(() => prepareRename(analyzeScript('set interface state GigabitEthernet0/8/0 up\n'), { line: 0, character: 22 }), RenameRefused);
      assert.match(refusal('create tap host-if-name k|eep attach\n', 'other'), /Linux interface this script does not create/);
    });
  });

  describe('prepareRename', () => {
    it('gives the word under the cursor and the interface name as placeholder', () => {
      const a = analyzeScript('create tap id 0\nset interface state tap0.5 up\n');
      assert.deepEqual(prepareRename(a, { line: 0, character: 14 }), { range: { start: { line: 0, character: 14 }, end: { line: 0, character: 15 } }, placeholder: 'tap0' });
      assert.deepEqual(prepareRename(a, { line: 1, character: 21 }), { range: { start: { line: 1, character: 20 }, end: { line: 1, character: 24 } }, placeholder: 'tap0' });
    });

    it('is null away from interface names and in startup.conf', () => {
      assert.equal(prepareRename(analyzeScript('show version\n'), { line: 0, character: 2 }), null);
      assert.equal(prepareRename(analyzeStartup('unix { nodaemon }\n'), { line: 0, character: 9 }), null);
      assert.equal(computeRename(analyzeScript('show version\n'), URI, { line: 0, character: 2 }, 'x'), null);
    });

    it('never fails other than with a reason, at any position of a broken document', () => {
      for (const doc of BROKEN_DOCUMENTS) {
        const a = analyzeBroken(doc);
        for (const p of everyPosition(a)) {
          for (const run of [() => prepareRename(a, p), () => computeRename(a, URI, p, 'tap9')]) {
            try {
              run();
            } catch (e) {
              assert.ok(e instanceof RenameRefused, `${doc.text} at ${JSON.stringify(p)}: ${String(e)}`);
            }
          }
        }
      }
    });
  });
});
