import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codeOf, errorsOf, eventually, openExample, positionOf } from './editor';

const VALID_EXAMPLES = ['startup.conf', 'tap.vpp', 'af_xdp.vpp', 'vhost-user.vpp', 'af_packet.vpp', 'linux-cp.vpp', 'memif.vpp'];

describe('diagnostics', () => {
  it('reports the course mistake `create interface af-xdp` as an unknown command on `af-xdp`', async () => {
    const doc = await openExample('broken.vpp');
    const [error] = await eventually('the af-xdp error', () => errorsOf(doc.uri).length > 0 && errorsOf(doc.uri));
    assert.equal(codeOf(error), 'vpp.unknown-command');
    const start = positionOf(doc, 'interface af-xdp', 'interface '.length);
    assert.deepEqual([error.range.start.line, error.range.start.character, error.range.end.character], [start.line, start.character, start.character + 'af-xdp'.length]);
    assert.match(error.message, /af_xdp/, 'the message suggests the right spelling');
  });

  it('finds nothing wrong in the valid examples', async () => {
    const docs: vscode.TextDocument[] = [];
    for (const name of VALID_EXAMPLES) docs.push(await openExample(name));
    // the server answers in order: once a later document has its diagnostics, the earlier ones have theirs
    const probe = await openExample('broken.vpp');
    await eventually('diagnostics of the last document', () => errorsOf(probe.uri).length > 0);
    await new Promise((r) => setTimeout(r, 500));
    for (const doc of docs) {
      const problems = vscode.languages.getDiagnostics(doc.uri).map((d) => `${d.range.start.line + 1}: ${codeOf(d)} ${d.message}`);
      assert.deepEqual(problems, [], doc.uri.path);
    }
  });
});
