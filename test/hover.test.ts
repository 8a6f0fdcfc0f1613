import { strict as assert } from 'node:assert';
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import type { HoverDetail } from '../server/src/features/docText';
import { computeHover } from '../server/src/features/hover';
import { readSettings } from '../server/src/settings';
import { INTERFACE_TYPES, type InterfaceTypeId } from '../server/src/schema/docs/interfaceTypes';
import type { VppRelease } from '../server/src/schema/types';
import { analyzeBroken, BROKEN_DOCUMENTS, everyPosition } from './brokenDocuments';
import { analyzeScript, analyzeStartup, withCursor } from './helpers';

function hover(fixture: string, options: { startup?: boolean; release?: VppRelease; markdown?: boolean; detail?: HoverDetail } = {}): MarkupContent | null {
  const { text, offset } = withCursor(fixture);
  const analysis = options.startup ? analyzeStartup(text, options.release) : analyzeScript(text, options.release);
  const result = computeHover(analysis, analysis.lines.positionAt(offset), options.markdown ?? true, options.detail);
  return result ? (result.contents as MarkupContent) : null;
}

function text(fixture: string, options?: Parameters<typeof hover>[1]): string {
  const result = hover(fixture, options);
  assert.ok(result, `no hover for ${fixture}`);
  return result.value;
}

const typeDoc = (id: InterfaceTypeId) => INTERFACE_TYPES.find((t) => t.id === id)!;

describe('hover in scripts', () => {
  const cases: { fixture: string; type: InterfaceTypeId }[] = [
    { fixture: 'create t|ap id 0 host-if-name vpp0', type: 'tap' },
    { fixture: 'create interface af_x|dp host-if eth0', type: 'af_xdp' },
    { fixture: 'create vhost-u|ser socket /run/vpp/vm0.sock server', type: 'vhost-user' },
    { fixture: 'create host-inter|face name veth1', type: 'af_packet' },
    { fixture: 'lcp cr|eate tap0 host-if vpp0', type: 'linux-cp' },
  ];
  for (const { fixture, type } of cases) {
    it(`shows the ${type} course facts on \`${fixture.replace('|', '')}\`, all of them with \`vpp.hover.detail: full\``, () => {
      const value = text(fixture, { detail: 'full' });
      const doc = typeDoc(type);
      assert.ok(value.includes(doc.title), 'title');
      assert.ok(value.includes('| Max throughput |') && value.includes(doc.matrix.throughput), 'matrix row as a table');
      assert.ok(value.includes(doc.whenToUse), 'when to use');
      assert.ok(value.includes(doc.verify.find((v) => !v.startsWith('$ '))!), 'verify commands');
      for (const correction of doc.courseCorrections ?? []) assert.ok(value.includes(correction), 'course correction');
    });
  }

  it('is short by default: the syntax, one sentence, then the facts, with the course text behind the setting', () => {
    const value = text('create t|ap id 0 host-if-name vpp0');
    const doc = typeDoc('tap');
    assert.ok(value.length < 1400, `${value.length} characters`);
    assert.match(value, /^```vpp-cli\ncreate tap /);
    assert.ok(value.includes(doc.summary) && value.includes(`Max throughput: ${doc.matrix.throughput}`), 'what it is and the matrix row');
    assert.ok(!value.includes(doc.whenToUse) && !value.includes('**How it works**'), 'no course essay');
    assert.match(value, /`vpp\.hover\.detail`: `full`/);
    assert.match(value, /the course is the VPP interfaces guide/, 'says what the course is');
    assert.ok(text('create t|ap id 0', { detail: 'full' }).includes('the course is the VPP interfaces guide'), 'also where corrections cite it');
  });

  it('reads `vpp.hover.detail` as `short` unless it says `full`', () => {
    assert.equal(readSettings({ hover: { detail: 'full' } }).hoverDetail, 'full');
    for (const raw of [{}, { hover: { detail: 'long' } }, { hover: 'full' }, null]) assert.equal(readSettings(raw).hoverDetail, 'short');
  });

  it('says tap is built into VPP before 26.02 and a plugin from then on', () => {
    assert.ok(!text('create t|ap id 0', { release: '24.02' }).includes('tap_plugin.so'), 'no plugin before 26.02');
    assert.match(text('create t|ap id 0', { release: '26.06' }), /Plugin: `tap_plugin\.so` \(a plugin from 26\.02; built into VPP before\)/);
  });

  it('shows the synopsis of the release in force', () => {
    assert.ok(!text('create t|ap id 0', { release: '24.02' }).includes('[if-name'));
    assert.ok(text('create t|ap id 0', { release: '26.06' }).includes('[if-name <name>]'));
  });

  it('shows the synopsis, doc, plugin and releases of a command on any of its words', () => {
    const value = text('cre|ate interface af_xdp host-if eth0');
    assert.match(value, /```vpp-cli\ncreate interface af_xdp host-if <linux-ifname>/);
    assert.match(value, /Plugin: `af_xdp_plugin\.so`/);
    assert.match(value, /Releases: all modelled releases/);
    assert.match(text('lcp lcp-sync-unnum|bered on', { release: '26.06' }), /Releases: 26\.06 only/);
  });

  it('shows the syntax of a command read from VPP parsers, where it was read and how strictly it is checked', () => {
    const value = text('create bo|nd mode lacp');
    assert.match(value, /As VPP's parser reads it \(`bond_create_command_fn` in `src\/vnet\/bonding\/cli\.c`\)/);
    assert.match(value, /`create bond \[mode <round-robin\|active-backup\|xor\|broadcast\|lacp>\] \[load-balance <l23\|l34\|l2>\]/);
    assert.match(value, /VPP refuses any other word/);
    assert.match(text('create bond mode la|cp'), /Value of `mode` in `create bond`: one of `round-robin`/);
    assert.match(text('set ip nei|ghbor loop0 10.0.0.1 02:00:00:00:00:01'), /stops at the first word it does not know and ignores the rest/);
  });

  it('says whether a command reads its arguments only to the end of the line, where VPP reads them', () => {
    const tap = text('create t|ap id 0 host-if-name vpp0', { detail: 'full' });
    assert.match(tap, /Reads its arguments only to the end of the line \(`unformat_line_input` in `tap_create_command_fn`, src\/plugins\/tap\/cli\.c\)/);
    assert.match(tap, /a `\\` continuation ends them/);
    assert.match(text('create t|ap id 0 host-if-name vpp0'), /Reads its arguments only to the end of the line: a `\\` continuation ends them/);
    assert.doesNotMatch(text('set interface st|ate loop0 up'), /end of the line/);
    assert.match(text('ex|ec /etc/vpp/setup.cmd', { detail: 'full' }), /VPP keeps the line break: a command that reads its arguments to the end of the line/);
  });

  it('hovers the part of a continued line that VPP runs on its own as that command', () => {
    assert.match(text('create tap id 0 \\\n  sh|ow version'), /show version/);
  });

  it('shows an option with its value kind, an example and its releases', () => {
    const option = text('create tap id 0 host-if-na|me vpp0');
    assert.match(option, /host-if-name <ifname>/);
    assert.match(option, /Value: a Linux interface name \(at most 15 characters\) \(e\.g\. `vpp-tap0`\)/);
    assert.match(option, /Releases: all modelled releases/);
    assert.match(text('create tap if-na|me uplink', { release: '26.06' }), /Releases: 25\.10 and later/);
    assert.match(text('create interface af_xdp host-if eth0 mac-re|use', { release: '26.06' }), /Releases: 26\.06 only/);
    assert.match(text('create tap rx-ring-si|ze 512'), /a power of two/);
  });

  it('shows a value with what it must be, and the interface it names', () => {
    assert.match(text('create tap id 0\nset interface state tap0 u|p'), /one of `up`, `down`, `punt`, `enable`/);
    assert.match(text('create tap i|d 0'), /Option of `create tap`/);
    assert.match(text('create tap id |0'), /Names the new interface `tap0`/);
  });

  it('shows where an interface was created and what kind it is', () => {
    const value = text('create tap id 0 host-if-name vpp0\n\nset interface state ta|p0 up');
    assert.match(value, /\*\*tap0\*\*: TAP interface, created on line 1 by `create tap`/);
    assert.match(value, /create tap id 0 host-if-name vpp0/);
    assert.match(value, /Linux side: `vpp0`/);
    assert.match(text('create host-interface name veth1\nshow hardware-interfaces host-ve|th1'), /AF_PACKET interface, created on line 1/);
  });

  it('names the interface created last before the word: a name deleted and created again, a sub-interface of a range', () => {
    const script = 'create loopback interface\ncreate loopback interface\ndelete loopback interface intfc loop0\ncreate loopback interface\n';
    assert.match(text(`${script}set interface state lo|op0 up`), /\*\*loop0\*\*: loopback interface, created on line 4 by `create loopback interface`/);
    assert.match(text(`set interface state lo|op1 up\n${script}`), /\*\*loop1\*\*: loopback interface, created on line 3/, 'a use above the creation: the first created after it');
    const range = 'create loopback interface\ncreate sub-interfaces loop0 10-12\n';
    assert.match(text(`${range}set interface state loop0.1|1 up`), /\*\*loop0\.11\*\*: sub-interface, created on line 2 by `create sub-interfaces`/);
    assert.match(text('create loopback interface\ncreate sub-interfaces loop0 1|0-12'), /Names the new interface `loop0\.10`, `loop0\.11`, `loop0\.12`\./);
    assert.doesNotMatch(text(`${range}create sub-interfaces loop0 1|0-12`), /Names the new interface/, 'the same range again: VPP refuses it');
    assert.doesNotMatch(text('create loopback interface instance 3\ncreate loopback interface instance |3'), /Names the new interface/, 'VPP refuses the second: not an interface of the list');
  });

  it('renders plain text for clients without markdown', () => {
    const result = hover('create t|ap id 0', { markdown: false, detail: 'full' })!;
    assert.equal(result.kind, MarkupKind.PlainText);
    assert.ok(!result.value.includes('| --- |') && !result.value.includes('```'));
    assert.match(result.value, /Max throughput: 500 Kpps/);
  });

  it('gives no hover between words, in comments or on unknown words', () => {
    assert.equal(hover('create tap id 0   |  # note'), null);
    assert.equal(hover('create tap id 0 # no|te'), null);
    assert.equal(hover('frobnicate the w|idget'), null);
  });
});

describe('hover in startup.conf', () => {
  it('shows a section with its doc, accepted parameters and releases', () => {
    const value = text('un|ix { nodaemon }', { startup: true });
    assert.match(value, /Process-level settings/);
    assert.match(value, /Accepts: `interactive`, `nodaemon`/);
    assert.match(value, /Releases: all modelled releases/);
  });

  it('says which releases accept a section that stops VPP later, and gives the reason once', () => {
    const fatal = text('heap|size 2G', { startup: true, release: '26.06' });
    assert.match(fatal, /\*\*Stops VPP 26\.06:\*\*/);
    assert.equal(fatal.split('main-heap-size').length - 1, 1, fatal);
    assert.match(fatal, /Releases: up to 25\.10; VPP refuses to start with it from 26\.02/);
    assert.ok(!fatal.includes('all modelled releases'));
    const accepted = text('heap|size 2G', { startup: true, release: '24.02' });
    assert.match(accepted, /Old way to set the main heap size/);
    assert.match(accepted, /Releases: up to 25\.10; VPP refuses to start with it from 26\.02/);
  });

  it('shows the course facts of an interface type on its section', () => {
    assert.ok(text('dp|dk { dev 0000:02:00.0 }', { startup: true }).includes(typeDoc('dpdk').title));
  });

  it('shows a parameter with its value kind, and where it belongs', () => {
    const value = text('dpdk {\n  dev 0000:02:00.0 {\n    num-rx-que|ues 2\n  }\n}', { startup: true });
    assert.match(value, /num-rx-queues <uint>/);
    assert.match(value, /Parameter of `dev`/);
    assert.match(value, /Value: a whole number/);
    assert.match(text('dpdk { no-rx-interrupts enable-mbuf-fast-f|ree }', { startup: true, release: '26.06' }), /Releases: 26\.06 only/);
  });

  it('shows values: enums and plugin files', () => {
    assert.match(text('dpdk { dev 0000:02:00.0 { tso o|n } }', { startup: true }), /one of `on`, `off`/);
    const plugin = text('plugins { plugin linux_cp_plu|gin.so { enable } }', { startup: true, release: '26.06' });
    assert.match(plugin, /\*\*linux_cp\*\* plugin/);
    assert.match(plugin, /Disabled by default in 26\.06/);
  });

  it('gives no hover on unknown sections', () => {
    assert.equal(hover('nosu|ch { x }', { startup: true }), null);
  });
});

describe('hover never throws', () => {
  for (const doc of BROKEN_DOCUMENTS) {
    it(`at every position of ${JSON.stringify(doc.text.slice(0, 40))}`, () => {
      const analysis = analyzeBroken(doc);
      for (const position of everyPosition(analysis)) {
        computeHover(analysis, position, true);
        computeHover(analysis, position, false);
      }
    });
  }
});
