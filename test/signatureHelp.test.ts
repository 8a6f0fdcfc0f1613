import { strict as assert } from 'node:assert';
import type { SignatureHelp } from 'vscode-languageserver-types';
import { computeSignatureHelp } from '../server/src/features/signatureHelp';
import { schemaFor } from '../server/src/schema/index';
import type { VppRelease } from '../server/src/schema/types';
import { analyzeBroken, BROKEN_DOCUMENTS, everyPosition } from './brokenDocuments';
import { analyzeScript, analyzeStartup, withCursor } from './helpers';

function signature(fixture: string, release?: VppRelease): SignatureHelp | null {
  const { text, offset } = withCursor(fixture);
  const analysis = analyzeScript(text, release);
  return computeSignatureHelp(analysis, analysis.lines.positionAt(offset));
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

function active(fixture: string, release?: VppRelease): string {
  const help = signature(fixture, release);
  assert.ok(help, `no signature for ${fixture}`);
  return parameterTexts(help)[help.activeParameter!];
}

describe('signature help', () => {
  it('shows the synopsis with one parameter per argument of the chosen release', () => {
    for (const release of ['24.02', '26.06'] as const) {
      const help = signature('create tap id 0 |', release)!;
      const command = schemaFor(release).commands.get('create tap')!;
      assert.ok(help.signatures[0].label.startsWith(command.synopsis));
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

  it('gives nothing outside a known command, in comments and in startup.conf', () => {
    assert.equal(signature('frobnicate |'), null);
    assert.equal(signature('create |'), null);
    assert.equal(signature('create tap # id |'), null);
    const { text, offset } = withCursor('dpdk { dev | }');
    const analysis = analyzeStartup(text);
    assert.equal(computeSignatureHelp(analysis, analysis.lines.positionAt(offset)), null);
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
