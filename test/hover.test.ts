import { strict as assert } from 'node:assert';
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import { computeHover } from '../server/src/features/hover';
import { INTERFACE_TYPES, type InterfaceTypeId } from '../server/src/schema/docs/interfaceTypes';
import type { VppRelease } from '../server/src/schema/types';
import { analyzeBroken, BROKEN_DOCUMENTS, everyPosition } from './brokenDocuments';
import { analyzeScript, analyzeStartup, withCursor } from './helpers';

function hover(fixture: string, options: { startup?: boolean; release?: VppRelease; markdown?: boolean } = {}): MarkupContent | null {
  const { text, offset } = withCursor(fixture);
  const analysis = options.startup ? analyzeStartup(text, options.release) : analyzeScript(text, options.release);
  const result = computeHover(analysis, analysis.lines.positionAt(offset), options.markdown ?? true);
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
    it(`shows the ${type} course facts on \`${fixture.replace('|', '')}\``, () => {
      const value = text(fixture);
      const doc = typeDoc(type);
      assert.ok(value.includes(doc.title), 'title');
      assert.ok(value.includes('| Max throughput |') && value.includes(doc.matrix.throughput), 'matrix row as a table');
      assert.ok(value.includes(doc.whenToUse), 'when to use');
      assert.ok(value.includes(doc.verify.find((v) => !v.startsWith('$ '))!), 'verify commands');
      for (const correction of doc.courseCorrections ?? []) assert.ok(value.includes(correction), 'course correction');
    });
  }

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

  it('renders plain text for clients without markdown', () => {
    const result = hover('create t|ap id 0', { markdown: false })!;
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

  it('shows the course facts of an interface type on its section', () => {
    assert.ok(text('dp|dk { dev 0000:02:00.0 }', { startup: true }).includes(typeDoc('dpdk').title));
  });

  it('shows a parameter with its value kind, and where it belongs', () => {
    const value = text('dpdk {\n  dev 0000:02:00.0 {\n    num-rx-que|ues 2\n  }\n}', { startup: true });
    assert.match(value, /num-rx-queues <uint>/);
    assert.match(value, /Parameter of `dev`/);
    assert.match(value, /Value: a decimal number/);
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
