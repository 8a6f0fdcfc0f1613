import { strict as assert } from 'node:assert';
import type { SignatureHelp } from 'vscode-languageserver-types';
import { computeSignatureHelp, type SignatureContext } from '../server/src/features/signatureHelp';
import { releaseSynopsis } from '../server/src/features/docText';
import { schemaFor } from '../server/src/schema/index';
import type { VppRelease } from '../server/src/schema/types';
import { analyzeBroken, BROKEN_DOCUMENTS, everyPosition } from './brokenDocuments';
import { analyzeScript, analyzeStartup, withCursor } from './helpers';

/** What the editor sends: typing a space (2), asked for (1), or while the help shows (a retrigger). */
const TYPED: SignatureContext = { triggerKind: 2, isRetrigger: false };
const ASKED: SignatureContext = { triggerKind: 1, isRetrigger: false };
const SHOWING: SignatureContext = { triggerKind: 3, isRetrigger: true };

function signature(fixture: string, release?: VppRelease, context?: SignatureContext): SignatureHelp | null {
  const { text, offset } = withCursor(fixture);
  const analysis = analyzeScript(text, release);
  return computeSignatureHelp(analysis, analysis.lines.positionAt(offset), context);
}

function startupSignatureAt(fixture: string, context?: SignatureContext, release?: VppRelease): SignatureHelp | null {
  const { text, offset } = withCursor(fixture);
  const analysis = analyzeStartup(text, release);
  return computeSignatureHelp(analysis, analysis.lines.positionAt(offset), context);
}

/** The text of each parameter as the client highlights it in the signature. */
function parameterTexts(help: SignatureHelp): string[] {
  const sig = help.signatures[0];
  return (sig.parameters ?? []).map((p) => {
    assert.ok(Array.isArray(p.label), 'parameters are offsets into the label');
    const [start, end] = p.label as [number, number];
    return sig.label.slice(start, end);
  });
}

function active(fixture: string, release?: VppRelease, context?: SignatureContext): string {
  const help = signature(fixture, release, context);
  assert.ok(help, `no signature for ${fixture}`);
  return parameterTexts(help)[help.activeParameter!];
}

describe('signature help', () => {
  it('shows the synopsis with one parameter per argument of the chosen release', () => {
    for (const release of ['24.02', '26.06'] as const) {
      const help = signature('create tap id 0 |', release)!;
      const command = schemaFor(release).commands.get('create tap')!;
      assert.ok(help.signatures[0].label.startsWith(releaseSynopsis(command)));
      assert.equal(help.signatures[0].parameters!.length, command.args!.length);
      assert.equal(help.signatures[0].documentation, command.doc);
    }
    const texts = parameterTexts(signature('create tap |')!);
    assert.equal(texts[0], 'id <n>');
    assert.ok(texts.includes('host-if-name <name>'));
  });

  it('gives a command read from VPP parsers one parameter per argument its parser reads', () => {
    const help = signature('create vxlan-gpe tunnel local 10.0.0.1 |')!;
    const texts = parameterTexts(help);
    assert.ok(texts.includes('vni <int>') || texts.some((t) => t.startsWith('vni')), texts.join(' | '));
    assert.match(String(help.signatures[0].documentation), /vxlan_gpe_add_del_tunnel_command_fn/);
  });

  it('appends arguments that the synopsis does not spell out, so every parameter is in the label', () => {
    const texts = parameterTexts(signature('create interface af_xdp |')!);
    assert.ok(texts.includes('num-rx-queues all'));
    assert.ok(texts.includes('host-if <linux-ifname>'));
  });

  it('marks the option under or before the cursor', () => {
    assert.equal(active('create tap id 0 host-if-name v|'), 'host-if-name <name>');
    assert.equal(active('create tap id 0 host-if-n|'), 'host-if-name <name>');
    assert.equal(active('create tap id 0 host-if-name |'), 'host-if-name <name>', 'its value is due');
    assert.equal(active('create tap id 0 |'), 'id <n>');
    assert.equal(active('create tap gso|'), 'gso');
  });

  it('marks a required argument when nothing is written yet, and the next one due in order', () => {
    assert.equal(active('create interface af_xdp |'), 'host-if <linux-ifname>');
    assert.equal(active('set interface state |'), '<interface>');
    assert.equal(active('set interface state tap0 |'), 'up|down|punt|enable');
    assert.equal(active('set interface ip address |'), '<interface>');
    assert.equal(active('set interface mtu |'), '<mtu>');
  });

  it('works inside braces', () => {
    assert.equal(active('create tap { id 0 host-if-name | }'), 'host-if-name <name>');
    assert.equal(active('uncomment { create tap id 0 hw-a| }'), 'hw-addr <mac>');
  });

  it('gives nothing outside a known command and in comments', () => {
    assert.equal(signature('frobnicate |'), null);
    assert.equal(signature('create |'), null);
    assert.equal(signature('create tap # id |'), null);
  });

  it('shows the release in force: no `[if-name <name>]` under 24.02', () => {
    assert.ok(!signature('create tap |', '24.02')!.signatures[0].label.includes('[if-name'));
    assert.ok(!parameterTexts(signature('create tap |', '24.02')!).some((p) => p.startsWith('if-name')));
    assert.ok(signature('create tap |', '26.06')!.signatures[0].label.includes('[if-name <name>]'));
    assert.ok(signature('create tap |', '24.02')!.signatures[0].label.includes('[hw-addr <mac>]'));
  });

  it('opens on a typed space only right after the command word, and follows the arguments once open', () => {
    assert.ok(signature('create tap |', undefined, TYPED), 'after the command word');
    assert.equal(signature('create tap id 0 |', undefined, TYPED), null, 'not on every space between arguments');
    assert.equal(signature('set |', undefined, TYPED), null, 'not where a sub-command comes next');
    assert.equal(signature('show interface |', undefined, TYPED), null, 'nor after a command that has sub-commands');
    assert.equal(active('create tap id 0 host-if-name |', undefined, SHOWING), 'host-if-name <name>', 'retriggered inside the arguments');
    assert.equal(signature('create |', undefined, SHOWING), null, 'closes once the cursor leaves the command');
    assert.equal(active('create tap id 0 |', undefined, ASKED), 'id <n>', 'asked for, anywhere in the arguments');
  });

  describe('in startup.conf', () => {
    const activeIn = (fixture: string, context?: SignatureContext) => {
      const help = startupSignatureAt(fixture, context);
      assert.ok(help, `no signature for ${fixture}`);
      return { label: help.signatures[0].label, active: parameterTexts(help)[help.activeParameter!] };
    };

    it('shows a parameter with values while its value is written', () => {
      assert.deepEqual(activeIn('memory { main-heap-size | }', TYPED), { label: 'main-heap-size <size>', active: '<size>' });
      assert.deepEqual(activeIn('memory { main-heap-size 1|G }', SHOWING), { label: 'main-heap-size <size>', active: '<size>' });
      assert.equal(activeIn('dpdk { dev | }').active, '<string>');
      assert.equal(activeIn('heapsize |').label, 'heapsize <size>', 'a section with a value');
    });

    it('closes once the value is written, and opens on the block only when asked', () => {
      assert.equal(startupSignatureAt('memory { main-heap-size 1G | }', SHOWING), null);
      assert.equal(startupSignatureAt('unix { nodaemon | }', TYPED), null);
      const block = startupSignatureAt('unix { nodaemon | }', ASKED)!;
      assert.ok(block.signatures[0].label.startsWith('unix { '), block.signatures[0].label);
      const texts = parameterTexts(block);
      assert.ok(texts.includes('nodaemon') && texts.includes('cli-listen <string>'), texts.join(', '));
      assert.equal(startupSignatureAt('# main-heap-size |', ASKED), null);
    });
  });

  it('never throws', () => {
    for (const doc of BROKEN_DOCUMENTS) {
      const analysis = analyzeBroken(doc);
      for (const position of everyPosition(analysis)) {
        const help = computeSignatureHelp(analysis, position);
        if (help) parameterTexts(help);
      }
    }
  });
});
